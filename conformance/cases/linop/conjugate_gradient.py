# tf.linalg.experimental.conjugate_gradient on a self-adjoint positive-definite operator,
# with and without a preconditioner and a starting point.
L = tf.linalg
a = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
op = L.LinearOperatorFullMatrix(a, is_self_adjoint=True, is_positive_definite=True)
rhs = tf.constant([1.0, -2.0, 0.5], tf.float64)
plain = L.experimental.conjugate_gradient(op, rhs)
pre = L.experimental.conjugate_gradient(
    op, rhs, preconditioner=L.LinearOperatorDiag(1.0 / np.diag(a), is_positive_definite=True))
start = L.experimental.conjugate_gradient(op, rhs, x=tf.ones([3], tf.float64), max_iter=2)
print(type(plain).__name__, plain._fields)
for state in (plain, pre, start):
    print([(t.dtype.name, t.shape) for t in state])
with tf.Session() as sess:
    for state in sess.run([plain, pre, start]):
        print(state.i, np.array2string(state.x, precision=6))
