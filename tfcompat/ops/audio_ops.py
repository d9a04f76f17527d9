"""``tf.audio``: 16-bit PCM WAV encoding and decoding (ops ``EncodeWav`` / ``DecodeWav``).

Samples are floats in [-1, 1): decoding divides the int16 value by 32768; encoding multiplies
by 32768, rounds half away from zero and clamps to the int16 range (NaN becomes 0), so the bytes
match TF's. The decoder walks RIFF chunks as TF's does: the RIFF size field is not checked,
unknown chunks are skipped without pad bytes, and a data chunk consumes whole frames only.
"""

from __future__ import annotations

import collections
import struct

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.shape_errors import ShapeError
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.string_ops import as_bytes_array

_INT16_SCALE = 32768.0
_MAX_CHUNK = 2**31 - 1


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _require_rank(shape: TensorShape, rank: int) -> None:
    if shape.ndims is not None and shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")


# ---- EncodeWav --------------------------------------------------------------------------------

def _encode_wav_kernel(audio: np.ndarray, sample_rate: np.ndarray) -> np.ndarray:
    frames, channels = audio.shape
    rate = int(sample_rate)
    if audio.size == 0 and frames > 0:
        raise _invalid("audio is null")
    if not 0 < rate < 2**32:
        raise _invalid(f"sample_rate must be in (0, 2^32), got: {rate % 2**64}")
    if not 0 < channels < 2**16:
        raise _invalid(f"num_channels must be in (0, 2^16), got: {channels}")
    scaled = np.nan_to_num(audio.astype(np.float64), nan=0.0) * _INT16_SCALE
    rounded = np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)
    samples = np.clip(rounded, -32768, 32767).astype("<i2").tobytes()
    block_align = 2 * channels
    header = b"".join([
        b"RIFF", struct.pack("<I", 36 + len(samples)), b"WAVE",
        b"fmt ", struct.pack("<IHHIIHH", 16, 1, channels, rate,
                             (rate * block_align) % 2**32, block_align, 16),
        b"data", struct.pack("<I", len(samples))])
    out = np.empty((), dtype=object)
    out[()] = header + samples
    return out


def _encode_wav_shape(op):
    _require_rank(op.inputs[0].shape, 2)
    _require_rank(op.inputs[1].shape, 0)
    return [(dtypes.string, TensorShape([]))]


