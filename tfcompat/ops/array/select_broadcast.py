"""Select/SelectV2, BroadcastTo, BroadcastGradientArgs, Unique and Bitcast."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, merge_error, unknown_shape
from tfcompat.ops.array.reshaping import zeros, zeros_like
from tfcompat.ops.op_helpers import INDEX_TYPES

# ---- select and broadcasting -----------------------------------------------------------------

def _select_shape(op):
    cond, x, y = op.inputs
    if not x.shape.is_compatible_with(y.shape):
        raise ShapeError(merge_error(x.shape, y.shape))
    out = x.shape.merge_with(y.shape)
    if cond.shape.ndims not in (None, 0, 1) and out.ndims is not None:
        if not cond.shape.is_compatible_with(out):
            raise ShapeError(f"Shapes must be equal rank, but are {cond.shape.ndims} and "
                             f"{out.ndims}")
        out = out.merge_with(cond.shape)
    return [(x.dtype.base_dtype, out)]


def _select_kernel(cond, x, y):
    cond = np.asarray(cond)
    x = np.asarray(x)
    if cond.ndim == 1 and x.ndim > 1:
        cond = cond.reshape((-1,) + (1,) * (x.ndim - 1))
    return np.where(cond, x, y)


def _select_grad(op, grad):
    cond = op.inputs[0]
    zeros_ = zeros_like(op.inputs[1])
    return None, select(cond, grad, zeros_), select(cond, zeros_, grad)


register_op("Select", inputs=("condition: bool", "t: T", "e: T"), kernel=_select_kernel,
            shape_fn=_select_shape,
            grad=_select_grad)


def select(condition, x, y, name=None) -> Tensor:
    return apply_op("Select", [condition, x, y], name=name)


def _select_v2_shape(op):
    cond, x, y = op.inputs
    out = broadcast_shape(broadcast_shape(cond.shape, x.shape), y.shape)
    return [(x.dtype.base_dtype, out)]


def _select_v2_grad(op, grad):
    from tfcompat.ops import math_grad_util
    cond, x, y = op.inputs
    zeros_ = zeros([], dtype=grad.dtype)
    gx, gy = select_v2(cond, grad, zeros_), select_v2(cond, zeros_, grad)
    out = op.outputs[0]
    return (None, math_grad_util.sum_to_input_shape(gx, x, out),
            math_grad_util.sum_to_input_shape(gy, y, out))


register_op("SelectV2", inputs=("condition: bool", "t: T", "e: T"),
            kernel=lambda c, x, y: np.where(c, x, y), shape_fn=_select_v2_shape,
            grad=_select_v2_grad)


def select_v2(condition, x, y, name=None) -> Tensor:
    return apply_op("SelectV2", [condition, x, y], name=name)


def _broadcast_to_shape(op):
    x, shape_t = op.inputs
    target = tensor_util.constant_value_as_shape(shape_t)
    try:
        out = broadcast_shape(x.shape, target)
    except ShapeError:
        raise ShapeError(f"Incompatible shapes: {x.shape} vs. {target}") from None
    if target.ndims is not None:
        out = target.merge_with(out) if out.ndims == target.ndims else target
    return [(x.dtype.base_dtype, out)]


def _broadcast_to_kernel(x, shape_):
    x = np.asarray(x)
    shape = tuple(np.asarray(shape_).reshape(-1).tolist())
    try:
        if x.ndim > len(shape):  # an assignment would drop leading 1s; BroadcastTo does not
            raise ValueError
        out = np.empty(shape, x.dtype)
        out[...] = x  # np.broadcast_to(x, shape).copy(), without its Python wrapper
        return out
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Incompatible shapes: {list(np.shape(x))} vs. "
            f"{[int(d) for d in np.asarray(shape_)]}") from None


def _broadcast_to_grad(op, grad):
    from tfcompat.ops import math_grad_util
    return math_grad_util.reduce_to_shape_of(grad, op.inputs[0]), None


register_op("BroadcastTo", inputs=("input: T", "shape: Tidx"), kernel=_broadcast_to_kernel,
            shape_fn=_broadcast_to_shape, allowed={"Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32},
            grad=_broadcast_to_grad)


def broadcast_to(input, shape, name=None) -> Tensor:  # noqa: A002
    """Broadcasts ``input`` to ``shape`` (``tf.broadcast_to``)."""
    return apply_op("BroadcastTo", [input, shape], name=name)


def _broadcast_gradient_args_kernel(s0, s1):
    s0, s1 = np.asarray(s0), np.asarray(s1)
    dtype = s0.dtype  # T, as the outputs' static dtype
    s0, s1 = s0.tolist(), s1.tolist()
    n = max(len(s0), len(s1))
    p0 = [1] * (n - len(s0)) + s0
    p1 = [1] * (n - len(s1)) + s1
    r0, r1 = [], []
    for i, (a, b) in enumerate(zip(p0, p1)):
        if a == 1 and b == 1:
            r0.append(i)
            r1.append(i)
        elif a == 1:
            r0.append(i)
        elif b == 1:
            r1.append(i)
        elif a != b:
            raise errors.InvalidArgumentError(None, None, f"Incompatible shapes: {s0} vs. {s1}")
    return np.array(r0, dtype), np.array(r1, dtype)


register_op("BroadcastGradientArgs", inputs=("s0: T", "s1: T"),
            kernel=_broadcast_gradient_args_kernel,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, unknown_shape(1))] * 2,
            allowed={"T": INDEX_TYPES},
            grad=NOT_DIFFERENTIABLE)


def broadcast_gradient_args(s0, s1, name=None):
    return apply_op("BroadcastGradientArgs", [s0, s1], name=name)


# ---- unique and bitcast (TF defines no gradient for either: tf.gradients raises LookupError) --

def _unique_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, unknown_shape(1)), (op._attrs["out_idx"], x.shape)]


def _unique_kernel(x, out_idx):
    x = np.asarray(x)
    if x.ndim != 1:
        raise errors.InvalidArgumentError(None, None, "unique expects a 1D vector.")
    _, first, inverse = np.unique(x, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank_of = np.empty_like(order)
    rank_of[order] = np.arange(order.size)
    return x[np.sort(first)], rank_of[inverse].astype(out_idx.as_numpy_dtype)


register_op("Unique", inputs=("x: T",), kernel=_unique_kernel, kernel_attrs=("out_idx",),
            shape_fn=_unique_shape)


def unique(x, out_idx=dtypes.int32, name=None):
    """The unique elements of a 1-D tensor in order of appearance, and each element's index."""
    return apply_op("Unique", [x], name=name, attrs={"out_idx": dtypes.as_dtype(out_idx)})


