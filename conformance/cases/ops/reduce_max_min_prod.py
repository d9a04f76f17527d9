# reduce_max / reduce_min / reduce_prod, including empty reductions.
x = tf.constant([[1.0, -2.0, 3.0], [4.0, 0.5, -7.0]])
ts = [tf.reduce_max(x), tf.reduce_max(x, 0), tf.reduce_min(x, axis=1),
      tf.reduce_min(x, 1, keepdims=True), tf.reduce_prod(x), tf.reduce_prod(x, 0),
      tf.reduce_max(tf.constant([[3, 1]]), 1), tf.reduce_prod(tf.zeros([0])),
      tf.reduce_max(tf.zeros([0])), tf.reduce_min(tf.zeros([0], tf.int32))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
