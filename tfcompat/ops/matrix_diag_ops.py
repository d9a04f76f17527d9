"""Batched matrix diagonals and bands: MatrixBandPart, MatrixDiagV3, MatrixDiagPartV3,
MatrixSetDiagV3 (one diagonal ``k`` at a time), and the composites eye and trace.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.op_helpers import INDEX_TYPES

_ALIGN = "RIGHT_LEFT"


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _single_k(k) -> int:
    values = np.asarray(k).reshape(-1)
    if values.size == 2 and values[0] != values[1]:
        raise NotImplementedError("matrix diagonal bands (k = [low, high]) are not supported "
                                  "by tfcompat yet")
    return int(values[0])


def _diag_length(rows: int, cols: int, k: int) -> int:
    return max(0, min(rows + min(k, 0), cols - max(k, 0)))


def _diag_positions(rows: int, cols: int, k: int):
    n = _diag_length(rows, cols, k)
    i = np.arange(n) + max(-k, 0)
    return i, i + k


# ---- MatrixBandPart --------------------------------------------------------------------------

def _band_part_kernel(x, num_lower, num_upper):
    x = np.asarray(x)
    rows, cols = x.shape[-2:]
    lower, upper = int(num_lower), int(num_upper)
    if lower > rows or upper > cols:
        raise _invalid(f"num_lower must be negative or less or equal to number of rows "
                       f"({rows}) got: {lower}" if lower > rows else
                       f"num_upper must be negative or less or equal to number of columns "
                       f"({cols}) got: {upper}")
    i = np.arange(rows)[:, None]
    j = np.arange(cols)[None, :]
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return np.where(keep, x, np.zeros((), x.dtype))


def _matrix_shape(op):
    x = op.inputs[0]
    if x.shape.ndims is not None and x.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {x.shape.ndims}")
    return [(x.dtype.base_dtype, x.shape)]


register_op("MatrixBandPart", inputs=("input: T", "num_lower: Tindex", "num_upper: Tindex"),
            kernel=_band_part_kernel, shape_fn=_matrix_shape,
            allowed={"Tindex": INDEX_TYPES}, type_defaults={"Tindex": dtypes.int64},
            grad=lambda op, grad: (matrix_band_part(grad, op.inputs[1], op.inputs[2]),
                                   None, None))


def matrix_band_part(input, num_lower, num_upper, name=None) -> Tensor:  # noqa: A002
    """Zeroes everything outside a band: ``num_lower`` subdiagonals, ``num_upper``
    superdiagonals (negative: keep all)."""
    return apply_op("MatrixBandPart", [input, num_lower, num_upper], name=name)


def _default_dims(length: int, k: int, rows: int, cols: int) -> tuple[int, int]:
    """TF's defaults for num_rows/num_cols = -1: square when both are left out."""
    if rows == -1 and cols == -1:
        return length + abs(k), length + abs(k)
    if rows == -1:
        return length + max(-k, 0), cols
    if cols == -1:
        return rows, length + max(k, 0)
    return rows, cols


# ---- MatrixDiagV3 ----------------------------------------------------------------------------

def _matrix_diag_shape(op):
    diagonal, k_t, rows_t, cols_t, _ = op.inputs
    dtype = diagonal.dtype.base_dtype
    k, rows, cols = (tensor_util.constant_value(t) for t in (k_t, rows_t, cols_t))
    if diagonal.shape.ndims is None or k is None or rows is None or cols is None:
        return [(dtype, unknown_shape())]
    if diagonal.shape.ndims < 1:
        raise ShapeError("Shape must be at least rank 1 but is rank 0")
    k = _single_k(k)
    *batch, length = diagonal.shape.as_tuple()
    rows, cols = int(rows), int(cols)
    if length is None:
        return [(dtype, unknown_shape(len(batch) + 2))]
    rows, cols = _default_dims(length, k, rows, cols)
    return [(dtype, TensorShape._from_tuple(tuple(batch) + (rows, cols)))]


def _matrix_diag_kernel(diagonal, k, num_rows, num_cols, padding_value, align):
    diagonal = np.asarray(diagonal)
    k = _single_k(k)
    length = diagonal.shape[-1]
    rows, cols = _default_dims(length, k, int(num_rows), int(num_cols))
    out = np.full(diagonal.shape[:-1] + (rows, cols), np.asarray(padding_value),
                  dtype=diagonal.dtype)
    i, j = _diag_positions(rows, cols, k)
    out[..., i, j] = diagonal[..., :len(i)]
    return out


register_op("MatrixDiagV3", inputs=("diagonal: T", "k: int32", "num_rows: int32",
                                    "num_cols: int32", "padding_value: T"),
            kernel=_matrix_diag_kernel, kernel_attrs=("align",), shape_fn=_matrix_diag_shape,
            attr_defaults={"align": _ALIGN}, value_inputs=(1, 2, 3),
            grad=lambda op, grad: (matrix_diag_part(grad, k=op.inputs[1]), None, None, None,
                                   None))


def matrix_diag(diagonal, name="diag", k=0, num_rows=-1, num_cols=-1, padding_value=0,
                align=_ALIGN) -> Tensor:
    """A batch of matrices with ``diagonal`` on diagonal ``k`` and ``padding_value`` elsewhere."""
    with ops.name_scope(name, "diag") as scope:
        diagonal = convert_to_tensor(diagonal, name="diagonal")
        k = convert_to_tensor(k, dtype=dtypes.int32, name="k")
        num_rows = convert_to_tensor(num_rows, dtype=dtypes.int32, name="num_rows")
        num_cols = convert_to_tensor(num_cols, dtype=dtypes.int32, name="num_cols")
        padding_value = convert_to_tensor(padding_value, dtype=diagonal.dtype.base_dtype,
                                          name="padding_value")
        return apply_op("MatrixDiagV3", [diagonal, k, num_rows, num_cols, padding_value],
                        name=scope, attrs={"align": align})


