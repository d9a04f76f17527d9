# LinearOperatorIdentity (plain and batched), ScaledIdentity, Zeros and LowerTriangular:
# values, shapes, hints and op names of their methods.
L = tf.linalg
ident = L.LinearOperatorIdentity(3)
batched = L.LinearOperatorIdentity(3, batch_shape=[2], dtype=tf.float64)
scaled = L.LinearOperatorScaledIdentity(3, 2.5)
zeros = L.LinearOperatorZeros(3)
rect = L.LinearOperatorZeros(2, 3, is_self_adjoint=False, is_square=False)
tril = L.LinearOperatorLowerTriangular([[1.0, 5.0], [2.0, 3.0]])
for op in (ident, batched, scaled, zeros, rect, tril):
    print(type(op).__name__, op.name, op.dtype, op.shape,
          op.is_non_singular, op.is_self_adjoint, op.is_positive_definite, op.is_square)
x = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, -6.0]])
ts = [ident.matmul(x), ident.determinant(), ident.log_abs_determinant(), ident.to_dense(),
      ident.trace(), ident.diag_part(), ident.solve(x), batched.determinant(),
      batched.to_dense(), batched.matmul(tf.ones([3, 1], tf.float64)),
      scaled.matmul(x), scaled.solve(x), scaled.determinant(), scaled.log_abs_determinant(),
      scaled.to_dense(), scaled.trace(), zeros.matmul(x), zeros.determinant(), zeros.to_dense(),
      rect.matmul(x), rect.to_dense(),
      tril.matmul(tf.ones([2, 2])), tril.solve(tf.ones([2, 2])), tril.determinant(),
      tril.log_abs_determinant(), tril.to_dense(), tril.trace()]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=5, suppress_small=True))
print(ident.inverse() is ident, ident.adjoint() is ident, type(scaled.inverse()).__name__)
