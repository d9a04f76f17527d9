"""Intra-op parallelism, as TF's ``ConfigProto.intra_op_parallelism_threads``.

The thread count of a session is ``TFCOMPAT_INTRA_OP_THREADS`` from the environment when set,
else its config's ``intra_op_parallelism_threads`` when positive, else the machine's cores (TF's
default). It bounds the BLAS threads: numpy's OpenBLAS runs a plan's matrix products on at most
that many threads (set per calling thread, so sessions with different counts do not disturb
each other). OpenBLAS splits some long products along their inner dimension, so as in TF a
different thread count may change the last bits of a product; the default count changes
nothing.

The same count splits large element-wise kernels (ufunc ops, Sigmoid, Exp, the fused
gradients) into blocks run on framework/intra_op_pool.py's threads; ops/eltwise_kernels.py binds
each kernel with the session's count when a plan is compiled (one thread, or a small static
output: the serial kernel, no cost per call). Results are bit-identical to one serial call.
Measured on the 2-core machine: quiet, a [1024, 1024] float32 tanh took 0.38 ms in one call and
0.26 ms as two halves on two threads; with the cores shared by other busy processes the split
never paid at any size from 128K to 4M elements (1.1-2.7x the serial time: the pool thread gets
a core late), so the pool backs off to serial calls while splits do not pay, and splits only
outputs of at least 512K elements.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from collections.abc import Callable

import numpy as np


def machine_threads() -> int:
    return os.cpu_count() or 1


def session_threads(config) -> int:
    """The intra-op thread count for a session made with ``config`` (a ConfigProto or None)."""
    env = os.environ.get("TFCOMPAT_INTRA_OP_THREADS")
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            pass
    configured = getattr(config, "intra_op_parallelism_threads", 0) if config is not None else 0
    if isinstance(configured, int) and configured > 0:
        return configured
    return machine_threads()


# ---- BLAS threads ----------------------------------------------------------------------------

_blas_lock = threading.Lock()
_blas_setter: Callable[[int], int] | None | bool = False  # False: not looked up yet


def _find_blas_setter() -> Callable[[int], int] | None:
    """OpenBLAS's per-thread ``openblas_set_num_threads_local`` in numpy's bundled library."""
    libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libs, "*openblas*"))):
        try:
            setter = ctypes.CDLL(path).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        setter.argtypes = (ctypes.c_int,)
        setter.restype = ctypes.c_int
        return setter
    return None


def blas_setter() -> Callable[[int], int] | None:
    """``set(n) -> previous`` for the calling thread's BLAS threads, or None when unavailable."""
    global _blas_setter
    if _blas_setter is False:
        with _blas_lock:
            if _blas_setter is False:
                _blas_setter = _find_blas_setter()
    return _blas_setter


def run_with_blas_threads(threads: int, function: Callable, *args):
    """``function(*args)`` with this thread's BLAS limited to ``threads`` (restored after)."""
    setter = blas_setter()
    if setter is None or threads >= machine_threads():
        return function(*args)
    previous = setter(threads)
    try:
        return function(*args)
    finally:
        setter(previous)
