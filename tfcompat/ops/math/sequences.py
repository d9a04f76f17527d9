"""AddN, Range and Where (coordinates), and the functions built on them: ``tf.add_n``,
``tf.range``, ``tf.where``, ``tf.clip_by_value``."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, merge_error, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.eltwise_kernels import BlockBody
from tfcompat.ops.math.binary import maximum, minimum
from tfcompat.ops.math.cast import cast
from tfcompat.ops.op_helpers import NUMBERS

_SHAPE = TensorShape._from_tuple


# ---- AddN ----------------------------------------------------------------------------------

def _add_n_shape(op):
    merged = unknown_shape()
    for t in op.inputs:
        if not merged.is_compatible_with(t.shape):
            raise ShapeError(f"Shapes must be equal rank, but are {merged.ndims} and "
                             f"{t.shape.ndims}" if merged.ndims != t.shape.ndims else
                             f"Dimension mismatch: {merged} vs {t.shape}")
        merged = merged.merge_with(t.shape)
    return [(op.inputs[0].dtype.base_dtype, merged)]


def _add_n_kernel(*values):
    total = values[0]
    for v in values[1:]:
        total = total + v
    return np.array(total, copy=True) if len(values) == 1 else total


def _add_n_body(out, *values):
    """``_add_n_kernel``'s additions, in its order, into ``out`` (fused plans' block body)."""
    if len(values) == 1:
        np.copyto(out, values[0])
        return
    np.add(values[0], values[1], out=out)
    for v in values[2:]:
        np.add(out, v, out=out)


def _bind_add_n(op, state):
    return _add_n_kernel


_bind_add_n.block_body = BlockBody(_add_n_body)


def _add_n_grad(op, grad):
    return [grad] * len(op.inputs)


register_op("AddN", inputs=("inputs: N*T",), bind=_bind_add_n, shape_fn=_add_n_shape,
            allowed={"T": NUMBERS}, grad=_add_n_grad)


def add_n(inputs, name=None) -> Tensor:
    """Adds all input tensors element-wise (``tf.add_n``)."""
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise ValueError("Inputs must be an iterable of at least one Tensor/IndexedSlices with "
                         "the same dtype and shape.")
    if len(inputs) == 1:
        if name:
            return array_ops.identity(inputs[0], name=name)
        return convert_to_tensor(inputs[0])
    tensors = [convert_to_tensor(t) for t in inputs]
    merged = tensors[0].shape
    for t in tensors[1:]:
        if not merged.is_compatible_with(t.shape):
            raise ValueError(merge_error(merged, t.shape))
        merged = merged.merge_with(t.shape)
    return apply_op("AddN", [tensors], name=name)


# ---- Range ---------------------------------------------------------------------------------

def _range_shape(op):
    start, limit, delta = (tensor_util.constant_value(t) for t in op.inputs)
    dtype = op.inputs[0].dtype.base_dtype
    if start is None or limit is None or delta is None:
        return [(dtype, unknown_shape(1))]
    if delta == 0:
        raise ShapeError("Requires delta != 0")
    n = int(np.ceil((float(limit) - float(start)) / float(delta)))
    return [(dtype, _SHAPE((max(n, 0),)))]


def _range_kernel(start, limit, delta):
    if delta == 0:
        raise errors.InvalidArgumentError(None, None, "Requires delta != 0: 0")
    dtype = np.asarray(start).dtype
    if dtype.kind in "iu":  # exact: arange on Python ints, straight into the dtype
        return np.arange(int(start), int(limit), int(delta), dtype=dtype)
    return np.arange(start, limit, delta).astype(dtype)


register_op("Range", inputs=("start: Tidx", "limit: Tidx", "delta: Tidx"),
            kernel=_range_kernel, shape_fn=_range_shape,
            allowed={"Tidx": (dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64,
                              dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64,
                              dtypes.uint16, dtypes.uint32)}, grad=NOT_DIFFERENTIABLE)

_RANGE_DTYPE_ORDER = [dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64]


def range(start, limit=None, delta=1, dtype=None, name="range") -> Tensor:  # noqa: A001
    """A sequence of numbers from start to limit by delta (``tf.range``)."""
    if limit is None:
        start, limit = 0, start
    with ops.name_scope(name, "Range", [start, limit, delta]) as scope:
        start = convert_to_tensor(start, dtype=dtype, name="start")
        limit = convert_to_tensor(limit, dtype=dtype, name="limit")
        delta = convert_to_tensor(delta, dtype=dtype, name="delta")
        if dtype is None:
            candidates = [start.dtype.base_dtype, limit.dtype.base_dtype, delta.dtype.base_dtype]
            inferred = max(candidates, key=lambda d: _RANGE_DTYPE_ORDER.index(d)
                           if d in _RANGE_DTYPE_ORDER else -1)
            start, limit, delta = (cast(t, inferred) for t in (start, limit, delta))
        return apply_op("Range", [start, limit, delta], name=scope)


# ---- Where (coordinates of true elements), where, clip_by_value ----------------------------

def _where_shape(op):
    x = op.inputs[0]
    rank_ = x.shape.ndims
    return [(dtypes.int64, _SHAPE((None, rank_)))]


register_op("Where", inputs=("input: T",),
            kernel=lambda x: np.argwhere(np.asarray(x)).astype(np.int64),
            shape_fn=_where_shape, grad=NOT_DIFFERENTIABLE)


def where(condition, x=None, y=None, name=None) -> Tensor:
    """TF1 ``tf.where``: coordinates of true elements, or Select(condition, x, y)."""
    if dispatch.any_composite((condition, x, y)):
        return dispatch.call("where", condition, x, y, name)
    if x is None and y is None:
        with ops.name_scope(name, "Where", [condition]) as scope:
            condition = convert_to_tensor(condition, preferred_dtype=dtypes.bool_,
                                          name="condition")
            return apply_op("Where", [condition], name=scope)
    if x is None or y is None:
        raise ValueError("x and y must both be non-None or both be None.")
    return array_ops.select(condition, x, y, name=name)


def where_v2(condition, x=None, y=None, name=None) -> Tensor:
    """TF2 ``tf.where``: broadcasting SelectV2, or coordinates when x and y are None."""
    if x is None and y is None:
        return where(condition, name=name)
    return array_ops.select_v2(condition, x, y, name=name)


def clip_by_value(t, clip_value_min, clip_value_max, name=None) -> Tensor:
    """Clips tensor values to [clip_value_min, clip_value_max] (``tf.clip_by_value``)."""
    with ops.name_scope(name, "clip_by_value", [t, clip_value_min, clip_value_max]) as scope:
        t = convert_to_tensor(t, name="t")
        t_min = minimum(t, clip_value_max)
        t_min.shape.assert_is_compatible_with(t.shape)
        return maximum(t_min, clip_value_min, name=scope)
