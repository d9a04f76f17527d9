# equal, not_equal, less, less_equal, greater, greater_equal with broadcasting.
a = tf.constant([[1, 2, 3], [4, 5, 6]])
b = tf.constant([3, 2, 1])
ts = [tf.equal(a, b), tf.not_equal(a, b), tf.less(a, b), tf.less_equal(a, b), tf.greater(a, b),
      tf.greater_equal(a, b), a > 3, 3 < a, tf.equal(tf.constant(['x', 'y']), 'x'),
      tf.equal(tf.constant([1.0, np.nan]), tf.constant([1.0, np.nan]))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error(tf.equal, a, tf.constant([1.0, 2.0, 3.0]))
