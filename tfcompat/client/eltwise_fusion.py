"""Element-wise fusion: consecutive large element-wise plan steps run as one step, block by block.

A plan runs its steps one after the other; each large element-wise op writes a whole new array
(read back by the next op) and splits its work over the intra-op pool, paying a hand-off to a
pool thread per op. After the analyse phase, ``fuse_elementwise`` replaces each *segment* of the
plan with one step: consecutive steps (the plan's order is kept) whose ops expose a block body
(``ops/eltwise_kernels.BlockBody``: TanhGrad, Tanh, Mul, Sigmoid...), with one static output
shape of known rank (of at least ``MIN_FUSED_SIZE`` elements when fully known), inputs of that
shape (or, where the op allows, single elements) and of the op's real float dtype. Steps that
may see dead tensors (guarded), loop frames, memo steps, stateful ops and fed outputs end a
segment. The step's kernel runs every op of the segment on one range of ``block`` elements
before the next range, ranges spread over the intra-op pool (``intra_op_pool.run_ranges``: a
session's intra-op threads, the idle cores, the pool's back-off). Only outputs read after the
segment (by a later step or a fetch) become whole arrays; the others live in scratch blocks of
the thread running the range (one buffer per thread, kept between runs: a thread runs one range
at a time), so the segment's memory is a few blocks per thread instead of one array per op.

Values are those of the unfused plan, bit for bit: a body runs its kernel's float operations,
and range bounds are multiples of ``intra_op_pool.ALIGN`` (numpy's ufunc buffer), as the pool's
own splits (a short tail joins the range before it). At run time the step first checks what
the static analysis assumed (each input an ``np.ndarray`` of the expected dtype, with the
output's shape and C layout or a single element; where the static shape has unknown dimensions,
every input of that shape has one and the same run-time shape, and that shape passes the size
thresholds static shapes pass at compile time); otherwise it runs the ops' own kernels one by
one, the unfused path (generated straight-line code releasing values and writing into dying
buffers as the unfused plan does), errors naming the op that raised. A segment's line in the
plan maps to its first op for error reports; ``Plan.ops`` still lists every op.

Fusion applies where it was measured to pay (constants below). On the 2-core machine, 50 tanh
on [1024, 1024] forward and backward (one 100-op segment) fused ran in 0.7-0.9x the unfused
time with peak memory 32 MB instead of 206 MB; 2-4 op segments of 1M-4M elements 0.7-1.0x.
TF has no such fusion without XLA, so it is not a RewriterConfig switch: ``TFCOMPAT_FUSION=0``
in the environment, when a plan is compiled, turns it off (for debugging).
"""

from __future__ import annotations

import math
import os
import threading
from dataclasses import replace

import numpy as np

from tfcompat.client import buffer_reuse
from tfcompat.client.memo_hoisting import hoist_shape_memos
from tfcompat.client.plan_prune import step_inputs
from tfcompat.client.run_errors import (
    format_op_error,
    kernel_failure,
    out_of_memory,
    output_beyond_memory,
)
from tfcompat.framework import dtypes, errors, intra_op_pool
from tfcompat.framework.intra_op_pool import ALIGN, MIN_TAIL, run_ranges

# Segments whose output has fewer elements run unfused: the size from which a single op splits
# over the pool. Below it a fused step runs serially as the unfused ops do, its arrays fit in
# L2/L3 anyway, and its fixed cost lost (measured, 64K-256K float32: x * 2 + 1 1.4-1.9x,
# 4 arithmetic ops 1.4-1.5x, tanh/mul/add/sigmoid 1.1x, 10 tanh fwd+bwd 1.0x).
MIN_FUSED_SIZE = intra_op_pool.MIN_PARALLEL_SIZE
# On one thread, fusion saves no hand-off to the pool: only memory traffic, once the arrays it
# keeps out of memory exceed the L3 cache (measured, one thread, float32: x * 2 + 1 and 4 ops at
# 1M elements (4-12 MB) 1.12-1.14x; 20 ops at 1M (76 MB) 0.91x, 2-4 ops at 4M (16-48 MB)
# 0.7-0.9x).
SERIAL_MIN_SCRATCH_BYTES = 16 << 20
# Elements per range (multiples of ALIGN): as many as the scratch budget allows for the
# segment's scratch values, within these bounds, and at most a 1/(2 * threads) share of the
# output (a pool thread starting late then costs little).
MIN_BLOCK = 1 << 16
MAX_BLOCK = 1 << 18
SCRATCH_BUDGET = 8 << 20  # bytes per thread


