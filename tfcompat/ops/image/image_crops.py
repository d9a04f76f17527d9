"""tf.image's crops and pads: crop_to_bounding_box, pad_to_bounding_box, central_crop,
resize_image_with_crop_or_pad (Python compositions of Slice and Pad, as in TF)."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.ops import array_ops, control_flow_ops, math_ops, slicing_ops
from tfcompat.ops.image.image_checks import (
    as_batch,
    check_at_least_3d,
    image_dimensions,
    is_tensor,
    unbatch,
)
from tfcompat.ops.image.image_geometry import ResizeMethod, resize_images


def _batched(image):
    """TF's batching rule for crops and pads: an unknown rank is taken as one 3-D image."""
    ndims = image.shape.ndims
    if ndims == 3:
        return array_ops.expand_dims(image, 0), False
    if ndims is None:
        image = array_ops.expand_dims(image, 0)
        image.set_shape([None] * 4)
        return image, False
    if ndims != 4:
        raise ValueError(f"'image' (shape {image.shape}) must have either 3 or 4 dimensions.")
    return image, True


def _static_check(condition, message: str) -> None:
    if not is_tensor(condition) and not condition:
        raise ValueError(message)


def _max(x, y):
    return math_ops.maximum(x, y) if is_tensor(x) or is_tensor(y) else max(x, y)


def _min(x, y):
    return math_ops.minimum(x, y) if is_tensor(x) or is_tensor(y) else min(x, y)


def pad_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    """Zero-pads ``image`` to ``[target_height, target_width]`` with the image at the offset."""
    with ops.name_scope(None, "pad_to_bounding_box", [image]):
        image = convert_to_tensor(image, name="image")
        image, is_batch = _batched(image)
        batch, height, width, depth = image_dimensions(image, 4)
        after_width = target_width - offset_width - width
        after_height = target_height - offset_height - height
        _static_check(offset_height >= 0, "offset_height must be >= 0")
        _static_check(offset_width >= 0, "offset_width must be >= 0")
        _static_check(after_width >= 0, "width must be <= target - offset")
        _static_check(after_height >= 0, "height must be <= target - offset")
        image = control_flow_ops.with_dependencies([], image)
        paddings = array_ops.reshape(array_ops.stack(
            [0, 0, offset_height, after_height, offset_width, after_width, 0, 0]), [4, 2])
        padded = slicing_ops.pad(image, paddings)
        padded.set_shape([None if is_tensor(d) else d
                          for d in (batch, target_height, target_width, depth)])
        return unbatch(padded, is_batch)


def crop_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    """Crops the ``[target_height, target_width]`` box at the offset out of ``image``."""
    with ops.name_scope(None, "crop_to_bounding_box", [image]):
        image = convert_to_tensor(image, name="image")
        image, is_batch = _batched(image)
        check_at_least_3d(image)
        batch, height, width, depth = image_dimensions(image, 4)
        _static_check(offset_width >= 0, "offset_width must be >= 0.")
        _static_check(offset_height >= 0, "offset_height must be >= 0.")
        _static_check(target_width > 0, "target_width must be > 0.")
        _static_check(target_height > 0, "target_height must be > 0.")
        _static_check(width >= target_width + offset_width, "width must be >= target + offset.")
        _static_check(height >= target_height + offset_height,
                      "height must be >= target + offset.")
        image = control_flow_ops.with_dependencies([], image)
        cropped = slicing_ops.slice(image, array_ops.stack([0, offset_height, offset_width, 0]),
                                    array_ops.stack([array_ops.shape(image)[0], target_height,
                                                     target_width, array_ops.shape(image)[3]]))
        cropped.set_shape([None if is_tensor(d) else d
                           for d in (batch, target_height, target_width, depth)])
        return unbatch(cropped, is_batch)


