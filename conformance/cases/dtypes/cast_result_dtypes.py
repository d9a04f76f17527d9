# tf.cast and friends: output dtype and values (truncation toward zero, bool conversion).
x = tf.constant([-1.7, -0.5, 0.0, 0.5, 1.7, 2.5])
casts = [tf.cast(x, tf.int32), tf.cast(x, tf.int64), tf.cast(x, tf.bool), tf.cast(x, tf.float64),
         tf.cast(x, tf.float16), tf.to_int32(x), tf.to_int64(x), tf.to_float(tf.constant([1, 2])),
         tf.to_double(x), tf.cast(tf.constant([True, False]), tf.float32),
         tf.cast(tf.constant([300, -1]), tf.uint8)]
with tf.Session() as sess:
    for t, value in zip(casts, sess.run(casts)):
        print(t.name, t.dtype.name, repr(value))
