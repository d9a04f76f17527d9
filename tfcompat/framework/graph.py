"""``tf.Graph``: owns Operations and their names, collections, control dependencies, devices;
and the per-thread default graph.

Names are uniquified as TF does (case-insensitively, ``_1``, ``_2``...), inside the current name
scope.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable

from tfcompat.framework import device as device_lib
from tfcompat.framework import op_registry
from tfcompat.framework.operation import Operation
from tfcompat.framework.shape_errors import ShapeError, shape_error_message
from tfcompat.framework.tensor import Tensor

_VALID_OP_NAME_REGEX = re.compile(r"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$")
_VALID_SCOPE_NAME_REGEX = re.compile(r"^[A-Za-z0-9_.\\/>-]*$")


class _ControlDependenciesController:
    """One ``with graph.control_dependencies(...)`` block."""

    def __init__(self, graph: Graph, control_inputs: list[Operation] | None):
        self._graph = graph
        if control_inputs is None:
            self._control_inputs: list[Operation] = []
            self._new_stack = True
        else:
            self._control_inputs = control_inputs
            self._new_stack = False
        self._seen_op_ids: set[int] = set()
        self._old_stack = None
        self._old_context = None

    @property
    def control_inputs(self) -> list[Operation]:
        return self._control_inputs

    def __enter__(self):
        if self._new_stack:
            self._old_stack = self._graph._control_dependencies_stack
            self._graph._control_dependencies_stack = []
            # As in TF, clearing control dependencies also leaves any cond context.
            self._old_context = self._graph._control_flow_context
            self._graph._control_flow_context = None
        self._graph._control_dependencies_stack.append(self)

    def __exit__(self, *exc):
        self._graph._control_dependencies_stack.pop()
        if self._new_stack:
            self._graph._control_dependencies_stack = self._old_stack
            self._graph._control_flow_context = self._old_context


class Graph:
    """A TensorFlow computation, represented as a dataflow graph (``tf.Graph``)."""

    # A graph capturing tensors of enclosing graphs (a tf.data function's) sets this: while it
    # is the default, ops given outer tensors are built in it, taking them as captured inputs.
    # ``_capturing_depth`` counts such graphs entered (any thread), to keep op building's
    # single-graph fast path exact.
    _captures_outer = False
    _capturing_depth = 0

    def __init__(self):
        self._lock = threading.RLock()
        self._ops_by_name: dict[str, Operation] = {}
        self._ops: list[Operation] = []
        self._names_in_use: dict[str, int] = {}
        self._name_stack = ""
        self._collections: dict[str, list] = {}
        self._control_dependencies_stack: list[_ControlDependenciesController] = []
        self._device_stack: list[Callable[[Operation], str] | str] = []
        self._colocation_stack: list[Operation] = []
        self._gradient_override_map: dict[str, str] = {}
        self._container = ""  # tf.container: the resource container of new stateful ops
        self._finalized = False
        self._tensor_count = 0
        self._unfeedable: set[int] = set()
        self._unfetchable: set[int] = set()
        self.seed = None
        self._seed_requests = 0
        # Per-graph state owned by tfcompat.variables (the get_variable store, scope counts).
        self._variable_store = None
        # op id -> ops that must run before it when both are in one run (see client.executor).
        self._run_after: dict[int, list[Operation]] = {}
        self._version = 0
        self._graph_key = f"grap-key-{id(self)}/"
        # The cond/while context ops are being created in (tfcompat.ops.control_flow_v1).
        self._control_flow_context = None
        # (input shape, axes) -> (kept dims, tile multiples) of reduction gradients, as TF keeps
        # them per graph (tfcompat.ops.math.reductions).
        self._reduced_shape_cache: dict[tuple, tuple] = {}

    # -- identity and structure

    @property
    def version(self) -> int:
        return self._version

    @property
    def finalized(self) -> bool:
        return self._finalized

    def finalize(self) -> None:
        self._finalized = True

    def _unsafe_unfinalize(self) -> None:
        self._finalized = False

    def _next_tensor_id(self) -> int:
        self._tensor_count += 1
        return self._tensor_count

    def as_graph_def(self, from_version=None, add_shapes=False):
        """A GraphDef protobuf of this graph (nodes, inputs, devices, attrs)."""
        del from_version
        # lazy: the GraphDef writer (and the protobuf messages) only when a GraphDef is asked for
        from tfcompat.framework import graph_export

        return graph_export.graph_to_graph_def(self, add_shapes)

    def get_operations(self) -> list[Operation]:
        return list(self._ops)

    def get_operation_by_name(self, name: str) -> Operation:
        if not isinstance(name, str):
            raise TypeError(f"Operation names are strings (or similar), not {type(name).__name__}.")
        return self.as_graph_element(name, allow_tensor=False, allow_operation=True)

    def get_tensor_by_name(self, name: str) -> Tensor:
        if not isinstance(name, str):
            raise TypeError(f"Tensor names are strings (or similar), not {type(name).__name__}.")
        return self.as_graph_element(name, allow_tensor=True, allow_operation=False)

    def _get_operation_by_name_unsafe(self, name: str) -> Operation | None:
        return self._ops_by_name.get(name)

    def as_graph_element(self, obj, allow_tensor: bool = True, allow_operation: bool = True):
        """Returns the Tensor or Operation that ``obj`` (object or name) denotes in this graph."""
        if allow_tensor and allow_operation:
            types_str = "Tensor or Operation"
        elif allow_tensor:
            types_str = "Tensor"
        else:
            types_str = "Operation"
        converter = getattr(obj, "_as_graph_element", None)
        if converter is not None and callable(converter):
            obj = converter()
        if isinstance(obj, str):
            name = obj
            if ":" in name and allow_tensor:
                op_name, _, out_str = name.partition(":")
                try:
                    out_index = int(out_str)
                except ValueError:
                    raise ValueError(f"The name {name!r} looks a like a Tensor name, but is not a "
                                     "valid one. Tensor names must be of the form "
                                     "\"<op_name>:<output_index>\".") from None
                op = self._ops_by_name.get(op_name)
                if op is None:
                    raise KeyError(f"The name {name!r} refers to a Tensor which does not exist. "
                                   f"The operation, {op_name!r}, does not exist in the graph.")
                if out_index >= len(op._outputs) or out_index < 0:
                    raise KeyError(f"The name {name!r} refers to a Tensor which does not exist. "
                                   f"The operation, {op_name!r}, exists but only has "
                                   f"{len(op._outputs)} outputs.")
                return op._outputs[out_index]
            if ":" in name and not allow_tensor:
                raise ValueError(f"Name {name!r} appears to refer to a Tensor, not a "
                                 f"{types_str}.")
            if ":" not in name and allow_operation:
                op = self._ops_by_name.get(name)
                if op is None:
                    raise KeyError(f"The name {name!r} refers to an Operation not in the graph.")
                return op
            if ":" not in name and not allow_operation:
                if name in self._ops_by_name:
                    raise ValueError(f"The name {name!r} refers to an Operation, not a "
                                     f"{types_str}. Tensor names must be of the form "
                                     "\"<op_name>:<output_index>\".")
                raise ValueError(f"The name {name!r} looks like an (invalid) Operation name, not "
                                 f"a {types_str}. Tensor names must be of the form "
                                 "\"<op_name>:<output_index>\".")
        if isinstance(obj, Tensor) and allow_tensor:
            if obj.graph is not self:
                raise ValueError(f"Tensor {obj} is not an element of this graph.")
            return obj
        if isinstance(obj, Operation) and allow_operation:
            if obj._graph is not self:
                raise ValueError(f"Operation {obj!r} is not an element of this graph.")
            return obj
        raise TypeError(f"Can not convert a {type(obj).__name__} into a {types_str}.")

    # -- names

    def get_name_scope(self) -> str:
        return self._name_stack

    def unique_name(self, name: str, mark_as_used: bool = True) -> str:
        """Returns ``name`` made unique in this graph (TF's rules: case-insensitive, ``_N``)."""
        if self._name_stack:
            name = self._name_stack + "/" + name
        name_key = name.lower()
        i = self._names_in_use.get(name_key, 0)
        if mark_as_used:
            self._names_in_use[name_key] = i + 1
        if i > 0:
            # name_key itself is taken (i > 0): try name_key_i, name_key_(i+1)...
            base_name_key = name_key
            name_key = f"{base_name_key}_{i}"
            i += 1
            while name_key in self._names_in_use:
                name_key = f"{base_name_key}_{i}"
                i += 1
            if mark_as_used:
                self._names_in_use[name_key] = 1
            name = f"{name}_{i - 1}"
        return name

    def name_scope(self, name) -> _GraphNameScope:
        """Opens a name scope; yields the scope string (``'outer/'``), see ``tf.name_scope``."""
        return _GraphNameScope(self, name)

    def _scope_for(self, name) -> str:
        """Validates ``name`` and returns the scope string it opens (marking it used)."""
        if name:
            if isinstance(name, bytes):
                name = name.decode()
            if self._name_stack:
                if not _VALID_SCOPE_NAME_REGEX.match(name):
                    raise ValueError(f"'{name}' is not a valid scope name. A scope name has to "
                                     f"match the following pattern: "
                                     f"{_VALID_SCOPE_NAME_REGEX.pattern}")
            elif not _VALID_OP_NAME_REGEX.match(name):
                raise ValueError(f"'{name}' is not a valid root scope name. A root scope name has "
                                 f"to match the following pattern: "
                                 f"{_VALID_OP_NAME_REGEX.pattern}")
        if not name:
            return ""
        if name[-1] == "/":
            return name
        return self.unique_name(name) + "/"

    def _push_unique_scope(self, name: str) -> str:
        """Enters the new scope ``name`` (a str not ending in "/", checked as ``_scope_for``
        does) by setting the name stack, without a context-manager object; returns the stack
        to restore."""
        saved = self._name_stack
        if not (_VALID_SCOPE_NAME_REGEX if saved else _VALID_OP_NAME_REGEX).match(name):
            self._scope_for(name)  # raises TF's error
        self._name_stack = self.unique_name(name)
        return saved

    # -- collections

    def add_to_collection(self, name: str, value) -> None:
        self._collections.setdefault(name, []).append(value)

    def add_to_collections(self, names, value) -> None:
        if isinstance(names, str):
            names = [names]
        for name in dict.fromkeys(names):
            self.add_to_collection(name, value)

    def get_collection_ref(self, name: str) -> list:
        return self._collections.setdefault(name, [])

    def get_collection(self, name: str, scope=None) -> list:
        items = self._collections.get(name)
        if items is None:
            return []
        if scope is None:
            return list(items)
        pattern = re.compile(scope)
        return [item for item in items
                if getattr(item, "name", None) is not None and pattern.match(item.name)]

    def get_all_collection_keys(self) -> list[str]:
        return [k for k, v in self._collections.items() if isinstance(v, list)]

    def clear_collection(self, name: str) -> None:
        self._collections.pop(name, None)

    # -- contexts

    def as_default(self):
        """Makes this the default graph inside a ``with`` block."""
        return _default_graph_stack.get_controller(self)

    def control_dependencies(self, control_inputs):
        """Ops created in the block run after ``control_inputs`` (None clears outer blocks)."""
        if control_inputs is None:
            return _ControlDependenciesController(self, None)
        ops = []
        for c in control_inputs:
            if isinstance(c, Tensor):
                c = c.op
            elif not isinstance(c, Operation):
                c = self.as_graph_element(c)
                if isinstance(c, Tensor):
                    c = c.op
            if not isinstance(c, Operation):
                raise TypeError(f"Control input must be Operation or Tensor: {c}")
            if c._graph is not self:
                raise ValueError(f"Control input {c!r} must be from the same graph as the ops "
                                 "created in this block.")
            if c not in ops:
                ops.append(c)
        return _ControlDependenciesController(self, ops)

    @contextlib.contextmanager
    def device(self, device_name_or_function):
        """Ops created in the block get this device (a string, DeviceSpec, function or None)."""
        if device_name_or_function is None or callable(device_name_or_function):
            entry = device_name_or_function
        else:
            entry = device_lib.canonical_name(device_name_or_function)
        old_stack = self._device_stack
        self._device_stack = ([] if entry is None else old_stack + [entry])
        try:
            yield
        finally:
            self._device_stack = old_stack

    @contextlib.contextmanager
    def container(self, container_name: str):
        """Stateful ops created in the block (variables, queues, tables) get this resource
        container (their ``container`` attr, when not set explicitly)."""
        original = self._container
        self._container = container_name
        try:
            yield container_name
        finally:
            self._container = original

    @contextlib.contextmanager
    def colocate_with(self, op, ignore_existing: bool = False):
        if op is None:
            old = self._colocation_stack
            self._colocation_stack = []
            try:
                yield
            finally:
                self._colocation_stack = old
            return
        if isinstance(op, Tensor):
            op = op.op
        elif not isinstance(op, Operation):
            op = self.as_graph_element(op)
            if isinstance(op, Tensor):
                op = op.op
        old = self._colocation_stack
        self._colocation_stack = ([] if ignore_existing else old) + [op]
        old_devices = self._device_stack
        self._device_stack = [op._device] if op._device else []
        try:
            yield
        finally:
            self._colocation_stack = old
            self._device_stack = old_devices

    @contextlib.contextmanager
    def gradient_override_map(self, op_type_map: dict[str, str]):
        """Gradients of ops of the given types use the named registered gradient instead."""
        for key, value in op_type_map.items():
            if not (isinstance(key, str) and isinstance(value, str)):
                raise TypeError("op_type_map must be a dictionary mapping strings to strings")
        saved = dict(self._gradient_override_map)
        self._gradient_override_map.update(op_type_map)
        try:
            yield
        finally:
            self._gradient_override_map = saved

    # -- control flow

    def _get_control_flow_context(self):
        return self._control_flow_context

    def _set_control_flow_context(self, context) -> None:
        self._control_flow_context = context

    # -- feeding and fetching

    def prevent_feeding(self, tensor: Tensor) -> None:
        self._unfeedable.add(id(tensor))

    def is_feedable(self, tensor: Tensor) -> bool:
        return id(tensor) not in self._unfeedable

    def prevent_fetching(self, op: Operation) -> None:
        self._unfetchable.add(id(op))

    def is_fetchable(self, tensor_or_op) -> bool:
        op = tensor_or_op.op if isinstance(tensor_or_op, Tensor) else tensor_or_op
        return id(op) not in self._unfetchable

    # -- op creation

    def _control_inputs_for(self, input_ops: list[Operation]) -> list[Operation]:
        result: list[Operation] = []
        for controller in self._control_dependencies_stack:
            dominated = any(id(op) in controller._seen_op_ids for op in input_ops)
            if not dominated:
                for c in controller.control_inputs:
                    if c not in input_ops and c not in result:
                        result.append(c)
        return result

    def _current_device(self, op: Operation) -> str:
        device = ""
        for entry in self._device_stack:
            if callable(entry):
                requested = entry(op)
                requested = device_lib.canonical_name(
                    requested if not isinstance(requested, device_lib.DeviceSpec) else
                    requested.to_string())
            else:
                requested = entry
            device = device_lib.merge_device(device, requested)
        return device

    def create_op(self, op_type, inputs, dtypes=None, input_types=None, name=None, attrs=None,
                  op_def=None, compute_shapes=True, compute_device=True) -> Operation:
        """Creates an Operation of a registered type in this graph (``Graph.create_op``)."""
        del dtypes, input_types, op_def, compute_shapes, compute_device
        name = name or op_type
        scope = name if name.endswith("/") else self.unique_name(name) + "/"
        # cycle: conversion packs lists through name scopes of the default Graph
        from tfcompat.framework.tensor_conversion import convert_to_tensor
        inputs = [convert_to_tensor(t) for t in inputs]
        return self._create_op(op_type, inputs, dict(attrs or {}), scope)

    def _create_op(self, op_type: str, inputs: list[Tensor], attrs: dict,
                   scope_name: str) -> Operation:
        """Creates the op named by ``scope_name`` (a name-scope string ending in ``/``)."""
        if self._finalized:
            raise RuntimeError("Graph is finalized and cannot be modified.")
        name = scope_name[:-1]
        if name in self._ops_by_name:
            raise ValueError(f"Duplicate node name in graph: '{name}'")
        return self._add_op(op_registry.get_op_def(op_type), inputs, attrs, name)

    def _add_op(self, op_def: op_registry.OpDef, inputs: list[Tensor], attrs: dict,
                name: str) -> Operation:
        """Adds an op named ``name`` (the caller has checked that the graph is not finalized
        and that the name is free): the common tail of every way of creating an op."""
        op_type = op_def.type
        control_inputs = (self._control_inputs_for([t._op for t in inputs])
                          if self._control_dependencies_stack else ())
        if op_def.attr_defaults:
            for key, value in op_def.attr_defaults.items():
                attrs.setdefault(key, value)
        if self._container and attrs.get("container") == "":  # ops with a container attr
            attrs["container"] = self._container
        if self._gradient_override_map:
            override = self._gradient_override_map.get(op_type)
            if override is not None:
                attrs["_gradient_op_type"] = override
        op = Operation(self, name, op_type, tuple(inputs), control_inputs, attrs, "", op_def)
        if self._device_stack:
            op._device = self._current_device(op)
        if self._colocation_stack:
            op._attrs["_class"] = [f"loc:@{c._name}" for c in self._colocation_stack]
            if self._colocation_stack[-1]._device:
                op._device = self._colocation_stack[-1]._device
        try:
            output_specs = op_def.shape_fn(op)
        except ShapeError as e:
            raise ValueError(shape_error_message(str(e), op)) from None
        if type(output_specs) is list and len(output_specs) == 1:
            dtype, shape = output_specs[0]
            op._outputs = [Tensor(op, 0, dtype, shape)]
        else:
            op._outputs = [Tensor(op, i, dtype, shape) for i, (dtype, shape) in
                           enumerate(output_specs)]
        with self._lock:  # (also makes the read-modify-write of consumers atomic)
            self._ops_by_name[name] = op
            op._id = len(self._ops) + 1
            self._ops.append(op)
            self._version = op._id
            for t in inputs:  # add_consumer, inlined
                consumers = t._consumers
                if consumers is None:
                    t._consumers = op
                elif consumers.__class__ is list:
                    consumers.append(op)
                else:
                    t._consumers = [consumers, op]
        if self._control_dependencies_stack:
            for controller in self._control_dependencies_stack:
                controller._seen_op_ids.add(id(op))
        if self._control_flow_context is not None:
            self._add_to_control_flow_context(op)
        return op

    def _add_to_control_flow_context(self, op: Operation) -> None:
        """Lets the current cond context rewire ``op`` (Switches it creates are named in the
        op's own scope, ``cond/<op>/Switch``, as in TF)."""
        context = self._control_flow_context
        op._control_flow_context = context
        saved = self._name_stack
        self._name_stack = op._name
        try:
            context.add_op(op)
        finally:
            self._name_stack = saved


class _GraphNameScope:
    """``with graph.name_scope(name) as scope``: sets the graph's name stack for the block."""

    __slots__ = ("_graph", "_name", "_old")

    def __init__(self, graph: Graph, name):
        self._graph = graph
        self._name = name
        self._old = None

    def __enter__(self) -> str:
        graph = self._graph
        scope = graph._scope_for(self._name)
        self._old = graph._name_stack
        graph._name_stack = scope[:-1]
        return scope

    def __exit__(self, *exc) -> bool:
        self._graph._name_stack = self._old
        return False


# ---- the default graph stack -----------------------------------------------------------------

class _DefaultGraphStack(threading.local):
    def __init__(self):
        super().__init__()
        self.stack: list[Graph] = []
        self._global_default: Graph | None = None

    def get_default(self) -> Graph:
        if self.stack:
            return self.stack[-1]
        if self._global_default is None:
            self._global_default = Graph()
        return self._global_default

    def reset(self) -> None:
        self._global_default = None

    @contextlib.contextmanager
    def get_controller(self, graph: Graph):
        self.stack.append(graph)
        try:
            yield graph
        finally:
            if self.stack and self.stack[-1] is graph:
                self.stack.pop()
            elif graph in self.stack:
                self.stack.remove(graph)


_default_graph_stack = _DefaultGraphStack()


def get_default_graph() -> Graph:
    """Returns the default graph for the current thread (``tf.get_default_graph``)."""
    return _default_graph_stack.get_default()


def reset_default_graph() -> None:
    """Clears the default graph stack and resets the global default graph."""
    if _default_graph_stack.stack:
        raise AssertionError("Do not use tf.reset_default_graph() to clear nested graphs. If you "
                             "need a cleared graph, exit the nesting and create a new graph.")
    _default_graph_stack.reset()
