"""Image codec ops (``tf.image``/``tf.io``): PNG, BMP and GIF in numpy + zlib; JPEG through
the optional Pillow package (``pip install tfcompat[jpeg]``).
"""

from __future__ import annotations

import io
import struct

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.lib import png as png_encoder
from tfcompat.ops import image_decoders, math_ops
from tfcompat.ops.string_ops import as_bytes_array, substr


def _contents(value) -> bytes:
    return as_bytes_array(value)[()]


def _image_shape(channels):
    return TensorShape([None, None, channels or None])


def _check_channels(channels, allowed=(0, 1, 3, 4)):
    if channels not in allowed:
        raise ValueError(f"channels must be in {list(allowed)}, got {channels}")


# ---- PNG --------------------------------------------------------------------------------------

def _bind_decode_png(op, state):
    channels = op._attrs["channels"]
    dtype = op._attrs["dtype"].as_numpy_dtype

    def kernel(contents):
        samples, depth, palette, info = image_decoders.decode_png(_contents(contents))
        return image_decoders.png_to_channels(samples, depth, palette, info, channels, dtype)
    return kernel


register_op("DecodePng", inputs=("contents: string",),
            shape_fn=lambda op: [(op._attrs["dtype"], _image_shape(op._attrs["channels"]))],
            bind=_bind_decode_png, attr_defaults={"channels": 0, "dtype": dtypes.uint8},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_png(contents, channels=0, dtype=dtypes.uint8, name=None):
    """Decodes a PNG image to ``[height, width, channels]`` uint8 or uint16."""
    _check_channels(channels, (0, 1, 2, 3, 4))
    return ops.apply_op("DecodePng", [contents], name=name or "DecodePng",
                        attrs={"channels": channels, "dtype": dtypes.as_dtype(dtype)})


def _encode_png_bytes(image: np.ndarray, compression: int) -> bytes:
    """libpng's encoding (see tfcompat.lib.png): 8-bit directly, 16-bit as big-endian
    sample pairs filtered with two bytes per sample."""
    del compression  # libpng's default level (6); other levels are accepted, not honoured
    if image.dtype == np.uint8:
        return png_encoder.encode_png(image)
    height, width, channels = image.shape
    as_bytes = np.ascontiguousarray(image.astype(">u2")).view(np.uint8).reshape(
        height, width, 2 * channels)
    header = struct.pack(">IIBBBBB", width, height, 16, png_encoder._COLOR_TYPES[channels],
                         0, 0, 0)
    stream = png_encoder._deflate(png_encoder._filtered_rows(as_bytes))
    idats = [png_encoder._chunk(b"IDAT", stream[i:i + png_encoder._IDAT_SIZE])
             for i in range(0, len(stream), png_encoder._IDAT_SIZE)]
    return b"".join((image_decoders.PNG_SIGNATURE, png_encoder._chunk(b"IHDR", header),
                     *idats, png_encoder._chunk(b"IEND", b"")))


def _bind_encode_png(op, state):
    compression = op._attrs["compression"]

    def kernel(image):
        image = np.asarray(image)
        if image.ndim != 3 or image.shape[-1] not in (1, 2, 3, 4):
            raise errors.InvalidArgumentError(
                None, None, f"image must be 3-dimensional with 1-4 channels, got shape "
                f"{list(image.shape)}")
        out = np.empty((), dtype=object)
        out[()] = _encode_png_bytes(image, compression)
        return out
    return kernel


register_op("EncodePng", inputs=("image: T",),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))], bind=_bind_encode_png,
            attr_defaults={"compression": -1}, allowed={"T": (dtypes.uint8, dtypes.uint16)},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def encode_png(image, compression=-1, name=None):
    """PNG bytes of a ``[height, width, channels]`` uint8/uint16 image."""
    return ops.apply_op("EncodePng", [image], name=name or "EncodePng",
                        attrs={"compression": compression})


# ---- BMP and GIF ------------------------------------------------------------------------------

