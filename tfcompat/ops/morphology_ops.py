"""Grayscale morphology: Dilation2D with its two backprop ops, and erosion2d (a negated
dilation with the filter reflected). NHWC, per channel."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import math_ops, slicing_ops
from tfcompat.ops.op_helpers import REAL_NUMBERS


def _axis(size: int, k: int, stride: int, rate: int, padding: str):
    eff = (k - 1) * rate + 1
    if padding == "VALID":
        return max(0, -(-(size - eff + 1) // stride)), 0
    out = -(-size // stride)
    return out, max((out - 1) * stride + eff - size, 0) // 2


def _scan(x, f, strides, rates, padding):
    """For every output: the max of x + f over the window, and the tap index reaching it."""
    n, h, w, c = x.shape
    kh, kw, _ = f.shape
    oh, top = _axis(h, kh, strides[1], rates[1], padding)
    ow, left = _axis(w, kw, strides[2], rates[2], padding)
    best = np.full((n, oh, ow, c), -np.inf)
    tap = np.zeros((n, oh, ow, c), np.int64)
    rows = np.arange(oh) * strides[1] - top
    cols = np.arange(ow) * strides[2] - left
    wide = x.astype(np.float64)
    for i in range(kh):  # row-major taps: the first maximum wins
        for j in range(kw):
            r = rows + i * rates[1]
            q = cols + j * rates[2]
            valid = ((r >= 0) & (r < h))[:, None] & ((q >= 0) & (q < w))[None, :]
            values = wide[:, np.clip(r, 0, h - 1)][:, :, np.clip(q, 0, w - 1)] + f[i, j]
            values = np.where(valid[None, :, :, None], values, -np.inf)
            better = values > best
            best = np.where(better, values, best)
            tap = np.where(better, i * kw + j, tap)
    return best, tap, rows, cols


def _dilation_kernel(x, f, strides, rates, padding):
    x, f = np.asarray(x), np.asarray(f)
    best, _, _, _ = _scan(x, f, strides, rates, padding)
    return best.astype(x.dtype)


def _backprop_input_kernel(x, f, dy, strides, rates, padding):
    x, f, dy = np.asarray(x), np.asarray(f), np.asarray(dy)
    _, tap, rows, cols = _scan(x, f, strides, rates, padding)
    kw = f.shape[1]
    r = rows[None, :, None, None] + (tap // kw) * rates[1]
    q = cols[None, None, :, None] + (tap % kw) * rates[2]
    dx = np.zeros(x.shape, np.float64)
    n_idx, _, _, c_idx = np.indices(tap.shape)
    np.add.at(dx, (n_idx, np.clip(r, 0, x.shape[1] - 1), np.clip(q, 0, x.shape[2] - 1), c_idx),
              dy.astype(np.float64))
    return dx.astype(x.dtype)


def _backprop_filter_kernel(x, f, dy, strides, rates, padding):
    x, f, dy = np.asarray(x), np.asarray(f), np.asarray(dy)
    _, tap, _, _ = _scan(x, f, strides, rates, padding)
    kw = f.shape[1]
    df = np.zeros(f.shape, np.float64)
    c_idx = np.indices(tap.shape)[3]
    np.add.at(df, (tap // kw, tap % kw, c_idx), dy.astype(np.float64))
    return df.astype(f.dtype)


def _dilation_shape(op):
    x, f = op.inputs
    dtype = x.dtype.base_dtype
    if x.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank {x.shape.ndims}")
    if f.shape.ndims not in (None, 3):
        raise ShapeError(f"Shape must be rank 3 but is rank {f.shape.ndims}")
    if x.shape.ndims is None or f.shape.ndims is None:
        return [(dtype, unknown_shape(4))]
    n, h, w, c = x.shape.as_tuple()
    kh, kw, _ = f.shape.as_tuple()
    s, r, p = op._attrs["strides"], op._attrs["rates"], op._attrs["padding"]
    oh = None if h is None or kh is None else _axis(h, kh, s[1], r[1], p)[0]
    ow = None if w is None or kw is None else _axis(w, kw, s[2], r[2], p)[0]
    return [(dtype, TensorShape._from_tuple((n, oh, ow, c)))]


def _attrs(op) -> dict:
    return {k: op._attrs[k] for k in ("strides", "rates", "padding")}


def _dilation_grad(op, grad):
    x, f = op.inputs
    return (apply_op("Dilation2DBackpropInput", [x, f, grad], attrs=_attrs(op)),
            apply_op("Dilation2DBackpropFilter", [x, f, grad], attrs=_attrs(op)))


_KERNEL_ATTRS = ("strides", "rates", "padding")
register_op("Dilation2D", inputs=("input: T", "filter: T"), kernel=_dilation_kernel,
            kernel_attrs=_KERNEL_ATTRS, shape_fn=_dilation_shape,
            allowed={"T": REAL_NUMBERS}, grad=_dilation_grad)
# Second-order gradients through dilations are not provided (marked not differentiable).
register_op("Dilation2DBackpropInput", inputs=("input: T", "filter: T", "out_backprop: T"),
            kernel=_backprop_input_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
            allowed={"T": REAL_NUMBERS}, grad=NOT_DIFFERENTIABLE)
register_op("Dilation2DBackpropFilter", inputs=("input: T", "filter: T", "out_backprop: T"),
            kernel=_backprop_filter_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=lambda op: [(op.inputs[1].dtype.base_dtype, op.inputs[1].shape)],
            allowed={"T": REAL_NUMBERS}, grad=NOT_DIFFERENTIABLE)


def _four(value) -> list[int]:
    if isinstance(value, int):
        return [1, value, value, 1]
    value = [int(v) for v in value]
    return value if len(value) == 4 else [1] + value + [1]


def dilation2d(input, filter=None, strides=None, rates=None, padding=None,  # noqa: A002
               name=None, filters=None, dilations=None) -> Tensor:
    """Grayscale dilation: max over the window of input + filter, per channel."""
    filter = filters if filter is None else filter  # noqa: A001
    rates = dilations if rates is None else rates
    return apply_op("Dilation2D", [input, filter], name=name,
                    attrs={"strides": _four(strides), "rates": _four(rates),
                           "padding": padding})


def erosion2d(value, kernel, strides, rates, padding, name=None) -> Tensor:
    """Grayscale erosion: min over the window of input - reflected kernel."""
    with ops.name_scope(name, "erosion2d", [value, kernel]) as scope:
        value = convert_to_tensor(value, name="value")
        kernel = convert_to_tensor(kernel, name="kernel")
        dilated = dilation2d(math_ops.negative(value), slicing_ops.reverse(kernel, [0, 1]),
                             strides, rates, padding, name=scope)
        return math_ops.negative(dilated)

