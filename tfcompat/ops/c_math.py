"""``log``, ``sin`` and ``cos`` rounded exactly as the platform C library rounds them.

TF's random kernels turn uniform samples into normal ones with the C library's scalar
``logf``/``sincosf`` (``log``/``sin``/``cos`` for doubles). Those are not always correctly
rounded, and numpy's own kernels round differently again, so a plain numpy Box-Muller differs
from TF by one ulp in about 1% of samples.

Each value is computed here in a wider type first (float64 for float32, long double for float64).
The C library's internal error is tiny, so its result can only differ from the correctly rounded
one where the exact value lies near a rounding midpoint of the target type; only those values
(a few percent) are handed to the C library itself, through ctypes. The error bounds below were
measured against glibc: exhaustively for the float32 inputs Box-Muller produces (all 2**23
uniform floats and their angles), on a million random inputs for float64. Without a loadable C
math library, or without a long double wider than float64, the wider-type values are returned.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable

import numpy as np

_WIDE64 = np.longdouble if np.finfo(np.longdouble).nmant > np.finfo(np.float64).nmant else None


def _open_library(name: str | None) -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def _load_libm() -> ctypes.CDLL | None:
    # glibc's soname first: find_library (which finds libm elsewhere) runs ldconfig in a
    # subprocess, ~10 ms of the first random op's import (issue 13).
    return _open_library("libm.so.6") or _open_library(ctypes.util.find_library("m"))


def _c_function(libm: ctypes.CDLL | None, name: str, c_type) -> Callable | None:
    fn = getattr(libm, name, None) if libm is not None else None
    if fn is not None:
        fn.restype = c_type
        fn.argtypes = [c_type]
    return fn


_LIBM = _load_libm()
_C_FUNCTIONS = {
    (name, dtype): _c_function(_LIBM, c_name, c_type)
    for name in ("log", "sin", "cos")
    for dtype, c_name, c_type in ((np.float32, name + "f", ctypes.c_float),
                                  (np.float64, name, ctypes.c_double))
}


def _log32_bound(y: np.ndarray) -> np.ndarray:
    # glibc's logf carries an absolute error below 3.8e-10 for |log x| < 0.5, 2.3e-9 above.
    return np.where(np.abs(y) < 0.5, 4.5e-10, 3e-9)


def _relative_bound(ulps: float) -> Callable[[np.ndarray], np.ndarray]:
    def bound(y: np.ndarray) -> np.ndarray:
        return ulps * np.spacing(np.abs(y)).astype(_WIDE64 or np.float64)
    return bound


# Where glibc rounded the other way than the exact value, the exact value lay at most 0.061 ulp
# (sinf, cosf) or 0.015 ulp (log, sin, cos in double) from the rounding midpoint; the bounds
# add a margin.
_BOUNDS = {
    ("log", np.float32): _log32_bound,
    ("sin", np.float32): _relative_bound(0.08),
    ("cos", np.float32): _relative_bound(0.08),
    ("log", np.float64): _relative_bound(0.04),
    ("sin", np.float64): _relative_bound(0.04),
    ("cos", np.float64): _relative_bound(0.04),
}


def _as_c_library(name: str, x: np.ndarray) -> np.ndarray:
    x = np.asarray(x)
    dtype = x.dtype.type
    wide_type = np.float64 if dtype is np.float32 else _WIDE64
    if wide_type is None:
        return getattr(np, name)(x)
    flat = x.reshape(-1)
    exact = getattr(np, name)(flat.astype(wide_type))
    y = exact.astype(dtype)
    c_fn = _C_FUNCTIONS[(name, dtype)]
    if c_fn is not None:
        # The midpoint between y and its neighbour on the exact value's side.
        neighbour = np.nextafter(y, np.where(exact > y, np.inf, -np.inf).astype(dtype))
        midpoint = (y.astype(wide_type) + neighbour.astype(wide_type)) / 2
        index = np.flatnonzero(np.abs(exact - midpoint) <= _BOUNDS[(name, dtype)](y))
        if index.size:
            y[index] = [c_fn(float(v)) for v in flat[index]]
    return y.reshape(x.shape)


def log(x: np.ndarray) -> np.ndarray:
    """Natural log of a float32 or float64 array, as the C library's logf/log returns it."""
    return _as_c_library("log", x)


def sin(x: np.ndarray) -> np.ndarray:
    """Sine of a float32 or float64 array, as the C library's sinf/sin returns it."""
    return _as_c_library("sin", x)


def cos(x: np.ndarray) -> np.ndarray:
    """Cosine of a float32 or float64 array, as the C library's cosf/cos returns it."""
    return _as_c_library("cos", x)