def fusion_enabled() -> bool:
    """False when ``TFCOMPAT_FUSION=0`` is set in the environment."""
    return os.environ.get("TFCOMPAT_FUSION", "1") != "0"


def fuse_elementwise(analysis, state) -> None:
    """Replaces each segment of ``analysis.steps`` (the executor's ``_Analysis``) with one step,
    remapping the releases and variable-read touches of its steps to it."""
    hoist_shape_memos(analysis, _fusible_shape)  # (a gradient's seed between two chains)
    steps = analysis.steps
    segments = _segments(steps)
    if not segments:
        return
    namespace = analysis.namespace
    last_reader: dict[str, int] = {}
    for i, step in enumerate(steps):
        for a in step.args + step.guards:
            last_reader[a] = i
    fetched = set(analysis.fetch_names)
    threads = min(getattr(state, "intra_op_threads", 1), intra_op_pool.MACHINE_CORES)
    new_steps = []
    index_map: dict[int, int] = {}
    dropped: set[str] = set()  # slots that now live in scratch blocks only
    starts = {first: last for first, last in segments}
    i = 0
    while i < len(steps):
        last = starts.get(i)
        if last is None:
            index_map[i] = len(new_steps)
            new_steps.append(steps[i])
            i += 1
            continue
        members = steps[i:last + 1]
        kept = [m.outs[0] in fetched or last_reader.get(m.outs[0], -1) > last for m in members]
        if threads < 2 and _scratch_bytes(members, kept) < SERIAL_MIN_SCRATCH_BYTES:
            # (a shape known only at run time is judged there: FusedSegment.layout)
            for j in range(i, last + 1):
                index_map[j] = len(new_steps)
                new_steps.append(steps[j])
            i = last + 1
            continue
        segment = FusedSegment(members, [namespace.pop(m.kernel_name) for m in members], kept,
                               threads)
        name = f"u{i}"
        namespace[name] = segment
        dropped.update(m.outs[0] for m, k in zip(members, kept) if not k)
        for j in range(i, last + 1):
            index_map[j] = len(new_steps)
        new_steps.append(replace(members[0], kernel_name=name, args=segment.arg_names,
                                 outs=segment.out_names))
        i = last + 1
    releases: dict[int, list[str]] = {}
    for j, names in analysis.releases.items():
        names = [n for n in names if n not in dropped]
        if names:
            releases.setdefault(index_map[j], []).extend(names)
    touches: dict[int, list] = {}
    for j, reads in analysis.touches.items():
        touches.setdefault(index_map.get(j, len(new_steps)), []).extend(reads)
    analysis.steps = new_steps
    analysis.releases = releases
    analysis.touches = touches


def _scratch_bytes(members, kept: list[bool]) -> float:
    """The bytes of the arrays the unfused steps write and only the segment reads (infinite
    while the shape is known only at run time and some do)."""
    shape = members[0].op._outputs[0].shape
    per_element = _dying_bytes_per_element(members, kept)
    if not shape.is_fully_defined():
        return float("inf") if per_element else 0
    return shape.num_elements() * per_element


def _dying_bytes_per_element(members, kept: list[bool]) -> int:
    return sum(np.dtype(dtypes.storage_type(m.op._outputs[0].dtype)).itemsize
               for m, k in zip(members, kept) if not k)


def _segments(steps) -> list[tuple[int, int]]:
    """(first, last) step indices of each run of two or more fusible steps of one shape."""
    segments = []
    first, shape = 0, None
    for i, step in enumerate(steps + [None]):
        key = _fusible_shape(step) if step is not None else None
        if key is not None and key == shape:
            continue
        if shape is not None and i - first >= 2:
            segments.append((first, i - 1))
        first, shape = i, key
    return segments


def _fusible_shape(step) -> tuple[int | None, ...] | None:
    """The static output shape of a step fusion may take (None for dimensions known only at
    run time), else None."""
    # (the executor names an op's kernel k<index>; a memo step m<index> computes a whole
    # shape island from its key tensors, not the op's kernel from its inputs)
    if (step.guards or step.flag or step.unpack or len(step.outs) != 1
            or not step.kernel_name.startswith("k")):
        return None
    op = step.op
    op_def = op._op_def
    body = getattr(op_def.bind, "block_body", None)
    if (body is None or op_def.stateful or op_def.ref_inputs or len(op._outputs) != 1
            or not step.outs[0].startswith("s")):
        return None
    out = op._outputs[0]
    shape = out.shape
    if out.dtype.is_ref_dtype or shape.ndims is None:
        return None
    if shape.is_fully_defined() and (shape.num_elements() < MIN_FUSED_SIZE
                                     or output_beyond_memory(op) is not None):
        return None
    if np.dtype(dtypes.storage_type(out.dtype)) not in body.dtypes:
        return None
    inputs = step_inputs(op)
    if len(inputs) != len(step.args):
        return None
    key = shape.as_tuple()
    for t in inputs:
        if t.dtype != out.dtype or t.shape.ndims is None:
            return None
        # (an input of the same partial shape may differ at run time: FusedSegment checks)
        if t.shape.as_tuple() != key and not (
                body.scalar_inputs and t.shape.num_elements() == 1
                and t.shape.ndims <= shape.ndims):
            return None
    return key


