# clip_by_value with scalar and tensor bounds.
x = tf.constant([[-2.0, 0.5], [3.0, 10.0]])
ts = [tf.clip_by_value(x, 0.0, 1.0), tf.clip_by_value(x, [-1.0, 1.0], 5.0),
      tf.clip_by_value(tf.constant([1, 5, 9]), 2, 6), tf.clip_by_value(x, -1, 1)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.name, t.dtype.name, t.shape, repr(v))
