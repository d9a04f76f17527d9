"""``tf.Variable`` with TF1 reference-variable semantics, and the variable collections."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.default_session import get_default_session
from tfcompat.framework.ops import GraphKeys, Tensor, convert_to_tensor
from tfcompat.framework.tensor_shape import as_shape, unknown_shape
from tfcompat.ops import array_ops, control_flow_ops, state_ops
from tfcompat.variables.variable_creator import VariableMetaclass
from tfcompat.variables.variable_scatter import ScatterMethods


class Variable(ScatterMethods, metaclass=VariableMetaclass):
    """A TF1 variable (``tf.Variable``, a RefVariable): a VariableV2 op plus initializer and read.

    ``tf.Variable(1.0, name='v')`` creates ops ``v`` (VariableV2), ``v/initial_value``,
    ``v/Assign`` (the initializer) and ``v/read`` (the value used by ops reading it).
    """

    def __init__(self, initial_value=None, trainable=None, collections=None, validate_shape=True,
                 caching_device=None, name=None, variable_def=None, dtype=None,
                 expected_shape=None, import_scope=None, constraint=None, use_resource=None,
                 synchronization=None, aggregation=None, shape=None):
        del caching_device, variable_def, expected_shape, import_scope, use_resource
        del synchronization, aggregation
        if initial_value is None:
            raise ValueError("initial_value must be specified.")
        if trainable is None:
            trainable = True
        if collections is None:
            collections = [GraphKeys.GLOBAL_VARIABLES]
        if not isinstance(collections, (list, tuple, set)):
            raise ValueError(f"collections argument to Variable constructor must be a list, "
                             f"tuple, or set. Got {collections} of type {type(collections)}")
        collections = list(collections)
        if trainable and GraphKeys.TRAINABLE_VARIABLES not in collections:
            collections.append(GraphKeys.TRAINABLE_VARIABLES)
        if constraint is not None and not callable(constraint):
            raise ValueError("The `constraint` argument must be a callable.")
        self._constraint = constraint
        self._trainable = trainable
        graph = ops.get_default_graph()
        init_from_fn = callable(initial_value)
        # Variables are created outside any control-dependency block (TF's init_scope).
        with graph.control_dependencies(None):
            with ops.name_scope(name, "Variable",
                                [] if init_from_fn else [initial_value]) as scope:
                if init_from_fn:
                    with ops.name_scope("Initializer"), graph.device(None):
                        value = initial_value()
                        self._initial_value = convert_to_tensor(value, name="initial_value",
                                                                dtype=dtype)
                else:
                    self._initial_value = convert_to_tensor(initial_value, name="initial_value",
                                                            dtype=dtype)
                if self._initial_value.dtype.is_ref_dtype:
                    self._initial_value = array_ops.identity(self._initial_value)
                if shape is not None:
                    var_shape = as_shape(shape)
                elif validate_shape:
                    var_shape = self._initial_value.shape
                    if not var_shape.is_fully_defined():
                        raise ValueError(f"initial_value must have a shape specified: "
                                         f"{self._initial_value}")
                else:
                    var_shape = unknown_shape()
                self._variable = state_ops.variable_op_v2(
                    var_shape, self._initial_value.dtype.base_dtype, name=scope)
                self._initializer_op = state_ops.assign(
                    self._variable, self._initial_value, validate_shape=validate_shape,
                    name="Assign").op
                graph._run_after.setdefault(id(self._variable.op), []).append(
                    self._initializer_op)
                self._snapshot = array_ops.identity(self._variable, name="read")
        graph.add_to_collections(collections, self)
        self._caching_device = None
        self._save_slice_info = None

    @classmethod
    def from_proto(cls, variable_def, import_scope=None) -> Variable:
        """A Variable object for the ops a ``VariableDef`` names (an imported meta graph)."""
        graph = ops.get_default_graph()
        prefix = f"{import_scope}/" if import_scope else ""
        variable = cls.__new__(cls)
        variable._variable = graph.as_graph_element(prefix + variable_def.variable_name)
        variable._initializer_op = graph.as_graph_element(
            prefix + variable_def.initializer_name)
        variable._snapshot = graph.as_graph_element(prefix + variable_def.snapshot_name)
        variable._initial_value = (
            graph.as_graph_element(prefix + variable_def.initial_value_name)
            if variable_def.initial_value_name else variable._snapshot)
        variable._trainable = bool(variable_def.trainable)
        variable._constraint = None
        variable._caching_device = None
        variable._save_slice_info = (
            cls.SaveSliceInfo(save_slice_info_def=variable_def.save_slice_info_def,
                              import_scope=import_scope)
            if variable_def.HasField("save_slice_info_def") else None)
        graph._run_after.setdefault(id(variable._variable.op), []).append(
            variable._initializer_op)
        return variable

    def to_proto(self, export_scope=None):
        """This variable's ``VariableDef`` (with its slice of a partitioned variable)."""
        from tfcompat.protobuf.variable_pb2 import VariableDef
        del export_scope
        proto = VariableDef(variable_name=self.name, initializer_name=self.initializer.name,
                            snapshot_name=self._snapshot.name,
                            initial_value_name=self._initial_value.name,
                            trainable=self._trainable)
        if self._save_slice_info is not None:
            proto.save_slice_info_def.CopyFrom(self._save_slice_info.to_proto())
        return proto

    class SaveSliceInfo:
        """Where a variable sits in the partitioned variable ``full_name`` (its offset and
        shape within ``full_shape``); Saver saves it as that slice of ``full_name``."""

        def __init__(self, full_name=None, full_shape=None, var_offset=None, var_shape=None,
                     save_slice_info_def=None, import_scope=None):
            if save_slice_info_def is not None:
                prefix = f"{import_scope}/" if import_scope else ""
                full_name = prefix + save_slice_info_def.full_name
                full_shape = list(save_slice_info_def.full_shape)
                var_offset = list(save_slice_info_def.var_offset)
                var_shape = list(save_slice_info_def.var_shape)
            self.full_name = full_name
            self.full_shape = full_shape
            self.var_offset = var_offset
            self.var_shape = var_shape

        @property
        def spec(self) -> str:
            """The slice spec Saver writes: ``"<full dims> <offset>,<size>:..."``."""
            full = " ".join(str(d) for d in self.full_shape)
            extents = ":".join(f"{o},{s}" for o, s in zip(self.var_offset, self.var_shape))
            return f"{full} {extents}"

        def to_proto(self, export_scope=None):
            from tfcompat.protobuf.variable_pb2 import SaveSliceInfoDef
            del export_scope
            return SaveSliceInfoDef(full_name=self.full_name, full_shape=list(self.full_shape),
                                    var_offset=list(self.var_offset),
                                    var_shape=list(self.var_shape))

    def _set_save_slice_info(self, save_slice_info) -> None:
        self._save_slice_info = save_slice_info

    def _get_save_slice_info(self):
        return self._save_slice_info

    # -- identity

    @property
    def name(self) -> str:
        return self._variable.name

    @property
    def op(self):
        return self._variable.op

    @property
    def graph(self):
        return self._variable.graph

    @property
    def dtype(self) -> dtypes.DType:
        return self._variable.dtype

    @property
    def shape(self):
        return self._variable.shape

    def get_shape(self):
        return self._variable.shape

    def set_shape(self, shape) -> None:
        self._variable.set_shape(shape)
        self._snapshot.set_shape(shape)

    @property
    def device(self) -> str:
        return self._variable.device

    @property
    def trainable(self) -> bool:
        return self._trainable

    @property
    def constraint(self):
        return self._constraint

    @property
    def initializer(self):
        return self._initializer_op

    @property
    def initial_value(self) -> Tensor:
        return self._initial_value

    def __repr__(self) -> str:
        return f"<tf.Variable '{self.name}' shape={self.shape} dtype={self.dtype.name}>"

    __str__ = __repr__

    # -- values

    def _ref(self) -> Tensor:
        return self._variable

    def _as_graph_element(self):
        return self._variable

    def value(self) -> Tensor:
        """The ``<name>/read`` tensor that ops consuming this variable use."""
        return self._snapshot

    def read_value(self) -> Tensor:
        """A fresh read of the variable (an Identity named ``read``)."""
        return array_ops.identity(self._variable, name="read")

    def initialized_value(self) -> Tensor:
        """The variable's value, running its initializer first if it is not initialized."""
        with ops.get_default_graph().control_dependencies(None):
            return control_flow_ops.initialized_value(self)

    def eval(self, session=None):
        return self._snapshot.eval(session=session)

    def load(self, value, session=None) -> None:
        """Writes ``value`` into the variable in ``session`` (or the default session)."""
        if session is None:
            session = get_default_session()
            if session is None:
                raise ValueError("Either session argument should be provided or default "
                                 "session should be established")
        session.run(self._initializer_op, {self._initial_value: value})

    # -- updates

    def assign(self, value, use_locking=False, name=None, read_value=True):
        assign = state_ops.assign(self._variable, value, use_locking=use_locking, name=name)
        return assign if read_value else assign.op

    def assign_add(self, delta, use_locking=False, name=None, read_value=True):
        assign = state_ops.assign_add(self._variable, delta, use_locking=use_locking, name=name)
        return assign if read_value else assign.op

    def assign_sub(self, delta, use_locking=False, name=None, read_value=True):
        assign = state_ops.assign_sub(self._variable, delta, use_locking=use_locking, name=name)
        return assign if read_value else assign.op

    def count_up_to(self, limit):
        """Increments this integer variable until ``limit``; outputs the value before."""
        return state_ops.count_up_to(self._variable, limit)

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __array__(self, dtype=None, copy=None):
        return self._snapshot.__array__(dtype, copy)

    __array_priority__ = 100
    __array_ufunc__ = None


