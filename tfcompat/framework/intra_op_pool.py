"""The intra-op thread pool: large element-wise kernels split into blocks run on several threads.

numpy releases the GIL inside ufunc loops, so blocks of one output computed by the same ufunc
calls on different threads run in parallel. ``run_split(body, out, arrays, threads)`` runs
``body(out_block, *array_blocks)`` over blocks of ``out`` when ``out`` has at least
``MIN_PARALLEL_SIZE`` elements (else once, serially). Each element is computed by the same float
operations as in one serial call, so the result is bit-identical to it:

- every array has ``out``'s shape and C layout (or is a single element): flat blocks whose
  bounds are multiples of ``ALIGN`` elements (numpy's ufunc buffer size), so vector-loop tails,
  alignment and buffered casts fall where a serial call puts them;
- broadcasting (``[N, M] + [M]``): blocks of rows of ``out``, slicing the inputs that have those
  rows and passing the others whole (for ops whose float operations do not depend on where an
  element falls in a loop: +, -, *, /, comparisons; the kernel chooses);
- any other layout runs serially, so the output keeps the layout numpy would give it.

The thread count is the session's (``ConfigProto.intra_op_parallelism_threads``), which the
op's kernel binder gives its kernel when the plan is compiled. The pool's threads
only run blocks and never wait on the pool. A caller runs the blocks itself too and takes back
those no pool thread has started, so several Session.run threads may share the pool: none
waits behind another's blocks, and none deadlocks. On a machine whose cores other processes
keep busy a split costs more than it brings: splits use only the cores other threads leave idle,
and back off after splits that did not pay (sections below).
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Sequence

import numpy as np

# Below this many output elements a kernel runs serially (measured: see client/intra_op.py).
MIN_PARALLEL_SIZE = 1 << 19
# Flat block bounds are multiples of this many elements (numpy's default ufunc buffer size).
ALIGN = 8192
# A last range or block shorter than this joins the one before it, so that it ends where the
# array does. numpy runs a loop this short with scalar code, and there NaN + NaN keeps the first
# operand's NaN (sign and payload) where the vector code the whole-array call runs on the same
# elements keeps the second's (float64 below 8 elements, float32 below 16, numpy 2.4 on AVX2).
MIN_TAIL = 64
# Blocks per thread: more than one, so a caller whose pool thread starts late takes back a
# block instead of waiting for it.
_BLOCKS_PER_THREAD = 2


def run_split(body: Callable, out: np.ndarray, arrays: Sequence[np.ndarray], threads: int,
              rows: bool = True) -> np.ndarray:
    """``out`` after ``body(out_block, *array_blocks)`` has written all of it: over blocks on
    ``threads`` threads when ``out`` is large and the layouts split (``rows=False``: flat blocks
    only), else in one serial call."""
    blocks = None
    if threads > 1 and out.size >= MIN_PARALLEL_SIZE:
        threads = _split_threads(threads)
        if threads < 2:
            body(out, *arrays)
            return out
        blocks = _flat_blocks(out, arrays, threads)
        if blocks is None and rows:
            blocks = _row_blocks(out, arrays, threads)
    if blocks is None:
        body(out, *arrays)
    else:
        _Job(body, blocks).run(threads)
    return out


def run_ranges(body: Callable[[int, int], None], size: int, block: int, threads: int,
               kernels: int = 1) -> None:
    """``body(lo, hi)`` for the ranges ``[lo, hi)`` of ``block`` elements (a multiple of
    ``ALIGN``; the last range may be shorter, or up to ``MIN_TAIL`` elements longer) covering
    ``[0, size)``: on up to ``threads`` threads (the cores left idle, and not while the pool
    backs off), else in order on the caller.
    A fused plan step runs all its ops on one range before the next (client/eltwise_fusion.py);
    it counts as ``kernels`` large kernels for the back-off (a 100-op step backing off for 16
    kernels would otherwise run serially for 16 steps, not a fraction of one)."""
    ranges = range_bounds(size, block)
    if threads > 1 and len(ranges) > 1:
        threads = _split_threads(threads, kernels)
        if threads > 1:
            ranges.reverse()  # (threads pop from the end: the caller starts at 0)
            _Job(body, ranges).run(threads)
            return
    for lo, hi in ranges:
        body(lo, hi)


def range_bounds(size: int, block: int) -> list[tuple[int, int]]:
    """The ranges ``[lo, hi)`` of ``block`` elements covering ``[0, size)``, a short tail
    (under ``MIN_TAIL``) joined to the range before it."""
    bounds = [(lo, min(lo + block, size)) for lo in range(0, size, block)]
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] < MIN_TAIL:
        bounds[-2:] = [(bounds[-2][0], size)]
    return bounds


def _split_threads(threads: int, kernels: int = 1) -> int:
    """The threads a split standing for ``kernels`` kernels may use now: 1 while backing off,
    else the idle cores' count."""
    global _serial_calls
    if _serial_calls:
        # (a lost race on this count only shifts when splitting resumes)
        _serial_calls = max(_serial_calls - kernels, 0)
        return 1
    return min(threads, _idle_cores())


