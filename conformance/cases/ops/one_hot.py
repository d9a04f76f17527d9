# one_hot with on/off values, axis, dtype and out-of-range indices.
ts = [tf.one_hot([0, 2, -1, 5], 3), tf.one_hot([1, 0], 2, on_value=5, off_value=-1),
      tf.one_hot([[0, 1]], 2, axis=0), tf.one_hot([1], 3, dtype=tf.int64),
      tf.one_hot(tf.constant([2], tf.int64), 4, 1.0, 0.0, axis=-1), tf.one_hot(1, 3)]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error(tf.one_hot, [0], 2, on_value=1.0, off_value=0)
print(tf.one_hot(tf.placeholder(tf.int32, [None]), 4).shape)
