# Errors: inconsistent hints, bad arguments, shape and dtype mismatches, and methods that
# the hints rule out.
L = tf.linalg
full = L.LinearOperatorFullMatrix(np.eye(3, dtype=np.float32))
rect = L.LinearOperatorFullMatrix(np.ones((2, 3), np.float32))
singular = L.LinearOperatorDiag([1.0, 2.0], is_non_singular=False)
show_error(L.LinearOperatorDiag, [1.0, 2.0], is_positive_definite=True, is_non_singular=False)
show_error(L.LinearOperatorDiag, [1.0, 2.0], is_square=False)
show_error(L.LinearOperatorDiag, [1.0, 2.0], is_self_adjoint=False)
show_error(L.LinearOperatorFullMatrix, np.ones((2, 3), np.float32), is_non_singular=True,
           is_square=False)
show_error(L.LinearOperatorFullMatrix, np.ones((2, 2), np.float32), is_self_adjoint=True,
           is_square=False)
show_error(L.LinearOperatorFullMatrix, np.ones((3, 3), np.int32))
show_error(L.LinearOperatorZeros, 3, is_non_singular=True)
show_error(L.LinearOperatorIdentity, 3, is_self_adjoint=False)
show_error(L.LinearOperatorBlockDiag, [])
show_error(L.LinearOperatorBlockDiag, [full, L.LinearOperatorDiag(np.ones(2))])
show_error(L.LinearOperatorBlockLowerTriangular, [[full, full], [full]])
show_error(L.LinearOperatorPermutation, [2.0, 0.0, 1.0])
show_error(L.LinearOperatorHouseholder, [1.0, 2.0], is_positive_definite=True)
show_error(full.matmul, tf.ones([4, 2]))
show_error(full.solve, tf.ones([4, 2]))
show_error(full.matmul, tf.ones([3, 2], tf.float64))
show_error(full.cholesky)
show_error(full.eigvals)
show_error(full.assert_positive_definite)
show_error(rect.determinant)
show_error(rect.solve, tf.ones([2, 2]))
show_error(rect.inverse)
show_error(singular.solve, tf.ones([2, 1]))
show_error(singular.inverse)
show_error(L.LinearOperatorDiag([1.0, 2.0]).matmul, L.LinearOperatorIdentity(3))
show_error(L.experimental.conjugate_gradient, full, tf.ones([3]))
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(L.LinearOperatorDiag([1.0, 0.0]).assert_non_singular()),
                        "Singular operator:  Diagonal contained zero values.")
    show_error_contains(lambda: sess.run(L.LinearOperatorFullMatrix(
        [[1.0, 2.0], [0.0, 1.0]]).assert_self_adjoint()), "Matrix was not equal to its adjoint.")
    show_error_contains(lambda: sess.run(L.LinearOperatorDiag([1.0, -1.0])
                                         .assert_positive_definite()),
                        "Real diagonal operator had non-positive diagonal entries")
