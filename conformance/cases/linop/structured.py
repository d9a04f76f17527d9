# LowRankUpdate, Householder, Permutation, Toeplitz, Tridiag (three formats) and the
# circulant operators: names, hints, shapes, dtypes and values of their methods.
L = tf.linalg
base = L.LinearOperatorDiag([1.0, 2.0, 3.0], is_positive_definite=True)
u = np.array([[1.0], [0.5], [-1.0]], np.float32)
kernel = np.array([5.0, 1.0, 0.5, 1.0])
ops = [L.LinearOperatorLowRankUpdate(base, u),
       L.LinearOperatorLowRankUpdate(base, u, diag_update=[2.0], v=u * 0.5),
       L.LinearOperatorHouseholder([1.0, 2.0, 2.0]),
       L.LinearOperatorPermutation([2, 0, 1]),
       L.LinearOperatorToeplitz(col=[4.0, 2.0, 1.0], row=[4.0, -1.0, 0.5]),
       L.LinearOperatorTridiag([[1.0, 2.0, 0.0], [4.0, 5.0, 6.0], [0.0, 7.0, 8.0]]),
       L.LinearOperatorTridiag([[4.0, 1.0, 0.0], [2.0, 5.0, 1.0], [0.0, 3.0, 6.0]],
                               diagonals_format="matrix"),
       L.LinearOperatorCirculant(tf.constant([3.0 + 0j, 1.0 - 1j, 2.0 + 0.5j], tf.complex64),
                                 input_output_dtype=tf.complex64),
       L.LinearOperatorCirculant(np.fft.fft(kernel), input_output_dtype=tf.float64),
       L.LinearOperatorCirculant2D(tf.constant(np.fft.fft2(np.array(
           [[4.0, 1.0, 0.0], [1.0, 0.5, 0.0]]))), input_output_dtype=tf.float64)]
for op in ops:
    print(type(op).__name__, op.name, op.dtype, op.shape, op.is_non_singular,
          op.is_self_adjoint, op.is_positive_definite, op.is_square)
ts = []
for op in ops:
    n = op.domain_dimension.value
    x = tf.cast(tf.reshape(tf.range(2.0 * n) - 1.0, [n, 2]), op.dtype)
    ts += [op.to_dense(), op.matmul(x), op.matmul(x, adjoint=True), op.solve(x),
           op.determinant(), op.log_abs_determinant(), op.trace(), op.diag_part()]
ts += [ops[8].convolution_kernel(), ops[9].block_shape_tensor()]
for t in ts:
    print(t.dtype.name, t.shape)
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=4, suppress_small=True))
print(ops[5].diagonals_format, ops[8].block_depth, ops[9].block_shape)
