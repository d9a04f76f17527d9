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
from tfcompat.ops.masked_select import where_or_zero

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


def _lowest(dtype: np.dtype):
    return np.finfo(dtype).min if dtype.kind == "f" else np.iinfo(dtype).min


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
    lowest = _lowest(x.dtype)
    shape = (x.shape[0], rows.out, cols.out, x.shape[3])
    if not np.prod(shape):
        return np.full(shape, lowest, x.dtype)
    if x.dtype.kind != "f":
        return _tap_max(x, rows, cols, np.maximum, lowest)
    if x.view(_WORDS[x.itemsize]).min() == np.iinfo(_WORDS[x.itemsize]).min:  # a -0.0
        return _scan_max(x, rows, cols, lowest)
    # Without -0.0 any order of maxima gives TF's bits. fmax: NaN never wins, as in TF.
    if (rows.stride == rows.window and cols.stride == cols.window
            and not (rows.before or cols.before)):
        out = _window_max(_window_max(x, 1, rows), 2, cols)
        if np.may_share_memory(out, x):  # 1x1 windows
            return np.fmax(out, lowest)
        if not out.min() >= lowest:  # a NaN or -inf window: TF starts from the lowest value
            np.fmax(out, lowest, out=out)
        return out
    return _tap_max(x, rows, cols, np.fmax, lowest)


def _tap_max(x: np.ndarray, rows: _Axis, cols: _Axis, maximum, lowest) -> np.ndarray:
    """One elementwise max per kernel tap over strided views of the lowest-padded input (inner
    loops run over channels), the first tap's with the lowest value making the output."""
    padded = _pad(x, rows, cols, lowest)
    out = maximum(padded[:, rows.tap(0), cols.tap(0), :], lowest)
    for i in range(rows.window):
        for j in range(1 if i == 0 else 0, cols.window):
            maximum(out, padded[:, rows.tap(i), cols.tap(j), :], out=out)
    return out


def _window_max(v: np.ndarray, axis: int, windows: _Axis) -> np.ndarray:
    """fmax over side-by-side windows (stride == window, none starting in padding) along one
    axis: the first taps of every window, then each later tap over the windows it reaches.
    Pooling rows first runs the first pass over whole contiguous rows (~17% faster)."""
    def taps(i: int) -> np.ndarray:  # (cut short where the last window is)
        index = [slice(None)] * v.ndim
        index[axis] = slice(i, i + windows.window * (windows.out - 1) + 1, windows.window)
        return v[tuple(index)]
    if windows.window == 1:
        return taps(0)
    first, second = taps(0), taps(1)
    if second.shape[axis] == windows.out:
        out = np.fmax(first, second)
    else:  # the last window is cut short by the end of the input
        out = first.copy()
        reach = out[(slice(None),) * axis + (slice(second.shape[axis]),)]
        np.fmax(reach, second, out=reach)
    for i in range(2, windows.window):
        tap = taps(i)
        reach = out[(slice(None),) * axis + (slice(tap.shape[axis]),)]
        np.fmax(reach, tap, out=reach)
    return out


def _scan_max(x: np.ndarray, rows: _Axis, cols: _Axis, lowest) -> np.ndarray:
    """TF's window scan, exactly: from the lowest finite value, an input replaces the maximum
    only when strictly greater, so of a tie between -0.0 and 0.0 the first in the window stays
    (numpy's max keeps either, depending on its loop)."""
    padded = _pad(x, rows, cols, lowest)
    out = np.full((x.shape[0], rows.out, cols.out, x.shape[3]), lowest, x.dtype)
    for i in range(rows.window):
        for j in range(cols.window):
            tap = padded[:, rows.tap(i), cols.tap(j), :]
            np.copyto(out, tap, where=tap > out)
    return out


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

