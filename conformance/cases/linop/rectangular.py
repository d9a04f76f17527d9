# Non-square operators: block diagonals with rectangular blocks, products, Kronecker
# products and adjoints; matmul / matvec in both directions and dense matrices.
L = tf.linalg
a = L.LinearOperatorFullMatrix(np.arange(6.0, dtype=np.float32).reshape(2, 3))
b = L.LinearOperatorFullMatrix(np.arange(12.0, dtype=np.float32).reshape(3, 4) - 5)
d = L.LinearOperatorDiag([1.0, -2.0])
ops = [L.LinearOperatorBlockDiag([a, d]), L.LinearOperatorComposition([a, b]),
       L.LinearOperatorKronecker([a, d]), L.LinearOperatorAdjoint(a), a @ b,
       L.LinearOperatorZeros(2, 4, is_self_adjoint=False, is_square=False)]
for op in ops:
    print(type(op).__name__, op.name, op.shape, op.is_square)
ts = []
for op in ops:
    rows, cols = op.range_dimension.value, op.domain_dimension.value
    ts += [op.to_dense(),
           op.matmul(tf.reshape(tf.range(2.0 * cols), [cols, 2])),
           op.matmul(tf.reshape(tf.range(2.0 * rows), [rows, 2]), adjoint=True),
           op.matvec(tf.range(1.0 * cols)), op.matvec(tf.range(1.0 * rows), adjoint=True),
           op.shape_tensor()]
for t in ts:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=4))
