# maximum, minimum, squared_difference with broadcasting and scalars.
a = tf.constant([[1.0, 5.0], [-3.0, 0.0]])
ts = [tf.maximum(a, 0.0), tf.minimum(a, [2.0, 1.0]), tf.squared_difference(a, 1.0),
      tf.maximum(2, tf.constant([1, 3])), tf.minimum(a, a)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.name, t.dtype.name, t.shape, repr(v))
