"""The quantized neural-network ops of ``tf.nn``: QuantizedAvgPool, QuantizedMaxPool,
QuantizedReluX and QuantizedConv2D, one section each (registration, kernel, shape function and
public wrapper). Each returns its output with the float range it represents.

Kernels exist for the configurations TF 2.21's CPU build registers: the pools for quint8 and
qint8, the convolution for quint8 input and filter with a qint32 output. Other dtypes, and every
QuantizedReluX (TF registers no CPU kernel for it), build graphs with TF's types and shapes and
fail when run with TF's "No OpKernel was registered" error. TF defines no gradient for any of
them: ``tf.gradients`` raises LookupError through them, as in TF.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework import node_def as node_def_lib
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.conv.window import (
    POOL_PADDINGS,
    _check_string_attr,
    _pad,
    _require_string,
    _spatial_geometry,
    _static_output_size,
)

# TF's order, which its dtype error messages list.
_QUANTIZED = (dtypes.qint8, dtypes.quint8, dtypes.qint32, dtypes.qint16, dtypes.quint16)
_SCALAR = TensorShape([])


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _no_kernel(op) -> errors.InvalidArgumentError:
    attrs = ", ".join(f"{k}={node_def_lib.attr_short_text(v)}"
                      for k, v in sorted(op._attrs.items()) if not k.startswith("_"))
    return _invalid(f"No OpKernel was registered to support Op '{op.type}' used by "
                    f"{{{{node {op.name}}}}} with these attrs: [{attrs}]")


def _check_scalar_inputs(op, first: int) -> None:
    """Shape-function check: the float range inputs from index ``first`` on are scalars."""
    for t in op.inputs[first:]:
        if t.shape.ndims is not None and t.shape.ndims != 0:
            raise ShapeError(f"Shape must be rank 0 but is rank {t.shape.ndims}")


def _check_scalar_values(names: Sequence[str], values: Sequence[np.ndarray]) -> None:
    """Run-time check of the range inputs (their static shape may have been unknown)."""
    for name, value in zip(names, values):
        value = np.asarray(value)
        if value.ndim != 0:
            dims = ",".join(str(d) for d in value.shape)
            raise _invalid(f"{name} shape must be rank 0 but is rank {value.ndim}, received "
                           f"shape: [{dims}]")


def _rank4(shape: TensorShape) -> list:
    if shape.ndims is None:
        return [None] * 4
    if shape.ndims != 4:
        raise ShapeError(f"Shape must be rank 4 but is rank {shape.ndims}")
    return list(shape.as_tuple())


def _four(values, what: str, attr: str) -> list[int]:
    if len(values) != 4:
        raise ShapeError(f"{what} requires the {attr} attribute to contain 4 values, but got: "
                         f"{len(values)}")
    return list(values)


# ---- QuantizedAvgPool / QuantizedMaxPool ---------------------------------------------------------

_POOL_KERNEL_TYPES = (dtypes.quint8, dtypes.qint8)


def _pool_shape(op):
    # TF words these checks as its float pools do ("AvgPool requires ...").
    what = op.type.replace("Quantized", "")
    dims = _rank4(op.inputs[0].shape)
    ksize = _four(op._attrs["ksize"], what, "ksize")
    strides = _four(op._attrs["strides"], what, "stride")
    padding = op._attrs["padding"]
    rows = _static_output_size(dims[1], ksize[1], strides[1], 1, padding, (0, 0))
    cols = _static_output_size(dims[2], ksize[2], strides[2], 1, padding, (0, 0))
    _check_scalar_inputs(op, 1)
    return [(op._attrs["T"], TensorShape([dims[0], rows, cols, dims[3]])),
            (dtypes.float32, _SCALAR), (dtypes.float32, _SCALAR)]


def _pool_windows(x: np.ndarray, ksize, strides, padding: str, fill):
    """The [taps, N, OH, OW, C] windows of ``x`` padded with ``fill``."""
    if ksize[0] != 1 or strides[0] != 1:
        raise errors.UnimplementedError(None, None,
                                        "Pooling is not yet supported on the batch dimension.")
    if ksize[3] != 1 or strides[3] != 1:
        raise errors.UnimplementedError(None, None, "MaxPooling supports exactly one of pooling "
                                        "across depth or pooling across width/height.")
    rows, cols = _spatial_geometry(x.shape, (ksize[1], ksize[2]), strides, [1, 1, 1, 1], padding,
                                   [])
    padded = _pad(x, rows, cols, fill)
    return np.stack([padded[:, rows.tap(i), cols.tap(j)]
                     for i in range(rows.window) for j in range(cols.window)])


def _pool_bind(reduce):
    def bind(op, state):
        if op._attrs["T"] not in _POOL_KERNEL_TYPES:
            error = _no_kernel(op)

            def unsupported(*unused):
                raise error
            return unsupported
        ksize, strides = list(op._attrs["ksize"]), list(op._attrs["strides"])
        padding = op._attrs["padding"]
        storage = dtypes.storage_type(op._attrs["T"])

        def kernel(x, min_input, max_input):
            _check_scalar_values(("min_input", "max_input"), (min_input, max_input))
            x = np.asarray(x)
            if x.ndim != 4:
                raise _invalid(f"input must be 4-dimensional {list(x.shape)}")
            out = reduce(x, ksize, strides, padding).astype(storage)
            return (out, np.asarray(min_input, np.float32).copy(),
                    np.asarray(max_input, np.float32).copy())
        return kernel
    return bind


def _average(x: np.ndarray, ksize, strides, padding: str) -> np.ndarray:
    """Mean of each window's valid (unpadded) elements, truncated toward zero as TF's Eigen
    kernel does (oneDNN builds, TF's default on x86, round to nearest instead)."""
    totals = _pool_windows(x.astype(np.float64), ksize, strides, padding, 0).sum(axis=0)
    counts = _pool_windows(np.ones(x.shape[1:3] + (1,))[None], ksize, strides, padding,
                           0).sum(axis=0)
    return np.trunc(totals / np.maximum(counts, 1))


def _maximum(x: np.ndarray, ksize, strides, padding: str) -> np.ndarray:
    lowest = np.iinfo(x.dtype).min
    windows = _pool_windows(x, ksize, strides, padding, lowest)
    return windows.max(axis=0) if windows.size else windows.sum(axis=0)


for _type, _reduce in (("QuantizedAvgPool", _average), ("QuantizedMaxPool", _maximum)):
    register_op(_type, inputs=("input: T", "min_input: float32", "max_input: float32"),
                bind=_pool_bind(_reduce), shape_fn=_pool_shape, allowed={"T": _QUANTIZED})

QuantizedAvgPool = collections.namedtuple("QuantizedAvgPool",
                                          ["output", "min_output", "max_output"])
QuantizedMaxPool = collections.namedtuple("QuantizedMaxPool",
                                          ["output", "min_output", "max_output"])


def _pool(op_type: str, result, input, min_input, max_input, ksize, strides,  # noqa: A002
          padding, name):
    _require_string("padding", padding)
    with ops.name_scope(name, op_type, [input, min_input, max_input]) as scope:
        # Inside the scope: TF's op-def check runs after the op's name is taken.
        _check_string_attr(op_type, "padding", padding, POOL_PADDINGS)
        outputs = apply_op(op_type, [input, min_input, max_input], name=scope, attrs={
            "strides": [int(s) for s in strides], "padding": padding,
            "ksize": [int(k) for k in ksize]})
    return result(*outputs)


def quantized_avg_pool(input, min_input, max_input, ksize, strides, padding,  # noqa: A002
                       name=None) -> QuantizedAvgPool:
    """Average pooling of a quantized NHWC ``input`` whose values represent the float range
    [min_input, max_input]; the range passes through as (min_output, max_output)."""
    return _pool("QuantizedAvgPool", QuantizedAvgPool, input, min_input, max_input, ksize,
                 strides, padding, name)


def quantized_max_pool(input, min_input, max_input, ksize, strides, padding,  # noqa: A002
                       name=None) -> QuantizedMaxPool:
    """Max pooling of a quantized NHWC ``input`` whose values represent the float range
    [min_input, max_input]; the range passes through as (min_output, max_output)."""
    return _pool("QuantizedMaxPool", QuantizedMaxPool, input, min_input, max_input, ksize,
                 strides, padding, name)


# ---- QuantizedReluX: a graph op only (no CPU kernel in TF) ---------------------------------------

def _relu_x_shape(op):
    _check_scalar_inputs(op, 1)
    return [(op._attrs["out_type"], op.inputs[0].shape), (dtypes.float32, _SCALAR),
            (dtypes.float32, _SCALAR)]


def _relu_x_bind(op, state):
    error = _no_kernel(op)

    def unsupported(*unused):
        raise error
    return unsupported


register_op("QuantizedReluX", inputs=("features: Tinput", "max_value: float32",
                                      "min_features: float32", "max_features: float32"),
            bind=_relu_x_bind, shape_fn=_relu_x_shape,
            allowed={"Tinput": _QUANTIZED, "out_type": _QUANTIZED})

QuantizedReluX = collections.namedtuple("QuantizedReluX",
                                        ["activations", "min_activations", "max_activations"])


def _check_out_type(out_type) -> dtypes.DType:
    out_type = dtypes.as_dtype(out_type).base_dtype
    if out_type not in _QUANTIZED:
        allowed = ", ".join(d.name for d in _QUANTIZED)
        raise TypeError(f"Value passed to parameter 'out_type' has DataType {out_type.name} not "
                        f"in list of allowed values: {allowed}")
    return out_type


def quantized_relu_x(features, max_value, min_features, max_features, out_type=dtypes.quint8,
                     name=None) -> QuantizedReluX:
    """Quantized ``min(max(features, 0), max_value)`` of ``features`` representing the float
    range [min_features, max_features]. TF 2.21 has no CPU kernel for it: running it fails."""
    inputs = [features, max_value, min_features, max_features]
    with ops.name_scope(name, "QuantizedReluX", inputs) as scope:
        outputs = apply_op("QuantizedReluX", inputs, name=scope,
                           attrs={"out_type": _check_out_type(out_type)})
    return QuantizedReluX(*outputs)


# ---- QuantizedConv2D -----------------------------------------------------------------------------

def _conv_shape(op):
    x_dims, w_dims = _rank4(op.inputs[0].shape), _rank4(op.inputs[1].shape)
    strides = _four(op._attrs["strides"], "Conv2D on data format NHWC", "stride")
    dilations = _four(op._attrs["dilations"], "Conv2D on data format NHWC", "dilation")
    if x_dims[3] is not None and w_dims[2] is not None and (
            w_dims[2] == 0 or x_dims[3] % w_dims[2]):
        raise ShapeError(f"Depth of input ({x_dims[3]}) is not a multiple of input depth of "
                         f"filter ({w_dims[2]})")
    padding = op._attrs["padding"]
    rows = _static_output_size(x_dims[1], w_dims[0], strides[1], dilations[1], padding, (0, 0))
    cols = _static_output_size(x_dims[2], w_dims[1], strides[2], dilations[2], padding, (0, 0))
    _check_scalar_inputs(op, 2)
    return [(op._attrs["out_type"], TensorShape([x_dims[0], rows, cols, w_dims[3]])),
            (dtypes.float32, _SCALAR), (dtypes.float32, _SCALAR)]


def _zero_level(low: float, high: float) -> int:
    """The (unclamped) quint8 level representing 0.0 in [low, high], rounded half away from
    zero as TF's quantization helpers do; the lowest level when the range is empty."""
    if low == high:
        return 0
    steps = 256.0
    scale = steps / ((high - low) * (steps / (steps - 1.0)))
    return int(_round_away(0.0 * scale) - _round_away(low * scale))


def _round_away(value: float) -> float:
    return float(np.sign(value) * np.floor(abs(value) + 0.5))


def _product_range(x_range, w_range) -> tuple[np.float32, np.float32]:
    """The float range of qint32 products of levels of quint8 inputs over these ranges."""
    f32 = np.float32
    x_step = (f32(x_range[1]) - f32(x_range[0])) / f32(255)
    w_step = (f32(w_range[1]) - f32(w_range[0])) / f32(255)
    step = f32(x_step * w_step)
    return f32(step * f32(-2**31)), f32(step * f32(2**31 - 1))


def _conv_bind(op, state):
    supported = (op._attrs["Tinput"] is dtypes.quint8 and op._attrs["Tfilter"] is dtypes.quint8
                 and op._attrs["out_type"] is dtypes.qint32)
    if not supported:
        error = _no_kernel(op)

        def unsupported(*unused):
            raise error
        return unsupported
    strides, dilations = list(op._attrs["strides"]), list(op._attrs["dilations"])
    padding = op._attrs["padding"]

    def kernel(x, w, min_input, max_input, min_filter, max_filter):
        _check_scalar_values(("min_input", "max_input", "min_filter", "max_filter"),
                             (min_input, max_input, min_filter, max_filter))
        if strides[0] != 1 or strides[3] != 1:
            raise _invalid("Current implementation does not yet support strides in the batch "
                           "and depth dimensions.")
        if strides[1] != strides[2]:
            raise _invalid("Current implementation only supports equal length strides in the "
                           "row and column dimensions.")
        if dilations[1] != 1 or dilations[2] != 1:
            raise _invalid("Current implementation only supports dilated rate as 1 in the row "
                           "and column dimensions.")
        x, w = np.asarray(x), np.asarray(w)
        if 0 in x.shape or 0 in w.shape:
            raise _invalid("Invalid input: Shapes dimension cannot be 0.")
        x_range = (float(min_input), float(max_input))
        w_range = (float(min_filter), float(max_filter))
        x_zero, w_zero = _zero_level(*x_range), _zero_level(*w_range)
        rows, cols = _spatial_geometry(x.shape, w.shape[:2], strides, [1, 1, 1, 1], padding, [])
        # Padding holds the level of 0.0, so it adds nothing to the sums.
        centred = _pad(x.astype(np.int64) - x_zero, rows, cols, 0)
        taps = w.astype(np.int64) - w_zero
        out = np.zeros((x.shape[0], rows.out, cols.out, w.shape[3]), np.int64)
        for i in range(rows.window):
            for j in range(cols.window):
                out += centred[:, rows.tap(i), cols.tap(j)] @ taps[i, j]
        low, high = _product_range(x_range, w_range)
        return out.astype(np.int32), np.asarray(low), np.asarray(high)
    return kernel


register_op("QuantizedConv2D", inputs=("input: Tinput", "filter: Tfilter", "min_input: float32",
                                       "max_input: float32", "min_filter: float32",
                                       "max_filter: float32"),
            bind=_conv_bind, shape_fn=_conv_shape,
            allowed={"Tinput": _QUANTIZED, "Tfilter": _QUANTIZED, "out_type": _QUANTIZED})

QuantizedConv2D = collections.namedtuple("QuantizedConv2D",
                                         ["output", "min_output", "max_output"])


def quantized_conv2d(input, filter, min_input, max_input, min_filter, max_filter,  # noqa: A002
                     strides, padding, out_type=dtypes.qint32, dilations=(1, 1, 1, 1),
                     name=None) -> QuantizedConv2D:
    """2-D convolution of a quantized NHWC ``input`` with a quantized ``filter``, each
    representing its float range; the qint32 sums of products of their levels (measured from
    the level of 0.0) come with the float range they represent."""
    _require_string("padding", padding)
    inputs = [input, filter, min_input, max_input, min_filter, max_filter]
    with ops.name_scope(name, "QuantizedConv2D", inputs) as scope:
        _check_string_attr("QuantizedConv2D", "padding", padding, POOL_PADDINGS)
        outputs = apply_op("QuantizedConv2D", inputs, name=scope, attrs={
            "strides": [int(s) for s in strides], "padding": padding,
            "out_type": _check_out_type(out_type), "dilations": [int(d) for d in dilations]})
    return QuantizedConv2D(*outputs)
