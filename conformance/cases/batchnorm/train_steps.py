# The classic pattern: UPDATE_OPS as control dependencies of minimize; values over a few steps,
# with a moments-path (2-D) and a fused (4-D) batch norm, then inference with the moving averages.
rng = np.random.RandomState(1)
x_val = rng.randn(8, 4, 4, 2).astype(np.float32)
y_val = rng.randn(8, 1).astype(np.float32)
x = tf.placeholder(tf.float32, [None, 4, 4, 2], name="x")
y = tf.placeholder(tf.float32, [None, 1], name="y")
training = tf.placeholder_with_default(False, [], name="training")
h = tf.layers.conv2d(x, 3, 3, kernel_initializer=tf.constant_initializer(
    rng.randn(3, 3, 2, 3).astype(np.float32) * 0.3), use_bias=False)
h = tf.nn.relu(tf.layers.batch_normalization(h, training=True, momentum=0.9))
h = tf.layers.flatten(h)
h = tf.layers.dense(h, 5, kernel_initializer=tf.constant_initializer(
    rng.randn(12, 5).astype(np.float32) * 0.3))
h = tf.layers.batch_normalization(h, training=True, momentum=0.8, epsilon=0.01)
out = tf.layers.dense(tf.nn.tanh(h), 1, kernel_initializer=tf.constant_initializer(0.2))
loss = tf.losses.mean_squared_error(y, out)
update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
print([op.name for op in update_ops])
with tf.control_dependencies(update_ops):
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
print(sorted(op.name for op in train.control_inputs))
moving = [v for v in tf.global_variables() if "moving" in v.name]
print([v.name for v in moving])
# An inference layer sharing the trained variables uses the moving averages.
infer = tf.layers.batch_normalization(tf.constant(x_val.reshape(8, 32)[:, :5]), training=False,
                                      name="batch_normalization_1", reuse=True)
print(infer)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run(infer)[:2], 5).tolist())
    for step in range(4):
        _, l = sess.run([train, loss], {x: x_val, y: y_val})
        print(step, round(float(l), 5))
    for v in sess.run(moving):
        print(np.round(v, 5).tolist())
    gamma_beta = [v for v in tf.trainable_variables() if "gamma" in v.name or "beta" in v.name]
    for v in sess.run(gamma_beta):
        print(np.round(v, 5).tolist())
    print(np.round(sess.run(infer)[:2], 5).tolist())
