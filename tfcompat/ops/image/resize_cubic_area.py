"""ResizeBicubic (+ResizeBicubicGrad) and ResizeArea, TF CPU semantics, float32 results.

Bicubic: Keys' cubic convolution over a 4x4 neighbourhood, coefficients looked up in a
1024-entry table (``a = -0.75``; ``a = -0.5`` with half-pixel centers, where taps outside the
image get weight 0 and the rest are renormalised). Each output interpolates the four rows
first, then the four columns, summing left to right in float32 as TF does.
Area: each output pixel is the coverage-weighted mean of the input pixels its cell overlaps.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.image.resize_kernels import F32, check_resize_input, resize_scale
from tfcompat.ops.image.resize_ops import (
    _KERNEL_ATTRS,
    NEAREST_TYPES,
    _check_attrs,
    _rank4,
    _resized_shape,
    interpolation_grad,
)

_TABLE_SIZE = 1024
_ATTRS = {"align_corners": False, "half_pixel_centers": False}
_BICUBIC_GRAD_TYPES = (dtypes.float32, dtypes.float64)


@lru_cache(maxsize=2)
def _coefficients(a: float) -> tuple[np.ndarray, np.ndarray]:
    """Kernel values at distance x and x + 1 for x = i / 1024 (computed in double, stored float)."""
    x = (np.arange(_TABLE_SIZE + 1, dtype=np.float64) / _TABLE_SIZE).astype(F32).astype(
        np.float64)
    near = ((a + 2) * x - (a + 3)) * x * x + 1
    far_x = x + 1.0
    far = ((a * far_x - 5 * a) * far_x + 8 * a) * far_x - 4 * a
    return near.astype(F32), far.astype(F32)


def _cubic_axis(in_size: int, out_size: int, align_corners: bool,
                half_pixel: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per output position: 4 input indices and their float32 weights."""
    scale = resize_scale(in_size, out_size, align_corners)
    positions = np.arange(out_size, dtype=F32)
    src = (positions + F32(0.5)) * scale - F32(0.5) if half_pixel else positions * scale
    base = np.floor(src).astype(np.int64)
    delta = (src - base.astype(F32)).astype(F32)
    offset = np.rint(delta * F32(_TABLE_SIZE)).astype(np.int64)  # lrintf: ties to even
    near, far = _coefficients(-0.5 if half_pixel else -0.75)
    weights = np.stack([far[offset], near[offset], near[_TABLE_SIZE - offset],
                        far[_TABLE_SIZE - offset]], -1)
    wanted = base[:, None] + np.arange(-1, 3)
    indices = np.clip(wanted, 0, in_size - 1)
    if half_pixel:
        weights = np.where(indices == wanted, weights, F32(0))
        total = ((weights[:, 0] + weights[:, 1]) + weights[:, 2]) + weights[:, 3]
        big = np.abs(total) >= F32(1000) * np.finfo(F32).tiny
        inverse = F32(1) / np.where(big, total, F32(1))
        weights = np.where(big[:, None], weights * inverse[:, None], weights)
    return indices, weights.astype(F32)


def _weighted_taps(values: np.ndarray, axis: int, indices: np.ndarray, weights: np.ndarray):
    """sum_k values[idx[:, k]] * w[:, k] along ``axis``, accumulated left to right in float32."""
    shape = [1] * values.ndim
    shape[axis] = -1
    if indices.shape[1] == 0:
        out_shape = list(values.shape)
        out_shape[axis] = indices.shape[0]
        return np.zeros(out_shape, values.dtype)
    total = None
    for k in range(indices.shape[1]):
        term = np.take(values, indices[:, k], axis=axis) * weights[:, k].reshape(shape)
        total = term if total is None else total + term
    return total


# ---- ResizeBicubic ---------------------------------------------------------------------------

def _bicubic_kernel(images, size, *, align_corners, half_pixel_centers):
    _check_attrs(align_corners, half_pixel_centers)
    height, width = check_resize_input(images, size)
    rows = _cubic_axis(images.shape[1], height, align_corners, half_pixel_centers)
    cols = _cubic_axis(images.shape[2], width, align_corners, half_pixel_centers)
    by_rows = _weighted_taps(images.astype(F32), 1, *rows)
    return _weighted_taps(by_rows, 2, *cols).astype(F32)


register_op("ResizeBicubic", foldable=False,
            inputs=("images: T", "size: int32"), kernel=_bicubic_kernel,
            kernel_attrs=_KERNEL_ATTRS, shape_fn=lambda op: _resized_shape(op, dtypes.float32),
            allowed={"T": NEAREST_TYPES}, attr_defaults=_ATTRS, value_inputs=(1,),
            grad=interpolation_grad("ResizeBicubicGrad", _BICUBIC_GRAD_TYPES))


def resize_bicubic(images, size, align_corners=False, name=None, half_pixel_centers=False):
    """Resizes ``images`` (4-D NHWC) to ``size`` by bicubic interpolation; float32 result."""
    return apply_op("ResizeBicubic", [images, size], name=name,
                    attrs={"align_corners": align_corners,
                           "half_pixel_centers": half_pixel_centers})


