# Special functions: erf family, gamma family, incomplete gamma/beta, zeta, Bessel I.
x = tf.constant([0.1, 0.5, 1.0, 2.5, 7.0], tf.float64)
x32 = tf.cast(x, tf.float32)
p = tf.constant([0.001, 0.2, 0.5, 0.9, 0.999], tf.float64)
unary = [tf.math.erf, tf.math.erfc, tf.math.lgamma, tf.math.digamma, tf.math.bessel_i0,
         tf.math.bessel_i0e, tf.math.bessel_i1, tf.math.bessel_i1e, tf.math.log_sigmoid]
ts = [f(v) for f in unary for v in (x, x32)]
ts += [tf.math.erfinv(p * 2 - 1), tf.math.ndtri(p), tf.math.erfcinv(p),
       tf.math.polygamma(tf.constant([0.0, 1.0, 2.0, 3.0, 1.0], tf.float64), x),
       tf.math.zeta(tf.constant(2.5, tf.float64), x),
       tf.math.igamma(x, tf.constant(1.5, tf.float64)),
       tf.math.igammac(x, tf.constant(1.5, tf.float64)),
       tf.math.betainc(x, x[::-1], p),
       tf.math.lbeta(tf.reshape(x, [1, 5])),
       tf.lgamma(tf.constant([-1.5, 0.0, -2.0], tf.float64))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
grad_targets = [t for t in ts if t.dtype == tf.float64]
grads = []
for t in grad_targets:
    g = tf.gradients(t, [x, p])
    grads.append([v for v in g if v is not None])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    for g in sess.run(grads):
        print([np.array2string(np.asarray(v), precision=5) for v in g])
