# matrix_band_part, matrix_diag(_part) / matrix_set_diag with k, eye, trace, and gradients.
x = tf.constant(np.arange(12.0).reshape(3, 4))
b = tf.constant(np.arange(24.0).reshape(2, 3, 4))
ts = [tf.matrix_band_part(x, 1, 0), tf.matrix_band_part(b, -1, 1), tf.linalg.band_part(x, 0, 0),
      tf.matrix_diag([1.0, 2.0]), tf.matrix_diag([[1, 2], [3, 4]]),
      tf.linalg.diag([1.0, 2.0], k=1), tf.linalg.diag([1.0, 2.0], k=-1, num_rows=4),
      tf.linalg.diag([1.0, 2.0], num_cols=3, padding_value=9),
      tf.matrix_diag_part(x), tf.linalg.diag_part(b, k=1), tf.linalg.diag_part(x, k=-2),
      tf.matrix_set_diag(x, [7.0, 8.0, 9.0]), tf.linalg.set_diag(x, [5.0, 6.0, 7.0], k=1),
      tf.eye(2), tf.eye(2, 3, dtype=tf.int32), tf.eye(2, batch_shape=[2]), tf.eye(0),
      tf.trace(x), tf.linalg.trace(b), tf.linalg.tensor_diag([1, 2]),
      tf.linalg.tensor_diag_part(tf.reshape(tf.range(16), [4, 4]))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g = tf.gradients([tf.matrix_band_part(x, 1, 0) * x, tf.linalg.diag_part(x, k=1) * 3,
                  tf.trace(x * x)], x)
g2 = tf.gradients(tf.linalg.set_diag(x, tf.constant([5.0, 6.0, 7.0], tf.float64)) * x,
                  x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(sess.run(g)[0])
    print(sess.run(g2)[0])
