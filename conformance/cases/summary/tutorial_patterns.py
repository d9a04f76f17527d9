# The TF1 tutorials' variable_summaries helper and a merged, fed training loop over steps.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains


def variable_summaries(var):
    with tf.name_scope('summaries'):
        mean = tf.reduce_mean(var)
        tf.summary.scalar('mean', mean)
        with tf.name_scope('stddev'):
            stddev = tf.sqrt(tf.reduce_mean(tf.square(var - mean)))
        tf.summary.scalar('stddev', stddev)
        tf.summary.scalar('max', tf.reduce_max(var))
        tf.summary.scalar('min', tf.reduce_min(var))
        tf.summary.histogram('histogram', var)


x = tf.placeholder(tf.float32, [None, 3], name='x-input')
with tf.name_scope('layer1'):
    with tf.name_scope('weights'):
        w = tf.Variable([[0.5, -1.0], [2.0, 0.25], [-0.75, 1.5]])
        variable_summaries(w)
    with tf.name_scope('Wx_plus_b'):
        pre = tf.matmul(x, w)
        tf.summary.histogram('pre_activations', pre)
    act = tf.nn.relu(pre, name='activation')
    tf.summary.histogram('activations', act)
loss = tf.reduce_mean(tf.square(act))
tf.summary.scalar('loss', loss)
tf.summary.scalar(w.name, tf.reduce_sum(w))
tf.summary.histogram('w', w)
merged = tf.summary.merge_all()
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
print([t.name for t in tf.get_collection(tf.GraphKeys.SUMMARIES)])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(3):
        feed = {x: np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], np.float32) * (step + 1)}
        print(step, sess.run(merged, feed))
        sess.run(train, feed)