def _bind_decode_bmp(op, state):
    channels = op._attrs["channels"]

    def kernel(contents):
        pixels = image_decoders.decode_bmp(_contents(contents))
        have = pixels.shape[-1]
        if channels and channels != have:
            if channels == 3 and have == 4:
                return pixels[..., :3]
            if channels == 4 and have == 3:
                alpha = np.full(pixels.shape[:2] + (1,), 255, np.uint8)
                return np.concatenate([pixels, alpha], axis=-1)
            raise errors.InvalidArgumentError(
                None, None, f"Number of channels inherent in the image must be 1, 3 or 4, "
                f"was {have}")
        return pixels
    return kernel


register_op("DecodeBmp", inputs=("contents: string",),
            shape_fn=lambda op: [(dtypes.uint8, _image_shape(op._attrs["channels"]))],
            bind=_bind_decode_bmp, attr_defaults={"channels": 0}, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def decode_bmp(contents, channels=0, name=None):
    """Decodes an uncompressed BMP image to ``[height, width, channels]`` uint8 RGB(A)."""
    _check_channels(channels)
    return ops.apply_op("DecodeBmp", [contents], name=name or "DecodeBmp",
                        attrs={"channels": channels})


register_op("DecodeGif", inputs=("contents: string",),
            shape_fn=lambda op: [(dtypes.uint8, TensorShape([None, None, None, 3]))],
            kernel=lambda contents: image_decoders.decode_gif(_contents(contents)),
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_gif(contents, name=None):
    """Decodes a GIF to ``[frames, height, width, 3]`` uint8 RGB."""
    return ops.apply_op("DecodeGif", [contents], name=name or "DecodeGif")


# ---- JPEG (Pillow) ----------------------------------------------------------------------------

def _pillow():
    try:
        from PIL import Image
    except ImportError:
        raise errors.UnimplementedError(
            None, None, "JPEG support in tfcompat needs the optional Pillow package: "
            "pip install 'tfcompat[jpeg]' (or pip install pillow)") from None
    return Image


def _is_jpeg_bytes(data: bytes) -> bool:
    return data[:3] == b"\xff\xd8\xff"


def _decode_jpeg_bytes(data: bytes, channels: int) -> np.ndarray:
    image_module = _pillow()
    if not _is_jpeg_bytes(data):
        raise errors.InvalidArgumentError(None, None, "Invalid JPEG data or crop window, data "
                                          f"size {len(data)}")
    try:
        image = image_module.open(io.BytesIO(data))
        image.load()
    except Exception as e:  # noqa: BLE001 - any decoder failure is TF's invalid data
        raise errors.InvalidArgumentError(None, None, f"Invalid JPEG data: {e}") from None
    if channels == 1 or (channels == 0 and image.mode == "L"):
        image = image.convert("L")
        return np.asarray(image, dtype=np.uint8)[..., None]
    return np.asarray(image.convert("RGB"), dtype=np.uint8)


def _bind_decode_jpeg(op, state):
    channels = op._attrs["channels"]
    return lambda contents: _decode_jpeg_bytes(_contents(contents), channels)


_JPEG_DECODE_ATTRS = {"channels": 0, "ratio": 1, "fancy_upscaling": True,
                      "try_recover_truncated": False, "acceptable_fraction": 1.0,
                      "dct_method": ""}
register_op("DecodeJpeg", inputs=("contents: string",),
            shape_fn=lambda op: [(dtypes.uint8, _image_shape(op._attrs["channels"]))],
            bind=_bind_decode_jpeg, attr_defaults=_JPEG_DECODE_ATTRS, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def decode_jpeg(contents, channels=0, ratio=1, fancy_upscaling=True,
                try_recover_truncated=False, acceptable_fraction=1, dct_method="", name=None):
    """Decodes a JPEG image (through Pillow) to ``[height, width, channels]`` uint8."""
    _check_channels(channels, (0, 1, 3))
    if ratio != 1:
        raise NotImplementedError("decode_jpeg(ratio != 1) is not supported by tfcompat yet")
    return ops.apply_op("DecodeJpeg", [contents], name=name or "DecodeJpeg", attrs={
        "channels": channels, "ratio": ratio, "fancy_upscaling": fancy_upscaling,
        "try_recover_truncated": try_recover_truncated,
        "acceptable_fraction": float(acceptable_fraction), "dct_method": dct_method})


def _bind_encode_jpeg(op, state):
    quality = op._attrs["quality"]

    def kernel(image):
        image_module = _pillow()
        image = np.asarray(image, dtype=np.uint8)
        mode = "L" if image.shape[-1] == 1 else "RGB"
        buffer = io.BytesIO()
        image_module.fromarray(image[..., 0] if mode == "L" else image, mode).save(
            buffer, format="JPEG", quality=quality)
        out = np.empty((), dtype=object)
        out[()] = buffer.getvalue()
        return out
    return kernel


register_op("EncodeJpeg", inputs=("image: uint8",),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))], bind=_bind_encode_jpeg,
            attr_defaults={"format": "", "quality": 95, "progressive": False,
                           "optimize_size": False, "chroma_downsampling": True,
                           "density_unit": "in", "x_density": 300, "y_density": 300,
                           "xmp_metadata": ""}, foldable=False, grad=NOT_DIFFERENTIABLE)


