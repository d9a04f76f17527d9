"""Run plans: the pruned subgraph for one (fetches, feeds) pair, compiled to straight-line code.

A plan is a generated Python function: one line per op in topological order
(``s12 = k12(s3, s7)``), ``del`` of each intermediate right after its last use, and a return of
the fetched slots. Running it does no graph walking, name resolution or shape inference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tfcompat.framework import errors
from tfcompat.framework.ops import Operation, Tensor


class SessionState:
    """Everything a session holds at run time: variable values and random streams."""

    def __init__(self):
        self.variables: dict[int, np.ndarray] = {}
        self.random_streams: dict[int, object] = {}


@dataclass
class Plan:
    function: object
    code: object
    line_ops: dict[int, Operation]
    # For each fetch, the index of the feed it returns as is (fetching a fed tensor), or None.
    fetch_feed_index: list[int | None]
    writes_state: bool
    ops: list[Operation] = field(default_factory=list)
    # (fetch index, variable name): a fetched reference tensor yields the variable's value at
    # the end of the run, as TF's aliasing buffers do.
    ref_fetches: list[tuple[int, str]] = field(default_factory=list)

    def op_for_traceback(self, tb) -> Operation | None:
        while tb is not None:
            if tb.tb_frame.f_code is self.code:
                return self.line_ops.get(tb.tb_lineno)
            tb = tb.tb_next
        return None


def _data_inputs(op: Operation) -> list[Tensor]:
    """The inputs whose values the kernel reads (reference inputs name a variable instead)."""
    refs = op._op_def.ref_inputs
    if not refs:
        return list(op._inputs)
    return [t for i, t in enumerate(op._inputs) if i not in refs]


def _prune(fetch_tensors: list[Tensor], target_ops: list[Operation], fed: set[int],
           run_after: dict[int, list[Operation]] | None = None) -> list[Operation]:
    """The ops needed for the fetches, in dependency order, not looking past fed tensors.

    ``run_after`` adds ordering edges (op id -> ops that must run first when present), used so
    that a variable's initializer runs before reads of it in the same run.
    """
    order: list[Operation] = []
    visited: set[int] = set()
    stack: list[tuple[Operation, bool]] = []
    for op in reversed(target_ops):
        stack.append((op, False))
    for t in reversed(fetch_tensors):
        if id(t) not in fed:
            stack.append((t._op, False))
    while stack:
        op, expanded = stack.pop()
        if expanded:
            order.append(op)
            continue
        if id(op) in visited:
            continue
        visited.add(id(op))
        stack.append((op, True))
        # Data inputs are pushed first so control inputs run first: where TF leaves the order
        # of a read and an update open, this matches what its executor does.
        for t in reversed(_data_inputs(op)):
            if id(t) not in fed and id(t._op) not in visited:
                stack.append((t._op, False))
        if run_after:
            for c in run_after.get(id(op), ()):
                if id(c) not in visited:
                    stack.append((c, False))
        for c in reversed(op._control_inputs):
            if id(c) not in visited:
                stack.append((c, False))
    return order


def _order_initializers_first(ops, fetch_tensors, target_ops, fed):
    """Re-prunes with "run after" edges when the plan holds both an op and its predecessors.

    A graph records in ``_run_after`` that a variable read must follow the variable's
    initializer; this lets ``global_variables_initializer`` initialize a variable whose
    initial value reads another variable in the same run.
    """
    if not ops:
        return ops
    graph = ops[0]._graph
    hints = getattr(graph, "_run_after", None)
    if not hints:
        return ops
    present = {id(op) for op in ops}
    extra = {}
    for op in ops:
        before = [c for c in hints.get(id(op), ()) if id(c) in present]
        if before:
            extra[id(op)] = before
    if not extra:
        return ops
    return _prune(fetch_tensors, target_ops, fed, extra)


def _ref_variable_name(t: Tensor) -> str | None:
    """The variable a reference-typed tensor aliases (through Assign* and RefIdentity ops)."""
    if not t.dtype.is_ref_dtype:
        return None
    op = t._op
    while op._type != "VariableV2":
        if not op._inputs or not op._inputs[0].dtype.is_ref_dtype:
            return None
        op = op._inputs[0]._op
    return op._name


def compile_plan(fetch_tensors: list[Tensor], target_ops: list[Operation],
                 feed_tensors: list[Tensor], state: SessionState) -> Plan:
    fed = {id(t): i for i, t in enumerate(feed_tensors)}
    ops = _prune(fetch_tensors, target_ops, set(fed))
    ops = _order_initializers_first(ops, fetch_tensors, target_ops, set(fed))

    slot_names: dict[int, str] = {}
    for i, t in enumerate(feed_tensors):
        slot_names[id(t)] = f"f{i}"
    namespace: dict[str, object] = {}
    # Last step index at which each slot is read; fetched slots are never released.
    last_use: dict[str, int] = {}
    steps: list[tuple[str, list[str], list[str], Operation]] = []
    for index, op in enumerate(ops):
        if op._type == "Const" and not any(id(t) in fed for t in op._outputs):
            name = f"c{index}"
            namespace[name] = op._attrs["value"]
            slot_names[id(op._outputs[0])] = name
            continue
        kernel_name = f"k{index}"
        namespace[kernel_name] = op._op_def.bind(op, state)
        if op._op_def.read_at_use and not any(id(t) in fed for t in op._outputs):
            slot_names[id(op._outputs[0])] = f"{kernel_name}()"
            continue
        args = [slot_names[id(t)] for t in _data_inputs(op)]
        outs = []
        for t in op._outputs:
            if id(t) in fed:
                outs.append("_")
            else:
                name = f"s{t._id}"
                slot_names[id(t)] = name
                outs.append(name)
        for a in args:
            last_use[a] = len(steps)
        steps.append((kernel_name, args, outs, op))

    fetch_names = [slot_names[id(t)] for t in fetch_tensors]
    for name in fetch_names:
        last_use.pop(name, None)
    releases: dict[int, list[str]] = {}
    for name, step_index in last_use.items():
        if name.startswith("s"):
            releases.setdefault(step_index, []).append(name)

    params = ", ".join(f"f{i}" for i in range(len(feed_tensors)))
    lines = [f"def _plan({params}):"]
    line_ops: dict[int, Operation] = {}
    for step_index, (kernel_name, args, outs, op) in enumerate(steps):
        call = f"{kernel_name}({', '.join(args)})"
        if not outs:
            lines.append(f"    {call}")
        elif len(outs) == 1:
            lines.append(f"    {outs[0]} = {call}")
        else:
            lines.append(f"    {', '.join(outs)}, = {call}")
        line_ops[len(lines)] = op
        dead = releases.get(step_index)
        if dead:
            lines.append(f"    del {', '.join(dead)}")
    lines.append(f"    return ({''.join(n + ', ' for n in fetch_names)})")
    source = "\n".join(lines) + "\n"
    code = compile(source, "<tfcompat run plan>", "exec")
    exec(code, namespace)  # noqa: S102 - generated from the graph, no user strings
    function = namespace["_plan"]
    return Plan(
        function=function,
        code=function.__code__,
        line_ops=line_ops,
        fetch_feed_index=[fed.get(id(t)) for t in fetch_tensors],
        writes_state=any(op._op_def.stateful for op in ops),
        ops=ops,
        ref_fetches=[(i, name) for i, t in enumerate(fetch_tensors)
                     if id(t) not in fed and (name := _ref_variable_name(t)) is not None],
    )


def format_op_error(error: errors.OpError, op: Operation | None) -> errors.OpError:
    """Gives a kernel's OpError TF's session-level message and its op."""
    if op is None or error.op is not None:
        return error
    message = f"Graph execution error:\n\n{error.message}\n\t [[{{{{node {op.name}}}}}]]"
    return type(error)(op.node_def, op, message)


def kernel_failure(exc: BaseException, op: Operation | None) -> errors.OpError:
    """Wraps an unexpected kernel exception (a numpy error) as TF's InvalidArgumentError."""
    name = op.name if op is not None else "?"
    message = (f"Graph execution error:\n\n{type(exc).__name__}: {exc}\n\t "
               f"[[{{{{node {name}}}}}]]")
    return errors.InvalidArgumentError(op.node_def if op is not None else None, op, message)
