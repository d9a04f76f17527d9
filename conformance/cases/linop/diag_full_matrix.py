# LinearOperatorDiag and LinearOperatorFullMatrix: every method's value, dtype, static shape
# and the name and type of the op it returns (TF's "<operator>/<method>/..." scopes).
L = tf.linalg
diag = L.LinearOperatorDiag([1.0, -2.0, 4.0])
full = L.LinearOperatorFullMatrix([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
spd = L.LinearOperatorFullMatrix([[4.0, 1.0], [1.0, 3.0]], is_self_adjoint=True,
                                 is_positive_definite=True)
x = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, -6.0]])
v = tf.constant([1.0, -1.0, 2.0])
for op in (diag, full, spd):
    print(type(op).__name__, op.name, op.dtype, op.shape, op.batch_shape, op.tensor_rank,
          op.domain_dimension, op.range_dimension)
    print(op.is_non_singular, op.is_self_adjoint, op.is_positive_definite, op.is_square)
ts = []
for op in (diag, full):
    ts += [op.matmul(x), op.matmul(x, adjoint=True), op.matmul(tf.transpose(x), adjoint_arg=True),
           op.matvec(v), op @ x, op.solve(x), op.solve(x, adjoint=True), op.solvevec(v),
           op.determinant(), op.log_abs_determinant(), op.trace(), op.diag_part(),
           op.to_dense(), op.add_to_tensor(tf.ones([3, 3])), op.cond(), op.shape_tensor(),
           op.batch_shape_tensor(), op.tensor_rank_tensor(), op.domain_dimension_tensor(),
           op.range_dimension_tensor()]
ts += [spd.solve(tf.ones([2, 1])), spd.determinant(), spd.log_abs_determinant(),
       spd.eigvals(), spd.cholesky().to_dense(), diag.inverse().to_dense()]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=5, suppress_small=True))
print(type(full.adjoint()).__name__, full.adjoint().name, type(full.inverse()).__name__,
      full.inverse().name, type(diag.inverse()).__name__, diag.adjoint() is diag,
      type(spd.cholesky()).__name__, type(diag @ diag).__name__, type(full @ diag).__name__,
      (full @ diag).name)
