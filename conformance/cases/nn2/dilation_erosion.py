# dilation2d / erosion2d (SAME and VALID, strides and rates): values, shapes, gradients.
rng = np.random.RandomState(5)
x = tf.constant(rng.normal(size=(2, 5, 6, 3)).astype(np.float32))
k = tf.constant(rng.normal(size=(2, 3, 3)).astype(np.float32))
ts = [tf.nn.dilation2d(x, k, [1, 1, 1, 1], [1, 1, 1, 1], "SAME"),
      tf.nn.dilation2d(x, k, [1, 2, 1, 1], [1, 1, 2, 1], "VALID"),
      tf.nn.erosion2d(x, k, [1, 1, 1, 1], [1, 1, 1, 1], "SAME"),
      tf.nn.erosion2d(x, k, [1, 1, 2, 1], [1, 2, 1, 1], "VALID")]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g = tf.gradients([ts[0] * 2.0, ts[3]], [x, k])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(v.ravel()[:10], precision=4), float(np.round(v.sum(), 3)))
    for v in sess.run(g):
        print(np.array2string(v.ravel()[:10], precision=4), float(np.round(v.sum(), 3)))