# ---- MatrixDiagPartV3 ------------------------------------------------------------------------

def _diag_part_shape(op):
    x, k_t, _ = op.inputs
    dtype = x.dtype.base_dtype
    k = tensor_util.constant_value(k_t)
    if x.shape.ndims is None or k is None:
        return [(dtype, unknown_shape())]
    if x.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {x.shape.ndims}")
    *batch, rows, cols = x.shape.as_tuple()
    k = _single_k(k)
    length = None if rows is None or cols is None else _diag_length(rows, cols, k)
    return [(dtype, TensorShape._from_tuple(tuple(batch) + (length,)))]


def _diag_part_kernel(x, k, padding_value, align):
    x = np.asarray(x)
    k = _single_k(k)
    rows, cols = x.shape[-2:]
    if not -rows < k < cols and (rows or cols):
        raise _invalid(f"The first diagonal index must be in [-{rows}, {cols}). Got {k}.")
    i, j = _diag_positions(rows, cols, k)
    return np.ascontiguousarray(x[..., i, j])


def _diag_part_grad(op, grad):
    x, k = op.inputs[0], op.inputs[1]
    if x.shape.ndims is not None and x.shape.is_fully_defined():
        rows, cols = x.shape.as_tuple()[-2:]
        return matrix_diag(grad, k=k, num_rows=rows, num_cols=cols), None, None
    return matrix_set_diag(array_ops.zeros_like(x), grad, k=k), None, None


register_op("MatrixDiagPartV3", inputs=("input: T", "k: int32", "padding_value: T"),
            kernel=_diag_part_kernel, kernel_attrs=("align",), shape_fn=_diag_part_shape,
            attr_defaults={"align": _ALIGN}, value_inputs=(1,), grad=_diag_part_grad)


def matrix_diag_part(input, name="diag_part", k=0, padding_value=0,  # noqa: A002
                     align=_ALIGN) -> Tensor:
    """Diagonal ``k`` of each matrix in a batch."""
    with ops.name_scope(name, "diag_part") as scope:
        x = convert_to_tensor(input, name="input")
        k = convert_to_tensor(k, dtype=dtypes.int32, name="k")
        padding_value = convert_to_tensor(padding_value, dtype=x.dtype.base_dtype,
                                          name="padding_value")
        return apply_op("MatrixDiagPartV3", [x, k, padding_value], name=scope,
                        attrs={"align": align})


# ---- MatrixSetDiagV3 -------------------------------------------------------------------------

def _set_diag_shape(op):
    x, diagonal, _ = op.inputs
    if x.shape.ndims is not None and x.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {x.shape.ndims}")
    return [(x.dtype.base_dtype, x.shape)]


def _set_diag_kernel(x, diagonal, k, align):
    x, diagonal = np.asarray(x), np.asarray(diagonal)
    k = _single_k(k)
    out = x.copy()
    rows, cols = x.shape[-2:]
    i, j = _diag_positions(rows, cols, k)
    if diagonal.shape[-1] != len(i):
        raise _invalid(f"diagonal.shape[-1] must be {len(i)} but is {diagonal.shape[-1]}")
    out[..., i, j] = diagonal
    return out


def _set_diag_grad(op, grad):
    k = op.inputs[2]
    diagonal = op.inputs[1]
    return (matrix_set_diag(grad, array_ops.zeros_like(diagonal), k=k),
            matrix_diag_part(grad, k=k), None)


register_op("MatrixSetDiagV3", inputs=("input: T", "diagonal: T", "k: int32"),
            kernel=_set_diag_kernel, kernel_attrs=("align",), shape_fn=_set_diag_shape,
            attr_defaults={"align": _ALIGN}, value_inputs=(2,), grad=_set_diag_grad)


def matrix_set_diag(input, diagonal, name="set_diag", k=0, align=_ALIGN) -> Tensor:  # noqa: A002
    """Replaces diagonal ``k`` of each matrix with ``diagonal``."""
    with ops.name_scope(name, "set_diag") as scope:
        x = convert_to_tensor(input, name="input")
        diagonal = convert_to_tensor(diagonal, name="diagonal", dtype=x.dtype.base_dtype)
        k = convert_to_tensor(k, dtype=dtypes.int32, name="k")
        return apply_op("MatrixSetDiagV3", [x, diagonal, k], name=scope,
                        attrs={"align": align})


# ---- composites ------------------------------------------------------------------------------

def eye(num_rows, num_columns=None, batch_shape=None, dtype=dtypes.float32,
        name=None) -> Tensor:
    """An identity matrix (or a batch of them), ``num_rows`` x ``num_columns``."""
    with ops.name_scope(name, default_name="eye"):
        dtype = dtypes.as_dtype(dtype)
        rows = int(num_rows)
        cols = rows if num_columns is None else int(num_columns)
        batch = [] if batch_shape is None else [int(d) for d in batch_shape]
        diag_size = min(rows, cols)
        ones = array_ops.ones(batch + [diag_size], dtype=dtype)
        if num_columns is None:
            return matrix_diag(ones)
        zeros = array_ops.zeros(batch + [rows, cols], dtype=dtype)
        return matrix_set_diag(zeros, ones)


def trace(x, name=None) -> Tensor:
    """The sum of the main diagonal of each matrix in a batch."""
    with ops.name_scope(name, "Trace", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        return math_ops.reduce_sum(matrix_diag_part(x), [-1], name=scope)

