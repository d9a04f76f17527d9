"""Graphs, Operations and Tensors: the data model of a TF1 program.

A Graph owns Operations; each Operation has typed, shaped output Tensors named ``op:i``. Names are
uniquified as TF does (case-insensitively, ``_1``, ``_2``...), inside the current name scope.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from tfcompat.framework import device as device_lib
from tfcompat.framework import dtypes, errors, op_registry
from tfcompat.framework.tensor_shape import TensorShape, as_shape, merge_error

_VALID_OP_NAME_REGEX = re.compile(r"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$")
_VALID_SCOPE_NAME_REGEX = re.compile(r"^[A-Za-z0-9_.\\/>-]*$")


# ---- Tensor ----------------------------------------------------------------------------------

class Tensor:
    """A symbolic handle to one output of an Operation (``tf.Tensor``)."""

    __slots__ = ("_op", "_value_index", "_dtype", "_shape", "_consumers", "_id", "__weakref__")

    # Makes numpy defer to Tensor's reflected operators (np_array + tensor -> Tensor).
    __array_priority__ = 100

    def __init__(self, op: Operation, value_index: int, dtype: dtypes.DType, shape: TensorShape):
        self._op = op
        self._value_index = value_index
        self._dtype = dtype
        self._shape = shape
        self._consumers: list[Operation] = []
        graph = op._graph
        graph._tensor_count += 1
        self._id = graph._tensor_count

    @property
    def op(self) -> Operation:
        return self._op

    @property
    def graph(self) -> Graph:
        return self._op._graph

    @property
    def name(self) -> str:
        return f"{self._op._name}:{self._value_index}"

    @property
    def value_index(self) -> int:
        return self._value_index

    @property
    def dtype(self) -> dtypes.DType:
        return self._dtype

    @property
    def device(self) -> str:
        return self._op._device

    @property
    def shape(self) -> TensorShape:
        return self._shape

    def get_shape(self) -> TensorShape:
        return self._shape

    def set_shape(self, shape) -> None:
        """Updates the static shape; raises ValueError when ``shape`` is incompatible."""
        shape = as_shape(shape)
        if not self._shape.is_compatible_with(shape):
            raise ValueError(merge_error(self._shape, shape))
        self._shape = self._shape.merge_with(shape)

    def consumers(self) -> list[Operation]:
        return list(self._consumers)

    def eval(self, feed_dict=None, session=None):
        """Evaluates this tensor in ``session`` or the default session."""
        return _run_using_default_session(self, feed_dict, self.graph, session, "eval()")

    def _as_node_def_input(self) -> str:
        if self._value_index == 0:
            return self._op._name
        return f"{self._op._name}:{self._value_index}"

    def __repr__(self) -> str:
        return f"<tf.Tensor '{self.name}' shape={self._shape} dtype={self._dtype.name}>"

    def __str__(self) -> str:
        shape = "" if self._shape.ndims is None else f"shape={self._shape}, "
        device = f", device={self._op._device}" if self._op._device else ""
        return f'Tensor("{self.name}", {shape}dtype={self._dtype.name}{device})'

    __hash__ = object.__hash__

    def __bool__(self):
        raise errors.OperatorNotAllowedInGraphError(_not_allowed("Using a symbolic `tf.Tensor` "
                                                                 "as a Python `bool`"))

    def __iter__(self):
        raise errors.OperatorNotAllowedInGraphError(_not_allowed("Iterating over a symbolic "
                                                                 "`tf.Tensor`"))

    def __len__(self):
        raise TypeError(f"len is not well defined for a symbolic Tensor ({self.name}). Please "
                        "call `x.shape` rather than `len(x)` for shape information.")

    def __array__(self, dtype=None, copy=None):
        raise NotImplementedError(
            f"Cannot convert a symbolic tf.Tensor ({self.name}) to a numpy array. This error may "
            "indicate that you're trying to pass a Tensor to a NumPy call, which is not supported.")

    # Operators (``+``, ``*``, ``[]``...) are attached by tfcompat.ops.math_ops / array_ops, where
    # the ops they create are defined, as TF does.


def _not_allowed(task: str) -> str:
    return (f"{task} is not allowed. You can attempt the following resolutions to the problem: If "
            "you are running in Graph mode, use Eager execution mode or decorate this function "
            "with @tf.function. If you are using AutoGraph, you can try decorating this function "
            "with @tf.function. If that does not work, then you may be using an unsupported "
            "feature or your source code may not be visible to AutoGraph. See https://github.com/"
            "tensorflow/tensorflow/blob/master/tensorflow/python/autograph/g3doc/reference/"
            "limitations.md#access-to-source-code for more information.")


# ---- Operation -------------------------------------------------------------------------------

class Operation:
    """A node in a Graph: an op type applied to input Tensors (``tf.Operation``)."""

    __slots__ = ("_graph", "_name", "_type", "_inputs", "_outputs", "_control_inputs", "_attrs",
                 "_device", "_id", "_op_def", "_control_flow_context", "__weakref__")

    def __init__(self, graph: Graph, name: str, op_type: str, inputs: tuple[Tensor, ...],
                 control_inputs: list[Operation], attrs: dict, device: str,
                 op_def: op_registry.OpDef):
        self._graph = graph
        self._name = name
        self._type = op_type
        self._inputs = inputs
        self._outputs: list[Tensor] = []
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
        from tfcompat.framework import node_def as node_def_lib
        return node_def_lib.NodeDefView(self)

    @property
    def op_def(self) -> op_registry.OpDef:
        return self._op_def

    def _set_device(self, device) -> None:
        self._device = device_lib.canonical_name(device)

    def _add_control_input(self, op: Operation) -> None:
        if op not in self._control_inputs:
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

    def _set_attr(self, name: str, value) -> None:
        self._attrs[name] = value

    def _get_control_flow_context(self):
        """The cond/while context this op was created in (None outside control flow)."""
        return self._control_flow_context

    def _set_control_flow_context(self, context) -> None:
        self._control_flow_context = context

    def _update_input(self, index: int, tensor: Tensor) -> None:
        """Replaces input ``index`` (control flow reroutes outside values through a Switch)."""
        old = self._inputs[index]
        old._consumers.remove(self)
        self._inputs = self._inputs[:index] + (tensor,) + self._inputs[index + 1:]
        tensor._consumers.append(self)

    def values(self):
        """The outputs of this op, as a tuple."""
        return tuple(self._outputs)

    def run(self, feed_dict=None, session=None) -> None:
        """Runs this operation in ``session`` or the default session."""
        _run_using_default_session(self, feed_dict, self._graph, session, "run()")

    def __repr__(self) -> str:
        return f"<tf.Operation '{self._name}' type={self._type}>"

    def __str__(self) -> str:
        from tfcompat.framework import node_def as node_def_lib
        return node_def_lib.node_def_text(self)


def _run_using_default_session(element, feed_dict, graph, session, method: str):
    if session is None:
        from tfcompat.client import session as session_lib
        session = session_lib.get_default_session()
        if session is None:
            if method == "eval()":
                raise ValueError(
                    "Cannot evaluate tensor using `eval()`: No default session is registered. "
                    "Use `with sess.as_default()` or pass an explicit session to "
                    "`eval(session=sess)`")
            raise ValueError(
                "Cannot execute operation using `run()`: No default session is registered. "
                "Use `with sess.as_default():` or pass an explicit session to "
                "`run(session=sess)`")
        if session.graph is not graph:
            if method == "eval()":
                raise ValueError("Cannot use the default session to evaluate tensor: the "
                                 "tensor's graph is different from the session's graph. Pass an "
                                 "explicit session to `eval(session=sess)`.")
            raise ValueError("Cannot use the default session to execute operation: the "
                             "operation's graph is different from the session's graph. Pass an "
                             "explicit session to run(session=sess).")
    elif session.graph is not graph:
        raise ValueError("Cannot use the given session to evaluate tensor: the tensor's graph is "
                         "different from the session's graph.")
    return session.run(element, feed_dict)


# ---- Graph -----------------------------------------------------------------------------------

class GraphKeys:
    """Standard names for graph collections (``tf.GraphKeys``)."""

    GLOBAL_VARIABLES = "variables"
    LOCAL_VARIABLES = "local_variables"
    METRIC_VARIABLES = "metric_variables"
    MODEL_VARIABLES = "model_variables"
    TRAINABLE_VARIABLES = "trainable_variables"
    SUMMARIES = "summaries"
    QUEUE_RUNNERS = "queue_runners"
    TABLE_INITIALIZERS = "table_initializer"
    ASSET_FILEPATHS = "asset_filepaths"
    MOVING_AVERAGE_VARIABLES = "moving_average_variables"
    REGULARIZATION_LOSSES = "regularization_losses"
    CONCATENATED_VARIABLES = "concatenated_variables"
    SAVERS = "savers"
    WEIGHTS = "weights"
    BIASES = "biases"
    ACTIVATIONS = "activations"
    UPDATE_OPS = "update_ops"
    LOSSES = "losses"
    SAVEABLE_OBJECTS = "saveable_objects"
    RESOURCES = "resources"
    LOCAL_RESOURCES = "local_resources"
    TRAINABLE_RESOURCE_VARIABLES = "trainable_resource_variables"
    INIT_OP = "init_op"
    LOCAL_INIT_OP = "local_init_op"
    READY_OP = "ready_op"
    READY_FOR_LOCAL_INIT_OP = "ready_for_local_init_op"
    SUMMARY_OP = "summary_op"
    GLOBAL_STEP = "global_step"
    EVAL_STEP = "eval_step"
    TRAIN_OP = "train_op"
    COND_CONTEXT = "cond_context"
    WHILE_CONTEXT = "while_context"
    VARIABLES = GLOBAL_VARIABLES


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
        from tfcompat.summary.graph_export import graph_to_graph_def  # protobuf export lives there
        return graph_to_graph_def(self, add_shapes)

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
            base_name_key = name_key
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
        op_def = op_registry.get_op_def(op_type)
        control_inputs = (self._control_inputs_for([t._op for t in inputs])
                          if self._control_dependencies_stack else [])
        if op_def.attr_defaults:
            for key, value in op_def.attr_defaults.items():
                attrs.setdefault(key, value)
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
            raise ValueError(_shape_error_message(str(e), op)) from None
        op._outputs = [Tensor(op, i, dtype, shape) for i, (dtype, shape) in
                       enumerate(output_specs)]
        with self._lock:
            self._ops_by_name[name] = op
            op._id = len(self._ops) + 1
            self._ops.append(op)
            self._version = op._id
        for t in inputs:
            t._consumers.append(op)
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


class ShapeError(Exception):
    """Raised by shape functions; becomes TF's ValueError naming the node and input shapes."""


