"""BLAS threads per matrix product: small products on one thread, large ones on the session's.

numpy's OpenBLAS runs a product on all its threads once the product passes its own small bound
(M*N*K above 65536*4 for a GEMM, K*N above 2304*4 for a GEMV). Measured on this 2-core machine
(float32; 1 and 2 threads alternating call by call; the machine shared with other jobs, load 5
to 7, so the minimum stands for a free second core and the 25th percentile for a busy one; in
microseconds):

    product (M x K x N)       1 thread: min / 25%     2 threads: min / 25%
    96 x 96 x 96                   16 /     17            16 /     17   (OpenBLAS: 1 thread)
    128 x 128 x 128                55 /     59            44 /     45
    192 x 192 x 192               152 /    157           115 /    117
    256 x 256 x 256               401 /    430           284 / 43 506
    128 x 784 x 256 (MLP)         523 /    548           361 /    397
    784 x 128 x 256 (MLP dW)      506 /    616           265 / 11 152
    32 x 160 x 512 (LSTM)          64 /     65            34 /     35
    160 x 32 x 512 (LSTM dW)       97 /    104            99 /    102
    64 x 6272 x 10 (LeNet)        178 /    341           109 / 19 900
    6272 x 64 x 10 (LeNet dW)     201 /    210        27 683 / 39 756
    64 x 10 x 6272 (LeNet dx)     174 /    188           272 /    291
    50176 x 25 x 32 (conv)      1 086 /  1 254         1 139 / 70 728
    25 x 50176 x 32 (conv dW)   1 629 /  1 629     4 050 008 (one call)

With a free second core, two threads pay from about 2**21 multiply-adds, except for narrow
products (a side below 32), which gain nothing or stall. On busy cores two threads lose 10x to
100x on anything long enough to be preempted: there the session's ``intra_op_parallelism_threads=1``
(or ``TFCOMPAT_INTRA_OP_THREADS=1``) puts every product on one thread, as TF's setting does.

So a product runs on ONE thread (OpenBLAS's serial path) when M*N*K is below
``SERIAL_PRODUCT_SIZE`` or a side is below ``NARROW_SIDE``, and on the session's intra-op count
otherwise (set for the running thread by ``with_session_threads``; OpenBLAS's own count outside a
session). The choice is a pure function of the product's shape and the session's count, so a
given product always gets the same bits. Products whose last bits depend on the thread count:
float64 ones with thousands of rows (M >= 6272 in a sweep of M, K, N over 1..100000; OpenBLAS
then cuts the rows among threads at places where other kernel tails run), and float32 ones whose
K is above 448 (OpenBLAS's threaded driver blocks K otherwise: for 32 x K x 160, 611 of the K in
449..1099 differ, K <= 448 never, K = 512, 576, 640, 1024 not; 116 of 200 random shapes with
M < 64, K 32..1200, N 32..600 differed). Among those, the ones on one thread here (below 2**21
multiply-adds or narrow) change their last bits against numpy's default, and a session's
intra-op count changes them.

OpenBLAS's thread count is one for the whole process in numpy's pthreads build (its
``openblas_set_num_threads_local`` sets the global count there), so a product that needs a count
other than the process's sets it, runs, and puts it back under one lock: two threads' products
needing a change do not change each other's count, and products at the process's count run
without the lock, so concurrent runs' products still overlap (one starting while another thread
holds a changed count runs on that count: only its speed, and for the float64 products above its
last bits, can differ), and numpy products outside tfcompat's kernels keep the process's
count. A session capped below the cores also sets the process's count for its run (as before
per-product threads), so the numpy products of other kernels (conv GEMMs, einsum) stay capped;
two concurrent sessions with different caps then share one count for those. Products OpenBLAS
always runs serially (``ALWAYS_SERIAL_SIZE``) skip the lock and the calls.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from collections.abc import Callable

import numpy as np

# Products run on one BLAS thread below this many multiply-adds (M*N*K), or with a side below
# NARROW_SIDE (measured: see the table above).
SERIAL_PRODUCT_SIZE = 1 << 21
NARROW_SIDE = 32
# M*N*K below which OpenBLAS runs every product (GEMM, GEMV, dot) on one thread by itself.
ALWAYS_SERIAL_SIZE = 2304 * 4

_lock = threading.Lock()


class _SessionThreads(threading.local):
    # The running session's intra-op count, when it sets one. A class default rather than
    # getattr(..., None): a missing thread-local attribute costs ~0.35 us per product.
    threads: int | None = None


_local = _SessionThreads()
_setter: Callable[[int], int] | None | bool = False  # False: not looked up yet
# OpenBLAS's process count as last seen (each set returns it): a product wanting that count
# skips the two calls (0.3 us each). Changed behind tfcompat's back (threadpoolctl), it is seen
# again at the next product that sets a count.
_process_threads: int | None = None


def _find_setter() -> Callable[[int], int] | None:
    """``set(n) -> previous`` of OpenBLAS's thread count in numpy's bundled library."""
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
    """``set(n) -> previous`` for OpenBLAS's thread count, or None when numpy has no OpenBLAS."""
    global _setter
    if _setter is False:
        with _lock:
            if _setter is False:
                _setter = _find_setter()
    return _setter


def with_session_threads(threads: int, function: Callable, *args):
    """``function(*args)`` with this thread's large products on ``threads`` BLAS threads, and
    OpenBLAS's process count set to ``threads`` meanwhile, so that numpy products outside the
    product kernels (conv GEMMs, einsum) keep the cap too, as before per-product threads."""
    global _process_threads
    previous = _local.threads
    _local.threads = threads
    setter = blas_setter()
    if setter is not None:
        with _lock:
            process = setter(threads)
            _process_threads = threads
    try:
        return function(*args)
    finally:
        _local.threads = previous
        if setter is not None:
            with _lock:
                setter(process)
                _process_threads = process


def product_threads(m: int, n: int, k: int) -> int | None:
    """BLAS threads for an [m, k] x [k, n] product on this thread (None: OpenBLAS's count)."""
    if m * n * k < SERIAL_PRODUCT_SIZE or min(m, n, k) < NARROW_SIDE:
        return 1
    return _local.threads


def run_product(m: int, n: int, k: int, function: Callable, *args):
    """``function(*args)`` (a product of [m, k] and [k, n] matrices, or a batch of them) on the
    BLAS threads ``product_threads`` chooses."""
    size = m * n * k
    if size < ALWAYS_SERIAL_SIZE:
        return function(*args)
    setter = blas_setter() if _setter is False else _setter
    if setter is None:
        return function(*args)
    global _process_threads
    threads = product_threads(m, n, k)
    if threads is None or threads == _process_threads:
        # At the process's count: no lock, so products of concurrent runs overlap (holding the
        # lock here serialized every product of every thread).
        return function(*args)
    with _lock:
        if threads == _process_threads:
            return function(*args)
        previous = setter(threads)
        try:
            return function(*args)
        finally:
            setter(previous)
            _process_threads = previous