def _window_argmax(x: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """For each output, the kernel tap (kh * KW + kw) whose input the gradient flows to.

    TF's gradient kernel takes the window's first (valid) value, then moves only to a strictly
    greater one, so ties go to the first in row-major order and a leading NaN keeps its place.
    One compare and two selects per tap; positions in the padding never count.
    """
    shape = (x.shape[0], rows.out, cols.out, x.shape[3])
    if not np.prod(shape):
        return np.zeros(shape, np.int16)
    padded = rows.before or rows.after or cols.before or cols.after
    xp = _pad(x, rows, cols)
    valid = _pad(np.ones(x.shape[1:3], bool)[None, :, :, None], rows, cols) if padded else None
    if valid is None:  # every window starts at a real input: its first tap
        best, index = xp[:, rows.tap(0), cols.tap(0), :].copy(), np.zeros(shape, np.int16)
    else:
        best, index = np.zeros(shape, x.dtype), np.full(shape, -1, np.int16)
    for i in range(rows.window):
        for j in range(cols.window):
            if valid is None and i == j == 0:
                continue
            value = xp[:, rows.tap(i), cols.tap(j), :]
            take = value > best
            if valid is not None:
                take |= index < 0
                take &= valid[:, rows.tap(i), cols.tap(j), :]
            best = np.where(take, value, best)
            index = np.where(take, np.int16(i * cols.window + j), index)
    return index


def _depthwise_argmax(groups: np.ndarray) -> np.ndarray:
    best = groups[..., 0]
    index = np.zeros(best.shape, np.int64)
    for k in range(1, groups.shape[-1]):
        take = groups[..., k] > best
        best = np.where(take, groups[..., k], best)
        index = np.where(take, k, index)
    return index


def _tiled_max_pool_grad(x: np.ndarray, grad: np.ndarray, rows: _Axis,
                         cols: _Axis) -> np.ndarray | None:
    """MaxPoolGrad when the windows tile the input exactly (stride == window, no padding) and
    hold no NaN: the window maximum by one max per tap, then each window's first tap equal to
    it (row-major, as TF's strictly-greater scan picks) takes the gradient. None otherwise."""
    if (rows.stride != rows.window or cols.stride != cols.window or rows.before or rows.after
            or cols.before or cols.after or rows.out * rows.window != rows.size
            or cols.out * cols.window != cols.size or not grad.size):
        return None
    x = np.ascontiguousarray(x)  # (blocks are viewed as pixels; an input is never changed)
    dx = np.empty(x.shape, grad.dtype)
    n = x.shape[0]
    block = max(1, _POOL_GRAD_BLOCK // max(1, x[0].size))
    for lo in range(0, n, block):
        if not _route_tiled_block(x[lo:lo + block], grad[lo:lo + block], dx[lo:lo + block],
                                  rows, cols):
            return None
    return dx


# Images per MaxPoolGrad block: about this many input elements, so the temporaries of one
# block stay in cache and a whole-batch copy of the input is never made.
_POOL_GRAD_BLOCK = 1 << 18


def _route_tiled_block(x: np.ndarray, grad: np.ndarray, dx: np.ndarray, rows: _Axis,
                       cols: _Axis) -> bool:
    """Fills ``dx`` for a batch slice (see _tiled_max_pool_grad); False if it holds a NaN."""
    kh, kw, n, c = rows.window, cols.window, x.shape[0], x.shape[3]
    # One strided copy to tap-major [KH, KW, N, OH, OW, C]: every later pass then runs over
    # long contiguous loops instead of C-element pieces of strided views. The copies in and
    # out move each pixel's C values as one (void) item: fewer, longer inner loops (~15%).
    taps = np.empty((kh, kw, n, rows.out, cols.out, c), x.dtype)
    _pixels(taps)[...] = _pixels(x).reshape(n, rows.out, kh, cols.out, kw).transpose(2, 4, 0, 1, 3)
    taps = taps.reshape(kh * kw, -1)
    last = kh * kw - 1
    best = np.maximum(taps[0], taps[1]) if last else taps[0]
    for tap in taps[2:]:
        np.maximum(best, tap, out=best)
    if x.dtype.kind == "f" and np.isnan(best.max()):
        return False
    # The gradient's bits (TF adds onto zeros: -0.0 arrives as 0.0), multiplied by each tap's
    # 0/1 mask as integers: a kept value keeps every bit, a dropped NaN or -0.0 becomes 0.0.
    routed = np.add(grad, np.zeros((), grad.dtype)).reshape(-1).view(_WORDS[grad.dtype.itemsize])
    picked = np.empty(grad.shape, grad.dtype)
    taken = np.equal(taps[0], best)
    hit = np.empty(best.shape, bool)
    dx_pixels, picked_pixels = _pixels(dx), _pixels(picked)
    for k in range(kh * kw):
        if 0 < k < last:
            np.equal(taps[k], best, out=hit)
            np.greater(hit, taken, out=hit)  # equal, and no earlier tap of the window taken
            np.logical_or(taken, hit, out=taken)
        elif k:  # the last tap is the maximum of every window no earlier tap was
            np.logical_not(taken, out=hit)
        np.multiply(routed, hit if k else taken, out=picked.reshape(-1).view(routed.dtype))
        i, j = divmod(k, kw)
        dx_pixels[:, rows.tap(i), cols.tap(j)] = picked_pixels
    return True


_WORDS = {1: np.int8, 2: np.int16, 4: np.int32, 8: np.int64}


def _pixels(array: np.ndarray) -> np.ndarray:
    """A C-contiguous NHWC array as [N, H, W] items of C values each."""
    size = array.shape[-1] * array.itemsize
    item = _VOID_ITEMS.get(size)
    if item is None:
        item = _VOID_ITEMS.setdefault(size, np.dtype((np.void, size)))
    return array.view(item).reshape(array.shape[:-1])


_VOID_ITEMS: dict[int, np.dtype] = {}


def _max_pool_grad_kernel(orig_input, orig_output, grad, *, ksize, strides, padding,
                          explicit_paddings, data_format):
    x, grad = np.asarray(orig_input), np.asarray(grad)
    _check_pool_input(x, "Max", data_format, ksize, strides)
    if _check_depth_window(ksize):
        groups = _depthwise_groups(x, ksize, strides)
        chosen = np.arange(ksize[3]) == _depthwise_argmax(groups)[..., None]
        return np.where(chosen, grad[..., None], 0).astype(grad.dtype).reshape(x.shape)
    rows, cols = _pool_geometry(x.shape, ksize, strides, padding, explicit_paddings)
    routed = _tiled_max_pool_grad(x, grad, rows, cols)
    if routed is not None:
        return routed
    index = _window_argmax(x, rows, cols)
    dxp = np.zeros((x.shape[0], x.shape[1] + rows.before + rows.after,
                    x.shape[2] + cols.before + cols.after, x.shape[3]), grad.dtype)
    # Windows that do not overlap (stride >= window) own their inputs: a masked copy per tap;
    # otherwise a tap's contributions add up.
    disjoint = rows.stride >= rows.window and cols.stride >= cols.window
    hit = np.empty(index.shape, bool)
    picked = np.empty(index.shape, grad.dtype)
    routed = grad + np.zeros((), grad.dtype)  # TF adds onto zeros: -0.0 arrives as 0.0
    for i in range(rows.window if index.size else 0):
        for j in range(cols.window):
            np.equal(index, i * cols.window + j, out=hit)
            target = dxp[:, rows.tap(i), cols.tap(j), :]
            if disjoint:
                target[...] = where_or_zero(hit, routed, out=picked)
            else:
                target += where_or_zero(hit, grad, out=picked)
    return np.ascontiguousarray(dxp[:, rows.before:rows.before + rows.size,
                                    cols.before:cols.before + cols.size, :])


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
