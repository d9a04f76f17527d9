"""Op-spec entries for the numeric op families of issue 9 (math_extra, special_math, reductions,
sort, segment, einsum, scatter_nd, nn activations).

References are independent formulas: numpy, Python's math module, or defining series and
integrals (values against TensorFlow itself are in tests/ops/test_special_math.py).
"""

from __future__ import annotations

import math

import numpy as np

import tfcompat as tf
from tests.ops.op_specs import OpSpec
from tfcompat.framework.ops import apply_op

_erf = np.frompyfunc(math.erf, 1, 1)
_erfc = np.frompyfunc(math.erfc, 1, 1)
_lgamma = np.frompyfunc(math.lgamma, 1, 1)


def _f(fn):
    return lambda *xs: np.asarray(fn(*xs), np.float64)


def _digamma(x):
    h = 1e-5
    return (_f(_lgamma)(x + h) - _f(_lgamma)(x - h)) / (2 * h)


def _hurwitz(s, q, terms=2000):
    """sum_k (q + k)^-s with the integral tail (Euler-Maclaurin to first order)."""
    total = sum(np.power(q + k, -s) for k in range(terms))
    w = q + terms
    return total + np.power(w, 1 - s) / (s - 1) + 0.5 * np.power(w, -s)


def _igamma(a, x, terms=200):
    """P(a, x) = x^a e^-x sum_n x^n / Gamma(a + n + 1)."""
    a, x = np.broadcast_arrays(np.asarray(a, np.float64), np.asarray(x, np.float64))
    total = np.zeros(a.shape)
    for n in range(terms):
        total = total + np.exp(n * np.log(x) - _f(_lgamma)(a + n + 1))
    return np.exp(a * np.log(x) - x) * total


def _betainc_23(x):
    """I_x(2, 3) = 6x^2 - 8x^3 + 3x^4 (integrating 12 t (1-t)^2)."""
    return 6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4


def _bessel_series(order, x):
    total = np.zeros_like(x)
    for k in range(60):
        total = total + (x / 2) ** (2 * k + order) / (math.factorial(k) * math.factorial(k + order))
    return total


def _erfinv(y):
    lo, hi = np.full_like(y, -6.0), np.full_like(y, 6.0)
    for _ in range(80):
        mid = (lo + hi) / 2
        below = _f(_erf)(mid) < y
        lo, hi = np.where(below, mid, lo), np.where(below, hi, mid)
    return (lo + hi) / 2


def _selu(x):
    alpha, scale = 1.6732632423543772, 1.0507009873554805
    return scale * np.where(x > 0, x, alpha * np.expm1(x))


def _logsumexp_scan(x):
    return np.log(np.cumsum(np.exp(x), axis=1))


def _top_k(x):
    return -np.sort(-x, axis=-1)[..., :2]


def _segments(kind):
    ids = np.array([0, 0, 2])

    def reference(x):
        out = []
        for s in range(3):
            rows = x[ids == s]
            if kind == "Sum":
                out.append(rows.sum(0))
            elif kind == "Mean":
                out.append(rows.mean(0) if len(rows) else np.zeros(x.shape[1:]))
            elif kind == "Prod":
                out.append(rows.prod(0))
            elif kind == "Max":
                out.append(rows.max(0) if len(rows) else np.zeros(x.shape[1:]))
            else:
                out.append(rows.min(0) if len(rows) else np.zeros(x.shape[1:]))
        return np.stack(out)
    return reference


def _unsorted(kind):
    ids = np.array([1, -1, 2, 0])

    def reference(x):
        out = []
        for s in range(3):
            rows = x[ids == s]
            if kind == "Prod":
                out.append(rows.prod(0))
            elif kind == "Max":
                out.append(rows.max(0) if len(rows) else np.full(x.shape[1:], np.finfo(
                    np.float64).min))
            else:
                out.append(rows.min(0) if len(rows) else np.full(x.shape[1:], np.finfo(
                    np.float64).max))
        return np.stack(out)
    return reference


def _scatter_update(x, u):
    out = x.copy()
    out[[1, 3]] = u
    return out


def _scatter(kind):
    def reference(x, u):
        out = x.copy()
        for i, row in zip([2, 0], u):
            out[i] = {"Add": out[i] + row, "Sub": out[i] - row, "Min": np.minimum(out[i], row),
                      "Max": np.maximum(out[i], row)}[kind]
        return out
    return reference


def _three_rows(segments, x):
    """Sorted segment ops have an unknown static dim 0 (it is the last id + 1): pin it to 3."""
    return tf.reshape(segments, tf.concat([[3], tf.shape(x)[1:]], 0))


