"""MaxPool, MaxPoolGrad, MaxPoolGradGrad, AvgPool and AvgPoolGrad, one section each: kernel,
shape function, gradient, registration and public wrappers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tfcompat.framework import errors, ops, tensor_util
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.conv.pool_kernels import (
    _depthwise_argmax,
    _depthwise_groups,
    _max_pool_input,
    _route_max_pool_grad,
    _window_argmax,
    _window_max_pool,
)
from tfcompat.ops.conv.window import (
    _MAX_POOL_ATTRS,
    _POOL_ATTRS,
    CONV_FORMATS,
    CONV_PADDINGS,
    MAX_POOL_FORMATS,
    MAX_POOL_TYPES,
    POOL_PADDINGS,
    TF_FLOATS,
    _attr_list,
    _Axis,
    _channel_index,
    _check_explicit,
    _check_string_attr,
    _check_window_attrs,
    _compute_dtype,
    _copy_attrs,
    _dims,
    _get_sequence,
    _layout,
    _pad,
    _require_string,
    _spatial_axes,
    _spatial_geometry,
    _static_output_size,
    convert_padding,
)

# ---- checks and geometry shared by the pooling ops -----------------------------------------------

def _check_pool_input(x: np.ndarray, kind: str, data_format: str, ksize, strides) -> None:
    if data_format != "NHWC":
        raise errors.InvalidArgumentError(
            None, None, f"Default {kind}PoolingOp only supports NHWC on device type CPU")
    if x.ndim != 4:
        raise errors.InvalidArgumentError(
            None, None, f"tensor_in_shape must have 2 spatial dimensions. {x.ndim} 0")
    if ksize[0] != 1 or strides[0] != 1:
        raise errors.UnimplementedError(None, None,
                                        "Pooling is not yet supported on the batch dimension.")


def _check_depth_window(ksize) -> bool:
    """True for depthwise pooling (a window across channels only)."""
    if ksize[3] == 1:
        return False
    if ksize[1] != 1 or ksize[2] != 1:
        # TF's AvgPool raises this MaxPooling wording too.
        raise errors.UnimplementedError(None, None, "MaxPooling supports exactly one of pooling "
                                        "across depth or pooling across width/height.")
    return True


def _pool_geometry(x_shape, ksize, strides, padding, explicit_paddings) -> tuple[_Axis, _Axis]:
    rows, cols = _spatial_geometry(x_shape, (ksize[1], ksize[2]), strides, [1, 1, 1, 1],
                                   padding, explicit_paddings)
    if padding == "EXPLICIT":
        for label, pad, window in (("Top", rows.before, rows.window),
                                   ("Bottom", rows.after, rows.window),
                                   ("Left", cols.before, cols.window),
                                   ("Right", cols.after, cols.window)):
            if pad >= window:
                raise errors.InvalidArgumentError(
                    None, None, f"{label} padding {pad} needs to be smaller than the window size "
                    f"{window}")
    return rows, cols


def _pool_output_shape(op, x_shape: TensorShape, pool_depth: bool) -> TensorShape:
    dims = _dims(x_shape)
    ksize, strides = _attr_list(op, "ksize"), _attr_list(op, "strides")
    _check_window_attrs(strides)
    padding = op._attrs["padding"]
    pairs = _check_explicit(op) if "explicit_paddings" in op._attrs else [(0, 0)] * 4
    data_format = op._attrs["data_format"]
    h_axis, w_axis = _spatial_axes(data_format)
    channel = _channel_index(data_format)
    rows = _static_output_size(dims[h_axis], ksize[h_axis], strides[h_axis], 1, padding,
                               pairs[h_axis])
    cols = _static_output_size(dims[w_axis], ksize[w_axis], strides[w_axis], 1, padding,
                               pairs[w_axis])
    depth = dims[channel]
    if pool_depth:
        depth = _static_output_size(depth, ksize[channel], strides[channel], 1, padding,
                                    pairs[channel])
    return _layout(dims, data_format, depth, rows, cols)


_MAX_POOL_KERNEL_ATTRS = ("ksize", "strides", "padding", "explicit_paddings", "data_format")
_POOL_KERNEL_ATTRS = ("ksize", "strides", "padding", "data_format")


def _pool_args(op_type: str, ksize, strides, padding, data_format, paddings: Sequence[str],
               formats: Sequence[str]):
    if data_format is None:
        data_format = "NHWC"
    channel = _channel_index(data_format)
    ksize = _get_sequence(ksize, 2, channel, "ksize")
    strides = _get_sequence(strides, 2, channel, "strides")
    if "EXPLICIT" in paddings:
        padding, explicit = convert_padding(padding)
    elif not isinstance(padding, str):
        # avg_pool takes no list of paddings; TF's op-def check names the value.
        raise TypeError(f"Expected string for argument 'padding' not {padding!r}.")
    else:
        explicit = []
    _require_string("padding", padding)
    _check_string_attr(op_type, "padding", padding, paddings)
    _check_string_attr(op_type, "data_format", data_format, formats)
    return ksize, strides, padding, explicit, data_format


# ---- MaxPool -------------------------------------------------------------------------------------

def _max_pool_kernel(x, *, ksize, strides, padding, explicit_paddings, data_format):
    x = np.asarray(x)
    _check_pool_input(x, "Max", data_format, ksize, strides)
    if _check_depth_window(ksize):
        return _max_pool_input(_depthwise_groups(x, ksize, strides)).max(axis=-1)
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, explicit_paddings)
    return _window_max_pool(x, rows, cols)


def _max_pool_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, _pool_output_shape(op, x.shape, pool_depth=True))]


def _max_pool_grad(op, grad):
    return apply_op("MaxPoolGrad", [op.inputs[0], op.outputs[0], grad],
                    attrs=_copy_attrs(op, _MAX_POOL_ATTRS))


register_op("MaxPool", inputs=("input: T",), kernel=_max_pool_kernel,
            kernel_attrs=_MAX_POOL_KERNEL_ATTRS, shape_fn=_max_pool_shape,
            allowed={"T": MAX_POOL_TYPES}, attr_defaults={"explicit_paddings": [],
                                                          "data_format": "NHWC"},
            grad=_max_pool_grad)


def _max_pool(op_type: str, value, ksize, strides, padding, data_format, scope) -> Tensor:
    ksize, strides, padding, explicit, data_format = _pool_args(
        op_type, ksize, strides, padding, data_format, CONV_PADDINGS, MAX_POOL_FORMATS)
    if any(k == 0 for k in ksize):
        raise ValueError(f"`ksize` cannot be zero. Received: ksize={ksize}")
    return apply_op("MaxPool", [value], name=scope, attrs={
        "strides": strides, "padding": padding, "ksize": ksize, "explicit_paddings": explicit,
        "data_format": data_format})


def max_pool(value, ksize, strides, padding, data_format="NHWC", name=None,
             input=None) -> Tensor:  # noqa: A002 - TF's name
    """Max pooling over ``ksize`` windows moved by ``strides`` (``tf.nn.max_pool``)."""
    value = deprecated_argument_lookup("input", input, "value", value)
    with ops.name_scope(name, "MaxPool", [value]) as scope:
        return _max_pool("MaxPool", value, ksize, strides, padding, data_format, scope)


def max_pool2d(input, ksize, strides, padding, data_format="NHWC",  # noqa: A002
               name=None) -> Tensor:
    """Max pooling of a 4-D input (``tf.nn.max_pool2d``)."""
    with ops.name_scope(name, "MaxPool2d", [input]) as scope:
        return _max_pool("MaxPool", input, ksize, strides, padding, data_format, scope)


# ---- MaxPoolGrad ---------------------------------------------------------------------------------

def _max_pool_grad_kernel(orig_input, orig_output, grad, *, ksize, strides, padding,
                          explicit_paddings, data_format):
    x, grad = np.asarray(orig_input), np.asarray(grad)
    _check_pool_input(x, "Max", data_format, ksize, strides)
    if _check_depth_window(ksize):
        groups = _depthwise_groups(x, ksize, strides)
        chosen = np.arange(ksize[3]) == _depthwise_argmax(groups)[..., None]
        return np.where(chosen, grad[..., None], 0).astype(grad.dtype).reshape(x.shape)
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, explicit_paddings)
    return _route_max_pool_grad(x, grad, rows, cols)


def _max_pool_grad_shape(op):
    x, _, grad = op.inputs
    return [(grad.dtype.base_dtype, TensorShape(_dims(x.shape)))]


def _max_pool_grad_grad_attrs(op) -> dict:
    # MaxPoolGradGrad takes no explicit padding, so neither does MaxPool's second derivative.
    _check_string_attr("MaxPoolGradGrad", "padding", op._attrs["padding"], POOL_PADDINGS)
    return _copy_attrs(op, _POOL_ATTRS)


def _max_pool_grad_grad(op, grad):
    x, y = op.inputs[0], op.inputs[1]
    return (array_ops.zeros_like(x), array_ops.zeros_like(y),
            apply_op("MaxPoolGradGrad", [x, y, grad], attrs=_max_pool_grad_grad_attrs(op)))


register_op("MaxPoolGrad", inputs=("orig_input: T", "orig_output: T", "grad: T"),
            kernel=_max_pool_grad_kernel, kernel_attrs=_MAX_POOL_KERNEL_ATTRS,
            shape_fn=_max_pool_grad_shape, allowed={"T": MAX_POOL_TYPES[:-1]},
            attr_defaults={"explicit_paddings": [], "data_format": "NHWC"},
            grad=_max_pool_grad_grad)


# ---- MaxPoolGradGrad -----------------------------------------------------------------------------

def _max_pool_grad_grad_kernel(orig_input, orig_output, grad, *, ksize, strides, padding,
                               data_format):
    x, grad = np.asarray(orig_input), np.asarray(grad)
    _check_pool_input(x, "Max", data_format, ksize, strides)
    if _check_depth_window(ksize):
        groups = _depthwise_groups(x, ksize, strides)
        index = _depthwise_argmax(groups)
        return np.take_along_axis(_depthwise_groups(grad, ksize, strides), index[..., None],
                                  -1)[..., 0]
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, [])
    index = _window_argmax(x, rows, cols)
    gp = _pad(grad, rows, cols)
    out = np.zeros(index.shape, grad.dtype)
    for i in range(rows.window):
        for j in range(cols.window):
            out = np.where(index == i * cols.window + j, gp[:, rows.tap(i), cols.tap(j), :], out)
    return out


def _max_pool_grad_grad_shape(op):
    _, y, grad = op.inputs
    return [(grad.dtype.base_dtype, TensorShape(_dims(y.shape)))]


def _max_pool_grad_grad_grad(op, grad):
    x, y = op.inputs[0], op.inputs[1]
    attrs = {"strides": op._attrs["strides"], "padding": op._attrs["padding"],
             "ksize": op._attrs["ksize"], "explicit_paddings": [],
             "data_format": op._attrs["data_format"]}
    return (array_ops.zeros_like(x), array_ops.zeros_like(y),
            apply_op("MaxPoolGrad", [x, y, grad], attrs=attrs))


register_op("MaxPoolGradGrad", inputs=("orig_input: T", "orig_output: T", "grad: T"),
            kernel=_max_pool_grad_grad_kernel, kernel_attrs=_POOL_KERNEL_ATTRS,
            shape_fn=_max_pool_grad_grad_shape, allowed={"T": MAX_POOL_TYPES[:-1]},
            attr_defaults={"data_format": "NHWC"},
            grad=_max_pool_grad_grad_grad)


# ---- AvgPool -------------------------------------------------------------------------------------

def _window_counts(rows: _Axis, cols: _Axis) -> np.ndarray:
    """How many real (unpadded) inputs each output window covers: TF's SAME divisor."""
    def per_axis(axis: _Axis) -> np.ndarray:
        starts = np.arange(axis.out) * axis.stride - axis.before
        return np.minimum(starts + axis.window, axis.size) - np.maximum(starts, 0)
    return np.outer(per_axis(rows), per_axis(cols))[None, :, :, None]


