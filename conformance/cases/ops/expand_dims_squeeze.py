# expand_dims (positive and negative axis, dim alias) and squeeze (all or chosen axes).
x = tf.constant([[1, 2, 3]])
ts = [tf.expand_dims(x, 0), tf.expand_dims(x, -1), tf.expand_dims(x, 1),
      tf.expand_dims(x, dim=2), tf.squeeze(x), tf.squeeze(tf.zeros([1, 2, 1, 1])),
      tf.squeeze(tf.zeros([1, 2, 1]), [0]), tf.squeeze(tf.zeros([1, 2, 1]), axis=-1),
      tf.squeeze(tf.zeros([1, 2, 1]), squeeze_dims=[2])]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
show_error_contains(lambda: tf.squeeze(x, [1]),
                    'Can not squeeze dim[1], expected a dimension of 1, got 3')
show_error_contains(lambda: tf.expand_dims(x, 4), 'dim 4 not in the interval [-3, 2]')
p = tf.placeholder(tf.float32, [None, 1, 3])
print(tf.squeeze(p).shape, tf.squeeze(p, [1]).shape, tf.expand_dims(p, 1).shape)
