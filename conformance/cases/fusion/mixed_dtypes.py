# Large element-wise chains of three dtypes in one run, joined by casts (each dtype's chain is
# fused on its own in tfcompat's plans): float64 with a scalar operand, float16 with exact
# operations, float32 fetched in the middle; dtypes and values.
rng = np.random.RandomState(5)
xs = rng.randn(800, 700)
x64 = tf.placeholder(tf.float64, [800, 700])
y64 = tf.exp(-tf.square(x64)) * 2.0 + x64
t64 = tf.tanh(y64) - y64 * 0.25
h16 = tf.cast(y64 * 8.0, tf.float16)
z16 = tf.maximum(h16 * 2.0, -h16) + 1.0
w16 = tf.abs(z16 - 3.0) * 0.5
m32 = tf.cast(w16, tf.float32)
n32 = tf.sigmoid(m32) * m32
o32 = tf.negative(n32) + tf.tanh(n32)
with tf.Session() as sess:
    values = sess.run([y64, t64, z16, w16, n32, o32], {x64: xs})
for name, v in zip(["y64", "t64", "z16", "w16", "n32", "o32"], values):
    print(name, v.dtype, v.shape)
    print(np.round(v[7, :6].astype(np.float64), 4).tolist())
    print(round(float(v.astype(np.float64).sum()), 2))
