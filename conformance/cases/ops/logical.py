# logical_and / or / not / xor on bool tensors, with broadcasting.
p = tf.constant([[True, True], [False, False]])
q = tf.constant([True, False])
ts = [tf.logical_and(p, q), tf.logical_or(p, q), tf.logical_not(p), tf.logical_xor(p, q),
      p & q, p | q, ~q, p ^ q]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error(tf.logical_and, tf.constant([1, 0]), tf.constant([1, 1]))
