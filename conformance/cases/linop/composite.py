# Operators made of operators: Adjoint, Inversion, Composition, BlockDiag,
# BlockLowerTriangular, Kronecker — names, hints, shapes and the values of their methods.
L = tf.linalg
a = L.LinearOperatorFullMatrix([[2.0, 1.0], [1.0, 3.0]])
b = L.LinearOperatorFullMatrix([[1.0, 1.0], [0.0, 2.0], [1.0, 0.0]])
d = L.LinearOperatorDiag([1.0, 2.0, 3.0])
ops = [L.LinearOperatorAdjoint(a), L.LinearOperatorInversion(a),
       L.LinearOperatorComposition([d, b]), L.LinearOperatorBlockDiag([a, d]),
       L.LinearOperatorBlockLowerTriangular([[a], [b, d]]), L.LinearOperatorKronecker([a, d])]
for op in ops:
    print(type(op).__name__, op.name, op.shape, op.is_non_singular, op.is_self_adjoint,
          op.is_positive_definite, op.is_square)
ts = []
for op in ops:
    cols = op.domain_dimension.value
    ts += [op.to_dense(), op.matmul(tf.reshape(tf.range(2.0 * cols), [cols, 2]))]
    if op.is_square:
        ts += [op.solve(tf.ones([cols, 1])), op.determinant(), op.log_abs_determinant(),
               op.trace(), op.diag_part()]
for t in ts:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=4, suppress_small=True))
print(type(ops[3].inverse()).__name__, ops[3].inverse().name,
      type(ops[5].adjoint()).__name__, ops[5].adjoint().name)
