"""Batch slicing (``operator[...]``) of every operator class: the sliced operator's dense
matrix is the slice of the dense matrix, broadcast arguments included."""

import numpy as np
import pytest

import tfcompat as tf

L = tf.linalg
RNG = np.random.RandomState(5)


def _m(*shape):
    return RNG.randn(*shape) + 3 * np.eye(shape[-1])


BUILDERS = {
    "full": lambda: L.LinearOperatorFullMatrix(_m(3, 2, 2)),
    "diag": lambda: L.LinearOperatorDiag(RNG.rand(3, 2) + 1),
    "tril": lambda: L.LinearOperatorLowerTriangular(_m(3, 2, 2)),
    "identity": lambda: L.LinearOperatorIdentity(2, batch_shape=[3], dtype=tf.float64),
    "scaled": lambda: L.LinearOperatorScaledIdentity(2, RNG.rand(3) + 1),
    "zeros": lambda: L.LinearOperatorZeros(2, batch_shape=[3], dtype=tf.float64),
    "adjoint": lambda: L.LinearOperatorAdjoint(L.LinearOperatorFullMatrix(_m(3, 2, 2))),
    "inversion": lambda: L.LinearOperatorInversion(L.LinearOperatorFullMatrix(_m(3, 2, 2))),
    "composition": lambda: L.LinearOperatorComposition(
        [L.LinearOperatorFullMatrix(_m(3, 2, 2)), L.LinearOperatorFullMatrix(_m(1, 2, 2))]),
    "block_diag": lambda: L.LinearOperatorBlockDiag(
        [L.LinearOperatorFullMatrix(_m(3, 2, 2)), L.LinearOperatorDiag(RNG.rand(2) + 1)]),
    "block_lower": lambda: L.LinearOperatorBlockLowerTriangular(
        [[L.LinearOperatorFullMatrix(_m(3, 2, 2))],
         [L.LinearOperatorFullMatrix(RNG.randn(1, 2, 2)), L.LinearOperatorDiag(RNG.rand(2))]]),
    "kronecker": lambda: L.LinearOperatorKronecker(
        [L.LinearOperatorFullMatrix(_m(3, 2, 2)), L.LinearOperatorDiag(RNG.rand(2) + 1)]),
    "low_rank": lambda: L.LinearOperatorLowRankUpdate(
        L.LinearOperatorDiag(RNG.rand(3, 2) + 1), RNG.randn(2, 1)),
    "householder": lambda: L.LinearOperatorHouseholder(RNG.randn(3, 2)),
    "permutation": lambda: L.LinearOperatorPermutation([[1, 0], [0, 1], [1, 0]],
                                                       dtype=tf.float64),
    "toeplitz": lambda: L.LinearOperatorToeplitz(RNG.randn(3, 2), RNG.randn(2)),
    "tridiag": lambda: L.LinearOperatorTridiag(RNG.randn(3, 3, 2)),
    "tridiag_sequence": lambda: L.LinearOperatorTridiag(
        [RNG.randn(3, 1), RNG.randn(3, 2), RNG.randn(3, 1)], diagonals_format="sequence"),
    "circulant": lambda: L.LinearOperatorCirculant(RNG.randn(3, 2) + 0j,
                                                   input_output_dtype=tf.complex128),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_batch_slices_match_dense_slices(name):
    operator = BUILDERS[name]()
    assert operator.batch_shape.as_list() == [3]
    pieces = {"1:": operator[1:], "0": operator[0], "...,::2": operator[..., ::2]}
    assert pieces["1:"].batch_shape.as_list() == [2]
    assert pieces["0"].batch_shape.as_list() == []
    assert type(pieces["0"]) is type(operator)
    assert pieces["0"].name == operator.name
    with tf.Session() as sess:
        dense, first, rest, even = sess.run(
            [operator.to_dense(), pieces["0"].to_dense(), pieces["1:"].to_dense(),
             pieces["...,::2"].to_dense()])
    np.testing.assert_allclose(first, dense[0])
    np.testing.assert_allclose(rest, dense[1:])
    np.testing.assert_allclose(even, dense[::2])


def test_slicing_errors():
    diag = L.LinearOperatorDiag(np.ones((3, 2)))
    with pytest.raises(ValueError, match="Too many slices"):
        diag[0, 1]  # noqa: B018
    with pytest.raises(ValueError, match="new batch dimensions"):
        diag[None]  # noqa: B018
