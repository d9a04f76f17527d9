"""The zeros ``tf.gradients`` feeds a gradient function for outputs that received no gradient.

They are ordinary tensors of a marker type, so a gradient function can skip work for them
(TF's gradient functions test for them the same way) without any registry of such tensors.
"""

from __future__ import annotations

from tfcompat.framework.ops import Operation, Tensor
from tfcompat.ops import array_ops


class MissingGradientZeros(Tensor):
    """Zeros standing for "no gradient flowed into this output" (not a computed zero)."""

    __slots__ = ()


def zeros_for_missing_gradient(op: Operation, index: int) -> Tensor:
    """Zeros shaped like output ``index`` of ``op``, marked as a missing gradient."""
    # A cond branch Switch gets zeros that are alive only when its other side is taken. Only ops
    # in a control-flow context can be one: the others (and while loops as gradient nodes,
    # gradient_loops.FrameNode) need not load control flow (issue 13).
    zeros = None
    if getattr(op, "_control_flow_context", None) is not None:
        from tfcompat.ops import control_flow_v1

        zeros = control_flow_v1.zeros_like_switch_output(op, index)
    if zeros is None:
        zeros = array_ops.zeros_like(op._outputs[index], optimize=False)
    # Same layout (no new slots): the tensor the graph made becomes the marker type in place.
    zeros.__class__ = MissingGradientZeros
    return zeros


def is_zeros_tensor(t) -> bool:
    """Whether ``t`` stands for a missing gradient (see ``zeros_for_missing_gradient``)."""
    return isinstance(t, MissingGradientZeros)