def _shape_error_message(message: str, op: Operation) -> str:
    from tfcompat.framework import node_def as node_def_lib
    attrs = ", ".join(f"{k}={node_def_lib.attr_short_text(v)}"
                      for k, v in sorted(op._attrs.items()) if not k.startswith("_"))
    inputs = ", ".join(t._as_node_def_input() for t in op._inputs)
    shapes = ", ".join(_shape_for_error(t.shape) for t in op._inputs)
    return (f"{message} for '{{{{node {op._name}}}}} = {op._type}[{attrs}]({inputs})' with input "
            f"shapes: {shapes}{_computed_inputs_text(op)}.")


def _computed_inputs_text(op: Operation) -> str:
    from tfcompat.framework import tensor_util
    n = len(op._inputs)
    values = []
    for i in op._op_def.value_inputs:
        index = i % n
        value = tensor_util.constant_value(op._inputs[index])
        if value is not None and np.ndim(value) == 0:
            values.append(f"input[{index}] = <{value}>")
    if values:
        return " and with computed input tensors: " + ", ".join(values)
    partial = []
    for i in op._op_def.shape_inputs:
        shape = tensor_util.constant_value_as_shape(op._inputs[i])
        if shape.ndims is not None:
            partial.append(f"input[{i}] = {_shape_for_error(shape)}")
    if partial:
        return " and with input tensors computed as partial shapes: " + ", ".join(partial)
    return ""


