# Second-order gradients through the fused complex gradient ops (TanhGrad, SigmoidGrad,
# SqrtGrad, RsqrtGrad, ReciprocalGrad) and exp.
z0 = np.array([0.3 + 0.4j, -1.2 + 0.5j, 0.7 - 0.9j]) * 1.0123
w = tf.constant([0.5 - 0.25j, -0.3 + 0.8j, 1.1 + 0.1j])
v = tf.constant([0.3 + 0.2j, -0.5 + 0.1j, 0.2 - 0.7j])
z = tf.constant(z0)
for name, fn in [("tanh", tf.tanh), ("sigmoid", tf.sigmoid), ("sqrt", tf.sqrt),
                 ("rsqrt", tf.rsqrt), ("reciprocal", tf.reciprocal), ("exp", tf.exp)]:
    first = tf.gradients(tf.real(tf.reduce_sum(w * fn(z))), z)[0]
    second = tf.gradients(tf.real(tf.reduce_sum(v * first)), z)[0]
    with tf.Session() as sess:
        a, b = sess.run([first, second])
    print(name, np.array2string(np.round(a, 5) + 0, precision=5),
          np.array2string(np.round(b, 5) + 0, precision=5))
