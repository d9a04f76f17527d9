"""Operator algebra: adjoint, inverse, Cholesky factor, product and solve of LinearOperators.

Each operator class may answer structurally (``_adjoint_operator``, ``_inverse_operator``,
``_cholesky_operator``, ``_matmul_operator``); otherwise the generic wrapper operator is used
(LinearOperatorAdjoint, LinearOperatorInversion, a dense Cholesky factor, or a
LinearOperatorComposition), as TF's registered rules do."""

from __future__ import annotations

from tfcompat.ops.linalg.dense_ops import cholesky as dense_cholesky
from tfcompat.ops.linalg.linear_operator.basic import LinearOperatorLowerTriangular
from tfcompat.ops.linalg.linear_operator.derived import (
    LinearOperatorAdjoint,
    LinearOperatorComposition,
    LinearOperatorInversion,
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


def matmul(left, right):
    result = left._matmul_operator(right)
    if result is None:
        result = right._rmatmul_operator(left)
    if result is not None:
        return result
    return LinearOperatorComposition([left, right])


def solve(left, right):
    return matmul(left.inverse(), right)
