"""Convolution and pooling ops (``tf.nn.conv2d``, ``max_pool``, ``avg_pool``), TF CPU semantics.

Op types: Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter, MaxPool, MaxPoolGrad,
MaxPoolGradGrad, AvgPool, AvgPoolGrad, and ShapeN (which the Conv2D gradient uses, as TF's does).
Kernels work on NHWC arrays; like TF's CPU kernels they reject NCHW at run time, while shape
inference handles both layouts. Every gradient is built from these ops, so second order works.

Window geometry follows TF exactly: "VALID" keeps only whole windows, "SAME" gives
``ceil(in / stride)`` outputs and pads ``pad_before = total // 2`` (the extra row or column goes
after), and "EXPLICIT" takes the paddings given. Kernels are vectorised over pixels: a strided
window view (``as_strided``) feeds one tensordot (im2col); scatter-adds loop over the few kernel
taps only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import RegisterGradient, no_gradient, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.op_helpers import INDEX_TYPES

# In TF's order, which its dtype error messages list.
TF_FLOATS = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64)
CONV_TYPES = TF_FLOATS + (dtypes.int32,)
MAX_POOL_TYPES = TF_FLOATS + (dtypes.int32, dtypes.int64, dtypes.uint8, dtypes.int16, dtypes.int8,
                           dtypes.uint16, dtypes.qint8)
CONV_PADDINGS = ("SAME", "VALID", "EXPLICIT")
POOL_PADDINGS = ("SAME", "VALID")
CONV_FORMATS = ("NHWC", "NCHW")
MAX_POOL_FORMATS = ("NHWC", "NCHW", "NCHW_VECT_C")

# Attribute order of TF's NodeDefs (what ``str(op)`` prints), and the attrs each gradient copies.
_CONV_ATTRS = ("use_cudnn_on_gpu", "strides", "padding", "explicit_paddings", "dilations",
               "data_format")
_MAX_POOL_ATTRS = ("strides", "padding", "ksize", "explicit_paddings", "data_format")
_POOL_ATTRS = ("strides", "padding", "ksize", "data_format")


def _copy_attrs(op, names: Sequence[str]) -> dict:
    return {name: op._attrs[name] for name in names}


# ---- argument normalisation (TF's python-side checks) ------------------------------------------

def _get_sequence(value, n: int, channel_index: int, arg_name: str) -> list[int]:
    """Expands an int or n-list (strides, ksize, dilations) to the full rank-(n+2) list."""
    if value is None:
        return [1] * (n + 2)
    if isinstance(value, int):
        value = [value]
    elif not isinstance(value, (list, tuple)):
        raise TypeError(f"{arg_name} should be an int or a list of ints")
    value = [int(v) for v in value]
    if len(value) == n + 2:
        return value
    if len(value) == 1:
        value = value * n
    elif len(value) != n:
        raise ValueError(f"{arg_name} should be of length 1, {n} or {n + 2}. Received: "
                         f"{arg_name}={value} of length {len(value)}")
    if channel_index == 1:
        return [1, 1] + value
    return [1] + value + [1]


def convert_padding(padding, expected_length: int = 4) -> tuple[object, list[int]]:
    """``"SAME"``/``"VALID"`` pass through; a list of [before, after] pairs becomes EXPLICIT."""
    if padding == "EXPLICIT":
        raise ValueError("'EXPLICIT' is not a valid value for `padding`. To use explicit "
                         "padding, `padding` must be a list.")
    if not isinstance(padding, (list, tuple)):
        return padding, []
    explicit: list[int] = []
    for i, pair in enumerate(padding):
        if not isinstance(pair, (list, tuple)):
            raise ValueError(f"When `padding` is a list, each element of `padding` must be a "
                             f"list/tuple of size 2. Received: padding={padding} with element "
                             f"at index {i} of type {type(pair)}")
        if len(pair) != 2:
            raise ValueError(f"When `padding` is a list, each element of `padding` must be a "
                             f"list/tuple of size 2. Received: padding={padding} with element "
                             f"at index {i} of size {len(pair)}")
        explicit.extend(int(p) for p in pair)
    if len(padding) != expected_length:
        raise ValueError(f"When padding is a list, it must be of size {expected_length}. "
                         f"Received: padding={padding} of size {len(padding)}")
    return "EXPLICIT", explicit


def _require_string(attr: str, value) -> None:
    """TF's generated wrappers reject None before the op (and its name) exists."""
    if value is None:
        raise TypeError(f"Expected string for argument '{attr}' not None.")


