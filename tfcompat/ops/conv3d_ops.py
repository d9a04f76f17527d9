"""3-D convolution and pooling (NDHWC): Conv3D with Conv3DBackpropInputV2 / FilterV2, and
MaxPool3D / AvgPool3D with their gradient ops.

Kernels loop over the window taps; each tap is one strided slice of the padded input.
"""

from __future__ import annotations

import itertools

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.op_helpers import FLOATS, INDEX_TYPES


def _axis(size: int, k: int, stride: int, dilation: int, padding: str):
    """(output size, padding before, padding after) of one spatial axis."""
    eff = (k - 1) * dilation + 1
    if padding == "VALID":
        return max(0, -(-(size - eff + 1) // stride)), 0, 0
    out = -(-size // stride)
    total = max((out - 1) * stride + eff - size, 0)
    return out, total // 2, total - total // 2


def _geometry(spatial, window, strides, dilations, padding):
    axes = [_axis(s, k, st, d, padding)
            for s, k, st, d in zip(spatial, window, strides[1:4], dilations[1:4])]
    return [a[0] for a in axes], [(a[1], a[2]) for a in axes]


def _tap(offsets, out, strides, dilations):
    return (slice(None),) + tuple(
        slice(o * d, o * d + s * (n - 1) + 1, s)
        for o, n, s, d in zip(offsets, out, strides[1:4], dilations[1:4]))


def _check_format(data_format: str) -> None:
    if data_format != "NDHWC":
        raise errors.UnimplementedError(None, None, "Only NDHWC is supported by tfcompat")


# ---- Conv3D and its backprops ----------------------------------------------------------------

def _conv3d_kernel(x, f, strides, padding, data_format, dilations):
    _check_format(data_format)
    x, f = np.asarray(x), np.asarray(f)
    if x.shape[4] != f.shape[3]:
        raise errors.InvalidArgumentError(None, None, f"Input depth must be evenly divisible "
                                          f"by filter depth: {x.shape[4]} vs {f.shape[3]}")
    out, pads = _geometry(x.shape[1:4], f.shape[:3], strides, dilations, padding)
    xp = np.pad(x.astype(np.float64), [(0, 0)] + pads + [(0, 0)])
    result = np.zeros((x.shape[0], *out, f.shape[4]))
    if all(out):
        for offsets in itertools.product(*(range(k) for k in f.shape[:3])):
            result += np.einsum("ndhwc,co->ndhwo", xp[_tap(offsets, out, strides, dilations)],
                                f[offsets].astype(np.float64))
    return result.astype(x.dtype)


def _backprop_input_kernel(input_sizes, f, dy, strides, padding, data_format, dilations):
    _check_format(data_format)
    f, dy = np.asarray(f), np.asarray(dy)
    shape = tuple(int(d) for d in np.asarray(input_sizes))
    out, pads = _geometry(shape[1:4], f.shape[:3], strides, dilations, padding)
    padded = (shape[0],) + tuple(s + a + b for s, (a, b) in zip(shape[1:4], pads)) + shape[4:]
    dxp = np.zeros(padded)
    g = dy.astype(np.float64)
    if all(out):
        for offsets in itertools.product(*(range(k) for k in f.shape[:3])):
            dxp[_tap(offsets, out, strides, dilations)] += np.einsum(
                "ndhwo,co->ndhwc", g, f[offsets].astype(np.float64))
    crop = (slice(None),) + tuple(slice(a, a + s) for (a, _), s in zip(pads, shape[1:4]))
    return dxp[crop].astype(dy.dtype)


def _backprop_filter_kernel(x, filter_sizes, dy, strides, padding, data_format, dilations):
    _check_format(data_format)
    x, dy = np.asarray(x), np.asarray(dy)
    f_shape = tuple(int(d) for d in np.asarray(filter_sizes))
    out, pads = _geometry(x.shape[1:4], f_shape[:3], strides, dilations, padding)
    xp = np.pad(x.astype(np.float64), [(0, 0)] + pads + [(0, 0)])
    df = np.zeros(f_shape)
    if all(out):
        for offsets in itertools.product(*(range(k) for k in f_shape[:3])):
            df[offsets] = np.einsum("ndhwc,ndhwo->co", xp[_tap(offsets, out, strides, dilations)],
                                    dy.astype(np.float64))
    return df.astype(x.dtype)


def _conv_attrs(op) -> dict:
    return {k: op._attrs[k] for k in ("strides", "padding", "data_format", "dilations")}


def _conv3d_shape(op):
    x, f = op.inputs
    dtype = x.dtype.base_dtype
    for t in (x, f):
        if t.shape.ndims not in (None, 5):
            raise ShapeError(f"Shape must be rank 5 but is rank {t.shape.ndims}")
    if x.shape.ndims is None or f.shape.ndims is None:
        return [(dtype, unknown_shape(5))]
    dims = x.shape.as_tuple()
    window = f.shape.as_tuple()
    s, d, p = op._attrs["strides"], op._attrs["dilations"], op._attrs["padding"]
    spatial = tuple(None if n is None or k is None else _axis(n, k, st, dl, p)[0]
                    for n, k, st, dl in zip(dims[1:4], window[:3], s[1:4], d[1:4]))
    return [(dtype, TensorShape._from_tuple((dims[0],) + spatial + (window[4],)))]


def _sizes_shape(index: int, source: int):
    def shape_fn(op):
        sizes = tensor_util.constant_value(op.inputs[index])
        dtype = op.inputs[source].dtype.base_dtype
        if sizes is None:
            return [(dtype, unknown_shape(5))]
        return [(dtype, TensorShape._from_tuple(tuple(int(v) for v in np.asarray(sizes))))]
    return shape_fn


def _conv3d_grad(op, grad):
    x, f = op.inputs
    attrs = _conv_attrs(op)
    return (apply_op("Conv3DBackpropInputV2", [array_ops.shape(x), f, grad], attrs=attrs),
            apply_op("Conv3DBackpropFilterV2", [x, array_ops.shape(f), grad], attrs=attrs))


def _backprop_input_grad(op, grad):
    f, dy = op.inputs[1], op.inputs[2]
    attrs = _conv_attrs(op)
    return (None, apply_op("Conv3DBackpropFilterV2", [grad, array_ops.shape(f), dy],
                           attrs=attrs),
            apply_op("Conv3D", [grad, f], attrs=attrs))


def _backprop_filter_grad(op, grad):
    x, dy = op.inputs[0], op.inputs[2]
    attrs = _conv_attrs(op)
    return (apply_op("Conv3DBackpropInputV2", [array_ops.shape(x), grad, dy], attrs=attrs),
            None, apply_op("Conv3D", [x, grad], attrs=attrs))


_ATTRS = ("strides", "padding", "data_format", "dilations")
_DEFAULTS = {"data_format": "NDHWC", "dilations": [1, 1, 1, 1, 1]}
register_op("Conv3D", inputs=("input: T", "filter: T"), kernel=_conv3d_kernel,
            kernel_attrs=_ATTRS, shape_fn=_conv3d_shape, allowed={"T": FLOATS},
            attr_defaults=_DEFAULTS, grad=_conv3d_grad)
register_op("Conv3DBackpropInputV2",
            inputs=("input_sizes: Tshape", "filter: T", "out_backprop: T"),
            kernel=_backprop_input_kernel, kernel_attrs=_ATTRS, shape_fn=_sizes_shape(0, 1),
            allowed={"T": FLOATS, "Tshape": INDEX_TYPES},
            type_defaults={"Tshape": dtypes.int32}, attr_defaults=_DEFAULTS, value_inputs=(0,),
            grad=_backprop_input_grad)
register_op("Conv3DBackpropFilterV2",
            inputs=("input: T", "filter_sizes: int32", "out_backprop: T"),
            kernel=_backprop_filter_kernel, kernel_attrs=_ATTRS, shape_fn=_sizes_shape(1, 0),
            allowed={"T": FLOATS}, attr_defaults=_DEFAULTS, value_inputs=(1,),
            grad=_backprop_filter_grad)


def _five(value, name: str) -> list[int]:
    if isinstance(value, int):
        return [1, value, value, value, 1]
    value = [int(v) for v in value]
    if len(value) == 3:
        return [1] + value + [1]
    if len(value) != 5:
        raise ValueError(f"{name} should be of length 1, 3 or 5. Received: {name}={value}")
    return value


def _attrs(strides, padding, data_format, dilations) -> dict:
    if data_format not in (None, "NDHWC"):
        raise NotImplementedError(f"data_format {data_format} is not supported by tfcompat yet")
    return {"strides": _five(strides, "strides"), "padding": padding, "data_format": "NDHWC",
            "dilations": _five(dilations if dilations is not None else 1, "dilations")}


def conv3d(input, filter=None, strides=None, padding=None, data_format="NDHWC",  # noqa: A002
           dilations=(1, 1, 1, 1, 1), name=None, filters=None) -> Tensor:
    """3-D convolution of ``[batch, depth, height, width, in]`` with ``[d, h, w, in, out]``."""
    filter = filters if filter is None else filter  # noqa: A001
    return apply_op("Conv3D", [input, filter], name=name,
                    attrs=_attrs(strides, padding, data_format, dilations))


def conv3d_backprop_filter_v2(input, filter_sizes, out_backprop, strides, padding,  # noqa: A002
                              data_format="NDHWC", dilations=(1, 1, 1, 1, 1), name=None):
    """The gradient of conv3d w.r.t. its filter."""
    return apply_op("Conv3DBackpropFilterV2", [input, filter_sizes, out_backprop], name=name,
                    attrs=_attrs(strides, padding, data_format, dilations))


def conv3d_transpose(value, filter=None, output_shape=None, strides=None,  # noqa: A002
                     padding="SAME", data_format="NDHWC", name=None, input=None,  # noqa: A002
                     filters=None, dilations=None) -> Tensor:
    """The transpose (gradient) of conv3d; ``filter`` is ``[d, h, w, out, in]``."""
    value = input if value is None else value
    filter = filters if filter is None else filter  # noqa: A001
    from tfcompat.framework import ops
    with ops.name_scope(name, "conv3d_transpose", [value, filter, output_shape]) as scope:
        return apply_op("Conv3DBackpropInputV2", [output_shape, filter, value], name=scope,
                        attrs=_attrs(strides, padding, data_format, dilations))


# ---- MaxPool3D / AvgPool3D -------------------------------------------------------------------

def _pool_geometry(op_attrs, spatial):
    ones = [1, 1, 1, 1, 1]
    return _geometry(spatial, op_attrs["ksize"][1:4], op_attrs["strides"], ones,
                     op_attrs["padding"])


def _pool_kernel(kind: str):
    def kernel(x, ksize, strides, padding, data_format):
        _check_format(data_format)
        x = np.asarray(x)
        attrs = {"ksize": ksize, "strides": strides, "padding": padding}
        out, pads = _pool_geometry(attrs, x.shape[1:4])
        ones = [1] * 5
        if kind == "max":
            fill = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
            xp = np.pad(x, [(0, 0)] + pads + [(0, 0)], constant_values=fill)
            result = np.full((x.shape[0], *out, x.shape[4]), fill, x.dtype)
            for offsets in itertools.product(*(range(k) for k in ksize[1:4])):
                result = np.maximum(result, xp[_tap(offsets, out, strides, ones)])
            return result
        xp = np.pad(x.astype(np.float64), [(0, 0)] + pads + [(0, 0)])
        counts = np.pad(np.ones(x.shape[1:4]), pads)
        total = np.zeros((x.shape[0], *out, x.shape[4]))
        count = np.zeros(out)
        for offsets in itertools.product(*(range(k) for k in ksize[1:4])):
            total += xp[_tap(offsets, out, strides, ones)]
            count += counts[_tap(offsets, out, strides, ones)[1:]]
        return (total / count[None, ..., None]).astype(x.dtype)
    return kernel


def _pool_shape(op):
    x = op.inputs[0]
    if x.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape(5))]
    if x.shape.ndims != 5:
        raise ShapeError(f"Shape must be rank 5 but is rank {x.shape.ndims}")
    dims = x.shape.as_tuple()
    k, s, p = op._attrs["ksize"], op._attrs["strides"], op._attrs["padding"]
    spatial = tuple(None if n is None else _axis(n, kk, st, 1, p)[0]
                    for n, kk, st in zip(dims[1:4], k[1:4], s[1:4]))
    return [(x.dtype.base_dtype, TensorShape._from_tuple((dims[0],) + spatial + (dims[4],)))]


def _max_pool_grad_kernel(orig_input, orig_output, grad, ksize, strides, padding, data_format):
    """Routes each output gradient to the first maximum of its window."""
    x = np.asarray(orig_input)
    g = np.asarray(grad).astype(np.float64)
    attrs = {"ksize": ksize, "strides": strides, "padding": padding}
    out, pads = _pool_geometry(attrs, x.shape[1:4])
    ones = [1] * 5
    fill = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)], constant_values=fill)
    y = np.asarray(orig_output)
    dxp = np.zeros(xp.shape)
    taken = np.zeros(g.shape, bool)
    for offsets in itertools.product(*(range(k) for k in ksize[1:4])):
        window = _tap(offsets, out, strides, ones)
        hit = (xp[window] == y) & ~taken
        dxp[window] += np.where(hit, g, 0.0)
        taken |= hit
    crop = (slice(None),) + tuple(slice(a, a + s) for (a, _), s in zip(pads, x.shape[1:4]))
    return dxp[crop].astype(np.asarray(grad).dtype)


