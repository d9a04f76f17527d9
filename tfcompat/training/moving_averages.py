"""``tf.train.ExponentialMovingAverage`` and ``assign_moving_average``.

Shadow variables are named ``<var>/ExponentialMovingAverage`` like TF's slots, so checkpoints
holding moving averages restore across tfcompat and TF (``variables_to_restore`` maps those
names back onto the model's variables for evaluation).
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys, convert_to_tensor
from tfcompat.ops import array_ops, control_flow_ops, math_ops, state_ops
from tfcompat.training.optimizer import _create_slot_var
from tfcompat.variables import init_ops, variable_scope
from tfcompat.variables.variables import Variable

_AVERAGEABLE = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.bfloat16)


def _outside_control_flow_and_scopes(graph):
    """TF's ``init_scope`` for graph building: no control dependencies, no name scope."""
    class _Scope:
        def __enter__(self):
            self._deps = graph.control_dependencies(None)
            self._names = graph.name_scope(None)
            self._deps.__enter__()
            self._names.__enter__()

        def __exit__(self, *exc):
            self._names.__exit__(*exc)
            self._deps.__exit__(*exc)
    return _Scope()


def assign_moving_average(variable, value, decay, zero_debias=True, name=None):
    """``variable -= (variable - value) * (1 - decay)``; returns the updated variable.

    With ``zero_debias`` the average is kept in a ``biased`` variable beside ``variable`` and
    ``variable`` receives it divided by ``1 - decay ** steps`` (no bias towards its zero
    start).
    """
    with ops.name_scope(name, "AssignMovingAvg", [variable, value, decay]) as scope:
        decay = convert_to_tensor(1.0 - decay, name="decay")
        if decay.dtype.base_dtype is not variable.dtype.base_dtype:
            decay = math_ops.cast(decay, variable.dtype.base_dtype)
        if isinstance(value, Variable):
            # TF's read shares the variable's buffer: an update ordered before this one (the
            # train op in a control dependency) is seen. Reading the reference does the same.
            value = value._ref()
        if zero_debias:
            return _zero_debias(variable, value, decay, scope)
        return state_ops.assign_sub(variable, (variable - value) * decay, name=scope)


def _unique_in_scope(name: str) -> str:
    """``name``, or ``name_N`` if the current variable scope already holds it."""
    current = variable_scope.get_variable_scope()
    if current.reuse:
        return name
    taken = {v.op.name for v in ops.get_default_graph().get_collection(
        GraphKeys.GLOBAL_VARIABLES)}
    full = current.name + "/" + name
    if full not in taken:
        return name
    index = 1
    while f"{full}_{index}" in taken:
        index += 1
    return f"{name}_{index}"


def _zero_debias(unbiased_var, value, decay, scope):
    with variable_scope.variable_scope(unbiased_var.op.name, values=[unbiased_var, value]):
        graph = ops.get_default_graph()
        with graph.colocate_with(unbiased_var.op):
            biased_var = variable_scope.get_variable(
                _unique_in_scope("biased"), initializer=init_ops.zeros_initializer(),
                shape=unbiased_var.shape, dtype=unbiased_var.dtype.base_dtype,
                trainable=False)
            local_step = variable_scope.get_variable(
                _unique_in_scope("local_step"), shape=[],
                dtype=unbiased_var.dtype.base_dtype,
                initializer=init_ops.zeros_initializer(), trainable=False)
    update_biased = state_ops.assign_sub(biased_var, (biased_var - value) * decay)
    update_local_step = local_step.assign_add(1)
    # ``decay`` here is 1 - the decay rate, so the rate is ``1.0 - decay``.
    bias_factor = 1 - math_ops.pow(1.0 - decay, update_local_step)
    return state_ops.assign(unbiased_var, update_biased / bias_factor, name=scope)


