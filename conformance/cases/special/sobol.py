# tf.math.sobol_sample: points, skip, dtypes, shapes, op names, errors.
np.set_printoptions(precision=10)
a = tf.math.sobol_sample(3, 8)
b = tf.math.sobol_sample(6, 5, skip=1000, dtype=tf.float64)
c = tf.math.sobol_sample(1111, 3, skip=123456)
d = tf.math.sobol_sample(tf.constant(4), tf.constant(2), name="mine")
with tf.Session() as sess:
    for t in (a, b, c, d):
        v = sess.run(t)
        print(t.op.type, t.op.name, t.dtype.name, t.shape, v.shape)
        print(v[:, :8])
    print(sess.run(c)[:, -5:], float(sess.run(c).sum()))
    many = sess.run(tf.math.sobol_sample(20, 4000, skip=7))
    print(many[::500, ::3], float(many.sum()))
    show_error_contains(lambda: sess.run(tf.math.sobol_sample(0, 2)), "dim must be")
