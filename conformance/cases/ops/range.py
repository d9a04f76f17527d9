# range with int and float arguments, negative deltas and dtype.
ts = [tf.range(5), tf.range(2, 8), tf.range(2, 8, 3), tf.range(5, 0, -2), tf.range(0.0, 1.0, 0.25),
      tf.range(3, dtype=tf.float32), tf.range(1, 2.5), tf.range(0), tf.range(tf.constant(4)),
      tf.range(start=1, limit=4, delta=1, dtype=tf.int64)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error_contains(lambda: tf.range(1, 5, 0), 'Requires delta != 0')
