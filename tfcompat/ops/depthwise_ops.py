"""Depthwise convolution (DepthwiseConv2dNative and its two backprop ops), depthwise_conv2d and
separable_conv2d, and MaxPoolWithArgmax. NHWC only.

Kernels loop over the filter taps: each tap is one strided slice of the padded input, so the
work is numpy-vectorised over batch, positions and channels.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, conv_ops, math_ops, slicing_ops
from tfcompat.ops.conv_extra_ops import with_space_to_batch_dilated
from tfcompat.ops.op_helpers import FLOATS


def _geometry(size: int, k: int, stride: int, dilation: int, padding: str,
              explicit: tuple[int, int] | None = None):
    """(output size, padding before, padding after) of one spatial axis."""
    eff = (k - 1) * dilation + 1
    if padding == "VALID":
        return max(0, -(-(size - eff + 1) // stride)), 0, 0
    if padding == "EXPLICIT":
        before, after = explicit
        return max(0, (size + before + after - eff) // stride + 1), before, after
    out = -(-size // stride)
    total = max((out - 1) * stride + eff - size, 0)
    return out, total // 2, total - total // 2


def _taps(x_shape, f_shape, strides, dilations, padding, explicit):
    (oh, top, bottom) = _geometry(x_shape[1], f_shape[0], strides[1], dilations[1], padding,
                                  explicit[2:4] if explicit else None)
    (ow, left, right) = _geometry(x_shape[2], f_shape[1], strides[2], dilations[2], padding,
                                  explicit[4:6] if explicit else None)
    return oh, ow, ((0, 0), (top, bottom), (left, right), (0, 0))


def _tap_slice(i, j, oh, ow, strides, dilations):
    r0, c0 = i * dilations[1], j * dilations[2]
    return (slice(None), slice(r0, r0 + strides[1] * (oh - 1) + 1, strides[1]),
            slice(c0, c0 + strides[2] * (ow - 1) + 1, strides[2]))


def _check_layout(data_format: str) -> None:
    if data_format != "NHWC":
        raise errors.UnimplementedError(None, None, "Only NHWC is supported by tfcompat")


def _depthwise_kernel(x, f, strides, padding, explicit_paddings, data_format, dilations):
    _check_layout(data_format)
    x, f = np.asarray(x), np.asarray(f)
    if x.shape[3] != f.shape[2]:
        raise errors.InvalidArgumentError(
            None, None, f"input and filter must have the same depth: {x.shape[3]} vs "
            f"{f.shape[2]}")
    kh, kw, c, m = f.shape
    oh, ow, pads = _taps(x.shape, f.shape, strides, dilations, padding, explicit_paddings)
    wide = np.float64 if x.dtype != np.float64 else x.dtype
    xp = np.pad(x.astype(wide), pads)
    out = np.zeros((x.shape[0], oh, ow, c, m), wide)
    if oh and ow:
        for i in range(kh):
            for j in range(kw):
                patch = xp[_tap_slice(i, j, oh, ow, strides, dilations)]
                out += patch[..., None] * f[i, j].astype(wide)
    return out.reshape(x.shape[0], oh, ow, c * m).astype(x.dtype)


def _backprop_input_kernel(input_sizes, f, dy, strides, padding, explicit_paddings,
                           data_format, dilations):
    _check_layout(data_format)
    f, dy = np.asarray(f), np.asarray(dy)
    shape = tuple(int(d) for d in np.asarray(input_sizes))
    kh, kw, c, m = f.shape
    oh, ow, pads = _taps(shape, f.shape, strides, dilations, padding, explicit_paddings)
    wide = np.float64
    padded = (shape[0], shape[1] + sum(pads[1]), shape[2] + sum(pads[2]), c)
    dxp = np.zeros(padded, wide)
    g = dy.astype(wide).reshape(dy.shape[0], oh, ow, c, m)
    if oh and ow:
        for i in range(kh):
            for j in range(kw):
                dxp[_tap_slice(i, j, oh, ow, strides, dilations)] += np.einsum(
                    "nhwcm,cm->nhwc", g, f[i, j].astype(wide))
    dx = dxp[:, pads[1][0]:pads[1][0] + shape[1], pads[2][0]:pads[2][0] + shape[2]]
    return dx.astype(dy.dtype)


def _backprop_filter_kernel(x, filter_sizes, dy, strides, padding, explicit_paddings,
                            data_format, dilations):
    _check_layout(data_format)
    x, dy = np.asarray(x), np.asarray(dy)
    f_shape = tuple(int(d) for d in np.asarray(filter_sizes))
    kh, kw, c, m = f_shape
    oh, ow, pads = _taps(x.shape, f_shape, strides, dilations, padding, explicit_paddings)
    wide = np.float64
    xp = np.pad(x.astype(wide), pads)
    g = dy.astype(wide).reshape(dy.shape[0], oh, ow, c, m)
    df = np.zeros(f_shape, wide)
    if oh and ow:
        for i in range(kh):
            for j in range(kw):
                patch = xp[_tap_slice(i, j, oh, ow, strides, dilations)]
                df[i, j] = np.einsum("nhwc,nhwcm->cm", patch, g)
    return df.astype(x.dtype)


def _attr_values(op) -> dict:
    return {k: op._attrs[k] for k in ("strides", "padding", "explicit_paddings", "data_format",
                                      "dilations")}


def _depthwise_shape(op):
    x, f = op.inputs
    dtype = x.dtype.base_dtype
    if x.shape.ndims not in (None, 4) or f.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank "
                         f"{x.shape.ndims if x.shape.ndims != 4 else f.shape.ndims}")
    if x.shape.ndims is None or f.shape.ndims is None:
        return [(dtype, unknown_shape(4))]
    n, h, w, c = x.shape.as_tuple()
    kh, kw, fc, m = f.shape.as_tuple()
    if c is not None and fc is not None and c != fc:
        raise ShapeError(f"Dimensions must be equal, but are {c} and {fc}")
    s, d = op._attrs["strides"], op._attrs["dilations"]
    explicit = op._attrs["explicit_paddings"] or None
    padding = op._attrs["padding"]
    oh = None if h is None or kh is None else _geometry(h, kh, s[1], d[1], padding,
                                                        explicit[2:4] if explicit else None)[0]
    ow = None if w is None or kw is None else _geometry(w, kw, s[2], d[2], padding,
                                                        explicit[4:6] if explicit else None)[0]
    depth = None if c is None or m is None else c * m
    return [(dtype, TensorShape._from_tuple((n, oh, ow, depth)))]


def _sizes_shape(index: int, source: int):
    def shape_fn(op):
        sizes = tensor_util.constant_value(op.inputs[index])
        dtype = op.inputs[source].dtype.base_dtype
        if sizes is None:
            return [(dtype, unknown_shape(4))]
        return [(dtype, TensorShape._from_tuple(tuple(int(v) for v in np.asarray(sizes))))]
    return shape_fn


def _depthwise_grad(op, grad):
    x, f = op.inputs
    attrs = _attr_values(op)
    return (apply_op("DepthwiseConv2dNativeBackpropInput", [array_ops.shape(x), f, grad],
                     attrs=attrs),
            apply_op("DepthwiseConv2dNativeBackpropFilter", [x, array_ops.shape(f), grad],
                     attrs=attrs))


def _backprop_input_grad(op, grad):
    f, dy = op.inputs[1], op.inputs[2]
    attrs = _attr_values(op)
    return (None,
            apply_op("DepthwiseConv2dNativeBackpropFilter", [grad, array_ops.shape(f), dy],
                     attrs=attrs),
            apply_op("DepthwiseConv2dNative", [grad, f], attrs=attrs))


def _backprop_filter_grad(op, grad):
    x, dy = op.inputs[0], op.inputs[2]
    attrs = _attr_values(op)
    return (apply_op("DepthwiseConv2dNativeBackpropInput", [array_ops.shape(x), grad, dy],
                     attrs=attrs),
            None,
            apply_op("DepthwiseConv2dNative", [x, grad], attrs=attrs))


_DEFAULTS = {"explicit_paddings": [], "data_format": "NHWC", "dilations": [1, 1, 1, 1]}
_KERNEL_ATTRS = ("strides", "padding", "explicit_paddings", "data_format", "dilations")
register_op("DepthwiseConv2dNative", inputs=("input: T", "filter: T"),
            kernel=_depthwise_kernel, kernel_attrs=_KERNEL_ATTRS, shape_fn=_depthwise_shape,
            allowed={"T": FLOATS}, attr_defaults=_DEFAULTS, grad=_depthwise_grad)
register_op("DepthwiseConv2dNativeBackpropInput",
            inputs=("input_sizes: int32", "filter: T", "out_backprop: T"),
            kernel=_backprop_input_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=_sizes_shape(0, 1), allowed={"T": FLOATS}, attr_defaults=_DEFAULTS,
            value_inputs=(0,), grad=_backprop_input_grad)
register_op("DepthwiseConv2dNativeBackpropFilter",
            inputs=("input: T", "filter_sizes: int32", "out_backprop: T"),
            kernel=_backprop_filter_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=_sizes_shape(1, 0), allowed={"T": FLOATS}, attr_defaults=_DEFAULTS,
            value_inputs=(1,), grad=_backprop_filter_grad)


def _four(value) -> list[int]:
    """An int, 2 ints or 4 ints as the 4 NHWC entries of a window attr."""
    if isinstance(value, int):
        return [1, value, value, 1]
    value = [int(v) for v in value]
    return value if len(value) == 4 else [1] + value + [1]


def _conv_attrs(strides, padding, data_format, dilations) -> dict:
    padding, explicit = conv_ops.convert_padding(padding)
    return {"strides": _four(strides), "padding": padding, "explicit_paddings": explicit,
            "data_format": data_format or "NHWC", "dilations": _four(dilations or 1)}


def depthwise_conv2d_native(input, filter, strides, padding, data_format="NHWC",  # noqa: A002
                            dilations=(1, 1, 1, 1), name=None) -> Tensor:
    """Depthwise 2-D convolution: channel c convolved with ``filter[..., c, :]``."""
    return apply_op("DepthwiseConv2dNative", [input, filter], name=name,
                    attrs=_conv_attrs(strides, padding, data_format, dilations))


def depthwise_conv2d_native_backprop_input(input_sizes, filter, out_backprop,  # noqa: A002
                                           strides, padding, data_format="NHWC",
                                           dilations=(1, 1, 1, 1), name=None) -> Tensor:
    """The gradient of depthwise_conv2d_native w.r.t. its input."""
    return apply_op("DepthwiseConv2dNativeBackpropInput", [input_sizes, filter, out_backprop],
                    name=name, attrs=_conv_attrs(strides, padding, data_format, dilations))


def depthwise_conv2d_native_backprop_filter(input, filter_sizes, out_backprop,  # noqa: A002
                                            strides, padding, data_format="NHWC",
                                            dilations=(1, 1, 1, 1), name=None) -> Tensor:
    """The gradient of depthwise_conv2d_native w.r.t. its filter."""
    return apply_op("DepthwiseConv2dNativeBackpropFilter", [input, filter_sizes, out_backprop],
                    name=name, attrs=_conv_attrs(strides, padding, data_format, dilations))


def _rates(rate, dilations) -> list[int]:
    rate = dilations if rate is None else rate
    if rate is None:
        return [1, 1]
    if isinstance(rate, int):
        return [rate, rate]
    return [int(r) for r in rate]


def _with_space_to_batch_consts(filter, rates) -> None:  # noqa: A002
    """The ``Shape`` (of the filter) and ``dilation_rate`` constants TF's with_space_to_batch
    adds to every depthwise/separable convolution, dilated or not (they keep op names and
    counts equal to TF's)."""
    array_ops.shape(filter)
    convert_to_tensor(np.asarray(rates, np.int32), name="dilation_rate")


def depthwise_conv2d(input, filter, strides, padding, rate=None, name=None,  # noqa: A002
                     data_format=None, dilations=None) -> Tensor:
    """Depthwise convolution; ``rate`` dilates it through space-to-batch, as TF does."""
    rates = _rates(rate, dilations)
    with ops.name_scope(name, "depthwise", [input, filter]) as scope:
        value = convert_to_tensor(input, name="input")
        filter = convert_to_tensor(filter, name="filter")  # noqa: A001
        _with_space_to_batch_consts(filter, rates)
        if any(r > 1 for r in rates):
            return with_space_to_batch_dilated(
                lambda blocks, s: depthwise_conv2d_native(blocks, filter, strides, "VALID",
                                                          name=s),
                value, filter.shape.as_tuple()[:2], rates, padding, scope)
        return depthwise_conv2d_native(value, filter, strides, padding, data_format or "NHWC",
                                       name=scope)


def separable_conv2d(input, depthwise_filter, pointwise_filter, strides, padding,  # noqa: A002
                     rate=None, name=None, data_format=None, dilations=None) -> Tensor:
    """A depthwise convolution followed by a 1x1 (pointwise) convolution."""
    rates = _rates(rate, dilations)
    with ops.name_scope(name, "separable_conv2d",
                        [input, depthwise_filter, pointwise_filter]) as scope:
        value = convert_to_tensor(input, name="input")
        depthwise_filter = convert_to_tensor(depthwise_filter, name="depthwise_filter")
        pointwise_filter = convert_to_tensor(pointwise_filter, name="pointwise_filter")
        _with_space_to_batch_consts(depthwise_filter, rates)
        if any(r > 1 for r in rates):
            depthwise = with_space_to_batch_dilated(
                lambda blocks, s: depthwise_conv2d_native(blocks, depthwise_filter, strides,
                                                          "VALID", name="depthwise"),
                value, depthwise_filter.shape.as_tuple()[:2], rates, padding, scope)
        else:
            depthwise = depthwise_conv2d_native(value, depthwise_filter, strides, padding,
                                                name="depthwise")
        return conv_ops.conv2d(depthwise, pointwise_filter, [1, 1, 1, 1], "VALID", name=scope)


# ---- MaxPoolWithArgmax -----------------------------------------------------------------------

def _argmax_pool_kernel(x, ksize, strides, padding, Targmax, include_batch_in_index):  # noqa: N803
    x = np.asarray(x)
    n, h, w, c = x.shape
    kh, kw = ksize[1], ksize[2]
    oh, top, bottom = _geometry(h, kh, strides[1], 1, padding)
    ow, left, right = _geometry(w, kw, strides[2], 1, padding)
    lowest = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    xp = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=lowest)
    best = np.full((n, oh, ow, c), lowest, dtype=x.dtype)
    where = np.zeros((n, oh, ow, c), np.int64)
    rows = np.arange(oh)[:, None] * strides[1] - top
    cols = np.arange(ow)[None, :] * strides[2] - left
    for i in range(kh):  # row-major window scan: the first maximum wins, as TF
        for j in range(kw):
            patch = xp[:, i:i + strides[1] * (oh - 1) + 1:strides[1],
                       j:j + strides[2] * (ow - 1) + 1:strides[2]]
            better = patch > best
            best = np.where(better, patch, best)
            flat = ((rows + i) * w + (cols + j))[None, :, :, None] * c + np.arange(c)
            where = np.where(better, flat, where)
    if include_batch_in_index:
        where = where + (np.arange(n) * h * w * c)[:, None, None, None]
    return best, where.astype(Targmax.as_numpy_dtype)


