# Large element-wise ops whose inputs die at them (tfcompat's plans write such results into the
# dying input's buffer), beside inputs that must stay: a conv layer's bias, relu and their
# gradients; a partially known tanh chain's gradient; fetched intermediates, a reshaped view
# fetched with its base, and a value read again later. Values, dtypes, shapes.
rng = np.random.RandomState(7)
xs = rng.rand(8, 28, 28, 1).astype(np.float32)
x = tf.placeholder(tf.float32, [None, 28, 28, 1])
w = tf.constant((rng.randn(5, 5, 1, 32) * 0.1).astype(np.float32))
b = tf.constant((rng.randn(32) * 0.1).astype(np.float32))
pre = tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME"), b)
h = tf.nn.relu(pre)
pooled = tf.nn.max_pool(h, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
dw, db = tf.gradients(tf.reduce_sum(pooled * pooled), [w, b])

t = tf.placeholder(tf.float32, [None, 512])
ts = (rng.randn(256, 512) * 2).astype(np.float32)
ts[0, :3] = [np.nan, np.inf, -0.0]
y = t
for _ in range(4):
    y = tf.tanh(y * 1.5)
dt = tf.gradients(tf.sigmoid(y), t)[0]

u = t * 2.0 + 1.0
flat = tf.reshape(u, [-1])
r = tf.nn.relu(u)
again = r * u
feed = {x: xs, t: ts}
with tf.Session() as sess:
    values = sess.run([h, dw, db, dt, flat, r, again], feed)
    kept = sess.run(u, feed)
for name, v in zip(["h", "dw", "db", "dt", "flat", "r", "again"], values):
    v64 = v.astype(np.float64)
    print(name, v.dtype, v.shape, int(np.isnan(v).sum()), round(float(np.nansum(v64)), 3))
    print(np.round(v64.reshape(-1)[:6], 4).tolist())
print(np.round(kept[0, :4].astype(np.float64), 4).tolist(), bool(np.isnan(kept[0, 0])))
print(np.array_equal(values[4], kept.reshape(-1), equal_nan=True))
