# ruff: noqa: F401
"""``tf.signal``: Fourier transforms (windows, frames, STFT and mel features are not built
yet)."""

from tfcompat.ops.fft_ops import (
    fft,
    fft2d,
    fft3d,
    fftshift,
    ifft,
    ifft2d,
    ifft3d,
    ifftshift,
    irfft,
    irfft2d,
    irfft3d,
    rfft,
    rfft2d,
    rfft3d,
)
from tfcompat.ops.signal_ops import (
    dct,
    frame,
    hamming_window,
    hann_window,
    idct,
    inverse_mdct,
    inverse_stft,
    inverse_stft_window_fn,
    kaiser_bessel_derived_window,
    kaiser_window,
    linear_to_mel_weight_matrix,
    mdct,
    mfccs_from_log_mel_spectrograms,
    overlap_and_add,
    stft,
    vorbis_window,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.signal", __name__)

# ---- numeric
from tfcompat.ops.fftnd_ops import fftnd, ifftnd, irfftnd, rfftnd  # noqa: E402
