# Core-op twin of tests/contrib/programs/normalization.py: TF 1.15's contrib batch_norm
# (decay 0.999, epsilon 0.001, center, no scale; updates run in place with
# updates_collections=None) and layer_norm (moments over axes 1.., epsilon 1e-12).
x = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4) ** 1.5 / 10.0)
with tf.variable_scope("BatchNorm"):
    beta = tf.get_variable("beta", [4], initializer=tf.zeros_initializer())
    moving_mean = tf.get_variable("moving_mean", [4], initializer=tf.zeros_initializer(),
                                  trainable=False)
    moving_variance = tf.get_variable("moving_variance", [4],
                                      initializer=tf.ones_initializer(), trainable=False)
    mean, variance = tf.nn.moments(x, [0, 1])
    update_mean = tf.assign_sub(moving_mean, (moving_mean - mean) * (1 - 0.999))
    update_variance = tf.assign_sub(moving_variance,
                                    (moving_variance - variance) * (1 - 0.999))
    normalized = tf.nn.batch_normalization(x, mean, variance, beta, None, 0.001)
    with tf.control_dependencies([update_mean, update_variance]):
        bn = tf.identity(normalized)
with tf.variable_scope("LayerNorm"):
    ln_beta = tf.get_variable("beta", [4], initializer=tf.zeros_initializer())
    ln_gamma = tf.get_variable("gamma", [4], initializer=tf.ones_initializer())
    ln_mean, ln_variance = tf.nn.moments(x, [1, 2], keep_dims=True)
    ln = tf.nn.batch_normalization(x, ln_mean, ln_variance, ln_beta, ln_gamma, 1e-12)
print([(v.name, v.shape.as_list()) for v in tf.global_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run(bn), 5))
    print(np.round(sess.run([moving_mean, moving_variance]), 6))
    print(np.round(sess.run(ln), 5))
