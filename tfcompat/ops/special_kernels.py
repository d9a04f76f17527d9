"""Numpy kernels of special functions (no scipy): gamma family, error-function inverses, Bessel.

Every function takes and returns float64 arrays; the op kernels round to the input dtype, so
float32 results are the correctly rounded float64 values. Scalar algorithms that need
per-element iteration (incomplete gamma and beta) run through ``np.frompyfunc``.
"""

from __future__ import annotations

import math

import numpy as np

_SQRT_PI = math.sqrt(math.pi)
_erf = np.frompyfunc(math.erf, 1, 1)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def erf(x: np.ndarray) -> np.ndarray:
    return np.asarray(_erf(x), np.float64)


def erfc(x: np.ndarray) -> np.ndarray:
    return np.asarray(_erfc(x), np.float64)


def _lgamma_scalar(v: float) -> float:
    try:
        return math.lgamma(v)
    except ValueError:  # a pole (0, -1, -2, ...)
        return math.inf


_lgamma = np.frompyfunc(_lgamma_scalar, 1, 1)


def lgamma(x: np.ndarray) -> np.ndarray:
    return np.asarray(_lgamma(x), np.float64)


# Asymptotic series of digamma: psi(z) ~ ln z - 1/(2z) - sum B_2k / (2k z^2k).
_DIGAMMA_TAIL = (1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12)


def digamma(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, np.float64)
    with np.errstate(all="ignore"):
        reflect = x < 0.5
        z = np.where(reflect, 1 - x, x)
        acc = np.zeros_like(z)
        for _ in range(10):  # shift z up to >= 10 where the asymptotic series is exact enough
            small = z < 10
            acc = acc - np.where(small, 1 / z, 0)
            z = z + small
        inv2 = 1 / (z * z)
        tail = np.zeros_like(z)
        for coef in reversed(_DIGAMMA_TAIL):
            tail = (tail + coef) * inv2
        result = acc + np.log(z) - 0.5 / z - tail
        result = np.where(reflect, result - math.pi / np.tan(math.pi * x), result)
        poles = (x <= 0) & (x == np.floor(x))
        return np.where(poles, np.nan, result)


# B_2j / (2j)! for the Euler-Maclaurin remainder of the Hurwitz zeta function.
_ZETA_B = (1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510,
           43867 / 798, -174611 / 330, 854513 / 138, -236364091 / 2730)
_ZETA_COEF = tuple(b / math.factorial(2 * (j + 1)) for j, b in enumerate(_ZETA_B))


