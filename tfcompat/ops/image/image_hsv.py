"""HSV: RGBToHSV / HSVToRGB, AdjustHue / AdjustSaturation, and the seeded random_hue/saturation.

Hue is in [0, 1) (sixths of the colour circle), saturation and value in [0, 1] for images in
[0, 1]. Kernels compute in float32 (float64 for float64 images) with TF's formulas.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.ops import array_ops, gradients_impl, math_ops, random_ops, slicing_ops
from tfcompat.ops.image.image_color import convert_image_dtype

_HSV_TYPES = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64)


def _check_channels(array: np.ndarray) -> None:
    if array.ndim < 1:
        raise errors.InvalidArgumentError(None, None, "input must be at least 1D[]")
    if array.shape[-1] != 3:
        raise errors.InvalidArgumentError(
            None, None, f"input must have 3 channels but input only has {array.shape[-1]} "
                        "channels.")


def _rgb_shape(op):
    images = op.inputs[0]
    shape = images.shape
    if shape.ndims is not None:
        if shape.ndims < 1:
            raise ShapeError(f"Shape must be at least rank 1 but is rank {shape.ndims}")
        last = shape.as_list()[-1]
        if last is not None and last != 3:
            raise ShapeError(f"Dimension must be 3 but is {last}")
    return [(images.dtype.base_dtype, shape)]


def _rgb_to_hsv(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    dtype = rgb.dtype.type
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    value = np.maximum(np.maximum(r, g), b)
    chroma = value - np.minimum(np.minimum(r, g), b)
    with np.errstate(divide="ignore", invalid="ignore"):
        saturation = np.where(value > 0, chroma / value, dtype(0))
        norm = (dtype(1) / chroma) * (dtype(1) / dtype(6))
        hue = np.where(r == value, norm * (g - b),
                       np.where(g == value, norm * (b - r) + dtype(2) / dtype(6),
                                norm * (r - g) + dtype(4) / dtype(6)))
    hue = np.where(chroma > 0, hue, dtype(0))
    hue = np.where(hue < 0, hue + dtype(1), hue)
    return hue.astype(dtype), saturation.astype(dtype), value


def _hsv_to_rgb(h: np.ndarray, s: np.ndarray, v: np.ndarray) -> np.ndarray:
    dtype = h.dtype.type
    dh = h * dtype(6)
    dr = np.clip(np.abs(dh - dtype(3)) - dtype(1), 0, 1)
    dg = np.clip(-np.abs(dh - dtype(2)) + dtype(2), 0, 1)
    db = np.clip(-np.abs(dh - dtype(4)) + dtype(2), 0, 1)
    one_s = -s + dtype(1)
    return np.stack([(one_s + s * c) * v for c in (dr, dg, db)], -1).astype(dtype)


def _compute_type(images: np.ndarray):
    return np.float64 if images.dtype == np.float64 else np.float32


# ---- RGBToHSV --------------------------------------------------------------------------------

def _rgb_to_hsv_kernel(images):
    _check_channels(images)
    hsv = np.stack(_rgb_to_hsv(images.astype(_compute_type(images))), -1)
    return hsv.astype(images.dtype)


def _differentiable_rgb_to_hsv(rgb):
    """RGBToHSV from differentiable graph ops (same case selection as the kernel)."""
    r, g, b = slicing_ops.unstack(rgb, axis=-1)
    value = math_ops.maximum(math_ops.maximum(r, g), b)
    chroma = value - math_ops.minimum(math_ops.minimum(r, g), b)
    zeros = array_ops.zeros_like(value)
    ones = array_ops.ones_like(value)
    safe_value = math_ops.where(value > 0, value, ones)
    saturation = math_ops.where(value > 0, chroma / safe_value, zeros)
    safe_chroma = math_ops.where(chroma > 0, chroma, ones)
    norm = 1 / (6 * safe_chroma)
    hue = math_ops.where(math_ops.equal(r, value), norm * (g - b),
                         math_ops.where(math_ops.equal(g, value), norm * (b - r) + 2 / 6,
                                        norm * (r - g) + 4 / 6))
    hue = math_ops.where(chroma > 0, hue, zeros)
    return array_ops.stack([hue, saturation, value], axis=-1)


def _rgb_to_hsv_grad(op, grad):
    rgb = op.inputs[0]
    return gradients_impl.gradients(_differentiable_rgb_to_hsv(rgb), rgb, grad_ys=grad)[0]


register_op("RGBToHSV", foldable=False,
            inputs=("images: T",), kernel=_rgb_to_hsv_kernel, shape_fn=_rgb_shape,
            allowed={"T": _HSV_TYPES},
            grad=_rgb_to_hsv_grad)


def rgb_to_hsv(images, name=None):
    """RGB images (last axis 3, values in [0, 1]) to HSV."""
    return apply_op("RGBToHSV", [images], name=name)


# ---- HSVToRGB --------------------------------------------------------------------------------

def _hsv_to_rgb_kernel(images):
    _check_channels(images)
    ctype = _compute_type(images)
    hsv = images.astype(ctype)
    return _hsv_to_rgb(hsv[..., 0], hsv[..., 1], hsv[..., 2]).astype(images.dtype)


register_op("HSVToRGB", foldable=False,
            inputs=("images: T",), kernel=_hsv_to_rgb_kernel, shape_fn=_rgb_shape,
            allowed={"T": _HSV_TYPES},
            grad=NOT_DIFFERENTIABLE)


def hsv_to_rgb(images, name=None):
    """HSV images (last axis 3) to RGB."""
    return apply_op("HSVToRGB", [images], name=name)


# ---- AdjustHue and AdjustSaturation (TF registers no gradient for them) -----------------------

def _scalar_shape(op):
    if op.inputs[1].shape.ndims not in (None, 0):
        raise ShapeError(f"Shape must be rank 0 but is rank {op.inputs[1].shape.ndims}")
    return _rgb_shape(op)


def _adjusted_hsv_kernel(adjust):
    def kernel(images, amount):
        if images.ndim < 3:
            raise errors.InvalidArgumentError(
                None, None, f"input must be at least 3-D, got shape{list(images.shape)}")
        _check_channels(images)
        h, s, v = _rgb_to_hsv(images.astype(np.float32))
        h, s = adjust(h, s, np.float32(amount))
        return _hsv_to_rgb(h, s, v).astype(images.dtype)
    return kernel


def _shift_hue(h, s, delta):
    h = np.fmod(h + delta, np.float32(1))
    return np.where(h < 0, h + np.float32(1), h).astype(np.float32), s


def _scale_saturation(h, s, factor):
    return h, np.clip(s * factor, np.float32(0), np.float32(1)).astype(np.float32)


register_op("AdjustHue", foldable=False,
            inputs=("images: T", "delta: float32"),
            kernel=_adjusted_hsv_kernel(_shift_hue), shape_fn=_scalar_shape,
            allowed={"T": (dtypes.float16, dtypes.float32)})
register_op("AdjustSaturation", foldable=False,
            inputs=("images: T", "scale: float32"),
            kernel=_adjusted_hsv_kernel(_scale_saturation), shape_fn=_scalar_shape,
            allowed={"T": (dtypes.float16, dtypes.float32)})


def _adjust_hsv(op_type: str, scope: str, image, amount, name):
    with ops.name_scope(name, scope, [image]) as name:
        image = convert_to_tensor(image, name="image")
        orig_dtype = image.dtype
        if orig_dtype in (dtypes.float16, dtypes.float32):
            flt = image
        else:
            flt = convert_image_dtype(image, dtypes.float32)
        adjusted = apply_op(op_type, [flt, amount])
        return convert_image_dtype(adjusted, orig_dtype)


def adjust_hue(image, delta, name=None):
    """Rotates the hue of RGB images by ``delta`` (in [-1, 1], fractions of the circle)."""
    return _adjust_hsv("AdjustHue", "adjust_hue", image, delta, name)


def adjust_saturation(image, saturation_factor, name=None):
    """Multiplies the saturation of RGB images by ``saturation_factor`` (clipped to [0, 1])."""
    return _adjust_hsv("AdjustSaturation", "adjust_saturation", image, saturation_factor, name)


def random_hue(image, max_delta, seed=None):
    """adjust_hue by a delta drawn uniformly from [-max_delta, max_delta), max_delta <= 0.5."""
    if max_delta > 0.5:
        raise ValueError("max_delta must be <= 0.5.")
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")
    delta = random_ops.random_uniform([], -max_delta, max_delta, seed=seed)
    return adjust_hue(image, delta)


def random_saturation(image, lower, upper, seed=None):
    """adjust_saturation by a factor drawn uniformly from [lower, upper)."""
    if upper <= lower:
        raise ValueError("upper must be > lower.")
    if lower < 0:
        raise ValueError("lower must be non-negative.")
    factor = random_ops.random_uniform([], lower, upper, seed=seed)
    return adjust_saturation(image, factor)