def central_crop(image, central_fraction):
    """Crops the central ``central_fraction`` (in (0, 1]) of each side of a 3-D or 4-D image."""
    with ops.name_scope(None, "central_crop", [image]):
        image = convert_to_tensor(image, name="image")
        fraction = tensor_util.constant_value(convert_to_tensor(central_fraction))
        if fraction is None:
            raise NotImplementedError("tf.image.central_crop with a tensor central_fraction is "
                                      "not supported by tfcompat yet")
        fraction = float(fraction)
        if fraction <= 0.0 or fraction > 1.0:
            raise ValueError("central_fraction must be within (0, 1]")
        if fraction == 1.0:
            return image
        check_at_least_3d(image)
        rank = image.shape.ndims
        if rank not in (3, 4):
            raise ValueError("`image` should either be a Tensor with rank = 3 or rank = 4. Had "
                             f"rank = {rank}.")
        first = rank - 3
        dims = image.shape.as_list()
        starts, sizes, statics = [], [], []
        for axis in (first, first + 1):
            if dims[axis] is not None:
                start = int((float(dims[axis]) - float(dims[axis]) * fraction) / 2)
                starts.append(start)
                sizes.append(dims[axis] - start * 2)
                statics.append(dims[axis] - start * 2)
            else:
                size = array_ops.shape(image)[axis]
                as_float = math_ops.cast(size, dtypes.float64)
                start = math_ops.cast((as_float - as_float * fraction) / 2, dtypes.int32)
                starts.append(start)
                sizes.append(size - start * 2)
                statics.append(None)
        begin = ([0] if rank == 4 else []) + starts + [0]
        size = ([-1] if rank == 4 else []) + sizes + [-1]
        image = slicing_ops.slice(image, array_ops.stack(begin), array_ops.stack(size))
        image.set_shape(dims[:first] + statics + [dims[-1]])
        return image


def resize_image_with_crop_or_pad(image, target_height, target_width):
    """Centrally crops or zero-pads ``image`` to ``[target_height, target_width]``."""
    with ops.name_scope(None, "resize_image_with_crop_or_pad", [image]):
        image = convert_to_tensor(image, name="image")
        image, is_batch = _batched(image)
        check_at_least_3d(image)
        _static_check(target_width > 0, "target_width must be > 0.")
        _static_check(target_height > 0, "target_height must be > 0.")
        image = control_flow_ops.with_dependencies([], image)
        _, height, width, _ = image_dimensions(image, 4)
        width_diff = target_width - width
        height_diff = target_height - height
        crop_width, pad_width = _max(-width_diff // 2, 0), _max(width_diff // 2, 0)
        crop_height, pad_height = _max(-height_diff // 2, 0), _max(height_diff // 2, 0)
        cropped = crop_to_bounding_box(image, crop_height, crop_width,
                                       _min(target_height, height), _min(target_width, width))
        resized = pad_to_bounding_box(cropped, pad_height, pad_width, target_height,
                                      target_width)
        resized = control_flow_ops.with_dependencies([], resized)
        return unbatch(resized, is_batch)


def resize_image_with_pad(image, target_height, target_width, method=ResizeMethod.BILINEAR,
                          align_corners=False):
    """Resizes keeping the aspect ratio, then zero-pads to ``[target_height, target_width]``."""
    with ops.name_scope(None, "resize_image_with_pad", [image]):
        image = convert_to_tensor(image, name="image")
        if image.shape.ndims is None:
            raise ValueError("'image' contains no shape.")
        check_at_least_3d(image)
        image, is_batch = as_batch(image, f"'image' (shape {image.shape}) must have either 3 "
                                           "or 4 dimensions.")
        for value, what in ((target_width, "target_width"), (target_height, "target_height")):
            if not is_tensor(value) and value <= 0:
                raise ValueError(f"{what} must be > 0.")
        _, height, width, _ = image_dimensions(image, 4)
        f32 = dtypes.float32
        f_height, f_width = math_ops.cast(height, f32), math_ops.cast(width, f32)
        f_target_h, f_target_w = math_ops.cast(target_height, f32), math_ops.cast(target_width, f32)
        ratio = math_ops.maximum(f_width / f_target_w, f_height / f_target_h)
        resized_h_float, resized_w_float = f_height / ratio, f_width / ratio
        resized_h = math_ops.cast(math_ops.floor(resized_h_float), dtypes.int32)
        resized_w = math_ops.cast(math_ops.floor(resized_w_float), dtypes.int32)
        pad_h = math_ops.floor((f_target_h - resized_h_float) / 2)
        pad_w = math_ops.floor((f_target_w - resized_w_float) / 2)
        p_height = math_ops.maximum(0, math_ops.cast(pad_h, dtypes.int32))
        p_width = math_ops.maximum(0, math_ops.cast(pad_w, dtypes.int32))
        resized = resize_images(image, [resized_h, resized_w], method,
                                align_corners=align_corners)
        padded = pad_to_bounding_box(resized, p_height, p_width, target_height, target_width)
        return unbatch(padded, is_batch)