def zeta(s: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Hurwitz zeta sum_{k>=0} (q + k)^-s, for s > 1 (TF's ``Zeta``)."""
    s, q = np.broadcast_arrays(np.asarray(s, np.float64), np.asarray(q, np.float64))
    n_terms = 12
    with np.errstate(all="ignore"):
        total = np.zeros(s.shape)
        for k in range(n_terms):
            total = total + np.power(q + k, -s)
        w = q + n_terms
        total = total + np.power(w, 1 - s) / (s - 1) + 0.5 * np.power(w, -s)
        rising = s.copy()  # s (s+1) ... (s+2j-2)
        wpow = np.power(w, -s - 1)
        for j, coef in enumerate(_ZETA_COEF):
            term = coef * rising * wpow
            total = total + term
            rising = rising * (s + 2 * j + 1) * (s + 2 * j + 2)
            wpow = wpow / (w * w)
        total = np.where(s == 1, np.inf, total)
        total = np.where(s < 1, np.nan, total)
        q_pole = (q <= 0) & (q == np.floor(q))
        total = np.where(q_pole & (s >= 1), np.inf, total)
        total = np.where((q <= 0) & ~q_pole & (s != np.floor(s)), np.nan, total)
    return total


def polygamma(n: np.ndarray, x: np.ndarray) -> np.ndarray:
    n, x = np.broadcast_arrays(np.asarray(n, np.float64), np.asarray(x, np.float64))
    with np.errstate(all="ignore"):
        fact = np.exp(lgamma(n + 1))
        sign = np.where(np.mod(n, 2) == 0, -1.0, 1.0)
        higher = sign * fact * zeta(n + 1, x)
        out = np.where(n == 0, digamma(x), higher)
        return np.where((n < 0) | (n != np.floor(n)), np.nan, out)


# ---- incomplete gamma and beta (regularized), per element ------------------------------------

_EPS = 1e-16
_TINY = 1e-300


def _igamma_series(a: float, x: float) -> float:
    term = total = 1.0 / a
    ap = a
    for _ in range(2000):
        ap += 1
        term *= x / ap
        total += term
        if abs(term) < abs(total) * _EPS:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _igammac_fraction(a: float, x: float) -> float:
    # Modified Lentz evaluation of the continued fraction for Q(a, x).
    b = x + 1 - a
    c = 1 / _TINY
    d = 1 / b
    h = d
    for i in range(1, 2000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = _TINY if abs(d) < _TINY else d
        c = b + an / c
        c = _TINY if abs(c) < _TINY else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def _igamma_scalar(a: float, x: float, upper: bool) -> float:
    if math.isnan(a) or math.isnan(x) or a <= 0 or x < 0:
        return math.nan
    if x == 0:
        return 1.0 if upper else 0.0
    if math.isinf(x):
        return 0.0 if upper else 1.0
    if x < a + 1:
        p = _igamma_series(a, x)
        return 1 - p if upper else p
    q = _igammac_fraction(a, x)
    return q if upper else 1 - q


_igamma = np.frompyfunc(lambda a, x: _igamma_scalar(a, x, False), 2, 1)
_igammac = np.frompyfunc(lambda a, x: _igamma_scalar(a, x, True), 2, 1)


def igamma(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(_igamma(a, x), np.float64)


def igammac(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(_igammac(a, x), np.float64)


def igamma_grad_a(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """d/da of the regularized lower incomplete gamma, by central differences of the series."""
    a, x = np.broadcast_arrays(np.asarray(a, np.float64), np.asarray(x, np.float64))
    h = 1e-5 * np.maximum(1.0, np.abs(a))
    return (igamma(a + h, x) - igamma(a - h, x)) / (2 * h)


def _betainc_fraction(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1, a - 1
    c = 1.0
    d = 1 - qab * x / qap
    d = _TINY if abs(d) < _TINY else d
    d = 1 / d
    h = d
    for m in range(1, 3000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = _TINY if abs(d) < _TINY else d
        c = 1 + aa / c
        c = _TINY if abs(c) < _TINY else c
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = _TINY if abs(d) < _TINY else d
        c = 1 + aa / c
        c = _TINY if abs(c) < _TINY else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return h


def _betainc_scalar(a: float, b: float, x: float) -> float:
    if math.isnan(a) or math.isnan(b) or math.isnan(x) or a <= 0 or b <= 0 or x < 0 or x > 1:
        return math.nan
    if x == 0 or x == 1:
        return float(x)
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _betainc_fraction(a, b, x) / a
    return 1 - math.exp(log_front) * _betainc_fraction(b, a, 1 - x) / b


_betainc = np.frompyfunc(_betainc_scalar, 3, 1)


def betainc(a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(_betainc(a, b, x), np.float64)


# ---- inverses of the error function ----------------------------------------------------------

def _erfcinv_small(c: np.ndarray) -> np.ndarray:
    """x > 0 with erfc(x) = c for c in (0, 1], by Newton steps on log(erfc(x))."""
    with np.errstate(all="ignore"):
        # Winitzki's closed-form approximation starts the iteration within ~1e-3.
        a = 0.147
        log_term = np.log(c * (2 - c))
        first = 2 / (math.pi * a) + log_term / 2
        x = np.sqrt(np.sqrt(first * first - log_term / a) - first)
        log_c = np.log(c)
        for _ in range(8):
            ec = erfc(x)
            step = (np.log(ec) - log_c) * ec / (-2 / _SQRT_PI * np.exp(-x * x))
            x = np.where(ec > 0, x - step, x)
    return x


def erfcinv(c: np.ndarray) -> np.ndarray:
    c = np.asarray(c, np.float64)
    with np.errstate(all="ignore"):
        upper = c > 1
        core = _erfcinv_small(np.where(upper, 2 - c, c))
        out = np.where(upper, -core, core)
        out = np.where(c == 0, np.inf, np.where(c == 2, -np.inf, out))
        return np.where((c < 0) | (c > 2) | np.isnan(c), np.nan, out)


def erfinv(y: np.ndarray) -> np.ndarray:
    y = np.asarray(y, np.float64)
    with np.errstate(all="ignore"):
        small = np.abs(y) < 0.5
        x = y * _SQRT_PI / 2  # Halley steps on erf(x) = y converge from here for |y| < 0.5
        for _ in range(6):
            f = erf(x) - y
            x = x - f / (2 / _SQRT_PI * np.exp(-x * x) * (1 + x * f))
        tail = np.sign(y) * erfcinv(np.where(small, 1.0, 1 - np.abs(y)))
        return np.where(small, x, tail)


def ndtri(p: np.ndarray) -> np.ndarray:
    """The inverse of the standard normal CDF."""
    p = np.asarray(p, np.float64)
    out = -math.sqrt(2) * erfcinv(2 * p)
    return np.where(out == 0, 0.0, out)  # +0, not -0, at p = 0.5


# ---- exponentially scaled modified Bessel functions of order 0 and 1 -------------------------

def _bessel_ie(x: np.ndarray, order: int) -> np.ndarray:
    x = np.asarray(x, np.float64)
    ax = np.abs(x)
    with np.errstate(all="ignore"):
        # Power series sum (x/2)^(2k+order) / (k! (k+order)!), all terms positive, for |x| <= 30.
        half_sq = (np.minimum(ax, 30.0) / 2) ** 2
        term = np.power(np.minimum(ax, 30.0) / 2, order) / math.factorial(order)
        series = term.copy()
        for k in range(1, 140):
            term = term * half_sq / (k * (k + order))
            series = series + term
        series = series * np.exp(-np.minimum(ax, 30.0))
        # Asymptotic expansion e^-x I_n(x) ~ (2 pi x)^-1/2 sum_k (-1)^k a_k(n) / x^k beyond.
        big = np.maximum(ax, 30.0)
        mu = 4.0 * order * order
        term = np.ones_like(big)
        asym = term.copy()
        for k in range(1, 20):
            term = -term * (mu - (2 * k - 1) ** 2) / (k * 8 * big)
            asym = asym + term
        asym = asym / np.sqrt(2 * math.pi * big)
        out = np.where(ax <= 30.0, series, asym)
    if order == 1:
        out = np.sign(x) * out
    return np.where(np.isnan(x), np.nan, out)


def bessel_i0e(x: np.ndarray) -> np.ndarray:
    return _bessel_ie(x, 0)


def bessel_i1e(x: np.ndarray) -> np.ndarray:
    return _bessel_ie(x, 1)


def bessel_i0(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return _bessel_ie(x, 0) * np.exp(np.abs(np.asarray(x, np.float64)))


def bessel_i1(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return _bessel_ie(x, 1) * np.exp(np.abs(np.asarray(x, np.float64)))
