# reduce_sum / reduce_mean with axis forms, keepdims, keep_dims and reduction_indices.
x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
ts = [tf.reduce_sum(x), tf.reduce_sum(x, 0), tf.reduce_sum(x, axis=1),
      tf.reduce_sum(x, axis=[0, 1]), tf.reduce_sum(x, axis=-1), tf.reduce_sum(x, 1, keepdims=True),
      tf.reduce_sum(x, 1, keep_dims=True), tf.reduce_sum(x, reduction_indices=[0]),
      tf.reduce_sum(x, axis=()), tf.reduce_mean(x), tf.reduce_mean(x, 0),
      tf.reduce_mean(x, axis=1, keepdims=True), tf.reduce_mean(tf.constant([1, 2])),
      tf.reduce_sum(tf.constant([1, 2, 3])),
      tf.reduce_sum(tf.zeros([0, 3]), 0), tf.reduce_mean(x, axis=tf.constant(0))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