def _avg_pool_kernel(x, *, ksize, strides, padding, data_format):
    x = np.asarray(x)
    _check_pool_input(x, "Avg", data_format, ksize, strides)
    _check_depth_window(ksize)
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, [])
    work = _compute_dtype(x.dtype)
    padded = _pad(x.astype(work, copy=False), rows, cols)
    sums = np.zeros((x.shape[0], rows.out, cols.out, x.shape[3]), work)
    for i in range(rows.window if sums.size else 0):  # one strided add per kernel tap
        for j in range(cols.window):
            sums += padded[:, rows.tap(i), cols.tap(j), :]
    return (sums / _window_counts(rows, cols).astype(work)).astype(x.dtype)


def _avg_pool_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, _pool_output_shape(op, x.shape, pool_depth=False))]


def _avg_pool_grad(op, grad):
    return apply_op("AvgPoolGrad", [array_ops.shape(op.inputs[0]), grad],
                    attrs=_copy_attrs(op, _POOL_ATTRS))


register_op("AvgPool", inputs=("value: T",), kernel=_avg_pool_kernel,
            kernel_attrs=_POOL_KERNEL_ATTRS, shape_fn=_avg_pool_shape, allowed={"T": TF_FLOATS},
            attr_defaults={"data_format": "NHWC"},
            grad=_avg_pool_grad)


