"""float64 numpy kernels of ``tf.math.special``: Bessel J/Y/K of orders 0 and 1, Dawson's
integral, the exponential integral Ei, the Fresnel integrals and Spence's function.

Each function combines a power series where it converges without cancellation, a quadrature of
an integral representation in the middle range (trapezoidal rules for periodic or doubly
decaying integrands and Gauss-Legendre rules otherwise, which converge exponentially for
these analytic integrands) and an asymptotic expansion for large arguments, cut where its
smallest term is below float64 rounding. Special values (0, infinities, NaN, arguments outside
the domain) follow TF 2.21's kernels, as recorded from it.
"""

from __future__ import annotations

import math

import numpy as np

_EULER = 0.57721566490153286061


def _legendre_rule(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on the three-term
    recurrence (numpy's ``leggauss`` weights are off by ~1e-14 at this order)."""
    x = np.cos(np.pi * (np.arange(1, n + 1) - 0.25) / (n + 0.5))

    def legendre(x):
        p0, p1 = np.ones_like(x), x.copy()
        for k in range(2, n + 1):
            p0, p1 = p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k
        return p1, n * (x * p1 - p0) / (x * x - 1.0)
    for _ in range(100):
        value, slope = legendre(x)
        step = value / slope
        x = x - step
        if np.abs(step).max() < 1e-16:
            break
    _, slope = legendre(x)
    return x[::-1], (2.0 / ((1.0 - x * x) * slope * slope))[::-1]


_GL_NODES, _GL_WEIGHTS = _legendre_rule(96)


def _gauss_legendre(fn, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """``∫ fn(t) dt`` from ``lower`` to ``upper`` (arrays of one shape) on 96 nodes."""
    half = (upper - lower)[:, None] / 2.0
    t = lower[:, None] + half * (_GL_NODES[None, :] + 1.0)
    return (fn(t) * _GL_WEIGHTS[None, :]).sum(axis=1) * half[:, 0]


def _apply(x, pieces, fill=np.nan) -> np.ndarray:
    """Evaluates ``pieces`` — (mask, fn) pairs — on a flattened float64 copy of ``x``."""
    x = np.asarray(x, dtype=np.float64)
    flat = x.reshape(-1)
    out = np.full(flat.shape, fill)
    for mask_fn, fn in pieces:
        mask = mask_fn(flat)
        if mask.any():
            out[mask] = fn(flat[mask])
    return out.reshape(x.shape)


# ---- Bessel functions of the first and second kind ------------------------------------------

_TRAPEZOID_STEPS = 64
_ASYMPTOTIC_FROM = 25.0
_SERIES_UP_TO = 2.0


def _bessel_j_trapezoid(x: np.ndarray, order: int) -> np.ndarray:
    """J_n(x) = (1/π) ∫_0^π cos(nτ - x sin τ) dτ by the trapezoidal rule (exact to rounding
    for a smooth periodic integrand once the step resolves its oscillation)."""
    tau = np.linspace(0.0, np.pi, _TRAPEZOID_STEPS + 1)
    values = np.cos(order * tau[None, :] - x[:, None] * np.sin(tau)[None, :])
    values[:, [0, -1]] *= 0.5
    return values.sum(axis=1) / _TRAPEZOID_STEPS


def _hankel_pq(x: np.ndarray, order: int) -> tuple[np.ndarray, np.ndarray]:
    """The asymptotic amplitudes P and Q of Hankel's expansion of J_n and Y_n."""
    mu = 4.0 * order * order
    p = np.ones_like(x)
    q = np.zeros_like(x)
    term = np.ones_like(x)
    for k in range(1, 60):
        term = term * (mu - (2 * k - 1) ** 2) / (k * 8.0 * x)
        if k % 2:
            q += term if (k // 2) % 2 == 0 else -term
        else:
            p += -term if (k // 2) % 2 else term
    return p, q


def _hankel(x: np.ndarray, order: int, second_kind: bool) -> np.ndarray:
    p, q = _hankel_pq(x, order)
    # cos/sin(x - (n/2 + 1/4)π) from cos x and sin x, so large x loses nothing to the shift.
    shift = (order / 2.0 + 0.25) * np.pi
    cos_chi = np.cos(x) * math.cos(shift) + np.sin(x) * math.sin(shift)
    sin_chi = np.sin(x) * math.cos(shift) - np.cos(x) * math.sin(shift)
    amplitude = np.sqrt(2.0 / (np.pi * x))
    if second_kind:
        return amplitude * (p * sin_chi + q * cos_chi)
    return amplitude * (p * cos_chi - q * sin_chi)


def _bessel_j(x, order: int) -> np.ndarray:
    def far(v):
        out = _hankel(np.abs(v), order, False)
        return out * np.sign(v) if order == 1 else out
    # TF gives NaN at the infinities (the oscillation has no limit value).
    return _apply(x, [(lambda v: np.abs(v) <= _SERIES_UP_TO,
                       lambda v: _series_j_and_sums(v, order)[0]),
                      (lambda v: (np.abs(v) > _SERIES_UP_TO) & (np.abs(v) <= _ASYMPTOTIC_FROM),
                       lambda v: _bessel_j_trapezoid(v, order)),
                      (lambda v: (np.abs(v) > _ASYMPTOTIC_FROM) & np.isfinite(v), far)])


def bessel_j0(x):
    return _bessel_j(x, 0)


def bessel_j1(x):
    return _bessel_j(x, 1)


def _series_j_and_sums(x: np.ndarray, order: int):
    """Power series of J_n and the harmonic-number sum of Y_n's series (n = 0, 1)."""
    quarter = x * x / 4.0
    j = np.zeros_like(x)
    extra = np.zeros_like(x)
    term = np.ones_like(x) if order == 0 else x / 2.0
    harmonic = 0.0  # H_k
    for k in range(40):
        if k:
            term = term * (-quarter) / (k * (k + order))
            harmonic += 1.0 / k
        j += term
        if order == 0:
            extra += -term * harmonic  # Σ (-1)^{k+1} H_k (x²/4)^k / (k!)²
        else:
            # ψ(k+1) + ψ(k+2) = H_k + H_{k+1} - 2γ
            extra += term * (2 * harmonic + 1.0 / (k + 1) - 2 * _EULER)
    return j, extra


def _bessel_y_series(x: np.ndarray, order: int) -> np.ndarray:
    j, extra = _series_j_and_sums(x, order)
    log_half = np.log(x / 2.0)
    if order == 0:
        return 2.0 / np.pi * ((log_half + _EULER) * j + extra)
    return 2.0 / np.pi * log_half * j - 2.0 / (np.pi * x) - extra / np.pi


def _bessel_y_quadrature(x: np.ndarray, order: int) -> np.ndarray:
    """Y_n(x) = (1/π)∫_0^π sin(x sinθ - nθ)dθ - (1/π)∫_0^∞ (e^{nt} + (-1)^n e^{-nt})
    e^{-x sinh t} dt, both by Gauss-Legendre (the tail cut where it is below rounding)."""
    zeros = np.zeros_like(x)
    oscillating = _gauss_legendre(
        lambda t: np.sin(x[:, None] * np.sin(t) - order * t), zeros, np.full_like(x, np.pi))
    sign = -1.0 if order % 2 else 1.0
    decaying = _gauss_legendre(
        lambda t: (np.exp(order * t) + sign * np.exp(-order * t)) *
        np.exp(-x[:, None] * np.sinh(t)), zeros, np.arcsinh(60.0 / x))
    return (oscillating - decaying) / np.pi


def _bessel_y(x, order: int) -> np.ndarray:
    return _apply(x, [
        (lambda v: v <= 0, lambda v: np.full_like(v, -np.inf)),
        (lambda v: (v > 0) & (v <= _SERIES_UP_TO), lambda v: _bessel_y_series(v, order)),
        (lambda v: (v > _SERIES_UP_TO) & (v <= _ASYMPTOTIC_FROM),
         lambda v: _bessel_y_quadrature(v, order)),
        (lambda v: (v > _ASYMPTOTIC_FROM) & np.isfinite(v),
         lambda v: _hankel(v, order, True))])


def bessel_y0(x):
    return _bessel_y(x, 0)


def bessel_y1(x):
    return _bessel_y(x, 1)


# ---- modified Bessel functions of the second kind -------------------------------------------

def _bessel_k_series(x: np.ndarray, order: int) -> np.ndarray:
    quarter = x * x / 4.0
    i_sum = np.zeros_like(x)
    extra = np.zeros_like(x)
    term = np.ones_like(x) if order == 0 else x / 2.0
    harmonic = 0.0
    for k in range(40):
        if k:
            term = term * quarter / (k * (k + order))
            harmonic += 1.0 / k
        i_sum += term
        if order == 0:
            extra += term * harmonic
        else:
            extra += term * (2 * harmonic + 1.0 / (k + 1) - 2 * _EULER)
    log_half = np.log(x / 2.0)
    if order == 0:
        return -(log_half + _EULER) * i_sum + extra
    return 1.0 / x + log_half * i_sum - extra / 2.0


def _bessel_ke_trapezoid(x: np.ndarray, order: int) -> np.ndarray:
    """e^x K_n(x) = ∫_0^∞ e^{-x(cosh t - 1)} cosh(nt) dt by the trapezoidal rule, which is
    exponentially accurate for this even, doubly decaying integrand."""
    step = 0.05
    t = np.arange(0.0, 4.5, step)
    values = np.exp(-x[:, None] * (np.cosh(t)[None, :] - 1.0)) * np.cosh(order * t)[None, :]
    values[:, 0] *= 0.5
    return values.sum(axis=1) * step


def _bessel_ke_asymptotic(x: np.ndarray, order: int) -> np.ndarray:
    mu = 4.0 * order * order
    total = np.ones_like(x)
    term = np.ones_like(x)
    for k in range(1, 40):
        term = term * (mu - (2 * k - 1) ** 2) / (k * 8.0 * x)
        total += term
    return np.sqrt(np.pi / (2.0 * x)) * total


def _bessel_k(x, order: int, scaled: bool) -> np.ndarray:
    def near(v):
        k = _bessel_k_series(v, order)
        return k * np.exp(v) if scaled else k

    def middle(v):
        ke = _bessel_ke_trapezoid(v, order)
        return ke if scaled else ke * np.exp(-v)

    def far(v):
        finite = np.where(np.isinf(v), 1.0, v)
        ke = np.where(np.isinf(v), 0.0, _bessel_ke_asymptotic(finite, order))
        return ke if scaled else ke * np.exp(-v)
    return _apply(x, [(lambda v: v <= 0, lambda v: np.full_like(v, np.inf)),
                      (lambda v: (v > 0) & (v <= _SERIES_UP_TO), near),
                      (lambda v: (v > _SERIES_UP_TO) & (v <= 20.0), middle),
                      (lambda v: v > 20.0, far)])


def bessel_k0(x):
    return _bessel_k(x, 0, False)


def bessel_k0e(x):
    return _bessel_k(x, 0, True)


def bessel_k1(x):
    return _bessel_k(x, 1, False)


def bessel_k1e(x):
    return _bessel_k(x, 1, True)


# ---- Dawson's integral -----------------------------------------------------------------------

def _dawson_positive(x: np.ndarray) -> np.ndarray:
    """F(x) = e^{-x²} ∫_0^x e^{t²} dt = ∫_0^x e^{-u(2x - u)} du, cut where the integrand is
    below rounding."""
    upper = np.minimum(x, 40.0 / x)
    return _gauss_legendre(lambda u: np.exp(-u * (2.0 * x[:, None] - u)), np.zeros_like(x),
                           upper)


def _dawson_asymptotic(x: np.ndarray) -> np.ndarray:
    inv2 = 1.0 / (2.0 * x * x)
    return (1.0 + inv2 * (1.0 + 3.0 * inv2 * (1.0 + 5.0 * inv2))) / (2.0 * x)


def dawsn(x):
    def odd(fn):
        return lambda v: np.sign(v) * fn(np.abs(v))
    return _apply(x, [(lambda v: v == 0, lambda v: v * 1.0),
                      (lambda v: (np.abs(v) > 0) & (np.abs(v) <= 1e4), odd(_dawson_positive)),
                      (lambda v: np.abs(v) > 1e4, odd(lambda a: np.where(
                          np.isinf(a), 0.0, _dawson_asymptotic(np.where(np.isinf(a), 1.0, a)))))])


# ---- the exponential integral Ei -------------------------------------------------------------

def _ei_series(x: np.ndarray) -> np.ndarray:
    total = np.zeros_like(x)
    term = np.ones_like(x)
    for k in range(1, 200):
        term = term * x / k
        total += term / k
    return _EULER + np.log(np.abs(x)) + total


def _ei_asymptotic(x: np.ndarray) -> np.ndarray:
    total = np.ones_like(x)
    term = np.ones_like(x)
    for k in range(1, 41):
        term = term * k / x
        total += term
    # inf once e^x overflows float64, as TF's kernel gives.
    return np.exp(x) / x * total


def expint(x):
    """Ei(x) for x > 0; TF gives -inf at 0 and NaN for negative x."""
    return _apply(x, [(lambda v: v == 0, lambda v: np.full_like(v, -np.inf)),
                      (lambda v: (v > 0) & (v <= 40.0), _ei_series),
                      (lambda v: v > 40.0, _ei_asymptotic)])


# ---- Fresnel integrals -----------------------------------------------------------------------

def _fresnel_quadrature(x: np.ndarray, use_sin: bool) -> np.ndarray:
    trig = np.sin if use_sin else np.cos
    return _gauss_legendre(lambda t: trig(np.pi / 2.0 * t * t), np.zeros_like(x), x)


def _fresnel_asymptotic(x: np.ndarray, use_sin: bool) -> np.ndarray:
    big = np.pi * x * x
    f = np.ones_like(x)
    g = np.ones_like(x)
    f_term = np.ones_like(x)
    g_term = np.ones_like(x)
    for k in range(1, 20):
        f_term = -f_term * (4 * k - 3) * (4 * k - 1) / (big * big)
        g_term = -g_term * (4 * k - 1) * (4 * k + 1) / (big * big)
        f += f_term
        g += g_term
    f /= np.pi * x
    g /= np.pi * big * x
    # The phase πx²/2 reduced through x² mod 4, exact for float32 arguments.
    phase = np.pi / 2.0 * np.fmod(x * x, 4.0)
    if use_sin:
        return 0.5 - f * np.cos(phase) - g * np.sin(phase)
    return 0.5 + f * np.sin(phase) - g * np.cos(phase)


# Beyond this TF's kernel (after Cephes) returns the limit 0.5.
_FRESNEL_LIMIT_FROM = 36974.0


def _fresnel(x, use_sin: bool) -> np.ndarray:
    def positive(a):
        out = np.full_like(a, 0.5)
        near = a <= 5.0
        out[near] = _fresnel_quadrature(a[near], use_sin)
        far = (a > 5.0) & (a <= _FRESNEL_LIMIT_FROM)
        out[far] = _fresnel_asymptotic(a[far], use_sin)
        return out
    return _apply(x, [(lambda v: ~np.isnan(v), lambda v: np.sign(v) * positive(np.abs(v)))])


def fresnel_cos(x):
    return _fresnel(x, False)


def fresnel_sin(x):
    return _fresnel(x, True)


# ---- Spence's function -----------------------------------------------------------------------

_PI2_6 = np.pi * np.pi / 6.0


def _dilog_series(z: np.ndarray) -> np.ndarray:
    """Li2(z) = Σ z^k / k² for |z| <= 1/2."""
    total = np.zeros_like(z)
    power = np.ones_like(z)
    for k in range(1, 64):
        power = power * z
        total += power / (k * k)
    return total


def _dilog(z: np.ndarray) -> np.ndarray:
    """Li2(z) for real z <= 1, mapped into |z| <= 1/2 by the reflection and inversion
    identities."""
    out = np.empty_like(z)
    small = np.abs(z) <= 0.5
    out[small] = _dilog_series(z[small])
    upper = z > 0.5
    zu = z[upper]
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(zu == 1.0, 0.0, np.log(zu) * np.log1p(-zu))
    out[upper] = _PI2_6 - logs - _dilog_series(1.0 - zu)
    middle = (z < -0.5) & (z >= -1.0)
    zm = z[middle]
    out[middle] = -_dilog_series(zm / (zm - 1.0)) - 0.5 * np.log1p(-zm) ** 2
    lower = z < -1.0
    if not lower.any():
        return out
    zl = z[lower]
    out[lower] = -_PI2_6 - 0.5 * np.log(-zl) ** 2 - _dilog(1.0 / zl)
    return out


def spence(x):
    """Spence's function ∫_1^x log(t) / (1 - t) dt = Li2(1 - x) for x >= 0 (NaN below)."""
    return _apply(x, [(lambda v: (v >= 0) & np.isfinite(v), lambda v: _dilog(1.0 - v)),
                      ])
