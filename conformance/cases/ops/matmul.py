# matmul with transposes, batched operands and shape inference.
a = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = tf.constant([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
ts = [tf.matmul(a, b), tf.matmul(a, a, transpose_b=True), tf.matmul(a, a, transpose_a=True),
      tf.matmul(b, a, transpose_a=True, transpose_b=True), a @ b]
batch = tf.constant(np.arange(12.0, dtype=np.float32).reshape(2, 2, 3))
batch_b = tf.constant(np.ones((2, 3, 1), np.float32))
ts += [tf.matmul(batch, batch_b), tf.matmul(batch, batch, transpose_b=True)]
ts += [tf.matmul(tf.constant([[1, 2]]), tf.constant([[3], [4]]))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.op.type, t.dtype.name, t.shape, repr(v))
