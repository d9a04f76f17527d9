# ruff: noqa: F401
"""``tf.image``: codecs, resizing, flips and rotations, crops and pads, colour and image
statistics, boxes."""

from tfcompat.ops.image.combined_nms import combined_non_max_suppression
from tfcompat.ops.image.crop_and_resize import crop_and_resize
from tfcompat.ops.image.distorted_box import sample_distorted_bounding_box
from tfcompat.ops.image.glimpse import extract_glimpse
from tfcompat.ops.image.image_adjust import (
    adjust_contrast,
    adjust_gamma,
    random_brightness,
    random_contrast,
    random_flip_left_right,
    random_flip_up_down,
    rgb_to_yiq,
    rgb_to_yuv,
    yiq_to_rgb,
    yuv_to_rgb,
)
from tfcompat.ops.image.image_boxes import draw_bounding_boxes, sobel_edges
from tfcompat.ops.image.image_color import (
    adjust_brightness,
    convert_image_dtype,
    grayscale_to_rgb,
    image_gradients,
    per_image_standardization,
    psnr,
    rgb_to_grayscale,
    total_variation,
)
from tfcompat.ops.image.image_crops import (
    central_crop,
    crop_to_bounding_box,
    pad_to_bounding_box,
    resize_image_with_crop_or_pad,
    resize_image_with_pad,
)
from tfcompat.ops.image.image_crops import (
    resize_image_with_crop_or_pad as resize_with_crop_or_pad,
)
from tfcompat.ops.image.image_geometry import (
    ResizeMethod,
    flip_left_right,
    flip_up_down,
    resize_images,
    rot90,
    transpose,
)
from tfcompat.ops.image.image_geometry import resize_images as resize
from tfcompat.ops.image.image_geometry import transpose as transpose_image
from tfcompat.ops.image.image_hsv import (
    adjust_hue,
    adjust_saturation,
    hsv_to_rgb,
    random_hue,
    random_saturation,
    rgb_to_hsv,
)
from tfcompat.ops.image.image_ssim import ssim, ssim_multiscale
from tfcompat.ops.image.nms_ops import (
    non_max_suppression,
    non_max_suppression_overlaps,
    non_max_suppression_padded,
    non_max_suppression_with_scores,
)
from tfcompat.ops.image.resize_cubic_area import resize_area, resize_bicubic
from tfcompat.ops.image.resize_ops import resize_bilinear, resize_nearest_neighbor
from tfcompat.ops.image_codec_ops import (
    decode_and_crop_jpeg,
    decode_bmp,
    decode_gif,
    decode_image,
    decode_jpeg,
    decode_png,
    encode_jpeg,
    encode_png,
    extract_jpeg_shape,
    is_jpeg,
)
from tfcompat.ops.random_extra_ops import random_crop
from tfcompat.ops.space_ops import extract_image_patches
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.image", __name__)

# ---- numeric (issue 9, patches)
# isort: split
from tfcompat.ops.image.patches import extract_patches  # noqa: E402, F401
from tfcompat.ops.image_quality_ops import (  # noqa: E402, F401
    adjust_jpeg_quality,
    decode_webp,
    random_jpeg_quality,
)
