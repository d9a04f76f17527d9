# The classic linear-regression tutorial: scalar placeholders, Sum of squared errors, plain SGD.
rng = np.random.RandomState(0)
train_X = np.linspace(0.0, 10.0, 17).astype(np.float32)
train_Y = (0.3 * train_X + 1.5 + rng.randn(17) * 0.2).astype(np.float32)
n = train_X.shape[0]
X = tf.placeholder("float")
Y = tf.placeholder("float")
W = tf.Variable(0.5, name="weight")
b = tf.Variable(0.1, name="bias")
pred = tf.add(tf.multiply(X, W), b)
cost = tf.reduce_sum(tf.pow(pred - Y, 2)) / (2 * n)
optimizer = tf.train.GradientDescentOptimizer(0.01).minimize(cost)
print(cost.shape, cost.op.type, [op.type for op in tf.get_default_graph().get_operations()
                                 if "gradients" in op.name and op.type == "FloorMod"])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(3):
        for (x, y) in zip(train_X, train_Y):
            sess.run(optimizer, feed_dict={X: x, Y: y})
        c = sess.run(cost, feed_dict={X: train_X, Y: train_Y})
        print(epoch, round(float(c), 5), np.round(sess.run([W, b]), 5).tolist())
