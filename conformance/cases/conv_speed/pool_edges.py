# MaxPool's fast paths keep TF's window scan at the edges: NaN and -inf never win (an all-NaN
# or all -inf window gives the lowest finite value), and of a tie between -0.0 and 0.0 the first
# in the window stays -- for small inputs and for ones long enough for vectorised loops, with
# windows side by side (2x2/2, SAME at an odd size) and overlapping (3x3/1). MaxPoolGrad sends
# each window's gradient to its first maximum.
def signs(a):
    a = np.asarray(a).reshape(-1)
    return "".join("n" if np.isnan(v) else ("-" if np.signbit(v) else "+") for v in a)


def summary(a):
    lowest = a == np.finfo(a.dtype).min
    return int(lowest.sum()), float(a[~lowest].astype(np.float64).sum())


windows = np.array([[-0.0, 0.0, -0.0, 0.0], [0.0, -0.0, 0.0, -0.0], [np.nan, 1, 2, 3],
                    [1, np.nan, 0, 0], [np.nan] * 4, [-np.inf] * 4, [-5, -3, -3, -7],
                    [-0.0, -1.0, 0.0, np.nan]], np.float32)
small = windows.reshape(1, 8, 2, 2).transpose(0, 2, 1, 3).reshape(1, 2, 16, 1)
big = np.tile(small, (2, 3, 2, 40))  # [2, 6, 32, 40]
odd = np.tile(small, (1, 4, 1, 3))[:, :7, :15, :]
for name, dtype in (("float32", tf.float32), ("float64", tf.float64), ("float16", tf.float16)):
    for label, value in (("small", small), ("big", big), ("odd", odd)):
        x = tf.constant(value.astype(dtype.as_numpy_dtype))
        p2 = tf.nn.max_pool(x, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
        p3 = tf.nn.max_pool(x, [1, 3, 3, 1], [1, 1, 1, 1], "SAME")
        grad = tf.gradients(p2, x, tf.ones_like(p2) * 5)[0]
        with tf.Session() as sess:
            a, b, g = sess.run([p2, p3, grad])
        print(name, label, a.shape, signs(a)[:64], summary(a))
        print(name, label, b.shape, signs(b)[:64], summary(b))
        print(name, label, "grad", float(g.sum()), np.flatnonzero(g.reshape(-1))[:24].tolist())