register_op("EncodeWav", inputs=("audio: float32", "sample_rate: int32"),
            shape_fn=_encode_wav_shape, kernel=_encode_wav_kernel, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def encode_wav(audio, sample_rate, name=None):
    """Encode audio data using the WAV file format.

    ``audio`` is a float32 ``[length, channels]`` tensor with samples in [-1, 1) and
    ``sample_rate`` an int32 scalar; returns a scalar string, the 16-bit PCM WAV file.
    """
    return apply_op("EncodeWav", [audio, sample_rate], name=name or "EncodeWav")


# ---- DecodeWav --------------------------------------------------------------------------------

class _Reader:
    """Sequential little-endian reads from the WAV bytes, failing as TF's decoder does."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def take(self, count: int) -> bytes:
        if self.offset + count > len(self.data):
            raise _invalid("Data too short when trying to read string")
        piece = self.data[self.offset:self.offset + count]
        self.offset += count
        return piece

    def uint(self, fmt: str) -> int:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def expect(self, tag: bytes) -> None:
        found = self.take(len(tag))
        if found != tag:
            raise _invalid(f"Header mismatch: Expected {tag.decode()} but found "
                           f"{found.decode('latin-1')}")


def _read_format(reader: _Reader) -> tuple[int, int]:
    reader.expect(b"fmt ")
    size = reader.uint("<I")
    if size not in (16, 18):
        raise _invalid(f"Bad format chunk size for WAV: Expected 16 or 18, but got{size}")
    audio_format = reader.uint("<H")
    if audio_format != 1:
        raise _invalid(f"Bad audio format for WAV: Expected 1 (PCM), but got{audio_format}")
    channels = reader.uint("<H")
    if channels < 1:
        raise _invalid(f"Bad number of channels for WAV: Expected at least 1, but got {channels}")
    sample_rate = reader.uint("<I")
    reader.uint("<I")  # byte rate
    reader.uint("<H")  # block align
    bits = reader.uint("<H")
    if bits != 16:
        raise _invalid(f"Can only read 16-bit WAV files, but received {bits}")
    reader.take(size - 16)
    return channels, sample_rate


def _parse_wav(data: bytes) -> tuple[np.ndarray, int]:
    """(int16 samples [frames, channels], sample rate) of a 16-bit PCM WAV file."""
    reader = _Reader(data)
    reader.expect(b"RIFF")
    reader.uint("<I")  # RIFF size: TF does not check it
    reader.expect(b"WAVE")
    channels, sample_rate = _read_format(reader)
    samples = None
    while reader.offset < len(data):
        chunk_id = reader.take(4)
        size = reader.uint("<I")
        if size > _MAX_CHUNK:
            raise _invalid(f"WAV data chunk '{chunk_id.decode('latin-1')}' is too large: "
                           f"{size} bytes, but the limit is {_MAX_CHUNK}")
        if chunk_id != b"data":
            reader.take(size)
            continue
        if samples is not None:
            raise _invalid("More than one data chunk found in WAV")
        frames = size // 2 // channels
        raw = reader.take(frames * channels * 2)
        samples = np.frombuffer(raw, dtype="<i2").reshape(frames, channels)
    if samples is None:
        raise _invalid("No data chunk found in WAV")
    return samples, sample_rate


def _bind_decode_wav(op, state):
    desired_channels = op._attrs["desired_channels"]
    desired_samples = op._attrs["desired_samples"]

    def kernel(contents):
        samples, sample_rate = _parse_wav(as_bytes_array(contents)[()])
        frames, channels = samples.shape
        out_channels = channels if desired_channels == -1 else desired_channels
        out_frames = frames if desired_samples == -1 else desired_samples
        # A mono file fills every requested channel; extra channels repeat the last one.
        source = np.minimum(np.arange(out_channels), channels - 1)
        audio = np.zeros((out_frames, out_channels), np.float32)
        kept = min(frames, out_frames)
        audio[:kept] = samples[:kept][:, source] / np.float32(_INT16_SCALE)
        return audio, np.array(sample_rate, np.uint32).astype(np.int32)

    return kernel


def _decode_wav_shape(op):
    _require_rank(op.inputs[0].shape, 0)
    dims = []
    for attr, what in (("desired_samples", "samples"), ("desired_channels", "channels")):
        value = op._attrs[attr]
        if value < -1:
            raise ShapeError(f"{what} must be non-negative, got {value}")
        dims.append(None if value == -1 else value)
    return [(dtypes.float32, TensorShape(dims)), (dtypes.int32, TensorShape([]))]


register_op("DecodeWav", inputs=("contents: string",), shape_fn=_decode_wav_shape,
            bind=_bind_decode_wav, attr_defaults={"desired_channels": -1, "desired_samples": -1},
            foldable=False, grad=NOT_DIFFERENTIABLE)

DecodeWav = collections.namedtuple("DecodeWav", ["audio", "sample_rate"])


def decode_wav(contents, desired_channels=-1, desired_samples=-1, name=None):
    """Decode a 16-bit PCM WAV file to a float tensor.

    The -32768 to 32767 signed 16-bit values are scaled to -1.0 to 1.0. With
    ``desired_channels`` set, a mono file is repeated into every channel and extra channels
    are dropped; with ``desired_samples`` set, the audio is cropped or zero-padded to that
    length. Returns ``(audio [samples, channels] float32, sample_rate int32 scalar)``.
    """
    return DecodeWav(*apply_op("DecodeWav", [contents], name=name or "DecodeWav",
                               attrs={"desired_channels": desired_channels,
                                      "desired_samples": desired_samples}))