def _max_pool_grad_grad_kernel(orig_input, orig_output, grad, ksize, strides, padding,
                               data_format):
    """The gradient of MaxPool3DGrad w.r.t. its incoming gradient: grad at each window's max."""
    x = np.asarray(orig_input)
    g = np.asarray(grad).astype(np.float64)
    attrs = {"ksize": ksize, "strides": strides, "padding": padding}
    out, pads = _pool_geometry(attrs, x.shape[1:4])
    ones = [1] * 5
    fill = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)], constant_values=fill)
    gp = np.pad(g, [(0, 0)] + pads + [(0, 0)])
    y = np.asarray(orig_output)
    result = np.zeros(y.shape)
    taken = np.zeros(y.shape, bool)
    for offsets in itertools.product(*(range(k) for k in ksize[1:4])):
        window = _tap(offsets, out, strides, ones)
        hit = (xp[window] == y) & ~taken
        result = np.where(hit, gp[window], result)
        taken |= hit
    return result.astype(np.asarray(grad).dtype)


def _avg_pool_grad_kernel(orig_input_shape, grad, ksize, strides, padding, data_format):
    shape = tuple(int(d) for d in np.asarray(orig_input_shape))
    g = np.asarray(grad).astype(np.float64)
    attrs = {"ksize": ksize, "strides": strides, "padding": padding}
    out, pads = _pool_geometry(attrs, shape[1:4])
    ones = [1] * 5
    counts = np.pad(np.ones(shape[1:4]), pads)
    count = np.zeros(out)
    for offsets in itertools.product(*(range(k) for k in ksize[1:4])):
        count += counts[_tap(offsets, out, strides, ones)[1:]]
    share = g / count[None, ..., None]
    padded = (shape[0],) + tuple(s + a + b for s, (a, b) in zip(shape[1:4], pads)) + shape[4:]
    dxp = np.zeros(padded)
    for offsets in itertools.product(*(range(k) for k in ksize[1:4])):
        dxp[_tap(offsets, out, strides, ones)] += share
    crop = (slice(None),) + tuple(slice(a, a + s) for (a, _), s in zip(pads, shape[1:4]))
    return dxp[crop].astype(np.asarray(grad).dtype)


