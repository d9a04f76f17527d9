# l2_normalize, zero_fraction, xw_plus_b, relu_layer, weighted cross entropy, log_poisson_loss,
# lrn, moments helpers and the loss scalers.
x = tf.constant([[1.0, -2.0, 0.0], [3.0, 0.0, 4.0]])
w = tf.constant([[1.0, 0.5], [-1.0, 2.0], [0.0, 1.0]])
bias = tf.constant([0.1, -0.2])
img = tf.constant(np.linspace(-1, 1, 24, dtype=np.float32).reshape(1, 2, 2, 6))
counts, m_ss, v_ss, shift = tf.nn.sufficient_statistics(x, [0])
mean, var = tf.nn.normalize_moments(counts, m_ss, v_ss, None)
wmean, wvar = tf.nn.weighted_moments(x, [1], tf.constant([[1.0], [2.0]]))
ts = [tf.nn.l2_normalize(x, axis=1), tf.math.l2_normalize(x), tf.nn.zero_fraction(x),
      tf.nn.xw_plus_b(x, w, bias), tf.nn.relu_layer(x, w, bias),
      tf.nn.weighted_cross_entropy_with_logits(labels=tf.constant([1.0, 0.0, 0.5]),
                                               logits=x[0], pos_weight=3.0),
      tf.nn.log_poisson_loss(tf.constant([0.0, 2.0, 5.0]), x[1]),
      tf.nn.log_poisson_loss(tf.constant([0.0, 2.0, 5.0]), x[1], compute_full_loss=True),
      tf.nn.lrn(img, depth_radius=2, bias=1.0, alpha=0.5, beta=0.75),
      tf.nn.local_response_normalization(img),
      counts, m_ss, v_ss, mean, var, wmean, wvar,
      tf.nn.scale_regularization_loss(x), tf.nn.compute_average_loss(x[0]),
      tf.nn.compute_average_loss(x[0], global_batch_size=6)]
for t in ts:
    print(t.op.type, t.dtype.name, t.shape)
print(shift)
g = tf.gradients([tf.nn.lrn(img, depth_radius=2, bias=1.0, alpha=0.5, beta=0.75) *
                  tf.range(24.0, dtype=tf.float32)[None, None, None, :6]], img)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(np.array2string(sess.run(g)[0], precision=5))