def encode_jpeg(image, format="", quality=95, progressive=False,  # noqa: A002 - TF's name
                optimize_size=False, chroma_downsampling=True, density_unit="in",
                x_density=300, y_density=300, xmp_metadata="", name=None):
    """JPEG bytes of a uint8 image (through Pillow; the bytes differ from libjpeg's)."""
    return ops.apply_op("EncodeJpeg", [image], name=name or "EncodeJpeg", attrs={
        "format": format, "quality": quality, "progressive": progressive,
        "optimize_size": optimize_size, "chroma_downsampling": chroma_downsampling,
        "density_unit": density_unit, "x_density": x_density, "y_density": y_density,
        "xmp_metadata": xmp_metadata})


def _bind_decode_and_crop_jpeg(op, state):
    channels = op._attrs["channels"]

    def kernel(contents, window):
        image = _decode_jpeg_bytes(_contents(contents), channels)
        y, x, h, w = (int(v) for v in np.asarray(window).reshape(-1))
        if y < 0 or x < 0 or h <= 0 or w <= 0 or y + h > image.shape[0] or \
                x + w > image.shape[1]:
            raise errors.InvalidArgumentError(None, None, "Invalid JPEG data or crop window.")
        return np.ascontiguousarray(image[y:y + h, x:x + w])
    return kernel


def _crop_shape(op):
    window = constant_value(op.inputs[1])
    channels = op._attrs["channels"] or None
    if window is None:
        return [(dtypes.uint8, TensorShape([None, None, channels]))]
    return [(dtypes.uint8, TensorShape([int(window[2]), int(window[3]), channels]))]


