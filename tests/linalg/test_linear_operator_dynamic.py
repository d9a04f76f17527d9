"""Every operator family over placeholders of unknown dimensions: static shapes stay unknown,
and the run-time values (dense matrix, matmul, shape, determinant, solve, trace) are right."""

import numpy as np
import pytest

import tfcompat as tf

L = tf.linalg
MATRIX = np.eye(3) * 3 + 0.1
VECTOR = np.array([1.0, 2.0, 2.0])


def _builders(m, v, b):
    return {
        "full": lambda: L.LinearOperatorFullMatrix(m),
        "diag": lambda: L.LinearOperatorDiag(v),
        "tril": lambda: L.LinearOperatorLowerTriangular(m),
        "householder": lambda: L.LinearOperatorHouseholder(v),
        "permutation": lambda: L.LinearOperatorPermutation(
            tf.placeholder_with_default(tf.constant([2, 0, 1]), [None]), dtype=tf.float64),
        "toeplitz": lambda: L.LinearOperatorToeplitz(v + 3, v),
        "tridiag": lambda: L.LinearOperatorTridiag(tf.stack([v, v + 5, v])),
        "circulant": lambda: L.LinearOperatorCirculant(tf.cast(v, tf.complex128) + 3,
                                                       input_output_dtype=tf.float64),
        "block_diag": lambda: L.LinearOperatorBlockDiag([L.LinearOperatorFullMatrix(m),
                                                         L.LinearOperatorDiag(v)]),
        "kronecker": lambda: L.LinearOperatorKronecker([L.LinearOperatorFullMatrix(m),
                                                        L.LinearOperatorDiag(v)]),
        "low_rank": lambda: L.LinearOperatorLowRankUpdate(L.LinearOperatorDiag(v),
                                                          tf.expand_dims(v, -1)),
        "composition": lambda: L.LinearOperatorComposition([L.LinearOperatorFullMatrix(b),
                                                            L.LinearOperatorDiag(v)]),
        "block_lower": lambda: L.LinearOperatorBlockLowerTriangular(
            [[L.LinearOperatorFullMatrix(m)],
             [L.LinearOperatorFullMatrix(m), L.LinearOperatorDiag(v)]]),
    }


@pytest.mark.parametrize("name", sorted(_builders(None, None, None)))
def test_unknown_dimensions(name):
    m = tf.placeholder(tf.float64, [None, None])
    v = tf.placeholder(tf.float64, [None])
    b = tf.placeholder(tf.float64, [None, 3, 3])
    operator = _builders(m, v, b)[name]()
    assert operator.domain_dimension.value is None
    x = tf.ones(tf.stack([operator.domain_dimension_tensor(), 2]), tf.float64)
    fetches = [operator.to_dense(), operator.matmul(x), operator.shape_tensor(),
               operator.determinant(), operator.solve(x), operator.trace()]
    feed = {m: MATRIX, v: VECTOR, b: np.stack([MATRIX, 2 * MATRIX])}
    with tf.Session() as sess:
        dense, product, shape, det, solution, trace = sess.run(fetches, feed)
    ones = np.ones(dense.shape[:-1] + (2,))
    assert list(shape) == list(dense.shape)
    np.testing.assert_allclose(product, dense @ ones, atol=1e-9)
    np.testing.assert_allclose(det, np.linalg.det(dense), rtol=1e-7)
    np.testing.assert_allclose(solution, np.linalg.solve(dense, ones), rtol=1e-7)
    np.testing.assert_allclose(trace, np.trace(dense, axis1=-2, axis2=-1), rtol=1e-9)
