# Placeholders: fed values come back converted to the placeholder dtype.
x = tf.placeholder(tf.float32, [None, 2], name='x')
n = tf.placeholder(tf.int32, name='n')
y = x * 2.0
with tf.Session() as sess:
    print(repr(sess.run(y, {x: [[1, 2], [3, 4]]})))
    print(repr(sess.run(y, feed_dict={x: np.ones((1, 2), np.float64)})))
    print(repr(sess.run(n + 1, {n: 4})), repr(sess.run(n + 1, {n: [[1, 2]]})))
    print(repr(sess.run(n * 2, {n: np.int64(5)})))
print(x, n, y)
print(x.op.get_attr('dtype'), tf.TensorShape(x.op.get_attr('shape')))
