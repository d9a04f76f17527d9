# Element-wise chains on [None, 1024] placeholders (tfcompat fuses them when a run's shape is
# large, else runs them op by op): values at 1024, 700 and 64 rows, a gradient, a second input
# of one row broadcast against the first, and an incompatible batch (the error class, the
# op's name and the message's first line).
rng = np.random.RandomState(8)
x = tf.placeholder(tf.float32, [None, 1024])
y = tf.placeholder(tf.float32, [None, 1024])
h = x
for _ in range(4):
    h = tf.sigmoid(tf.tanh(h) * 1.5 + 0.25) - h * 0.5
z = tf.tanh(x * y) + x
g = tf.gradients(h, x)[0]
print(h.shape, z.shape, g.shape)
with tf.Session() as sess:
    for rows in (1024, 700, 64):
        xs = (rng.randn(rows, 1024) * 2).astype(np.float32)
        xs[0, :3] = [np.nan, 40.0, -40.0]
        hv, gv = sess.run([h, g], {x: xs})
        print(rows, hv.dtype, hv.shape, gv.shape, int(np.isnan(hv).sum()))
        print(np.round(hv[0, :6].astype(np.float64), 4).tolist())
        print(np.round(gv[-1, 5:9].astype(np.float64), 4).tolist())
        print(round(float(np.nansum(hv.astype(np.float64))), 2),
              round(float(np.nansum(gv.astype(np.float64))), 2))
    ys = rng.randn(600, 1024).astype(np.float32)
    for rows in (600, 1):
        zv = sess.run(z, {x: rng.randn(rows, 1024).astype(np.float32), y: ys})
        print(rows, zv.shape, round(float(zv.astype(np.float64).sum()), 2))
    try:
        sess.run(z, {x: rng.randn(3, 1024).astype(np.float32), y: ys})
    except tf.errors.InvalidArgumentError as e:
        print(type(e).__name__, e.op.name if e.op is not None else None)
        print(str(e).splitlines()[0])