RefVariable = Variable


def _variable_conversion(value, dtype=None, name=None, as_ref=False):
    if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(value.dtype):
        raise ValueError(f"Incompatible type conversion requested to type '{dtype.name}' for "
                         f"variable of type '{value.dtype.name}'")
    return value._ref() if as_ref else value.value()


ops.register_tensor_conversion_function(Variable, _variable_conversion)


def _forward_operator(name):
    def method(self, *args):
        return getattr(self.value(), name)(*args)
    method.__name__ = name
    return method


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
              "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__",
              "__rmod__", "__pow__", "__rpow__", "__matmul__", "__rmatmul__", "__neg__",
              "__abs__", "__lt__", "__le__", "__gt__", "__ge__", "__and__", "__rand__",
              "__or__", "__ror__", "__xor__", "__rxor__", "__invert__"):
    setattr(Variable, _name, _forward_operator(_name))


def _variable_getitem(self, slice_spec):
    from tfcompat.ops import slicing_ops
    return slicing_ops.slice_helper(self.value(), slice_spec, var=self)


Variable.__getitem__ = _variable_getitem


# ---- collections and initializers ------------------------------------------------------------

def global_variables(scope=None) -> list:
    """All variables in the GLOBAL_VARIABLES collection (``tf.global_variables``)."""
    return ops.get_default_graph().get_collection(GraphKeys.GLOBAL_VARIABLES, scope)


