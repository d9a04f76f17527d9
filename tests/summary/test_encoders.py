"""PNG and WAV encoders: byte-identical to TensorFlow's output and readable by standard decoders."""

from __future__ import annotations

import hashlib
import io
import json
import wave
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tfcompat.lib.png import encode_png
from tfcompat.summary.wav import encode_wav

_PNG_ORACLE = json.loads((Path(__file__).parent / "data" / "png_oracle.json").read_text())


def _oracle_images():
    """The images of png_oracle.json, regenerated as the recording script made them."""
    rng = np.random.RandomState(5)
    for case in _PNG_ORACLE["cases"]:
        h, w, c = case["shape"]
        yy, xx = np.mgrid[0:h, 0:w]
        base = ((xx * 3 + yy * 2) % 256)[..., None] + rng.randint(0, 20, size=(h, w, c))
        yield np.clip(base, 0, 255).astype(np.uint8), case


_IMAGES = list(_oracle_images())


@pytest.mark.parametrize("pixels,case", _IMAGES,
                         ids=["x".join(map(str, case["shape"])) for _, case in _IMAGES])
def test_png_bytes_equal_tensorflow(pixels, case):
    png = encode_png(pixels)
    assert len(png) == case["png_length"]
    assert hashlib.sha256(png).hexdigest() == case["png_sha256"]


@pytest.mark.parametrize("channels,mode", [(1, "L"), (2, "LA"), (3, "RGB"), (4, "RGBA")])
def test_png_decodes_to_the_same_pixels(channels, mode):
    pixels = np.random.default_rng(channels).integers(0, 256, (9, 13, channels), dtype=np.uint8)
    image = Image.open(io.BytesIO(encode_png(pixels)))
    assert image.mode == mode and image.size == (13, 9)
    decoded = np.asarray(image).reshape(9, 13, channels)
    np.testing.assert_array_equal(decoded, pixels)


def test_wav_reads_back_with_the_wave_module():
    samples = np.array([[0.0, 0.5], [-0.5, 1.0], [-1.0, 0.25]], np.float32)
    with wave.open(io.BytesIO(encode_wav(samples, 22050.7))) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (2, 2, 22050)
        frames = np.frombuffer(wav.readframes(3), "<i2").reshape(3, 2)
    np.testing.assert_array_equal(frames, [[0, 16384], [-16384, 32767], [-32768, 8192]])


def test_wav_rounds_half_away_from_zero_and_clamps():
    """Observed on TF: x * 32768 rounded half away from zero, clamped; NaN is silence."""
    halves = np.array([0.5, 1.5, -0.5, 2.5, -1.5]) / 32768
    samples = np.concatenate([halves, [np.nan, np.inf, -np.inf, 3.0, -3.0]])[:, None]
    pcm = np.frombuffer(encode_wav(samples.astype(np.float32), 8000)[44:], "<i2")
    np.testing.assert_array_equal(pcm, [1, 2, -1, 3, -2, 0, 32767, -32768, 32767, -32768])
