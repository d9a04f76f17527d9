# Gradients of matmul with transposes and batched operands.
a = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name='a')
b = tf.constant([[1.0, -1.0, 2.0], [0.5, 0.0, 1.0]], name='b')
ys = [tf.matmul(a, b), tf.matmul(a, a, transpose_a=True), tf.matmul(b, a, transpose_a=True,
      transpose_b=True), tf.matmul(a, tf.transpose(b), transpose_b=True)]
with tf.Session() as sess:
    for y in ys:
        print(y.shape, sess.run(tf.gradients(tf.reduce_sum(y * y), [a, b],
                                             unconnected_gradients='zero')))
bt = tf.constant(np.arange(12.0, dtype=np.float32).reshape(2, 2, 3), name='bt')
ct = tf.constant(np.ones((2, 3, 2), np.float32), name='ct')
with tf.Session() as sess:
    print(sess.run(tf.gradients(tf.reduce_sum(tf.matmul(bt, ct)), [bt, ct])))
