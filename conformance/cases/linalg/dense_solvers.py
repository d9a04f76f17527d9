# inv / det / slogdet / logdet / cholesky / solve / triangular_solve / lstsq / cholesky_solve:
# values, op types, names, batches and gradients (through symmetric inputs where only a
# triangle is read).
a = tf.constant([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], tf.float64)
b = tf.constant([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]], tf.float64)
batch = tf.stack([a, a * 2])
ts = [tf.linalg.inv(a), tf.matrix_inverse(batch), tf.linalg.inv(a, adjoint=True),
      tf.linalg.det(a), tf.matrix_determinant(batch), tf.linalg.slogdet(a)[0],
      tf.linalg.slogdet(-a)[1], tf.linalg.logdet(a), tf.linalg.cholesky(a), tf.cholesky(batch),
      tf.linalg.solve(a, b), tf.matrix_solve(a, b, adjoint=True),
      tf.linalg.triangular_solve(a, b), tf.linalg.triangular_solve(a, b, lower=False),
      tf.matrix_triangular_solve(a, b, adjoint=True), tf.linalg.lstsq(b, a),
      tf.matrix_solve_ls(tf.transpose(b), tf.ones([2, 1], tf.float64), l2_regularizer=0.1),
      tf.linalg.cholesky_solve(tf.linalg.cholesky(a), b), tf.linalg.inv(tf.zeros([0, 3, 3]))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
sym = (a + tf.transpose(a)) / 2
losses = [tf.linalg.inv(a), tf.linalg.det(a), tf.linalg.slogdet(a)[1], tf.linalg.logdet(sym),
          tf.linalg.cholesky(sym), tf.linalg.solve(a, b), tf.linalg.triangular_solve(a, b),
          tf.linalg.lstsq(b, a)]
weights = tf.constant([[1.0, -2.0, 0.5], [0.3, 1.0, 2.0], [-1.0, 0.0, 1.5]], tf.float64)
grads = []
for loss in losses:
    shape = loss.shape.as_list()
    w = weights[:shape[0], :shape[1]] if len(shape) == 2 else 1.0
    grads.append([g for g in tf.gradients(loss * w, [a, b]) if g is not None])
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=5, suppress_small=True))
    for g in sess.run(grads):
        print([np.array2string(v, precision=5, suppress_small=True) for v in g])
    show_error_contains(lambda: sess.run(tf.linalg.inv(tf.zeros([2, 2]))), "not invertible")
    # TF's CPU Cholesky does not raise on a matrix that is not positive definite: NaNs.
    print(np.isnan(sess.run(tf.linalg.cholesky(-a))[2, 2]))
show_error(tf.linalg.inv, tf.zeros([2, 3]))
show_error(tf.linalg.solve, a, tf.zeros([2, 1], tf.float64))
