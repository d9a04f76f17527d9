# A conv training step behind tf.cond on an is_training placeholder (dropout-like scaling in
# training, identity in inference; tfcompat plans the ops after the cond's Merge as live): loss
# and variable sums over steps alternating the predicate, a nested cond after it, and a control
# edge from a branch op (dead when that branch is not taken).
rng = np.random.RandomState(4)
xs = rng.rand(8, 12, 12, 1).astype(np.float32)
x = tf.placeholder(tf.float32, [None, 12, 12, 1])
training = tf.placeholder(tf.bool, [])
h = tf.cond(training, lambda: x * 1.25, lambda: tf.identity(x))
w = tf.Variable(tf.truncated_normal([3, 3, 1, 4], stddev=0.2, seed=3))
b = tf.Variable(tf.zeros([4]))
conv = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(h, w, [1, 1, 1, 1], "SAME"), b))
pooled = tf.nn.max_pool(conv, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
scale = tf.cond(training, lambda: tf.cond(training, lambda: 2.0, lambda: 3.0), lambda: 1.0)
loss = tf.reduce_mean(tf.square(pooled - 0.5)) * scale
train = tf.train.AdamOptimizer(0.01).minimize(loss)
print(sorted({op.type for op in tf.get_default_graph().get_operations()
              if op.name.startswith("gradients/")})[:12])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        feed = {x: xs, training: step % 2 == 0}
        _, lv = sess.run([train, loss], feed)
        wv, bv = sess.run([w, b])
        print(step, round(float(lv), 5), round(float(wv.sum()), 5), np.round(bv, 5).tolist())
    print(sess.run(pooled, {x: xs[:1], training: False}).shape)
branch = []


def true_fn():
    y = x * 2.0
    branch.append(y.op)
    return y


c = tf.cond(training, true_fn, lambda: x)
with tf.control_dependencies(branch):
    after = tf.reduce_sum(c)
with tf.Session() as sess:
    print(round(float(sess.run(after, {x: xs, training: True})), 4))
    try:
        sess.run(after, {x: xs, training: False})
    except tf.errors.InvalidArgumentError as e:
        print(type(e).__name__, str(e).splitlines()[0])
