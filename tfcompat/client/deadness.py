"""Which ops of a plan may see a dead tensor (TF's dead tensors: see client/executor.py).

Plans guard these ops (their kernels never run on a dead input) and never drop them as unused
(their deadness reaches other ops through control edges). Every op downstream of an op that may
output ``DEAD`` (a Switch, a stack pop) may, except where a ``tf.cond`` closes. Each tensor gets
the *branch condition* under which it is live: a set of literals ``(pred, k)``, "the Switch
predicate ``pred`` is ``k``", all of which must hold (the empty set: always live; None: not
known, so it may be dead whatever the predicates). A Switch's output ``k`` adds ``(pred, k)`` to
the condition of its inputs (``pred`` taken through Identity ops); an ordinary op is live under
the union of its inputs' and control inputs' conditions; a Merge is live when any input is, so
its condition is the empty set if one input is always live, and ``C`` when its two inputs are
live under ``C + (pred, 0)`` and ``C + (pred, 1)`` (the two branches of one ``tf.cond``); any
other Merge, and every other op that may output ``DEAD``, gives None. An op may see a dead
tensor when it may output one, or an input or control input has a non-empty (or unknown)
condition. So the ops after a ``tf.cond`` (or nested ``tf.cond`` s) are planned as if there were
none: no guards, and unused-op pruning, buffer reuse, constant folding, shape memos and fusion
apply to them again (a conv training step behind a ``tf.cond`` on its input ran 1.4-1.5x the
time of the same step without one).
"""

from __future__ import annotations

from tfcompat.client.plan_prune import ref_inputs, step_controls, step_inputs
from tfcompat.framework.ops import Operation

# A branch condition: the literals (id of the predicate tensor, taken output) that must hold.
Condition = frozenset


def may_see_dead(ops: list[Operation], fed) -> set[int]:
    """Ids of the ops that may see (or output) a dead tensor, closed ``tf.cond`` s known."""
    if not any(op._op_def.outputs_dead for op in ops):
        return set()
    live_when: dict[int, Condition | None] = {}  # tensor id -> condition (absent: always live)
    op_live_when: dict[int, Condition | None] = {}  # op id -> condition, for control edges
    deadable: set[int] = set()
    for op in ops:
        op_def = op._op_def
        inputs = [t for t in step_inputs(op) + ref_inputs(op) if id(t) not in fed]
        conditions = [live_when[id(t)] for t in inputs if id(t) in live_when]
        conditions += [op_live_when[id(c)] for c in step_controls(op) if id(c) in op_live_when]
        if op_def.outputs_dead or conditions:
            deadable.add(id(op))
        if op_def.branch_outputs:
            common = _union(conditions)
            pred = _value_source(op._inputs[-1])
            for k, t in enumerate(op._outputs):
                live_when[id(t)] = None if common is None else common | {(id(pred), k)}
            op_live_when[id(op)] = None
            continue
        if op_def.outputs_dead:
            condition = None
        elif op_def.takes_dead:
            condition = _merged(op, fed, live_when) if op_def.dead_when_output_dead else (
                None if conditions else Condition())
        else:
            condition = _union(conditions)
        if condition is None or condition:
            for t in op._outputs:
                live_when[id(t)] = condition
            op_live_when[id(op)] = condition
    return deadable


def _value_source(t):
    """The tensor ``t`` forwards unchanged through Identity ops (tf.cond's data Switches take
    ``pred_id``, an Identity of the predicate its pivot Switch takes)."""
    while True:
        op_def = t._op._op_def
        if not op_def.aliases_input or op_def.outputs_dead or len(t._op._inputs) != 1:
            return t
        t = t._op._inputs[0]


def _union(conditions: list) -> Condition | None:
    """All of ``conditions`` hold (None when one is not known)."""
    result = Condition()
    for condition in conditions:
        if condition is None:
            return None
        result |= condition
    return result


def _merged(op: Operation, fed, live_when) -> Condition | None:
    """A Merge's condition: one of its inputs is live."""
    if op._control_inputs:
        return None  # (a dead control input would make the Merge dead: not modelled)
    conditions = []
    for t in op._inputs:
        if id(t) in fed or id(t) not in live_when:
            return Condition()  # an input always live
        conditions.append(live_when[id(t)])
    if len(conditions) != 2 or None in conditions:
        return None
    first, second = conditions
    only_first, only_second = first - second, second - first
    if len(only_first) == len(only_second) == 1:
        (pred, k), (other_pred, other_k) = next(iter(only_first)), next(iter(only_second))
        if pred == other_pred and k != other_k:
            return first & second
    return None
