"""Gradients flow through the graph ops the operators build: float64 central-difference
checks of first derivatives (and a second-order one) through several operators."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error, directional_derivative

L = tf.linalg
RNG = np.random.RandomState(7)
A = RNG.randn(3, 3) + 4 * np.eye(3)
X = RNG.randn(3, 2)


def _full_solve(p):
    return L.LinearOperatorFullMatrix(p).solve(X)


def _full_log_abs_det(p):
    return L.LinearOperatorFullMatrix(p).log_abs_determinant()


def _pd_log_abs_det(p):
    symmetric = tf.matmul(p, p, transpose_b=True) + 3 * tf.eye(3, dtype=tf.float64)
    return L.LinearOperatorFullMatrix(symmetric, is_self_adjoint=True,
                                      is_positive_definite=True).log_abs_determinant()


def _diag_solve(p):
    return L.LinearOperatorDiag(p[:, 0] + 5).solve(X)


def _lower_triangular_det(p):
    return L.LinearOperatorLowerTriangular(p).determinant()


def _low_rank_update_solve(p):
    operator = L.LinearOperatorLowRankUpdate(
        L.LinearOperatorDiag(tf.constant([2., 3., 4.], tf.float64)), p[:, :2] * 0.3)
    return operator.solve(X)


def _kronecker_matmul(p):
    other = L.LinearOperatorFullMatrix(tf.constant([[1., 2.], [0.5, 3.]], tf.float64))
    return L.LinearOperatorKronecker([L.LinearOperatorFullMatrix(p), other]).matmul(
        tf.constant(RNG.randn(6, 2)))


def _block_diag_log_abs_det(p):
    return L.LinearOperatorBlockDiag([L.LinearOperatorFullMatrix(p),
                                      L.LinearOperatorDiag(p[0, :2] + 4)]).log_abs_determinant()


def _householder_matmul(p):
    return L.LinearOperatorHouseholder(p[:, 0]).matmul(X)


def _toeplitz_solve(p):
    return L.LinearOperatorToeplitz(p[:, 0] + tf.constant([6., 0., 0.], tf.float64),
                                    p[:, 1]).solve(X)


def _tridiag_solve(p):
    return L.LinearOperatorTridiag(p, diagonals_format="matrix").solve(X)


def _circulant_matmul(p):
    spectrum = tf.cast(p[:, 0] + 3, tf.complex128)
    operator = L.LinearOperatorCirculant(spectrum, input_output_dtype=tf.complex128)
    return tf.math.real(operator.matmul(tf.cast(X, tf.complex128)))


def _composition_determinant(p):
    full = L.LinearOperatorFullMatrix(p)
    return (full @ full.adjoint()).determinant()


CASES = [_full_solve, _full_log_abs_det, _pd_log_abs_det, _diag_solve, _lower_triangular_det,
         _low_rank_update_solve, _kronecker_matmul, _block_diag_log_abs_det,
         _householder_matmul, _toeplitz_solve, _tridiag_solve,
         _circulant_matmul,
         _composition_determinant]


@pytest.mark.parametrize("build", CASES)
def test_gradient_matches_central_differences(build):
    p = tf.placeholder(tf.float64, [3, 3])
    y = build(p)
    with tf.Session():
        error = compute_gradient_error(p, [3, 3], y, y.shape.as_list(), x_init_value=A,
                                       delta=1e-6)
    assert error < 1e-5, error


def test_second_order_through_full_matrix_solve():
    p = tf.placeholder(tf.float64, [3, 3])
    y = tf.reduce_sum(L.LinearOperatorFullMatrix(p).solve(X) ** 2)
    (grad,) = tf.gradients(y, [p])
    rng = np.random.RandomState(3)
    with tf.Session() as sess:
        check = directional_derivative(tf.reduce_sum(grad * grad), [p], {p: A}, rng,
                                       session=sess)
    np.testing.assert_allclose(check.analytic, check.numerical, rtol=1e-4)


def test_training_variables_through_operators():
    """A TF1 training loop: variables inside operators receive gradients and converge."""
    b = np.array([[2.0], [3.0], [4.0]])
    target = np.array([[1.0], [2.0], [2.5]])
    d = tf.Variable([1.0, 1.0, 1.0], dtype=tf.float64)
    u = tf.Variable([[0.1], [0.1], [0.1]], dtype=tf.float64)
    covariance = L.LinearOperatorLowRankUpdate(
        L.LinearOperatorDiag(d, is_positive_definite=True), u)
    loss = (tf.reduce_sum((L.LinearOperatorDiag(d).solve(b) - target) ** 2)
            + 1e-6 * tf.reduce_sum(covariance.log_abs_determinant() ** 2))
    train = tf.train.AdamOptimizer(0.2).minimize(loss)
    assert covariance.trainable_variables == (d, u)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        first = sess.run(loss)
        for _ in range(500):
            sess.run(train)
        last, d_value, u_value = sess.run([loss, d, u])
    assert last < 1e-2 * first
    np.testing.assert_allclose(d_value, (b / target)[:, 0], rtol=0.02)
    assert not np.allclose(u_value, 0.1)  # the log-determinant term reaches u
