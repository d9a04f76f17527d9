"""``tf.Module``: a named container of variables and submodules, found by walking its
attributes (sorted by name; lists, tuples and dicts are looked into), with a name scope of its
own that ``with_name_scope`` methods run in."""

from __future__ import annotations

import functools
import re

from tfcompat.framework import ops
from tfcompat.variables.variables import Variable


def _snake_case(name: str) -> str:
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z\d])([A-Z])", r"\1_\2", words).lower()


class _ModuleNameScope:
    """A module's name scope: re-entering it reuses the same absolute scope."""

    def __init__(self, name: str):
        self.name = name
        self._scope = None

    def __enter__(self):
        self._scope = ops.name_scope(self.name)
        return self._scope.__enter__()

    def __exit__(self, *exc_info):
        return self._scope.__exit__(*exc_info)


def _leaves(value):
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            yield from _leaves(value[key])
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


class Module:
    """Base class of variable-owning building blocks (``tf.Module``)."""

    _TF_MODULE_IGNORED_PROPERTIES = frozenset()

    def __init__(self, name=None):
        if name is None:
            name = _snake_case(type(self).__name__)
        elif not str(name).isidentifier():
            raise ValueError(f"'{name}' is not a valid module name. Module names must be valid "
                             "Python identifiers (e.g. a valid class name).")
        self._name = name
        with ops.name_scope(name) as scope:
            self._name_scope = _ModuleNameScope(scope)

    @property
    def name(self) -> str:
        return self._name

    @property
    def name_scope(self) -> _ModuleNameScope:
        """This module's name scope (``with module.name_scope: ...``)."""
        return self._name_scope

    def _flatten(self, recursive=True, predicate=None, seen=None):
        """Leaves of this module's attributes matching ``predicate``, then (recursively)
        those of its submodules; each object once."""
        seen = set() if seen is None else seen
        submodules = []
        for key in sorted(vars(self)):
            if key in self._TF_MODULE_IGNORED_PROPERTIES or key == "_name_scope":
                continue
            for leaf in _leaves(vars(self)[key]):
                if id(leaf) in seen:
                    continue
                if predicate is None or predicate(leaf):
                    seen.add(id(leaf))
                    yield leaf
                if recursive and isinstance(leaf, Module):
                    submodules.append(leaf)
        for module in submodules:
            yield from module._flatten(recursive, predicate, seen)

    @property
    def variables(self) -> tuple:
        """Every variable of this module and its submodules."""
        return tuple(self._flatten(predicate=lambda v: isinstance(v, Variable)))

    @property
    def trainable_variables(self) -> tuple:
        return tuple(self._flatten(predicate=lambda v: isinstance(v, Variable) and v.trainable))

    @property
    def non_trainable_variables(self) -> tuple:
        return tuple(self._flatten(
            predicate=lambda v: isinstance(v, Variable) and not v.trainable))

    @property
    def submodules(self) -> tuple:
        """Every module reachable from this one's attributes (not itself)."""
        return tuple(self._flatten(predicate=lambda m: isinstance(m, Module)))

    @classmethod
    def with_name_scope(cls, method):
        """Decorates a method to run inside its module's name scope."""

        @functools.wraps(method)
        def method_with_name_scope(self, *args, **kwargs):
            with self.name_scope:
                return method(self, *args, **kwargs)
        return method_with_name_scope
