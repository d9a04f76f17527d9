"""A memo that lives for one ``Session.run``, so kernels of the same run can share work they
would otherwise repeat (Conv2D and Conv2DBackpropFilter both lay out the windows of one input).

The executor opens a memo when a run starts and drops it when the run ends; it is per thread, so
concurrent runs never see each other's entries, and a nested run (a kernel that runs a session)
gets its own. Nothing outlives a run: users refill feed buffers in place between runs.

An entry belongs to one input array: it holds that array (so its ``id`` cannot be reused while the
entry lives) and a copy of its bytes, and a lookup hits only when the array given is the same
object with the same bytes, so an array changed in place within the run (a variable updated in
place) never gets another content's result. Entries are bounded in total size, oldest dropped
first; outside a run (or when the memo is full) kernels simply compute.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

import numpy as np

# Bytes of results one run may hold (a while loop running a conv per iteration must not keep
# every iteration's patches): an entry bigger than this is never stored.
MEMO_BYTES = 64 << 20

_local = threading.local()


class _RunMemo:
    __slots__ = ("entries", "nbytes")

    def __init__(self):
        self.entries: OrderedDict = OrderedDict()
        self.nbytes = 0


def open_run():
    """Starts a run's memo on this thread; returns what ``close_run`` restores."""
    previous = getattr(_local, "memo", None)
    _local.memo = _RunMemo()
    return previous


def close_run(previous) -> None:
    """Drops the run's memo (and everything it holds), restoring the enclosing run's."""
    _local.memo = previous


def _key(kind: Hashable, array: np.ndarray, extra: Hashable) -> tuple:
    return (kind, id(array), array.shape, array.dtype.str, array.strides, extra)


def lookup(kind: Hashable, array: np.ndarray, extra: Hashable, pop: bool = False):
    """The value stored for ``array`` (same object, same bytes) under ``kind``/``extra`` in
    this run, or None; ``pop`` removes it (its last expected user)."""
    memo = getattr(_local, "memo", None)
    if memo is None:
        return None
    key = _key(kind, array, extra)
    entry = memo.entries.get(key)
    if entry is None:
        return None
    owner, content, value, size = entry
    if owner is not array or not np.array_equal(content, _bytes_of(array)):
        return None
    if pop:
        del memo.entries[key]
        memo.nbytes -= size
    return value


def store(kind: Hashable, array: np.ndarray, extra: Hashable, value: np.ndarray) -> None:
    """Remembers ``value`` computed from ``array`` for the rest of this run (if it fits)."""
    memo = getattr(_local, "memo", None)
    if memo is None or not array.flags.c_contiguous:
        return
    # What the entry keeps alive: the array itself, the copy of its bytes and the value.
    size = 2 * array.nbytes + value.nbytes
    if size > MEMO_BYTES:
        return
    key = _key(kind, array, extra)
    old = memo.entries.pop(key, None)
    if old is not None:
        memo.nbytes -= old[3]
    while memo.entries and memo.nbytes + size > MEMO_BYTES:
        memo.nbytes -= memo.entries.popitem(last=False)[1][3]
    memo.entries[key] = (array, _bytes_of(array).copy(), value, size)
    memo.nbytes += size


def _bytes_of(array: np.ndarray) -> np.ndarray:
    """The array's bytes as a flat uint8 view (compared bytewise: -0.0 differs from 0.0, and a
    NaN equals itself)."""
    return array.reshape(-1).view(np.uint8)
