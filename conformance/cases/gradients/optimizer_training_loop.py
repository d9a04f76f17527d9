# A small linear regression trained with GradientDescentOptimizer from a fixed start.
x = tf.placeholder(tf.float32, [None, 1], name='x')
y = tf.placeholder(tf.float32, [None, 1], name='y')
w = tf.Variable([[0.0]], name='w')
b = tf.Variable([0.0], name='b')
pred = tf.matmul(x, w) + b
loss = tf.reduce_mean(tf.square(pred - y))
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
xs = np.array([[0.0], [1.0], [2.0], [3.0]], np.float32)
ys = 2.0 * xs + 1.0
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(200):
        _, current = sess.run([train, loss], {x: xs, y: ys})
        if step % 50 == 0:
            print(step, current)
    print(np.round(sess.run(w), 4), np.round(sess.run(b), 4), np.round(current, 6))