def _shape_for_error(shape: TensorShape) -> str:
    if shape.ndims is None:
        return "?"
    return "[" + ",".join("?" if d is None else str(d) for d in shape.as_tuple()) + "]"


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


# ---- tensor conversion -----------------------------------------------------------------------

# (type, fn(value, dtype, name, as_ref) -> Tensor), checked in registration order; later
# registrations for a more specific type win because they are checked first.
_conversion_functions: list[tuple[type | tuple[type, ...], Callable]] = []


def register_tensor_conversion_function(base_type, conversion_func, priority: int = 100) -> None:
    """Registers ``conversion_func(value, dtype=None, name=None, as_ref=False)`` for a type."""
    del priority
    _conversion_functions.insert(0, (base_type, conversion_func))


def convert_to_tensor(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None,
                      as_ref: bool = False) -> Tensor:
    """Converts ``value`` (Tensor, Variable, numpy array, Python value...) to a Tensor."""
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
    preferred_dtype = preferred_dtype or dtype_hint
    if isinstance(value, Tensor):
        if dtype is not None and not dtype.is_compatible_with(value._dtype):
            raise ValueError(f"Tensor conversion requested dtype {dtype.name} for Tensor with "
                             f"dtype {value._dtype.name}: {value!r}")
        return value
    if dtype is None and preferred_dtype is not None:
        try:
            return _convert(value, dtypes.as_dtype(preferred_dtype), name, as_ref)
        except (TypeError, ValueError):
            pass
    return _convert(value, dtype, name, as_ref)


