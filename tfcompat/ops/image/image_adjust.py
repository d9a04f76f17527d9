"""tf.image's contrast, gamma, YIQ/YUV conversions and the seeded random flips and adjustments.

Random functions draw from ``random_uniform`` with the given op seed, as TF does, so with the same
graph seed they pick the same flips and factors as TF (its Philox stream).
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, control_flow_v1, math_ops, random_ops, slicing_ops
from tfcompat.ops.image.image_checks import assert_at_least_3d
from tfcompat.ops.image.image_color import adjust_brightness, convert_image_dtype

# ---- random flips ----------------------------------------------------------------------------


def _random_flip(image, flip_index: int, seed, scope_name: str):
    with ops.name_scope(None, scope_name, [image]) as scope:
        image = convert_to_tensor(image, name="image")
        image = assert_at_least_3d(image)
        shape = image.shape
        if shape.ndims == 3:
            uniform = random_ops.random_uniform([], 0, 1.0, seed=seed)
            result = control_flow_v1.cond(math_ops.less(uniform, 0.5),
                                          lambda: slicing_ops.reverse(image, [flip_index]),
                                          lambda: image, name=scope)
            result.set_shape(shape)
            return result
        if shape.ndims == 4:
            batch = array_ops.shape(image)[0]
            uniform = random_ops.random_uniform(array_ops.stack([batch]), 0, 1.0, seed=seed)
            flips = math_ops.round(array_ops.reshape(uniform, array_ops.stack([batch, 1, 1, 1])))
            flips = math_ops.cast(flips, image.dtype)
            flipped = slicing_ops.reverse(image, [flip_index + 1])
            return flips * flipped + (1 - flips) * image
        raise ValueError(f"'image' (shape {shape}) must have either 3 or 4 dimensions.")


def random_flip_left_right(image, seed=None):
    """Flips each image horizontally with probability 1/2 (TF's seeded stream)."""
    return _random_flip(image, 1, seed, "random_flip_left_right")


def random_flip_up_down(image, seed=None):
    """Flips each image vertically with probability 1/2 (TF's seeded stream)."""
    return _random_flip(image, 0, seed, "random_flip_up_down")


# ---- AdjustContrastv2 ------------------------------------------------------------------------

def _adjust_contrast_kernel(images, contrast_factor):
    if images.ndim < 3:
        raise errors.InvalidArgumentError(
            None, None, f"input must be at least 3-D, got shape{list(images.shape)}")
    if np.ndim(contrast_factor) != 0:
        raise errors.InvalidArgumentError(None, None, "contrast_factor must be scalar: "
                                          f"{list(np.shape(contrast_factor))}")
    if images.size == 0:
        return images.copy()
    flat = images.astype(np.float32)
    mean = flat.mean(axis=(-3, -2), keepdims=True, dtype=np.float64).astype(np.float32)
    factor = np.float32(contrast_factor)
    return ((flat - mean) * factor + mean).astype(images.dtype)


def _adjust_contrast_shape(op):
    images, factor = op.inputs
    if images.shape.ndims is not None and images.shape.ndims < 3:
        raise ShapeError(f"Shape must be at least rank 3 but is rank {images.shape.ndims}")
    if factor.shape.ndims not in (None, 0):
        raise ShapeError(f"Shape must be rank 0 but is rank {factor.shape.ndims}")
    return [(images.dtype.base_dtype, images.shape)]


register_op("AdjustContrastv2", foldable=False,
            inputs=("images: T", "contrast_factor: float32"),
            kernel=_adjust_contrast_kernel, shape_fn=_adjust_contrast_shape,
            allowed={"T": (dtypes.float16, dtypes.float32)})


def adjust_contrast(images, contrast_factor):
    """``(x - mean) * contrast_factor + mean`` per image and channel (mean over height, width)."""
    with ops.name_scope(None, "adjust_contrast", [images, contrast_factor]) as name:
        images = convert_to_tensor(images, name="images")
        orig_dtype = images.dtype
        if orig_dtype in (dtypes.float16, dtypes.float32):
            flt = images
        else:
            flt = convert_image_dtype(images, dtypes.float32)
        adjusted = apply_op("AdjustContrastv2", [flt, contrast_factor], name=name)
        return convert_image_dtype(adjusted, orig_dtype, saturate=True)


def adjust_gamma(image, gamma=1, gain=1):
    """``gain * image ** gamma`` (integer images are converted to float and back)."""
    with ops.name_scope(None, "adjust_gamma", [image, gamma, gain]):
        image = convert_to_tensor(image, name="image")
        orig_dtype = image.dtype
        if orig_dtype in (dtypes.float16, dtypes.float32):
            flt = image
        else:
            flt = convert_image_dtype(image, dtypes.float32)
        if not isinstance(gamma, ops.Tensor) and gamma < 0:
            raise ValueError("Gamma should be a non-negative real number.")
        adjusted = gain * flt ** gamma
        return convert_image_dtype(adjusted, orig_dtype, saturate=True)


def random_brightness(image, max_delta, seed=None):
    """adjust_brightness by a delta drawn uniformly from [-max_delta, max_delta)."""
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")
    delta = random_ops.random_uniform([], -max_delta, max_delta, seed=seed)
    return adjust_brightness(image, delta)


def random_contrast(image, lower, upper, seed=None):
    """adjust_contrast by a factor drawn uniformly from [lower, upper)."""
    if upper <= lower:
        raise ValueError("upper must be > lower.")
    if lower < 0:
        raise ValueError("lower must be non-negative.")
    factor = random_ops.random_uniform([], lower, upper, seed=seed)
    return adjust_contrast(image, factor)


# ---- YIQ and YUV -----------------------------------------------------------------------------

_RGB_TO_YIQ = [[0.299, 0.59590059, 0.2115], [0.587, -0.27455667, -0.52273617],
               [0.114, -0.32134392, 0.31119955]]
_YIQ_TO_RGB = [[1, 1, 1], [0.95598634, -0.27201283, -1.10674021],
               [0.6208248, -0.64720424, 1.70423049]]
_RGB_TO_YUV = [[0.299, -0.14714119, 0.61497538], [0.587, -0.28886916, -0.51496512],
               [0.114, 0.43601035, -0.10001026]]
_YUV_TO_RGB = [[1, 1, 1], [0, -0.394642334, 2.03206185], [1.13988303, -0.58062185, 0]]


def _last_axis_matmul(images, matrix):
    """``tensordot(images, kernel, [[-1], [0]])`` as TF builds it: reshape, MatMul, reshape."""
    images = convert_to_tensor(images, name="images")
    kernel = convert_to_tensor(matrix, dtype=images.dtype, name="kernel")
    with ops.name_scope(None, "Tensordot", [images, kernel]) as scope:
        outer = array_ops.shape(images)[:-1]
        product = math_ops.matmul(array_ops.reshape(images, [-1, 3]), kernel)
        result = array_ops.reshape(product, array_ops.concat([outer, [3]], 0), name=scope)
    if images.shape.ndims is not None:
        result.set_shape(images.shape[:-1].concatenate(TensorShape([3])))
    return result


def rgb_to_yiq(images):
    """RGB to YIQ (last axis of size 3)."""
    return _last_axis_matmul(images, _RGB_TO_YIQ)


def yiq_to_rgb(images):
    """YIQ to RGB (last axis of size 3)."""
    return _last_axis_matmul(images, _YIQ_TO_RGB)


def rgb_to_yuv(images):
    """RGB to YUV (last axis of size 3)."""
    return _last_axis_matmul(images, _RGB_TO_YUV)


def yuv_to_rgb(images):
    """YUV to RGB (last axis of size 3)."""
    return _last_axis_matmul(images, _YUV_TO_RGB)