def _check_string_attr(op_type: str, attr: str, value, allowed: Sequence[str]) -> None:
    if value not in allowed:
        choices = ", ".join(f'"{a}"' for a in allowed)
        raise ValueError(f"Attr '{attr}' of '{op_type}' Op passed string '{value}' not in: "
                         f"{choices}.")


def _channel_index(data_format: str) -> int:
    return 1 if data_format.startswith("NC") else 3


def _spatial_axes(data_format: str) -> tuple[int, int]:
    return (2, 3) if data_format.startswith("NC") else (1, 2)


# ---- window geometry -------------------------------------------------------------------------

def _static_output_size(in_size, window, stride: int, dilation: int, padding: str,
                        pads: tuple[int, int]):
    """Output length of one spatial dim at graph time (None when unknown), as TF infers it."""
    if padding == "SAME":
        return None if in_size is None else (in_size + stride - 1) // stride
    if in_size is None or window is None:
        return None
    effective = (window - 1) * dilation + 1
    padded = in_size + pads[0] + pads[1]
    if padded < effective:
        raise ShapeError(f"Negative dimension size caused by subtracting {effective} from "
                         f"{padded}")
    return (padded - effective) // stride + 1


def _div_toward_zero(a: int, b: int) -> int:
    """C++ integer division, which TF's kernels use for output sizes."""
    q = abs(a) // b
    return q if a >= 0 else -q


@dataclass(frozen=True)
class _Axis:
    """Geometry of one spatial dim at run time."""

    size: int
    window: int
    stride: int
    dilation: int
    out: int
    before: int
    after: int

    @property
    def effective(self) -> int:
        return (self.window - 1) * self.dilation + 1

    def tap(self, k: int) -> slice:
        """The padded-input positions that kernel tap ``k`` reads, one per output."""
        start = k * self.dilation
        return slice(start, start + (self.out - 1) * self.stride + 1, self.stride)


def _axis(size: int, window: int, stride: int, dilation: int, padding: str,
          pads: tuple[int, int]) -> _Axis:
    effective = (window - 1) * dilation + 1
    if padding == "SAME":
        out = (size + stride - 1) // stride
        needed = max(0, (out - 1) * stride + effective - size)
        before, after = needed // 2, needed - needed // 2
    else:
        before, after = pads if padding == "EXPLICIT" else (0, 0)
        out = _div_toward_zero(size + before + after - effective + stride, stride)
    if out < 0:
        raise errors.InvalidArgumentError(
            None, None, f"Computed output size would be negative: {out} [input_size: {size}, "
            f"effective_filter_size: {effective}, stride: {stride}]")
    return _Axis(size, window, stride, dilation, out, before, after)


def _explicit_pairs(explicit_paddings: Sequence[int]) -> list[tuple[int, int]]:
    if not explicit_paddings:
        return [(0, 0)] * 4
    return [(explicit_paddings[2 * i], explicit_paddings[2 * i + 1]) for i in range(4)]


def _spatial_geometry(x_shape, windows: tuple[int, int], strides, dilations, padding: str,
                      explicit_paddings) -> tuple[_Axis, _Axis]:
    pairs = _explicit_pairs(explicit_paddings)
    return (_axis(x_shape[1], windows[0], strides[1], dilations[1], padding, pairs[1]),
            _axis(x_shape[2], windows[1], strides[2], dilations[2], padding, pairs[2]))


def _pad(x: np.ndarray, rows: _Axis, cols: _Axis, value=0) -> np.ndarray:
    if not (rows.before or rows.after or cols.before or cols.after):
        return x
    return np.pad(x, ((0, 0), (rows.before, rows.after), (cols.before, cols.after), (0, 0)),
                  constant_values=value)


