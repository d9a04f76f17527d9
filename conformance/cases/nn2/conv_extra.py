# conv1d(_transpose), 1-D and v2 pools, convolution / atrous_conv2d with dilation, depthwise
# and separable convolutions, pool, max_pool_with_argmax: values, names, shapes, gradients.
rng = np.random.RandomState(0)
x1 = tf.constant(rng.normal(size=(2, 7, 3)).astype(np.float32))
x = tf.constant(rng.normal(size=(2, 6, 5, 3)).astype(np.float32))
f1 = tf.constant(rng.normal(size=(2, 3, 4)).astype(np.float32))
f = tf.constant(rng.normal(size=(2, 3, 3, 2)).astype(np.float32))
f4 = tf.constant(rng.normal(size=(2, 2, 3, 4)).astype(np.float32))
pw = tf.constant(rng.normal(size=(1, 1, 6, 4)).astype(np.float32))
ts = [tf.nn.conv1d(x1, f1, 1, "SAME"), tf.nn.conv1d(x1, f1, 2, "VALID", dilations=1),
      tf.nn.conv1d_transpose(x1, f1[:, :3, :3], [2, 14, 3], 2),
      tf.nn.max_pool1d(x1, 2, 2, "VALID"), tf.nn.avg_pool1d(x1, 3, 1, "SAME"),
      tf.nn.max_pool_v2(x, 2, 2, "VALID"), tf.nn.avg_pool_v2(x, [2, 3], 1, "SAME"),
      tf.nn.max_pool_v2(x1, 2, 1, "SAME"),
      tf.nn.convolution(x, f4, "VALID"), tf.nn.convolution(x, f4, "SAME", dilation_rate=[2, 2]),
      tf.nn.convolution(x, f4, "VALID", dilation_rate=[2, 1]), tf.nn.convolution(x1, f1, "SAME"),
      tf.nn.atrous_conv2d(x, f4, 2, "SAME"), tf.nn.atrous_conv2d(x, f4, 3, "VALID"),
      tf.nn.depthwise_conv2d(x, f, [1, 1, 1, 1], "SAME"),
      tf.nn.depthwise_conv2d(x, f, [1, 1, 1, 1], "SAME", rate=[2, 2]),
      tf.nn.depthwise_conv2d_native(x, f, [1, 2, 2, 1], "VALID"),
      tf.nn.separable_conv2d(x, f, pw, [1, 1, 1, 1], "VALID"),
      tf.nn.separable_conv2d(x, f, pw, [1, 1, 1, 1], "SAME", rate=[2, 2]),
      tf.nn.pool(x, [2, 2], "MAX", "VALID"), tf.nn.pool(x, [3, 2], "AVG", "SAME", strides=[2, 1]),
      tf.nn.pool(x1, [2], "MAX", "SAME"),
      tf.nn.conv_transpose(x, tf.transpose(f4, [0, 1, 3, 2]), [2, 12, 10, 4], 2)]
out, argmax = tf.nn.max_pool_with_argmax(x, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
out2, argmax2 = tf.nn.max_pool_with_argmax(x, [1, 3, 3, 1], [1, 2, 2, 1], "VALID",
                                           include_batch_in_index=True)
ts += [out, argmax, out2, argmax2]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
w = tf.constant(rng.normal(size=(2, 6, 5, 6)).astype(np.float32))
g = tf.gradients([tf.nn.depthwise_conv2d(x, f, [1, 1, 1, 1], "SAME") * w], [x, f])
g2 = tf.gradients([tf.nn.conv1d(x1, f1, 1, "SAME") * 2, out * 3,
                   tf.nn.separable_conv2d(x, f, pw, [1, 1, 1, 1], "SAME", rate=[2, 2])],
                  [x1, x, f, pw])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v).ravel()[:12], precision=4), np.asarray(v).sum()
              if v.dtype.kind == "f" else int(np.asarray(v).sum()))
    for v in sess.run(g) + sess.run(g2):
        print(np.array2string(v.ravel()[:10], precision=4), float(np.round(v.sum(), 3)))
