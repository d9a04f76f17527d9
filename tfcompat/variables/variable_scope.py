"""``tf.variable_scope`` and ``tf.get_variable``: named, shareable variables."""

from __future__ import annotations

import enum
import functools
import traceback

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.framework.tensor_shape import as_shape
from tfcompat.variables import init_ops, partitioned_variables
from tfcompat.variables.variables import Variable


class _ReuseMode(enum.Enum):
    AUTO_REUSE = 1


AUTO_REUSE = _ReuseMode.AUTO_REUSE


class VariableScope:
    """A variable scope: name prefix, reuse mode and defaults for ``get_variable``."""

    def __init__(self, reuse, name="", initializer=None, regularizer=None, caching_device=None,
                 partitioner=None, custom_getter=None, name_scope="", dtype=dtypes.float32,
                 use_resource=None, constraint=None):
        self._name = name
        self._reuse = reuse
        self._initializer = initializer
        self._regularizer = regularizer
        self._caching_device = caching_device
        self._partitioner = partitioner
        self._custom_getter = custom_getter
        self._name_scope = name_scope
        self._dtype = dtypes.as_dtype(dtype)
        self._use_resource = use_resource
        self._constraint = constraint

    @property
    def name(self) -> str:
        return self._name

    @property
    def original_name_scope(self) -> str:
        return self._name_scope

    @property
    def reuse(self):
        return self._reuse

    @property
    def initializer(self):
        return self._initializer

    @property
    def dtype(self):
        return self._dtype

    @property
    def regularizer(self):
        return self._regularizer

    @property
    def caching_device(self):
        return self._caching_device

    @property
    def partitioner(self):
        return self._partitioner

    @property
    def custom_getter(self):
        return self._custom_getter

    @property
    def use_resource(self):
        return self._use_resource

    @property
    def constraint(self):
        return self._constraint

    def reuse_variables(self) -> None:
        """Reuse variables in this scope from now on."""
        self._reuse = True

    def set_initializer(self, initializer) -> None:
        self._initializer = initializer

    def set_dtype(self, dtype) -> None:
        self._dtype = dtypes.as_dtype(dtype)

    def set_regularizer(self, regularizer) -> None:
        self._regularizer = regularizer

    def set_custom_getter(self, custom_getter) -> None:
        self._custom_getter = custom_getter

    def set_caching_device(self, caching_device) -> None:
        self._caching_device = caching_device

    def set_partitioner(self, partitioner) -> None:
        self._partitioner = partitioner

    def set_use_resource(self, use_resource) -> None:
        self._use_resource = use_resource

    def get_variable(self, var_store, name, shape=None, dtype=None, initializer=None,
                     regularizer=None, reuse=None, trainable=None, collections=None,
                     caching_device=None, partitioner=None, validate_shape=True,
                     use_resource=None, custom_getter=None, constraint=None, **kwargs):
        full_name = f"{self._name}/{name}" if self._name and name else (name or self._name)
        if reuse is None:
            reuse = self._reuse
        if dtype is None:
            dtype = self._dtype
        if initializer is None:
            initializer = self._initializer
        if regularizer is None:
            regularizer = self._regularizer
        if constraint is None:
            constraint = self._constraint
        getter = custom_getter or self._custom_getter
        if partitioner is None:
            partitioner = self._partitioner
        # get_variable ignores the current name scope: variables are named by variable scope.
        graph = ops.get_default_graph()
        with graph.name_scope(None):
            if partitioner is not None or full_name in var_store.partitioned_vars:
                return partitioned_variables.get_partitioned_variable(
                    var_store, full_name, shape, dtype, partitioner, reuse,
                    initializer=initializer, regularizer=regularizer, trainable=trainable,
                    collections=collections, validate_shape=validate_shape,
                    constraint=constraint, custom_getter=getter)
            return var_store.get_variable(
                full_name, shape=shape, dtype=dtype, initializer=initializer,
                regularizer=regularizer, reuse=reuse, trainable=trainable,
                collections=collections, validate_shape=validate_shape,
                constraint=constraint, custom_getter=getter)


