# cast between float, int, bool and back; to_float/to_int32/to_int64.
x = tf.constant([[-2.9, -0.1], [0.9, 3.5]])
ts = [tf.cast(x, tf.int32), tf.cast(tf.cast(x, tf.int32), tf.float32), tf.to_int64(x),
      tf.to_float(tf.constant([1, -2])), tf.to_int32(tf.constant([1.9])),
      tf.cast(tf.constant([0, 2]), tf.bool), tf.cast(tf.constant([True]), tf.int32),
      tf.cast(x, tf.float64), tf.cast(tf.constant(1e10), tf.float16)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.name, t.dtype.name, t.shape, repr(v))
c = tf.constant([1.0])
print(tf.cast(c, tf.float32) is c, tf.cast(c, tf.float32).name)
