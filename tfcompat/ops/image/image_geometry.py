"""tf.image's geometry functions: resize_images, flips, rot90, transpose, crops and pads.

These are Python compositions of graph ops, as in TF (their ops carry TF's scope names). Checks
TF makes with runtime Assert ops when shapes are unknown are made here only when static.
"""

from __future__ import annotations

import enum

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.tensor_conversion import convert_to_tensor
from tfcompat.ops import array_ops, control_flow_v1, math_ops, slicing_ops
from tfcompat.ops.image import resize_cubic_area, resize_ops
from tfcompat.ops.image.image_checks import (
    as_batch,
    assert_at_least_3d,
    image_dimensions,
    unbatch,
)


class ResizeMethod(enum.IntEnum):
    """``tf.image.ResizeMethod`` of TF1: the v1 resize methods' integer codes."""

    BILINEAR = 0
    NEAREST_NEIGHBOR = 1
    BICUBIC = 2
    AREA = 3


# ---- resize ----------------------------------------------------------------------------------

_RESIZERS = {
    ResizeMethod.BILINEAR: resize_ops.resize_bilinear,
    ResizeMethod.NEAREST_NEIGHBOR: resize_ops.resize_nearest_neighbor,
    ResizeMethod.BICUBIC: resize_cubic_area.resize_bicubic,
    ResizeMethod.AREA: resize_cubic_area.resize_area,
}


def resize_images(images, size, method=ResizeMethod.BILINEAR, align_corners=False,
                  preserve_aspect_ratio=False, name=None):
    """Resizes 3-D ``[h, w, c]`` or 4-D ``[n, h, w, c]`` images to ``size`` (TF1's resize_images).

    BILINEAR returns float32; NEAREST_NEIGHBOR keeps the dtype. When the static size already
    equals the image size, the images are returned unchanged (as TF1 does).
    """
    with ops.name_scope(name, "resize", [images, size]):
        images = convert_to_tensor(images, name="images")
        if images.shape.ndims is None:
            raise ValueError("'images' contains no shape.")
        images, is_batch = as_batch(images, "'images' must have either 3 or 4 dimensions.")
        _, height, width, _ = images.shape.as_list()
        try:
            size = convert_to_tensor(size, dtypes.int32, name="size")
        except (TypeError, ValueError):
            raise ValueError("'size' must be a 1-D int32 Tensor") from None
        if not size.shape.is_compatible_with([2]):
            raise ValueError("'size' must be a 1-D Tensor of 2 elements: new_height, new_width")
        if preserve_aspect_ratio:
            size = _aspect_preserving_size(images, size)
        new_height, new_width = tensor_util.constant_value_as_shape(size).with_rank(2).as_list()
        if None not in (new_height, new_width, height, width) and (
                (height, width) == (new_height, new_width)):
            return unbatch(images, is_batch)
        if method not in _RESIZERS:
            raise ValueError(f"Resize method is not implemented: {method}")
        images = _RESIZERS[method](images, size, align_corners=align_corners)
        images.set_shape([None, new_height, new_width, None])
        return unbatch(images, is_batch)


def _aspect_preserving_size(images, size):
    _, height, width, _ = image_dimensions(images, 4)
    f32 = dtypes.float32
    scale_h = math_ops.cast(size[0], f32) / math_ops.cast(height, f32)
    scale_w = math_ops.cast(size[1], f32) / math_ops.cast(width, f32)
    scale = math_ops.minimum(scale_h, scale_w)
    new_h = math_ops.cast(math_ops.round(scale * math_ops.cast(height, f32)), dtypes.int32)
    new_w = math_ops.cast(math_ops.round(scale * math_ops.cast(width, f32)), dtypes.int32)
    return convert_to_tensor([new_h, new_w], dtypes.int32, name="size")


# ---- flips, rot90, transpose -----------------------------------------------------------------

def _flip(image, flip_index: int, scope_name: str):
    with ops.name_scope(None, scope_name, [image]):
        image = convert_to_tensor(image, name="image")
        image = assert_at_least_3d(image)
        ndims = image.shape.ndims
        if ndims == 3:
            return slicing_ops.reverse(image, [flip_index])
        if ndims == 4:
            return slicing_ops.reverse(image, [flip_index + 1])
        if ndims is None:
            return control_flow_v1.cond(
                math_ops.equal(array_ops.rank(image), 3),
                lambda: slicing_ops.reverse(image, [flip_index]),
                lambda: slicing_ops.reverse(image, [flip_index + 1]))
        raise ValueError(f"'image' (shape {image.shape})must have either 3 or 4 dimensions.")


def flip_left_right(image):
    """Reverses the width axis of a 3-D or 4-D image."""
    return _flip(image, 1, "flip_left_right")


def flip_up_down(image):
    """Reverses the height axis of a 3-D or 4-D image."""
    return _flip(image, 0, "flip_up_down")


def transpose(image, name=None):
    """Swaps height and width of a 3-D or 4-D image."""
    with ops.name_scope(name, "transpose", [image]):
        image = convert_to_tensor(image, name="image")
        image = assert_at_least_3d(image)
        ndims = image.shape.ndims
        if ndims == 3:
            return array_ops.transpose(image, [1, 0, 2], name=name)
        if ndims == 4:
            return array_ops.transpose(image, [0, 2, 1, 3], name=name)
        raise ValueError(f"'image' (shape {image.shape}) must have either 3 or 4 dimensions.")


def rot90(image, k=1, name=None):
    """Rotates 3-D or 4-D images counter-clockwise by ``k`` quarter turns (k may be a tensor)."""
    with ops.name_scope(name, "rot90", [image, k]):
        image = convert_to_tensor(image, name="image")
        image = assert_at_least_3d(image)
        k = convert_to_tensor(k, dtype=dtypes.int32, name="k")
        k.shape.assert_has_rank(0)
        k = math_ops.floormod(k, 4)
        ndims = image.shape.ndims
        if ndims not in (3, 4):
            raise ValueError(f"'image' (shape {image.shape})must have either 3 or 4 dimensions.")
        h, w = (0, 1) if ndims == 3 else (1, 2)
        perm = list(range(ndims))
        perm[h], perm[w] = w, h

        def quarter():
            return array_ops.transpose(slicing_ops.reverse(image, [w]), perm)

        def half():
            return slicing_ops.reverse(image, [h, w])

        def three_quarters():
            return slicing_ops.reverse(array_ops.transpose(image, perm), [w])

        result = control_flow_v1.cond(
            math_ops.equal(k, 1), quarter, lambda: control_flow_v1.cond(
                math_ops.equal(k, 2), half, lambda: control_flow_v1.cond(
                    math_ops.equal(k, 3), three_quarters, lambda: image)))
        static = image.shape.as_list()
        static[h] = static[w] = None
        result.set_shape(static)
        return result