class FusedSegment:
    """The kernel of one fused step: ``segment(*external_inputs)`` returns the kept outputs
    (one array, a tuple of several, or None)."""

    def __init__(self, members, kernels, kept: list[bool], threads: int):
        produced = {m.outs[0]: k for k, m in enumerate(members)}
        self.arg_names: list[str] = []
        for m in members:
            for a in m.args:
                if a not in produced and a not in self.arg_names:
                    self.arg_names.append(a)
        external = len(self.arg_names)
        self.out_names = [m.outs[0] for m, k in zip(members, kept) if k]
        first = members[0].op._outputs[0]
        self.shape = first.shape.as_tuple()  # (None for a dimension known only at run time)
        self.static = first.shape.is_fully_defined()
        self.size = first.shape.num_elements()  # (None: known at run time)
        self.ops = [m.op for m in members]
        self.kernels = kernels
        # Values are numbered: the external inputs, then each member's output.
        self.inputs = [tuple(produced[a] + external if a in produced else self.arg_names.index(a)
                             for a in m.args) for m in members]
        self.bodies = [m.op._op_def.bind.block_body for m in members]
        dtype_of = [np.dtype(dtypes.storage_type(m.op._outputs[0].dtype)) for m in members]
        self.value_dtypes = [None] * external + dtype_of
        # External inputs: their dtype, whether every op reading one takes a single element, and
        # whether its static shape is the segment's (else it is a single element).
        self.arg_dtypes = [None] * external
        scalar_ok = [True] * external
        for k, ids in enumerate(self.inputs):
            for j in ids:
                if j < external:
                    self.arg_dtypes[j] = dtype_of[k]
                    scalar_ok[j] = scalar_ok[j] and self.bodies[k].scalar_inputs
        self.scalar_ok = scalar_ok
        static_shapes: dict[str, tuple] = {}
        for m in members:
            for a, t in zip(m.args, step_inputs(m.op)):
                static_shapes.setdefault(a, t.shape.as_tuple())
        self.full_shaped = [static_shapes[a] == self.shape for a in self.arg_names]
        self.kept = [external + k for k, keep in enumerate(kept) if keep]
        self.slot_of, self.slot_count = _scratch_slots(self.inputs, external, set(self.kept))
        self.last_read = _last_reads(self.inputs, len(self.value_dtypes))
        self.threads = threads
        self.itemsize = max(d.itemsize for d in dtype_of)
        self.dying_bytes = _dying_bytes_per_element(members, kept)
        self._layouts: dict[int, tuple[int, int] | None] = {}
        self.run_block = _block_function(self, external)
        self.run_unfused = _unfused_function(self, external)

    def __call__(self, *args):
        inputs = self._flat_inputs(args)
        if inputs is None:
            return self._unfused(args)
        shape, flats = inputs
        size = self.size if self.static else math.prod(shape)
        layout = self._layouts.get(size, False)
        if layout is False:
            layout = self.layout(size)
        if layout is None:  # (a shape known at run time only, too small to pay)
            return self._unfused(args)
        outs = [np.empty(shape, self.value_dtypes[v]) for v in self.kept]
        flats += [out.reshape(-1) for out in outs]
        block, split_threads = layout
        run_ranges(_RangeRunner(self, flats, block), size, block, split_threads,
                   len(self.inputs))
        return self._result(outs)

    def layout(self, size: int) -> tuple[int, int] | None:
        """(elements per range, threads) for an output of ``size`` elements, or None when
        fusing it does not pay (shapes known only at run time: the thresholds the plan applies
        to static shapes). Remembered per size."""
        if not self.static and (size < MIN_FUSED_SIZE or self.threads < 2 and size
                                * self.dying_bytes < SERIAL_MIN_SCRATCH_BYTES):
            layout = None
        else:
            block = _block_size(size, self.slot_count * self.itemsize, self.threads)
            split = size > block and size * len(self.inputs) >= intra_op_pool.MIN_PARALLEL_SIZE
            layout = (block, self.threads if split else 1)
        if len(self._layouts) >= 64:  # (batch sizes seen at run time: a bounded memo)
            self._layouts.clear()
        self._layouts[size] = layout
        return layout

    def scratch_blocks(self, block: int) -> list:
        """The running thread's scratch block of each value living in blocks only (by value
        number; None for the others), for ranges of ``block`` elements."""
        # (rows hold a last range joined by a short tail: intra_op_pool.MIN_TAIL)
        stride = (block + MIN_TAIL) * self.itemsize
        buffer = _scratch_buffer(self.slot_count * stride)[:self.slot_count * stride]
        rows = {}
        blocks = [None] * len(self.value_dtypes)
        for v, slot in self.slot_of.items():
            dtype = self.value_dtypes[v]
            by_slot = rows.get(dtype)
            if by_slot is None:
                by_slot = rows[dtype] = list(buffer.view(dtype).reshape(self.slot_count, -1))
            blocks[v] = by_slot[slot][:block + MIN_TAIL]
        return blocks

    def _flat_inputs(self, args) -> tuple[tuple, list] | None:
        """The run's output shape and the inputs as flat arrays (0-d for single elements), or
        None when one does not satisfy the bodies' conditions: with a shape known only at run
        time, every input of the segment's static shape must have one and the same shape."""
        flats = []
        shape = self.shape if self.static else None
        for a, dtype, scalar_ok, full in zip(args, self.arg_dtypes, self.scalar_ok,
                                             self.full_shaped):
            if type(a) is not np.ndarray or a.dtype != dtype:
                return None
            if full and shape is None and self._fits_static(a.shape):
                shape = a.shape
            if a.shape == shape and a.flags.c_contiguous:
                flats.append(a.reshape(-1))
            elif scalar_ok and a.size == 1 and a.ndim <= len(self.shape):
                flats.append(a.reshape(()))
            else:
                return None
        return (shape, flats) if shape is not None else None

    def _fits_static(self, shape: tuple) -> bool:
        return len(shape) == len(self.shape) and all(
            d is None or d == n for d, n in zip(self.shape, shape))

    def _unfused(self, args):
        """The members' own kernels one by one, as the unfused plan runs them."""
        return self.run_unfused(*args)

    @staticmethod
    def _result(outs):
        if not outs:
            return None
        return outs[0] if len(outs) == 1 else tuple(outs)


