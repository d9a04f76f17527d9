"""Tile and ReverseV2: kernels, shape functions, gradients and wrappers."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.array.slice_common import (
    _SHAPE,
    _dims,
    _ints,
    _invalid,
    _shape_tensor_dims,
    _stack,
    _vector_length,
    _with_rank,
)
from tfcompat.ops.array.strided_slice import _SpecError
from tfcompat.ops.op_helpers import INDEX_TYPES

# ---- Tile ------------------------------------------------------------------------------------

def _tile_shape(op):
    x, multiples_t = op.inputs
    dtype = x.dtype.base_dtype
    _with_rank(multiples_t.shape, 1)
    if x.shape.ndims is not None:
        n = _vector_length(multiples_t.shape)
        if n is not None and n != x.shape.ndims:
            raise ShapeError(f"Shape must be rank {x.shape.ndims} but is rank {n}")
    multiples = _shape_tensor_dims(multiples_t)
    if multiples is None:
        return [(dtype, unknown_shape(x.shape.ndims))]
    if x.shape.ndims is not None and len(multiples) != x.shape.ndims:
        raise ShapeError(f"Shape must be rank {x.shape.ndims} but is rank {len(multiples)}")
    in_dims = _dims(x.shape) or [None] * len(multiples)
    out = []
    for d, m in zip(in_dims, multiples):
        if d == 0 or m == 0:
            out.append(0)
        elif d is None or m is None:
            out.append(None)
        else:
            out.append(d * m)
    return [(dtype, _SHAPE(tuple(out)))]


def _tile_kernel(x, multiples):
    x = np.asarray(x)
    multiples = np.asarray(multiples)
    if multiples.ndim != 1 or multiples.size != x.ndim:
        raise _invalid(f"Expected multiples argument to be a vector of length {x.ndim} but got "
                       f"length {multiples.size}")
    reps = _ints(multiples)
    for i, m in enumerate(reps):
        if m < 0:
            raise _invalid(f"Expected multiples[{i}] >= 0, but got {m}")
    return np.tile(x, reps).reshape([d * m for d, m in zip(x.shape, reps)])


def _tile_grad(op, grad):
    """Sums the tiled copies: reshape to interleaved (multiple, dim) pairs, reduce the firsts."""
    x, multiples = op.inputs
    input_shape = array_ops.shape(x, out_type=multiples.dtype.base_dtype)
    split_shape = array_ops.reshape(array_ops.transpose(_stack([multiples, input_shape])), [-1])
    axes = math_ops.range(0, array_ops.size(split_shape), 2)
    input_grad = math_ops.reduce_sum(array_ops.reshape(grad, split_shape), axes)
    input_grad.set_shape(x.shape)
    return input_grad, None


register_op("Tile", inputs=("input: T", "multiples: Tmultiples"), kernel=_tile_kernel,
            shape_fn=_tile_shape, allowed={"Tmultiples": INDEX_TYPES},
            type_defaults={"Tmultiples": dtypes.int32},
            grad=_tile_grad)


def tile(input, multiples, name=None) -> Tensor:  # noqa: A002 - TF's name
    """Repeats ``input`` ``multiples[i]`` times along dim i (``tf.tile``)."""
    return apply_op("Tile", [input, multiples], name=name)


# ---- ReverseV2 -------------------------------------------------------------------------------

def _reverse_axes(axes: list[int], rank: int) -> list[int]:
    seen = [False] * rank
    for i, a in enumerate(axes):
        canonical = a + rank if a < 0 else a
        if canonical < 0 or canonical >= rank:
            raise _SpecError(f"'axis'[{i}] = {a} is out of valid range [0, {rank - 1}")
        if seen[canonical]:
            raise _SpecError(f"axis {canonical} specified more than once.")
        seen[canonical] = True
    return [i for i in range(rank) if seen[i]]


def _reverse_shape(op):
    x, axis_t = op.inputs
    _with_rank(axis_t.shape, 1)
    axes = tensor_util.constant_value(axis_t)
    if axes is not None and x.shape.ndims is not None:
        try:
            _reverse_axes(_ints(axes), x.shape.ndims)
        except _SpecError as e:
            raise ShapeError(str(e)) from None
    return [(x.dtype.base_dtype, x.shape)]


def _reverse_kernel(x, axis):
    x = np.asarray(x)
    axis = np.asarray(axis)
    if axis.ndim != 1:
        raise _invalid(f"'dims' must be 1-dimension, not {axis.ndim}")
    try:
        axes = _reverse_axes(_ints(axis), x.ndim)
    except _SpecError as e:
        raise _invalid(str(e)) from None
    return np.flip(x, axes).copy() if axes else np.array(x)


def _reverse_grad(op, grad):
    return reverse(grad, op.inputs[1]), None


register_op("ReverseV2", inputs=("tensor: T", "axis: Tidx"), kernel=_reverse_kernel,
            shape_fn=_reverse_shape, allowed={"Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32},
            grad=_reverse_grad)


def reverse(tensor, axis, name=None) -> Tensor:
    """Reverses the given dims of a tensor (``tf.reverse``, op ReverseV2)."""
    return apply_op("ReverseV2", [tensor, axis], name=name)
reverse_v2 = reverse
