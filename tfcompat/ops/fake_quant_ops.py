"""Fake quantization (quantization-aware training): FakeQuantWithMinMaxArgs / Vars /
VarsPerChannel and their gradient ops.

The float32 input is clamped to a "nudged" range — [min, max] shifted so that 0.0 is exactly
representable — and rounded to one of the 2^num_bits (or 2^num_bits - 1 with narrow_range)
levels in it. The gradient is the straight-through estimator: the incoming gradient where the
input lies in the nudged range; for Vars, the gradients below/above the range summed into
min/max. All arithmetic is float32, as TF's kernels do it.
"""

from __future__ import annotations

import collections

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape

_F32 = np.float32
_ATTRS = ("num_bits", "narrow_range")


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _check_num_bits(num_bits: int) -> None:
    if not 2 <= num_bits <= 16:
        raise _invalid("num_bits must be between 2 and 16, inclusive")


def _nudge(min_value, max_value, num_bits: int, narrow_range: bool):
    """(nudged_min, nudged_max, scale) as float32 arrays (scalars, or one per channel)."""
    quant_min = _F32(1 if narrow_range else 0)
    quant_max = _F32((1 << num_bits) - 1)
    min_value, max_value = np.asarray(min_value, _F32), np.asarray(max_value, _F32)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = ((max_value - min_value) / (quant_max - quant_min)).astype(_F32)
        zero_point_from_min = (quant_min - min_value / scale).astype(_F32)
    # The zero point is an integer level; TF rounds half away from zero (a NaN, from a zero
    # range, ends up at level 0).
    rounded = np.where(np.isnan(zero_point_from_min), 0,
                       np.sign(zero_point_from_min) * np.floor(np.abs(zero_point_from_min) + 0.5))
    zero_point = np.clip(rounded, quant_min, quant_max).astype(_F32)
    nudged_min = ((quant_min - zero_point) * scale).astype(_F32)
    nudged_max = ((quant_max - zero_point) * scale).astype(_F32)
    return nudged_min, nudged_max, scale


def _fake_quant(x, min_value, max_value, num_bits: int, narrow_range: bool) -> np.ndarray:
    _check_num_bits(num_bits)
    x = np.asarray(x, _F32)
    nudged_min, nudged_max, scale = _nudge(min_value, max_value, num_bits, narrow_range)
    clamped = np.maximum(np.minimum(x, nudged_max), nudged_min)
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_scale = (_F32(1) / scale).astype(_F32)
        levels = np.floor((clamped - nudged_min) * inv_scale + _F32(0.5))
        out = (levels * scale + nudged_min).astype(_F32)
    # A zero-width range has one level: the clamped value itself.
    return np.where(scale == 0, clamped, out).astype(_F32)


def _in_range(x, min_value, max_value, num_bits, narrow_range):
    _check_num_bits(num_bits)
    x = np.asarray(x, _F32)
    nudged_min, nudged_max, _ = _nudge(min_value, max_value, num_bits, narrow_range)
    return x, nudged_min, nudged_max


def _same_shape(op):
    return [(dtypes.float32, op.inputs[0].shape)]


