# Core-op twin of tests/contrib/programs/regularizers_initializers.py: TF 1.15's contrib
# regularizers (scale * sum|w|, scale * l2_loss(w), their sum under l1_l2_regularizer) and
# initializers (xavier: glorot uniform; xavier normal and variance scaling: truncated normal
# with stddev sqrt(1.3 * factor / n)).
tf.set_random_seed(5)
w = tf.constant([[1.0, -2.0], [0.5, 3.0]], name="w")
with tf.name_scope(None, "l1_regularizer", [w]) as name:
    l1 = tf.multiply(tf.convert_to_tensor(0.1, name="scale"), tf.reduce_sum(tf.abs(w)), name=name)
with tf.name_scope(None, "l2_regularizer", [w]) as name:
    l2 = tf.multiply(tf.convert_to_tensor(0.2, name="scale"), tf.nn.l2_loss(w), name=name)
with tf.name_scope(None, "l1_l2_regularizer", [w]) as scope:
    with tf.name_scope(None, "l1_regularizer", [w]) as name:
        a = tf.multiply(tf.convert_to_tensor(0.3, name="scale"), tf.reduce_sum(tf.abs(w)),
                        name=name)
    with tf.name_scope(None, "l2_regularizer", [w]) as name:
        b = tf.multiply(tf.convert_to_tensor(0.4, name="scale"), tf.nn.l2_loss(w), name=name)
    l1_l2 = tf.add_n([a, b], name=scope)
print(l1.name, l2.name, l1_l2.name)
fan_in, fan_out = 3 * 3 * 2, 3 * 3 * 4
xavier_uniform = tf.get_variable("xu", [3, 3, 2, 4], initializer=tf.glorot_uniform_initializer(
    seed=1))
xavier_normal = tf.get_variable("xn", [3, 3, 2, 4], initializer=tf.truncated_normal_initializer(
    0.0, np.sqrt(1.3 / ((fan_in + fan_out) / 2.0)), seed=2))
he = tf.get_variable("he", [6, 3], initializer=tf.truncated_normal_initializer(
    0.0, np.sqrt(1.3 * 2.0 / 6), seed=3))
fan_out_uniform = tf.get_variable("fo", [6, 3], initializer=tf.random_uniform_initializer(
    -np.sqrt(3.0 * 2.0 / 3), np.sqrt(3.0 * 2.0 / 3), seed=4))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run([l1, l2, l1_l2]), 6))
    for v in (xavier_uniform, xavier_normal, he, fan_out_uniform):
        value = sess.run(v)
        print(v.name, np.round(value.reshape(-1)[:6], 5), round(float(np.abs(value).max()), 5))