_POOL_ATTRS = ("ksize", "strides", "padding", "data_format")


def _pool_attr_values(op) -> dict:
    return {k: op._attrs[k] for k in _POOL_ATTRS}


def _max_pool3d_grad(op, grad):
    return apply_op("MaxPool3DGrad", [op.inputs[0], op.outputs[0], grad],
                    attrs=_pool_attr_values(op))


def _max_pool3d_grad_grad(op, grad):
    x, y = op.inputs[0], op.inputs[1]
    return (array_ops.zeros_like(x), array_ops.zeros_like(y),
            apply_op("MaxPool3DGradGrad", [x, y, grad], attrs=_pool_attr_values(op)))


def _max_pool3d_grad_grad_grad(op, grad):
    x, y = op.inputs[0], op.inputs[1]
    return (array_ops.zeros_like(x), array_ops.zeros_like(y),
            apply_op("MaxPool3DGrad", [x, y, grad], attrs=_pool_attr_values(op)))


def _avg_pool3d_grad(op, grad):
    return apply_op("AvgPool3DGrad", [array_ops.shape(op.inputs[0]), grad],
                    attrs=_pool_attr_values(op))


def _avg_pool3d_grad_grad(op, grad):
    return None, apply_op("AvgPool3D", [grad], attrs=_pool_attr_values(op))


