# tf.summary.histogram: serialized bytes for many inputs (bucket edges, sums, sparse runs).
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
rng = np.random.RandomState(0)
cases = [
    ('small', np.array([1, 2, 3, 100], np.float32)),
    ('empty', np.zeros([0], np.float32)),
    ('zeros', np.zeros([5], np.float32)),
    ('edges', np.array([-1, -0.0, 0.0, 1e-13, -1e-13, 1e-12, -1e-12, 1e20, -1e20, 1e21, 3e38,
                        0.3], np.float32)),
    ('huge64', np.array([-1.7976931348623157e308, 1e300, -1e300, 5e-324, 1e308], np.float64)),
    ('normal32', rng.normal(size=1000).astype(np.float32)),
    ('normal64', rng.normal(scale=1e3, size=5000)),
    ('ints', np.arange(-50, 50, dtype=np.int32)),
    ('int64', np.array([2 ** 62, -2 ** 62, 7], np.int64)),
    ('uint8', np.array([0, 255, 128], np.uint8)),
    ('half', np.array([0.1, 65504, -2], np.float16)),
    ('matrix', rng.uniform(-5, 5, size=(2, 3, 4)).astype(np.float32)),
]
ops = [tf.summary.histogram(name, tf.constant(v)) for name, v in cases]
print([t.name for t in ops])
with tf.Session() as sess:
    for t, out in zip(ops, sess.run(ops)):
        print(t.name, out)
