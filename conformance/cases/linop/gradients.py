# tf.gradients through operator methods (float64): the operators are built from
# differentiable graph ops.
L = tf.linalg
p = tf.constant([[4.0, 1.0, 0.5], [0.3, 3.0, 0.2], [0.5, 0.1, 2.0]], tf.float64)
x = tf.constant([[1.0, -1.0], [2.0, 0.5], [0.0, 1.0]], tf.float64)
w = tf.constant([1.0, 2.0, 3.0], tf.float64)
outputs = [
    L.LinearOperatorFullMatrix(p).solve(x),
    L.LinearOperatorFullMatrix(p).log_abs_determinant(),
    L.LinearOperatorFullMatrix(tf.matmul(p, p, transpose_b=True), is_self_adjoint=True,
                               is_positive_definite=True).log_abs_determinant(),
    L.LinearOperatorDiag(w).solve(x),
    L.LinearOperatorLowerTriangular(p).solve(x),
    L.LinearOperatorLowRankUpdate(L.LinearOperatorDiag(w), p[:, :1]).solve(x),
    L.LinearOperatorKronecker([L.LinearOperatorFullMatrix(p[:2, :2]),
                               L.LinearOperatorDiag(w[:2])]).matmul(tf.ones([4, 1], tf.float64)),
    L.LinearOperatorBlockDiag([L.LinearOperatorFullMatrix(p),
                               L.LinearOperatorDiag(w)]).determinant(),
    L.LinearOperatorHouseholder(w).matmul(x),
    L.LinearOperatorToeplitz(p[:, 0], p[0]).to_dense(),
    L.LinearOperatorTridiag(p, diagonals_format="matrix").solve(x),
]
grads = [[g for g in tf.gradients(y * y, [p, w]) if g is not None] for y in outputs]
with tf.Session() as sess:
    for values in sess.run(grads):
        for value in values:
            print(np.array2string(value, precision=4, suppress_small=True))