class ExponentialMovingAverage:
    """Maintains moving averages of variables (or tensors) with exponential decay.

    ``apply(var_list)`` creates a shadow variable per entry and returns the op updating them
    all: ``shadow -= (1 - decay) * (shadow - value)``. With ``num_updates`` the decay is
    ``min(decay, (1 + num_updates) / (10 + num_updates))``.
    """

    def __init__(self, decay, num_updates=None, zero_debias=False,
                 name="ExponentialMovingAverage"):
        self._decay = decay
        self._num_updates = num_updates
        self._zero_debias = zero_debias
        self._name = name
        self._averages: dict[int, tuple] = {}

    @property
    def name(self) -> str:
        return self._name

    def apply(self, var_list=None):
        """Creates the shadow variables and returns an op updating every average."""
        graph = ops.get_default_graph()
        if var_list is None:
            var_list = graph.get_collection(GraphKeys.TRAINABLE_VARIABLES)
        var_list = list(var_list)
        debiased = set()
        for var in var_list:
            if var.dtype.base_dtype not in _AVERAGEABLE:
                raise TypeError(f"The variables must be half, float, or double: {var.name}")
            if id(var) in self._averages:
                continue
            with _outside_control_flow_and_scopes(graph):
                if isinstance(var, Variable):
                    with graph.device(var.device):
                        initial = control_flow_ops.initialized_value(var)
                    average = _create_slot_var(var, initial, self._name)
                    graph.add_to_collection(GraphKeys.MOVING_AVERAGE_VARIABLES, var)
                else:
                    average = self._zeros_shadow(var)
                    if self._zero_debias:
                        debiased.add(id(average))
            self._averages[id(var)] = (var, average)

        with ops.name_scope(self._name) as scope:
            decay = convert_to_tensor(self._decay, dtype=dtypes.float32, name="decay")
            if self._num_updates is not None:
                num_updates = math_ops.cast(self._num_updates, dtypes.float32,
                                            name="num_updates")
                decay = math_ops.minimum(decay, (1.0 + num_updates) / (10.0 + num_updates))
            updates = []
            for var in var_list:
                average = self._averages[id(var)][1]
                updates.append(assign_moving_average(average, var, decay,
                                                     zero_debias=id(average) in debiased))
            return control_flow_ops.group(*updates, name=scope)

    def _zeros_shadow(self, tensor):
        """A zero-initialized shadow for a tensor, ``<tensor op name>/<name>``."""
        shape = tensor.shape
        if not shape.is_fully_defined():
            raise ValueError(f"ExponentialMovingAverage needs a fully defined shape for "
                             f"{tensor.name}, got {shape}")
        dtype = tensor.dtype.base_dtype
        return _create_slot_var(tensor, lambda: array_ops.zeros(shape.as_list(), dtype),
                                self._name)

    def average(self, var):
        """The shadow variable of ``var``, or None if ``apply`` has not seen it."""
        entry = self._averages.get(id(var))
        return entry[1] if entry is not None else None

    def average_name(self, var) -> str:
        """The name of ``var``'s shadow variable (what a Saver stores it under)."""
        entry = self._averages.get(id(var))
        if entry is not None:
            return entry[1].op.name
        return ops.get_default_graph().unique_name(var.op.name + "/" + self._name,
                                                   mark_as_used=False)

    def variables_to_restore(self, moving_avg_variables=None) -> dict:
        """A Saver ``var_list`` restoring each averaged variable from its shadow's value
        (and every other global variable from itself)."""
        graph = ops.get_default_graph()
        if moving_avg_variables is None:
            moving_avg_variables = (graph.get_collection(GraphKeys.TRAINABLE_VARIABLES)
                                    + graph.get_collection(GraphKeys.MOVING_AVERAGE_VARIABLES))
        unique = list({id(v): v for v in moving_avg_variables}.values())
        name_map = {self.average_name(v): v for v in unique}
        averaged_names = {v.name for v in unique}
        for v in graph.get_collection(GraphKeys.GLOBAL_VARIABLES):
            if v.name not in averaged_names and v.op.name not in name_map:
                name_map[v.op.name] = v
        return name_map
