"""Tridiagonal systems (TridiagonalSolve, TridiagonalMatMul) and the 3-vector Cross product.

Diagonals use TF's compact format ``[..., 3, M]``: superdiagonal (last entry unused), main
diagonal, subdiagonal (first entry unused).
"""

from __future__ import annotations

import contextlib

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.linalg.common import invalid
from tfcompat.ops.op_helpers import FLOAT_COMPLEX


def _dense(diagonals: np.ndarray) -> np.ndarray:
    """[..., 3, M] compact diagonals -> [..., M, M] matrices."""
    m = diagonals.shape[-1]
    out = np.zeros(diagonals.shape[:-2] + (m, m), diagonals.dtype)
    i = np.arange(m)
    out[..., i, i] = diagonals[..., 1, :]
    out[..., i[:-1], i[1:]] = diagonals[..., 0, :-1]
    out[..., i[1:], i[:-1]] = diagonals[..., 2, 1:]
    return out


def _shift(t: Tensor, forward: bool) -> Tensor:
    """Along the last axis: [x1..xM] -> [x2..xM, 0] (forward) or [0, x1..x(M-1)]."""
    zeros = array_ops.zeros_like(t[..., :1])
    if forward:
        return array_ops.concat([t[..., 1:], zeros], -1)
    return array_ops.concat([zeros, t[..., :-1]], -1)


# ---- TridiagonalSolve ------------------------------------------------------------------------

def _solve_shape(op):
    diagonals, rhs = op.inputs
    if diagonals.shape.ndims is not None and diagonals.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {diagonals.shape.ndims}")
    return [(rhs.dtype.base_dtype, rhs.shape)]


def _solve_kernel(diagonals, rhs, partial_pivoting, perturb_singular):
    diagonals, rhs = np.asarray(diagonals), np.asarray(rhs)
    if diagonals.shape[-2] != 3:
        raise invalid(f"Expected 3 diagonals got {diagonals.shape[-2]}")
    if rhs.size == 0:
        return rhs.copy()
    wide = np.complex128 if rhs.dtype.kind == "c" else np.float64
    try:
        out = np.linalg.solve(_dense(diagonals.astype(wide)), rhs.astype(wide))
    except np.linalg.LinAlgError:
        raise invalid("The matrix is not invertible.") from None
    return out.astype(rhs.dtype)


def _transpose_compact(diagonals: Tensor) -> Tensor:
    superdiag, maindiag, subdiag = (diagonals[..., i, :] for i in range(3))
    return array_ops.stack([_shift(subdiag, True), maindiag, _shift(superdiag, False)], -2)


def _solve_grad(op, grad):
    diagonals, x = op.inputs[0], op.outputs[0]
    grad_rhs = apply_op("TridiagonalSolve", [_transpose_compact(diagonals), grad],
                        attrs={"partial_pivoting": op._attrs["partial_pivoting"],
                               "perturb_singular": op._attrs["perturb_singular"]})
    # dA = -grad_rhs x^T, read on the three diagonals.
    main = math_ops.reduce_sum(grad_rhs * x, -1)
    superdiag = math_ops.reduce_sum(grad_rhs[..., :-1, :] * x[..., 1:, :], -1)
    subdiag = math_ops.reduce_sum(grad_rhs[..., 1:, :] * x[..., :-1, :], -1)
    zero = array_ops.zeros_like(main[..., :1])
    grad_diagonals = -array_ops.stack([array_ops.concat([superdiag, zero], -1), main,
                                       array_ops.concat([zero, subdiag], -1)], -2)
    return grad_diagonals, grad_rhs


register_op("TridiagonalSolve", inputs=("diagonals: T", "rhs: T"), kernel=_solve_kernel,
            kernel_attrs=("partial_pivoting", "perturb_singular"), shape_fn=_solve_shape,
            allowed={"T": FLOAT_COMPLEX},
            attr_defaults={"partial_pivoting": True, "perturb_singular": False},
            grad=_solve_grad)


def _compact(diagonals, diagonals_format: str) -> Tensor:
    if diagonals_format == "compact":
        return convert_to_tensor(diagonals, name="diagonals")
    if diagonals_format == "sequence":
        # superdiag and subdiag may have M - 1 entries: pad them at the unused end.
        superdiag, maindiag, subdiag = (convert_to_tensor(d) for d in diagonals)
        m = maindiag.shape.as_tuple()[-1] if maindiag.shape.ndims else None
        rank = maindiag.shape.ndims
        if superdiag.shape.as_tuple()[-1] == m - 1 if m is not None else False:
            superdiag = array_ops.concat([superdiag, array_ops.zeros_like(superdiag[..., :1])],
                                         rank - 1)
        if subdiag.shape.as_tuple()[-1] == m - 1 if m is not None else False:
            subdiag = array_ops.concat([array_ops.zeros_like(subdiag[..., :1]), subdiag],
                                       rank - 1)
        return array_ops.stack([superdiag, maindiag, subdiag], -2)
    if diagonals_format == "matrix":
        from tfcompat.ops.matrix_diag_ops import matrix_diag_part
        matrix = convert_to_tensor(diagonals, name="diagonals")
        rank = matrix.shape.ndims - 1
        upper = matrix_diag_part(matrix, k=1)
        lower = matrix_diag_part(matrix, k=-1)
        superdiag = array_ops.concat([upper, array_ops.zeros_like(upper[..., :1])], rank - 1)
        subdiag = array_ops.concat([array_ops.zeros_like(lower[..., :1]), lower], rank - 1)
        return array_ops.stack([superdiag, matrix_diag_part(matrix), subdiag], -2)
    raise ValueError(f"Unrecognized diagonals_format: {diagonals_format}")


