"""``tf.autograph``: what of AutoGraph exists without converting Python source.

AutoGraph rewrites Python control flow into graph ops. tfcompat has no source converter, so
``to_graph``/``to_code`` raise ``NotImplementedError`` naming themselves; the helpers that do not
convert anything (``trace``, ``set_verbosity``, ``do_not_convert``, ``set_loop_options``,
``Feature``) behave as TF's do outside converted code.
"""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Callable
from typing import Any

_verbosity: dict[str, Any] = {"level": None, "alsologtostdout": False}


class Feature(enum.Enum):
    """The optional AutoGraph conversions (``tf.autograph.experimental.Feature``)."""

    ALL = "ALL"
    AUTO_CONTROL_DEPS = "AUTO_CONTROL_DEPS"
    ASSERT_STATEMENTS = "ASSERT_STATEMENTS"
    BUILTIN_FUNCTIONS = "BUILTIN_FUNCTIONS"
    EQUALITY_OPERATORS = "EQUALITY_OPERATORS"
    LISTS = "LISTS"
    NAME_SCOPES = "NAME_SCOPES"


def set_verbosity(level: int, alsologtostdout: bool = False) -> None:
    """Sets AutoGraph's log verbosity (stored; tfcompat converts nothing, so logs nothing)."""
    _verbosity["level"] = level
    _verbosity["alsologtostdout"] = alsologtostdout


def get_verbosity() -> int:
    """The level from ``set_verbosity``, else ``$AUTOGRAPH_VERBOSITY`` (default 0), as TF."""
    if _verbosity["level"] is not None:
        return _verbosity["level"]
    return int(os.getenv("AUTOGRAPH_VERBOSITY", "0"))


def trace(*args: Any) -> None:
    """Prints ``args`` to stdout (TF's debugging print that also works in converted code)."""
    print(*args)


def _not_convertible(name: str) -> NotImplementedError:
    return NotImplementedError(
        f"tf.autograph.{name} is not supported by tfcompat: it has no AutoGraph source "
        "converter. Build the graph with tf.cond / tf.while_loop instead.")


def to_graph(entity, recursive=True, arg_values=None, arg_types=None,
             experimental_optional_features=None):
    """AutoGraph conversion of ``entity`` into graph code: not supported by tfcompat."""
    raise _not_convertible("to_graph")


def to_code(entity, recursive=True, arg_values=None, arg_types=None, indentation="  ",
            experimental_optional_features=None):
    """AutoGraph's converted source of ``entity``: not supported by tfcompat."""
    raise _not_convertible("to_code")


def do_not_convert(func: Callable | None = None) -> Callable:
    """Marks ``func`` to be left unconverted by AutoGraph; returns a wrapper calling it.

    Used bare (``@do_not_convert``) or called (``@do_not_convert()``), as in TF.
    """
    if func is None:
        return do_not_convert

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    wrapper.autograph_info__ = {"do_not_convert": True}
    return wrapper


def set_loop_options(parallel_iterations=None, swap_memory=None, maximum_iterations=None,
                     shape_invariants=None) -> None:
    """Loop options for AutoGraph-converted loops; outside converted code (always, in
    tfcompat) it does nothing, as in TF. Pass them to ``tf.while_loop`` directly instead."""