def _bitcast_shape(op):
    x = op.inputs[0]
    src, dst = x.dtype.base_dtype, op._attrs["type"]
    if x.shape.ndims is None:
        return [(dst, unknown_shape())]
    if src.size == dst.size:
        return [(dst, x.shape)]
    if src.size > dst.size:
        return [(dst, x.shape.concatenate([src.size // dst.size]))]
    dims = x.shape.as_tuple()
    if not dims or (dims[-1] is not None and dims[-1] != dst.size // src.size):
        raise ShapeError(f"Cannot bitcast from {src.name} to {dst.name}: shape {x.shape}")
    return [(dst, TensorShape(dims[:-1]))]


def _bitcast_kernel(x, type):  # noqa: A002 - TF's attr name
    x = np.ascontiguousarray(x)
    out = x.view(dtypes.storage_type(type))
    src_size, dst_size = x.dtype.itemsize, np.dtype(dtypes.storage_type(type)).itemsize
    if src_size > dst_size:
        return out.reshape(x.shape + (src_size // dst_size,))
    if src_size < dst_size:
        return out.reshape(x.shape[:-1])
    return out.reshape(x.shape)


register_op("Bitcast", inputs=("input: T",), kernel=_bitcast_kernel, kernel_attrs=("type",),
            shape_fn=_bitcast_shape)


def bitcast(input, type, name=None):  # noqa: A002
    """Reinterprets the bytes of a tensor as another dtype (``tf.bitcast``)."""
    return apply_op("Bitcast", [input], name=name, attrs={"type": dtypes.as_dtype(type)})
