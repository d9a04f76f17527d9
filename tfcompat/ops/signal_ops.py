"""``tf.signal`` functions built from graph ops: windows, frame / overlap_and_add, DCT, STFT and
its inverse, mel filterbanks and MFCCs (last axis only)."""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.fft_ops import irfft, rfft

# ---- windows ---------------------------------------------------------------------------------


def _raised_cosine(window_length, periodic, dtype, a: float, b: float, name, default):
    """a - b cos(2 pi n / N'), with N' = length (periodic, even length) or length - 1."""
    with ops.name_scope(name, default, [window_length, periodic]):
        dtype = dtypes.as_dtype(dtype)
        length = tensor_util.constant_value(convert_to_tensor(window_length, dtypes.int32))
        if length is None:
            raise NotImplementedError("window functions need a constant window_length in "
                                      "tfcompat")
        length = int(length)
        if length == 1:
            return array_ops.ones([1], dtype=dtype)
        even = 1 - length % 2
        denominator = length + int(bool(periodic)) * even - 1
        count = np.arange(length, dtype=np.float64)
        values = a - b * np.cos(2 * math.pi * count / denominator)
        return constant_op.constant(values.astype(dtype.as_numpy_dtype), dtype=dtype)


def hann_window(window_length, periodic=True, dtype=dtypes.float32, name=None) -> Tensor:
    """The Hann window 0.5 - 0.5 cos(2 pi n / N)."""
    return _raised_cosine(window_length, periodic, dtype, 0.5, 0.5, name, "hann_window")


def hamming_window(window_length, periodic=True, dtype=dtypes.float32, name=None) -> Tensor:
    """The Hamming window 0.54 - 0.46 cos(2 pi n / N)."""
    return _raised_cosine(window_length, periodic, dtype, 0.54, 0.46, name, "hamming_window")


# ---- framing ---------------------------------------------------------------------------------

def _static_int(value, what: str) -> int:
    constant = tensor_util.constant_value(convert_to_tensor(value))
    if constant is None:
        raise NotImplementedError(f"{what} must be a constant in tfcompat")
    return int(constant)


