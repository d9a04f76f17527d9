# ruff: noqa: F401
"""``tf.spectral``: TF1's name for the Fourier transforms of ``tf.signal``."""

from tfcompat.ops.fft_ops import (
    fft,
    fft2d,
    fft3d,
    ifft,
    ifft2d,
    ifft3d,
    irfft,
    irfft2d,
    irfft3d,
    rfft,
    rfft2d,
    rfft3d,
)
from tfcompat.ops.signal_ops import dct, idct
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.spectral", __name__)
