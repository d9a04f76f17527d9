"""WAV encoding for audio summaries: 16-bit PCM, as TensorFlow writes it.

Samples are scaled by 32768, clamped to the int16 range and rounded half away from zero; NaN
becomes 0. The sample rate is written as a whole number of Hz (truncated).
"""

from __future__ import annotations

import struct

import numpy as np


def encode_wav(samples: np.ndarray, sample_rate: float) -> bytes:
    """WAV bytes of ``[frames, channels]`` float samples in [-1, 1]."""
    frames, channels = samples.shape
    scaled = np.nan_to_num(samples.astype(np.float64), nan=0.0, posinf=1.0, neginf=-1.0)
    scaled = np.clip(scaled * 32768.0, -32768.0, 32767.0)
    pcm = (np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)).astype("<i2").tobytes()
    rate = int(sample_rate)
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + len(pcm), b"WAVE",
        b"fmt ", 16, 1, channels, rate, rate * channels * 2, channels * 2, 16,
        b"data", len(pcm),
    )
    return header + pcm
