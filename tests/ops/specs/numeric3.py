"""Op-spec entries for the numeric helper's ops of issue 9 (N-D FFTs, special functions,
random samplers); references in numpy."""

from __future__ import annotations

import numpy as np

import tfcompat as tf
from tests.ops.op_specs import OpSpec

_ND_C = (((2, 3, 4), (2, 3, 4)), ((3, 2), (3, 2)), ((0, 3), (0, 3)))



def _empty_safe(ref):
    """numpy's FFTs reject empty inputs; the transform of nothing is nothing."""
    return lambda z: z.copy() if z.size == 0 else ref(z)


def _midpoint(fn, lower, upper, x, steps=20000):
    """∫ fn(t, x) dt from lower to upper (arrays) by the midpoint rule, element-wise."""
    x = np.asarray(x, np.float64)
    lower = np.broadcast_to(lower, x.shape)
    upper = np.broadcast_to(upper, x.shape)
    u = (np.arange(steps) + 0.5) / steps
    t = lower[..., None] + (upper - lower)[..., None] * u
    return fn(t, x[..., None]).mean(axis=-1) * (upper - lower)


def _bessel_j_ref(n):
    return lambda x: _midpoint(lambda t, v: np.cos(n * t - v * np.sin(t)), 0.0, np.pi, x) / np.pi


def _bessel_y_ref(n):
    def ref(x):
        oscillating = _midpoint(lambda t, v: np.sin(v * np.sin(t) - n * t), 0.0, np.pi, x)
        decaying = _midpoint(lambda t, v: (np.exp(n * t) + (-1) ** n * np.exp(-n * t)) *
                             np.exp(-v * np.sinh(t)), 0.0, 8.0, x, steps=200000)
        return (oscillating - decaying) / np.pi
    return ref


def _bessel_k_ref(n, scaled=False):
    def ref(x):
        k = _midpoint(lambda t, v: np.exp(-v * np.cosh(t)) * np.cosh(n * t), 0.0, 8.0, x)
        return k * np.exp(x) if scaled else k
    return ref


def _dawsn_ref(x):
    return np.exp(-x * x) * _midpoint(lambda t, v: np.exp(t * t), 0.0, x, x)


def _expint_ref(x):
    # Ei(x) = γ + ln x + ∫_0^x (e^t - 1) / t dt
    return 0.5772156649015329 + np.log(x) + _midpoint(lambda t, v: np.expm1(t) / t, 0.0, x, x)


def _fresnel_ref(trig):
    return lambda x: _midpoint(lambda t, v: trig(np.pi / 2 * t * t), 0.0, x, x)


def _spence_ref(x):
    return _midpoint(lambda t, v: np.log(t) / (1 - t), 1.0, x, x)


