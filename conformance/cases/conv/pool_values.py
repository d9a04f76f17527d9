# max_pool / avg_pool: values with SAME/VALID/explicit padding, ties, NaN, -inf, depthwise pooling.
x = tf.constant(np.arange(2 * 5 * 6 * 3, dtype=np.float32).reshape(2, 5, 6, 3) % 7, name="x")
pools = [
    tf.nn.max_pool(x, ksize=2, strides=2, padding="SAME"),
    tf.nn.max_pool(x, [1, 3, 2, 1], [1, 2, 1, 1], "VALID", name="mp"),
    tf.nn.max_pool(-x, 3, 2, [[0, 0], [1, 1], [2, 0], [0, 0]]),
    tf.nn.max_pool(x, [1, 1, 1, 3], [1, 1, 1, 3], "VALID"),
    tf.nn.max_pool2d(x, 3, 1, "SAME"),
    tf.nn.avg_pool(x, ksize=[3, 3], strides=2, padding="SAME"),
    tf.nn.avg_pool(x, 2, [1, 1, 2, 1], "VALID"),
    tf.nn.avg_pool2d(tf.cast(x, tf.float64), 4, 3, "SAME"),
    tf.nn.max_pool(tf.cast(x, tf.int32), 2, 1, "SAME"),
    tf.nn.max_pool(tf.cast(x, tf.uint8), 2, 2, "VALID"),
]
with tf.Session() as sess:
    for p in pools:
        v = sess.run(p)
        print(p.name, p.shape, p.dtype.name, p.op.get_attr("ksize"), p.op.get_attr("strides"))
        print(v[1, :, :, 0])
    for values in ([np.nan, 1, 2, 0], [1, np.nan, 0, 2], [np.nan] * 4, [-np.inf] * 4,
                   [np.nan, np.nan, np.nan, -1], [3, 3, 1, 3]):
        t = tf.constant(np.array(values, np.float32).reshape(1, 2, 2, 1))
        m = tf.nn.max_pool(t, 2, 1, "VALID")
        print(values, sess.run(m).ravel(), sess.run(tf.gradients(m, t)[0]).ravel(),
              sess.run(tf.nn.avg_pool(t, 2, 1, "VALID")).ravel())
    print(sess.run(tf.nn.max_pool(tf.zeros([0, 4, 4, 1]), 2, 1, "VALID")).shape)
