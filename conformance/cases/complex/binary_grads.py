# Gradients of binary ops and matmul on complex inputs: grad_x = grad * conj(df/dx) as in TF;
# tf.gradients of a real loss like real(z * conj(z)).
x0 = np.array([[0.3 + 0.4j, -1.2 + 0.5j], [0.7 - 0.9j, 1.1 + 0.2j]]) * 1.0123
y0 = np.array([[1.5 - 0.3j, 0.2 + 0.8j], [-0.6 + 0.1j, 0.9 - 1.4j]]) * 0.9871
for dtype in [tf.complex64, tf.complex128]:
    x = tf.constant(x0, dtype)
    y = tf.constant(y0, dtype)
    fns = [("add", tf.add), ("sub", tf.subtract), ("mul", tf.multiply), ("div", tf.div),
           ("truediv", tf.truediv), ("realdiv", tf.realdiv), ("divide", tf.divide),
           ("pow", tf.pow), ("squared_difference", tf.squared_difference),
           ("div_no_nan", tf.div_no_nan), ("matmul", tf.matmul),
           ("matmul_ta", lambda a, b: tf.matmul(a, b, transpose_a=True)),
           ("matmul_adj", lambda a, b: tf.matmul(a, b, adjoint_a=True, adjoint_b=True)),
           ("batch_matmul", lambda a, b: tf.matmul(a[None], b[None])),
           ("broadcast_mul", lambda a, b: a * b[0]),
           ("broadcast_div", lambda a, b: a / b[:, :1]),
           ("real_z_conj_z", lambda a, b: tf.real(a * tf.conj(a))),
           ("abs_squared", lambda a, b: tf.square(tf.abs(a * b))),
           ("sum_mul", lambda a, b: tf.reduce_sum(a * b)),
           ("prod", lambda a, b: tf.reduce_prod(a * b, axis=0))]
    grads = []
    for name, fn in fns:
        try:
            out = fn(x, y)
            if out.dtype.is_complex:
                w = tf.cast(tf.complex(0.5, -0.25), out.dtype) * tf.ones_like(out)
                grads.append((name, tf.gradients(out, [x, y], grad_ys=w)))
            else:
                grads.append((name, tf.gradients(out, [x, y])))
        except Exception as e:  # noqa: BLE001
            print(name, type(e).__name__)
    with tf.Session() as sess:
        values = sess.run([[t if t is not None else tf.constant(0) for t in g]
                           for _, g in grads])
        for (name, g), value in zip(grads, values):
            print(dtype.name, name, [t.dtype.name for t in g if t is not None])
            for v in value:
                print(np.array2string(np.round(np.asarray(v), 4) + 0, precision=4,
                                      suppress_small=True))
