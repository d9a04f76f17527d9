# Gradients of unary ops on complex inputs (grad_ys complex): TF returns grad * conj(f'(z)).
z64 = np.array([0.3 + 0.4j, -1.2 + 0.5j, 0.7 - 0.9j]) * 1.0123
for dtype in [tf.complex64, tf.complex128]:
    z = tf.constant(z64, dtype)
    fns = [("exp", tf.exp), ("log", tf.log), ("sin", tf.sin), ("cos", tf.cos), ("tan", tf.tan),
           ("square", tf.square), ("sqrt", tf.sqrt), ("rsqrt", tf.rsqrt),
           ("reciprocal", tf.reciprocal), ("tanh", tf.tanh), ("sigmoid", tf.sigmoid),
           ("log1p", tf.log1p), ("expm1", tf.expm1), ("sinh", tf.sinh), ("cosh", tf.cosh),
           ("asinh", tf.asinh), ("acosh", tf.acosh), ("atanh", tf.atanh), ("asin", tf.asin),
           ("acos", tf.acos), ("atan", tf.atan), ("neg", tf.negative), ("conj", tf.conj),
           ("real", tf.real), ("imag", tf.imag), ("abs", tf.abs), ("angle", tf.angle),
           ("reduce_sum", tf.reduce_sum), ("reduce_prod", tf.reduce_prod),
           ("reduce_mean", tf.reduce_mean), ("cumsum", tf.cumsum), ("cumprod", tf.cumprod),
           ("pow2", lambda t: t ** 2), ("xlogy", lambda t: tf.math.xlogy(t, t + 1))]
    grads = []
    for name, fn in fns:
        try:
            out = fn(z)
            if out.dtype.is_complex:
                w = tf.cast(tf.complex(0.5, -0.25), out.dtype) * tf.ones_like(out)
                grads.append((name, tf.gradients(out, z, grad_ys=w)[0]))
            else:
                grads.append((name, tf.gradients(out, z)[0]))
        except Exception as e:  # noqa: BLE001 - the error class is what TF gives
            print(name, type(e).__name__)
    with tf.Session() as sess:
        for (name, g), value in zip(grads, sess.run([g for _, g in grads])):
            text = np.array2string(np.round(value, 4) + 0, precision=4, suppress_small=True)
            print(dtype.name, name, g.dtype.name, text)