def _with_rank(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")


# ---- FakeQuantWithMinMaxArgs: the range is an attribute --------------------------------------

def _args_kernel(inputs, min, max, num_bits, narrow_range):  # noqa: A002 - TF's attr names
    if min >= max:
        raise _invalid(f"min has to be smaller than max, was: {min:g} >= {max:g}")
    return _fake_quant(inputs, min, max, num_bits, narrow_range)


def _args_gradient_kernel(gradients, inputs, min, max, num_bits, narrow_range):  # noqa: A002
    if min >= max:
        raise _invalid(f"min has to be smaller than max, was: {min:g} >= {max:g}")
    x, low, high = _in_range(inputs, min, max, num_bits, narrow_range)
    return np.where((x >= low) & (x <= high), np.asarray(gradients, _F32), _F32(0)).astype(_F32)


def _args_grad(op, grad):
    return fake_quant_with_min_max_args_gradient(
        grad, op.inputs[0], min=op._attrs["min"], max=op._attrs["max"],
        num_bits=op._attrs["num_bits"], narrow_range=op._attrs["narrow_range"])


_ARGS_DEFAULTS = {"min": -6.0, "max": 6.0, "num_bits": 8, "narrow_range": False}
register_op("FakeQuantWithMinMaxArgs", inputs=("inputs: float32",), kernel=_args_kernel,
            kernel_attrs=("min", "max") + _ATTRS, shape_fn=_same_shape,
            attr_defaults=_ARGS_DEFAULTS, grad=_args_grad)
register_op("FakeQuantWithMinMaxArgsGradient", inputs=("gradients: float32", "inputs: float32"),
            kernel=_args_gradient_kernel, kernel_attrs=("min", "max") + _ATTRS,
            shape_fn=_same_shape, attr_defaults=_ARGS_DEFAULTS, grad=NOT_DIFFERENTIABLE)


def _attrs(num_bits, narrow_range, **more) -> dict:
    return {"num_bits": int(num_bits), "narrow_range": bool(narrow_range), **more}


def fake_quant_with_min_max_args(inputs, min=-6, max=6, num_bits=8,  # noqa: A002
                                 narrow_range=False, name=None) -> Tensor:
    """Fake-quantizes the float32 ``inputs`` into the nudged range [min, max] with
    2^num_bits levels (one fewer with ``narrow_range``); same shape."""
    return apply_op("FakeQuantWithMinMaxArgs", [inputs], name=name,
                    attrs=_attrs(num_bits, narrow_range, min=float(min), max=float(max)))


def fake_quant_with_min_max_args_gradient(gradients, inputs, min=-6, max=6,  # noqa: A002
                                          num_bits=8, narrow_range=False, name=None) -> Tensor:
    """``gradients`` where ``inputs`` lies in the nudged range, 0 elsewhere."""
    return apply_op("FakeQuantWithMinMaxArgsGradient", [gradients, inputs], name=name,
                    attrs=_attrs(num_bits, narrow_range, min=float(min), max=float(max)))


# ---- FakeQuantWithMinMaxVars: scalar range tensors -------------------------------------------

def _vars_shape(op):
    inputs, min_t, max_t = op.inputs
    _with_rank(min_t.shape, 0)
    _with_rank(max_t.shape, 0)
    return [(dtypes.float32, inputs.shape)]


def _vars_kernel(inputs, min_value, max_value, num_bits, narrow_range):
    return _fake_quant(inputs, min_value, max_value, num_bits, narrow_range)


def _vars_gradient_kernel(gradients, inputs, min_value, max_value, num_bits, narrow_range,
                          channel_axis=None):
    x, low, high = _in_range(inputs, min_value, max_value, num_bits, narrow_range)
    gradients = np.asarray(gradients, _F32)
    zero = _F32(0)
    reduce_axes = None if channel_axis is None else tuple(range(x.ndim - 1))
    wrt_input = np.where((x >= low) & (x <= high), gradients, zero).astype(_F32)
    wrt_min = np.where(x < low, gradients, zero).sum(axis=reduce_axes, dtype=_F32)
    wrt_max = np.where(x > high, gradients, zero).sum(axis=reduce_axes, dtype=_F32)
    return wrt_input, np.asarray(wrt_min, _F32), np.asarray(wrt_max, _F32)


def _vars_gradient_shape(op):
    gradients, inputs, min_t, max_t = op.inputs
    _with_rank(min_t.shape, 0)
    _with_rank(max_t.shape, 0)
    shape = gradients.shape.merge_with(inputs.shape) if gradients.shape.is_compatible_with(
        inputs.shape) else inputs.shape
    return [(dtypes.float32, shape), (dtypes.float32, TensorShape([])),
            (dtypes.float32, TensorShape([]))]


def _vars_grad(op, grad):
    result = fake_quant_with_min_max_vars_gradient(
        grad, op.inputs[0], op.inputs[1], op.inputs[2], num_bits=op._attrs["num_bits"],
        narrow_range=op._attrs["narrow_range"])
    return list(result)


_VARS_DEFAULTS = {"num_bits": 8, "narrow_range": False}
register_op("FakeQuantWithMinMaxVars", inputs=("inputs: float32", "min: float32", "max: float32"),
            kernel=_vars_kernel, kernel_attrs=_ATTRS, shape_fn=_vars_shape,
            attr_defaults=_VARS_DEFAULTS, grad=_vars_grad)
register_op("FakeQuantWithMinMaxVarsGradient",
            inputs=("gradients: float32", "inputs: float32", "min: float32", "max: float32"),
            kernel=_vars_gradient_kernel, kernel_attrs=_ATTRS, shape_fn=_vars_gradient_shape,
            attr_defaults=_VARS_DEFAULTS, grad=NOT_DIFFERENTIABLE)

_VarsGradient = collections.namedtuple(
    "FakeQuantWithMinMaxVarsGradient",
    ["backprops_wrt_input", "backprop_wrt_min", "backprop_wrt_max"])
_PerChannelGradient = collections.namedtuple(
    "FakeQuantWithMinMaxVarsPerChannelGradient",
    ["backprops_wrt_input", "backprop_wrt_min", "backprop_wrt_max"])


def fake_quant_with_min_max_vars(inputs, min, max, num_bits=8, narrow_range=False,  # noqa: A002
                                 name=None) -> Tensor:
    """Fake-quantizes ``inputs`` into the nudged range of the scalar tensors [min, max]
    (trainable: the gradient reaches min and max)."""
    return apply_op("FakeQuantWithMinMaxVars", [inputs, min, max], name=name,
                    attrs=_attrs(num_bits, narrow_range))


def fake_quant_with_min_max_vars_gradient(gradients, inputs, min, max,  # noqa: A002
                                          num_bits=8, narrow_range=False, name=None):
    """(backprops_wrt_input, backprop_wrt_min, backprop_wrt_max) of FakeQuantWithMinMaxVars."""
    outputs = apply_op("FakeQuantWithMinMaxVarsGradient", [gradients, inputs, min, max],
                       name=name, attrs=_attrs(num_bits, narrow_range))
    return _VarsGradient(*outputs)


# ---- FakeQuantWithMinMaxVarsPerChannel: one range per last-dimension channel -----------------

def _per_channel_ranges(inputs: TensorShape, min_t: TensorShape, max_t: TensorShape) -> None:
    if inputs.ndims is not None and inputs.ndims < 1:
        raise ShapeError(f"Shape must be at least rank 1 but is rank {inputs.ndims}")
    _with_rank(min_t, 1)
    _with_rank(max_t, 1)
    depth = inputs.as_tuple()[-1] if inputs.ndims else None
    for bound in (min_t, max_t):
        width = bound.as_tuple()[0] if bound.ndims else None
        if depth is not None and width is not None and depth != width:
            raise ShapeError(f"Dimensions must be equal, but are {depth} and {width}")


def _per_channel_shape(op):
    inputs, min_t, max_t = op.inputs
    _per_channel_ranges(inputs.shape, min_t.shape, max_t.shape)
    return [(dtypes.float32, inputs.shape)]


def _per_channel_gradient_shape(op):
    gradients, inputs, min_t, max_t = op.inputs
    _per_channel_ranges(inputs.shape, min_t.shape, max_t.shape)
    depth = inputs.shape.as_tuple()[-1] if inputs.shape.ndims else None
    channels = TensorShape([depth])
    return [(dtypes.float32, inputs.shape), (dtypes.float32, channels),
            (dtypes.float32, channels)]


def _per_channel_gradient_kernel(gradients, inputs, min_value, max_value, num_bits,
                                 narrow_range):
    return _vars_gradient_kernel(gradients, inputs, min_value, max_value, num_bits,
                                 narrow_range, channel_axis=-1)


def _per_channel_grad(op, grad):
    return list(fake_quant_with_min_max_vars_per_channel_gradient(
        grad, op.inputs[0], op.inputs[1], op.inputs[2], num_bits=op._attrs["num_bits"],
        narrow_range=op._attrs["narrow_range"]))


register_op("FakeQuantWithMinMaxVarsPerChannel",
            inputs=("inputs: float32", "min: float32", "max: float32"), kernel=_vars_kernel,
            kernel_attrs=_ATTRS, shape_fn=_per_channel_shape, attr_defaults=_VARS_DEFAULTS,
            grad=_per_channel_grad)
register_op("FakeQuantWithMinMaxVarsPerChannelGradient",
            inputs=("gradients: float32", "inputs: float32", "min: float32", "max: float32"),
            kernel=_per_channel_gradient_kernel, kernel_attrs=_ATTRS,
            shape_fn=_per_channel_gradient_shape, attr_defaults=_VARS_DEFAULTS,
            grad=NOT_DIFFERENTIABLE)


def fake_quant_with_min_max_vars_per_channel(inputs, min, max, num_bits=8,  # noqa: A002
                                             narrow_range=False, name=None) -> Tensor:
    """Fake-quantizes each channel (last dimension) of ``inputs`` into its own nudged range
    [min[c], max[c]] (``min`` and ``max`` of shape [d])."""
    return apply_op("FakeQuantWithMinMaxVarsPerChannel", [inputs, min, max], name=name,
                    attrs=_attrs(num_bits, narrow_range))


def fake_quant_with_min_max_vars_per_channel_gradient(gradients, inputs, min, max,  # noqa: A002
                                                      num_bits=8, narrow_range=False,
                                                      name=None):
    """(backprops_wrt_input, backprop_wrt_min [d], backprop_wrt_max [d]) per channel."""
    outputs = apply_op("FakeQuantWithMinMaxVarsPerChannelGradient",
                       [gradients, inputs, min, max], name=name,
                       attrs=_attrs(num_bits, narrow_range))
    return _PerChannelGradient(*outputs)
