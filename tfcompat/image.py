# ruff: noqa: F401
"""``tf.image``: image codecs (the image processing ops are not built yet)."""

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
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.image", __name__)