def avg_pool(value, ksize, strides, padding, data_format="NHWC", name=None,
             input=None) -> Tensor:  # noqa: A002 - TF's name
    """Average pooling; "SAME" windows average only their unpadded inputs (``tf.nn.avg_pool``)."""
    value = deprecated_argument_lookup("input", input, "value", value)
    with ops.name_scope(name, "AvgPool", [value]) as scope:
        ksize, strides, padding, _, data_format = _pool_args(
            "AvgPool", ksize, strides, padding, data_format, POOL_PADDINGS, CONV_FORMATS)
        return apply_op("AvgPool", [value], name=scope, attrs={
            "strides": strides, "padding": padding, "ksize": ksize, "data_format": data_format})


def avg_pool2d(input, ksize, strides, padding, data_format="NHWC",  # noqa: A002
               name=None) -> Tensor:
    """Average pooling of a 4-D input (``tf.nn.avg_pool2d``)."""
    return avg_pool(input, ksize, strides, padding, data_format, name)


# ---- AvgPoolGrad ---------------------------------------------------------------------------------

def _avg_pool_grad_kernel(orig_input_shape, grad, *, ksize, strides, padding, data_format):
    grad = np.asarray(grad)
    shape = [int(s) for s in np.asarray(orig_input_shape).reshape(-1)]
    if len(shape) != 4:
        raise errors.InvalidArgumentError(
            None, None, f"orig_input_shape must have 4 elements, got {len(shape)}")
    if data_format != "NHWC":
        raise errors.InvalidArgumentError(
            None, None, "Default AvgPoolingOp only supports NHWC on device type CPU")
    rows, cols = _pool_geometry(shape, ksize, strides, padding, [])
    work = _compute_dtype(grad.dtype)
    if (rows.stride == rows.window and cols.stride == cols.window and not
            (rows.before or rows.after or cols.before or cols.after)
            and rows.out * rows.window == rows.size and cols.out * cols.window == cols.size):
        # Windows tile the input: every window is whole, and each input gets its window's share.
        share = grad.astype(work, copy=False) / work.type(rows.window * cols.window)
        dx = np.empty(shape, grad.dtype)
        for i in range(rows.window if share.size else 0):
            for j in range(cols.window):
                dx[:, rows.tap(i), cols.tap(j), :] = share
        return dx
    share = grad.astype(work) / _window_counts(rows, cols).astype(work)
    dxp = np.zeros((shape[0], shape[1] + rows.before + rows.after,
                    shape[2] + cols.before + cols.after, shape[3]), work)
    for i in range(rows.window):
        for j in range(cols.window):
            dxp[:, rows.tap(i), cols.tap(j), :] += share
    dx = dxp[:, rows.before:rows.before + rows.size, cols.before:cols.before + cols.size, :]
    return np.ascontiguousarray(dx, dtype=grad.dtype)


def _avg_pool_grad_shape(op):
    sizes, grad = op.inputs
    known = tensor_util.constant_value_as_shape(sizes)
    shape = known.with_rank(4) if known.ndims is not None else unknown_shape(4)
    return [(grad.dtype.base_dtype, shape)]


def _avg_pool_grad_grad(op, grad):
    # TF returns the (integer, hence never differentiated) shape input behind a StopGradient.
    return (array_ops.stop_gradient(op.inputs[0]),
            apply_op("AvgPool", [grad], attrs=_copy_attrs(op, _POOL_ATTRS)))


register_op("AvgPoolGrad", inputs=("orig_input_shape: int32", "grad: T"),
            kernel=_avg_pool_grad_kernel, kernel_attrs=_POOL_KERNEL_ATTRS,
            shape_fn=_avg_pool_grad_shape, allowed={"T": TF_FLOATS},
            attr_defaults={"data_format": "NHWC"},
            grad=_avg_pool_grad_grad)
