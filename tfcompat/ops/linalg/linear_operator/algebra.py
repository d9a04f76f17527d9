"""Operator algebra: adjoint, inverse, Cholesky factor, product and solve of LinearOperators.

Each operator class may answer structurally (``_adjoint_operator``, ``_inverse_operator``,
``_cholesky_operator``, ``_matmul_operator``); otherwise the generic wrapper operator is used
(LinearOperatorAdjoint, LinearOperatorInversion, a dense Cholesky factor, or a
LinearOperatorComposition), as TF's registered rules do."""

from __future__ import annotations

from tfcompat.ops.linalg.dense_ops import cholesky as dense_cholesky
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.basic import (
    LinearOperatorDiag,
    LinearOperatorLowerTriangular,
)
from tfcompat.ops.linalg.linear_operator.circulant import _BaseLinearOperatorCirculant
from tfcompat.ops.linalg.linear_operator.derived import (
    LinearOperatorAdjoint,
    LinearOperatorComposition,
    LinearOperatorInversion,
)
from tfcompat.ops.linalg.linear_operator.identity import (
    LinearOperatorIdentity,
    LinearOperatorScaledIdentity,
    LinearOperatorZeros,
)


def adjoint(operator):
    result = operator._adjoint_operator()
    if result is not None:
        return result
    return LinearOperatorAdjoint(operator)


def inverse(operator):
    result = operator._inverse_operator()
    if result is not None:
        return result
    return LinearOperatorInversion(operator)


def cholesky(operator):
    result = operator._cholesky_operator()
    if result is not None:
        return result
    return LinearOperatorLowerTriangular(dense_cholesky(operator.to_dense()),
                                         is_non_singular=True, is_self_adjoint=False,
                                         is_square=True)


def _combined_hints(left, right) -> dict:
    return dict(
        is_non_singular=util.reduce_hint([left.is_non_singular, right.is_non_singular]),
        is_self_adjoint=util.reduce_hint([left.is_self_adjoint, right.is_self_adjoint]),
        is_positive_definite=util.reduce_hint([left.is_positive_definite,
                                               right.is_positive_definite]))


def _zeros_product(left, right):
    """The zero operator shaped like ``left @ right`` (None when sizes are not static)."""
    rows, cols = left.range_dimension.value, right.domain_dimension.value
    batch = util.broadcast_batch_shapes(left.batch_shape, right.batch_shape)
    if rows is None or cols is None or not batch.is_fully_defined():
        return None
    return LinearOperatorZeros(rows, cols, batch_shape=batch.as_list() or None,
                               dtype=left.dtype, is_self_adjoint=rows == cols or None,
                               is_square=rows == cols)


def _diagonal_of(operator):
    """The diagonal of a Diag or ScaledIdentity operator as a ``[..., N]`` tensor."""
    if isinstance(operator, LinearOperatorDiag):
        return operator.diag
    return operator.multiplier[..., None]


def matmul(left, right):
    """``left @ right`` as the most structured operator TF builds for the pair."""
    if isinstance(left, LinearOperatorZeros) or isinstance(right, LinearOperatorZeros):
        zeros = _zeros_product(left, right)
        if zeros is not None:
            return zeros
    result = left._matmul_operator(right)
    if result is None:
        result = right._rmatmul_operator(left)
    if result is not None:
        return result
    diagonal_types = (LinearOperatorDiag, LinearOperatorScaledIdentity)
    if isinstance(left, diagonal_types) and isinstance(right, diagonal_types):
        return LinearOperatorDiag(_diagonal_of(left) * _diagonal_of(right), is_square=True,
                                  **_combined_hints(left, right))
    if isinstance(left, LinearOperatorDiag) and \
            isinstance(right, LinearOperatorLowerTriangular):
        return LinearOperatorLowerTriangular(left.diag[..., None] * right.to_dense(),
                                             is_non_singular=_combined_hints(
                                                 left, right)["is_non_singular"],
                                             is_square=True)
    if isinstance(left, LinearOperatorLowerTriangular) and \
            isinstance(right, LinearOperatorDiag):
        return LinearOperatorLowerTriangular(left.to_dense() * right.diag[..., None, :],
                                             is_non_singular=_combined_hints(
                                                 left, right)["is_non_singular"],
                                             is_square=True)
    if _same_circulant(left, right):
        # TF builds the product with the default input_output_dtype (complex64).
        return type(left)(left.spectrum * right.spectrum, is_square=True,
                          **_combined_hints(left, right))
    return LinearOperatorComposition([left, right])


def _same_circulant(left, right) -> bool:
    return isinstance(left, _BaseLinearOperatorCirculant) and type(left) is type(right) \
        and left.spectrum.dtype == right.spectrum.dtype


def solve(left, right):
    """``left^-1 @ right`` as the most structured operator TF builds for the pair."""
    if isinstance(left, LinearOperatorIdentity) and left._batch_tensor is None:
        return right
    if isinstance(right, LinearOperatorIdentity) and right._batch_tensor is None:
        return left.inverse()
    if isinstance(left, LinearOperatorInversion):
        return matmul(left.operator, right)
    hints = _combined_hints(left, right)
    if isinstance(left, LinearOperatorScaledIdentity) and \
            isinstance(right, LinearOperatorScaledIdentity):
        return LinearOperatorScaledIdentity(left._num_rows, right.multiplier / left.multiplier,
                                            is_square=True, **hints)
    diagonal_types = (LinearOperatorDiag, LinearOperatorScaledIdentity)
    if isinstance(left, diagonal_types) and isinstance(right, diagonal_types):
        return LinearOperatorDiag(_diagonal_of(right) / _diagonal_of(left), is_square=True,
                                  **hints)
    if _same_circulant(left, right):
        return type(left)(right.spectrum / left.spectrum, is_square=True, **hints)
    return LinearOperatorComposition([LinearOperatorInversion(left), right])
