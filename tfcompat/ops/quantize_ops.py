"""Quantization to the quantized dtypes: QuantizeV2 (``tf.quantize``), Dequantize and
QuantizedConcat, in the modes MIN_COMBINED, MIN_FIRST and SCALED.

Quantized tensors hold their plain storage type in kernels (``dtypes.storage_type``: qint8 ->
int8, quint8 -> uint8, qint16 -> int16, quint16 -> uint16, qint32 -> int32), which is also what
a session returns for computed values, as in TF; fed values arrive in TF's structured numpy form
and the session hands kernels their plain view. Arithmetic is float32, as TF's kernels do it (so
a value rounding past the top of qint32 wraps around as TF's does). Not supported: per-channel
quantization (``axis``).
"""

from __future__ import annotations

import collections

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape

_F32 = np.float32
_QUANTIZED = (dtypes.qint8, dtypes.quint8, dtypes.qint32, dtypes.qint16, dtypes.quint16)


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _limits(dtype) -> tuple[int, int]:
    info = np.iinfo(dtypes.storage_type(dtype))
    return int(info.min), int(info.max)


def _round(values: np.ndarray, round_mode: str) -> np.ndarray:
    if round_mode == "HALF_TO_EVEN":
        return np.rint(values)
    return np.sign(values) * np.floor(np.abs(values) + _F32(0.5))


def _store(values: np.ndarray, dtype) -> np.ndarray:
    """float32 levels to the storage type, wrapping past the top as a C++ cast does."""
    with np.errstate(invalid="ignore", over="ignore"):
        return np.asarray(values, np.float64).astype(np.int64).astype(dtypes.storage_type(dtype))


def _adjusted_range(min_range, max_range, ensure_minimum_range):
    """The range actually used: it includes 0 and is at least ensure_minimum_range wide
    (relative to the larger of 1 and the bounds' magnitudes)."""
    min_range, max_range = _F32(min_range), _F32(max_range)
    if min_range > max_range:
        raise _invalid(f"Invalid range: input_min {min_range:g} > input_max {max_range:g}")
    low = min(_F32(0), min_range)
    epsilon = max(_F32(1), abs(min_range), abs(max_range)) * _F32(ensure_minimum_range)
    high = max(_F32(0), max_range, low + _F32(epsilon))
    return _F32(low), _F32(high)


def _scaled_factor(dtype, narrow_range: bool, min_range, max_range):
    lowest, highest = _limits(dtype)
    if narrow_range and lowest < 0:
        lowest += 1
    from_min = _F32(lowest) / _F32(min_range) if lowest * float(min_range) > 0 else np.inf
    from_max = _F32(highest) / _F32(max_range) if max_range > 0 else np.inf
    return _F32(min(from_min, from_max)), lowest, highest


# ---- QuantizeV2 ---------------------------------------------------------------------------------

def _quantize_kernel(x, min_range, max_range, T, mode, round_mode, narrow_range, axis,
                     ensure_minimum_range):
    if axis != -1:
        raise _invalid("tfcompat does not support per-channel quantization (axis)")
    if round_mode == "HALF_TO_EVEN" and mode != "SCALED":
        raise _invalid(f"Round mode 'HALF_TO_EVEN' is only supported for mode 'SCALED', but "
                       f"mode is '{mode}'.")
    x = np.asarray(x, _F32)
    low, high = _adjusted_range(np.asarray(min_range).item(), np.asarray(max_range).item(),
                                ensure_minimum_range)
    lowest, highest = _limits(T)
    levels = _F32(highest - lowest)
    if mode == "MIN_COMBINED":
        scale = _F32(levels / (high - low))
        values = (np.clip(x, low, high) - low) * scale
        if lowest < 0:
            values = values - _F32((float(levels) + 1) / 2)
        out = _round(values, round_mode)
    elif mode == "MIN_FIRST":
        scale = _F32(levels / (high - low))
        out = _round(x * scale, round_mode) - _round(_F32(low) * scale, round_mode) + lowest
        out = np.clip(out, lowest, highest)
    else:
        factor, lowest, highest = _scaled_factor(T, narrow_range, low, high)
        out = np.clip(_round(x * factor, round_mode), _F32(lowest), _F32(highest))
        low, high = _F32(lowest / factor), _F32(highest / factor)
    return _store(out, T), np.asarray(low, _F32), np.asarray(high, _F32)


