# Types of returned values: numpy scalars for 0-d results, ndarrays otherwise, bytes for strings.
ts = [tf.constant(3.0), tf.constant(3.0, tf.float64), tf.constant(1, tf.int64), tf.constant(2),
      tf.constant(True), tf.constant('hi'), tf.constant(['a', 'bc']), tf.constant([1.0]),
      tf.constant([[1]], tf.int64), tf.constant(np.float16(1.5)), tf.constant(7, tf.uint8),
      tf.reduce_sum(tf.constant([1.0, 2.0])), tf.constant(1.0) > 0.0, tf.zeros([0]),
      tf.constant(np.complex64(1 + 2j))]
with tf.Session() as sess:
    for v in sess.run(ts):
        print(type(v).__name__, repr(v))