def _argmax_pool_shape(op):
    x = op.inputs[0]
    if x.shape.ndims is None:
        shape = unknown_shape(4)
    else:
        n, h, w, c = x.shape.as_tuple()
        k, s, p = op._attrs["ksize"], op._attrs["strides"], op._attrs["padding"]
        oh = None if h is None else _geometry(h, k[1], s[1], 1, p)[0]
        ow = None if w is None else _geometry(w, k[2], s[2], 1, p)[0]
        shape = TensorShape._from_tuple((n, oh, ow, c))
    return [(x.dtype.base_dtype, shape), (op._attrs["Targmax"], shape)]


def _argmax_pool_grad(op, grad, _argmax_grad):
    """Scatters each output gradient onto the input element its argmax names."""
    x, argmax = op.inputs[0], op.outputs[1]
    index = math_ops.cast(argmax, dtypes.int64)
    if not op._attrs["include_batch_in_index"]:
        shape = array_ops.shape(x, out_type=dtypes.int64)
        per_image = shape[1] * shape[2] * shape[3]
        batch = math_ops.range(array_ops.zeros([], dtypes.int64), shape[0],
                               array_ops.ones([], dtypes.int64)) * per_image
        index = index + array_ops.reshape(batch, [-1, 1, 1, 1])
    total = array_ops.size(x, out_type=dtypes.int64)
    flat = slicing_ops.unsorted_segment_sum(array_ops.reshape(grad, [-1]),
                                            array_ops.reshape(index, [-1]), total)
    return array_ops.reshape(flat, array_ops.shape(x))


register_op("MaxPoolWithArgmax", inputs=("input: T",), kernel=_argmax_pool_kernel,
            kernel_attrs=("ksize", "strides", "padding", "Targmax", "include_batch_in_index"),
            shape_fn=_argmax_pool_shape,
            attr_defaults={"Targmax": dtypes.int64, "include_batch_in_index": False},
            grad=_argmax_pool_grad)


def max_pool_with_argmax(input, ksize, strides, padding, data_format="NHWC",  # noqa: A002
                         Targmax=None, name=None, output_dtype=None,  # noqa: N803
                         include_batch_in_index=False):
    """Max pooling and the flat index of each maximum: ``(output, argmax)``."""
    if data_format != "NHWC":
        raise ValueError("Data formats other than 'NHWC' are not yet supported")
    targmax = Targmax if Targmax is not None else (output_dtype or dtypes.int64)
    return tuple(apply_op("MaxPoolWithArgmax", [input], name=name,
                          attrs={"ksize": _four(ksize), "strides": _four(strides),
                                 "padding": padding, "Targmax": dtypes.as_dtype(targmax),
                                 "include_batch_in_index": bool(include_batch_in_index)}))

