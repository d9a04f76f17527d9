# reshape with -1, from unknown shapes and errors.
x = tf.constant(np.arange(6, dtype=np.int32))
ts = [tf.reshape(x, [2, 3]), tf.reshape(x, [-1, 2]), tf.reshape(x, [3, -1]), tf.reshape(x, [6]),
      tf.reshape(tf.constant(5), [1, 1]), tf.reshape(x, tf.constant([1, 6])),
      tf.reshape(tf.constant([[7]]), [])]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error_contains(lambda: tf.reshape(x, [4, 2]),
                    'Cannot reshape a tensor with 6 elements to shape [4,2] (8 elements)')
show_error(tf.reshape, x, [-1, -1])
show_error_contains(lambda: tf.reshape(x, [4, -1]),
                    'Dimension size must be evenly divisible by 4 but is 6')
p = tf.placeholder(tf.float32, [None, 3])
print(tf.reshape(p, [-1]).shape, tf.reshape(p, [-1, 3, 1]).shape, tf.reshape(p, [2, -1]).shape)
r = tf.reshape(p, [-1, 6])
with tf.Session() as sess:
    print(repr(sess.run(r, {p: np.ones((4, 3))})))
    show_error_contains(lambda: sess.run(r, {p: np.ones((1, 3))}),
                        'Input to reshape is a tensor with 3 values')