all_variables = global_variables


def trainable_variables(scope=None) -> list:
    return ops.get_default_graph().get_collection(GraphKeys.TRAINABLE_VARIABLES, scope)


def local_variables(scope=None) -> list:
    return ops.get_default_graph().get_collection(GraphKeys.LOCAL_VARIABLES, scope)


def model_variables(scope=None) -> list:
    return ops.get_default_graph().get_collection(GraphKeys.MODEL_VARIABLES, scope)


def moving_average_variables(scope=None) -> list:
    return ops.get_default_graph().get_collection(GraphKeys.MOVING_AVERAGE_VARIABLES, scope)


def variables_initializer(var_list, name="init"):
    """An op running the initializers of ``var_list`` (a NoOp named ``init``)."""
    if var_list:
        return control_flow_ops.group(*[v.initializer for v in var_list], name=name)
    return control_flow_ops.no_op(name=name)


def global_variables_initializer():
    """An op that initializes all global variables (``tf.global_variables_initializer``)."""
    return variables_initializer(global_variables())


def local_variables_initializer():
    return variables_initializer(local_variables(), name="init")


initialize_all_variables = global_variables_initializer
initialize_variables = variables_initializer
initialize_local_variables = local_variables_initializer


def is_variable_initialized(variable):
    return state_ops.is_variable_initialized(variable)


def assert_variables_initialized(var_list=None):
    if var_list is None:
        var_list = global_variables() + local_variables()
    if not var_list:
        return None
    from tfcompat.ops import math_ops
    with ops.name_scope("assert_variables_initialized"):
        ranks = [state_ops.is_variable_initialized(v) for v in var_list]
        return math_ops.reduce_all(array_ops.stack(ranks))


def report_uninitialized_variables(var_list=None, name="report_uninitialized_variables"):
    """A 1-D string tensor of the names of uninitialized variables."""
    if var_list is None:
        var_list = global_variables() + local_variables()
    graph = ops.get_default_graph()
    with graph.control_dependencies(None), ops.name_scope(name) as scope:
        if not var_list:
            from tfcompat.ops import constant_op
            return constant_op.constant(np.array([], dtype=object), dtype=dtypes.string,
                                        name=scope)
        from tfcompat.ops import constant_op, math_ops, slicing_ops
        initialized = array_ops.stack([state_ops.is_variable_initialized(v) for v in var_list])
        names = constant_op.constant([v.op.name for v in var_list])
        missing = math_ops.logical_not(initialized)
        indices = array_ops.reshape(math_ops.where(missing), [-1])
        return slicing_ops.gather(names, indices, name=scope)