def _windows(xp: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """A read-only [N, OH, OW, KH, KW, C] view of the windows of padded NHWC ``xp``."""
    n, _, _, c = xp.shape
    s = xp.strides
    return np.lib.stride_tricks.as_strided(
        xp, (n, rows.out, cols.out, rows.window, cols.window, c),
        (s[0], s[1] * rows.stride, s[2] * cols.stride, s[1] * rows.dilation,
         s[2] * cols.dilation, s[3]), writeable=False)


def _compute_dtype(dtype: np.dtype) -> np.dtype:
    """Half-precision kernels accumulate in float32, as TF's CPU kernels do."""
    return np.dtype(np.float32) if dtype.kind == "f" and dtype.itemsize < 4 else dtype


# ---- run-time checks shared by the convolution kernels -----------------------------------------

def _check_rank4(array: np.ndarray, what: str) -> None:
    if array.ndim != 4:
        dims = ",".join(str(d) for d in array.shape)
        raise errors.InvalidArgumentError(None, None, f"{what} must be 4-dimensional: [{dims}]")


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
                   padding, explicit_paddings):
    """The padded input's (kh, kw) windows, with the group count, geometry and compute dtype
    shared by Conv2D and its filter gradient."""
    groups = _groups(x.shape[3], cin_g, cout)
    rows, cols = _spatial_geometry(x.shape, (kh, kw), strides, dilations, padding,
                                   explicit_paddings)
    work = _compute_dtype(x.dtype)
    patches = _windows(_pad(x.astype(work, copy=False), rows, cols), rows, cols)
    return patches, groups, rows, cols, work


def _check_backprop_axis(op_label: str, dim: int, axis: _Axis, actual: int) -> None:
    if axis.out != actual:
        raise errors.InvalidArgumentError(
            None, None, f"{op_label}: Size of out_backprop doesn't match computed: actual = "
            f"{actual}, computed = {axis.out} spatial_dim: {dim} input: {axis.size} filter: "
            f"{axis.window} output: {actual} stride: {axis.stride} dilation: {axis.dilation}")


# ---- convolution kernels ---------------------------------------------------------------------