def frame(signal, frame_length, frame_step, pad_end=False, pad_value=0, axis=-1,
          name=None) -> Tensor:
    """Overlapping frames of length ``frame_length`` every ``frame_step`` along the last axis."""
    if axis != -1:
        raise NotImplementedError("tf.signal.frame with axis != -1 is not supported by "
                                  "tfcompat yet")
    with ops.name_scope(name, "frame", [signal, frame_length, frame_step, pad_value]):
        signal = convert_to_tensor(signal, name="signal")
        length = _static_int(frame_length, "frame_length")
        step = _static_int(frame_step, "frame_step")
        size = signal.shape.as_tuple()[-1] if signal.shape.ndims else None
        if size is None:
            raise NotImplementedError("tf.signal.frame needs a static signal length in tfcompat")
        if pad_end:
            frames = -(-size // step)
            padded = max((frames - 1) * step + length, size)
            if padded > size:
                rank = signal.shape.ndims
                signal = slicing_ops.pad(signal, [[0, 0]] * (rank - 1) + [[0, padded - size]],
                                         constant_values=pad_value)
        else:
            frames = max(0, 1 + (size - length) // step)
        indices = (np.arange(frames)[:, None] * step + np.arange(length)[None, :]).astype(
            np.int32)
        return slicing_ops.gather(signal, constant_op.constant(indices),
                                  axis=signal.shape.ndims - 1)


def overlap_and_add(signal, frame_step, name=None) -> Tensor:
    """Sums frames ``[..., frames, frame_length]`` placed ``frame_step`` apart."""
    with ops.name_scope(name, "overlap_and_add", [signal, frame_step]):
        signal = convert_to_tensor(signal, name="signal")
        step = _static_int(frame_step, "frame_step")
        dims = signal.shape.as_tuple()
        if signal.shape.ndims is None or None in dims[-2:]:
            raise NotImplementedError("overlap_and_add needs static frame dims in tfcompat")
        frames, length = dims[-2:]
        rank = len(dims)
        out_length = (frames - 1) * step + length if frames else 0
        ids = (np.arange(frames)[:, None] * step + np.arange(length)[None, :]).reshape(-1)
        moved = array_ops.transpose(signal, [rank - 2, rank - 1] + list(range(rank - 2)))
        flat = array_ops.reshape(moved, array_ops.concat(
            [[frames * length], array_ops.shape(signal)[:-2]], 0))
        summed = slicing_ops.unsorted_segment_sum(flat, constant_op.constant(
            ids.astype(np.int32)), out_length)
        return array_ops.transpose(summed, list(range(1, rank - 1)) + [0])


# ---- DCT -------------------------------------------------------------------------------------

def _dct_matrix(n_in: int, n_out: int, dct_type: int, norm) -> np.ndarray:
    """M with dct(x)[k] = sum_n x[n] M[n, k] (TF's unnormalized or orthonormal scaling)."""
    n = np.arange(n_in)[:, None].astype(np.float64)
    k = np.arange(n_out)[None, :].astype(np.float64)
    size = n_in
    if dct_type == 1:
        m = 2 * np.cos(math.pi * n * k / (size - 1))
        m[0, :] = 1.0
        m[-1, :] = (-1.0) ** k[0]
        return m
    if dct_type == 2:
        m = 2 * np.cos(math.pi * k * (2 * n + 1) / (2 * size))
        if norm == "ortho":
            m[:, 0] *= math.sqrt(1 / (4 * size))
            m[:, 1:] *= math.sqrt(1 / (2 * size))
        return m
    if dct_type == 3:
        m = 2 * np.cos(math.pi * n * (2 * k + 1) / (2 * size))
        m[0, :] = 1.0
        if norm == "ortho":
            m[0, :] *= math.sqrt(1 / size)
            m[1:, :] *= math.sqrt(2 / size) / 2
        return m
    m = 2 * np.cos(math.pi * (2 * n + 1) * (2 * k + 1) / (4 * size))
    if norm == "ortho":
        m *= math.sqrt(1 / (2 * size))
    return m


def dct(input, type=2, n=None, axis=-1, norm=None, name=None) -> Tensor:  # noqa: A002
    """The discrete cosine transform (types 1-4) of the last axis."""
    if axis != -1:
        raise NotImplementedError(f"axis must be -1. Got: {axis}")
    if type not in (1, 2, 3, 4):
        raise ValueError(f"Types I, II, III and IV (I)DCT are supported. Got: {type}")
    if norm not in (None, "ortho"):
        raise ValueError(f"Unknown normalization. Expected None or 'ortho', got: {norm}")
    if type == 1 and norm == "ortho":
        raise ValueError("Normalization not supported for type-I DCT.")
    with ops.name_scope(name, "dct", [input]):
        x = convert_to_tensor(input, name="input")
        size = x.shape.as_tuple()[-1] if x.shape.ndims else None
        if size is None:
            raise NotImplementedError("dct needs a static last dimension in tfcompat")
        if n is not None and n != size:
            rank = x.shape.ndims
            if n < size:
                x = x[..., :n]
            else:
                x = slicing_ops.pad(x, [[0, 0]] * (rank - 1) + [[0, n - size]])
            size = n
        matrix = _dct_matrix(size, size, type, norm).astype(x.dtype.as_numpy_dtype)
        return _last_axis_matmul(x, constant_op.constant(matrix))


def _last_axis_matmul(x: Tensor, matrix: Tensor) -> Tensor:
    rank = x.shape.ndims
    if rank == 1:
        return array_ops.squeeze(math_ops.matmul(array_ops.expand_dims(x, 0), matrix), [0])
    if rank == 2:
        return math_ops.matmul(x, matrix)
    flat = array_ops.reshape(x, [-1, x.shape.as_tuple()[-1]])
    out = math_ops.matmul(flat, matrix)
    return array_ops.reshape(out, array_ops.concat([array_ops.shape(x)[:-1], [-1]], 0))


def idct(input, type=2, n=None, axis=-1, norm=None, name=None) -> Tensor:  # noqa: A002
    """The inverse DCT: ``dct`` of the inverse type (II <-> III), scaled as TF's."""
    inverse = {1: 1, 2: 3, 3: 2, 4: 4}[type]
    return dct(input, type=inverse, n=n, axis=axis, norm=norm, name=name or "idct")


# ---- STFT ------------------------------------------------------------------------------------

def _fft_length_for(frame_length: int) -> int:
    return 1 << (frame_length - 1).bit_length()


def stft(signals, frame_length, frame_step, fft_length=None, window_fn=hann_window,
         pad_end=False, name=None) -> Tensor:
    """The short-time Fourier transform: rfft of windowed frames of the last axis."""
    with ops.name_scope(name, "stft", [signals, frame_length, frame_step]):
        signals = convert_to_tensor(signals, name="signals")
        length = _static_int(frame_length, "frame_length")
        fft_length = _fft_length_for(length) if fft_length is None else \
            _static_int(fft_length, "fft_length")
        framed = frame(signals, length, frame_step, pad_end=pad_end)
        if window_fn is not None:
            framed = framed * window_fn(length, dtype=framed.dtype)
        return rfft(framed, [fft_length])


def inverse_stft(stfts, frame_length, frame_step, fft_length=None, window_fn=hann_window,
                 name=None) -> Tensor:
    """Overlap-adds the windowed irfft of each STFT frame."""
    with ops.name_scope(name, "inverse_stft", [stfts]):
        stfts = convert_to_tensor(stfts, name="stfts")
        length = _static_int(frame_length, "frame_length")
        fft_length = _fft_length_for(length) if fft_length is None else \
            _static_int(fft_length, "fft_length")
        frames = irfft(stfts, [fft_length])[..., :length]
        if fft_length < length:
            rank = frames.shape.ndims
            frames = slicing_ops.pad(frames, [[0, 0]] * (rank - 1) + [[0, length - fft_length]])
        if window_fn is not None:
            frames = frames * window_fn(length, dtype=frames.dtype)
        return overlap_and_add(frames, frame_step)


def inverse_stft_window_fn(frame_step, forward_window_fn=hann_window, name=None):
    """The window making inverse_stft undo stft with ``forward_window_fn``."""
    def inverse_window(frame_length, dtype):
        with ops.name_scope(name, "inverse_stft_window_fn", [forward_window_fn]):
            step = _static_int(frame_step, "frame_step")
            forward = forward_window_fn(frame_length, dtype=dtype)
            values = np.asarray(tensor_util.constant_value(forward), np.float64)
            squared = np.square(values)
            padded = np.pad(squared, (0, -len(squared) % step))
            denominator = np.tile(padded.reshape(-1, step).sum(axis=0),
                                  len(padded) // step)[:len(values)]
            return forward / constant_op.constant(denominator.astype(
                dtypes.as_dtype(dtype).as_numpy_dtype))
    return inverse_window


# ---- mel features ----------------------------------------------------------------------------

def _hertz_to_mel(frequencies):
    return 1127.0 * np.log1p(np.asarray(frequencies, np.float64) / 700.0)


def linear_to_mel_weight_matrix(num_mel_bins=20, num_spectrogram_bins=129, sample_rate=8000,
                                lower_edge_hertz=125.0, upper_edge_hertz=3800.0,
                                dtype=dtypes.float32, name=None) -> Tensor:
    """``[num_spectrogram_bins, num_mel_bins]`` triangular mel filterbank weights."""
    with ops.name_scope(name, "linear_to_mel_weight_matrix"):
        nyquist = sample_rate / 2.0
        linear = np.linspace(0.0, nyquist, int(num_spectrogram_bins))[1:]
        spectrogram_mel = _hertz_to_mel(linear)[:, None]
        edges = np.linspace(_hertz_to_mel(lower_edge_hertz), _hertz_to_mel(upper_edge_hertz),
                            int(num_mel_bins) + 2)
        lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
        lower_slopes = (spectrogram_mel - lower) / (center - lower)
        upper_slopes = (upper - spectrogram_mel) / (upper - center)
        weights = np.maximum(0.0, np.minimum(lower_slopes, upper_slopes))
        weights = np.pad(weights, [[1, 0], [0, 0]])
        return constant_op.constant(weights.astype(dtypes.as_dtype(dtype).as_numpy_dtype))


def mfccs_from_log_mel_spectrograms(log_mel_spectrograms, name=None) -> Tensor:
    """MFCCs: the orthonormal-scaled type-II DCT of log-mel spectrograms."""
    with ops.name_scope(name, "mfccs_from_log_mel_spectrograms", [log_mel_spectrograms]):
        log_mel = convert_to_tensor(log_mel_spectrograms)
        bins = log_mel.shape.as_tuple()[-1]
        coefficients = dct(log_mel, type=2)
        return coefficients * math_ops.rsqrt(constant_op.constant(2.0 * bins,
                                                                  dtype=log_mel.dtype))


# ---- Kaiser and Vorbis windows ---------------------------------------------------------------

def _constant_window(values: np.ndarray, dtype) -> Tensor:
    return constant_op.constant(values.astype(dtypes.as_dtype(dtype).as_numpy_dtype))


def kaiser_window(window_length, beta=12.0, dtype=dtypes.float32, name=None) -> Tensor:
    """The Kaiser window I0(beta sqrt(1 - x^2)) / I0(beta) for x evenly in [-1, 1]."""
    from tfcompat.ops.special_kernels import bessel_i0e
    with ops.name_scope(name, "kaiser_window"):
        length = _static_int(window_length, "window_length")
        if length == 1:
            return array_ops.ones([1], dtype=dtype)
        half = (length - 1) / 2.0
        arg = (np.arange(length) - half) / half
        root = np.sqrt(np.maximum(0.0, 1 - arg * arg))
        values = np.exp(np.log(bessel_i0e(beta * root)) - np.log(bessel_i0e(np.float64(beta)))
                        + beta * (root - 1))
        return _constant_window(values, dtype)


def kaiser_bessel_derived_window(window_length, beta=12.0, dtype=dtypes.float32,
                                 name=None) -> Tensor:
    """The Kaiser-Bessel-derived window (for MDCTs): cumulative Kaiser weights, mirrored."""
    with ops.name_scope(name, "kaiser_bessel_derived_window"):
        length = _static_int(window_length, "window_length")
        kaiser = np.asarray(tensor_util.constant_value(
            kaiser_window(length // 2 + 1, beta, dtypes.float64)), np.float64)
        cumulative = np.cumsum(kaiser)
        half = np.sqrt(cumulative[:-1] / cumulative[-1])
        return _constant_window(np.concatenate([half, half[::-1]]), dtype)


def vorbis_window(window_length, dtype=dtypes.float32, name=None) -> Tensor:
    """The Vorbis power-complementary window sin(pi/2 sin^2(pi (n + 1/2) / N))."""
    with ops.name_scope(name, "vorbis_window"):
        length = _static_int(window_length, "window_length")
        n = np.arange(length, dtype=np.float64)
        values = np.sin(math.pi / 2 * np.sin(math.pi * (n + 0.5) / length) ** 2)
        return _constant_window(values, dtype)


# ---- MDCT ------------------------------------------------------------------------------------

def _mdct_matrix(frame_length: int) -> np.ndarray:
    """C[n, k] = cos(pi / N (n + 1/2 + N/2)(k + 1/2)) for frames of 2N samples."""
    half = frame_length // 2
    n = np.arange(frame_length, dtype=np.float64)[:, None]
    k = np.arange(half, dtype=np.float64)[None, :]
    return np.cos(math.pi / half * (n + 0.5 + half / 2) * (k + 0.5))


def mdct(signals, frame_length, window_fn=vorbis_window, pad_end=False, norm=None,
         name=None) -> Tensor:
    """The modified DCT of frames of ``frame_length`` (a multiple of 4) every half frame."""
    if norm not in (None, "ortho"):
        raise ValueError(f"Unknown normalization. Expected None or 'ortho', got: {norm}")
    with ops.name_scope(name, "mdct", [signals, frame_length]):
        signals = convert_to_tensor(signals, name="signals")
        length = _static_int(frame_length, "frame_length")
        if length % 4:
            raise ValueError("The frame length must be a multiple of 4.")
        framed = frame(signals, length, length // 2, pad_end=pad_end)
        if window_fn is not None:
            framed = framed * window_fn(length, dtype=framed.dtype)
        scale = math.sqrt(4.0 / length) if norm == "ortho" else 2.0
        matrix = (scale * _mdct_matrix(length)).astype(framed.dtype.as_numpy_dtype)
        return _last_axis_matmul(framed, constant_op.constant(matrix))


def inverse_mdct(mdcts, window_fn=vorbis_window, norm=None, name=None) -> Tensor:
    """Overlap-adds the windowed inverse MDCT of each frame (perfect reconstruction with a
    power-complementary window)."""
    if norm not in (None, "ortho"):
        raise ValueError(f"Unknown normalization. Expected None or 'ortho', got: {norm}")
    with ops.name_scope(name, "inverse_mdct", [mdcts]):
        mdcts = convert_to_tensor(mdcts, name="mdcts")
        half = mdcts.shape.as_tuple()[-1]
        if half is None:
            raise NotImplementedError("inverse_mdct needs a static coefficient count in "
                                      "tfcompat")
        length = 2 * half
        scale = math.sqrt(4.0 / length) if norm == "ortho" else 1.0 / half
        matrix = (scale * _mdct_matrix(length).T).astype(mdcts.dtype.as_numpy_dtype)
        frames = _last_axis_matmul(mdcts, constant_op.constant(matrix))
        if window_fn is not None:
            frames = frames * window_fn(length, dtype=frames.dtype)
        return overlap_and_add(frames, half)