class _RangeRunner:
    """Runs every body of a segment on one range, on the scratch blocks of the running thread."""

    __slots__ = ("segment", "arrays", "block", "scratch")

    def __init__(self, segment: FusedSegment, arrays: list, block: int):
        self.segment = segment
        self.arrays = arrays  # the flat external inputs and kept outputs, in value order
        self.block = block
        # thread -> (its scratch rows, their first ``block`` elements), for this run
        self.scratch: dict[int, tuple[list, list]] = {}

    def __call__(self, lo: int, hi: int) -> None:
        segment = self.segment
        ident = threading.get_ident()
        rows = self.scratch.get(ident)
        if rows is None:
            whole = segment.scratch_blocks(self.block)
            rows = self.scratch[ident] = (whole, _heads(whole, self.block))
        count = hi - lo
        blocks = rows[1] if count == self.block else _heads(rows[0], count)  # (the last range)
        segment.run_block(lo, hi, blocks, *self.arrays)


def _heads(blocks: list, count: int) -> list:
    return [v[:count] if v is not None else None for v in blocks]


# Each thread's scratch memory, kept between runs (the largest a fused step needed on it): a
# thread runs one range at a time, so the steps it runs take turns on the same buffer.
_thread_scratch = threading.local()


def _scratch_buffer(nbytes: int) -> np.ndarray:
    buffer = getattr(_thread_scratch, "buffer", None)
    if buffer is None or buffer.size < nbytes:
        _thread_scratch.buffer = None  # (freed before the larger one is allocated)
        buffer = _thread_scratch.buffer = np.empty(nbytes, np.uint8)
    return buffer