def tridiagonal_solve(diagonals, rhs, diagonals_format="compact", transpose_rhs=False,
                      conjugate_rhs=False, name=None, partial_pivoting=True,
                      perturb_singular=False) -> Tensor:
    """Solves tridiagonal systems ``A x = rhs`` (A given by its three diagonals)."""
    with ops.name_scope(name, "tridiagonal_solve") if name else contextlib.nullcontext():
        compact = _compact(diagonals, diagonals_format)
        rhs = convert_to_tensor(rhs, name="rhs")
        if conjugate_rhs and rhs.dtype.is_complex:
            from tfcompat.ops.math_extra_ops import conj
            rhs = conj(rhs)
        if transpose_rhs:
            rank = rhs.shape.ndims
            rhs = array_ops.transpose(rhs, list(range(rank - 2)) + [rank - 1, rank - 2])
        vector = (rhs.shape.ndims is not None and compact.shape.ndims is not None
                  and rhs.shape.ndims == compact.shape.ndims - 1)
        if vector:
            rhs = array_ops.expand_dims(rhs, -1)
        result = apply_op("TridiagonalSolve", [compact, rhs],
                          attrs={"partial_pivoting": bool(partial_pivoting),
                                 "perturb_singular": bool(perturb_singular)})
        return array_ops.squeeze(result, [-1]) if vector else result


# ---- TridiagonalMatMul -----------------------------------------------------------------------

def _matmul_kernel(superdiag, maindiag, subdiag, rhs):
    superdiag, maindiag, subdiag, rhs = (np.asarray(a) for a in (superdiag, maindiag, subdiag,
                                                                   rhs))
    diagonals = np.concatenate([superdiag, maindiag, subdiag], axis=-2)
    return np.matmul(_dense(diagonals), rhs).astype(rhs.dtype)


def _matmul_shape(op):
    rhs = op.inputs[3]
    return [(rhs.dtype.base_dtype, rhs.shape)]


def _matmul_grad(op, grad):
    superdiag, maindiag, subdiag, rhs = op.inputs
    # d rhs = A^T grad; dA = grad rhs^T on the three diagonals.
    transposed = [_shift(subdiag, True), maindiag, _shift(superdiag, False)]
    grad_rhs = apply_op("TridiagonalMatMul", transposed + [grad])
    main = math_ops.reduce_sum(grad * rhs, -1)
    upper = math_ops.reduce_sum(grad[..., :-1, :] * rhs[..., 1:, :], -1)
    lower = math_ops.reduce_sum(grad[..., 1:, :] * rhs[..., :-1, :], -1)
    zero = array_ops.zeros_like(main[..., :1])
    return (array_ops.expand_dims(array_ops.concat([upper, zero], -1), -2),
            array_ops.expand_dims(main, -2),
            array_ops.expand_dims(array_ops.concat([zero, lower], -1), -2), grad_rhs)


register_op("TridiagonalMatMul", inputs=("superdiag: T", "maindiag: T", "subdiag: T",
                                         "rhs: T"),
            kernel=_matmul_kernel, shape_fn=_matmul_shape, allowed={"T": FLOAT_COMPLEX},
            grad=_matmul_grad)


def tridiagonal_matmul(diagonals, rhs, diagonals_format="compact", name=None) -> Tensor:
    """Multiplies tridiagonal matrices (given by their diagonals) by ``rhs``."""
    with ops.name_scope(name, "tridiagonal_matmul") if name else contextlib.nullcontext():
        compact = _compact(diagonals, diagonals_format)
        rhs = convert_to_tensor(rhs, name="rhs")
        parts = [array_ops.expand_dims(compact[..., i, :], -2) for i in range(3)]
        return apply_op("TridiagonalMatMul", parts + [rhs])


# ---- Cross -----------------------------------------------------------------------------------

def _cross_shape(op):
    a, b = op.inputs
    shape = broadcast_shape(a.shape, b.shape) if a.shape.ndims == b.shape.ndims else a.shape
    if a.shape.ndims is not None and a.shape.as_tuple()[-1] not in (None, 3):
        raise ShapeError(f"Dimension must be 3 but is {a.shape.as_tuple()[-1]}")
    return [(a.dtype.base_dtype, shape)]


def _cross_kernel(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        raise invalid(f"Both inputs must be of same shape: {list(a.shape)} vs. "
                      f"{list(b.shape)}")
    return np.cross(a, b).astype(a.dtype)


register_op("Cross", inputs=("a: T", "b: T"), kernel=_cross_kernel, shape_fn=_cross_shape,
            grad=lambda op, grad: (cross(op.inputs[1], grad), cross(grad, op.inputs[0])))


def cross(a, b, name=None) -> Tensor:
    """The pairwise cross product of 3-vectors along the last dimension."""
    return apply_op("Cross", [a, b], name=name)