def _conv2d_kernel(x, w, *, strides, padding, explicit_paddings, dilations, data_format):
    x, w = np.asarray(x), np.asarray(w)
    _check_rank4(x, "convolution input")
    _check_rank4(w, "convolution filter")
    _check_conv_layout("Conv2D", data_format, strides, dilations)
    kh, kw, cin_g, cout = w.shape
    patches, groups, _, _, work = _input_patches(x, kh, kw, cin_g, cout, strides, dilations,
                                                 padding, explicit_paddings)
    w = w.astype(work, copy=False)
    if groups == 1:
        out = np.tensordot(patches, w, axes=([3, 4, 5], [0, 1, 2]))
    else:
        n, oh, ow = patches.shape[:3]
        grouped = patches.reshape(n, oh, ow, kh, kw, groups, cin_g)
        out = np.einsum("nhwijgc,ijcgo->nhwgo", grouped,
                        w.reshape(kh, kw, cin_g, groups, cout // groups)).reshape(n, oh, ow, cout)
    return np.ascontiguousarray(out, dtype=x.dtype)


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
    if groups == 1:
        taps = np.tensordot(dy_w, w_w, axes=([3], [3]))  # [N, OH, OW, KH, KW, C]
    else:
        n, oh, ow = dy.shape[:3]
        taps = np.einsum("nhwgo,ijcgo->nhwijgc", dy_w.reshape(n, oh, ow, groups, cout // groups),
                         w_w.reshape(kh, kw, cin_g, groups, cout // groups))
        taps = taps.reshape(n, oh, ow, kh, kw, x_shape[3])
    dxp = np.zeros((x_shape[0], rows.size + rows.before + rows.after,
                    cols.size + cols.before + cols.after, x_shape[3]), work)
    for i in range(kh):
        for j in range(kw):
            dxp[:, rows.tap(i), cols.tap(j), :] += taps[:, :, :, i, j, :]
    dx = dxp[:, rows.before:rows.before + rows.size, cols.before:cols.before + cols.size, :]
    return np.ascontiguousarray(dx, dtype=dy.dtype)


def _conv2d_backprop_filter_kernel(x, filter_sizes, dy, *, strides, padding, explicit_paddings,
                                   dilations, data_format):
    x, dy = np.asarray(x), np.asarray(dy)
    _check_rank4(x, "input")
    _check_rank4(dy, "out_backprop")
    _check_backprop_layout("Conv2DBackpropFilter", data_format, strides, dilations)
    kh, kw, cin_g, cout = (int(s) for s in np.asarray(filter_sizes).reshape(-1))
    patches, groups, rows, cols, work = _input_patches(x, kh, kw, cin_g, cout, strides,
                                                       dilations, padding, explicit_paddings)
    _check_backprop_axis("Conv2DCustomBackpropFilter", 1, rows, dy.shape[1])
    _check_backprop_axis("Conv2DCustomBackpropFilter", 2, cols, dy.shape[2])
    dy_w = dy.astype(work, copy=False)
    if groups == 1:
        dw = np.tensordot(patches, dy_w, axes=([0, 1, 2], [0, 1, 2]))
    else:
        n, oh, ow = dy.shape[:3]
        grouped = patches.reshape(n, oh, ow, kh, kw, groups, cin_g)
        dw = np.einsum("nhwijgc,nhwgo->ijcgo", grouped,
                       dy_w.reshape(n, oh, ow, groups, cout // groups))
        dw = dw.reshape(kh, kw, cin_g, cout)
    return np.ascontiguousarray(dw, dtype=x.dtype)


# ---- convolution shape functions ---------------------------------------------------------------

def _attr_list(op, name: str) -> list[int]:
    value = op._attrs[name]
    if len(value) != 4:
        raise ShapeError(f"{op.type} requires the {name} attribute to contain 4 values, but got: "
                         f"{len(value)}")
    return list(value)


def _check_window_attrs(strides, dilations=()) -> None:
    for s in strides:
        if s <= 0:
            raise ShapeError(f"Stride must be > 0, but got {s}")
    for d in dilations:
        if d < 1:
            raise ShapeError(f"Dilation rate must be >= 1, but got {d}")


def _check_explicit(op) -> list[tuple[int, int]]:
    """The explicit (before, after) pads of each dim, checked as TF's shape functions do."""
    if op._attrs["padding"] != "EXPLICIT":
        return [(0, 0)] * 4
    paddings = list(op._attrs.get("explicit_paddings", []))
    if len(paddings) != 8:
        raise ShapeError(f"explicit_paddings attribute must contain 8 values, but got: "
                         f"{len(paddings)}")
    if any(p < 0 for p in paddings):
        raise ShapeError("All elements of explicit_paddings must be nonnegative")
    pairs = _explicit_pairs(paddings)
    channel = _channel_index(op._attrs["data_format"])
    if any(pairs[0]) or any(pairs[channel]):
        raise ShapeError("Nonzero explicit padding in the batch or depth dimensions is not "
                         "supported")
    return pairs


def _dims(shape: TensorShape, rank: int = 4) -> list:
    if shape.ndims is None:
        return [None] * rank
    if shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")
    return list(shape.as_tuple())


def _layout(dims: list, data_format: str, channel_value, rows, cols) -> TensorShape:
    if data_format.startswith("NC"):
        return TensorShape([dims[0], channel_value, rows, cols])
    return TensorShape([dims[0], rows, cols, channel_value])


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


def _conv2d_backprop_filter_shape(op):
    x, sizes, dy = op.inputs
    _dims(x.shape)
    _dims(dy.shape)
    _check_window_attrs(_attr_list(op, "strides"), _attr_list(op, "dilations"))
    _check_explicit(op)
    known = tensor_util.constant_value_as_shape(sizes)
    shape = known.with_rank(4) if known.ndims is not None else unknown_shape(4)
    return [(x.dtype.base_dtype, shape)]


_CONV_DEFAULTS = {"use_cudnn_on_gpu": True, "explicit_paddings": [], "dilations": [1, 1, 1, 1],
                  "data_format": "NHWC"}
_CONV_KERNEL_ATTRS = ("strides", "padding", "explicit_paddings", "dilations", "data_format")

register_op("Conv2D", inputs=("input: T", "filter: T"), kernel=_conv2d_kernel,
            kernel_attrs=_CONV_KERNEL_ATTRS, shape_fn=_conv2d_shape, allowed={"T": CONV_TYPES},
            attr_defaults=_CONV_DEFAULTS)
register_op("Conv2DBackpropInput", inputs=("input_sizes: int32", "filter: T", "out_backprop: T"),
            kernel=_conv2d_backprop_input_kernel, kernel_attrs=_CONV_KERNEL_ATTRS,
            shape_fn=_conv2d_backprop_input_shape, allowed={"T": CONV_TYPES},
            attr_defaults=_CONV_DEFAULTS)
register_op("Conv2DBackpropFilter", inputs=("input: T", "filter_sizes: int32", "out_backprop: T"),
            kernel=_conv2d_backprop_filter_kernel, kernel_attrs=_CONV_KERNEL_ATTRS,
            shape_fn=_conv2d_backprop_filter_shape, allowed={"T": TF_FLOATS},
            attr_defaults=_CONV_DEFAULTS)


# ---- ShapeN ----------------------------------------------------------------------------------

def _shape_n_shape(op):
    out_type = op._attrs["out_type"]
    return [(out_type, TensorShape([t.shape.ndims])) for t in op.inputs]


def _shape_n_kernel(*arrays, out_type):
    return tuple(np.asarray(np.shape(a), out_type.as_numpy_dtype) for a in arrays)


register_op("ShapeN", inputs=("input: N*T",), kernel=_shape_n_kernel, kernel_attrs=("out_type",),
            shape_fn=_shape_n_shape, allowed={"out_type": INDEX_TYPES})
no_gradient("ShapeN")


def shape_n(input, out_type=dtypes.int32, name=None) -> list[Tensor]:  # noqa: A002 - TF's name
    """The shapes of several tensors, computed by one ShapeN op (``tf.shape_n``)."""
    if not isinstance(input, (list, tuple)):
        raise TypeError(f"Expected list for 'input' argument to 'ShapeN' Op, not {input}.")
    with ops.name_scope(name, "ShapeN", input) as scope:
        if not input:
            raise ValueError("List argument 'input' to 'ShapeN' Op with length 0 shorter than "
                             "minimum length 1.")
        op = ops.create_op_from_values("ShapeN", [list(input)], name=scope,
                                       attrs={"out_type": dtypes.as_dtype(out_type)})
        return op.outputs


# ---- convolution gradients -------------------------------------------------------------------

@RegisterGradient("Conv2D")
def _conv2d_grad(op, grad):
    attrs = _copy_attrs(op, _CONV_ATTRS)
    input_shape, filter_shape = shape_n([op.inputs[0], op.inputs[1]])
    return (apply_op("Conv2DBackpropInput", [input_shape, op.inputs[1], grad], attrs=attrs),
            apply_op("Conv2DBackpropFilter", [op.inputs[0], filter_shape, grad], attrs=attrs))


@RegisterGradient("Conv2DBackpropInput")
def _conv2d_backprop_input_grad(op, grad):
    attrs = _copy_attrs(op, _CONV_ATTRS)
    w, dy = op.inputs[1], op.inputs[2]
    return (None,
            apply_op("Conv2DBackpropFilter", [grad, array_ops.shape(w), dy], attrs=attrs),
            apply_op("Conv2D", [grad, w], attrs=attrs))


@RegisterGradient("Conv2DBackpropFilter")
def _conv2d_backprop_filter_grad(op, grad):
    attrs = _copy_attrs(op, _CONV_ATTRS)
    x, dy = op.inputs[0], op.inputs[2]
    return (apply_op("Conv2DBackpropInput", [array_ops.shape(x), grad, dy], attrs=attrs),
            None,
            apply_op("Conv2D", [x, grad], attrs=attrs))


# ---- pooling kernels -------------------------------------------------------------------------

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


def _lowest(dtype: np.dtype):
    return np.finfo(dtype).min if dtype.kind == "f" else np.iinfo(dtype).min


def _max_pool_input(x: np.ndarray) -> np.ndarray:
    """TF's max pooling starts from the lowest finite value: NaN and -inf never win."""
    if x.dtype.kind != "f":
        return x
    return np.fmax(x, _lowest(x.dtype))


def _depthwise_groups(x: np.ndarray, ksize, strides) -> np.ndarray:
    depth = ksize[3]
    if depth != strides[3]:
        raise errors.UnimplementedError(None, None, "Depthwise max pooling requires the depth "
                                        "window to equal the depth stride")
    if x.shape[3] % depth:
        raise errors.UnimplementedError(None, None, "Depthwise max pooling requires the depth "
                                        "window to evenly divide the input depth")
    return x.reshape(x.shape[:3] + (x.shape[3] // depth, depth))


def _max_pool_kernel(x, *, ksize, strides, padding, explicit_paddings, data_format):
    x = np.asarray(x)
    _check_pool_input(x, "Max", data_format, ksize, strides)
    if _check_depth_window(ksize):
        return _max_pool_input(_depthwise_groups(x, ksize, strides)).max(axis=-1)
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, explicit_paddings)
    padded = _pad(_max_pool_input(x), rows, cols, _lowest(x.dtype))
    return np.ascontiguousarray(_windows(padded, rows, cols).max(axis=(3, 4)))


def _window_argmax(x: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """For each output, the kernel tap (kh * KW + kw) whose input the gradient flows to.

    TF's gradient kernel takes the window's first (valid) value, then moves only to a strictly
    greater one, so ties go to the first in row-major order and a leading NaN keeps its place.
    """
    xp = _pad(x, rows, cols)
    valid = _pad(np.ones(x.shape[1:3], bool)[None, :, :, None], rows, cols)
    best = np.zeros((x.shape[0], rows.out, cols.out, x.shape[3]), x.dtype)
    index = np.full(best.shape, -1, np.int64)
    for i in range(rows.window):
        for j in range(cols.window):
            value = xp[:, rows.tap(i), cols.tap(j), :]
            take = valid[:, rows.tap(i), cols.tap(j), :] & ((index < 0) | (value > best))
            best = np.where(take, value, best)
            index = np.where(take, i * cols.window + j, index)
    return index


def _depthwise_argmax(groups: np.ndarray) -> np.ndarray:
    best = groups[..., 0]
    index = np.zeros(best.shape, np.int64)
    for k in range(1, groups.shape[-1]):
        take = groups[..., k] > best
        best = np.where(take, groups[..., k], best)
        index = np.where(take, k, index)
    return index


def _max_pool_grad_kernel(orig_input, orig_output, grad, *, ksize, strides, padding,
                          explicit_paddings, data_format):
    x, grad = np.asarray(orig_input), np.asarray(grad)
    _check_pool_input(x, "Max", data_format, ksize, strides)
    if _check_depth_window(ksize):
        groups = _depthwise_groups(x, ksize, strides)
        chosen = np.arange(ksize[3]) == _depthwise_argmax(groups)[..., None]
        return np.where(chosen, grad[..., None], 0).astype(grad.dtype).reshape(x.shape)
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, explicit_paddings)
    index = _window_argmax(x, rows, cols)
    dxp = np.zeros((x.shape[0], x.shape[1] + rows.before + rows.after,
                    x.shape[2] + cols.before + cols.after, x.shape[3]), grad.dtype)
    for i in range(rows.window):
        for j in range(cols.window):
            dxp[:, rows.tap(i), cols.tap(j), :] += np.where(index == i * cols.window + j,
                                                            grad, 0)
    return np.ascontiguousarray(dxp[:, rows.before:rows.before + rows.size,
                                    cols.before:cols.before + cols.size, :])


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
    sums = _windows(_pad(x.astype(work, copy=False), rows, cols), rows, cols).sum(axis=(3, 4))
    return (sums / _window_counts(rows, cols).astype(work)).astype(x.dtype)


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
    share = grad.astype(work) / _window_counts(rows, cols).astype(work)
    dxp = np.zeros((shape[0], shape[1] + rows.before + rows.after,
                    shape[2] + cols.before + cols.after, shape[3]), work)
    for i in range(rows.window):
        for j in range(cols.window):
            dxp[:, rows.tap(i), cols.tap(j), :] += share
    dx = dxp[:, rows.before:rows.before + rows.size, cols.before:cols.before + cols.size, :]
    return np.ascontiguousarray(dx, dtype=grad.dtype)


# ---- pooling shape functions -----------------------------------------------------------------

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


def _max_pool_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, _pool_output_shape(op, x.shape, pool_depth=True))]


def _avg_pool_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, _pool_output_shape(op, x.shape, pool_depth=False))]


def _max_pool_grad_shape(op):
    x, _, grad = op.inputs
    return [(grad.dtype.base_dtype, TensorShape(_dims(x.shape)))]


def _max_pool_grad_grad_shape(op):
    _, y, grad = op.inputs
    return [(grad.dtype.base_dtype, TensorShape(_dims(y.shape)))]


def _avg_pool_grad_shape(op):
    sizes, grad = op.inputs
    known = tensor_util.constant_value_as_shape(sizes)
    shape = known.with_rank(4) if known.ndims is not None else unknown_shape(4)
    return [(grad.dtype.base_dtype, shape)]


_MAX_POOL_KERNEL_ATTRS = ("ksize", "strides", "padding", "explicit_paddings", "data_format")
_POOL_KERNEL_ATTRS = ("ksize", "strides", "padding", "data_format")

register_op("MaxPool", inputs=("input: T",), kernel=_max_pool_kernel,
            kernel_attrs=_MAX_POOL_KERNEL_ATTRS, shape_fn=_max_pool_shape,
            allowed={"T": MAX_POOL_TYPES}, attr_defaults={"explicit_paddings": [],
                                                          "data_format": "NHWC"})
register_op("MaxPoolGrad", inputs=("orig_input: T", "orig_output: T", "grad: T"),
            kernel=_max_pool_grad_kernel, kernel_attrs=_MAX_POOL_KERNEL_ATTRS,
            shape_fn=_max_pool_grad_shape, allowed={"T": MAX_POOL_TYPES[:-1]},
            attr_defaults={"explicit_paddings": [], "data_format": "NHWC"})
register_op("MaxPoolGradGrad", inputs=("orig_input: T", "orig_output: T", "grad: T"),
            kernel=_max_pool_grad_grad_kernel, kernel_attrs=_POOL_KERNEL_ATTRS,
            shape_fn=_max_pool_grad_grad_shape, allowed={"T": MAX_POOL_TYPES[:-1]},
            attr_defaults={"data_format": "NHWC"})
register_op("AvgPool", inputs=("value: T",), kernel=_avg_pool_kernel,
            kernel_attrs=_POOL_KERNEL_ATTRS, shape_fn=_avg_pool_shape, allowed={"T": TF_FLOATS},
            attr_defaults={"data_format": "NHWC"})
register_op("AvgPoolGrad", inputs=("orig_input_shape: int32", "grad: T"),
            kernel=_avg_pool_grad_kernel, kernel_attrs=_POOL_KERNEL_ATTRS,
            shape_fn=_avg_pool_grad_shape, allowed={"T": TF_FLOATS},
            attr_defaults={"data_format": "NHWC"})


# ---- pooling gradients -----------------------------------------------------------------------

@RegisterGradient("MaxPool")
def _max_pool_grad(op, grad):
    return apply_op("MaxPoolGrad", [op.inputs[0], op.outputs[0], grad],
                    attrs=_copy_attrs(op, _MAX_POOL_ATTRS))


def _max_pool_grad_grad_attrs(op) -> dict:
    # MaxPoolGradGrad takes no explicit padding, so neither does MaxPool's second derivative.
    _check_string_attr("MaxPoolGradGrad", "padding", op._attrs["padding"], POOL_PADDINGS)
    return _copy_attrs(op, _POOL_ATTRS)


@RegisterGradient("MaxPoolGrad")
def _max_pool_grad_grad(op, grad):
    x, y = op.inputs[0], op.inputs[1]
    return (array_ops.zeros_like(x), array_ops.zeros_like(y),
            apply_op("MaxPoolGradGrad", [x, y, grad], attrs=_max_pool_grad_grad_attrs(op)))


@RegisterGradient("MaxPoolGradGrad")
def _max_pool_grad_grad_grad(op, grad):
    x, y = op.inputs[0], op.inputs[1]
    attrs = {"strides": op._attrs["strides"], "padding": op._attrs["padding"],
             "ksize": op._attrs["ksize"], "explicit_paddings": [],
             "data_format": op._attrs["data_format"]}
    return (array_ops.zeros_like(x), array_ops.zeros_like(y),
            apply_op("MaxPoolGrad", [x, y, grad], attrs=attrs))


@RegisterGradient("AvgPool")
def _avg_pool_grad(op, grad):
    return apply_op("AvgPoolGrad", [array_ops.shape(op.inputs[0]), grad],
                    attrs=_copy_attrs(op, _POOL_ATTRS))


@RegisterGradient("AvgPoolGrad")
def _avg_pool_grad_grad(op, grad):
    # TF returns the (integer, hence never differentiated) shape input behind a StopGradient.
    return (array_ops.stop_gradient(op.inputs[0]),
            apply_op("AvgPool", [grad], attrs=_copy_attrs(op, _POOL_ATTRS)))


# ---- public API ------------------------------------------------------------------------------

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


def _as_list_attr(value, arg: str, op_name: str) -> list[int]:
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"Expected list for '{arg}' argument to '{op_name}' Op, not {value}.")
    return [int(v) for v in value]


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
