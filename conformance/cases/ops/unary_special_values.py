# Domain edges: sqrt/log of negatives and zero, reciprocal of zero, sigmoid/tanh saturation.
x = tf.constant([-1.0, 0.0, 1e-30, 100.0])
ts = [tf.sqrt(x), tf.log(x), tf.reciprocal(x), tf.rsqrt(x), tf.sigmoid(x * 1000.0),
      tf.tanh(x), tf.exp(x * 10.0), tf.log1p(x), tf.sign(tf.constant([np.nan, -0.0, 0.0]))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, repr(v))