def _volume_patches_ref(x, k=(2, 2, 2), s=(1, 2, 1)):
    """VALID 3-D patches by explicit loops (taps in plane, row, column order)."""
    n, planes, rows, cols, depth = x.shape
    out_dims = [(size - kk) // ss + 1 for size, kk, ss in zip((planes, rows, cols), k, s)]
    out = np.zeros([n] + out_dims + [k[0] * k[1] * k[2] * depth])
    for i in range(out_dims[0]):
        for j in range(out_dims[1]):
            for m in range(out_dims[2]):
                block = x[:, i * s[0]:i * s[0] + k[0], j * s[1]:j * s[1] + k[1],
                          m * s[2]:m * s[2] + k[2]]
                out[:, i, j, m] = block.reshape(n, out.shape[-1])
    return out


SPECS = [
    # ---- N-D Fourier transforms (through real parts)
    *[OpSpec(op_type, lambda x, y, fn=fn: tf.math.real(fn(tf.complex(x, y))),
             lambda x, y, ref=ref: np.real(ref(x + 1j * y)), kind="custom", shapes=_ND_C,
             grad_order=1)
      for op_type, fn, ref in [("FFTND", tf.signal.fftnd, _empty_safe(np.fft.fftn)),
                               ("IFFTND", tf.signal.ifftnd, _empty_safe(np.fft.ifftn))]],
    OpSpec("RFFTND", lambda x: tf.math.imag(tf.signal.rfftnd(x)) +
           tf.math.real(tf.signal.rfftnd(x)),
           lambda x: np.imag(np.fft.rfftn(x)) + np.real(np.fft.rfftn(x)), kind="custom",
           shapes=(((2, 3, 4),), ((5,),)), grad_order=1),
    OpSpec("IRFFTND", lambda x, y: tf.signal.irfftnd(tf.complex(x, y)),
           lambda x, y: np.fft.irfftn(x + 1j * y), kind="custom",
           shapes=(((2, 3, 4), (2, 3, 4)), ((2, 2), (2, 2))), grad_order=1),
    # ---- tf.math.special (references by brute-force quadrature of the defining integrals)
    OpSpec("BesselJ0", tf.math.special.bessel_j0, _bessel_j_ref(0)),
    OpSpec("BesselJ1", tf.math.special.bessel_j1, _bessel_j_ref(1)),
    OpSpec("BesselY0", tf.math.special.bessel_y0, _bessel_y_ref(0), low=0.5, high=3.0),
    OpSpec("BesselY1", tf.math.special.bessel_y1, _bessel_y_ref(1), low=0.5, high=3.0),
    OpSpec("BesselK0", tf.math.special.bessel_k0, _bessel_k_ref(0), low=0.5, high=3.0),
    OpSpec("BesselK1", tf.math.special.bessel_k1, _bessel_k_ref(1), low=0.5, high=3.0),
    OpSpec("BesselK0e", tf.math.special.bessel_k0e, _bessel_k_ref(0, True), low=0.5, high=3.0),
    OpSpec("BesselK1e", tf.math.special.bessel_k1e, _bessel_k_ref(1, True), low=0.5, high=3.0),
    OpSpec("Dawsn", tf.math.special.dawsn, _dawsn_ref),
    OpSpec("Expint", tf.math.special.expint, _expint_ref, low=0.5, high=3.0),
    OpSpec("FresnelCos", tf.math.special.fresnel_cos, _fresnel_ref(np.cos)),
    OpSpec("FresnelSin", tf.math.special.fresnel_sin, _fresnel_ref(np.sin)),
    OpSpec("Spence", tf.math.special.spence, _spence_ref, low=0.5, high=3.0),
    OpSpec("ExtractVolumePatches",
           lambda x: tf.extract_volume_patches(x, [1, 2, 2, 2, 1], [1, 1, 2, 1, 1], "VALID"),
           _volume_patches_ref, kind="custom",
           shapes=(((1, 3, 4, 3, 2),), ((2, 2, 2, 2, 1),), ((0, 2, 3, 2, 1),))),
]

COVERED_ELSEWHERE = dict.fromkeys(
    ["StatelessRandomUniformFullIntV2", "StatelessShuffle", "RngReadAndSkip", "RandomGamma",
     "RandomGammaGrad", "RandomPoissonV2", "StatelessRandomGammaV3", "StatelessRandomPoisson",
     "StatelessRandomBinomial", "StatelessParameterizedTruncatedNormal",
     "StatefulRandomBinomial"],
    "tests/ops/test_random_generator.py and conformance/cases/random3 (streams recorded from TF)")
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["EncodeJpegVariableQuality", "DecodeWebP"],
    "conformance/cases/image3/jpeg_webp (pixels decoded by TF; needs Pillow)"))
COVERED_ELSEWHERE["SobolSample"] = ("tests/ops/test_special_functions2.py and "
                                    "conformance/cases/special/sobol (points recorded from TF)")

# TF registers no gradient for these (tf.gradients raises LookupError through them).
TF_HAS_NO_GRADIENT = {"RandomGammaGrad"}
