"""Helpers shared by the slicing, gathering and padding ops: static dims, error texts,
TF's type lists."""

from __future__ import annotations

import builtins

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import constant_op

_SHAPE = TensorShape._from_tuple

newaxis = None

# This module defines TF's ``slice``; Python's slice type is kept under another name.
_PySlice = builtins.slice

# TF's type lists, in TF's order (it shows in "not in list of allowed values" errors).
_SCAN_TYPES = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.uint8, dtypes.int16,
               dtypes.int8, dtypes.complex64, dtypes.int64, dtypes.qint8, dtypes.quint8,
               dtypes.qint32, dtypes.bfloat16, dtypes.qint16, dtypes.quint16, dtypes.uint16,
               dtypes.complex128, dtypes.float16, dtypes.uint32, dtypes.uint64)
_STRIDED_INDEX_TYPES = (dtypes.int16, dtypes.int32, dtypes.int64)
_GATHER_INDEX_TYPES = (dtypes.int16, dtypes.int32, dtypes.int64)
_SPLIT_LEN_TYPES = (dtypes.int8, dtypes.int32, dtypes.int64)
_ONE_HOT_INDEX_TYPES = (dtypes.uint8, dtypes.int8, dtypes.int32, dtypes.int64)


# ---- small shared helpers --------------------------------------------------------------------

def _outputs(parts: list):
    """A kernel result: the single array for a one-output op, else the tuple of arrays."""
    return parts[0] if len(parts) == 1 else tuple(parts)


def _dims(shape: TensorShape) -> list | None:
    return None if shape.ndims is None else list(shape.as_tuple())


def _shape_str(shape) -> str:
    """A runtime shape as TF prints it in kernel errors: ``[2,3,4]``."""
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _ints(value) -> list[int]:
    if type(value) is not np.ndarray or value.ndim != 1:
        value = np.asarray(value).reshape(-1)
    return value.tolist() if value.dtype.kind in "iu" else [int(v) for v in value]


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _with_rank(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")


def _with_rank_at_least(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims < rank:
        raise ShapeError(f"Shape must be at least rank {rank} but is rank {shape.ndims}")


def _vector_length(shape: TensorShape) -> int | None:
    return None if shape.ndims is None else shape.as_tuple()[0]


def _merge_lengths(a: int | None, b: int | None) -> int | None:
    if a is not None and b is not None and a != b:
        raise ShapeError(f"Dimension 0 in both shapes must be equal, but are {a} and {b}. "
                         f"Shapes are [{a}] and [{b}].")
    return a if a is not None else b


def _shape_tensor_dims(tensor: Tensor) -> list | None:
    """TF's MakeShapeFromShapeTensor: a partial shape from a 1-D int tensor (-1 = unknown)."""
    value = tensor_util.constant_value(tensor)
    if value is not None:
        for v in np.asarray(value).reshape(-1):
            if v < -1:
                raise ValueError(f"Invalid value in tensor used for shape: {int(v)}")
    return _dims(tensor_util.constant_value_as_shape(tensor))


def _stack(values: list, name: str = "stack") -> Tensor:
    """TF's ``stack(values)`` along axis 0 for a flat list of scalars.

    Without any Tensor among them it is one Const; otherwise a Pack whose Python entries become
    Consts named by their position (``stack/1``), as TF's autopacking names them.
    """
    tensors = [v for v in values if isinstance(v, Tensor)]
    if not tensors:
        return constant_op.constant(values, name=name)
    dtype = tensors[0].dtype.base_dtype
    if any(t.dtype.base_dtype is not dtype for t in tensors):
        # Mixed dtypes: TF falls back to the Pack op, which reports the mismatch.
        return apply_op("Pack", [list(values)], name=name, attrs={"axis": 0})
    with ops.name_scope(name) as scope:
        elems = [v if isinstance(v, Tensor) else constant_op.constant(v, dtype=dtype, name=str(i))
                 for i, v in enumerate(values)]
        return apply_op("Pack", [elems], name=scope, attrs={"axis": 0})


def _static_or_tensor(tensor: Tensor):
    """The folded value of ``tensor`` when it is a graph constant, else the tensor itself."""
    value = tensor_util.constant_value(tensor)
    return tensor if value is None else value
