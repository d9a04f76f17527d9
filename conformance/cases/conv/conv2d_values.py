# tf.nn.conv2d: shapes and values for SAME/VALID/explicit padding, strides, dilations, groups.
rng = np.random.RandomState(0)
x = tf.constant(rng.uniform(-1, 1, [2, 6, 7, 4]).astype(np.float32), name="x")
w = tf.constant(rng.uniform(-1, 1, [3, 3, 4, 5]).astype(np.float32), name="w")
w_grouped = tf.constant(rng.uniform(-1, 1, [2, 2, 2, 6]).astype(np.float32), name="wg")
settings = [
    dict(strides=1, padding="SAME"),
    dict(strides=2, padding="SAME"),
    dict(strides=[2, 3], padding="VALID"),
    dict(strides=[1, 1, 2, 1], padding=[[0, 0], [1, 2], [0, 1], [0, 0]]),
    dict(strides=1, padding="SAME", dilations=2),
    dict(strides=2, padding="VALID", dilations=[2, 1]),
]
outputs = [tf.nn.conv2d(x, w, **kw) for kw in settings]
outputs.append(tf.nn.conv2d(x, filters=w_grouped, strides=1, padding="SAME", name="grouped"))
outputs.append(tf.nn.conv2d(tf.cast(x * 4, tf.int32), tf.cast(w * 4, tf.int32), 1, "VALID"))
outputs.append(tf.nn.conv2d(tf.cast(x, tf.float64), tf.cast(w, tf.float64), 3, "SAME"))
with tf.Session() as sess:
    for y in outputs:
        value = sess.run(y)
        print(y.name, y.shape, y.dtype.name, y.op.get_attr("strides"),
              y.op.get_attr("explicit_paddings"), y.op.get_attr("dilations"))
        print(value[1, :, :, 0])
        print(value.sum(axis=(0, 1, 2)))
