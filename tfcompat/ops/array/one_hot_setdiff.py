"""OneHot and ListDiff (``tf.one_hot``, ``tf.setdiff1d``): not differentiable."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import (
    ShapeError,
    Tensor,
    apply_op,
    convert_to_tensor,
    create_op_from_values,
)
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops.array.slice_common import (
    _ONE_HOT_INDEX_TYPES,
    _SHAPE,
    _invalid,
    _shape_str,
    _with_rank,
)

# ---- OneHot ----------------------------------------------------------------------------------

def _one_hot_shape(op):
    indices, depth_t, on_value, off_value = op.inputs
    axis = op._attrs["axis"]
    dtype = on_value.dtype.base_dtype
    if axis < -1:
        raise ShapeError("axis must be >= -1")
    _with_rank(depth_t.shape, 0)
    depth = tensor_util.constant_value(depth_t)
    if depth is not None and int(depth) < 0:
        raise ShapeError(f"Dimension size, given by scalar input 1, must be non-negative but is "
                         f"{int(depth)}")
    if indices.shape.ndims is None:
        return [(dtype, unknown_shape())]
    dims = list(indices.shape.as_tuple())
    new_rank = len(dims) + 1
    position = (axis + new_rank) % new_rank
    dims.insert(position, None if depth is None else int(depth))
    return [(dtype, _SHAPE(tuple(dims)))]


def _one_hot_kernel(indices, depth, on_value, off_value, axis):
    indices = np.asarray(indices)
    depth = int(depth)
    if depth < 0:
        raise _invalid(f"depth must be non-negative, got: {depth}")
    for label, v in (("on_value", on_value), ("off_value", off_value)):
        if np.ndim(v) != 0:
            raise _invalid(f"{label} must be a scalar, but got: {_shape_str(np.shape(v))}")
    if not (axis == -1 or 0 <= axis <= indices.ndim):
        raise _invalid(f"Expected axis to be -1 or between [0, {indices.ndim + 1}).  But "
                       f"received: {axis}")
    hot = indices[..., None] == np.arange(depth)
    on_value = np.asarray(on_value)
    out = np.where(hot, on_value, np.asarray(off_value)).astype(on_value.dtype, copy=False)
    return out if axis == -1 else np.moveaxis(out, -1, axis).copy()


register_op("OneHot", inputs=("indices: TI", "depth: int32", "on_value: T", "off_value: T"),
            kernel=_one_hot_kernel, kernel_attrs=("axis",), shape_fn=_one_hot_shape,
            allowed={"TI": _ONE_HOT_INDEX_TYPES}, attr_defaults={"axis": -1},
            grad=NOT_DIFFERENTIABLE)


def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None,
            name=None) -> Tensor:
    """A one-hot tensor: ``on_value`` where the index matches, ``off_value`` elsewhere
    (``tf.one_hot``); the new dim of size ``depth`` goes at ``axis`` (last by default)."""
    with ops.name_scope(name, "one_hot", [indices, depth, on_value, off_value, axis]) as scope:
        if dtype is not None:
            dtype = dtypes.as_dtype(dtype)
        on_exists, off_exists = on_value is not None, off_value is not None
        if on_exists:
            on_value = convert_to_tensor(on_value, dtype_hint=dtype)
        if off_exists:
            off_value = convert_to_tensor(off_value, dtype_hint=dtype)
        on_dtype = on_value.dtype.base_dtype if on_exists else None
        off_dtype = off_value.dtype.base_dtype if off_exists else None
        if on_exists or off_exists:
            if dtype is not None:
                if on_exists and on_dtype is not dtype.base_dtype:
                    raise TypeError(f"dtype {on_dtype} of on_value does not match dtype "
                                    f"parameter {dtype}")
                if off_exists and off_dtype is not dtype.base_dtype:
                    raise TypeError(f"dtype {off_dtype} of off_value does not match dtype "
                                    f"parameter {dtype}")
            else:
                dtype = on_dtype if on_exists else off_dtype
        elif dtype is None:
            dtype = dtypes.float32
        if not on_exists:
            on_value = convert_to_tensor(1, dtype, name="on_value")
            on_dtype = dtype
        if not off_exists:
            off_value = convert_to_tensor(0, dtype, name="off_value")
            off_dtype = dtype
        if on_dtype is not off_dtype:
            raise TypeError(f"dtype {on_dtype} of on_value does not match dtype {off_dtype} of "
                            "off_value")
        return apply_op("OneHot", [indices, depth, on_value, off_value], name=scope,
                        attrs={"axis": -1 if axis is None else int(axis)})


# ---- ListDiff (setdiff1d) --------------------------------------------------------------------

def _list_diff_shape(op):
    x, y = op.inputs
    _with_rank(x.shape, 1)
    _with_rank(y.shape, 1)
    out = _SHAPE((None,))
    return [(x.dtype.base_dtype, out), (op._attrs["out_idx"], out)]


def _list_diff_kernel(x, y, out_idx):
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 1:
        raise _invalid("x should be a 1D vector.")
    if y.ndim != 1:
        raise _invalid("y should be a 1D vector.")
    keep = ~np.isin(x, y)
    return x[keep], np.flatnonzero(keep).astype(out_idx.as_numpy_dtype)


register_op("ListDiff", inputs=("x: T", "y: T"), kernel=_list_diff_kernel,
            kernel_attrs=("out_idx",), shape_fn=_list_diff_shape,
            grad=NOT_DIFFERENTIABLE)


def list_diff(x, y, out_idx=dtypes.int32, name=None) -> tuple[Tensor, Tensor]:
    """The entries of ``x`` not in ``y``, in order, and their positions in ``x`` (ListDiff)."""
    op = create_op_from_values("ListDiff", [x, y], name=name,
                               attrs={"out_idx": dtypes.as_dtype(out_idx)})
    out, idx = op.outputs
    return out, idx


def setdiff1d(x, y, index_dtype=dtypes.int32, name=None) -> tuple[Tensor, Tensor]:
    """``tf.setdiff1d``: see ``list_diff``."""
    return list_diff(x, y, out_idx=index_dtype, name=name)
