"""A ``tf.while_loop`` frame as one plan step: a Python loop over its condition and body plans.

The frame step takes the values entering the loop (its variables, then its invariants) and
returns the values at its Exits. A loop variable whose Exit the run does not read, and that
neither the condition nor another needed variable reads, is *dead*: the body passes it through
unchanged instead of computing it, when the ops only it needs are free of effects outside the
run (pure ops, and writes into TensorArrays made in the run, which only that variable's flow
would read back). The gradient of ``dynamic_rnn`` with respect to its inputs, threaded through
the backward loop as a TensorArray no fetch reads, is such a variable.
"""

from __future__ import annotations

from collections.abc import Callable

from tfcompat.client.plan_prune import needed_ops, ref_inputs, side_effect_free, step_inputs
from tfcompat.framework.ops import Operation, Tensor


def _feeds_read(ops: list[Operation], feeds: list[Tensor]) -> set[int]:
    """Indices of the ``feeds`` some op of ``ops`` reads."""
    index = {id(t): i for i, t in enumerate(feeds)}
    return {index[id(t)] for op in ops for t in step_inputs(op) + ref_inputs(op)
            if id(t) in index}


def live_variables(frame, exit_read: list[bool]) -> list[bool]:
    """For each loop variable, whether the loop must compute it (see the module docstring)."""
    n = len(frame.loop_enters)
    live = list(exit_read)
    if all(live):
        return live
    stop = frame.structure_ids()
    invariants = frame.invariant_enters()
    cond_ops = needed_ops([frame.loop_cond_input()], [], frame.merge_outputs() + invariants, stop)
    for j in _feeds_read(cond_ops, frame.merge_outputs()):
        live[j] = True
    body_feeds = frame.body_inputs() + invariants
    next_values = frame.next_values()
    targets = list(frame.extra_targets)
    while True:
        fetches = [v for v, needed in zip(next_values, live) if needed]
        live_ops = needed_ops(fetches, targets, body_feeds, stop)
        grown = [j for j in _feeds_read(live_ops, body_feeds) if j < n and not live[j]]
        if not grown:
            break
        for j in grown:
            live[j] = True
    if all(live):
        return live
    kept = {id(op) for op in live_ops}
    for op in needed_ops(next_values, targets, body_feeds, stop):
        if (id(op) not in kept and not side_effect_free(op)
                and not op._op_def.writes_run_local_state):
            return [True] * n
    return live


def bind_frame(frame, compile_plan: Callable, state, nested: list, lazy: frozenset[int],
               exit_read: list[bool]):
    """The kernel of a while-loop frame: entering values in, the values at Exit out.

    ``lazy`` indexes the frame inputs passed as variable-reading functions (invariants only);
    ``exit_read`` says which Exits the run reads. The condition and body plans are compiled
    with ``compile_plan`` and added to ``nested``.
    """
    n = len(frame.loop_enters)
    invariants = frame.invariant_enters()
    stop = frame.structure_ids()
    merges = frame.merge_outputs()
    body_inputs = frame.body_inputs()
    live = live_variables(frame, exit_read)
    next_values = [v if needed else passed
                   for v, passed, needed in zip(frame.next_values(), body_inputs, live)]
    cond_plan = compile_plan([frame.loop_cond_input()], [], merges + invariants, state, stop,
                             frozenset(len(merges) + i - n for i in lazy))
    body_plan = compile_plan(next_values, list(frame.extra_targets),
                             body_inputs + invariants, state, stop,
                             frozenset(len(body_inputs) + i - n for i in lazy))
    nested.extend((cond_plan, body_plan))
    cond_fn = cond_plan.function
    body_fn = body_plan.function

    def run_frame(*inputs):
        values = inputs[:n]
        captured = inputs[n:]
        while cond_fn(*values, *captured)[0]:
            values = body_fn(*values, *captured)
        return tuple(values)
    return run_frame
