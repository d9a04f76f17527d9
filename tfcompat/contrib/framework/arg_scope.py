"""``tf.contrib.framework.arg_scope``: default keyword arguments for decorated functions.

``@add_arg_scope`` makes a function read defaults from the innermost enclosing
``arg_scope([fn, ...], **kwargs)``; arguments given at the call win. Scopes nest: an inner scope
updates the outer one's defaults for the functions it names. As in TF-Slim, a scope can be
captured (``with arg_scope(...) as sc``) and re-entered later with ``arg_scope(sc)``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["add_arg_scope", "arg_scope", "arg_scoped_arguments", "current_arg_scope",
           "has_arg_scope"]


class _Stack(threading.local):
    def __init__(self):
        self.scopes: list[dict] = [{}]


_stack = _Stack()


def _key(op) -> str:
    return getattr(op, "_key_op", None) or f"{op.__module__}.{op.__name__}"


def current_arg_scope() -> dict:
    """The innermost arg scope: ``{op key: {argument: default}}``."""
    return _stack.scopes[-1]


@contextmanager
def arg_scope(list_ops_or_scope, **kwargs) -> Iterator[dict]:
    """Sets default arguments of the ops listed, for the ``with`` block.

    Args:
      list_ops_or_scope: a list or tuple of functions decorated with ``add_arg_scope``, or a
        scope dict captured from an earlier ``arg_scope`` (then no kwargs may be given).
      **kwargs: the defaults.
    Yields:
      The new scope, which ``arg_scope`` accepts again later.
    """
    if isinstance(list_ops_or_scope, dict):
        if kwargs:
            raise ValueError("When attempting to re-use a scope by suppling a dictionary, "
                             "kwargs must be empty.")
        _stack.scopes.append(list_ops_or_scope)
        try:
            yield list_ops_or_scope
        finally:
            _stack.scopes.pop()
        return
    if not isinstance(list_ops_or_scope, (list, tuple)):
        raise TypeError("list_ops_or_scope must either be a list/tuple or reused scope (i.e. "
                        "dict)")
    scope = {key: dict(value) for key, value in current_arg_scope().items()}
    for op in list_ops_or_scope:
        if not has_arg_scope(op):
            raise ValueError(f"{_key(op)} is not decorated with @add_arg_scope")
        scope.setdefault(_key(op), {}).update(kwargs)
    _stack.scopes.append(scope)
    try:
        yield scope
    finally:
        _stack.scopes.pop()


def add_arg_scope(func):
    """Decorates ``func`` so that ``arg_scope`` can set its keyword arguments' defaults."""

    @functools.wraps(func)
    def func_with_args(*args, **kwargs):
        defaults = current_arg_scope().get(_key(func_with_args), {})
        return func(*args, **{**defaults, **kwargs})

    func_with_args._key_op = _key(func)
    func_with_args._arg_scope_arguments = func.__code__.co_varnames[:func.__code__.co_argcount]
    return func_with_args


def has_arg_scope(func) -> bool:
    """Whether ``func`` was decorated with ``add_arg_scope``."""
    return hasattr(func, "_arg_scope_arguments")


def arg_scoped_arguments(func) -> tuple[str, ...]:
    """The arguments an ``arg_scope`` can set for ``func``."""
    if not has_arg_scope(func):
        raise ValueError(f"{_key(func)} is not decorated with @add_arg_scope")
    return func._arg_scope_arguments