register_op("DecodeAndCropJpeg", inputs=("contents: string", "crop_window: int32"),
            shape_fn=_crop_shape, value_inputs=(1,),
            bind=_bind_decode_and_crop_jpeg, attr_defaults=_JPEG_DECODE_ATTRS, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def decode_and_crop_jpeg(contents, crop_window, channels=0, ratio=1, fancy_upscaling=True,
                         try_recover_truncated=False, acceptable_fraction=1, dct_method="",
                         name=None):
    """Decodes the ``[y, x, height, width]`` window of a JPEG image (through Pillow)."""
    _check_channels(channels, (0, 1, 3))
    return ops.apply_op("DecodeAndCropJpeg", [contents, crop_window],
                        name=name or "DecodeAndCropJpeg", attrs={
                            "channels": channels, "ratio": ratio,
                            "fancy_upscaling": fancy_upscaling,
                            "try_recover_truncated": try_recover_truncated,
                            "acceptable_fraction": float(acceptable_fraction),
                            "dct_method": dct_method})


def _jpeg_shape(data: bytes) -> tuple[int, int, int]:
    """(height, width, components) from a JPEG's start-of-frame marker."""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            break
        marker = data[pos + 1]
        length = struct.unpack_from(">H", data, pos + 2)[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack_from(">HH", data, pos + 5)
            return height, width, data[pos + 9]
        pos += 2 + length
    raise errors.InvalidArgumentError(None, None, "Invalid JPEG data or crop window.")


def _bind_extract_jpeg_shape(op, state):
    out = op._attrs["output_type"].as_numpy_dtype
    return lambda contents: np.asarray(_jpeg_shape(_contents(contents)), dtype=out)


register_op("ExtractJpegShape", inputs=("contents: string",),
            shape_fn=lambda op: [(op._attrs["output_type"], TensorShape([3]))],
            bind=_bind_extract_jpeg_shape, attr_defaults={"output_type": dtypes.int32},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def extract_jpeg_shape(contents, output_type=dtypes.int32, name=None):
    """``[height, width, channels]`` of a JPEG image, read from its header."""
    return ops.apply_op("ExtractJpegShape", [contents], name=name or "ExtractJpegShape",
                        attrs={"output_type": dtypes.as_dtype(output_type)})


def is_jpeg(contents, name=None):
    """Whether ``contents`` starts with the JPEG signature."""
    with ops.name_scope(name, "is_jpeg"):
        prefix = substr(contents, 0, 3)
        return math_ops.equal(prefix, b"\xff\xd8\xff", name=name)


# ---- decode_image -----------------------------------------------------------------------------

def _bind_decode_image(op, state):
    channels = op._attrs["channels"]
    dtype = op._attrs["dtype"].as_numpy_dtype
    expand = op._attrs["expand_animations"]

    def kernel(contents):
        data = _contents(contents)
        if data.startswith(image_decoders.PNG_SIGNATURE):
            samples, depth, palette, info = image_decoders.decode_png(data)
            image = image_decoders.png_to_channels(samples, depth, palette, info, channels,
                                                   np.uint16 if depth == 16 else np.uint8)
        elif data[:3] == b"GIF":
            image = image_decoders.decode_gif(data)
            if not expand:
                image = image[0]
        elif data[:2] == b"BM":
            image = image_decoders.decode_bmp(data)
        elif _is_jpeg_bytes(data):
            image = _decode_jpeg_bytes(data, channels)
        else:
            raise errors.InvalidArgumentError(
                None, None, "Unknown image file format. One of JPEG, PNG, GIF, BMP required.")
        return _convert_image(image, dtype)
    return kernel


def _convert_image(image: np.ndarray, dtype) -> np.ndarray:
    """TF's convert_image_dtype for decode_image: integers rescaled, floats in [0, 1]."""
    if image.dtype == dtype:
        return image
    source_max = float(np.iinfo(image.dtype).max)
    if np.issubdtype(dtype, np.floating):
        return (image.astype(np.float64) / source_max).astype(dtype)
    target_max = np.iinfo(dtype).max
    if target_max > source_max:
        return image.astype(dtype) * (target_max // int(source_max))
    return (image // (int(source_max) // target_max)).astype(dtype)


register_op("DecodeImage", inputs=("contents: string",),
            shape_fn=lambda op: [(op._attrs["dtype"], TensorShape(None))],
            bind=_bind_decode_image,
            attr_defaults={"channels": 0, "dtype": dtypes.uint8, "expand_animations": True},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_image(contents, channels=None, dtype=dtypes.uint8, name=None,
                 expand_animations=True):
    """Decodes a PNG, GIF, BMP or JPEG image, detecting the format from its bytes."""
    channels = channels or 0
    _check_channels(channels)
    with ops.name_scope(name, "decode_image"):
        return ops.apply_op("DecodeImage", [contents], name="DecodeImage", attrs={
            "channels": channels, "dtype": dtypes.as_dtype(dtype),
            "expand_animations": expand_animations})