class _VariableStore:
    """Per-graph store of variables made by ``get_variable``, and the current scope."""

    def __init__(self):
        self.vars: dict[str, Variable] = {}
        self.partitioned_vars: dict = {}  # name -> PartitionedVariable
        self.creation_stacks: dict[str, str] = {}
        self.current_scope = VariableScope(False)
        self.variable_scopes_count: dict[str, int] = {}

    def open_variable_scope(self, scope_name: str) -> None:
        self.variable_scopes_count[scope_name] = self.variable_scopes_count.get(scope_name,
                                                                                0) + 1

    def close_variable_subscopes(self, scope_name: str) -> None:
        for k in list(self.variable_scopes_count):
            if scope_name is None or k.startswith(scope_name + "/"):
                self.variable_scopes_count[k] = 0

    def get_variable(self, name, shape=None, dtype=dtypes.float32, initializer=None,
                     regularizer=None, reuse=None, trainable=None, collections=None,
                     validate_shape=True, constraint=None, custom_getter=None):
        if custom_getter is not None:
            if not callable(custom_getter):
                raise ValueError(f"Passed a custom_getter which is not callable: {custom_getter}")
            getter = functools.partial(self._true_getter)
            return custom_getter(getter, name, shape=shape, dtype=dtype,
                                 initializer=initializer, regularizer=regularizer, reuse=reuse,
                                 trainable=trainable, collections=collections,
                                 validate_shape=validate_shape, constraint=constraint)
        return self._true_getter(name, shape=shape, dtype=dtype, initializer=initializer,
                                 regularizer=regularizer, reuse=reuse, trainable=trainable,
                                 collections=collections, validate_shape=validate_shape,
                                 constraint=constraint)

    def _true_getter(self, name, shape=None, dtype=dtypes.float32, initializer=None,
                     regularizer=None, reuse=None, trainable=None, collections=None,
                     validate_shape=True, constraint=None, **kwargs):
        dtype = dtypes.as_dtype(dtype)
        initializing_from_value = initializer is not None and not callable(initializer)
        if shape is not None and initializing_from_value:
            raise ValueError("If initializer is a constant, do not specify shape.")
        shape = as_shape(shape)

        if name in self.vars:
            if reuse is False:
                raise ValueError(
                    f"Variable {name} already exists, disallowed. Did you mean to set reuse=True "
                    f"or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n"
                    f"{self.creation_stacks.get(name, '')}")
            found = self.vars[name]
            if not shape.is_compatible_with(found.shape):
                raise ValueError(f"Trying to share variable {name}, but specified shape {shape} "
                                 f"and found shape {found.shape}.")
            if not dtype.is_compatible_with(found.dtype):
                raise ValueError(f"Trying to share variable {name}, but specified dtype "
                                 f"{dtype.name} and found dtype {found.dtype.name}.")
            return found

        if reuse is True:
            raise ValueError(f"Variable {name} does not exist, or was not created with "
                             "tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in "
                             "VarScope?")

        if initializer is None:
            if dtype.is_floating:
                initializer = init_ops.GlorotUniform()
                initializing_from_value = False
            elif dtype.is_integer or dtype.is_unsigned or dtype.is_bool:
                initializer = init_ops.Zeros()
                initializing_from_value = False
            else:
                raise ValueError(f"An initializer for variable {name} of {dtype.base_dtype} is "
                                 "required")

        if initializing_from_value:
            init_val = initializer
            variable_dtype = None
        else:
            if shape.ndims is None:
                raise ValueError(f"Variable {name} did not get an initializer, so its `shape` "
                                 "argument must be specified.")
            if not shape.is_fully_defined():
                raise ValueError(f"Shape of a new variable ({name}) must be fully defined, but "
                                 f"instead was {shape}.")
            if isinstance(initializer, type) and issubclass(initializer, init_ops.Initializer):
                initializer = initializer(dtype=dtype)
            init_val = functools.partial(initializer, shape.as_list(), dtype=dtype,
                                         partition_info=None)
            variable_dtype = dtype.base_dtype

        variable = Variable(initial_value=init_val, name=name, trainable=trainable,
                            collections=collections, validate_shape=validate_shape,
                            dtype=variable_dtype, constraint=constraint)
        self.vars[name] = variable
        self.creation_stacks[name] = "".join(traceback.format_list(
            traceback.extract_stack()[:-5][-3:]))
        if regularizer is not None:
            graph = ops.get_default_graph()
            with graph.name_scope(name + "/Regularizer/"):
                loss = regularizer(variable)
            if loss is not None:
                graph.add_to_collection(GraphKeys.REGULARIZATION_LOSSES, loss)
        return variable


def _store(graph=None) -> _VariableStore:
    graph = graph or ops.get_default_graph()
    if graph._variable_store is None:
        graph._variable_store = _VariableStore()
    return graph._variable_store


def get_variable_scope() -> VariableScope:
    """The current variable scope (``tf.get_variable_scope``)."""
    return _store().current_scope


def get_variable(name, shape=None, dtype=None, initializer=None, regularizer=None,
                 trainable=None, collections=None, caching_device=None, partitioner=None,
                 validate_shape=True, use_resource=None, custom_getter=None, constraint=None,
                 synchronization=None, aggregation=None):
    """Gets an existing variable or creates a new one, per the variable scope's reuse mode."""
    del synchronization, aggregation
    store = _store()
    return store.current_scope.get_variable(
        store, name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
        trainable=trainable, collections=collections, caching_device=caching_device,
        partitioner=partitioner, validate_shape=validate_shape, use_resource=use_resource,
        custom_getter=custom_getter, constraint=constraint)


def get_local_variable(name, shape=None, dtype=None, initializer=None, **kwargs):
    """Like get_variable, but in LOCAL_VARIABLES and not trainable."""
    kwargs["collections"] = [GraphKeys.LOCAL_VARIABLES] + list(kwargs.get("collections") or [])
    kwargs["trainable"] = False
    return get_variable(name, shape, dtype, initializer, **kwargs)