def _convert(value, dtype, name, as_ref) -> Tensor:
    for base_type, fn in _conversion_functions:
        if isinstance(value, base_type):
            result = fn(value, dtype=dtype, name=name, as_ref=as_ref)
            if result is not NotImplemented:
                return result
    raise TypeError(f"Failed to convert object of type {type(value)} to Tensor. Contents: "
                    f"{value}. Consider casting elements to a supported type.")


def convert_n_to_tensor(values, dtype=None, name=None, preferred_dtype=None) -> list[Tensor]:
    return [convert_to_tensor(v, dtype, None if name is None else f"{name}_{i}", preferred_dtype)
            for i, v in enumerate(values)]


def is_tensor_like(value) -> bool:
    return isinstance(value, Tensor) or hasattr(value, "_as_graph_element")


def _graph_of(values) -> Graph:
    """The graph of the Tensors among ``values`` (checking they agree), else the default."""
    found: Graph | None = None
    first = None
    for v in values:
        graph = None
        if isinstance(v, (Tensor, Operation)):
            graph = v.graph
        elif hasattr(v, "_as_graph_element") and not isinstance(v, str):
            element = v._as_graph_element()
            if element is not None:
                graph = element.graph
                v = element
        if graph is None:
            continue
        if found is None:
            found, first = graph, v
        elif graph is not found:
            raise ValueError(f"{v} must be from the same graph as {first} (graphs are {graph!r} "
                             f"and {found!r}).")
    return found if found is not None else get_default_graph()


class name_scope:  # noqa: N801 - TF's public name
    """Context manager for ops created in Python (``tf.name_scope(name, default_name, values)``).

    Yields the scope string, e.g. ``'outer/inner/'``.
    """

    def __init__(self, name, default_name=None, values=None):
        self._name = default_name if name is None else name
        self._default_name = default_name
        self._values = values
        self._ctx = None
        self._graph_ctx = None

    def __enter__(self) -> str:
        if self._name is None and self._values is not None:
            raise ValueError(f"At least one of name ({self._name}) and default_name "
                             f"({self._default_name}) must be provided.")
        graph = _graph_of(self._values) if self._values else get_default_graph()
        if graph is not get_default_graph():
            self._graph_ctx = graph.as_default()
            self._graph_ctx.__enter__()
        self._ctx = graph.name_scope(self._name)
        return self._ctx.__enter__()

    def __exit__(self, *exc):
        self._ctx.__exit__(*exc)
        if self._graph_ctx is not None:
            self._graph_ctx.__exit__(*exc)
        return False


