# ruff: noqa: F401
"""``tf.math.special``: Bessel functions, Dawson's, exponential, Fresnel and Spence integrals."""

from tfcompat.ops.special_functions_ops import (
    bessel_j0,
    bessel_j1,
    bessel_k0,
    bessel_k0e,
    bessel_k1,
    bessel_k1e,
    bessel_y0,
    bessel_y1,
    dawsn,
    expint,
    fresnel_cos,
    fresnel_sin,
    spence,
)
from tfcompat.ops.special_math_ops import bessel_i0, bessel_i0e, bessel_i1, bessel_i1e
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.math.special", __name__)
