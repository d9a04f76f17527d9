"""BiasAdd and BiasAddGrad (``tf.nn.bias_add``): kernel, shape, gradient, registration and
public wrapper, split from nn_ops.py along its section seam."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.eltwise_kernels import plain_binder, writes_into


def _bias_add_shape(op):
    value, bias = op.inputs
    if value.shape.ndims is not None and value.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {value.shape.ndims}")
    if value.shape.ndims is not None and bias.shape.ndims == 1:
        last = value.shape[-1].value
        b = bias.shape[0].value
        if last is not None and b is not None and last != b:
            raise ShapeError(f"Dimensions must be equal, but are {last} and {b}")
        return [(value.dtype.base_dtype, value.shape[:-1].concatenate(
            TensorShape([last if last is not None else b])))]
    return [(value.dtype.base_dtype, value.shape)]


def _bias_add_grad_shape(op):
    g = op.inputs[0]
    last = g.shape[-1] if g.shape.ndims is not None else None
    return [(g.dtype.base_dtype, TensorShape([last]) if last is not None else unknown_shape(1))]


def _bias_add_grad(op, grad):
    return grad, apply_op("BiasAddGrad", [grad])


# Elements per row of BiasAdd's add: the bias repeated to this length makes the inner loop long
# (a C-element loop per pixel costs ~25% more on a conv layer's output).
_BIAS_ROW = 8192
# Below this many whole rows the repeated bias (a tile of _BIAS_ROW elements, ~5 us) costs more
# than it saves: an LSTM's [32, 512] gates add in 3.8 us plainly against 9.2 us tiled; at 8 rows
# (64K elements) and more the tiled add wins or ties.
_TILED_MIN_ROWS = 8


def _bias_add_kernel(value, bias, out=None):
    value, bias = np.asarray(value), np.asarray(bias)
    channels = bias.shape[0] if bias.ndim == 1 else 0
    # (One channel is numpy's array-plus-scalar loop already, which orders a NaN pair's
    # operands otherwise: its NaN bits would change.)
    reps = _BIAS_ROW // channels if channels > 1 else 0
    pixels = value.size // channels if channels else 0
    whole = pixels - pixels % reps if reps > 1 and pixels >= _TILED_MIN_ROWS * reps else 0
    if (not whole or value.ndim < 2 or value.shape[-1] != channels or bias.dtype != value.dtype
            or not value.flags.c_contiguous):
        return np.add(value, bias, out=out)
    # The same additions, whole rows of ``reps`` pixels at a time, then the pixels left over.
    if out is None:
        out = np.empty(value.shape, value.dtype)
    pixel_rows, out_rows = value.reshape(pixels, channels), out.reshape(pixels, channels)
    np.add(pixel_rows[:whole].reshape(-1, reps * channels), np.tile(bias, reps),
           out=out_rows[:whole].reshape(-1, reps * channels))
    np.add(pixel_rows[whole:], bias, out=out_rows[whole:])
    return out


# (a run plan may write the sum into ``value``: each element is read before it is written)
register_op("BiasAdd", inputs=("value: T", "bias: T"),
            bind=plain_binder(writes_into(_bias_add_kernel, (0,))),
            shape_fn=_bias_add_shape, attr_defaults={"data_format": "NHWC"},
            grad=_bias_add_grad)


def _bias_add_grad_grad(op, grad):
    return array_ops.broadcast_to(grad, array_ops.shape(op.inputs[0]))


def _bias_add_grad_kernel(g):
    g = np.asarray(g)
    channels = g.shape[-1] if g.ndim else 0
    if (channels >= 2 and g.dtype in _ROW_SUM_DTYPES and g.flags.c_contiguous
            and g.size > channels):
        # The rows added in order, one output per channel: what np.sum does over the leading
        # axes when a row has 2+ elements (same bits), in einsum's tighter loop (~2x).
        return np.einsum("ij->j", g.reshape(-1, channels))
    return np.sum(g, axis=tuple(range(g.ndim - 1)), dtype=g.dtype)


_ROW_SUM_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))

register_op("BiasAddGrad", inputs=("out_backprop: T",), kernel=_bias_add_grad_kernel,
            shape_fn=_bias_add_grad_shape, attr_defaults={"data_format": "NHWC"},
            grad=_bias_add_grad_grad)


def bias_add(value, bias, data_format=None, name=None) -> Tensor:
    """Adds ``bias`` (1-D) to the last dimension of ``value`` (``tf.nn.bias_add``)."""
    if data_format not in (None, "NHWC", "N...C"):
        raise ValueError("tfcompat supports bias_add only with channels-last data_format")
    with ops.name_scope(name, "BiasAdd", [value, bias]) as scope:
        value = convert_to_tensor(value, name="input")
        bias = convert_to_tensor(bias, dtype=value.dtype, name="bias")
        return apply_op("BiasAdd", [value, bias], name=scope)
