"""``Tensor.__getitem__`` (TF's slice_helper) and ``tf.boolean_mask``, built on StridedSlice
and GatherV2."""

from __future__ import annotations

import numbers
import operator

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.array.gather import gather
from tfcompat.ops.array.slice_common import _PySlice, _stack
from tfcompat.ops.array.strided_slice import _MASK_ATTRS, strided_slice

# ---- Tensor.__getitem__ ----------------------------------------------------------------------

_SLICE_TYPE_ERROR = ("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and "
                     "scalar tf.int32/tf.int64 tensors are valid indices")
_SUPPORTED_SLICE_DTYPES = (dtypes.int16, dtypes.int32, dtypes.int64)


def _check_index(idx) -> None:
    if isinstance(idx, (numbers.Integral, Dimension)):
        return
    dtype = getattr(idx, "dtype", None)
    shape = getattr(idx, "shape", None)
    if dtype is None or _base_dtype(dtype) not in _SUPPORTED_SLICE_DTYPES or (
            shape and len(shape) == 1):
        raise TypeError(f"{_SLICE_TYPE_ERROR}, got {idx!r}")


def _base_dtype(dtype):
    try:
        return dtypes.as_dtype(dtype).base_dtype
    except TypeError:
        return None


def _is_undefined(value) -> bool:
    return value is None or (isinstance(value, Dimension) and value.value is None)


def _as_index(value):
    """Python/numpy integers become Python ints (so they make int32 Consts); Tensors stay."""
    try:
        return operator.index(value)
    except TypeError:
        _check_index(value)
        return value


def _slice_parts(s: _PySlice) -> list:
    """start/stop/step of a slice with missing parts filled in (0, 0, 1).

    When one part is a Tensor, the fillers are Consts of its dtype (int64 if any part is int64),
    created in the current scope as TF does, so that all three pack to one index dtype.
    """
    parts = [s.start, s.stop, s.step]
    tensors = [p for p in parts if isinstance(p, Tensor)]
    dtype = None
    if tensors:
        dtype = (dtypes.int64 if any(t.dtype.base_dtype is dtypes.int64 for t in tensors)
                 else tensors[0].dtype.base_dtype)
    filled = []
    for part, default in zip(parts, (0, 0, 1)):
        if not _is_undefined(part):
            filled.append(_as_index(part))
        elif dtype is None:
            filled.append(default)
        else:
            filled.append(constant_op.constant(default, dtype=dtype))
    return filled


def slice_helper(tensor, slice_spec, var=None) -> Tensor:
    """``tensor[slice_spec]``: ints, slices (negative steps too), ``tf.newaxis``, ``...``, scalar
    int Tensors, and boolean masks, lowered to StridedSlice (or boolean_mask) as TF does."""
    if isinstance(slice_spec, bool) or (
            isinstance(slice_spec, Tensor) and slice_spec.dtype.base_dtype is dtypes.bool_) or (
            isinstance(slice_spec, np.ndarray) and slice_spec.dtype == bool):
        return boolean_mask(tensor=tensor, mask=slice_spec)
    if not isinstance(slice_spec, (list, tuple)):
        slice_spec = [slice_spec]
    begin, end, strides = [], [], []
    masks = dict.fromkeys(_MASK_ATTRS, 0)
    for index, s in enumerate(slice_spec):
        bit = 1 << index
        if isinstance(s, _PySlice):
            start, stop, step = _slice_parts(s)
            begin.append(start)
            end.append(stop)
            strides.append(step)
            if _is_undefined(s.start):
                masks["begin_mask"] |= bit
            if _is_undefined(s.stop):
                masks["end_mask"] |= bit
        elif s is Ellipsis:
            begin.append(0)
            end.append(0)
            strides.append(1)
            masks["ellipsis_mask"] |= bit
        elif s is None:
            begin.append(0)
            end.append(0)
            strides.append(1)
            masks["new_axis_mask"] |= bit
        else:
            s = _as_index(s)
            begin.append(s)
            end.append(s + 1)
            if isinstance(s, Tensor) and s.dtype.base_dtype is not dtypes.int32:
                strides.append(constant_op.constant(1, dtype=s.dtype.base_dtype))
            else:
                strides.append(1)
            masks["shrink_axis_mask"] |= bit
    with ops.name_scope(None, "strided_slice", [tensor] + begin + end + strides) as name:
        if begin:
            packed = [_stack(begin), _stack(end), _stack(strides)]
            if any(p.dtype.base_dtype is dtypes.int64 for p in packed):
                packed = [math_ops.cast(p, dtypes.int64) for p in packed]
        else:
            empty = constant_op.constant([], dtype=dtypes.int32)
            packed = [empty, empty, empty]
        return strided_slice(tensor, *packed, var=var, name=name, **masks)


def boolean_mask(tensor, mask, name="boolean_mask", axis=None) -> Tensor:
    """Keeps the entries of ``tensor`` where ``mask`` is True (``tf.boolean_mask``).

    The mask covers dims ``axis .. axis + rank(mask) - 1``, which collapse into one dim.
    """
    with ops.name_scope(name, values=[tensor, mask]):
        tensor = convert_to_tensor(tensor, name="tensor")
        mask = convert_to_tensor(mask, name="mask")
        ndims_mask = mask.shape.ndims
        if ndims_mask == 0:
            raise ValueError("mask cannot be scalar.")
        if ndims_mask is None:
            raise ValueError("Number of mask dimensions must be specified, even if some "
                             "dimensions are None.  E.g. shape=[None] is ok, but shape=None is "
                             "not.")
        axis = 0 if axis is None else axis
        axis_value = tensor_util.constant_value(axis) if isinstance(axis, Tensor) else axis
        static = tensor.shape
        if axis_value is not None:
            axis = int(axis_value)
            if static.ndims is not None:
                covered = TensorShape(static.as_tuple()[axis:axis + ndims_mask])
                covered.assert_is_compatible_with(mask.shape)
        leading_size = math_ops.reduce_prod(
            array_ops.shape(tensor)[axis:axis + ndims_mask], [0])
        tensor = array_ops.reshape(tensor, array_ops.concat(
            [array_ops.shape(tensor)[:axis], [leading_size],
             array_ops.shape(tensor)[axis + ndims_mask:]], 0))
        if isinstance(axis, int) and static.ndims is not None:
            dims = static.as_tuple()
            first = TensorShape(dims[axis:axis + ndims_mask]).num_elements()
            tensor.set_shape(dims[:axis] + (first,) + dims[axis + ndims_mask:])
        mask = array_ops.reshape(mask, [-1])
        indices = array_ops.squeeze(math_ops.where(mask), axis=[1])
        return gather(tensor, indices, axis=axis)
