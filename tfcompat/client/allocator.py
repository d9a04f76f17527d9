"""Keeps freed step buffers in the process for the next step (glibc malloc tuning).

A training step allocates its intermediates afresh and frees them when the step ends. With
glibc's defaults a freed buffer at the top of the heap goes back to the kernel (trimmed) and a
large one is its own mmap, so the next step faults every page in again and the kernel zeroes
it: on a 50-layer [1024, 1024] chain that is 200 MB of page faults per step, more than the
arithmetic. TF's allocators keep such memory for reuse; here glibc is told to do the same: no
mmap below 32 MB, and freed heap memory kept up to 1 GB. Peak memory is unchanged; the process
just does not hand freed memory back between steps.

Applied once, when the first run plan is compiled (graphs that never run change nothing), on
glibc only. ``TFCOMPAT_RETAIN_FREED_MEMORY=0`` in the environment leaves malloc untouched.
"""

from __future__ import annotations

import ctypes
import os
import threading

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 << 20  # glibc's largest allowed value on 64-bit
_TRIM_THRESHOLD = 1 << 30

_lock = threading.Lock()
_applied: bool | None = None


def retain_freed_memory() -> bool:
    """Applies the tuning the first time it is called; True when malloc was tuned."""
    global _applied
    if _applied is not None:
        return _applied
    with _lock:
        if _applied is None:
            _applied = _tune()
    return _applied


def _tune() -> bool:
    if os.environ.get("TFCOMPAT_RETAIN_FREED_MEMORY", "1") == "0":
        return False
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
            return False
    except (AttributeError, ValueError, OSError):  # not glibc (or no confstr at all)
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    # The mmap threshold first: setting the trim threshold alone would freeze glibc's
    # adaptive mmap threshold at its 128 KB start, mmapping every large buffer.
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
                and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))