def _flat_blocks(out, arrays, threads) -> list[tuple] | None:
    shape = out.shape
    if not out.flags.c_contiguous or not all(
            a.size == 1 or (a.shape == shape and a.flags.c_contiguous) for a in arrays):
        return None
    size = out.size
    count = threads * _BLOCKS_PER_THREAD
    step = -(-size // (count * ALIGN)) * ALIGN
    flat_out = out.reshape(-1)
    flats = [a.reshape(-1) if a.size != 1 else a.reshape(()) for a in arrays]
    return [(flat_out[lo:hi], *[f[lo:hi] if f.ndim else f for f in flats])
            for lo, hi in range_bounds(size, step)]


def _row_blocks(out, arrays, threads) -> list[tuple] | None:
    shape = out.shape
    rows = shape[0] if shape else 0
    if rows < 2 or not out.flags.c_contiguous or not all(a.flags.c_contiguous for a in arrays):
        return None
    sliced = [a.ndim == out.ndim and a.shape[0] == rows for a in arrays]
    step = -(-rows // min(rows, threads * _BLOCKS_PER_THREAD))
    return [(out[lo:lo + step], *[a[lo:lo + step] if s else a for a, s in zip(arrays, sliced)])
            for lo in range(0, rows, step)]


# ---- cores other processes leave idle ------------------------------------------------------
# Like OpenMP's dynamic thread count (libgomp reads the load average), a split uses the cores
# no other thread is running on: the kernel's count of runnable threads (/proc/loadavg's
# fourth field; the caller itself is one of them, its pool threads wait at that moment),
# sampled at most every _SAMPLE_SECONDS and smoothed. Where it cannot be read, every core counts
# as idle.

_LOADAVG = "/proc/loadavg"
_SAMPLE_SECONDS = 0.05
# The machine's cores: the pool's bound, and the default intra-op thread count of a session.
MACHINE_CORES = os.cpu_count() or 1
_others_running = 0.0
_sampled_at = -1.0


def _idle_cores() -> int:
    """The cores a split may use now: all of them less those other threads keep busy."""
    global _others_running, _sampled_at
    now = time.monotonic()
    if now - _sampled_at >= _SAMPLE_SECONDS:
        _sampled_at = now
        try:
            with open(_LOADAVG, "rb") as f:
                running = int(f.read().split()[3].split(b"/")[0])
        except (OSError, ValueError, IndexError):
            running = 1
        _others_running = 0.5 * _others_running + 0.5 * max(running - 1, 0)
    # (a core counts as busy from 0.75: one sample that catches a pool thread of this process
    # still running, or a short-lived process, leaves the cores idle)
    return MACHINE_CORES - int(_others_running + 0.25)


# ---- back-off on a busy machine -------------------------------------------------------------
# When other processes keep every core busy, a pool thread gets a core late: either the caller
# has run every block itself by then (the split bought nothing and cost the hand-off), or the
# pool thread lost its core mid-block and the caller waits for it a scheduler time slice. After
# either, the next _serial_calls large kernels run serially, twice as many after each such
# split in a row (up to _MAX_BACKOFF); a split that paid resets it.

_MAX_BACKOFF = 1024
_serial_calls = 0
_backoff = 0


def _record_split(ran_all: bool, worked: float, waited: float) -> None:
    global _serial_calls, _backoff
    if ran_all or waited > worked:
        _backoff = min(max(2 * _backoff, 16), _MAX_BACKOFF)
        _serial_calls = _backoff
    elif _backoff:
        _backoff = 0


# ---- the pool --------------------------------------------------------------------------------

class _Job:
    """Blocks of one kernel; whoever runs next (the caller or a pool thread) pops one."""

    __slots__ = ("body", "blocks", "count", "remaining", "lock", "done", "error")

    def __init__(self, body: Callable, blocks: list[tuple]):
        self.body = body
        self.blocks = blocks
        self.count = self.remaining = len(blocks)
        self.lock = threading.Lock()
        self.done = threading.Lock()
        self.done.acquire()  # released by whoever finishes the last block
        self.error: BaseException | None = None

    def run(self, threads: int) -> None:
        helpers = min(threads, len(self.blocks)) - 1
        _start_workers(helpers)
        for _ in range(helpers):
            _queue.put(self)
        start = time.perf_counter()
        ran = self.work()
        worked = time.perf_counter()
        self.done.acquire()  # the blocks a pool thread took are running: wait for them
        _record_split(ran == self.count, worked - start, time.perf_counter() - worked)
        self.blocks = self.body = None  # a pool thread reaching this job later finds nothing
        if self.error is not None:
            raise self.error

    def work(self) -> int:
        """Runs blocks until none is left; returns how many this thread ran."""
        blocks, body = self.blocks, self.body
        ran = 0
        while blocks:
            try:
                block = blocks.pop()
            except IndexError:  # another thread took the last one
                break
            ran += 1
            try:
                body(*block)
            except BaseException as e:  # noqa: BLE001 - re-raised in the caller
                self.error = e
            with self.lock:
                self.remaining -= 1
                last = self.remaining == 0
            if last:
                self.done.release()
        return ran


_queue: queue.SimpleQueue = queue.SimpleQueue()
_workers: list[threading.Thread] = []
_workers_lock = threading.Lock()


def _worker() -> None:
    # Kernels run under the executor's np.errstate(all="ignore"); so do their blocks here.
    with np.errstate(all="ignore"):
        while True:
            job = _queue.get()
            if job.blocks:
                job.work()


def _start_workers(count: int) -> None:
    if len(_workers) >= count:
        return
    with _workers_lock:
        while len(_workers) < count:
            thread = threading.Thread(target=_worker, name="tfcompat-intra-op", daemon=True)
            thread.start()
            _workers.append(thread)


def _forget_workers() -> None:
    """In a forked child the pool's threads do not exist: start new ones when needed."""
    global _queue, _workers_lock
    _queue = queue.SimpleQueue()
    _workers_lock = threading.Lock()
    _workers.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_workers)
