"""Intra-op parallelism, as TF's ``ConfigProto.intra_op_parallelism_threads``.

The thread count of a session is ``TFCOMPAT_INTRA_OP_THREADS`` from the environment when set,
else its config's ``intra_op_parallelism_threads`` when positive, else the machine's cores (TF's
default). It is the BLAS thread count of a plan's large matrix products (small ones run on one
thread; the policy, and why, is in tfcompat/ops/blas_threads.py). The count is kept per calling
thread, so sessions with different counts do not disturb each other.

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

import os
from collections.abc import Callable

from tfcompat.framework.intra_op_pool import MACHINE_CORES
from tfcompat.ops.blas_threads import blas_setter, with_session_threads

__all__ = ["blas_setter", "machine_threads", "run_with_blas_threads", "session_threads"]


def machine_threads() -> int:
    # Read once at import: os.cpu_count() costs up to 0.3 ms on a busy machine; each run asks.
    return MACHINE_CORES


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

def run_with_blas_threads(threads: int, function: Callable, *args):
    """``function(*args)`` with this thread's large matrix products on ``threads`` BLAS threads."""
    if threads >= machine_threads():
        return function(*args)
    return with_session_threads(threads, function, *args)
