"""JPEG re-compression (``tf.image.adjust_jpeg_quality`` / ``random_jpeg_quality``, the
EncodeJpegVariableQuality op) and WebP decoding (``tf.image.decode_webp``, DecodeWebP), both
through the optional Pillow package like the other JPEG ops (``pip install tfcompat[jpeg]``).

Pillow's WebP decoder gives TF's pixels exactly; its JPEG encoder and decoder are libjpeg too
but not configured identically, so re-compressed pixels differ from TF's by a few levels.
"""

from __future__ import annotations

import io

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.image.image_color import convert_image_dtype
from tfcompat.ops.image_codec_ops import _contents, _pillow, decode_jpeg
from tfcompat.ops.random_ops import random_uniform

# ---- EncodeJpegVariableQuality ---------------------------------------------------------------


def _encode_variable_quality(image, quality):
    image = np.asarray(image, dtype=np.uint8)
    quality = int(quality)
    if image.ndim != 3 or image.shape[-1] not in (1, 3):
        raise errors.InvalidArgumentError(
            None, None, "image must be 3-dimensional with 1 or 3 channels, got shape "
                        f"[{','.join(str(d) for d in image.shape)}]")
    if not 0 <= quality <= 100:
        raise errors.InvalidArgumentError(None, None, f"quality must be in [0,100], got "
                                                      f"{quality}")
    image_module = _pillow()
    buffer = io.BytesIO()
    pixels = image[..., 0] if image.shape[-1] == 1 else image
    image_module.fromarray(pixels, "L" if image.shape[-1] == 1 else "RGB").save(
        buffer, format="JPEG", quality=max(quality, 1))
    out = np.empty((), dtype=object)
    out[()] = buffer.getvalue()
    return out


register_op("EncodeJpegVariableQuality", inputs=("images: uint8", "quality: int32"),
            kernel=_encode_variable_quality,
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))], foldable=False,
            grad=NOT_DIFFERENTIABLE)


def adjust_jpeg_quality(image, jpeg_quality, dct_method="", name=None) -> Tensor:
    """Re-encodes a ``[height, width, channels]`` image as JPEG of ``jpeg_quality`` (0-100)
    and decodes it again, keeping the image's dtype."""
    with ops.name_scope(name, "adjust_jpeg_quality", [image]):
        image = convert_to_tensor(image, name="image")
        channels = image.shape.as_tuple()[-1] if image.shape.ndims else None
        original = image.dtype.base_dtype
        image = convert_image_dtype(image, dtypes.uint8, saturate=True)
        quality = convert_to_tensor(jpeg_quality, dtype=dtypes.int32)
        encoded = apply_op("EncodeJpegVariableQuality", [image, quality])
        decoded = decode_jpeg(encoded, channels=channels or 0, dct_method=dct_method)
        return convert_image_dtype(decoded, original, saturate=True)


def random_jpeg_quality(image, min_jpeg_quality, max_jpeg_quality, seed=None) -> Tensor:
    """``adjust_jpeg_quality`` with a quality drawn uniformly from
    ``[min_jpeg_quality, max_jpeg_quality)``."""
    if (min_jpeg_quality < 0 or max_jpeg_quality < 0 or min_jpeg_quality > 100 or
            max_jpeg_quality > 100):
        raise ValueError("jpeg encoding range must be between 0 and 100.")
    if min_jpeg_quality >= max_jpeg_quality:
        raise ValueError("`min_jpeg_quality` must be less than `max_jpeg_quality`.")
    quality = random_uniform([], min_jpeg_quality, max_jpeg_quality, dtype=dtypes.int32,
                             seed=seed)
    return adjust_jpeg_quality(image, quality)


# ---- DecodeWebP ------------------------------------------------------------------------------

def _decode_webp_bytes(data: bytes, channels: int) -> np.ndarray:
    image_module = _pillow()
    try:
        image = image_module.open(io.BytesIO(data), formats=["WEBP"])
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(np.asarray(image.convert("RGBA" if image.mode == "RGBA" else "RGB")))
    except Exception as e:  # noqa: BLE001 - any decoder failure is TF's invalid data
        raise errors.InvalidArgumentError(None, None, f"Invalid WebP data: {e}") from None
    pixels = np.stack(frames).astype(np.uint8)
    if channels not in (0, pixels.shape[-1]):
        raise errors.InvalidArgumentError(None, None, "Number of channels requested does not "
                                                      "match input")
    return pixels


def _bind_decode_webp(op, state):
    channels = op._attrs["channels"]
    return lambda contents: _decode_webp_bytes(_contents(contents), channels)


register_op("DecodeWebP", inputs=("contents: string",),
            shape_fn=lambda op: [(op._attrs["dtype"], TensorShape(
                [None, None, None, op._attrs["channels"] or None]))],
            bind=_bind_decode_webp, allowed={"dtype": (dtypes.uint8,)},
            attr_defaults={"channels": 0, "dtype": dtypes.uint8}, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def decode_webp(contents, channels=0, dtype=dtypes.uint8, name=None) -> Tensor:
    """Decodes a (possibly animated) WebP image to ``[frames, height, width, channels]`` uint8
    (channels 3 or 4; 0 keeps the file's)."""
    dtype = dtypes.as_dtype(dtype)
    if dtype != dtypes.uint8:
        raise TypeError(f"Value passed to parameter 'dtype' has DataType {dtype.name} not in "
                        "list of allowed values: uint8")
    return apply_op("DecodeWebP", [contents], name=name,
                    attrs={"channels": int(channels), "dtype": dtype})
