# The gradient of gather w.r.t. its params is an IndexedSlices, densified on conversion.
x = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name='x')
y = tf.reduce_sum(tf.gather(x, [2, 0, 2]) * 2.0)
g = tf.gradients(y, x)[0]
print(type(g).__name__, isinstance(g, tf.IndexedSlices), isinstance(g, tf.Tensor))
print(g.values, g.indices, g.dense_shape, g.dtype, g.name)
dense = tf.convert_to_tensor(g)
print(dense.shape, dense.dtype)
with tf.Session() as sess:
    value = sess.run(g)
    print(type(value).__name__, repr(value.values), repr(value.indices), repr(value.dense_shape))
    print(repr(sess.run(dense)))
v = tf.Variable([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]], name='v')
loss = tf.reduce_sum(tf.gather(v, [0, 0, 1]))
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
print(type(tf.gradients(loss, v)[0]).__name__, train.name)
with tf.Session() as sess:
    sess.run(v.initializer)
    sess.run(train)
    print(repr(sess.run(v)))
