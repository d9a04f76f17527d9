"""The operator algebra: structured results of matmul / solve between operator kinds (the
classes TF returns) agree with dense products and solves."""

import numpy as np
import pytest

import tfcompat as tf

L = tf.linalg
RNG = np.random.RandomState(11)


def _operators():
    return {
        "diag": L.LinearOperatorDiag(RNG.rand(3) + 1, is_positive_definite=True),
        "scaled": L.LinearOperatorScaledIdentity(3, np.float64(2.5)),
        "identity": L.LinearOperatorIdentity(3, dtype=tf.float64),
        "tril": L.LinearOperatorLowerTriangular(np.tril(RNG.rand(3, 3)) + np.eye(3)),
        "full": L.LinearOperatorFullMatrix(RNG.rand(3, 3) + 3 * np.eye(3)),
        "zeros": L.LinearOperatorZeros(3, dtype=tf.float64),
        "circulant": L.LinearOperatorCirculant(np.fft.fft([3.0, 1.0, 0.5]),
                                               input_output_dtype=tf.complex128),
    }


PRODUCTS = {("diag", "scaled"): "Diag", ("scaled", "diag"): "Diag", ("diag", "diag"): "Diag",
            ("scaled", "scaled"): "ScaledIdentity", ("diag", "tril"): "LowerTriangular",
            ("tril", "diag"): "LowerTriangular", ("full", "zeros"): "Zeros",
            ("zeros", "tril"): "Zeros", ("identity", "full"): "FullMatrix",
            ("circulant", "circulant"): "Circulant", ("full", "diag"): "Composition"}
SOLVES = {("diag", "scaled"): "Diag", ("scaled", "diag"): "Diag",
          ("scaled", "scaled"): "ScaledIdentity", ("identity", "full"): "FullMatrix",
          ("full", "identity"): "Inversion", ("diag", "identity"): "Diag",
          ("circulant", "circulant"): "Circulant", ("full", "diag"): "Composition"}


def _dense(operator):
    with tf.Session() as sess:
        return sess.run(operator.to_dense())


@pytest.mark.parametrize("pair", sorted(PRODUCTS))
def test_matmul_structure_and_values(pair):
    ops = _operators()
    left, right = ops[pair[0]], ops[pair[1]]
    product = left.matmul(right)
    assert type(product).__name__ == "LinearOperator" + PRODUCTS[pair]
    np.testing.assert_allclose(_dense(product), _dense(left) @ _dense(right), atol=1e-5)


@pytest.mark.parametrize("pair", sorted(SOLVES))
def test_solve_structure_and_values(pair):
    ops = _operators()
    left, right = ops[pair[0]], ops[pair[1]]
    solution = left.solve(right)
    assert type(solution).__name__ == "LinearOperator" + SOLVES[pair]
    np.testing.assert_allclose(_dense(solution),
                               np.linalg.solve(_dense(left), _dense(right)), atol=1e-5)
