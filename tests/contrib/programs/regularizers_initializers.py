# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# contrib regularizers and initializers (twin: conformance/cases/contrib).
layers = tf.contrib.layers
tf.set_random_seed(5)
w = tf.constant([[1.0, -2.0], [0.5, 3.0]], name="w")
l1 = layers.l1_regularizer(0.1)(w)
l2 = layers.l2_regularizer(0.2)(w)
l1_l2 = layers.l1_l2_regularizer(0.3, 0.4)(w)
print(l1.name, l2.name, l1_l2.name)
xavier_uniform = tf.get_variable("xu", [3, 3, 2, 4],
                                 initializer=layers.xavier_initializer_conv2d(seed=1))
xavier_normal = tf.get_variable("xn", [3, 3, 2, 4],
                                initializer=layers.xavier_initializer(uniform=False, seed=2))
he = tf.get_variable("he", [6, 3], initializer=layers.variance_scaling_initializer(seed=3))
fan_out_uniform = tf.get_variable("fo", [6, 3], initializer=layers.variance_scaling_initializer(
    mode="FAN_OUT", uniform=True, seed=4))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run([l1, l2, l1_l2]), 6))
    for v in (xavier_uniform, xavier_normal, he, fan_out_uniform):
        value = sess.run(v)
        print(v.name, np.round(value.reshape(-1)[:6], 5), round(float(np.abs(value).max()), 5))
