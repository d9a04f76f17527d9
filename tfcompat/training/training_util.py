"""The global step: a scalar int64 variable counting training steps."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import control_flow_ops
from tfcompat.variables import init_ops, variable_scope
from tfcompat.variables.variables import Variable


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


GLOBAL_STEP_READ_KEY = "global_step_read_op_cache"


def get_or_create_global_step_read(graph=None):
    """A tensor reading the global step that is safe before initialization (``global_step/
    add``: the step's value + 0, its initial value while uninitialized); None without a
    global step. Hooks fetch it every run."""
    graph = graph or ops.get_default_graph()
    cached = graph.get_collection(GLOBAL_STEP_READ_KEY)
    if cached:
        return cached[0]
    step = get_global_step(graph)
    if step is None:
        return None
    with graph.as_default(), graph.name_scope(None), graph.name_scope(step.op.name + "/"):
        if isinstance(step, Variable):
            step = control_flow_ops.initialized_value(step)
        read = step + 0
    graph.add_to_collection(GLOBAL_STEP_READ_KEY, read)
    return read


def assert_global_step(global_step_tensor) -> None:
    """Raises unless ``global_step_tensor`` is a scalar integer variable or tensor."""
    if not (isinstance(global_step_tensor, Variable) or hasattr(global_step_tensor, "op")):
        raise TypeError(f"Existing \"global_step\" must be a Variable or Tensor: "
                        f"{global_step_tensor}.")
    if not global_step_tensor.dtype.base_dtype.is_integer:
        raise TypeError(f"Existing \"global_step\" does not have integer type: "
                        f"{global_step_tensor.dtype}")
    shape = global_step_tensor.shape
    if shape.ndims != 0 and shape.is_fully_defined():
        raise TypeError(f"Existing \"global_step\" is not scalar: {shape}")
