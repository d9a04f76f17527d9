# tf.constant converts to a requested dtype when the value fits, else raises.
for value, dtype in [(1, tf.float32), (1, tf.float64), ([1, 2], tf.int64), (1.0, tf.int32),
                     (True, tf.float32), (1.5, tf.int32), (-1, tf.uint8), (300, tf.int8),
                     ('x', tf.float32), (2 ** 40, tf.int32), (1, tf.bool),
                     (np.float64(2.5), tf.float32)]:
    try:
        t = tf.constant(value, dtype=dtype)
        with tf.Session() as sess:
            print(repr(value), dtype.name, '->', t.dtype.name, repr(sess.run(t)))
    except Exception as e:
        print(repr(value), dtype.name, '->', type(e).__name__ + ':', str(e).split('\n')[0])
