# Elementwise unary functions on float32.
x = tf.constant([0.25, 1.0, 2.0, 4.0])
s = tf.constant([-2.0, -0.5, 0.0, 0.5, 3.0])
ts = [tf.negative(x), tf.abs(s), tf.sign(s), tf.square(s), tf.sqrt(x), tf.rsqrt(x), tf.exp(s),
      tf.log(x), tf.log1p(x), tf.sin(s), tf.cos(s), tf.tanh(s), tf.sigmoid(s),
      tf.reciprocal(x), tf.nn.relu(s), tf.floor(s), tf.ceil(s), tf.round(s), tf.nn.sigmoid(s),
      tf.nn.tanh(s), tf.math.exp(x), tf.math.log(x)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
