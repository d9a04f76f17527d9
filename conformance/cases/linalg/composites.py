# norm (vector and matrix ords), normalize, matvec, adjoint, transpose, cross, tridiagonal
# solve / matmul, diag aliases, einsum/tensordot/matmul aliases, and their gradients.
a = tf.constant([[4.0, -1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], tf.float64)
v = tf.constant([1.0, -2.0, 2.0], tf.float64)
c = tf.complex(a, tf.ones_like(a))
ts = [tf.norm(v), tf.norm(a, axis=1), tf.norm(a, ord=1), tf.norm(a, ord=np.inf, axis=0),
      tf.norm(v, ord=3), tf.norm(a, ord="fro", axis=[0, 1]), tf.norm(a, ord=1, axis=[-2, -1]),
      tf.norm(a, ord=np.inf, axis=[0, 1]), tf.norm(a, ord=2, axis=[0, 1]),
      tf.linalg.norm(c), tf.linalg.normalize(a, axis=0)[0], tf.linalg.normalize(v)[1],
      tf.linalg.matvec(a, v), tf.linalg.matvec(a, v, transpose_a=True), tf.linalg.adjoint(c),
      tf.linalg.matrix_transpose(a), tf.matrix_transpose(tf.reshape(tf.range(6), [1, 2, 3])),
      tf.linalg.transpose(a), tf.linalg.cross(a, a[::-1]), tf.cross(v, [0.0, 1.0, 0.0]),
      tf.linalg.tridiagonal_solve(a, a), tf.linalg.tridiagonal_solve(a, v),
      tf.linalg.tridiagonal_solve((v[:2], v, v[1:]), a, diagonals_format="sequence"),
      tf.linalg.tridiagonal_solve(a, a, diagonals_format="matrix"),
      tf.linalg.tridiagonal_matmul(a, a), tf.linalg.matmul(a, a), tf.linalg.einsum("ij->j", a),
      tf.linalg.tensordot(a, v, 1), tf.linalg.l2_normalize(v), tf.linalg.global_norm([a, v])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
w = tf.constant([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0], [2.0, 1.0, -1.0]], tf.float64)
losses = [tf.norm(a, ord=2, axis=[0, 1]), tf.norm(a, ord=1), tf.norm(v, ord=3),
          tf.linalg.normalize(a, axis=0)[0] * w, tf.linalg.cross(a, w),
          tf.linalg.tridiagonal_solve(a, w) * w, tf.linalg.tridiagonal_matmul(a, w) * w]
grads = [tf.gradients(loss, [a, v]) for loss in losses]
grads = [[g for g in pair if g is not None] for pair in grads]
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=5, suppress_small=True))
    for g in sess.run(grads):
        print([np.array2string(x, precision=5, suppress_small=True) for x in g])
show_error(tf.norm, a, ord=-1)
