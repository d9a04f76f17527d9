# The LSTM step's kernels on both sides of their fast paths: MatMul by a transposed matrix with
# a few rows (computed transposed) and with many; BiasAdd on small values (plain add) and long
# ones (bias repeated along rows), NaN/inf/-0.0 included; Split and Unpack (one copy, outputs
# as views of it) along each axis, rank 1 to 0-d, size 0, and their gradients. (Products of
# small integers: exact in float32 in any summation order, so TF's bits are comparable.)
def signs(a):
    a = np.asarray(a).reshape(-1)
    return "".join("n" if np.isnan(v) else ("-" if np.signbit(v) else "+") for v in a)


rng = np.random.RandomState(0)
for m in (4, 32, 40):
    a = tf.constant(rng.randint(-3, 4, (m, 512)).astype(np.float32))
    b = tf.constant(rng.randint(-3, 4, (160, 512)).astype(np.float32))
    p = tf.matmul(a, b, transpose_b=True)
    with tf.Session() as sess:
        v = sess.run(p)
    print("matmul", m, p.op.type, p.shape, v.dtype, v.shape, v[:2, :6].tolist(),
          float(v.astype(np.float64).sum()), float(np.abs(v).astype(np.float64).sum()))

edges = np.array([-0.0, 0.0, np.nan, np.inf, -np.inf, 1.5], np.float32)
for rows, channels in ((32, 512), (300, 256), (2, 3)):
    value = rng.randn(rows, channels).astype(np.float32)
    value.flat[:6] = edges
    bias = rng.randn(channels).astype(np.float32)
    bias[:2] = [-0.0, np.inf]
    y = tf.nn.bias_add(tf.constant(value), tf.constant(bias))
    with tf.Session() as sess:
        v = sess.run(y)
    finite = np.where(np.isfinite(v), v, 0).astype(np.float64)
    print("bias_add", rows, channels, y.op.name, v.shape, signs(v[0, :8]), v[1, :4].tolist(),
          float(np.abs(finite).sum()), int(np.isnan(v).sum()), int(np.isinf(v).sum()))

x = tf.constant(np.arange(2 * 8 * 3, dtype=np.float32).reshape(2, 8, 3))
for axis in (0, 1, -1):
    num = {0: 2, 1: 4, -1: 3}[axis]
    parts = tf.split(x, num, axis=axis)
    grad = tf.gradients([p * (i + 1) for i, p in enumerate(parts)], x)[0]
    with tf.Session() as sess:
        got, g = sess.run([parts, grad])
    print("split", axis, [p.op.type for p in parts][:1], [q.shape for q in got],
          [q.reshape(-1)[:3].tolist() for q in got], g.reshape(-1)[:12].tolist())
for axis in (0, 1, 2, -1):
    parts = tf.unstack(x, axis=axis)
    grad = tf.gradients([p * (i + 1) for i, p in enumerate(parts)], x)[0]
    with tf.Session() as sess:
        got, g = sess.run([parts, grad])
    print("unstack", axis, parts[0].op.name, len(got), got[0].shape,
          [q.reshape(-1)[:2].tolist() for q in got][:3], g.reshape(-1)[:12].tolist())
ints = tf.unstack(tf.constant([7, 8, 9]))
empty = tf.split(tf.zeros([0, 4]), 2, axis=1)
strings = tf.unstack(tf.constant([[b"a", b"bc"], [b"d", b"ef"]]), axis=1)
with tf.Session() as sess:
    i, e, s = sess.run([ints, empty, strings])
print("rank1", [(q.shape, int(q)) for q in i], [q.shape for q in e], [q.tolist() for q in s])
