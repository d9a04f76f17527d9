"""Which ops a run plan runs, in what order: the prune phase of ``executor.compile_plan``.

``needed_ops`` walks back from the fetches and targets over data and control inputs, stopping
at fed tensors, and orders the ops found so that producers, control inputs and a variable's
initializer come before their consumers. ``drop_unused`` then removes, as TF's grappler
dependency optimizer does, the side-effect-free ops whose outputs nothing in the plan reads:
an op reached only through control edges (the input gradients ``tf.gradients`` groups with
``gate_gradients``, say the gradient with respect to a placeholder) is not computed.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, errors
from tfcompat.framework.ops import Operation, Tensor


def data_inputs(op: Operation) -> list[Tensor]:
    """The inputs whose values the kernel reads (reference inputs name a variable instead)."""
    refs = op._op_def.ref_inputs
    if not refs:
        return list(op._inputs)
    return [t for i, t in enumerate(op._inputs) if i not in refs]


def frame_of(op: Operation):
    """The while-loop context an Exit op leaves, else None."""
    if op._op_def.leaves_frame:
        context = op._control_flow_context
        if context is not None and hasattr(context, "loop_exits"):
            return context
        # A loop imported from a GraphDef has its ops but no WhileContext to run them by.
        raise errors.UnimplementedError(
            None, op, f"Running the while loop left by '{op.name}' is not yet supported by "
            "tfcompat: only loops built by tf.while_loop in this process run (this one was "
            "imported from a GraphDef).")
    return None


def step_inputs(op: Operation) -> list[Tensor]:
    """What a step reads: an op's data inputs, or for a loop Exit the frame's entering values."""
    frame = frame_of(op)
    return frame.frame_inputs() if frame is not None else data_inputs(op)


def step_controls(op: Operation) -> list[Operation]:
    frame = frame_of(op)
    return frame.frame_control_inputs() if frame is not None else op._control_inputs


def ref_inputs(op: Operation) -> list[Tensor]:
    refs = op._op_def.ref_inputs
    return [op._inputs[i] for i in refs] if refs else []


def _prune(fetch_tensors: list[Tensor], target_ops: list[Operation], fed: set[int],
           run_after: dict[int, list[Operation]] | None = None,
           stop: frozenset[int] = frozenset()) -> list[Operation]:
    """The ops needed for the fetches, in dependency order, not looking past fed tensors.

    ``run_after`` adds ordering edges (op id -> ops that must run first when present), used so
    that a variable's initializer runs before reads of it in the same run. Ops in ``stop`` (the
    structure of the loop frame a sub-plan belongs to) are never entered.
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
        if id(op) in visited or id(op) in stop:
            continue
        visited.add(id(op))
        stack.append((op, True))
        # Data inputs are pushed first so control inputs run first: where TF leaves the order
        # of a read and an update open, this matches what its executor does.
        for t in reversed(step_inputs(op)):
            if id(t) not in fed and id(t._op) not in visited:
                stack.append((t._op, False))
        if run_after:
            for c in run_after.get(id(op), ()):
                if id(c) not in visited:
                    stack.append((c, False))
        for c in reversed(step_controls(op)):
            if id(c) not in visited:
                stack.append((c, False))
    return order


def _order_initializers_first(ops, fetch_tensors, target_ops, fed, stop=frozenset()):
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
    return _prune(fetch_tensors, target_ops, fed, extra, stop)



def needed_ops(fetch_tensors: list[Tensor], target_ops: list[Operation],
               feed_tensors: list[Tensor], stop: frozenset[int]) -> list[Operation]:
    """The ops the run needs, in run order (variable initializers before their readers).

    An op whose every output is fed does not run, even when another op has a control
    dependency on it: as in TF, feeding a placeholder satisfies ``control_dependencies([p])``.
    """
    fed = {id(t) for t in feed_tensors}
    fully_fed = {id(t._op) for t in feed_tensors
                 if all(id(out) in fed for out in t._op._outputs)}
    if fully_fed:
        stop = stop | fully_fed
    ops = _prune(fetch_tensors, target_ops, fed, stop=stop)
    return _order_initializers_first(ops, fetch_tensors, target_ops, fed, stop)


# Tensors of these dtypes are handles to state (TensorArrays, stacks, queues, iterators) or
# datasets: an op producing or taking one is never dropped.
_HANDLE_DTYPES = frozenset((dtypes.resource, dtypes.variant))


def side_effect_free(op: Operation) -> bool:
    """Whether skipping ``op`` when nothing reads its outputs changes nothing but its errors.

    At least as conservative as grappler's dependency optimizer: not stateful and constant in
    its inputs (``foldable``), no control-flow role, no reference or handle tensors (a
    variable's read stays: it fails when the variable is uninitialized), and not a source op
    (an unfed placeholder under a control dependency still fails, as in TF).
    """
    op_def = op._op_def
    if (op_def.stateful or not op_def.foldable or op_def.ref_inputs or op_def.read_at_use
            or op_def.is_variable or op_def.outputs_dead or op_def.takes_dead
            or op_def.leaves_frame):
        return False
    if op._outputs and not op._inputs:
        return False
    for t in op._inputs:
        if t._dtype.is_ref_dtype or t._dtype.base_dtype in _HANDLE_DTYPES:
            return False
    for t in op._outputs:
        if t._dtype.is_ref_dtype or t._dtype.base_dtype in _HANDLE_DTYPES:
            return False
    return True


def drop_unused(ops: list[Operation], fetch_tensors: list[Tensor],
                target_ops: list[Operation], keep: set[int]) -> list[Operation]:
    """``ops`` without the side-effect-free ones whose outputs no kept op reads.

    TF's grappler turns such an op into a NoOp (it never runs, so its kernel cannot fail),
    transitively: an op whose only reader was dropped is dropped in turn. Fetched ops, targets
    and the ops in ``keep`` (those that may see a dead tensor) stay, as do ops with effects,
    with the producers of everything they read.
    """
    needed = {id(t._op) for t in fetch_tensors}
    needed.update(id(op) for op in target_ops)
    kept: list[Operation] = []
    for op in reversed(ops):  # consumers before their producers
        if id(op) in needed or id(op) in keep or not side_effect_free(op):
            kept.append(op)
            for t in step_inputs(op):
                needed.add(id(t._op))
            for t in ref_inputs(op):
                needed.add(id(t._op))
    if len(kept) == len(ops):
        return ops
    kept.reverse()
    return kept
