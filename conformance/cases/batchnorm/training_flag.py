# training as a bool tensor: TF builds tf.cond; tfcompat selects between both branches (SelectV2).
# Values must agree: batch statistics and moving-average updates only when the flag is True.
rng = np.random.RandomState(3)
x2 = tf.constant(rng.randn(6, 3).astype(np.float32))
x4 = tf.constant(rng.randn(4, 2, 3, 2).astype(np.float32))
flag = tf.placeholder(tf.bool, [], name="flag")
a = tf.layers.batch_normalization(x2, training=flag, momentum=0.5)
b = tf.layers.batch_normalization(x4, training=flag, momentum=0.7, axis=1)
print(a.shape, b.shape, len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)))
loss = tf.reduce_sum(a * a * tf.constant([1.0, 2.0, 3.0])) + tf.reduce_sum(b * tf.sin(b))
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for f in [True, True, False, True, False]:
        print(f, np.round(sess.run([loss, train], {flag: f})[0], 4))
    for v in sess.run(tf.global_variables()):
        print(np.round(v, 4).tolist())
    print(np.round(sess.run(a, {flag: False}), 4).tolist())
    print(np.round(sess.run(b, {flag: False})[0], 4).tolist())
