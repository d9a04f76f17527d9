"""How the gradient walk sees the graph: plainly, or at one while-loop level.

``tf.gradients`` walks ops backward from ys. Without while loops every op is a node of that walk
(``PlainGraphView``). With loops (``LoopLevelView``) each loop directly inside the level being
differentiated is one node (``FrameNode``: the tensors entering the loop in, its Exits out),
differentiated by ``while_loop_v1.frame_gradient``, which differentiates the loop body by calling
``gradients`` again at the level of that loop; at a loop's own level the loop's structure (Enter,
Merge, Switch, body Identity...) is cut off, so the body's inputs are leaves.

Both views answer the same questions, so the walk in ``gradients_impl`` has no loop cases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.framework.op_registry import get_gradient_function
from tfcompat.framework.ops import Operation, Tensor
from tfcompat.framework.tensor import consumer_ops

if TYPE_CHECKING:
    from tfcompat.ops import while_loop_v1

# while_loop_v1 (with control flow and TensorArrays) is imported only for graphs that may hold
# loops, so that tf.gradients of a plain graph does not load it (issue 13).


def _registered_gradient(op: Operation) -> Callable | None:
    override = op._attrs.get("_gradient_op_type")
    return get_gradient_function(override or op._type, op._name)


class PlainGraphView:
    """A graph without while loops: each op is a node, its inputs and consumers as they are."""

    __slots__ = ()

    # The walk reads ops' own ``_inputs`` and consumers and skips ``node`` for this view.
    plain = True

    def node(self, op: Operation):
        return op

    def inputs(self, node) -> tuple:
        return node._inputs

    def consumers(self, t: Tensor) -> list:
        return consumer_ops(t)

    def locate(self, t: Tensor) -> tuple:
        """(node, output index) of ``t``."""
        return t._op, t._value_index

    def is_cut(self, node) -> bool:
        """Whether ``node`` is loop structure the walk must not differentiate through."""
        return False

    gradient_function = staticmethod(_registered_gradient)  # (node) -> Callable | None


class FrameNode:
    """A while loop as one node of the gradient walk: frame inputs in, Exits out."""

    __slots__ = ("frame", "_inputs", "_outputs", "_name", "_type", "_attrs")

    def __init__(self, frame: while_loop_v1.WhileContext):
        self.frame = frame
        self._inputs = tuple(frame.frame_inputs())
        self._outputs = list(frame.loop_exits)
        self._name = frame.name.rpartition("/")[0]
        self._type = "While"
        self._attrs: dict = {}

    @property
    def name(self) -> str:
        return self._name

    def gradient(self, _, *out_grads):
        from tfcompat.ops import while_loop_v1

        return while_loop_v1.frame_gradient(self.frame, list(out_grads))


class LoopLevelView:
    """The graph at one loop level (None: outside all loops), loops inside it as FrameNodes."""

    plain = False

    def __init__(self, level: while_loop_v1.WhileContext | None):
        self.level = level
        self.boundary = level.structure_ids() if level is not None else frozenset()
        self.frames: dict[object, FrameNode] = {}

    def node(self, op: Operation):
        from tfcompat.ops.while_loop_v1 import WhileContext

        top = None
        ctxt = op._control_flow_context
        while ctxt is not None and ctxt is not self.level:
            if isinstance(ctxt, WhileContext):
                top = ctxt
            ctxt = ctxt.outer_context
        if top is None:
            return op
        node = self.frames.get(top)
        if node is None:
            node = self.frames[top] = FrameNode(top)
        return node

    def inputs(self, node) -> tuple:
        return () if id(node) in self.boundary else node._inputs

    def consumers(self, t: Tensor) -> list:
        return [self.node(c) for c in consumer_ops(t) if id(c) not in self.boundary]

    def locate(self, t: Tensor) -> tuple:
        node = self.node(t._op)
        if node is t._op:
            return node, t._value_index
        return node, node._outputs.index(t)

    def is_cut(self, node) -> bool:
        return id(node) in self.boundary

    def gradient_function(self, node) -> Callable | None:
        if isinstance(node, FrameNode):
            return node.gradient
        return _registered_gradient(node)


_PLAIN = PlainGraphView()


def view_for(ys: list[Tensor], graph) -> PlainGraphView | LoopLevelView:
    """The view to differentiate ``ys`` in: the level of the innermost loop holding a y."""
    no_loops = not graph._collections.get(GraphKeys.WHILE_CONTEXT)
    if no_loops and all(y._op._control_flow_context is None for y in ys):
        return _PLAIN
    from tfcompat.ops import while_loop_v1

    level = None
    for y in ys:
        level = while_loop_v1.while_context_of(y._op)
        if level is not None:
            break
    if level is None and no_loops:
        return _PLAIN
    return LoopLevelView(level)
