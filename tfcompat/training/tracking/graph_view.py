"""The object graph of an object-based checkpoint: which objects a ``tf.train.Checkpoint``
reaches, under which local names, and the ``TrackableObjectGraph`` proto and checkpoint keys TF
writes for them.

Tracked (as TF tracks them): ``tf.Variable`` (a leaf saving ``VARIABLE_VALUE``), ``tf.layers``
layers (their weights by the name given to ``add_weight`` — ``kernel``, ``bias``,
``depthwise_kernel``... — then layer/variable attributes), ``tf.train.Optimizer`` (its non-slot
variables such as ``beta1_power`` by name, and its slot variables), nested ``Checkpoint`` objects,
lists/tuples (children ``"0"``, ``"1"``...) and dicts (children by key).
"""

from __future__ import annotations

from collections import deque
from typing import Any

from tfcompat.layers.base import Layer
from tfcompat.protobuf.trackable_object_graph_pb2 import TrackableObjectGraph
from tfcompat.training.optimizer import Optimizer
from tfcompat.training.tracking.python_state import PYTHON_STATE, PythonState
from tfcompat.variables.variables import Variable

VARIABLE_VALUE = "VARIABLE_VALUE"
OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH"
_ESCAPE = "."


def escape_local_name(name: str) -> str:
    """TF's escaping of a local name inside a checkpoint key ("." -> "..", "/" -> ".S")."""
    return name.replace(_ESCAPE, _ESCAPE + _ESCAPE).replace("/", _ESCAPE + "S")


def is_trackable(value: Any) -> bool:
    return (isinstance(value, (Variable, Layer, Optimizer, PythonState, list, tuple, dict))
            or hasattr(value, "_trackable_children"))


def _layer_children(layer: Layer) -> list[tuple[str, Any]]:
    """A layer's weights by their ``add_weight`` names, in creation order, then the layers and
    variables held in its public attributes (Keras tracks both)."""
    scope = layer._scope.name + "/" if layer._scope is not None else ""
    weights = sorted(layer._trainable_weights + layer._non_trainable_weights,
                     key=lambda v: v.op._id)
    children, names = [], set()
    for variable in weights:
        name = variable.op.name
        name = name[len(scope):] if scope and name.startswith(scope) else name.rsplit("/", 1)[-1]
        if name not in names:
            children.append((name, variable))
            names.add(name)
    for name, value in vars(layer).items():
        if (not name.startswith("_") and name not in names
                and isinstance(value, (Variable, Layer))):
            children.append((name, value))
            names.add(name)
    return children


def trackable_children(obj: Any) -> list[tuple[str, Any]]:
    """The named dependencies of ``obj``, in the order TF lists them."""
    if isinstance(obj, (Variable, PythonState)):
        return []
    if isinstance(obj, Layer):
        return _layer_children(obj)
    if isinstance(obj, Optimizer):
        return [(name, variable) for (name, _), variable in obj._non_slot_variables.items()]
    if isinstance(obj, (list, tuple)):
        return [(str(i), v) for i, v in enumerate(obj) if is_trackable(v)]
    if isinstance(obj, dict):
        return [(str(k), v) for k, v in obj.items() if is_trackable(v)]
    return obj._trackable_children()


class ObjectGraph:
    """The objects reachable from ``root`` (breadth first, each once), their key paths, and
    the optimizers' slot variables appended after them, as TF numbers the nodes."""

    def __init__(self, root: Any):
        self.nodes: list[Any] = [root]
        self.paths: list[str] = [""]
        self.names: list[str] = ["(root)"]
        self.children: list[list[tuple[int, str]]] = [[]]
        self.slots: list[list[tuple[int, str, int]]] = [[]]
        ids = {id(root): 0}
        queue = deque([0])
        while queue:
            index = queue.popleft()
            for name, child in trackable_children(self.nodes[index]):
                if id(child) not in ids:
                    ids[id(child)] = len(self.nodes)
                    self._add(child, _join(self.paths[index], escape_local_name(name)),
                              f"{self.names[index]}.{name}")
                    queue.append(ids[id(child)])
                self.children[index].append((ids[id(child)], name))
        self._add_slot_variables(ids)

    def _add(self, obj: Any, path: str, name: str) -> None:
        self.nodes.append(obj)
        self.paths.append(path)
        self.names.append(name)
        self.children.append([])
        self.slots.append([])

    def _add_slot_variables(self, ids: dict[int, int]) -> None:
        originals = list(enumerate(self.nodes))
        for index, optimizer in originals:
            if not isinstance(optimizer, Optimizer):
                continue
            for slot_name in optimizer.get_slot_names():
                for original_index, original in originals:
                    if not isinstance(original, Variable):
                        continue
                    slot = optimizer.get_slot(original, slot_name)
                    if slot is None:
                        continue
                    if id(slot) not in ids:
                        ids[id(slot)] = len(self.nodes)
                        path = (f"{self.paths[original_index]}/.OPTIMIZER_SLOT/"
                                f"{self.paths[index]}/{escape_local_name(slot_name)}")
                        self._add(slot, path, f"{self.names[original_index]}'s state "
                                              f"'{slot_name}' for {self.names[index]}")
                    self.slots[index].append((original_index, slot_name, ids[id(slot)]))

    def checkpoint_key(self, index: int) -> str:
        return f"{self.paths[index]}/.ATTRIBUTES/{attribute_name(self.nodes[index])}"

    def variables(self) -> list[tuple[int, Variable]]:
        """(node id, variable) of every variable node."""
        return [(i, node) for i, node in enumerate(self.nodes) if isinstance(node, Variable)]

    def saveables(self) -> list[tuple[int, Variable | PythonState]]:
        """(node id, object) of every node saving a value, in TF's data-file order: the
        variables in node order, then the Python states in node order."""
        return self.variables() + [(i, node) for i, node in enumerate(self.nodes)
                                   if isinstance(node, PythonState)]

    def to_proto(self) -> TrackableObjectGraph:
        """The ``TrackableObjectGraph`` TF writes for these objects."""
        has_values = self._has_values()
        proto = TrackableObjectGraph()
        for index, node in enumerate(self.nodes):
            entry = proto.nodes.add()
            for node_id, name in self.children[index]:
                entry.children.add(node_id=node_id, local_name=name)
            if isinstance(node, (Variable, PythonState)):
                entry.attributes.add(name=attribute_name(node),
                                     full_name=node.op.name if isinstance(node, Variable) else "",
                                     checkpoint_key=self.checkpoint_key(index))
            for original, slot_name, slot in self.slots[index]:
                entry.slot_variables.add(original_variable_node_id=original,
                                         slot_name=slot_name, slot_variable_node_id=slot)
            entry.has_checkpoint_values.value = has_values[index]
        return proto

    def _has_values(self) -> list[bool]:
        """Whether each node saves a value itself or through a dependency or slot."""
        values = [isinstance(node, (Variable, PythonState)) or bool(self.slots[i])
                  for i, node in enumerate(self.nodes)]
        changed = True
        while changed:
            changed = False
            for index, children in enumerate(self.children):
                if not values[index] and any(values[child] for child, _ in children):
                    values[index] = changed = True
        return values


def attribute_name(node) -> str:
    """The attribute a node saves: ``VARIABLE_VALUE`` or ``py_state``."""
    return PYTHON_STATE if isinstance(node, PythonState) else VARIABLE_VALUE


def _join(path: str, name: str) -> str:
    return f"{path}/{name}" if path else name
