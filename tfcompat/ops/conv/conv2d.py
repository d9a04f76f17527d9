"""Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter, one section each: kernel (NHWC; NCHW is
rejected at run time like TF's CPU kernels, while shape inference handles both), shape function,
gradient (built from these ops, so second order works), registration and public wrapper."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors, ops, run_memo, tensor_util
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.array.core import shape_n
from tfcompat.ops.blas_threads import run_product
from tfcompat.ops.conv.window import (
    _CONV_ATTRS,
    CONV_FORMATS,
    CONV_PADDINGS,
    CONV_TYPES,
    TF_FLOATS,
    _attr_list,
    _Axis,
    _channel_index,
    _check_explicit,
    _check_rank4,
    _check_string_attr,
    _check_window_attrs,
    _col2im,
    _compute_dtype,
    _copy_attrs,
    _dims,
    _get_sequence,
    _im2col,
    _layout,
    _pad,
    _require_string,
    _spatial_axes,
    _spatial_geometry,
    _static_output_size,
    _window_matrix,
    convert_padding,
)

# ---- checks and attrs shared by the three convolution ops ----------------------------------------

def _check_conv_layout(op_name: str, data_format: str, strides, dilations) -> None:
    if data_format != "NHWC":
        raise errors.UnimplementedError(
            None, None, f"The {op_name} op currently only supports the NHWC tensor format on the "
            f"CPU. The op was given the format: {data_format}")
    if strides[0] != 1 or strides[3] != 1:
        raise errors.UnimplementedError(None, None, "Current implementation does not yet support "
                                        "strides in the batch and depth dimensions.")
    if dilations[0] != 1 or dilations[3] != 1:
        raise errors.UnimplementedError(None, None, "Current implementation does not yet support "
                                        "dilations in the batch and depth dimensions.")


def _check_backprop_layout(op_name: str, data_format: str, strides, dilations) -> None:
    _check_conv_layout(op_name, data_format, strides, dilations)
    if dilations[1] != 1 or dilations[2] != 1:
        raise errors.InvalidArgumentError(None, None, "Current CPU implementations do not yet "
                                          "support dilation rates larger than 1.")


def _groups(in_depth: int, filter_in_depth: int, out_depth: int) -> int:
    if filter_in_depth == 0 or in_depth % filter_in_depth:
        raise errors.InvalidArgumentError(
            None, None, f"input depth must be evenly divisible by filter depth: {in_depth} vs "
            f"{filter_in_depth}")
    groups = in_depth // filter_in_depth
    if out_depth % groups:
        raise errors.InvalidArgumentError(
            None, None, f"output depth must be evenly divisible by number of groups: "
            f"{out_depth} vs {groups}")
    return groups


def _input_patches(x: np.ndarray, kh: int, kw: int, cin_g: int, cout: int, strides, dilations,
                   padding, explicit_paddings, *, share: bool):
    """The padded input's (kh, kw) windows as an im2col matrix [N*OH*OW, KH*KW*C], with the
    group count, geometry and compute dtype shared by Conv2D and its filter gradient.

    Within one run the matrix Conv2D built from ``x`` is handed to the Conv2DBackpropFilter of
    the same ``x`` (``share`` True: Conv2D leaves it, the filter gradient takes it)."""
    groups = _groups(x.shape[3], cin_g, cout)
    rows, cols = _spatial_geometry(x.shape, (kh, kw), strides, dilations, padding,
                                   explicit_paddings)
    work = _compute_dtype(x.dtype)
    geometry = (kh, kw, rows, cols)
    patches = run_memo.lookup("im2col", x, geometry, pop=not share)
    if patches is None:
        patches = _im2col(_pad(x.astype(work, copy=False), rows, cols), rows, cols)
        if share:
            run_memo.store("im2col", x, geometry, patches)
    return patches, groups, rows, cols, work


def _check_backprop_axis(op_label: str, dim: int, axis: _Axis, actual: int) -> None:
    if axis.out != actual:
        raise errors.InvalidArgumentError(
            None, None, f"{op_label}: Size of out_backprop doesn't match computed: actual = "
            f"{actual}, computed = {axis.out} spatial_dim: {dim} input: {axis.size} filter: "
            f"{axis.window} output: {actual} stride: {axis.stride} dilation: {axis.dilation}")


_CONV_DEFAULTS = {"use_cudnn_on_gpu": True, "explicit_paddings": [], "dilations": [1, 1, 1, 1],
                  "data_format": "NHWC"}
_CONV_KERNEL_ATTRS = ("strides", "padding", "explicit_paddings", "dilations", "data_format")


def _conv_attrs(strides, padding, explicit_paddings, use_cudnn_on_gpu, data_format,
                dilations) -> dict:
    return {"use_cudnn_on_gpu": bool(use_cudnn_on_gpu), "strides": list(strides),
            "padding": padding, "explicit_paddings": list(explicit_paddings),
            "dilations": list(dilations), "data_format": data_format}


def _apply_conv(op_type: str, inputs: list, name, attrs: dict) -> Tensor:
    """Adds a convolution op; like TF's op-def library, a bad string attr is reported from
    inside the op's name scope, so the op's name is used up even though no op is made."""
    _require_string("padding", attrs["padding"])
    _require_string("data_format", attrs["data_format"])
    with ops.name_scope(name, op_type, [t for t in inputs if isinstance(t, Tensor)]) as scope:
        _check_string_attr(op_type, "padding", attrs["padding"], CONV_PADDINGS)
        _check_string_attr(op_type, "data_format", attrs["data_format"], CONV_FORMATS)
        return apply_op(op_type, inputs, name=scope, attrs=attrs)


def _as_list_attr(value, arg: str, op_name: str) -> list[int]:
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"Expected list for '{arg}' argument to '{op_name}' Op, not {value}.")
    return [int(v) for v in value]


# ---- Conv2D --------------------------------------------------------------------------------------

def _conv2d_kernel(x, w, *, strides, padding, explicit_paddings, dilations, data_format):
    x, w = np.asarray(x), np.asarray(w)
    _check_rank4(x, "convolution input")
    _check_rank4(w, "convolution filter")
    _check_conv_layout("Conv2D", data_format, strides, dilations)
    kh, kw, cin_g, cout = w.shape
    patches, groups, rows, cols, work = _input_patches(x, kh, kw, cin_g, cout, strides,
                                                       dilations, padding, explicit_paddings,
                                                       share=True)
    w = w.astype(work, copy=False)
    n, oh, ow = x.shape[0], rows.out, cols.out
    if groups == 1:  # one GEMM: [N*OH*OW, KH*KW*C] @ [KH*KW*C, O]
        out = run_product(patches.shape[0], cout, kh * kw * cin_g, np.matmul, patches,
                          w.reshape(kh * kw * cin_g, cout))
    else:
        grouped = patches.reshape(n, oh, ow, kh, kw, groups, cin_g)
        out = np.einsum("nhwijgc,ijcgo->nhwgo", grouped,
                        w.reshape(kh, kw, cin_g, groups, cout // groups))
    return out.reshape(n, oh, ow, cout).astype(x.dtype, copy=False)


def _conv2d_shape(op):
    x, w = op.inputs
    x_dims, w_dims = _dims(x.shape), _dims(w.shape)
    strides, dilations = _attr_list(op, "strides"), _attr_list(op, "dilations")
    _check_window_attrs(strides, dilations)
    pairs = _check_explicit(op)
    data_format = op._attrs["data_format"]
    h_axis, w_axis = _spatial_axes(data_format)
    in_depth = x_dims[_channel_index(data_format)]
    filter_in, out_depth = w_dims[2], w_dims[3]
    if in_depth is not None and filter_in is not None:
        if filter_in == 0 or in_depth % filter_in:
            raise ShapeError(f"Depth of input ({in_depth}) is not a multiple of input depth of "
                             f"filter ({filter_in})")
        groups = in_depth // filter_in
        if out_depth is not None and out_depth % groups:
            raise ShapeError(f"Depth of output ({out_depth}) is not a multiple of the number of "
                             f"groups ({groups})")
    padding = op._attrs["padding"]
    rows = _static_output_size(x_dims[h_axis], w_dims[0], strides[h_axis], dilations[h_axis],
                               padding, pairs[h_axis])
    cols = _static_output_size(x_dims[w_axis], w_dims[1], strides[w_axis], dilations[w_axis],
                               padding, pairs[w_axis])
    return [(x.dtype.base_dtype, _layout(x_dims, data_format, out_depth, rows, cols))]


def _conv2d_grad(op, grad):
    attrs = _copy_attrs(op, _CONV_ATTRS)
    input_shape, filter_shape = shape_n([op.inputs[0], op.inputs[1]])
    return (apply_op("Conv2DBackpropInput", [input_shape, op.inputs[1], grad], attrs=attrs),
            apply_op("Conv2DBackpropFilter", [op.inputs[0], filter_shape, grad], attrs=attrs))


register_op("Conv2D", inputs=("input: T", "filter: T"), kernel=_conv2d_kernel,
            kernel_attrs=_CONV_KERNEL_ATTRS, shape_fn=_conv2d_shape, allowed={"T": CONV_TYPES},
            attr_defaults=_CONV_DEFAULTS,
            grad=_conv2d_grad)


def conv2d(input, filter=None, strides=None, padding=None, use_cudnn_on_gpu=True,  # noqa: A002
           data_format="NHWC", dilations=(1, 1, 1, 1), name=None, filters=None) -> Tensor:
    """Computes a 2-D convolution of a 4-D ``input`` with a 4-D ``filter`` (``tf.nn.conv2d``).

    ``filter`` is ``[filter_height, filter_width, in_channels, out_channels]``; ``strides`` and
    ``dilations`` are an int, 2 or 4 ints; ``padding`` is "SAME", "VALID" or a list of
    [before, after] pairs per dimension.
    """
    filter = deprecated_argument_lookup("filters", filters, "filter", filter)  # noqa: A001
    padding, explicit = convert_padding(padding)
    if data_format is None:
        data_format = "NHWC"
    channel = _channel_index(data_format)
    strides = _get_sequence(strides, 2, channel, "strides")
    dilations = _get_sequence(dilations, 2, channel, "dilations")
    return _apply_conv("Conv2D", [input, filter], name, _conv_attrs(
        strides, padding, explicit, use_cudnn_on_gpu, data_format, dilations))


# ---- Conv2DBackpropInput -------------------------------------------------------------------------

def _input_sizes(input_sizes, out_backprop: np.ndarray, filter_in_depth: int) -> list[int]:
    sizes = [int(s) for s in np.asarray(input_sizes).reshape(-1)]
    if len(sizes) == 2:
        return [out_backprop.shape[0], sizes[0], sizes[1], filter_in_depth]
    if len(sizes) != 4:
        raise errors.InvalidArgumentError(
            None, None, f"Conv2DBackpropInput: input_sizes input must be 1-dim, not "
            f"{len(sizes)}")
    return sizes


def _conv2d_backprop_input_kernel(input_sizes, w, dy, *, strides, padding, explicit_paddings,
                                  dilations, data_format):
    w, dy = np.asarray(w), np.asarray(dy)
    _check_rank4(w, "filter")
    _check_rank4(dy, "out_backprop")
    _check_backprop_layout("Conv2DBackpropInput", data_format, strides, dilations)
    x_shape = _input_sizes(input_sizes, dy, w.shape[2])
    kh, kw, cin_g, cout = w.shape
    groups = _groups(x_shape[3], cin_g, cout)
    rows, cols = _spatial_geometry(x_shape, (kh, kw), strides, dilations, padding,
                                   explicit_paddings)
    _check_backprop_axis("Conv2DCustomBackpropInput", 1, rows, dy.shape[1])
    _check_backprop_axis("Conv2DCustomBackpropInput", 2, cols, dy.shape[2])
    work = _compute_dtype(dy.dtype)
    dy_w, w_w = dy.astype(work, copy=False), w.astype(work, copy=False)
    n, oh, ow = dy.shape[:3]
    if groups == 1:  # one GEMM to window values, then col2im
        columns = _window_matrix(dy_w.reshape(n * oh * ow, cout),
                                 w_w.reshape(kh * kw * cin_g, cout).T, cin_g)
    else:
        columns = np.einsum("nhwgo,ijcgo->nhwijgc", dy_w.reshape(n, oh, ow, groups, cout // groups),
                            w_w.reshape(kh, kw, cin_g, groups, cout // groups))
    dx = _col2im(columns, x_shape, rows, cols)
    return np.ascontiguousarray(dx, dtype=dy.dtype)


def _conv2d_backprop_input_shape(op):
    sizes, w, dy = op.inputs
    _dims(w.shape)
    dy_dims = _dims(dy.shape)
    _check_window_attrs(_attr_list(op, "strides"), _attr_list(op, "dilations"))
    _check_explicit(op)
    data_format = op._attrs["data_format"]
    channel = _channel_index(data_format)
    out_depth, dy_depth = w.shape.as_tuple()[3] if w.shape.ndims else None, dy_dims[channel]
    if out_depth is not None and dy_depth is not None and out_depth != dy_depth:
        raise ShapeError(f"Dimensions must be equal, but are {dy_depth} and {out_depth}")
    count = sizes.shape.as_tuple()[0] if sizes.shape.ndims == 1 else None
    if count is not None and count not in (2, 4):
        raise ShapeError(f"Conv2DBackpropInput requires input_sizes to contain 4 values or 2 "
                         f"values, but got: {count}")
    known = tensor_util.constant_value_as_shape(sizes)
    if known.ndims == 2:
        filter_in = w.shape.as_tuple()[2] if w.shape.ndims else None
        rows, cols = known.as_tuple()
        return [(dy.dtype.base_dtype, _layout(dy_dims, data_format, filter_in, rows, cols))]
    values = list(known.as_tuple()) if known.ndims == 4 else [None] * 4
    h_axis, w_axis = _spatial_axes(data_format)
    shape = _layout(dy_dims, data_format, values[channel], values[h_axis], values[w_axis])
    return [(dy.dtype.base_dtype, shape)]


def _conv2d_backprop_input_grad(op, grad):
    attrs = _copy_attrs(op, _CONV_ATTRS)
    w, dy = op.inputs[1], op.inputs[2]
    return (None,
            apply_op("Conv2DBackpropFilter", [grad, array_ops.shape(w), dy], attrs=attrs),
            apply_op("Conv2D", [grad, w], attrs=attrs))


register_op("Conv2DBackpropInput", inputs=("input_sizes: int32", "filter: T", "out_backprop: T"),
            kernel=_conv2d_backprop_input_kernel, kernel_attrs=_CONV_KERNEL_ATTRS,
            shape_fn=_conv2d_backprop_input_shape, allowed={"T": CONV_TYPES},
            attr_defaults=_CONV_DEFAULTS,
            grad=_conv2d_backprop_input_grad)


def conv2d_backprop_input(input_sizes, filter=None, out_backprop=None, strides=None,  # noqa: A002
                          padding=None, use_cudnn_on_gpu=True, data_format="NHWC",
                          dilations=(1, 1, 1, 1), name=None, filters=None) -> Tensor:
    """The gradient of conv2d with respect to its input (``tf.nn.conv2d_backprop_input``)."""
    filter = deprecated_argument_lookup("filters", filters, "filter", filter)  # noqa: A001
    padding, explicit = convert_padding(padding)
    strides = _as_list_attr(strides, "strides", "conv2d_backprop_input")
    dilations = _as_list_attr(dilations, "dilations", "conv2d_backprop_input")
    return _apply_conv("Conv2DBackpropInput", [input_sizes, filter, out_backprop], name,
                       _conv_attrs(strides, padding, explicit, use_cudnn_on_gpu, data_format,
                                   dilations))


def conv2d_transpose(value=None, filter=None, output_shape=None, strides=None,  # noqa: A002
                     padding="SAME", data_format="NHWC", name=None, input=None,  # noqa: A002
                     filters=None, dilations=None) -> Tensor:
    """The transpose of conv2d: a Conv2DBackpropInput producing ``output_shape``
    (``tf.nn.conv2d_transpose``); ``filter`` is ``[height, width, output_channels,
    in_channels]``."""
    value = deprecated_argument_lookup("input", input, "value", value)
    filter = deprecated_argument_lookup("filters", filters, "filter", filter)  # noqa: A001
    with ops.name_scope(name, "conv2d_transpose", [value, filter, output_shape]) as scope:
        if data_format is None:
            data_format = "NHWC"
        channel = _channel_index(data_format)
        strides = _get_sequence(strides, 2, channel, "strides")
        dilations = _get_sequence(dilations, 2, channel, "dilations")
        return conv2d_backprop_input(output_shape, filter, value, strides, padding,
                                     data_format=data_format, dilations=dilations, name=scope)


# ---- Conv2DBackpropFilter ------------------------------------------------------------------------

def _conv2d_backprop_filter_kernel(x, filter_sizes, dy, *, strides, padding, explicit_paddings,
                                   dilations, data_format):
    x, dy = np.asarray(x), np.asarray(dy)
    _check_rank4(x, "input")
    _check_rank4(dy, "out_backprop")
    _check_backprop_layout("Conv2DBackpropFilter", data_format, strides, dilations)
    kh, kw, cin_g, cout = (int(s) for s in np.asarray(filter_sizes).reshape(-1))
    patches, groups, rows, cols, work = _input_patches(x, kh, kw, cin_g, cout, strides,
                                                       dilations, padding, explicit_paddings,
                                                       share=False)
    _check_backprop_axis("Conv2DCustomBackpropFilter", 1, rows, dy.shape[1])
    _check_backprop_axis("Conv2DCustomBackpropFilter", 2, cols, dy.shape[2])
    dy_w = dy.astype(work, copy=False)
    n, oh, ow = dy.shape[:3]
    if groups == 1:  # one GEMM: patches^T @ dy
        dw = run_product(patches.shape[1], cout, n * oh * ow, np.matmul, patches.T,
                         dy_w.reshape(n * oh * ow, cout))
    else:
        grouped = patches.reshape(n, oh, ow, kh, kw, groups, cin_g)
        dw = np.einsum("nhwijgc,nhwgo->ijcgo", grouped,
                       dy_w.reshape(n, oh, ow, groups, cout // groups))
    return dw.reshape(kh, kw, cin_g, cout).astype(x.dtype, copy=False)


def _conv2d_backprop_filter_shape(op):
    x, sizes, dy = op.inputs
    _dims(x.shape)
    _dims(dy.shape)
    _check_window_attrs(_attr_list(op, "strides"), _attr_list(op, "dilations"))
    _check_explicit(op)
    known = tensor_util.constant_value_as_shape(sizes)
    shape = known.with_rank(4) if known.ndims is not None else unknown_shape(4)
    return [(x.dtype.base_dtype, shape)]


def _conv2d_backprop_filter_grad(op, grad):
    attrs = _copy_attrs(op, _CONV_ATTRS)
    x, dy = op.inputs[0], op.inputs[2]
    return (apply_op("Conv2DBackpropInput", [array_ops.shape(x), grad, dy], attrs=attrs),
            None,
            apply_op("Conv2D", [x, grad], attrs=attrs))


register_op("Conv2DBackpropFilter", inputs=("input: T", "filter_sizes: int32", "out_backprop: T"),
            kernel=_conv2d_backprop_filter_kernel, kernel_attrs=_CONV_KERNEL_ATTRS,
            shape_fn=_conv2d_backprop_filter_shape, allowed={"T": TF_FLOATS},
            attr_defaults=_CONV_DEFAULTS,
            grad=_conv2d_backprop_filter_grad)


def conv2d_backprop_filter(input, filter_sizes, out_backprop, strides, padding,  # noqa: A002
                           use_cudnn_on_gpu=True, data_format="NHWC", dilations=(1, 1, 1, 1),
                           name=None) -> Tensor:
    """The gradient of conv2d with respect to its filter (``tf.nn.conv2d_backprop_filter``)."""
    padding, explicit = convert_padding(padding)
    strides = _as_list_attr(strides, "strides", "conv2d_backprop_filter")
    dilations = _as_list_attr(dilations, "dilations", "conv2d_backprop_filter")
    return _apply_conv("Conv2DBackpropFilter", [input, filter_sizes, out_backprop], name,
                       _conv_attrs(strides, padding, explicit, use_cudnn_on_gpu, data_format,
                                   dilations))
