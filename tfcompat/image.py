# ruff: noqa: F401
"""``tf.image``: codecs, resizing, flips and rotations, crops and pads, colour and image
statistics, boxes."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "combined_non_max_suppression": "tfcompat.ops.image.combined_nms:combined_non_max_suppression",
    "crop_and_resize": "tfcompat.ops.image.crop_and_resize:crop_and_resize",
    "sample_distorted_bounding_box":
        "tfcompat.ops.image.distorted_box:sample_distorted_bounding_box",
    "extract_glimpse": "tfcompat.ops.image.glimpse:extract_glimpse",
    "adjust_contrast": "tfcompat.ops.image.image_adjust:adjust_contrast",
    "adjust_gamma": "tfcompat.ops.image.image_adjust:adjust_gamma",
    "random_brightness": "tfcompat.ops.image.image_adjust:random_brightness",
    "random_contrast": "tfcompat.ops.image.image_adjust:random_contrast",
    "random_flip_left_right": "tfcompat.ops.image.image_adjust:random_flip_left_right",
    "random_flip_up_down": "tfcompat.ops.image.image_adjust:random_flip_up_down",
    "rgb_to_yiq": "tfcompat.ops.image.image_adjust:rgb_to_yiq",
    "rgb_to_yuv": "tfcompat.ops.image.image_adjust:rgb_to_yuv",
    "yiq_to_rgb": "tfcompat.ops.image.image_adjust:yiq_to_rgb",
    "yuv_to_rgb": "tfcompat.ops.image.image_adjust:yuv_to_rgb",
    "draw_bounding_boxes": "tfcompat.ops.image.image_boxes:draw_bounding_boxes",
    "sobel_edges": "tfcompat.ops.image.image_boxes:sobel_edges",
    "adjust_brightness": "tfcompat.ops.image.image_color:adjust_brightness",
    "convert_image_dtype": "tfcompat.ops.image.image_color:convert_image_dtype",
    "grayscale_to_rgb": "tfcompat.ops.image.image_color:grayscale_to_rgb",
    "image_gradients": "tfcompat.ops.image.image_color:image_gradients",
    "per_image_standardization": "tfcompat.ops.image.image_color:per_image_standardization",
    "psnr": "tfcompat.ops.image.image_color:psnr",
    "rgb_to_grayscale": "tfcompat.ops.image.image_color:rgb_to_grayscale",
    "total_variation": "tfcompat.ops.image.image_color:total_variation",
    "central_crop": "tfcompat.ops.image.image_crops:central_crop",
    "crop_to_bounding_box": "tfcompat.ops.image.image_crops:crop_to_bounding_box",
    "pad_to_bounding_box": "tfcompat.ops.image.image_crops:pad_to_bounding_box",
    "resize_image_with_crop_or_pad": "tfcompat.ops.image.image_crops:resize_image_with_crop_or_pad",
    "resize_image_with_pad": "tfcompat.ops.image.image_crops:resize_image_with_pad",
    "resize_with_crop_or_pad": "tfcompat.ops.image.image_crops:resize_image_with_crop_or_pad",
    "ResizeMethod": "tfcompat.ops.image.image_geometry:ResizeMethod",
    "flip_left_right": "tfcompat.ops.image.image_geometry:flip_left_right",
    "flip_up_down": "tfcompat.ops.image.image_geometry:flip_up_down",
    "resize_images": "tfcompat.ops.image.image_geometry:resize_images",
    "rot90": "tfcompat.ops.image.image_geometry:rot90",
    "transpose": "tfcompat.ops.image.image_geometry:transpose",
    "resize": "tfcompat.ops.image.image_geometry:resize_images",
    "transpose_image": "tfcompat.ops.image.image_geometry:transpose",
    "adjust_hue": "tfcompat.ops.image.image_hsv:adjust_hue",
    "adjust_saturation": "tfcompat.ops.image.image_hsv:adjust_saturation",
    "hsv_to_rgb": "tfcompat.ops.image.image_hsv:hsv_to_rgb",
    "random_hue": "tfcompat.ops.image.image_hsv:random_hue",
    "random_saturation": "tfcompat.ops.image.image_hsv:random_saturation",
    "rgb_to_hsv": "tfcompat.ops.image.image_hsv:rgb_to_hsv",
    "ssim": "tfcompat.ops.image.image_ssim:ssim",
    "ssim_multiscale": "tfcompat.ops.image.image_ssim:ssim_multiscale",
    "non_max_suppression": "tfcompat.ops.image.nms_ops:non_max_suppression",
    "non_max_suppression_overlaps": "tfcompat.ops.image.nms_ops:non_max_suppression_overlaps",
    "non_max_suppression_padded": "tfcompat.ops.image.nms_ops:non_max_suppression_padded",
    "non_max_suppression_with_scores": "tfcompat.ops.image.nms_ops:non_max_suppression_with_scores",
    "resize_area": "tfcompat.ops.image.resize_cubic_area:resize_area",
    "resize_bicubic": "tfcompat.ops.image.resize_cubic_area:resize_bicubic",
    "resize_bilinear": "tfcompat.ops.image.resize_ops:resize_bilinear",
    "resize_nearest_neighbor": "tfcompat.ops.image.resize_ops:resize_nearest_neighbor",
    "decode_and_crop_jpeg": "tfcompat.ops.image_codec_ops:decode_and_crop_jpeg",
    "decode_bmp": "tfcompat.ops.image_codec_ops:decode_bmp",
    "decode_gif": "tfcompat.ops.image_codec_ops:decode_gif",
    "decode_image": "tfcompat.ops.image_codec_ops:decode_image",
    "decode_jpeg": "tfcompat.ops.image_codec_ops:decode_jpeg",
    "decode_png": "tfcompat.ops.image_codec_ops:decode_png",
    "encode_jpeg": "tfcompat.ops.image_codec_ops:encode_jpeg",
    "encode_png": "tfcompat.ops.image_codec_ops:encode_png",
    "extract_jpeg_shape": "tfcompat.ops.image_codec_ops:extract_jpeg_shape",
    "is_jpeg": "tfcompat.ops.image_codec_ops:is_jpeg",
    "random_crop": "tfcompat.ops.random_extra_ops:random_crop",
    "extract_image_patches": "tfcompat.ops.space_ops:extract_image_patches",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.image", __name__))

# ---- numeric (issue 9, patches)
_LAZY.update({
    "extract_patches": "tfcompat.ops.image.patches:extract_patches",
    "adjust_jpeg_quality": "tfcompat.ops.image_quality_ops:adjust_jpeg_quality",
    "decode_webp": "tfcompat.ops.image_quality_ops:decode_webp",
    "random_jpeg_quality": "tfcompat.ops.image_quality_ops:random_jpeg_quality",
})
