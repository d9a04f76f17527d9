"""``tf.make_template``: a function whose ``get_variable`` variables are made on the first call
and shared by every later call.

The first call opens a variable scope with a unique name (``scale``, then ``scale_1`` for a
second template of the same name; ``unique_name_`` forces one), or the scope made at
construction with ``create_scope_now_``; later calls re-enter it with ``reuse=True``. The
variable scope opens no name scope: each call's ops go in a fresh name scope of the template's
name (``scale/``, ``scale_1/``...), as in TF. A later call that makes a new trainable variable
(a ``tf.Variable`` rather than ``get_variable``) is an error.
"""

from __future__ import annotations

import functools

from tfcompat.framework import ops
from tfcompat.variables import variable_scope as vs


class Template:
    """A function wrapped by ``tf.make_template`` (see the module docstring)."""

    def __init__(self, name, func, create_scope_now=False, unique_name=None,
                 custom_getter=None, create_graph_function=False):
        if create_graph_function:
            raise ValueError("tfcompat's make_template does not build graph functions "
                             "(create_graph_function_=True).")
        self._func = func
        self._name = name
        self._unique_name = unique_name
        self._custom_getter = custom_getter
        self._first_call = True
        self._variable_scope = None
        if create_scope_now:
            with self._scope(reuse=None) as scope:
                self._variable_scope = scope

    def _scope(self, reuse):
        if self._variable_scope is not None:
            return vs.variable_scope(self._variable_scope, reuse=reuse,
                                     auxiliary_name_scope=False)
        return vs.variable_scope(self._unique_name, default_name=self._name,
                                 custom_getter=self._custom_getter, auxiliary_name_scope=False)

    def __call__(self, *args, **kwargs):
        graph = ops.get_default_graph()
        trainable_before = list(graph.get_collection(ops.GraphKeys.TRAINABLE_VARIABLES))
        with graph.name_scope(self._unique_name or self._name):
            with self._scope(reuse=None if self._first_call else True) as scope:
                self._variable_scope = scope
                result = self._func(*args, **kwargs)
        if not self._first_call:
            created = [v for v in graph.get_collection(ops.GraphKeys.TRAINABLE_VARIABLES)
                       if v not in trainable_before]
            if created:
                raise ValueError(
                    "Trainable variable created when calling a template after the first time, "
                    f"perhaps you used tf.Variable when you meant tf.get_variable: {created}")
        self._first_call = False
        return result

    @property
    def name(self) -> str:
        return self._name

    @property
    def func(self):
        return self._func

    @property
    def variable_scope(self):
        return self._variable_scope

    @property
    def variable_scope_name(self):
        return None if self._variable_scope is None else self._variable_scope.name

    def _collection(self, key) -> list:
        if self._variable_scope is None:
            return []
        prefix = self._variable_scope.name + "/"
        return [v for v in ops.get_default_graph().get_collection(key)
                if v.name.startswith(prefix)]

    @property
    def variables(self) -> list:
        return self.global_variables + self.local_variables

    @property
    def trainable_variables(self) -> list:
        return self._collection(ops.GraphKeys.TRAINABLE_VARIABLES)

    @property
    def non_trainable_variables(self) -> list:
        trainable = self.trainable_variables
        return [v for v in self.global_variables if v not in trainable]

    @property
    def global_variables(self) -> list:
        return self._collection(ops.GraphKeys.GLOBAL_VARIABLES)

    @property
    def local_variables(self) -> list:
        return self._collection(ops.GraphKeys.LOCAL_VARIABLES)


def make_template(name_, func_, create_scope_now_=False, unique_name_=None, custom_getter_=None,
                  **kwargs) -> Template:
    """Wraps ``func_`` so that all its calls share the variables its first call makes with
    ``get_variable`` (``tf.make_template``); ``kwargs`` are bound to ``func_``."""
    if kwargs:
        func_ = functools.partial(func_, **kwargs)
    return Template(name_, func_, create_scope_now=create_scope_now_, unique_name=unique_name_,
                    custom_getter=custom_getter_)
