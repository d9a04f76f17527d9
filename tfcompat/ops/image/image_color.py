"""tf.image's dtype conversion, standardization, grayscale, brightness and image statistics
(Python compositions of graph ops, as in TF)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.image.image_checks import assert_at_least_3d


def saturate_cast(value, dtype, name=None):
    """Casts ``value`` to ``dtype``, first clamping it to the range ``dtype`` can hold."""
    with ops.name_scope(name, "saturate_cast", [value]) as name:
        value = convert_to_tensor(value, name="value")
        dtype = dtypes.as_dtype(dtype).base_dtype
        if value.dtype.min < dtype.min:
            value = math_ops.maximum(value, math_ops.cast(dtype.min, value.dtype), name="min")
        if value.dtype.max > dtype.max:
            value = math_ops.minimum(value, math_ops.cast(dtype.max, value.dtype), name="max")
        return math_ops.cast(value, dtype, name=name)


def convert_image_dtype(image, dtype, saturate=False, name=None):
    """Converts ``image`` to ``dtype``, rescaling: floats span [0, 1), integers [0, MAX]."""
    image = convert_to_tensor(image, name="image")
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating and not dtype.is_integer:
        raise AttributeError("dtype must be either floating point or integer")
    if not image.dtype.is_floating and not image.dtype.is_integer:
        raise AttributeError("image dtype must be either floating point or integer")
    if dtype == image.dtype:
        return array_ops.identity(image, name=name)
    cast = saturate_cast if saturate else math_ops.cast
    with ops.name_scope(name, "convert_image", [image]) as name:
        if image.dtype.is_integer and dtype.is_integer:
            scale_in, scale_out = image.dtype.max, dtype.max
            if scale_in > scale_out:
                scaled = math_ops.floordiv(image, (scale_in + 1) // (scale_out + 1))
                return cast(scaled, dtype, name=name)
            return math_ops.multiply(cast(image, dtype), (scale_out + 1) // (scale_in + 1),
                                     name=name)
        if image.dtype.is_floating and dtype.is_floating:
            return math_ops.cast(image, dtype, name=name)
        if image.dtype.is_integer:
            return math_ops.multiply(math_ops.cast(image, dtype), 1.0 / image.dtype.max,
                                     name=name)
        scaled = math_ops.multiply(image, dtype.max + 0.5)
        return cast(scaled, dtype, name=name)


def per_image_standardization(image):
    """``(x - mean) / max(stddev, 1 / sqrt(num_pixels))`` over each image's last three axes."""
    with ops.name_scope(None, "per_image_standardization", [image]) as scope:
        image = convert_to_tensor(image, name="image")
        image = assert_at_least_3d(image)
        if image.dtype not in (dtypes.float16, dtypes.float32):
            image = math_ops.cast(image, dtypes.float32)
        num_pixels = math_ops.reduce_prod(array_ops.shape(image)[-3:])
        mean = math_ops.reduce_mean(image, axis=[-1, -2, -3], keepdims=True)
        variance = math_ops.reduce_mean(math_ops.squared_difference(image, mean),
                                        axis=[-1, -2, -3], keepdims=True)
        stddev = math_ops.sqrt(variance)
        min_stddev = math_ops.rsqrt(math_ops.cast(num_pixels, image.dtype))
        adjusted_stddev = math_ops.maximum(stddev, min_stddev)
        image = image - mean
        return math_ops.divide(image, adjusted_stddev, name=scope)


_GRAY_WEIGHTS = np.array([[0.2989], [0.5870], [0.1140]], np.float32)


def rgb_to_grayscale(images, name=None):
    """Luma ``0.2989 R + 0.5870 G + 0.1140 B``; the last axis becomes size 1."""
    with ops.name_scope(name, "rgb_to_grayscale", [images]) as name:
        images = convert_to_tensor(images, name="images")
        orig_dtype = images.dtype
        flt = convert_image_dtype(images, dtypes.float32)
        # TF's tensordot: a [pixels, 3] x [3, 1] matrix product, reshaped back.
        outer = array_ops.shape(flt)[:-1]
        gray = math_ops.matmul(array_ops.reshape(flt, [-1, 3]), _GRAY_WEIGHTS)
        gray = array_ops.reshape(gray, array_ops.concat([outer, [1]], 0))
        gray.set_shape(flt.shape[:-1].concatenate([1]))
        return convert_image_dtype(gray, orig_dtype, name=name)