def _merge_reuse(parent, requested):
    """Reuse is inherited and cannot be switched off inside a reusing scope (TF1 rule)."""
    return requested or parent


class variable_scope:  # noqa: N801 - TF's public name
    """A context manager for defining ops that create variables (``tf.variable_scope``).

    Opens a variable scope (prefixing ``get_variable`` names) and a name scope for ops.
    """

    def __init__(self, name_or_scope, default_name=None, values=None, initializer=None,
                 regularizer=None, caching_device=None, partitioner=None, custom_getter=None,
                 reuse=None, dtype=None, use_resource=None, constraint=None,
                 auxiliary_name_scope=True):
        if name_or_scope is None and default_name is None:
            raise TypeError("If default_name is None then name_or_scope is required")
        if name_or_scope is not None and not isinstance(name_or_scope, (str, VariableScope)):
            raise TypeError("VariableScope: name_or_scope must be a string or VariableScope.")
        if reuse not in (None, True, False, AUTO_REUSE):
            raise ValueError("The reuse parameter must be True or False or None.")
        self._name_or_scope = name_or_scope
        self._default_name = default_name
        self._values = values
        self._initializer = initializer
        self._regularizer = regularizer
        self._caching_device = caching_device
        self._partitioner = partitioner
        self._custom_getter = custom_getter
        self._reuse = reuse
        self._dtype = dtype
        self._use_resource = use_resource
        self._constraint = constraint
        self._auxiliary_name_scope = auxiliary_name_scope
        self._name_scope_ctx = None
        self._graph_ctx = None
        self._old_scope = None
        self._store = None

    def __enter__(self) -> VariableScope:
        graph = ops._graph_of(self._values) if self._values else ops.get_default_graph()
        if graph is not ops.get_default_graph():
            self._graph_ctx = graph.as_default()
            self._graph_ctx.__enter__()
        store = _store(graph)
        self._store = store
        parent = store.current_scope
        self._old_scope = parent

        if isinstance(self._name_or_scope, VariableScope):
            scope_name = self._name_or_scope.name
            name_scope_name = scope_name.split("/")[-1]
            template = self._name_or_scope
            reuse = _merge_reuse(parent.reuse, self._reuse or template.reuse)
        else:
            if self._name_or_scope is not None:
                relative = self._name_or_scope
            else:
                relative = self._unique_default_name(store, parent)
            scope_name = f"{parent.name}/{relative}" if parent.name else relative
            name_scope_name = self._name_or_scope if self._name_or_scope is not None \
                else self._default_name
            template = parent
            reuse = _merge_reuse(parent.reuse, self._reuse)

        if self._auxiliary_name_scope:
            self._name_scope_ctx = graph.name_scope(name_scope_name)
            opened = self._name_scope_ctx.__enter__()
        else:
            opened = graph.get_name_scope() + "/" if graph.get_name_scope() else ""
        original_name_scope = (template.original_name_scope
                               if isinstance(self._name_or_scope, VariableScope) else opened)

        store.open_variable_scope(scope_name)
        # On exit TF forgets the default names used inside a scope entered by name (so
        # re-entering "net" numbers "net/dense" from scratch), and restores them for a scope
        # entered as an object.
        self._scope_name = scope_name
        self._saved_counts = (dict(store.variable_scopes_count)
                              if isinstance(self._name_or_scope, VariableScope) else None)
        new_scope = VariableScope(
            reuse, name=scope_name,
            initializer=self._initializer or template.initializer,
            regularizer=self._regularizer or template.regularizer,
            caching_device=self._caching_device or template.caching_device,
            partitioner=self._partitioner or template.partitioner,
            custom_getter=self._custom_getter or template.custom_getter,
            name_scope=original_name_scope,
            dtype=self._dtype if self._dtype is not None else template.dtype,
            use_resource=self._use_resource if self._use_resource is not None
            else template.use_resource,
            constraint=self._constraint or template.constraint)
        store.current_scope = new_scope
        return new_scope

    def _unique_default_name(self, store: _VariableStore, parent: VariableScope) -> str:
        prefix = f"{parent.name}/" if parent.name else ""
        candidate = self._default_name
        index = 1
        while store.variable_scopes_count.get(prefix + candidate, 0) > 0:
            candidate = f"{self._default_name}_{index}"
            index += 1
        return candidate

    def __exit__(self, *exc):
        if self._saved_counts is not None:
            self._store.variable_scopes_count = self._saved_counts
        else:
            self._store.close_variable_subscopes(self._scope_name)
        self._store.current_scope = self._old_scope
        if self._name_scope_ctx is not None:
            self._name_scope_ctx.__exit__(*exc)
        if self._graph_ctx is not None:
            self._graph_ctx.__exit__(*exc)
        return False


def variable_op_scope(values, name_or_scope, default_name=None, **kwargs):
    """Deprecated TF1 spelling of ``variable_scope(name_or_scope, default_name, values)``."""
    return variable_scope(name_or_scope, default_name=default_name, values=values, **kwargs)