# ---- ResizeBicubicGrad (TF registers no gradient for it) -------------------------------------

def _bicubic_grad_kernel(grads, original_image, *, align_corners, half_pixel_centers):
    _check_attrs(align_corners, half_pixel_centers)
    batch, in_h, in_w, channels = original_image.shape
    out_h, out_w = grads.shape[1], grads.shape[2]
    y_idx, y_w = _cubic_axis(in_h, out_h, align_corners, half_pixel_centers)
    x_idx, x_w = _cubic_axis(in_w, out_w, align_corners, half_pixel_centers)
    dtype = original_image.dtype
    # TF adds T(g * wy_i * wx_j) for the 16 taps of each output pixel, row-major, pixel by pixel.
    ys = np.broadcast_to(y_idx[:, None, :, None], (out_h, out_w, 4, 4)).reshape(-1)
    xs = np.broadcast_to(x_idx[None, :, None, :], (out_h, out_w, 4, 4)).reshape(-1)
    g = np.moveaxis(grads.astype(dtype), 0, 2)[:, :, None, None]  # (oh, ow, 1, 1, n, c)
    wy = y_w.astype(dtype)[:, None, :, None, None, None]
    wx = x_w.astype(dtype)[None, :, None, :, None, None]
    terms = (g * wy * wx).reshape(out_h * out_w * 16, batch, channels)
    out = np.zeros((in_h, in_w, batch, channels), dtype)
    np.add.at(out, (ys, xs), terms)
    return np.ascontiguousarray(np.moveaxis(out, 2, 0))


def _bicubic_grad_shape(op):
    grads, image = op.inputs
    _rank4(grads.shape)
    return [(image.dtype.base_dtype, TensorShape(_rank4(image.shape)))]


register_op("ResizeBicubicGrad", foldable=False,
            inputs=("grads: float32", "original_image: T"),
            kernel=_bicubic_grad_kernel, kernel_attrs=_KERNEL_ATTRS,
            shape_fn=_bicubic_grad_shape, allowed={"T": _BICUBIC_GRAD_TYPES},
            attr_defaults=_ATTRS)


# ---- ResizeArea (TF registers no gradient for it) --------------------------------------------

def _area_axis(in_size: int, out_size: int, align_corners: bool, columns: bool):
    """Per output cell: the overlapped input indices (clamped) and their coverage, in order.

    Rows are the cells in [floor(start), ceil(end)); along columns TF always takes the first
    cell and, unless it is the only one, the cells after it up to ceil(end) - 1, even when that
    range is empty or backwards (a zero-width cell, e.g. from a single input pixel).
    """
    scale = resize_scale(in_size, out_size, align_corners)
    taps = []
    for out in range(out_size):
        start_f = F32(out) * scale
        end_f = F32(out + 1) * scale
        first, stop = int(np.floor(start_f)), int(np.ceil(end_f))
        cells = list(range(first, stop))
        if columns:
            cells = [first] + ([*range(first + 1, stop - 1), stop - 1] if first + 1 != stop else [])
        taps.append([(min(max(i, 0), in_size - 1), _coverage(i, start_f, end_f, scale))
                     for i in cells])
    width = max((len(t) for t in taps), default=0)
    indices = np.zeros((out_size, width), np.int64)
    weights = np.zeros((out_size, width), F32)
    for out, cells in enumerate(taps):
        for k, (index, weight) in enumerate(cells):
            indices[out, k], weights[out, k] = index, weight
    return indices, weights, scale


def _coverage(i: int, start: np.float32, end: np.float32, scale: np.float32) -> np.float32:
    if i < start:
        return scale if i + 1 > end else F32(i + 1) - start
    return end - F32(i) if i + 1 > end else F32(1)


def _area_kernel(images, size, *, align_corners):
    height, width = check_resize_input(images, size)
    y_idx, y_w, y_scale = _area_axis(images.shape[1], height, align_corners, columns=False)
    x_idx, x_w, x_scale = _area_axis(images.shape[2], width, align_corners, columns=True)
    by_cols = _weighted_taps(images.astype(F32), 2, x_idx, x_w)
    summed = _weighted_taps(by_cols, 1, y_idx, y_w)
    scale = F32(1.0 / np.float64(y_scale * x_scale))
    return (summed * scale).astype(F32)


register_op("ResizeArea", foldable=False,
            inputs=("images: T", "size: int32"), kernel=_area_kernel,
            kernel_attrs=("align_corners",),
            shape_fn=lambda op: _resized_shape(op, dtypes.float32),
            allowed={"T": NEAREST_TYPES}, attr_defaults={"align_corners": False},
            value_inputs=(1,))


def resize_area(images, size, align_corners=False, name=None):
    """Resizes ``images`` (4-D NHWC) by area averaging; float32 result."""
    return apply_op("ResizeArea", [images, size], name=name,
                    attrs={"align_corners": align_corners})

