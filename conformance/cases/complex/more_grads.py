# Complex gradients of composite and less common ops (grad_ys complex).
x0 = np.array([[0.3 + 0.4j, -1.2 + 0.5j], [0.7 - 0.9j, 1.1 + 0.2j]]) * 1.0123
y0 = np.array([[1.5 - 0.3j, 0.2 + 0.8j], [-0.6 + 0.1j, 0.9 - 1.4j]]) * 0.9871
x = tf.constant(x0)
y = tf.constant(y0)
fns = [("xdivy", lambda: tf.math.xdivy(x, y)), ("xlogy", lambda: tf.math.xlogy(x, y)),
       ("reciprocal_no_nan", lambda: tf.math.reciprocal_no_nan(x)),
       ("tensordot", lambda: tf.tensordot(x, y, 1)),
       ("einsum", lambda: tf.einsum("ij,jk->ik", x, y)),
       ("trace", lambda: tf.linalg.trace(x * y)),
       ("matrix_inverse", lambda: tf.linalg.inv(x)),
       ("det", lambda: tf.linalg.det(x)),
       ("cumsum", lambda: tf.cumsum(x * y, axis=1, exclusive=True)),
       ("segment_sum", lambda: tf.math.segment_sum(x * y, [0, 0])),
       ("reduce_mean", lambda: tf.reduce_mean(x * y, axis=0)),
       ("transpose_conj", lambda: tf.transpose(x, conjugate=True) * y),
       ("adjoint", lambda: tf.linalg.adjoint(x) * y),
       ("complex", lambda: tf.complex(tf.real(x), tf.imag(y)) * x),
       ("square_abs", lambda: tf.cast(tf.square(tf.abs(x)), tf.complex128) * y),
       ("polyval", lambda: tf.math.polyval([x, y, x], y)),
       ("add_n", lambda: tf.add_n([x * y, x, y * y])),
       ("where", lambda: tf.where(tf.real(x) > 0, x * y, y * y)),
       ("gather", lambda: tf.gather(x * y, [1, 0, 1]))]
for name, fn in fns:
    try:
        out = fn()
        w = tf.cast(tf.complex(0.5, -0.25), out.dtype) * tf.ones_like(out)
        grads = [g for g in tf.gradients(out, [x, y], grad_ys=w)]
        with tf.Session() as sess:
            values = sess.run([g if g is not None else tf.constant(0) for g in grads])
        print(name, [np.array2string(np.round(np.asarray(v), 4) + 0, precision=4,
                                     suppress_small=True) for v in values])
    except Exception as e:  # noqa: BLE001 - the error class is what TF gives
        print(name, type(e).__name__)