def _quantize_shape(op):
    return [(op._attrs["T"], op.inputs[0].shape), (dtypes.float32, TensorShape([])),
            (dtypes.float32, TensorShape([]))]


_QUANTIZE_ATTRS = ("T", "mode", "round_mode", "narrow_range", "axis", "ensure_minimum_range")
register_op("QuantizeV2", inputs=("input: float32", "min_range: float32", "max_range: float32"),
            kernel=_quantize_kernel, kernel_attrs=_QUANTIZE_ATTRS, shape_fn=_quantize_shape,
            attr_defaults={"mode": "MIN_COMBINED", "round_mode": "HALF_AWAY_FROM_ZERO",
                           "narrow_range": False, "axis": -1, "ensure_minimum_range": 0.01},
            grad=NOT_DIFFERENTIABLE)

QuantizeV2 = collections.namedtuple("QuantizeV2", ["output", "output_min", "output_max"])


def _check_quantized(dtype) -> dtypes.DType:
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _QUANTIZED:
        raise TypeError(f"Value passed to parameter 'T' has DataType {dtype.name} not in list "
                        "of allowed values: qint8, quint8, qint32, qint16, quint16")
    return dtype


def quantize(input, min_range, max_range, T, mode="MIN_COMBINED",  # noqa: A002, N803
             round_mode="HALF_AWAY_FROM_ZERO", name=None, narrow_range=False, axis=None,
             ensure_minimum_range=0.01) -> QuantizeV2:
    """Quantizes the float32 ``input`` in [min_range, max_range] to the quantized type ``T``;
    returns (output, output_min, output_max), the range the output represents."""
    if axis is not None:
        raise NotImplementedError("tfcompat does not support per-channel quantization (axis)")
    outputs = apply_op("QuantizeV2", [input, min_range, max_range], name=name, attrs={
        "T": _check_quantized(T), "mode": mode, "round_mode": round_mode,
        "narrow_range": bool(narrow_range), "ensure_minimum_range": float(ensure_minimum_range)})
    return QuantizeV2(*outputs)


def quantize_v2(input, min_range, max_range, T, mode="MIN_COMBINED", name=None,  # noqa: A002, N803
                round_mode="HALF_AWAY_FROM_ZERO", narrow_range=False, axis=None,
                ensure_minimum_range=0.01) -> QuantizeV2:
    """Deprecated spelling of ``tf.quantize`` (``name`` before ``round_mode``)."""
    return quantize(input, min_range, max_range, T, mode=mode, round_mode=round_mode,
                    name=name, narrow_range=narrow_range, axis=axis,
                    ensure_minimum_range=ensure_minimum_range)


# ---- Dequantize ------------------------------------------------------------------------------

def _dequantize_values(q, low, high, T, mode, narrow_range) -> np.ndarray:
    q = np.asarray(q).astype(_F32)
    low, high = _F32(low), _F32(high)
    lowest, highest = _limits(T)
    levels = _F32(highest - lowest)
    if mode == "MIN_COMBINED":
        scale = _F32((high - low) / levels)
        if lowest < 0:
            q = q + _F32((float(levels) + 1) / 2)
        return q * scale + low
    if mode == "MIN_FIRST":
        steps = float(levels) + 1
        range_scale = _F32((high - low) * (steps / float(levels)) / steps)
        return (q - _F32(lowest)) * range_scale + low
    if narrow_range and lowest < 0:
        lowest += 1
    factor = high / _F32(highest)
    if lowest != 0:
        factor = max(factor, low / _F32(lowest))
    return q * _F32(factor)


def _dequantize_kernel(q, min_range, max_range, T, mode, narrow_range, axis, dtype):
    if axis != -1:
        raise _invalid("tfcompat does not support per-channel dequantization (axis)")
    out = _dequantize_values(q, np.asarray(min_range).item(), np.asarray(max_range).item(), T,
                             mode, narrow_range)
    return out.astype(dtype.as_numpy_dtype)


register_op("Dequantize", inputs=("input: T", "min_range: float32", "max_range: float32"),
            kernel=_dequantize_kernel,
            kernel_attrs=("T", "mode", "narrow_range", "axis", "dtype"),
            shape_fn=lambda op: [(op._attrs["dtype"], op.inputs[0].shape)],
            allowed={"T": _QUANTIZED},
            attr_defaults={"mode": "MIN_COMBINED", "narrow_range": False, "axis": -1,
                           "dtype": dtypes.float32})


