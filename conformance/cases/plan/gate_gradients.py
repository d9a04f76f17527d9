# Optimizer.minimize groups each op's input gradients (gate_gradients=GATE_OP): the gradient
# with respect to a placeholder is only control-consumed and is skipped; the step is unchanged.
rng = np.random.RandomState(0)
x = tf.placeholder(tf.float32, [None, 3])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.ones([3, 1]))
b = tf.Variable(tf.zeros([1]))
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
train = tf.train.AdamOptimizer(0.1).minimize(loss)
grads = tf.gradients(loss, [x, w], gate_gradients=True)
xs = rng.rand(4, 3).astype(np.float32)
ys = rng.rand(4, 1).astype(np.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train, {x: xs, y: ys})
    print(np.round(sess.run(w).ravel(), 5), np.round(sess.run(b), 5))
    gx, gw = sess.run(grads, {x: xs, y: ys})
    print(np.round(gx, 5))
    print(np.round(gw.ravel(), 5))
