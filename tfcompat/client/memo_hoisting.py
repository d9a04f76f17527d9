"""Shape-memo steps move out of the way of element-wise fusion.

A shape memo step (client/shape_memo.py) reads its key values for their shapes only. Where a
shape has unknown dimensions, the seed of ``tf.gradients`` (``Fill`` of the output's shape) is
such a step, and it sits between a forward chain of element-wise ops and the backward chain
that reads it: ``Tanh, Tanh, Fill(shape of the last Tanh), TanhGrad, TanhGrad``. It keeps the two
chains apart, so element-wise fusion (client/eltwise_fusion.py) cannot keep the forward
values in scratch blocks.

``hoist_shape_memos`` rewrites each such memo step that sits between two steps fusion would join
(one static shape): a key value made by an element-wise op (one with a block body) from one
input and single elements of no higher rank, all of its dtype (its output always has that
input's shape and dtype) is replaced by that input, repeatedly; then the step moves up to just
after the step making the last of its new keys (before every plan step, for feeds and
constants). The memo sees the same shapes and dtypes, so its values are unchanged. The values
the memo released are released where it was. Guarded memo steps and those that would not move
keep their place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tfcompat.client.plan_prune import step_inputs


def hoist_shape_memos(analysis, fusible_key: Callable) -> None:
    """Moves memo steps of ``analysis`` (the executor's ``_Analysis``) as described above,
    remapping releases and variable-read touches; ``fusible_key(step)`` is fusion's key of a
    step (None for steps it does not take)."""
    steps = analysis.steps
    producer = {name: i for i, step in enumerate(steps) for name in step.outs}
    released_after = {name: j for j, names in analysis.releases.items() for name in names}
    moves: dict[int, int] = {}  # step index -> index of the step it now runs before
    for i in range(1, len(steps) - 1):
        step = steps[i]
        if not step.kernel_name.startswith("m") or step.guards or step.flag:
            continue
        key = fusible_key(steps[i - 1])
        if key is None or key != fusible_key(steps[i + 1]):
            continue
        args = [_shape_source(a, steps, producer) for a in step.args]
        position = max((producer[a] + 1 for a in args if a in producer), default=0)
        # (a new key must still be alive there: not released after a step before the memo)
        alive = all(released_after.get(a, position) >= position
                    for a in args if a not in step.args)
        if args != step.args and position < i and alive:
            steps[i] = replace(step, args=args)
            moves[i] = position
    if not moves:
        return
    releases = analysis.releases
    for i in moves:
        # What the memo released (it read it last, often for its shape only) is released where
        # the memo was: after the step before it, which every other reader precedes.
        if i in releases:
            releases.setdefault(i - 1, []).extend(releases.pop(i))
    before: dict[int, list[int]] = {}
    for i, position in moves.items():
        before.setdefault(position, []).append(i)
    order: list[int] = []
    for j in range(len(steps)):
        order.extend(before.get(j, ()))
        if j not in moves:
            order.append(j)
    new_index = {old: new for new, old in enumerate(order)}
    analysis.steps = [steps[old] for old in order]
    analysis.releases = {new_index[j]: names for j, names in releases.items()}
    analysis.touches = {new_index.get(j, j): reads for j, reads in analysis.touches.items()}


def _shape_source(name: str, steps, producer: dict[str, int]) -> str:
    """The value whose shape and dtype ``name`` has for sure: back through element-wise steps
    whose other inputs are single elements of no higher rank (``tanh(h)``, ``h * w``)."""
    while name in producer:
        step = steps[producer[name]]
        op = step.op
        if (not step.kernel_name.startswith("k") or step.guards or len(op._outputs) != 1
                or getattr(op._op_def.bind, "block_body", None) is None):
            break
        out = op._outputs[0]
        inputs = step_inputs(op)
        if len(inputs) != len(step.args) or out.shape.ndims is None:
            break
        main = [a for a, t in zip(step.args, inputs) if not _single(t, out.shape.ndims)]
        if (len(main) != 1 or not main[0].isidentifier()  # (not a read such as ``k2()``)
                or inputs[step.args.index(main[0])].dtype != out.dtype):
            break
        name = main[0]
    return name


def _single(t, rank: int) -> bool:
    """``t`` is one element of rank at most ``rank``: broadcasting it changes no shape."""
    shape = t.shape
    return shape.num_elements() == 1 and shape.ndims <= rank
