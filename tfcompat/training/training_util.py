"""The global step: a scalar int64 variable counting training steps."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.variables import init_ops, variable_scope


def get_global_step(graph=None):
    """The global step variable of ``graph`` (or the default graph), or None."""
    graph = graph or ops.get_default_graph()
    candidates = graph.get_collection(GraphKeys.GLOBAL_STEP)
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise TypeError("Multiple tensors in global_step collection.")
    try:
        tensor = graph.get_tensor_by_name("global_step:0")
    except KeyError:
        return None
    return tensor


def create_global_step(graph=None):
    """Creates the ``global_step`` variable; ValueError if it already exists."""
    graph = graph or ops.get_default_graph()
    if get_global_step(graph) is not None:
        raise ValueError('"global_step" already exists.')
    with graph.as_default(), graph.name_scope(None):
        return variable_scope.get_variable(
            GraphKeys.GLOBAL_STEP, shape=[], dtype=dtypes.int64,
            initializer=init_ops.zeros_initializer(), trainable=False,
            collections=[GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP])


def get_or_create_global_step(graph=None):
    """Returns the global step variable, creating it if needed."""
    graph = graph or ops.get_default_graph()
    step = get_global_step(graph)
    if step is None:
        step = create_global_step(graph)
    return step


def global_step(sess, global_step_tensor) -> int:
    """The current value of the global step, as a Python int."""
    return int(sess.run(global_step_tensor))
