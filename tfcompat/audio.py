# ruff: noqa: F401
"""``tf.audio``: 16-bit PCM WAV encoding and decoding."""

from tfcompat.ops.audio_ops import decode_wav, encode_wav
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.audio", __name__)
