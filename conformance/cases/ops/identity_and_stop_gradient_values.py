# identity and stop_gradient pass values through unchanged.
x = tf.constant([[1, 2], [3, 4]])
i = tf.identity(x)
s = tf.stop_gradient(x * 2)
with tf.Session() as sess:
    print(repr(sess.run(i)), repr(sess.run(s)))
print(i.shape, i.dtype.name, s.shape, s.op.type)