M23 = ((2, 3),)
SEGMENT_SHAPES = (((3, 2),), ((3,),))
UNSORTED_SHAPES = (((4, 2),), ((4,),))

SPECS = [
    # ---- inverse trig, hyperbolic, rint
    OpSpec("Tan", tf.tan, np.tan, low=-1.2, high=1.2),
    OpSpec("Asin", tf.asin, np.arcsin, low=-0.9, high=0.9),
    OpSpec("Acos", tf.acos, np.arccos, low=-0.9, high=0.9),
    OpSpec("Atan", tf.atan, np.arctan),
    OpSpec("Sinh", tf.sinh, np.sinh),
    OpSpec("Cosh", tf.cosh, np.cosh),
    OpSpec("Asinh", tf.asinh, np.arcsinh),
    OpSpec("Acosh", tf.acosh, np.arccosh, low=1.2, high=4.0),
    OpSpec("Atanh", tf.atanh, np.arctanh, low=-0.9, high=0.9),
    OpSpec("Rint", tf.rint, np.rint, grad_order=0),
    # ---- binary element-wise
    OpSpec("Atan2", tf.atan2, np.arctan2, kind="binary", low=0.3),
    OpSpec("TruncateDiv", tf.truncatediv, lambda x, y: np.trunc(x / y), kind="binary",
           low=0.5, grad_order=0),
    OpSpec("TruncateMod", tf.truncatemod, np.fmod, kind="binary", low=0.5, grad_order=0),
    OpSpec("Xlogy", tf.math.xlogy, lambda x, y: x * np.log(y), kind="binary", low=0.2),
    OpSpec("Xdivy", tf.math.xdivy, lambda x, y: x / y, kind="binary", low=0.5),
    OpSpec("Xlog1py", tf.math.xlog1py, lambda x, y: x * np.log1p(y), kind="binary", low=0.2),
    OpSpec("MulNoNan", tf.math.multiply_no_nan, np.multiply, kind="binary"),
    OpSpec("NextAfter", lambda x, y: tf.math.nextafter(x, y) * 0.5,
           lambda x, y: np.nextafter(x, y) * 0.5, kind="binary", grad_order=1, rtol=1e-6),
    # ---- complex numbers (through real-valued builds)
    OpSpec("Complex", lambda x, y: tf.math.imag(tf.complex(x, y)) * x, np.multiply,
           kind="binary", grad_order=1),
    OpSpec("Real", lambda x, y: tf.math.real(tf.complex(x, y)) * y, np.multiply,
           kind="binary", grad_order=1),
    OpSpec("Imag", lambda x, y: tf.math.imag(tf.complex(x, y)) + x, np.add, kind="binary",
           grad_order=1),
    OpSpec("Angle", lambda x, y: tf.math.angle(tf.complex(x, y)),
           lambda x, y: np.arctan2(y, x), kind="binary", low=0.3, grad_order=1),
    OpSpec("Conj", lambda x, y: tf.math.imag(tf.conj(tf.complex(x, y))), lambda x, y: 0 * x - y,
           kind="binary", grad_order=1),
    # ---- special functions
    OpSpec("Erf", tf.math.erf, _f(_erf)),
    OpSpec("Erfc", tf.math.erfc, _f(_erfc)),
    OpSpec("Erfinv", tf.math.erfinv, _erfinv, low=-0.9, high=0.9),
    OpSpec("Ndtri", tf.math.ndtri, lambda p: math.sqrt(2) * _erfinv(2 * p - 1), low=0.05,
           high=0.95),
    OpSpec("Lgamma", tf.math.lgamma, _f(_lgamma), low=0.3, high=5.0),
    OpSpec("Digamma", tf.math.digamma, _digamma, low=0.3, high=5.0),
    OpSpec("Polygamma", lambda x: tf.math.polygamma(tf.ones_like(x), x),
           lambda x: _hurwitz(2.0, x), low=0.5, high=4.0),
    OpSpec("Zeta", lambda x: tf.math.zeta(3 * tf.ones_like(x), x), lambda x: _hurwitz(3.0, x),
           low=0.5, high=4.0),
    OpSpec("Igamma", tf.math.igamma, _igamma, kind="binary", low=0.5, high=3.0,
           grad_order=1),
    OpSpec("Igammac", tf.math.igammac, lambda a, x: 1 - _igamma(a, x), kind="binary",
           low=0.5, high=3.0, grad_order=1),
    OpSpec("Betainc", lambda x: tf.math.betainc(2 * tf.ones_like(x), 3 * tf.ones_like(x), x),
           _betainc_23, low=0.05, high=0.95),
    OpSpec("BesselI0", tf.math.bessel_i0, lambda x: _bessel_series(0, x)),
    OpSpec("BesselI1", tf.math.bessel_i1, lambda x: _bessel_series(1, x)),
    OpSpec("BesselI0e", tf.math.bessel_i0e,
           lambda x: _bessel_series(0, x) * np.exp(-np.abs(x))),
    OpSpec("BesselI1e", tf.math.bessel_i1e,
           lambda x: _bessel_series(1, x) * np.exp(-np.abs(x)), low=0.1),
    # ---- activations
    OpSpec("Softsign", tf.nn.softsign, lambda x: x / (1 + np.abs(x)), low=0.1),
    OpSpec("Selu", tf.nn.selu, _selu, low=0.1),
    # ---- reductions and scans
    OpSpec("EuclideanNorm", lambda x: tf.math.reduce_euclidean_norm(x, axis=1),
           lambda x: np.sqrt((x * x).sum(axis=1)), kind="custom",
           shapes=(((2, 3),), ((2, 1, 4),), ((3, 2, 2),)), low=0.2),
    OpSpec("CumulativeLogsumexp", lambda x: tf.math.cumulative_logsumexp(x, axis=1),
           _logsumexp_scan, kind="custom", shapes=(((2, 3),), ((1, 4, 2),))),
    OpSpec("TopKV2", lambda x: tf.nn.top_k(x, 2)[0], _top_k, kind="custom",
           shapes=(((2, 3),), ((4,),), ((2, 2, 5),))),
    OpSpec("Einsum", lambda x, y: tf.einsum("ij,jk->ik", x, y), np.matmul, kind="custom",
           shapes=(((2, 3), (3, 4)), ((1, 2), (2, 2)))),
    # ---- segments (ids fixed: sorted [0, 0, 2], unsorted [1, -1, 1, 0] into 3)
    *[OpSpec(f"Segment{kind}", lambda x, kind=kind: _three_rows(
        apply_op(f"Segment{kind}", [x, [0, 0, 2]]), x),
             _segments(kind), kind="custom", shapes=SEGMENT_SHAPES, low=0.5,
             grad_order=2 if kind in ("Sum", "Mean") else 1)
      for kind in ("Sum", "Mean", "Prod", "Min", "Max")],
    *[OpSpec(f"UnsortedSegment{kind}",
             lambda x, kind=kind: apply_op(f"UnsortedSegment{kind}", [x, [1, -1, 2, 0], 3]),
             _unsorted(kind), kind="custom", shapes=UNSORTED_SHAPES, low=0.5, grad_order=1)
      for kind in ("Prod", "Min", "Max")],
    # ---- n-d gather / scatter
    OpSpec("GatherNd", lambda x: tf.gather_nd(x, [[1, 0], [0, 2]]),
           lambda x: x[[1, 0], [0, 2]], kind="custom", shapes=(((2, 3),), ((2, 3, 2),))),
    OpSpec("ScatterNd", lambda u: tf.scatter_nd([[1], [3], [1]], u, [5] + u.shape.as_list()[1:]),
           lambda u: np.stack([np.zeros(u.shape[1:]), u[0] + u[2], np.zeros(u.shape[1:]), u[1],
                               np.zeros(u.shape[1:])]),
           kind="custom", shapes=(((3,),), ((3, 2),))),
    OpSpec("TensorScatterUpdate", lambda x, u: tf.tensor_scatter_nd_update(x, [[1], [3]], u),
           _scatter_update, kind="custom", shapes=(((4,), (2,)), ((4, 2), (2, 2)))),
    *[OpSpec(f"TensorScatter{kind}",
             lambda x, u, kind=kind: apply_op(f"TensorScatter{kind}", [x, [[2], [0]], u]),
             _scatter(kind), kind="custom", shapes=(((3,), (2,)), ((3, 2), (2, 2))),
             grad_order=2 if kind in ("Add", "Sub") else 1)
      for kind in ("Add", "Sub", "Min", "Max")],
]

COVERED_ELSEWHERE = dict.fromkeys(
    ["InTopKV2", "DenseBincount", "IgammaGradA", "SoftsignGrad", "SeluGrad", "LRN", "LRNGrad",
     "ApproxTopK"],
    "tests/ops/test_numeric_ops.py (values, shapes and gradients)")
