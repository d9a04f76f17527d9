# A chain of large element-wise ops fetched together with intermediates, and its gradient
# (tfcompat's plans run such a chain as one fused step): values, dtypes, shapes, edge values.
rng = np.random.RandomState(3)
xs = (rng.randn(1024, 512) * 2).astype(np.float32)
xs[0, :4] = [np.nan, np.inf, -np.inf, 40.0]

x = tf.placeholder(tf.float32, [1024, 512])
a = tf.tanh(x)
b = tf.sigmoid(a * 3.0)
c = b * a - 0.5
d = tf.square(c) + tf.tanh(c)
g = tf.gradients(d, x)[0]
print([op.type for op in tf.get_default_graph().get_operations()
       if op.name.startswith("gradients/") and op.type.endswith("Grad")])
with tf.Session() as sess:
    values = sess.run([a, c, d, g], {x: xs})
    again = sess.run(d, {x: xs[::-1].copy()})
for name, v in zip("acdg", values):
    print(name, v.dtype, v.shape, int(np.isnan(v).sum()))
    print(np.round(v[0, :8].astype(np.float64), 4).tolist())
    print(np.round(v[200, 300:304].astype(np.float64), 4).tolist())
    print(round(float(np.nansum(v.astype(np.float64))), 2))
print(round(float(np.nansum(again.astype(np.float64))), 2), np.round(again[-1, :3], 4).tolist())
