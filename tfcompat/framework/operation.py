"""``tf.Operation``: a node in a Graph, an op type applied to input Tensors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tfcompat.framework import device as device_lib
from tfcompat.framework import node_def as node_def_lib
from tfcompat.framework import op_registry
from tfcompat.framework.default_session import run_in_default_session
from tfcompat.framework.tensor import add_consumer, remove_consumer

if TYPE_CHECKING:
    from tfcompat.framework.graph import Graph
    from tfcompat.framework.tensor import Tensor


class SharedAttrs(dict):
    """The attrs of many ops at once (the fast path's ``{"T": dtype}``, one dict per type attr
    and dtype, not one per op): read-only, so a write cannot reach the other ops sharing it;
    ``Operation._set_attr`` gives the op its own copy first."""

    __slots__ = ()

    def _read_only(self, *args, **kwargs):
        raise TypeError("The attrs of this op are shared with other ops: set them with "
                        "Operation._set_attr")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = _read_only
    __ior__ = _read_only


class Operation:
    """A node in a Graph: an op type applied to input Tensors (``tf.Operation``)."""

    __slots__ = ("_graph", "_name", "_type", "_inputs", "_outputs", "_control_inputs", "_attrs",
                 "_device", "_id", "_op_def", "_control_flow_context", "__weakref__")

    def __init__(self, graph: Graph, name: str, op_type: str, inputs: tuple[Tensor, ...],
                 control_inputs: list[Operation] | tuple[()], attrs: dict, device: str,
                 op_def: op_registry.OpDef):
        self._graph = graph
        self._name = name
        self._type = op_type
        self._inputs = inputs
        self._outputs: list[Tensor] = []  # (set by the graph once shapes are inferred)
        self._control_inputs = control_inputs
        self._attrs = attrs
        self._device = device
        self._id = 0
        self._op_def = op_def
        self._control_flow_context = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def type(self) -> str:
        return self._type

    @property
    def graph(self) -> Graph:
        return self._graph

    @property
    def inputs(self) -> tuple[Tensor, ...]:
        return self._inputs

    @property
    def outputs(self) -> list[Tensor]:
        return list(self._outputs)

    @property
    def control_inputs(self) -> list[Operation]:
        return list(self._control_inputs)

    @property
    def device(self) -> str:
        return self._device

    @property
    def node_def(self):
        return node_def_lib.NodeDefView(self)

    @property
    def op_def(self) -> op_registry.OpDef:
        return self._op_def

    def _set_device(self, device) -> None:
        self._device = device_lib.canonical_name(device)

    def _add_control_input(self, op: Operation) -> None:
        if op not in self._control_inputs:
            if type(self._control_inputs) is tuple:  # the shared empty () of a new op
                self._control_inputs = [*self._control_inputs, op]
            else:
                self._control_inputs.append(op)

    def _add_control_inputs(self, ops: Sequence[Operation]) -> None:
        for op in ops:
            self._add_control_input(op)

    def get_attr(self, name: str):
        """The value of attr ``name``; string attrs come back as bytes, as in TF."""
        try:
            value = self._attrs[name]
        except KeyError:
            raise ValueError(f"Operation '{self._name}' has no attr named '{name}'.") from None
        if isinstance(value, str):
            return value.encode()
        if isinstance(value, list) and value and isinstance(value[0], str):
            return [v.encode() for v in value]
        return value

    def colocation_groups(self) -> list[bytes]:
        """The colocation groups of this op: the ``loc:@<op>`` entries of its ``_class`` attr
        (set by ``tf.colocate_with``), else its own ``loc:@<name>``."""
        groups = [c.encode() for c in self._attrs.get("_class", ()) if c.startswith("loc:@")]
        return groups or [f"loc:@{self._name}".encode()]

    def _set_attr(self, name: str, value) -> None:
        if self._attrs.__class__ is SharedAttrs:  # copy on write
            self._attrs = dict(self._attrs)
        self._attrs[name] = value

    def _get_control_flow_context(self):
        """The cond/while context this op was created in (None outside control flow)."""
        return self._control_flow_context

    def _set_control_flow_context(self, context) -> None:
        self._control_flow_context = context

    def _update_input(self, index: int, tensor: Tensor) -> None:
        """Replaces input ``index`` (control flow reroutes outside values through a Switch)."""
        with self._graph._lock:  # consumers are read, modified and written back
            old = self._inputs[index]
            remove_consumer(old, self)
            self._inputs = self._inputs[:index] + (tensor,) + self._inputs[index + 1:]
            add_consumer(tensor, self)

    def values(self):
        """The outputs of this op, as a tuple."""
        return tuple(self._outputs)

    def run(self, feed_dict=None, session=None) -> None:
        """Runs this operation in ``session`` or the default session."""
        run_in_default_session(self, feed_dict, self._graph, session, "run()")

    def __repr__(self) -> str:
        return f"<tf.Operation '{self._name}' type={self._type}>"

    def __str__(self) -> str:
        return node_def_lib.node_def_text(self)