def grayscale_to_rgb(images, name=None):
    """Repeats the single channel of grayscale images three times."""
    with ops.name_scope(name, "grayscale_to_rgb", [images]) as name:
        images = convert_to_tensor(images, name="images")
        shape = images.shape
        if shape.ndims is not None and shape.ndims < 2:
            raise ValueError(f"'image' (shape {shape}) must be at least two-dimensional.")
        if shape.ndims is not None and shape.as_list()[-1] not in (None, 1):
            raise ValueError("Last dimension of a grayscale image should be size 1.")
        rank_1 = array_ops.expand_dims(array_ops.rank(images) - 1, 0)
        multiples = array_ops.concat([array_ops.ones(rank_1, dtype=dtypes.int32),
                                      array_ops.expand_dims(3, 0)], 0)
        rgb = array_ops.tile(images, multiples, name=name)
        rgb.set_shape(images.shape[:-1].concatenate([3]))
        return rgb


def adjust_brightness(image, delta):
    """Adds ``delta`` to every channel (in float; integer images are converted and back)."""
    with ops.name_scope(None, "adjust_brightness", [image, delta]) as name:
        image = convert_to_tensor(image, name="image")
        orig_dtype = image.dtype
        if orig_dtype in (dtypes.float16, dtypes.float32):
            flt = image
        else:
            flt = convert_image_dtype(image, dtypes.float32)
        adjusted = math_ops.add(flt, math_ops.cast(delta, flt.dtype), name=name)
        return convert_image_dtype(adjusted, orig_dtype, saturate=True)


def total_variation(images, name=None):
    """Sum of absolute differences of neighbouring pixels, per image (3-D: a scalar)."""
    with ops.name_scope(name, "total_variation"):
        ndims = images.shape.ndims
        if ndims == 3:
            dif1 = images[1:, :, :] - images[:-1, :, :]
            dif2 = images[:, 1:, :] - images[:, :-1, :]
            axis = None
        elif ndims == 4:
            dif1 = images[:, 1:, :, :] - images[:, :-1, :, :]
            dif2 = images[:, :, 1:, :] - images[:, :, :-1, :]
            axis = [1, 2, 3]
        else:
            raise ValueError("'images' must be either 3 or 4-dimensional.")
        return (math_ops.reduce_sum(math_ops.abs(dif1), axis=axis)
                + math_ops.reduce_sum(math_ops.abs(dif2), axis=axis))


def image_gradients(image):
    """Forward differences ``(dy, dx)`` of a 4-D image, zero in the last row/column."""
    if image.shape.ndims != 4:
        raise ValueError("image_gradients expects a 4D tensor [batch_size, h, w, d], not "
                         f"{image.shape}.")
    image_shape = array_ops.shape(image)
    batch, height, width, depth = (image_shape[i] for i in range(4))
    dy = image[:, 1:, :, :] - image[:, :-1, :, :]
    dx = image[:, :, 1:, :] - image[:, :, :-1, :]
    dy = array_ops.concat([dy, array_ops.zeros(array_ops.stack([batch, 1, width, depth]),
                                               image.dtype)], 1)
    dx = array_ops.concat([dx, array_ops.zeros(array_ops.stack([batch, height, 1, depth]),
                                               image.dtype)], 2)
    return array_ops.reshape(dy, image_shape), array_ops.reshape(dx, image_shape)


def psnr(a, b, max_val, name=None):
    """Peak signal-to-noise ratio between images ``a`` and ``b`` over their last three axes."""
    with ops.name_scope(name, "PSNR", [a, b]):
        a = convert_to_tensor(a)
        b = convert_to_tensor(b)
        max_val = convert_image_dtype(math_ops.cast(max_val, a.dtype), dtypes.float32)
        a = convert_image_dtype(a, dtypes.float32)
        b = convert_image_dtype(b, dtypes.float32)
        mse = math_ops.reduce_mean(math_ops.squared_difference(a, b), [-3, -2, -1])
        value = math_ops.subtract(
            20 * math_ops.log(max_val) / math_ops.log(10.0),
            np.float32(10 / np.log(10)) * math_ops.log(mse), name="psnr")
        return array_ops.identity(value)
