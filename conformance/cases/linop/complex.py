# Complex operators: adjoints conjugate, determinants and log-determinants keep TF's dtypes,
# Householder and circulant operators on complex vectors.
L = tf.linalg
a = np.array([[2.0 + 1.0j, 0.5 - 0.5j], [1.0j, 3.0 - 1.0j]], np.complex64)
x = tf.constant([[1.0 + 1.0j, 2.0], [0.5j, -1.0 + 0.5j]], tf.complex64)
ops = [L.LinearOperatorFullMatrix(a), L.LinearOperatorDiag(np.complex64([1.0 + 2.0j, -1.0j])),
       L.LinearOperatorLowerTriangular(a),
       L.LinearOperatorHouseholder(np.complex64([1.0 + 1.0j, 2.0])),
       L.LinearOperatorScaledIdentity(2, np.complex64(2.0 - 1.0j)),
       L.LinearOperatorCirculant(tf.constant([3.0 + 1.0j, 1.0 - 2.0j], tf.complex64))]
for op in ops:
    print(type(op).__name__, op.dtype, op.is_self_adjoint)
ts = []
for op in ops:
    ts += [op.to_dense(), op.matmul(x), op.matmul(x, adjoint=True),
           op.matmul(x, adjoint_arg=True), op.solve(x), op.solve(x, adjoint=True),
           op.determinant(), op.log_abs_determinant(), op.trace(), op.H.to_dense()]
for t in ts:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=4, suppress_small=True))