# ---- applying registered ops -----------------------------------------------------------------

def apply_op(op_type: str, inputs: Sequence[Any], *, name=None, attrs: dict | None = None,
             graph: Graph | None = None):
    """Adds an op of a registered type, converting inputs as TF's op-def library does.

    Returns the single output Tensor, the list of outputs, or the Operation if it has none.
    """
    op = create_op_from_values(op_type, inputs, name=name, attrs=attrs, graph=graph)
    outputs = op._outputs
    if len(outputs) == 1:
        return outputs[0]
    if not outputs:
        return op
    return outputs


def create_op_from_values(op_type: str, inputs: Sequence[Any], *, name=None,
                          attrs: dict | None = None, graph: Graph | None = None) -> Operation:
    op_def = op_registry.get_op_def(op_type)
    if len(inputs) != len(op_def.inputs):
        raise TypeError(f"{op_type} takes {len(op_def.inputs)} inputs, got {len(inputs)}")
    attrs = dict(attrs) if attrs else {}
    if inputs and all(type(v) is Tensor for v in inputs):
        # Fast path: nothing to convert, so no op is created inside the op's name scope.
        first_graph = inputs[0]._op._graph
        if graph is None or graph is first_graph:
            for v in inputs:
                if v._op._graph is not first_graph:
                    raise ValueError(f"{v} must be from the same graph as {inputs[0]} (graphs "
                                     f"are {v._op._graph!r} and {first_graph!r}).")
            scope = first_graph._scope_for(name if name is not None else op_type)
            tensors = _convert_inputs(op_def, inputs, attrs, op_type)
            return first_graph._create_op(op_type, tensors, attrs, scope)
    if graph is None:
        graph = _graph_of(_flatten_values(inputs)) if inputs else get_default_graph()
    with graph.as_default() if graph is not get_default_graph() else _NULL_CONTEXT:
        with graph.name_scope(name if name is not None else op_type) as scope:
            tensors = _convert_inputs(op_def, inputs, attrs, op_type)
            return graph._create_op(op_type, tensors, attrs, scope)


_NULL_CONTEXT = contextlib.nullcontext()


def _flatten_values(inputs):
    for v in inputs:
        if isinstance(v, (list, tuple)):
            yield from v
        else:
            yield v


def _convert_inputs(op_def: op_registry.OpDef, inputs: Sequence[Any], attrs: dict,
                    op_type: str) -> list[Tensor]:
    tensors: list[Tensor] = []
    inferred: dict[str, dtypes.DType] = {}
    first_arg_of: dict[str, str] = {}
    for key, value in attrs.items():
        if isinstance(value, dtypes.DType):
            inferred[key] = value
    for spec, value in zip(op_def.inputs, inputs):
        if spec.type_list_attr is not None:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"Expected list for '{spec.name}' argument to '{op_type}' Op, not "
                                f"{value}.")
            converted = [convert_to_tensor(v, name=f"{spec.name}_{i}")
                         for i, v in enumerate(value)]
            attrs[spec.type_list_attr] = [t._dtype.base_dtype for t in converted]
            tensors.extend(converted)
            continue
        values = value if spec.number_attr is not None else [value]
        if spec.number_attr is not None:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"Expected list for '{spec.name}' argument to '{op_type}' Op, not "
                                f"{value}.")
            attrs[spec.number_attr] = len(values)
        if spec.number_attr is not None and spec.type_attr is not None \
                and spec.type_attr not in inferred:
            converted = [convert_to_tensor(v, name=spec.name, as_ref=spec.is_ref)
                         if isinstance(v, Tensor) or hasattr(v, "_as_graph_element") else v
                         for v in values]
            kinds = [v._dtype.base_dtype for v in converted if isinstance(v, Tensor)]
            if len(set(kinds)) > 1:
                raise TypeError(f"Tensors in list passed to '{spec.name}' of '{op_type}' Op have "
                                f"types [{', '.join(k.name for k in kinds)}] that don't all "
                                "match.")
            values = converted
        if spec.number_attr is None:
            tensors.append(_convert_input(op_def, spec, value, inferred, first_arg_of, op_type))
            continue
        for i, v in enumerate(values):
            # TF names the Consts made for list elements by index: values_0, values_1...
            tensors.append(_convert_input(op_def, spec, v, inferred, first_arg_of, op_type,
                                          f"{spec.name}_{i}"))
    for attr_name, dtype in inferred.items():
        allowed = op_def.allowed.get(attr_name)
        if allowed is not None and dtype not in allowed:
            arg = first_arg_of.get(attr_name, attr_name)
            raise TypeError(f"Value passed to parameter '{arg}' has DataType {dtype.name} not in "
                            f"list of allowed values: "
                            f"{', '.join(d.name for d in allowed)}")
        attrs.setdefault(attr_name, dtype)
    return tensors


