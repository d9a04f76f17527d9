# reduce_any / reduce_all on bool tensors.
b = tf.constant([[True, False, False], [True, True, False]])
ts = [tf.reduce_any(b), tf.reduce_all(b), tf.reduce_any(b, 0), tf.reduce_all(b, axis=1),
      tf.reduce_all(b, 0, keepdims=True), tf.reduce_any(tf.zeros([0], tf.bool)),
      tf.reduce_all(tf.zeros([0], tf.bool))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error(tf.reduce_all, tf.constant([1, 0]))
