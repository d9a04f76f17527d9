"""TF's ``test_util`` for tests written against ``tensorflow.python.framework.test_util``.

tfcompat only has graph mode, so the decorators that choose between graph and eager execution
run the test once, in graph mode, unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from tfcompat.testing.test_case import TestCase

__all__ = [
    "TensorFlowTestCase", "deprecated_graph_mode_only", "run_all_in_graph_and_eager_modes",
    "run_deprecated_v1", "run_in_graph_and_eager_modes", "run_v1_only",
]

TensorFlowTestCase = TestCase


def _graph_mode_decorator(func: Callable | None) -> Callable:
    """Usable bare (``@dec``) or called (``@dec()``/``@dec(config=...)``): returns the test."""
    if func is None:
        return lambda test: test
    return func


def run_deprecated_v1(func: Callable | None = None) -> Callable:
    """Runs the test in graph mode: what tfcompat always does."""
    return _graph_mode_decorator(func)


def deprecated_graph_mode_only(func: Callable | None = None) -> Callable:
    """Runs the test in graph mode: what tfcompat always does."""
    return _graph_mode_decorator(func)


def run_in_graph_and_eager_modes(func: Callable | None = None, config=None, use_gpu: bool = True,
                                 assert_no_eager_garbage: bool = False) -> Callable:
    """Runs the test in graph mode only: tfcompat has no eager mode."""
    return _graph_mode_decorator(func)


def run_v1_only(reason: str, func: Callable | None = None) -> Callable:
    """Marks a test as TF1-only; tfcompat is TF1, so it runs."""
    return _graph_mode_decorator(func)


def run_all_in_graph_and_eager_modes(cls: type) -> type:
    """Class decorator: runs every test in graph mode only (tfcompat has no eager mode)."""
    return cls
