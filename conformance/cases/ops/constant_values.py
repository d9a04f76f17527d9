# tf.constant: values, broadcasting a scalar to a shape, verify_shape-free reshaping, names.
ts = [tf.constant(3), tf.constant([1.5, 2.5]), tf.constant(7.0, shape=[2, 2]),
      tf.constant([1, 2, 3, 4], shape=[2, 2]), tf.constant(0, shape=[0]), tf.constant('s'),
      tf.constant([b'a', b'bc']), tf.constant(True), tf.constant(np.arange(3, dtype=np.int16)),
      tf.constant([[1], [2]], dtype=tf.float64, name='named')]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.name, t.dtype.name, t.shape, repr(v))
show_error(tf.constant, [1, 2, 3], shape=[2])
show_error(tf.constant, [1, 2, 3, 4, 5], shape=[2, 2])
