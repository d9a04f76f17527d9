"""Shape helpers and errors shared by the linalg op modules."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors
from tfcompat.framework.ops import ShapeError, Tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops


def invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def square_matrices(t: Tensor) -> tuple:
    """The dims of a batch of square matrices (None when the rank is unknown)."""
    if t.shape.ndims is None:
        return None
    if t.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {t.shape.ndims}")
    dims = t.shape.as_tuple()
    rows, cols = dims[-2:]
    if rows is not None and cols is not None and rows != cols:
        raise ShapeError(f"Dimensions must be equal, but are {rows} and {cols}")
    size = rows if rows is not None else cols
    return dims[:-2] + (size, size)


def square_shape(op):
    """One output shaped like input 0, a batch of square matrices."""
    x = op.inputs[0]
    dims = square_matrices(x)
    return [(x.dtype.base_dtype, unknown_shape() if dims is None
             else TensorShape._from_tuple(dims))]


def batch_shape(op):
    """One output: input 0's batch dims (a scalar per square matrix)."""
    x = op.inputs[0]
    dims = square_matrices(x)
    return [(x.dtype.base_dtype, unknown_shape() if dims is None
             else TensorShape._from_tuple(dims[:-2]))]


def check_square(x: np.ndarray, what: str = "Input") -> None:
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise invalid(f"{what} matrix must be square.")


def adjoint(t: Tensor) -> Tensor:
    """Conjugate transpose of the last two dims."""
    rank = t.shape.ndims
    perm = list(range(rank - 2)) + [rank - 1, rank - 2]
    transposed = array_ops.transpose(t, perm)
    if t.dtype.is_complex:
        from tfcompat.ops.math_extra_ops import conj
        return conj(transposed)
    return transposed


def matmul(a: Tensor, b: Tensor, adjoint_a: bool = False, adjoint_b: bool = False) -> Tensor:
    return math_ops.matmul(a, b, adjoint_a=adjoint_a, adjoint_b=adjoint_b)
