"""Dense square-matrix ops: MatrixInverse, MatrixDeterminant, LogMatrixDeterminant, Cholesky,
MatrixSolve and MatrixTriangularSolve, with their gradients."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.linalg.common import (
    adjoint,
    batch_shape,
    check_square,
    invalid,
    matmul,
    square_matrices,
    square_shape,
)
from tfcompat.ops.matrix_diag_ops import matrix_band_part, matrix_diag_part, matrix_set_diag

_LINALG_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64) + (
    dtypes.complex64, dtypes.complex128)


def _wide(x: np.ndarray) -> np.ndarray:
    return x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)


def _adjoint_np(x: np.ndarray) -> np.ndarray:
    return np.conj(np.swapaxes(x, -1, -2))


# ---- MatrixInverse ---------------------------------------------------------------------------

def _inverse_kernel(x, adjoint):
    x = np.asarray(x)
    check_square(x)
    if x.size == 0:
        return x.copy()
    wide = _wide(x)
    if adjoint:
        wide = _adjoint_np(wide)
    try:
        inv = np.linalg.inv(wide)
    except np.linalg.LinAlgError:
        raise invalid("Input is not invertible.") from None
    if not np.isfinite(inv).all() and np.isfinite(wide).all():
        raise invalid("Input is not invertible.")
    return inv.astype(x.dtype)


def _inverse_grad(op, grad):
    """-Y^H G Y^H for Y = inv(A); -Y G^H Y for Y = inv(A^H)."""
    ainv = op.outputs[0]
    flipped = op._attrs["adjoint"]
    return -matmul(ainv, matmul(grad, ainv, adjoint_a=flipped, adjoint_b=not flipped),
                   adjoint_a=not flipped)


register_op("MatrixInverse", inputs=("input: T",), kernel=_inverse_kernel,
            kernel_attrs=("adjoint",), shape_fn=square_shape, allowed={"T": _LINALG_TYPES},
            attr_defaults={"adjoint": False}, grad=_inverse_grad)


def matrix_inverse(input, adjoint=False, name=None) -> Tensor:  # noqa: A002
    """The inverse of each square matrix (of its adjoint when ``adjoint``)."""
    return apply_op("MatrixInverse", [input], name=name, attrs={"adjoint": bool(adjoint)})


# ---- determinants ----------------------------------------------------------------------------

def _det_kernel(x):
    x = np.asarray(x)
    check_square(x)
    return np.asarray(np.linalg.det(_wide(x))).astype(x.dtype)


def _det_grad(op, grad):
    a, det = op.inputs[0], op.outputs[0]
    a_adj_inv = matrix_inverse(a, adjoint=True)
    multipliers = array_ops.expand_dims(array_ops.expand_dims(grad * det, -1), -1)
    return multipliers * a_adj_inv


register_op("MatrixDeterminant", inputs=("input: T",), kernel=_det_kernel,
            shape_fn=batch_shape, allowed={"T": _LINALG_TYPES}, grad=_det_grad)


def matrix_determinant(input, name=None) -> Tensor:  # noqa: A002
    """The determinant of each square matrix."""
    return apply_op("MatrixDeterminant", [input], name=name)


def _log_det_shape(op):
    (dtype, shape), = batch_shape(op)
    return [(dtype, shape), (dtype, shape)]


def _log_det_kernel(x):
    x = np.asarray(x)
    check_square(x)
    sign, logabs = np.linalg.slogdet(_wide(x))
    return np.asarray(sign).astype(x.dtype), np.asarray(logabs).astype(x.dtype)


def _log_det_grad(op, _sign_grad, log_abs_grad):
    a = op.inputs[0]
    a_adj_inv = matrix_inverse(a, adjoint=True)
    multipliers = array_ops.expand_dims(array_ops.expand_dims(log_abs_grad, -1), -1)
    return multipliers * a_adj_inv


register_op("LogMatrixDeterminant", inputs=("input: T",), kernel=_log_det_kernel,
            shape_fn=_log_det_shape, allowed={"T": _LINALG_TYPES}, grad=_log_det_grad)


def log_matrix_determinant(input, name=None):  # noqa: A002
    """(sign, log|det|) of each square matrix."""
    return tuple(apply_op("LogMatrixDeterminant", [input], name=name))


# ---- Cholesky --------------------------------------------------------------------------------

def _cholesky_kernel(x):
    x = np.asarray(x)
    check_square(x)
    if x.size == 0:
        return x.copy()
    # Only the lower triangle is read, as in TF.
    lower = np.tril(_wide(x))
    symmetric = lower + _adjoint_np(np.tril(lower, -1))
    # TF's CPU kernel does not fail on a matrix that is not positive definite: it returns
    # NaNs from the failing column on. Here: NaN in every matrix that fails.
    flat = symmetric.reshape((-1,) + symmetric.shape[-2:])
    out = np.empty_like(flat)
    for i, matrix in enumerate(flat):
        try:
            out[i] = np.linalg.cholesky(matrix)
        except np.linalg.LinAlgError:
            out[i] = np.tril(np.full_like(matrix, np.nan))
    return out.reshape(x.shape).astype(x.dtype)


def _cholesky_grad(op, grad):
    """Murray (2016): grad_A = 1/2 L^-H Phi(L^H grad) L^-1, symmetrized."""
    l_factor = op.outputs[0]
    eye = array_ops.ones_like(matrix_diag_part(l_factor))
    l_inverse = matrix_triangular_solve(l_factor, _diag_matrix_like(l_factor, eye), lower=True)
    middle = matmul(l_factor, grad, adjoint_a=True)
    middle = matrix_set_diag(middle, 0.5 * matrix_diag_part(middle))
    middle = matrix_band_part(middle, -1, 0)
    grad_a = matmul(matmul(l_inverse, middle, adjoint_a=True), l_inverse)
    grad_a = grad_a + adjoint(grad_a)
    return grad_a * 0.5


def _diag_matrix_like(matrix: Tensor, diagonal: Tensor) -> Tensor:
    return matrix_set_diag(array_ops.zeros_like(matrix), diagonal)


register_op("Cholesky", inputs=("input: T",), kernel=_cholesky_kernel, shape_fn=square_shape,
            allowed={"T": _LINALG_TYPES}, grad=_cholesky_grad)


def cholesky(input, name=None) -> Tensor:  # noqa: A002
    """The lower Cholesky factor of each Hermitian positive-definite matrix."""
    return apply_op("Cholesky", [input], name=name)


# ---- MatrixSolve / MatrixTriangularSolve -----------------------------------------------------

def _solve_shape(op):
    matrix, rhs = op.inputs[0], op.inputs[1]
    dtype = matrix.dtype.base_dtype
    dims = square_matrices(matrix)
    if rhs.shape.ndims is None or dims is None:
        return [(dtype, unknown_shape())]
    if rhs.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {rhs.shape.ndims}")
    rhs_dims = rhs.shape.as_tuple()
    n, m = dims[-1], rhs_dims[-2]
    if n is not None and m is not None and n != m:
        raise ShapeError(f"Dimensions must be equal, but are {n} and {m}")
    batch = rhs_dims[:-2]
    if len(dims) - 2 == len(batch):
        batch = tuple(a if a is not None else b for a, b in zip(dims[:-2], batch))
    return [(dtype, TensorShape._from_tuple(batch + (n if n is not None else m,
                                                     rhs_dims[-1])))]


def _solve_kernel(matrix, rhs, adjoint):
    matrix, rhs = np.asarray(matrix), np.asarray(rhs)
    check_square(matrix)
    if rhs.size == 0 or matrix.size == 0:
        return np.zeros(np.broadcast_shapes(matrix.shape[:-2], rhs.shape[:-2]) + rhs.shape[-2:],
                        rhs.dtype)
    a = _wide(matrix)
    if adjoint:
        a = _adjoint_np(a)
    try:
        out = np.linalg.solve(a, _wide(rhs))
    except np.linalg.LinAlgError:
        raise invalid("Input matrix is not invertible.") from None
    return out.astype(rhs.dtype)


def _solve_grad(op, grad):
    matrix, solution = op.inputs[0], op.outputs[0]
    is_adjoint = op._attrs["adjoint"]
    grad_b = matrix_solve(matrix, grad, adjoint=not is_adjoint)
    if is_adjoint:
        grad_a = -matmul(solution, grad_b, adjoint_b=True)
    else:
        grad_a = -matmul(grad_b, solution, adjoint_b=True)
    return grad_a, grad_b


register_op("MatrixSolve", inputs=("matrix: T", "rhs: T"), kernel=_solve_kernel,
            kernel_attrs=("adjoint",), shape_fn=_solve_shape, allowed={"T": _LINALG_TYPES},
            attr_defaults={"adjoint": False}, grad=_solve_grad)


def matrix_solve(matrix, rhs, adjoint=False, name=None) -> Tensor:
    """Solves ``matrix @ X = rhs`` (``adjoint(matrix) @ X = rhs`` when ``adjoint``)."""
    return apply_op("MatrixSolve", [matrix, rhs], name=name, attrs={"adjoint": bool(adjoint)})


def _triangular_kernel(matrix, rhs, lower, adjoint):
    matrix, rhs = np.asarray(matrix), np.asarray(rhs)
    check_square(matrix)
    a = np.tril(_wide(matrix)) if lower else np.triu(_wide(matrix))
    if adjoint:
        a = _adjoint_np(a)
    if rhs.size == 0 or matrix.size == 0:
        return np.zeros(np.broadcast_shapes(matrix.shape[:-2], rhs.shape[:-2]) + rhs.shape[-2:],
                        rhs.dtype)
    with np.errstate(all="ignore"):
        # A singular triangular matrix gives inf/nan as TF's back substitution does.
        try:
            out = np.linalg.solve(a, _wide(rhs))
        except np.linalg.LinAlgError:
            out = np.full(np.broadcast_shapes(a.shape[:-2], rhs.shape[:-2]) + rhs.shape[-2:],
                          np.nan)
    return out.astype(rhs.dtype)


def _triangular_grad(op, grad):
    a, c = op.inputs[0], op.outputs[0]
    is_adjoint = op._attrs["adjoint"]
    lower = op._attrs["lower"]
    grad_b = matrix_triangular_solve(a, grad, lower=lower, adjoint=not is_adjoint)
    if is_adjoint:
        grad_a = -matmul(c, grad_b, adjoint_b=True)
    else:
        grad_a = -matmul(grad_b, c, adjoint_b=True)
    grad_a = matrix_band_part(grad_a, -1, 0) if lower else matrix_band_part(grad_a, 0, -1)
    return grad_a, grad_b


register_op("MatrixTriangularSolve", inputs=("matrix: T", "rhs: T"), kernel=_triangular_kernel,
            kernel_attrs=("lower", "adjoint"), shape_fn=_solve_shape,
            allowed={"T": _LINALG_TYPES}, attr_defaults={"lower": True, "adjoint": False},
            grad=_triangular_grad)


def matrix_triangular_solve(matrix, rhs, lower=True, adjoint=False, name=None) -> Tensor:
    """Solves a triangular system (only the ``lower`` or upper triangle of matrix is read)."""
    return apply_op("MatrixTriangularSolve", [matrix, rhs], name=name,
                    attrs={"lower": bool(lower), "adjoint": bool(adjoint)})

