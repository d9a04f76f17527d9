# conv3d / conv3d_transpose / conv3d_backprop_filter_v2, max_pool3d / avg_pool3d: values,
# names, shapes and gradients.
rng = np.random.RandomState(1)
x = tf.constant(rng.normal(size=(2, 3, 5, 4, 2)).astype(np.float32))
f = tf.constant(rng.normal(size=(2, 2, 3, 2, 3)).astype(np.float32))
ts = [tf.nn.conv3d(x, f, [1, 1, 1, 1, 1], "SAME"), tf.nn.conv3d(x, f, [1, 1, 2, 2, 1], "VALID"),
      tf.nn.conv3d_transpose(x, tf.transpose(f, [0, 1, 2, 4, 3]), [2, 6, 10, 8, 3],
                             [1, 2, 2, 2, 1]),
      tf.nn.conv3d_backprop_filter_v2(x, [2, 2, 3, 2, 3], tf.ones([2, 3, 5, 4, 3]),
                                      [1, 1, 1, 1, 1], "SAME"),
      tf.nn.max_pool3d(x, [1, 2, 2, 2, 1], [1, 1, 2, 1, 1], "SAME"),
      tf.nn.max_pool3d(x, [1, 1, 2, 2, 1], [1, 1, 2, 2, 1], "VALID"),
      tf.nn.avg_pool3d(x, [1, 2, 3, 2, 1], [1, 1, 2, 2, 1], "SAME"),
      tf.nn.avg_pool3d(x, [1, 3, 2, 2, 1], [1, 1, 1, 1, 1], "VALID")]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
w = tf.constant(rng.normal(size=(2, 3, 5, 4, 3)).astype(np.float32))
g = tf.gradients(tf.nn.conv3d(x, f, [1, 1, 1, 1, 1], "SAME") * w, [x, f])
g2 = tf.gradients([tf.nn.max_pool3d(x, [1, 2, 2, 2, 1], [1, 1, 2, 1, 1], "SAME") * 2,
                   tf.nn.avg_pool3d(x, [1, 2, 3, 2, 1], [1, 1, 2, 2, 1], "SAME") * 3], x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(v.ravel()[:10], precision=4), float(np.round(v.sum(), 3)))
    for v in sess.run(g) + sess.run(g2):
        print(np.array2string(v.ravel()[:10], precision=4), float(np.round(v.sum(), 3)))
