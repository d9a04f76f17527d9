# tf.random.stateless_parameterized_truncated_normal: the normal, uniform and exponential
# rejection samplers, flipped negative intervals, batches of parameters, float32 and float64.
np.set_printoptions(precision=10)
d64 = lambda v: tf.constant(v, tf.float64)  # noqa: E731
cases = [
    tf.random.stateless_parameterized_truncated_normal([6], seed=[1, 2]),
    tf.random.stateless_parameterized_truncated_normal(
        [5, 4], seed=[3, 4], means=d64([0., 1., -2., 5.]), stddevs=d64([1., 0.5, 2., 3.]),
        minvals=d64([-1., 1.2, -20., 14.]), maxvals=d64([1., 1.4, -5., 30.])),
    tf.random.stateless_parameterized_truncated_normal(
        [7, 3], seed=[5, 6], means=[0., 10., -20.], stddevs=1., minvals=-2., maxvals=2.),
    tf.random.stateless_parameterized_truncated_normal(
        [2, 2, 2], seed=[7, 8], means=0., stddevs=[1., 2.], minvals=[0.5, 3.], maxvals=[0.9, 40.]),
    tf.random.stateless_parameterized_truncated_normal(
        [4], seed=tf.constant([1, 9], tf.int64), means=d64(0.), stddevs=d64(1.),
        minvals=d64(1.0), maxvals=d64(np.inf)),
]
with tf.Session() as sess:
    for t in cases:
        print(t.op.type, t.op.name, t.dtype.name, t.shape)
        print(sess.run(t))
    bad = tf.random.stateless_parameterized_truncated_normal(
        [2], seed=[1, 2], means=0., stddevs=1., minvals=-np.inf, maxvals=np.inf)
    show_error_contains(lambda: sess.run(bad), "Invalid parameters")
    bad2 = tf.random.stateless_parameterized_truncated_normal(
        [2], seed=[1, 2], means=0., stddevs=-1., minvals=-1., maxvals=1.)
    show_error_contains(lambda: sess.run(bad2), "Invalid parameters")
