# tf.layers conv3d / conv3d_transpose / separable_conv1d / separable_conv2d / max_pooling3d /
# average_pooling3d: output tensors, op names and types, variables (seeded glorot values),
# outputs, gradients and a short training trajectory. Dilated layers print values only (their
# space-to-batch helper constants are not listed).
tf.set_random_seed(7)
x1 = tf.constant(np.arange(2 * 7 * 3, dtype=np.float32).reshape(2, 7, 3) / 10)
x2 = tf.constant(np.arange(2 * 5 * 5 * 3, dtype=np.float32).reshape(2, 5, 5, 3) / 50)
x3 = tf.constant(np.arange(2 * 4 * 5 * 5 * 3, dtype=np.float32).reshape(2, 4, 5, 5, 3) / 100)
outs = []
for listed, f in [
        (True, lambda: tf.layers.conv3d(x3, 2, 2, padding="same")),
        (True, lambda: tf.layers.conv3d(x3, 2, (2, 3, 1), strides=(1, 2, 1), use_bias=False)),
        (False, lambda: tf.layers.conv3d(x3, 2, 2, dilation_rate=2, activation=tf.nn.relu)),
        (True, lambda: tf.layers.conv3d_transpose(x3, 2, 3, strides=2, padding="same")),
        (True, lambda: tf.layers.conv3d_transpose(x3, 2, (2, 3, 1), strides=(1, 2, 1),
                                                  use_bias=False)),
        (True, lambda: tf.layers.separable_conv2d(x2, 4, 3, padding="same", depth_multiplier=2)),
        (True, lambda: tf.layers.separable_conv2d(x2, 4, 2, strides=2, use_bias=False)),
        (False, lambda: tf.layers.separable_conv2d(x2, 4, 2, dilation_rate=2)),
        (True, lambda: tf.layers.separable_conv1d(x1, 4, 3, padding="same")),
        (True, lambda: tf.layers.separable_conv1d(x1, 4, 2, strides=2, depth_multiplier=2,
                                                  activation=tf.nn.tanh)),
        (False, lambda: tf.layers.separable_conv1d(x1, 4, 2, dilation_rate=2, padding="causal")),
        (True, lambda: tf.layers.max_pooling3d(x3, 2, 2)),
        (True, lambda: tf.layers.average_pooling3d(x3, (2, 3, 3), (1, 2, 2), padding="same")),
        (True, lambda: tf.layers.SeparableConv2D(2, 1, activation=tf.nn.relu)(x2))]:
    n0 = len(tf.get_default_graph().get_operations())
    y = f()
    outs.append(y)
    if listed:
        print(y, [(o.name, o.type) for o in tf.get_default_graph().get_operations()[n0:]
                  if "Initializer" not in o.name])
    else:
        print(y)
for v in tf.trainable_variables():
    print(v)
for cls, args in [(tf.layers.SeparableConv2D, (2, 1)), (tf.layers.SeparableConv1D, (2, 1)),
                  (tf.layers.Conv3D, (2, 1)), (tf.layers.Conv3DTranspose, (2, 1)),
                  (tf.layers.MaxPooling3D, (2, 1)), (tf.layers.AveragePooling3D, (2, 1))]:
    layer = cls(*args)
    print(layer.name, layer.input_spec)
model_vars = tf.trainable_variables()
sep = tf.layers.SeparableConv1D(3, 2, name="named_sep")
y = sep(x1)
print(sep.depthwise_kernel, sep.pointwise_kernel, sep.bias, sep.input_spec, y)
loss = tf.add_n([tf.reduce_mean(tf.square(o)) for o in outs])
grads = tf.gradients(loss, model_vars)
train = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in sess.run(model_vars[:6]):
        print(np.round(v, 4).tolist())
    for v in sess.run(outs):
        print(np.round(v, 3).ravel()[::7].tolist())
    for g in sess.run(grads):
        print(np.round(g, 3).ravel()[::3].tolist())
    for _ in range(3):
        print(round(float(sess.run([loss, train])[0]), 4))
show_error(tf.layers.conv3d, tf.zeros([2, 3, 3, 3]), 1, 1)
show_error(tf.layers.conv3d_transpose, tf.zeros([2, 3, 3, 3]), 1, 1)
show_error(tf.layers.max_pooling3d, tf.zeros([2, 3, 3, 3]), 1, 1)
show_error(tf.layers.separable_conv2d, tf.zeros([2, 3, 3]), 1, 1)
show_error(tf.layers.separable_conv1d, tf.zeros([2, 3]), 1, 1)
show_error(tf.layers.conv3d, x3, 1, 1, padding="causal")
