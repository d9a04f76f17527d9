# tf.where with one argument (coordinates) and three (v1 select: same shape or a vector cond).
c = tf.constant([[True, False], [False, True]])
x = tf.constant([[1, 2], [3, 4]])
y = tf.constant([[10, 20], [30, 40]])
ts = [tf.where(c), tf.where(c, x, y), tf.where(tf.constant([True, False]), x, y),
      tf.where(tf.constant([False, False])), tf.where(x > 2, x, tf.zeros_like(x))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error_contains(lambda: tf.where(c, x, tf.constant([1, 2])), 'Shapes must be equal rank')
show_error(tf.where, c, x)