_POOL_DEFAULTS = {"data_format": "NDHWC"}
register_op("MaxPool3D", inputs=("input: T",), kernel=_pool_kernel("max"),
            kernel_attrs=_POOL_ATTRS, shape_fn=_pool_shape, allowed={"T": FLOATS},
            attr_defaults=_POOL_DEFAULTS, grad=_max_pool3d_grad)
register_op("AvgPool3D", inputs=("input: T",), kernel=_pool_kernel("avg"),
            kernel_attrs=_POOL_ATTRS, shape_fn=_pool_shape, allowed={"T": FLOATS},
            attr_defaults=_POOL_DEFAULTS, grad=_avg_pool3d_grad)
register_op("MaxPool3DGrad", inputs=("orig_input: TInput", "orig_output: TInput", "grad: T"),
            kernel=_max_pool_grad_kernel, kernel_attrs=_POOL_ATTRS,
            shape_fn=lambda op: [(op.inputs[2].dtype.base_dtype, op.inputs[0].shape)],
            allowed={"T": FLOATS, "TInput": FLOATS}, attr_defaults=_POOL_DEFAULTS,
            grad=_max_pool3d_grad_grad)
register_op("MaxPool3DGradGrad", inputs=("orig_input: T", "orig_output: T", "grad: T"),
            kernel=_max_pool_grad_grad_kernel, kernel_attrs=_POOL_ATTRS,
            shape_fn=lambda op: [(op.inputs[2].dtype.base_dtype, op.inputs[1].shape)],
            allowed={"T": FLOATS}, attr_defaults=_POOL_DEFAULTS,
            grad=_max_pool3d_grad_grad_grad)
register_op("AvgPool3DGrad", inputs=("orig_input_shape: int32", "grad: T"),
            kernel=_avg_pool_grad_kernel, kernel_attrs=_POOL_ATTRS,
            shape_fn=_sizes_shape(0, 1), allowed={"T": FLOATS},
            attr_defaults=_POOL_DEFAULTS, value_inputs=(0,), grad=_avg_pool3d_grad_grad)


def _pool3d(op_type: str, input, ksize, strides, padding, data_format, name) -> Tensor:  # noqa: A002
    if data_format not in (None, "NDHWC"):
        raise NotImplementedError(f"data_format {data_format} is not supported by tfcompat yet")
    return apply_op(op_type, [input], name=name,
                    attrs={"ksize": _five(ksize, "ksize"), "strides": _five(strides, "strides"),
                           "padding": padding, "data_format": "NDHWC"})


def max_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None) -> Tensor:  # noqa: A002
    """3-D max pooling."""
    return _pool3d("MaxPool3D", input, ksize, strides, padding, data_format, name)


def avg_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None) -> Tensor:  # noqa: A002
    """3-D average pooling (padding excluded from the averages)."""
    return _pool3d("AvgPool3D", input, ksize, strides, padding, data_format, name)