def dequantize(input, min_range, max_range, mode="MIN_COMBINED", name=None,  # noqa: A002
               axis=None, narrow_range=False, dtype=dtypes.float32) -> Tensor:
    """The float values the quantized ``input`` represents in [min_range, max_range]."""
    if axis is not None:
        raise NotImplementedError("tfcompat does not support per-channel dequantization (axis)")
    return apply_op("Dequantize", [input, min_range, max_range], name=name, attrs={
        "mode": mode, "narrow_range": bool(narrow_range), "dtype": dtypes.as_dtype(dtype)})


# ---- QuantizedConcat -------------------------------------------------------------------------

def _quantized_concat_kernel(axis, *flat, N, T):  # noqa: N803 - TF's attr names
    values, mins, maxes = flat[:N], flat[N:2 * N], flat[2 * N:]
    low = _F32(min(np.asarray(m).item() for m in mins))
    high = _F32(max(np.asarray(m).item() for m in maxes))
    pieces = []
    for value, piece_min, piece_max in zip(values, mins, maxes):
        floats = _dequantize_values(value, np.asarray(piece_min).item(),
                                    np.asarray(piece_max).item(), T, "MIN_COMBINED", False)
        pieces.append(_quantize_kernel(floats, low, high, T, "MIN_COMBINED",
                                       "HALF_AWAY_FROM_ZERO", False, -1, 0.0)[0])
    return (np.concatenate(pieces, axis=int(np.asarray(axis))), np.asarray(low, _F32),
            np.asarray(high, _F32))


def _quantized_concat_shape(op):
    n = op._attrs["N"]
    values = op.inputs[1:1 + n]
    axis = tensor_util.constant_value(op.inputs[0])
    shapes = [v.shape for v in values]
    if axis is None or any(s.ndims is None for s in shapes):
        out = unknown_shape(next((s.ndims for s in shapes if s.ndims is not None), None))
    else:
        axis = int(axis)
        dims = list(shapes[0].as_tuple())
        for s in shapes[1:]:
            if s.ndims != len(dims):
                raise ShapeError(f"Shape must be rank {len(dims)} but is rank {s.ndims}")
            for i, d in enumerate(s.as_tuple()):
                if i == axis:
                    dims[i] = None if dims[i] is None or d is None else dims[i] + d
                elif dims[i] is None:
                    dims[i] = d
        out = TensorShape(dims)
    return [(op._attrs["T"], out), (dtypes.float32, TensorShape([])),
            (dtypes.float32, TensorShape([]))]


register_op("QuantizedConcat", inputs=("concat_dim: int32", "values: N*T",
                                       "input_mins: N*float32", "input_maxes: N*float32"),
            kernel=_quantized_concat_kernel, kernel_attrs=("N", "T"),
            shape_fn=_quantized_concat_shape, allowed={"T": _QUANTIZED}, value_inputs=(0,))

QuantizedConcat = collections.namedtuple("QuantizedConcat",
                                         ["output", "output_min", "output_max"])


def quantized_concat(concat_dim, values, input_mins, input_maxes, name=None) -> QuantizedConcat:
    """Concatenates quantized tensors along ``concat_dim``, requantized to the union of their
    ranges; returns (output, output_min, output_max)."""
    outputs = apply_op("QuantizedConcat", [concat_dim, list(values), list(input_mins),
                                           list(input_maxes)], name=name)
    return QuantizedConcat(*outputs)


# ---- QuantizeAndDequantizeV2 / V4: float -> float through a fixed-point grid ------------------

def _qdq_kernel(x, input_min, input_max, signed_input, num_bits, range_given, round_mode,
                narrow_range, axis):
    if axis != -1:
        raise _invalid("tfcompat does not support per-channel quantize_and_dequantize (axis)")
    x = np.asarray(x)
    dtype = x.dtype
    if range_given:
        low, high = np.asarray(input_min).item(), np.asarray(input_max).item()
        if low > high:
            raise _invalid(f"Invalid range: input_min {low:g} > input_max {high:g}")
    elif x.size:
        low, high = float(x.min()), float(x.max())
    else:
        return x.copy()
    if signed_input:
        min_fixed = -(1 << (num_bits - 1)) + (1 if narrow_range else 0)
        max_fixed = (1 << (num_bits - 1)) - 1
    else:
        min_fixed, max_fixed = 0, (1 << num_bits) - 1
    from_min = min_fixed / low if min_fixed * low > 0 else np.inf
    from_max = max_fixed / high if max_fixed * high > 0 else np.inf
    if from_min < from_max:
        scale, inverse = from_min, low / min_fixed
        low, high = low, max_fixed * inverse
    else:
        scale, inverse = from_max, high / max_fixed
        low, high = min_fixed * inverse, high
    scaled = np.clip(x, dtype.type(low), dtype.type(high)) * dtype.type(scale)
    if round_mode == "HALF_UP":
        levels = np.floor(scaled + dtype.type(0.5))
    else:
        levels = np.rint(scaled)
    return (levels * dtype.type(inverse)).astype(dtype)


