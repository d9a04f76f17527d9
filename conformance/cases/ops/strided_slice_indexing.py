# Python indexing: ints, slices, steps, negative steps, newaxis, Ellipsis.
x = tf.constant(np.arange(24).reshape(2, 3, 4))
ts = [x[0], x[-1], x[:, 1], x[..., 2], x[0, :, ::2], x[:, ::-1], x[1, 2, 3], x[:, tf.newaxis],
      x[None, 0], x[..., None], x[0, 1:], x[:, -2:, 1:3], x[::-1, ::-1, ::-2], x[0, ..., 1],
      x[5:], x[:, 1:1], x[0][1][2]]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.name, t.dtype.name, t.shape, repr(v))
