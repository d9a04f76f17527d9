"""The deadline of the current ``Session.run`` (``RunOptions(timeout_in_ms=...)`` or the
session config's ``operation_timeout_in_ms``), read by kernels that block.

A blocking kernel (a queue's enqueue or dequeue, an iterator another run is stepping) waits
with ``wait``: past the deadline it raises TF's ``DeadlineExceededError``. Kernels that
compute (a Python generator behind a dataset, a ``py_func``) are not interrupted.
"""

from __future__ import annotations

import contextlib
import threading
import time

from tfcompat.framework import errors

_state = threading.local()


def _expired() -> errors.DeadlineExceededError:
    return errors.DeadlineExceededError(None, None, "Timed out waiting for notification")


@contextlib.contextmanager
def deadline_after(timeout_ms: int | None):
    """Runs the block under a deadline ``timeout_ms`` from now (none if not positive)."""
    if not timeout_ms or timeout_ms <= 0:
        yield
        return
    outer = getattr(_state, "deadline", None)
    _state.deadline = time.monotonic() + timeout_ms / 1000.0
    try:
        yield
    finally:
        _state.deadline = outer


def wait(condition: threading.Condition) -> None:
    """``condition.wait()`` bounded by the run's deadline (DeadlineExceededError past it)."""
    deadline = getattr(_state, "deadline", None)
    if deadline is None:
        condition.wait()
        return
    remaining = deadline - time.monotonic()
    if remaining <= 0 or not condition.wait(remaining) and time.monotonic() >= deadline:
        raise _expired()


def acquire(lock) -> None:
    """``lock.acquire()`` bounded by the run's deadline."""
    deadline = getattr(_state, "deadline", None)
    if deadline is None:
        lock.acquire()
        return
    if not lock.acquire(timeout=max(deadline - time.monotonic(), 0.0)):
        raise _expired()