def _qdq_v2_grad(op, grad):
    return grad, None, None


def _qdq_v4_grad(op, grad):
    x, low, high = op.inputs
    return list(apply_op("QuantizeAndDequantizeV4Grad", [grad, x, low, high],
                         attrs={"axis": op._attrs["axis"]}))


_QDQ_ATTRS = ("signed_input", "num_bits", "range_given", "round_mode", "narrow_range", "axis")
_QDQ_DEFAULTS = {"signed_input": True, "num_bits": 8, "range_given": False,
                 "round_mode": "HALF_TO_EVEN", "narrow_range": False, "axis": -1}
_FLOATS = (dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64)
for _type, _grad in (("QuantizeAndDequantizeV2", _qdq_v2_grad),
                     ("QuantizeAndDequantizeV4", _qdq_v4_grad)):
    register_op(_type, inputs=("input: T", "input_min: T", "input_max: T"), kernel=_qdq_kernel,
                kernel_attrs=_QDQ_ATTRS, allowed={"T": _FLOATS}, attr_defaults=_QDQ_DEFAULTS,
                shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
                grad=_grad)


def _qdq_v4_grad_kernel(gradients, x, input_min, input_max, axis):
    x = np.asarray(x)
    inside = (x >= np.asarray(input_min)) & (x <= np.asarray(input_max))
    zero = np.zeros((), x.dtype)
    return (np.where(inside, np.asarray(gradients), zero).astype(x.dtype), zero, zero)


register_op("QuantizeAndDequantizeV4Grad",
            inputs=("gradients: T", "input: T", "input_min: T", "input_max: T"),
            kernel=_qdq_v4_grad_kernel, kernel_attrs=("axis",), allowed={"T": _FLOATS},
            attr_defaults={"axis": -1}, grad=NOT_DIFFERENTIABLE,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[1].shape),
                                 (op.inputs[0].dtype.base_dtype, op.inputs[2].shape),
                                 (op.inputs[0].dtype.base_dtype, op.inputs[3].shape)])


def _quantize_and_dequantize(op_type, input, input_min, input_max, signed_input,  # noqa: A002
                             num_bits, range_given, round_mode, name, narrow_range, axis):
    if axis is not None:
        raise NotImplementedError("tfcompat does not support per-channel "
                                  "quantize_and_dequantize (axis)")
    return apply_op(op_type, [input, input_min, input_max], name=name, attrs={
        "signed_input": bool(signed_input), "num_bits": int(num_bits),
        "range_given": bool(range_given), "round_mode": round_mode,
        "narrow_range": bool(narrow_range)})


def quantize_and_dequantize(input, input_min, input_max, signed_input=True,  # noqa: A002
                            num_bits=8, range_given=False, round_mode="HALF_TO_EVEN",
                            name=None, narrow_range=False, axis=None) -> Tensor:
    """Rounds ``input`` to the fixed-point grid of ``num_bits`` spanning its range (or the
    given one) and back to floats; the gradient passes straight through."""
    return _quantize_and_dequantize("QuantizeAndDequantizeV2", input, input_min, input_max,
                                    signed_input, num_bits, range_given, round_mode, name,
                                    narrow_range, axis)


def quantize_and_dequantize_v2(input, input_min, input_max, signed_input=True,  # noqa: A002
                               num_bits=8, range_given=False, round_mode="HALF_TO_EVEN",
                               name=None, narrow_range=False, axis=None) -> Tensor:
    """``quantize_and_dequantize`` whose gradient is zero outside [input_min, input_max]."""
    return _quantize_and_dequantize("QuantizeAndDequantizeV4", input, input_min, input_max,
                                    signed_input, num_bits, range_given, round_mode, name,
                                    narrow_range, axis)