def _block_function(segment: FusedSegment, external: int):
    """``run_block(lo, hi, scratch, *arrays)``: the segment's bodies on one range, as generated
    straight-line code (a plan's way: no per-op list indexing or calls through a wrapper).
    ``arrays`` are the flat external inputs and kept outputs; ``scratch`` this thread's blocks."""
    arrays = list(range(external)) + segment.kept
    lines = [f"def run_block(lo, hi, scratch, {', '.join(f'a{v}' for v in arrays)}):"]
    for v in arrays:
        lines.append(f"    v{v} = a{v}[lo:hi] if a{v}.ndim else a{v}")
    for v in segment.slot_of:
        lines.append(f"    v{v} = scratch[{v}]")
    namespace: dict[str, object] = {}
    for k, (body, ids) in enumerate(zip(segment.bodies, segment.inputs)):
        args = ", ".join(f"v{j}" for j in ids)
        out = f"v{external + k}"
        if body.ufunc is not None:
            namespace[f"u{k}"] = body.ufunc
            lines.append(f"    u{k}({args}, out={out})")
        else:
            namespace[f"b{k}"] = body.body
            lines.append(f"    b{k}({out}, {args})")
    source = "\n".join(lines) + "\n"
    exec(compile(source, "<tfcompat fused block>", "exec"), namespace)  # noqa: S102
    return namespace["run_block"]


def _unfused_function(segment: FusedSegment, external: int):
    """``run_unfused(*arrays)``: the members' own kernels one after the other as generated
    straight-line code, as the unfused plan runs them: each value released after its last
    reader, and kernels that may write into an input dying there wrapped as the plan's buffer
    reuse wraps them (``buffer_reuse.reusing``: the same calling convention, so the same
    reference-count proof). Errors name the member op that raised."""
    namespace: dict[str, object] = {"ops": segment.ops, "errors": errors,
                                    "format_op_error": format_op_error,
                                    "out_of_memory": out_of_memory,
                                    "kernel_failure": kernel_failure}
    reuse = buffer_reuse.reuse_enabled()
    kept = set(segment.kept)
    lines = [f"def run_unfused({', '.join(f'v{j}' for j in range(external))}):",
             "    at = 0", "    try:"]
    for k, (kernel, ids) in enumerate(zip(segment.kernels, segment.inputs)):
        bind = segment.ops[k]._op_def.bind
        dying = [j for j in ids if j >= external and segment.last_read[j] == k and j not in kept]
        positions = tuple(p for p, j in enumerate(ids)
                          if reuse and j in dying and ids.count(j) == 1
                          and p in getattr(bind, "in_place_inputs", ()))
        namespace[f"k{k}"] = (buffer_reuse.reusing(kernel, positions, bind.in_place_dtypes)
                              if positions else kernel)
        lines.append(f"        at = {k}")
        lines.append(f"        v{external + k} = k{k}({', '.join(f'v{j}' for j in ids)})")
        for j in sorted(set(dying)):
            lines.append(f"        del v{j}")
    lines += ["    except errors.OpError as e:",
              "        raise format_op_error(e, ops[at]) from None",
              "    except MemoryError as e:",
              "        raise format_op_error(out_of_memory(e, ops[at]), ops[at]) from None",
              "    except (ValueError, IndexError, TypeError, ArithmeticError) as e:",
              "        raise kernel_failure(e, ops[at]) from e"]
    outs = [f"v{v}" for v in segment.kept]
    lines.append(f"    return {outs[0] if len(outs) == 1 else '(' + ', '.join(outs) + ',)'}"
                 if outs else "    return None")
    source = "\n".join(lines) + "\n"
    exec(compile(source, "<tfcompat unfused segment>", "exec"), namespace)  # noqa: S102
    return namespace["run_unfused"]


def _block_size(size: int, scratch_bytes_per_element: int, threads: int) -> int:
    block = SCRATCH_BUDGET // max(scratch_bytes_per_element, 1)
    block = max(MIN_BLOCK, min(MAX_BLOCK, block, -(-size // (2 * threads))))
    return -(-min(block, size) // ALIGN) * ALIGN


def _last_reads(inputs: list[tuple], value_count: int) -> list[int]:
    """For each value, the index of the last member reading it (-1: none)."""
    last = [-1] * value_count
    for k, ids in enumerate(inputs):
        for j in ids:
            last[j] = k
    return last


def _scratch_slots(inputs: list[tuple], external: int, kept: set[int]):
    """Scratch slot of each value living in blocks only, reusing a slot once its value's last
    reader ran (never for that reader's own output: a body may read its inputs after writing
    part of its output)."""
    last = _last_reads(inputs, external + len(inputs))
    slot_of: dict[int, int] = {}
    free: list[int] = []
    freed: set[int] = set()
    count = 0
    for k, ids in enumerate(inputs):
        v = external + k
        if v not in kept:
            if free:
                slot_of[v] = free.pop()
            else:
                slot_of[v] = count
                count += 1
        for j in sorted(set(ids) | {v}):
            if j in slot_of and j not in freed and last[j] <= k:
                freed.add(j)
                free.append(slot_of[j])
    return slot_of, count