def _convert_input(op_def, spec, value, inferred, first_arg_of, op_type,
                   const_name: str | None = None) -> Tensor:
    name = const_name or spec.name
    if spec.fixed_dtype is not None:
        want = spec.fixed_dtype
        if isinstance(value, Tensor) and value._dtype.base_dtype is not want:
            raise TypeError(f"Input '{spec.name}' of '{op_type}' Op has type "
                            f"{value._dtype.base_dtype.name} that does not match expected type of "
                            f"{want.name}.")
        return convert_to_tensor(value, dtype=want, name=name, as_ref=spec.is_ref)
    attr = spec.type_attr
    known = inferred.get(attr)
    if known is not None:
        if isinstance(value, Tensor):
            tensor = value
        else:
            try:
                tensor = convert_to_tensor(value, dtype=known, name=name, as_ref=spec.is_ref)
            except (TypeError, ValueError) as e:
                if _is_tensor_convertible_object(value):
                    raise
                raise TypeError(f"Expected {known.name} passed to parameter '{spec.name}' of op "
                                f"'{op_type}', got {value!r} of type '{type(value).__name__}' "
                                f"instead. Error: {e}") from None
        if tensor._dtype.base_dtype is not known:
            raise TypeError(f"Input '{spec.name}' of '{op_type}' Op has type "
                            f"{tensor._dtype.base_dtype.name} that does not match type "
                            f"{known.name} of argument '{first_arg_of.get(attr, attr)}'.")
    else:
        preferred = op_def.type_defaults.get(attr)
        if preferred is not None and not ints_fit(value, preferred):
            preferred = None  # TF infers int64 for a shape holding 2**32 + 5, never wraps it
        try:
            tensor = convert_to_tensor(value, name=name, as_ref=spec.is_ref,
                                       preferred_dtype=preferred)
        except ValueError as e:
            raise ValueError(f"Tried to convert '{spec.name}' to a tensor and failed. Error: "
                             f"{e}") from None
        inferred[attr] = tensor._dtype.base_dtype
        first_arg_of[attr] = spec.name
    if spec.is_ref and not tensor._dtype.is_ref_dtype:
        raise TypeError(f"'{op_type}' Op requires that input '{spec.name}' be a mutable tensor "
                        "(e.g.: a tf.Variable)")
    return tensor


def ints_fit(value, dtype: dtypes.DType) -> bool:
    """Whether every integer in ``value`` (Python ints, lists of them, an integer ndarray)
    is representable in the integer ``dtype``; True for anything else."""
    if not dtype.is_integer:
        return True
    info = np.iinfo(dtype.as_numpy_dtype)
    if isinstance(value, np.ndarray):
        return (value.dtype.kind not in "iu" or value.size == 0
                or (int(value.min()) >= info.min and int(value.max()) <= info.max))
    if isinstance(value, (list, tuple)):
        return all(ints_fit(v, dtype) for v in value)
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(info.min) <= int(value) <= int(info.max)
    return True


def _is_tensor_convertible_object(value) -> bool:
    return hasattr(value, "_as_graph_element")
