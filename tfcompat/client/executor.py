"""Run plans: the pruned subgraph for one (fetches, feeds) pair, compiled to straight-line code.

A plan is a generated Python function: one line per op in topological order
(``s12 = k12(s3, s7)``), ``del`` of each intermediate right after its last use, and a return of
the fetched slots. Running it does no graph walking, name resolution or shape inference.
``compile_plan`` works in three phases: prune (the ops needed, in run order), analyse (a step
per op: kernel, slots, guards, releases) and emit (the source, compiled); between the last two,
runs of large element-wise steps become one fused step each (client/eltwise_fusion.py), and
element-wise steps may write into an input's buffer that dies there (client/buffer_reuse.py). It
names no op type: what it must know about an op comes from flags on its OpDef (``value_attr``
for constants inlined into the plan, ``read_at_use``/``aliases_input`` for variable reads,
``outputs_dead``/``takes_dead``/``dead_when_output_dead`` for control flow, ``leaves_frame``
for loops, ``is_variable`` for reference fetches).

TF1 variables are buffers read when an op executes: a variable's value (VariableV2, and the
Identity ops aliasing it such as ``x/read``) is not a step of its own but a call made by each
consumer where it runs, so a read ordered after an update by a control dependency sees the
update. The same holds through a Switch (a cond branch's guarded consumers call the read) and
a loop-invariant Enter (the frame receives the reading function). Kernels that write
variables hold the variable's lock (SessionState.variable_lock), so
threads sharing a session lose no update. A failed run is not rolled back (as in TF).

Control flow (``tf.cond``) uses TF's dead tensors: a Switch outputs the ``DEAD`` sentinel on its
untaken side. Only ops reachable from a Switch in the plan can see one; for those the line is
guarded (``if s3 is DEAD or d5: s12 = DEAD`` else the kernel call), where ``d5`` records that a
control input was dead, so kernels of an untaken branch (stateful ones included) never run.
Merge kernels take dead inputs and forward the first live one. Plans without a Switch are
generated exactly as before. Fetching a dead tensor raises InvalidArgumentError, as TF does.

A ``tf.while_loop`` frame (its Enter/Merge/Switch/LoopCond/NextIteration/Exit ops) is not
unrolled into the plan: the frame's Exit ops are produced by one step, a Python loop over two
sub-plans compiled the same way, one for the loop condition (fed the Merge outputs) and one
for the body (fed the body's Identity inputs), both also fed the frame's loop-invariant Enters.
Nested frames nest the same way inside a body sub-plan.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from tfcompat.client.allocator import retain_freed_memory
from tfcompat.client.buffer_reuse import reuse_buffers, reuse_enabled
from tfcompat.client.constant_folding import fold
from tfcompat.client.deadness import may_see_dead
from tfcompat.client.eltwise_fusion import fuse_elementwise, fusion_enabled
from tfcompat.client.intra_op import machine_threads, run_with_blas_threads
from tfcompat.client.loop_frames import bind_frame
from tfcompat.client.plan_prune import (
    drop_unused,
    frame_of,
    needed_ops,
    ref_inputs,
    side_effect_free,
    step_controls,
    step_inputs,
)
from tfcompat.client.run_errors import (
    format_op_error,
    kernel_failure,
    out_of_memory,
    output_beyond_memory,
    refuse_allocation,
)
from tfcompat.client.shape_memo import ShapeIslands, memoized
from tfcompat.framework import errors, run_memo
from tfcompat.framework.dead import DEAD
from tfcompat.framework.ops import Operation, Tensor


def _dead_fetch(index: int) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(
        None, None, f"Graph execution error:\n\nRetval[{index}] does not have value")


class SessionState:
    """Everything a session holds at run time: variable values and random streams.

    ``variables`` maps a VariableV2 op name to its current value. A write stores a new array
    (values are never modified in place), so a reader holding a value never sees it change.
    Kernels that read, then write a variable (AssignAdd, the optimizers' Apply* ops...) hold
    that variable's lock around both, so concurrent runs on one session lose no update.
    """

    def __init__(self):
        self.variables: dict[str, np.ndarray] = {}
        self.random_streams: dict[int, object] = {}
        self._locks: dict[str, threading.Lock] = {}
        # ConfigProto.intra_op_parallelism_threads as resolved by client/intra_op.py.
        self.intra_op_threads = machine_threads()
        # Plans skip side-effect-free ops whose outputs nothing reads, as TF's grappler does
        # unless RewriterConfig turns its dependency optimization (or grappler) off.
        self.skip_unused_ops = True

    def variable_lock(self, name: str) -> threading.Lock:
        """The lock guarding read-modify-writes of variable ``name`` (made on first use)."""
        lock = self._locks.get(name)
        if lock is None:
            lock = self._locks.setdefault(name, threading.Lock())  # atomic: one lock wins
        return lock

    def clear(self) -> None:
        """Drops every value (Session.close)."""
        self.variables.clear()
        self.random_streams.clear()


@dataclass
class Plan:
    function: object
    code: object
    line_ops: dict[int, Operation]
    # For each fetch, the index of the feed it returns as is (fetching a fed tensor), or None.
    fetch_feed_index: list[int | None]
    ops: list[Operation] = field(default_factory=list)
    # (fetch index, variable name): a fetched reference tensor yields the variable's value at
    # the end of the run, as TF's aliasing buffers do.
    ref_fetches: list[tuple[int, str]] = field(default_factory=list)

    # Sub-plans of while-loop frames (their kernels' errors name ops inside the loop).
    nested: list[Plan] = field(default_factory=list)
    # The session's intra-op thread count when it is below the machine's (BLAS is capped to
    # it for the run), else None.
    blas_threads: int | None = None

    def op_for_traceback(self, tb) -> Operation | None:
        """The op whose kernel raised: the innermost plan line in the traceback."""
        line_ops = {}
        pending = [self]
        while pending:
            plan = pending.pop()
            line_ops[plan.code] = plan.line_ops
            pending.extend(plan.nested)
        found = None
        while tb is not None:
            lines = line_ops.get(tb.tb_frame.f_code)
            if lines is not None:
                found = lines.get(tb.tb_lineno, found)
            tb = tb.tb_next
        return found


def _ref_variable_name(t: Tensor) -> str | None:
    """The variable a reference-typed tensor aliases (through Assign* and RefIdentity ops)."""
    if not t.dtype.is_ref_dtype:
        return None
    op = t._op
    while not op._op_def.is_variable:
        if not op._inputs or not op._inputs[0].dtype.is_ref_dtype:
            return None
        op = op._inputs[0]._op
    return op._name


@dataclass
class _Step:
    kernel_name: str
    args: list[str]
    outs: list[str]
    op: Operation
    # Dead-tensor handling, only for ops reachable from a Switch: expressions that make the op
    # dead when true, and the name of the flag recording whether it was (for control edges).
    guards: list[str] = field(default_factory=list)
    flag: str | None = None
    # The kernel returns a tuple even for one output (a loop frame with one Exit).
    unpack: bool = False


def compile_plan(fetch_tensors: list[Tensor], target_ops: list[Operation],
                 feed_tensors: list[Tensor], state: SessionState,
                 stop: frozenset[int] = frozenset(),
                 lazy_feeds: frozenset[int] = frozenset()) -> Plan:
    """The run plan for fetching ``fetch_tensors`` and running ``target_ops`` given the feeds.

    Three phases: prune (the ops needed, in run order), analyse (one step per op: its kernel,
    argument and result slots, dead-tensor guards, where each slot is released), emit (the
    straight-line source, compiled). Feeds at ``lazy_feeds`` are not values but functions
    reading a variable, called by each consumer where it runs (a loop's invariant variable).
    """
    retain_freed_memory()
    fed = {id(t): i for i, t in enumerate(feed_tensors)}
    ops = _prune_phase(fetch_tensors, target_ops, feed_tensors, stop, state.skip_unused_ops)
    analysis = _analyse_phase(ops, fetch_tensors, feed_tensors, fed, state, lazy_feeds)
    if fusion_enabled():
        fuse_elementwise(analysis, state)  # consecutive large element-wise steps: one step
    if reuse_enabled():
        reuse_buffers(analysis)  # element-wise steps write into an input dying there
    function, code, line_ops = _emit_phase(analysis, len(feed_tensors))
    return Plan(
        function=function,
        code=code,
        line_ops=line_ops,
        fetch_feed_index=[fed.get(id(t)) for t in fetch_tensors],
        ops=ops,
        ref_fetches=[(i, name) for i, t in enumerate(fetch_tensors)
                     if id(t) not in fed and (name := _ref_variable_name(t)) is not None],
        nested=analysis.nested,
        blas_threads=(state.intra_op_threads
                      if state.intra_op_threads < machine_threads() else None),
    )


def _prune_phase(fetch_tensors, target_ops, feed_tensors, stop,
                 skip_unused: bool = True) -> list[Operation]:
    """The ops the run needs, in run order (``plan_prune``); with ``skip_unused``, without the
    side-effect-free ones whose outputs nothing reads (TF's grappler dependency optimizer)."""
    ops = needed_ops(fetch_tensors, target_ops, feed_tensors, stop)
    if not skip_unused:
        return ops
    fed = {id(t) for t in feed_tensors}
    return drop_unused(ops, fetch_tensors, target_ops, may_see_dead(ops, fed))


@dataclass
class _Analysis:
    """What the emit phase needs: the steps in order and the names the plan's code uses."""

    steps: list[_Step]
    namespace: dict[str, object]
    fetch_names: list[str]
    # For each step index, the slots to ``del`` after it (their last reader).
    releases: dict[int, list[str]]
    # Fetch indices whose value may be DEAD (raised as TF's "does not have value").
    dead_fetches: list[int]
    nested: list[Plan]
    # Before each step index, the variable reads run for their failure alone.
    touches: dict[int, list[tuple[str, Operation]]] = field(default_factory=dict)


def _analyse_phase(ops: list[Operation], fetch_tensors, feed_tensors, fed: dict[int, int],
                   state: SessionState, lazy_feeds: frozenset[int] = frozenset(),
                   memoize_shapes: bool = True) -> _Analysis:
    deadable = may_see_dead(ops, fed)
    flags: dict[int, str] = {}
    if deadable:
        for op in ops:
            for c in step_controls(op):
                if id(c) in deadable:
                    flags[id(c)] = f"d{c._id}"

    slot_names: dict[int, str] = {}
    for i, t in enumerate(feed_tensors):
        slot_names[id(t)] = f"f{i}"
    # Slots holding a call read at each use: a variable's value (False), and tensors
    # aliasing it (True).
    read_at_use: dict[str, bool] = {}
    for i in lazy_feeds:
        slot_names[id(feed_tensors[i])] = f"f{i}()"
        read_at_use[f"f{i}()"] = True
    # Slots of ops that may be dead but otherwise forward a variable's buffer (a Switch of
    # x/read, an Identity of that): their guarded consumers call the read instead.
    live_alias: dict[str, str] = {}
    namespace: dict[str, object] = {"DEAD": DEAD, "_dead_fetch": _dead_fetch}
    # Last step index at which each slot is read; fetched slots are never released.
    last_use: dict[str, int] = {}
    steps: list[_Step] = []
    nested: list[Plan] = []
    frames_done: set[int] = set()
    # (step index, read call, op) of each variable read folded into its consumers' calls.
    alias_reads: list[tuple[int, str, Operation]] = []
    # Slots holding a value fixed when the plan is compiled (Consts, folded ops).
    constants: set[str] = set()
    islands = (ShapeIslands(lambda t: slot_names.get(id(t)) in constants)
               if memoize_shapes else None)
    computed: set[int] = set()  # deferred ops a memo step computes

    def add_step(step: _Step) -> None:
        for a in step.args:
            last_use[a] = len(steps)
        for g in step.guards:
            last_use[g] = len(steps)
        steps.append(step)

    def materialize(op: Operation) -> None:
        """A memo step computing the shape-determined ``op`` (once per key shapes)."""
        island = islands.island(op, order)
        computed.update(id(o) for o in island)
        keys = islands.keys_of(op._outputs[0]) if op._outputs else ()
        plan = _island_plan(island, op._outputs, list(keys), state)
        nested.append(plan)
        name = f"m{order[id(op)]}"
        namespace[name] = memoized(plan.function, len(op._outputs) == 1)
        outs = [f"s{t._id}" for t in op._outputs]
        slot_names.update((id(t), o) for t, o in zip(op._outputs, outs))
        add_step(_Step(name, [slot_names[id(k)] for k in keys], outs, op))

    def materialize_inputs(op: Operation) -> None:
        for t in step_inputs(op):
            if id(t) not in slot_names and id(t._op) in islands.deferred:
                materialize(t._op)
        for c in step_controls(op):
            if id(c) in islands.deferred and id(c) not in computed:
                materialize(c)

    order = {id(op): i for i, op in enumerate(ops)}
    # Tensors the run reads (loop frames skip the variables whose Exit is not among them).
    consumed = {id(t) for t in fetch_tensors}
    consumed.update(id(t) for op in ops for t in step_inputs(op) + ref_inputs(op))
    for index, op in enumerate(ops):
        op_def = op._op_def
        may_die = id(op) in deadable
        outputs_fed = any(id(t) in fed for t in op._outputs)
        frame = frame_of(op)
        if frame is not None:
            if id(frame) in frames_done:
                continue  # one step produced every Exit of the frame
            frames_done.add(id(frame))
        if op_def.value_attr is not None and not may_die and not outputs_fed:
            name = f"c{index}"
            namespace[name] = op._attrs[op_def.value_attr]
            slot_names[id(op._outputs[0])] = name
            constants.add(name)
            continue
        source = slot_names.get(id(op._inputs[0])) if op._inputs else None
        if op_def.aliases_input and not may_die and not outputs_fed and source is not None:
            if source not in read_at_use:
                # A value computed in this run: the output is that same array, no step.
                slot_names[id(op._outputs[0])] = source
                continue
            if not read_at_use[source]:
                # The first alias of a variable (its snapshot, x/read) is the op TF names
                # when the read fails (an uninitialized variable).
                kernel_name = f"k{index}"
                namespace[kernel_name] = _read_as(namespace[source[:-2]], op)
                source = f"{kernel_name}()"
                read_at_use[source] = True
            slot_names[id(op._outputs[0])] = source
            alias_reads.append((len(steps), source, op))
            continue
        kernel_name = f"k{index}"
        lazy: frozenset[int] = frozenset()
        if frame is not None:
            # Loop invariants that are variable reads enter as the reading function, so the
            # body reads them where it uses them (TF's Enter forwards the variable's buffer).
            first_invariant = len(frame.loop_enters)
            lazy = frozenset(i for i, t in enumerate(frame.frame_inputs())
                             if i >= first_invariant and slot_names.get(id(t)) in read_at_use)
            namespace[kernel_name] = bind_frame(
                frame, compile_plan, state, nested, lazy,
                [id(t) in consumed for t in frame.loop_exits])
        else:
            too_big = output_beyond_memory(op)
            namespace[kernel_name] = (op_def.bind(op, state) if too_big is None
                                      else refuse_allocation(*too_big))
            if (too_big is None and not may_die and not outputs_fed and op._inputs
                    and all(slot_names.get(id(t)) in constants for t in op._inputs)
                    and side_effect_free(op)):
                values = fold(namespace[kernel_name],
                              [namespace[slot_names[id(t)]] for t in op._inputs],
                              len(op._outputs))
                if values is not None:
                    del namespace[kernel_name]
                    for k, (t, value) in enumerate(zip(op._outputs, values)):
                        slot_names[id(t)] = name = f"c{index}_{k}"
                        namespace[name] = value
                        constants.add(name)
                    continue
            if (islands is not None and too_big is None and not may_die and not outputs_fed
                    and islands.defer(op)):
                del namespace[kernel_name]
                continue
        if op_def.read_at_use and not may_die and not outputs_fed:
            slot_names[id(op._outputs[0])] = f"{kernel_name}()"
            read_at_use[f"{kernel_name}()"] = False
            continue
        if islands is not None:
            materialize_inputs(op)
        args = [slot_names[id(t)] for t in step_inputs(op)]
        for i in lazy:
            args[i] = args[i][:-2]  # the function, not its value
        outs = []
        for t in (frame.loop_exits if frame is not None else op._outputs):
            if id(t) in fed:
                outs.append("_")
            else:
                name = f"s{t._id}"
                slot_names[id(t)] = name
                outs.append(name)
        step = _Step(kernel_name, args, outs, op, flag=flags.get(id(op)),
                     unpack=frame is not None)
        if may_die and not op_def.takes_dead:
            step.guards = [slot_names[id(t)] for t in step_inputs(op) + ref_inputs(op)
                           if id(t) not in fed and id(t._op) in deadable]
            step.guards += [flags[id(c)] for c in step_controls(op) if id(c) in deadable]
            if live_alias:  # guarded: a live input is read where this op runs
                step.args = [live_alias.get(a, a) if a in step.guards else a for a in args]
        if op_def.aliases_input and args:
            read = live_alias.get(args[0], args[0] if args[0] in read_at_use else None)
            if read is not None:
                live_alias.update((name, read) for name in outs if name != "_")
        add_step(step)

    if islands is not None:
        for t in fetch_tensors:
            if id(t) not in slot_names and id(t._op) in islands.deferred:
                materialize(t._op)
        for op in islands.deferred.values():  # run as targets (or for control edges)
            if id(op) not in computed:
                materialize(op)
    fetch_names = [slot_names[id(t)] for t in fetch_tensors]
    for name in fetch_names:
        last_use.pop(name, None)
    releases: dict[int, list[str]] = {}
    for name, step_index in last_use.items():
        if name.startswith("s"):
            releases.setdefault(step_index, []).append(name)
    dead_fetches = [i for i, t in enumerate(fetch_tensors)
                    if id(t) not in fed and id(t._op) in deadable]
    return _Analysis(steps, namespace, fetch_names, releases, dead_fetches, nested,
                     _unconsumed_reads(alias_reads, steps, fetch_names))


def _island_plan(island: list[Operation], outputs: list[Tensor], keys: list[Tensor],
                 state: SessionState) -> Plan:
    """The plan computing a shape island's ``outputs`` from its ``keys``' values."""
    fed = {id(t): i for i, t in enumerate(keys)}
    analysis = _analyse_phase(island, outputs, keys, fed, state, memoize_shapes=False)
    function, code, line_ops = _emit_phase(analysis, len(keys))
    return Plan(function=function, code=code, line_ops=line_ops, fetch_feed_index=[],
                ops=island, nested=analysis.nested)


def _unconsumed_reads(alias_reads, steps: list[_Step], fetch_names: list[str]):
    """Step index -> (read call, op) for each variable read no step or fetch calls.

    A read TF runs only for a control dependency (``control_dependencies([v.read_value()])``,
    or its consumers skipped by ``drop_unused``) still happens where the read op stands, so it
    fails on an uninitialized variable as TF's does.
    """
    if not alias_reads:
        return {}
    called = set(fetch_names)
    for step in steps:
        called.update(step.args)  # a loop frame takes a read as the function (no "()")
        called.update(step.guards)
    touches: dict[int, list[tuple[str, Operation]]] = {}
    for step_index, read, op in alias_reads:
        if read not in called and read[:-2] not in called:
            called.add(read)
            touches.setdefault(step_index, []).append((read, op))
    return touches


def _read_as(read, op: Operation):
    """``read`` (a variable's value at use) whose failure names ``op``."""
    def read_alias():
        try:
            return read()
        except errors.OpError as e:
            raise format_op_error(e, op) from None
    return read_alias


def _emit_phase(analysis: _Analysis, feed_count: int):
    """Generates and compiles the plan function; returns it, its code and line -> op map."""
    params = ", ".join(f"f{i}" for i in range(feed_count))
    lines = [f"def _plan({params}):"]
    line_ops: dict[int, Operation] = {}
    for step_index, step in enumerate(analysis.steps):
        _emit_touches(analysis.touches.get(step_index), lines, line_ops)
        _emit_step(step, lines, line_ops)
        dead = analysis.releases.get(step_index)
        if dead:
            lines.append(f"    del {', '.join(dead)}")
    _emit_touches(analysis.touches.get(len(analysis.steps)), lines, line_ops)
    fetch_names = analysis.fetch_names
    for i in analysis.dead_fetches:
        lines.append(f"    if {fetch_names[i]} is DEAD: raise _dead_fetch({i})")
    lines.append(f"    return ({''.join(n + ', ' for n in fetch_names)})")
    source = "\n".join(lines) + "\n"
    code = compile(source, "<tfcompat run plan>", "exec")
    namespace = analysis.namespace
    exec(code, namespace)  # noqa: S102 - generated from the graph, no user strings
    function = namespace["_plan"]
    return function, function.__code__, line_ops


def _emit_touches(touches, lines: list[str], line_ops: dict[int, Operation]) -> None:
    for read, op in touches or ():
        lines.append(f"    {read}")
        line_ops[len(lines)] = op


def _emit_step(step: _Step, lines: list[str], line_ops: dict[int, Operation]) -> None:
    call = f"{step.kernel_name}({', '.join(step.args)})"
    live = [o for o in step.outs if o != "_"]
    indent = "    "
    if step.guards:
        # Guards are slots (dead when DEAD) or flags (d<N>, true when that op was dead).
        tests = [g if g.startswith("d") else f"{g} is DEAD" for g in step.guards]
        lines.append(f"    if {' or '.join(tests)}:")
        dead_line = f"        {' = '.join(live)} = DEAD" if live else "        pass"
        lines.append(dead_line)
        if step.flag:
            lines.append(f"        {step.flag} = True")
        lines.append("    else:")
        indent = "        "
    if not step.outs:
        lines.append(f"{indent}{call}")
    elif len(step.outs) == 1 and not step.unpack:
        lines.append(f"{indent}{step.outs[0]} = {call}")
    else:
        lines.append(f"{indent}{', '.join(step.outs)}, = {call}")
    line_ops[len(lines)] = step.op
    if step.flag:
        if step.op._op_def.dead_when_output_dead and step.outs[0] != "_":
            lines.append(f"{indent}{step.flag} = {step.outs[0]} is DEAD")
        else:
            lines.append(f"{indent}{step.flag} = False")


def run_plan(plan: Plan, feed_values: list) -> tuple:
    """Runs a plan; a kernel's failure becomes TF's OpError naming the op that raised.

    Updates that ran before the failure stay, as in TF (a failed run is not rolled back), so
    a failing run never undoes what other runs wrote meanwhile.
    """
    outer_memo = run_memo.open_run()  # kernels of this run may share work (framework/run_memo)
    try:
        with np.errstate(all="ignore"):
            if plan.blas_threads is None:
                return plan.function(*feed_values)
            return run_with_blas_threads(plan.blas_threads, plan.function, *feed_values)
    except errors.OpError as e:
        raise format_op_error(e, plan.op_for_traceback(e.__traceback__)) from None
    except MemoryError as e:
        op = plan.op_for_traceback(e.__traceback__)
        raise format_op_error(out_of_memory(e, op), op) from None
    except (ValueError, IndexError, TypeError, ArithmeticError) as e:
        raise kernel_failure(e, plan.op_for_traceback(e.__traceback__)) from e
    finally:
        run_memo.close_run(outer_memo)
