"""The queue resources behind TF1's queue ops: thread-safe, blocking, closable.

Elements are tuples of numpy arrays (one per component). An enqueue blocks while the queue is
full and a dequeue while it holds too few elements; closing the queue wakes both: pending
dequeues then take what is left or fail with ``OutOfRangeError``, pending enqueues finish
(``close()``) or fail with ``CancelledError`` (``close(cancel_pending_enqueues=True)``).
Session.close cancels every queue, so threads blocked in them end.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections import deque

import numpy as np

from tfcompat.framework import errors, run_deadline
from tfcompat.framework.tensor_shape import TensorShape


def _cancelled(what: str) -> errors.CancelledError:
    return errors.CancelledError(None, None, f"{what} operation was cancelled")


class QueueResource:
    """A FIFO queue of component tuples (``FIFOQueue``); subclasses change the order."""

    kind = "FIFOQueue"

    def __init__(self, name: str, dtypes: list, shapes: list[TensorShape], capacity: int):
        self.name = name
        self.dtypes = dtypes
        self.shapes = shapes
        self.capacity = capacity if capacity >= 0 else None
        self._cond = threading.Condition()
        self._closed = False
        self._cancelled = False  # pending enqueues cancelled (close with cancel, session close)
        self._session_closed = False
        self._items = self._make_store()

    # ---- storage order (overridden by the shuffling and priority queues)

    def _make_store(self):
        return deque()

    def _put(self, element: tuple) -> None:
        self._items.append(element)

    def _take(self) -> tuple:
        return self._items.popleft()

    def _ready(self, n: int) -> bool:
        """Whether ``n`` elements may be dequeued now (before the queue is closed)."""
        return len(self._items) >= n

    # ---- operations

    def size(self) -> int:
        with self._cond:
            return len(self._items)

    def is_closed(self) -> bool:
        with self._cond:
            return self._closed

    def close(self, cancel_pending_enqueues: bool) -> None:
        with self._cond:
            self._closed = True
            if cancel_pending_enqueues:
                self._cancelled = True
            self._cond.notify_all()

    def cancel(self) -> None:
        """Session close: every blocked operation ends with CancelledError."""
        with self._cond:
            self._closed = True
            self._cancelled = True
            self._session_closed = True
            self._cond.notify_all()

    def _full(self) -> bool:
        return self.capacity is not None and len(self._items) >= self.capacity

    def enqueue(self, elements: list[tuple]) -> None:
        """Adds elements one at a time, blocking while the queue is full."""
        with self._cond:
            if self._closed:
                raise errors.CancelledError(None, None, f"{self.kind} '{self.name}' is closed.")
            for element in elements:
                while self._full():
                    if self._cancelled:
                        raise _cancelled("Enqueue")
                    run_deadline.wait(self._cond)
                self._put(element)
                self._cond.notify_all()

    def dequeue(self, n: int, allow_smaller: bool) -> list[tuple]:
        """Removes ``n`` elements (fewer for dequeue_up_to once closed), blocking until then."""
        with self._cond:
            while True:
                if self._session_closed:
                    raise _cancelled("Dequeue")
                if self._closed:
                    if len(self._items) >= n or (allow_smaller and self._items):
                        count = min(n, len(self._items))
                        break
                    raise errors.OutOfRangeError(
                        None, None, f"{self.kind} '{self.name}' is closed and has insufficient "
                        f"elements (requested {n}, current size {len(self._items)})")
                if self._ready(n):
                    count = n
                    break
                run_deadline.wait(self._cond)
            taken = [self._take() for _ in range(count)]
            self._cond.notify_all()
            return taken

    def batch(self, elements: list[tuple]) -> tuple[np.ndarray, ...]:
        """Stacks dequeued elements per component (dequeue_many's outputs)."""
        out = []
        for i, dtype in enumerate(self.dtypes):
            parts = [e[i] for e in elements]
            if parts:
                out.append(np.stack(parts).astype(dtype, copy=False))
            else:
                shape = self.shapes[i].as_list() if self.shapes else []
                out.append(np.zeros([0] + [d or 0 for d in shape], dtype=dtype))
        return tuple(out)


class PaddingQueueResource(QueueResource):
    """A FIFO queue whose batches pad each component to the longest element (zeros/b"")."""

    kind = "PaddingFIFOQueue"

    def batch(self, elements: list[tuple]) -> tuple[np.ndarray, ...]:
        out = []
        for i, dtype in enumerate(self.dtypes):
            parts = [np.asarray(e[i]) for e in elements]
            rank = self.shapes[i].ndims
            if parts:
                dims = [max(p.shape[d] for p in parts) for d in range(rank)]
            else:
                dims = [d or 0 for d in self.shapes[i].as_list()]
            fill = b"" if np.dtype(dtype).kind == "O" else 0
            batch = np.full([len(parts)] + dims, fill, dtype=dtype)
            for j, p in enumerate(parts):
                batch[(j,) + tuple(slice(0, s) for s in p.shape)] = p
            out.append(batch)
        return tuple(out)


class ShuffleQueueResource(QueueResource):
    """Dequeues uniformly random elements, keeping ``min_after_dequeue`` until closed.

    Seeded from the op's (seed, seed2); the order differs from TF's (its generator is not
    reproduced), but a seeded queue fed the same way gives the same order on each run.
    """

    kind = "RandomShuffleQueue"

    def __init__(self, name, dtypes, shapes, capacity, min_after_dequeue: int, seed: int,
                 seed2: int):
        super().__init__(name, dtypes, shapes, capacity)
        self.min_after_dequeue = min_after_dequeue
        seeded = seed != 0 or seed2 != 0
        self._rng = np.random.default_rng([seed, seed2] if seeded else None)

    def _make_store(self):
        return []

    def _take(self) -> tuple:
        index = int(self._rng.integers(len(self._items)))
        items = self._items
        items[index], items[-1] = items[-1], items[index]
        return items.pop()

    def _ready(self, n: int) -> bool:
        return len(self._items) >= n + self.min_after_dequeue


class PriorityQueueResource(QueueResource):
    """Dequeues the element with the smallest int64 priority (component 0) first."""

    kind = "PriorityQueue"

    def _make_store(self):
        self._order = itertools.count()
        return []

    def _put(self, element: tuple) -> None:
        heapq.heappush(self._items, (int(element[0]), next(self._order), element))

    def _take(self) -> tuple:
        return heapq.heappop(self._items)[2]
