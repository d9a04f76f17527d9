"""``tf.train.Optimizer``: compute_gradients / apply_gradients / minimize, slots, and the
TF1 optimizers built on it (each is a few lines of update rule plus slot declarations)."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import GraphKeys, Tensor, convert_to_tensor
from tfcompat.ops import (
    array_ops,
    control_flow_ops,
    gradients_impl,
    math_ops,
    slicing_ops,
    state_ops,
)
from tfcompat.training import training_ops, training_ops_sparse
from tfcompat.variables import init_ops, variable_scope
from tfcompat.variables.variables import Variable


def _var_key(var: Variable) -> str:
    return var.op.name


class Optimizer:
    """Base class for TF1 optimizers (``tf.train.Optimizer``).

    Subclasses implement ``_create_slots(var_list)``, ``_prepare()``, ``_apply_dense(grad,
    var)`` and ``_apply_sparse(grad, var)`` (an IndexedSlices gradient whose duplicate indices
    were summed), each returning the update op, and optionally ``_finish(update_ops,
    name_scope)``; the base class handles gradients, None filtering, name scopes, slots and
    the global step.
    """

    GATE_NONE = 0
    GATE_OP = 1
    GATE_GRAPH = 2

    def __init__(self, use_locking, name):
        if not name:
            raise ValueError("Must specify the optimizer name")
        self._use_locking = use_locking
        self._name = name
        self._slots: dict[str, dict[str, Variable]] = {}
        self._non_slot_variables: dict[tuple[str, int], Variable] = {}

    def get_name(self) -> str:
        return self._name

    # -- gradients

    def compute_gradients(self, loss, var_list=None, gate_gradients=GATE_OP,
                          aggregation_method=None, colocate_gradients_with_ops=False,
                          grad_loss=None):
        """Returns a list of (gradient, variable) pairs; the gradient is None for unused vars."""
        if callable(loss):
            raise RuntimeError("`loss` passed to Optimizer.compute_gradients should be a "
                               "tensor (callables are for eager execution).")
        if gate_gradients not in (Optimizer.GATE_NONE, Optimizer.GATE_OP, Optimizer.GATE_GRAPH):
            raise ValueError(f"gate_gradients must be one of: Optimizer.GATE_NONE, "
                             f"Optimizer.GATE_OP, Optimizer.GATE_GRAPH.  Not {gate_gradients}")
        self._assert_valid_dtypes([loss])
        if grad_loss is not None:
            self._assert_valid_dtypes([grad_loss])
        if var_list is None:
            graph = loss.graph if isinstance(loss, Tensor) else ops.get_default_graph()
            var_list = graph.get_collection(GraphKeys.TRAINABLE_VARIABLES) + graph.get_collection(
                GraphKeys.TRAINABLE_RESOURCE_VARIABLES)
        else:
            var_list = list(var_list)
        if not var_list:
            raise ValueError("No variables to optimize.")
        var_refs = [v._ref() for v in var_list]
        grads = gradients_impl.gradients(
            loss, var_refs, grad_ys=grad_loss,
            gate_gradients=(gate_gradients == Optimizer.GATE_OP),
            aggregation_method=aggregation_method,
            colocate_gradients_with_ops=colocate_gradients_with_ops)
        if gate_gradients == Optimizer.GATE_GRAPH:
            grads = control_flow_ops.tuple(grads)
        pairs = list(zip(grads, var_list))
        self._assert_valid_dtypes([v for g, v in pairs if g is not None and
                                   v.dtype.base_dtype is not dtypes.resource])
        return pairs

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        """Applies (gradient, variable) pairs; None gradients are skipped."""
        grads_and_vars = tuple(grads_and_vars)
        if not grads_and_vars:
            raise ValueError("No variables provided.")
        converted = []
        for g, v in grads_and_vars:
            if g is not None and not isinstance(g, IndexedSlices):
                try:
                    g = convert_to_tensor(g)
                except TypeError:
                    raise TypeError(f"Gradient must be convertible to a Tensor or "
                                    f"IndexedSlices, or None: {g}") from None
            v.op  # noqa: B018 - TF reads var.op first: a non-variable raises AttributeError
            converted.append((g, v))
        var_list = [v for g, v in converted if g is not None]
        if not var_list:
            raise ValueError("No gradients provided for any variable: "
                             f"{[str(v) for _, v in converted]}.")
        graph = ops.get_default_graph()
        with graph.control_dependencies(None):
            self._create_slots(var_list)
        update_ops = []
        with ops.name_scope(name, self._name, []) as scope:
            self._prepare()
            for grad, var in converted:
                if grad is None:
                    continue
                with ops.name_scope("update_" + var.op.name), graph.colocate_with(var.op):
                    if isinstance(grad, IndexedSlices):
                        update_ops.append(self._apply_sparse_duplicate_indices(grad, var))
                    else:
                        update_ops.append(self._apply_dense(grad, var))
            if global_step is None:
                apply_updates = self._finish(update_ops, scope)
            else:
                with graph.control_dependencies([self._finish(update_ops, "update")]):
                    with graph.colocate_with(global_step.op if hasattr(global_step, "op")
                                             else global_step):
                        apply_updates = state_ops.assign_add(global_step, 1, name=scope).op
            train_op = graph.get_collection_ref(GraphKeys.TRAIN_OP)
            if apply_updates not in train_op:
                train_op.append(apply_updates)
            return apply_updates

    def minimize(self, loss, global_step=None, var_list=None, gate_gradients=GATE_OP,
                 aggregation_method=None, colocate_gradients_with_ops=False, name=None,
                 grad_loss=None):
        """compute_gradients followed by apply_gradients."""
        grads_and_vars = self.compute_gradients(
            loss, var_list=var_list, gate_gradients=gate_gradients,
            aggregation_method=aggregation_method,
            colocate_gradients_with_ops=colocate_gradients_with_ops, grad_loss=grad_loss)
        vars_with_grad = [v for g, v in grads_and_vars if g is not None]
        if not vars_with_grad:
            raise ValueError(
                "No gradients provided for any variable, check your graph for ops that do not "
                "support gradients, between variables "
                f"{[str(v) for _, v in grads_and_vars]} and loss {loss}.")
        return self.apply_gradients(grads_and_vars, global_step=global_step, name=name)

    # -- hooks for subclasses

    def _create_slots(self, var_list) -> None:
        pass

    def _prepare(self) -> None:
        pass

    def _apply_dense(self, grad, var):
        raise NotImplementedError()

    def _apply_sparse_duplicate_indices(self, grad, var):
        """Sums the rows of repeated indices, then calls ``_apply_sparse``."""
        summed_values, unique_indices = _deduplicate_indexed_slices(grad.values, grad.indices)
        return self._apply_sparse(IndexedSlices(summed_values, unique_indices,
                                                grad.dense_shape), var)

    def _apply_sparse(self, grad, var):
        raise NotImplementedError()

    def _finish(self, update_ops, name_scope):
        return control_flow_ops.group(*update_ops, name=name_scope)

    def _valid_dtypes(self):
        # TF prints the valid types in this order in its error message.
        return [dtypes.float32, dtypes.float64, dtypes.float16, dtypes.bfloat16]

    def _assert_valid_dtypes(self, tensors) -> None:
        valid = self._valid_dtypes()
        for t in tensors:
            dtype = t.dtype.base_dtype
            if dtype not in valid:
                raise ValueError(f"Invalid type {dtype!r} for {t.name}, expected: {valid}.")

    def _call_if_callable(self, param):
        return param() if callable(param) else param

    # -- slots

    def get_slot_names(self) -> list[str]:
        return sorted(self._slots)

    def get_slot(self, var, name):
        named = self._slots.get(name)
        if not named:
            return None
        return named.get(_var_key(var))

    def variables(self) -> list:
        """The optimizer's own variables: slots and non-slot variables (like Adam's powers)."""
        result = list(self._non_slot_variables.values())
        for name in sorted(self._slots):
            result.extend(self._slots[name].values())
        return sorted(result, key=lambda v: v.name)

    def _slot_dict(self, slot_name):
        return self._slots.setdefault(slot_name, {})

    def _get_or_make_slot(self, var, initial_value, slot_name, op_name):
        named = self._slot_dict(slot_name)
        key = _var_key(var)
        if key not in named:
            named[key] = _create_slot_var(var, initial_value, op_name)
        return named[key]

    def _get_or_make_slot_with_initializer(self, var, initializer, shape, dtype, slot_name,
                                           op_name):
        named = self._slot_dict(slot_name)
        key = _var_key(var)
        if key not in named:
            named[key] = _create_slot_var(
                var, lambda: initializer(shape, dtype=dtypes.as_dtype(dtype)), op_name)
        return named[key]

    def _zeros_slot(self, var, slot_name, op_name):
        named = self._slot_dict(slot_name)
        key = _var_key(var)
        if key not in named:
            named[key] = _create_slot_var(
                var, lambda: array_ops.zeros(var.shape.as_list(), var.dtype.base_dtype),
                op_name)
        return named[key]

    def _get_slot(self, var, slot_name):
        return self._slots[slot_name][_var_key(var)]

    def _create_non_slot_variable(self, initial_value, name, colocate_with):
        graph = colocate_with.graph
        key = (name, id(graph))
        v = self._non_slot_variables.get(key)
        if v is None:
            with graph.control_dependencies(None), graph.colocate_with(colocate_with.op):
                v = Variable(initial_value, name=name, trainable=False)
            self._non_slot_variables[key] = v
        return v

    def _get_non_slot_variable(self, name, graph=None):
        graph = graph or ops.get_default_graph()
        return self._non_slot_variables.get((name, id(graph)))


def _deduplicate_indexed_slices(values, indices):
    """(values summed per distinct index, the distinct indices)."""
    unique_indices, positions = array_ops.unique(indices)
    summed = slicing_ops.unsorted_segment_sum(values, positions,
                                              array_ops.shape(unique_indices)[0])
    return summed, unique_indices


def _create_slot_var(primary: Variable, initial_value, op_name: str) -> Variable:
    """A slot variable named ``<primary op name>/<op_name>``, not trainable, in GLOBAL_VARIABLES."""
    graph = primary.graph
    with graph.name_scope(None):
        with variable_scope.variable_scope(None, primary.op.name + "/" + op_name,
                                           auxiliary_name_scope=False):
            full_name = variable_scope.get_variable_scope().name
        with graph.colocate_with(primary.op):
            return Variable(initial_value, name=full_name, trainable=False,
                            dtype=primary.dtype.base_dtype)


class GradientDescentOptimizer(Optimizer):
    """Optimizer implementing plain gradient descent: ``var -= learning_rate * grad``."""

    def __init__(self, learning_rate, use_locking=False, name="GradientDescent"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._learning_rate_tensor = None

    def _prepare(self):
        lr = self._call_if_callable(self._learning_rate)
        self._learning_rate_tensor = convert_to_tensor(lr, name="learning_rate")

    def _apply_dense(self, grad, var):
        lr = math_ops.cast(self._learning_rate_tensor, var.dtype.base_dtype)
        return training_ops.apply("ApplyGradientDescent", [var], [lr, grad],
                                  use_locking=self._use_locking).op

    def _apply_sparse_duplicate_indices(self, grad, var):
        # Repeated rows need no summing: ScatterSub subtracts each of them.
        lr = math_ops.cast(self._learning_rate_tensor, var.dtype.base_dtype)
        return training_ops_sparse.scatter_sub(var, grad.indices, grad.values * lr,
                                               use_locking=self._use_locking).op


def _cast_like(t, var):
    return math_ops.cast(t, var.dtype.base_dtype)


class _HyperparameterOptimizer(Optimizer):
    """An optimizer whose hyperparameters become tensors named after them in ``_prepare``."""

    _HYPERPARAMETERS: tuple[str, ...] = ()

    def _prepare(self):
        for name in self._HYPERPARAMETERS:
            value = self._call_if_callable(getattr(self, "_" + name))
            setattr(self, f"_{name}_t", convert_to_tensor(value, name=name))

    def _t(self, name, var):
        return _cast_like(getattr(self, f"_{name}_t"), var)


class MomentumOptimizer(_HyperparameterOptimizer):
    """``accum = momentum * accum + grad; var -= learning_rate * accum`` (or Nesterov)."""

    _HYPERPARAMETERS = ("learning_rate", "momentum")

    def __init__(self, learning_rate, momentum, use_locking=False, name="Momentum",
                 use_nesterov=False):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._momentum = momentum
        self._use_nesterov = use_nesterov

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "momentum", self._name)

    def _apply_dense(self, grad, var):
        accum = self.get_slot(var, "momentum")
        return training_ops.apply(
            "ApplyMomentum", [var, accum],
            [self._t("learning_rate", var), grad, self._t("momentum", var)],
            use_locking=self._use_locking, use_nesterov=self._use_nesterov).op

    def _apply_sparse(self, grad, var):
        return training_ops_sparse.apply_sparse(
            "SparseApplyMomentum", [var, self.get_slot(var, "momentum")],
            [self._t("learning_rate", var), grad.values, grad.indices,
             self._t("momentum", var)],
            use_locking=self._use_locking, use_nesterov=self._use_nesterov).op


class AdamOptimizer(_HyperparameterOptimizer):
    """Adam, as TF1 implements it: epsilon is added to sqrt(v) before bias correction."""

    _HYPERPARAMETERS = ("learning_rate", "beta1", "beta2", "epsilon")

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08,
                 use_locking=False, name="Adam"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._beta1 = beta1
        self._beta2 = beta2
        self._epsilon = epsilon

    def _get_beta_accumulators(self):
        graph = ops.get_default_graph()
        return (self._get_non_slot_variable("beta1_power", graph),
                self._get_non_slot_variable("beta2_power", graph))

    def _create_slots(self, var_list):
        first_var = min(var_list, key=lambda v: v.name)
        self._create_non_slot_variable(self._beta1, "beta1_power", first_var)
        self._create_non_slot_variable(self._beta2, "beta2_power", first_var)
        for v in var_list:
            self._zeros_slot(v, "m", self._name)
            self._zeros_slot(v, "v", self._name)

    def _apply_dense(self, grad, var):
        beta1_power, beta2_power = self._get_beta_accumulators()
        return training_ops.apply(
            "ApplyAdam", [var, self.get_slot(var, "m"), self.get_slot(var, "v")],
            [_cast_like(beta1_power, var), _cast_like(beta2_power, var),
             self._t("learning_rate", var), self._t("beta1", var), self._t("beta2", var),
             self._t("epsilon", var), grad], use_locking=self._use_locking).op

    def _apply_sparse(self, grad, var):
        # TF's sparse Adam is built from graph ops: decay all of m and v, then add the
        # scaled gradient rows with ScatterAdd.
        beta1_power, beta2_power = (_cast_like(p, var) for p in self._get_beta_accumulators())
        lr_t, beta1_t = self._t("learning_rate", var), self._t("beta1", var)
        beta2_t, epsilon_t = self._t("beta2", var), self._t("epsilon", var)
        lr = lr_t * math_ops.sqrt(1 - beta2_power) / (1 - beta1_power)
        m_t = self._decay_and_scatter_add(var, "m", grad.values * (1 - beta1_t), beta1_t,
                                          grad.indices)
        v_t = self._decay_and_scatter_add(var, "v", (grad.values * grad.values) * (1 - beta2_t),
                                          beta2_t, grad.indices)
        v_sqrt = math_ops.sqrt(v_t)
        var_update = state_ops.assign_sub(var, lr * m_t / (v_sqrt + epsilon_t),
                                          use_locking=self._use_locking)
        return control_flow_ops.group(var_update, m_t, v_t)

    def _decay_and_scatter_add(self, var, slot_name, scaled_rows, beta, indices):
        """``slot = slot * beta``, then ``slot[indices] += scaled_rows``; returns the slot."""
        slot = self.get_slot(var, slot_name)
        decayed = state_ops.assign(slot, slot * beta, use_locking=self._use_locking)
        with ops.get_default_graph().control_dependencies([decayed]):
            return training_ops_sparse.scatter_add(slot, indices, scaled_rows,
                                                   use_locking=self._use_locking)

    def _finish(self, update_ops, name_scope):
        graph = ops.get_default_graph()
        with graph.control_dependencies(update_ops):
            beta1_power, beta2_power = self._get_beta_accumulators()
            with graph.colocate_with(beta1_power.op):
                update_beta1 = beta1_power.assign(beta1_power * self._beta1_t,
                                                  use_locking=self._use_locking)
                update_beta2 = beta2_power.assign(beta2_power * self._beta2_t,
                                                  use_locking=self._use_locking)
        return control_flow_ops.group(*update_ops + [update_beta1, update_beta2],
                                      name=name_scope)


class AdagradOptimizer(_HyperparameterOptimizer):
    """``accum += grad ** 2; var -= learning_rate * grad / sqrt(accum)``."""

    _HYPERPARAMETERS = ("learning_rate",)

    def __init__(self, learning_rate, initial_accumulator_value=0.1, use_locking=False,
                 name="Adagrad"):
        if initial_accumulator_value <= 0.0:
            raise ValueError(f"initial_accumulator_value must be positive: "
                             f"{initial_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_accumulator_value = initial_accumulator_value

    def _create_slots(self, var_list):
        for v in var_list:
            value = self._initial_accumulator_value
            self._get_or_make_slot(v, _filled_like(v, value), "accumulator", self._name)

    def _apply_dense(self, grad, var):
        return training_ops.apply(
            "ApplyAdagrad", [var, self.get_slot(var, "accumulator")],
            [self._t("learning_rate", var), grad], use_locking=self._use_locking).op

    def _apply_sparse(self, grad, var):
        return training_ops_sparse.apply_sparse(
            "SparseApplyAdagrad", [var, self.get_slot(var, "accumulator")],
            [self._t("learning_rate", var), grad.values, grad.indices],
            use_locking=self._use_locking).op


class RMSPropOptimizer(_HyperparameterOptimizer):
    """RMSProp as TF1: ``ms`` starts at 1.0 and epsilon sits inside the square root.

    ``centered=True`` also tracks the mean gradient ``mg`` and divides by the estimated
    variance ``ms - mg**2`` instead of the second moment.
    """

    _HYPERPARAMETERS = ("learning_rate", "decay", "momentum", "epsilon")

    def __init__(self, learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10,
                 use_locking=False, centered=False, name="RMSProp"):
        super().__init__(use_locking, name)
        self._centered = centered
        self._learning_rate = learning_rate
        self._decay = decay
        self._momentum = momentum
        self._epsilon = epsilon

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, _filled_like(v, 1.0), "rms", self._name)
            if self._centered:
                self._zeros_slot(v, "mg", self._name)
            self._zeros_slot(v, "momentum", self._name)

    def _apply_dense(self, grad, var):
        return self._apply(training_ops.apply, "Apply", var, [grad])

    def _apply_sparse(self, grad, var):
        return self._apply(training_ops_sparse.apply_sparse, "SparseApply", var,
                           [grad.values, grad.indices])

    def _apply(self, apply_fn, prefix, var, grad_inputs):
        hyper = [self._t("learning_rate", var), self._t("decay", var), self._t("momentum", var),
                 self._t("epsilon", var)] + grad_inputs
        slots = [self.get_slot(var, "rms"), self.get_slot(var, "momentum")]
        if self._centered:
            return apply_fn(prefix + "CenteredRMSProp", [var, self.get_slot(var, "mg")] + slots,
                            hyper, use_locking=self._use_locking).op
        return apply_fn(prefix + "RMSProp", [var] + slots, hyper,
                        use_locking=self._use_locking).op


class AdadeltaOptimizer(_HyperparameterOptimizer):
    """Adadelta: step sizes from running averages of squared gradients and updates."""

    _HYPERPARAMETERS = ("learning_rate", "rho", "epsilon")

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-8, use_locking=False,
                 name="Adadelta"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._rho = rho
        self._epsilon = epsilon

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "accum", self._name)
            self._zeros_slot(v, "accum_update", self._name)

    def _apply_dense(self, grad, var):
        return training_ops.apply(
            "ApplyAdadelta",
            [var, self.get_slot(var, "accum"), self.get_slot(var, "accum_update")],
            [self._t("learning_rate", var), self._t("rho", var), self._t("epsilon", var), grad],
            use_locking=self._use_locking).op

    def _apply_sparse(self, grad, var):
        return training_ops_sparse.apply_sparse(
            "SparseApplyAdadelta",
            [var, self.get_slot(var, "accum"), self.get_slot(var, "accum_update")],
            [self._t("learning_rate", var), self._t("rho", var), self._t("epsilon", var),
             grad.values, grad.indices], use_locking=self._use_locking).op


def _filled_like(var, value):
    """An initial slot value: ``value`` in the variable's shape and dtype (no float32 detour)."""
    return lambda: init_ops.Constant(value)(var.shape.as_list(), dtype=var.dtype.base_dtype)
