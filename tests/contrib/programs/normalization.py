# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# contrib batch_norm with in-place updates, and layer_norm (twin: conformance/cases/contrib).
x = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4) ** 1.5 / 10.0)
bn = tf.contrib.layers.batch_norm(x, updates_collections=None, is_training=True)
ln = tf.contrib.layers.layer_norm(x)
print([(v.name, v.shape.as_list()) for v in tf.global_variables()])
moving_mean, moving_variance = tf.global_variables()[1:3]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run(bn), 5))
    print(np.round(sess.run([moving_mean, moving_variance]), 6))
    print(np.round(sess.run(ln), 5))
