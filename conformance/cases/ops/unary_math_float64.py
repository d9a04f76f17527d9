# The same functions keep float64.
x = tf.constant([0.5, 2.0], dtype=tf.float64)
ts = [tf.sqrt(x), tf.exp(x), tf.log(x), tf.tanh(x), tf.sigmoid(x), tf.reciprocal(x),
      tf.rsqrt(x), tf.log1p(x), tf.sin(x), tf.cos(x), tf.square(x), tf.abs(-x)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, repr(v))
