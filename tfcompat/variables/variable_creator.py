"""``tf.variable_creator_scope``: functions that intercept variable creation.

A creator is called as ``creator(next_creator, **kwargs)`` with the constructor's keyword
arguments and returns a variable (usually ``next_creator(**kwargs)``, possibly with changed
arguments). Scopes nest per graph; the innermost creator runs first, the last
``next_creator`` constructs the variable. ``tf.Variable(...)`` and ``tf.get_variable`` both go
through them (the Variable class's metaclass).
"""

from __future__ import annotations

import contextlib
import weakref

from tfcompat.framework import ops

_STACKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

# Every argument a creator sees, with the constructor's defaults (TF passes all of them).
_ARGUMENTS = {"initial_value": None, "trainable": None, "collections": None,
              "validate_shape": True, "caching_device": None, "name": None,
              "variable_def": None, "dtype": None, "expected_shape": None,
              "import_scope": None, "constraint": None, "use_resource": None,
              "synchronization": None, "aggregation": None, "shape": None,
              "experimental_enable_variable_lifting": True}
_CONSTRUCTOR_ONLY = ("experimental_enable_variable_lifting",)


def _stack(graph) -> list:
    return _STACKS.setdefault(graph, [])


@contextlib.contextmanager
def variable_creator_scope(variable_creator):
    """Makes ``variable_creator(next_creator, **kwargs)`` intercept the variables created
    inside (in the default graph)."""
    stack = _stack(ops.get_default_graph())
    stack.append(variable_creator)
    try:
        yield
    finally:
        stack.remove(variable_creator)


class VariableMetaclass(type):
    """Routes ``Variable(...)`` through the creators of the current variable creator scopes."""

    def __call__(cls, *args, **kwargs):
        creators = list(_stack(ops.get_default_graph()))
        if not creators:
            return super().__call__(*args, **kwargs)
        names = list(_ARGUMENTS)
        arguments = dict(_ARGUMENTS)
        arguments.update(zip(names, args))
        arguments.update(kwargs)

        def construct(**final):
            for key in _CONSTRUCTOR_ONLY:
                final.pop(key, None)
            return super(VariableMetaclass, cls).__call__(**final)

        next_creator = construct
        for creator in creators:  # outermost first: the innermost ends up called first
            next_creator = (lambda c, n: lambda **kw: c(n, **kw))(creator, next_creator)
        return next_creator(**arguments)
