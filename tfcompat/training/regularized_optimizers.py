"""The TF1 optimizers with built-in L1/L2 regularization: Ftrl, ProximalGradientDescent,
ProximalAdagrad and AdagradDA (each a fused Apply* op from ``training_ops``)."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.training import training_ops, training_ops_sparse
from tfcompat.training.optimizer import (
    Optimizer,
    _cast_like,
    _filled_like,
    _HyperparameterOptimizer,
)


class ProximalGradientDescentOptimizer(_HyperparameterOptimizer):
    """Gradient descent followed by the proximal step of L1 and L2 regularization (FOBOS)."""

    _HYPERPARAMETERS = ("learning_rate", "l1_regularization_strength",
                        "l2_regularization_strength")

    def __init__(self, learning_rate, l1_regularization_strength=0.0,
                 l2_regularization_strength=0.0, use_locking=False,
                 name="ProximalGradientDescent"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength

    def _apply_dense(self, grad, var):
        return training_ops.apply(
            "ApplyProximalGradientDescent", [var],
            [self._t("learning_rate", var), self._t("l1_regularization_strength", var),
             self._t("l2_regularization_strength", var), grad],
            use_locking=self._use_locking).op

    def _apply_sparse(self, grad, var):
        return training_ops_sparse.apply_sparse(
            "SparseApplyProximalGradientDescent", [var],
            [self._t("learning_rate", var), self._t("l1_regularization_strength", var),
             self._t("l2_regularization_strength", var), grad.values, grad.indices],
            use_locking=self._use_locking).op


class ProximalAdagradOptimizer(_HyperparameterOptimizer):
    """Adagrad step sizes with the proximal L1/L2 step (``accumulator`` slot)."""

    _HYPERPARAMETERS = ("learning_rate", "l1_regularization_strength",
                        "l2_regularization_strength")

    def __init__(self, learning_rate, initial_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 use_locking=False, name="ProximalAdagrad"):
        if initial_accumulator_value <= 0.0:
            raise ValueError(f"initial_accumulator_value must be positive: "
                             f"{initial_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_accumulator_value = initial_accumulator_value
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, _filled_like(v, self._initial_accumulator_value),
                                   "accumulator", self._name)

    def _apply_dense(self, grad, var):
        return training_ops.apply(
            "ApplyProximalAdagrad", [var, self.get_slot(var, "accumulator")],
            [self._t("learning_rate", var), self._t("l1_regularization_strength", var),
             self._t("l2_regularization_strength", var), grad],
            use_locking=self._use_locking).op

    def _apply_sparse(self, grad, var):
        return training_ops_sparse.apply_sparse(
            "SparseApplyProximalAdagrad", [var, self.get_slot(var, "accumulator")],
            [self._t("learning_rate", var), self._t("l1_regularization_strength", var),
             self._t("l2_regularization_strength", var), grad.values, grad.indices],
            use_locking=self._use_locking).op


def _check_non_negative(value, what: str, sign: str = "positive or zero") -> None:
    if value < 0.0:
        raise ValueError(f"{what} {value:f} needs to be {sign}")


class FtrlOptimizer(Optimizer):
    """FTRL-Proximal ("Follow the regularized leader", McMahan et al. 2013).

    Slots ``accum`` (starting at ``initial_accumulator_value``) and ``linear``. ``beta`` is
    folded into the L2 strength (``l2 + beta / (2 * learning_rate)``) and a positive
    ``l2_shrinkage_regularization_strength`` switches to the ApplyFtrlV2 update.
    """

    def __init__(self, learning_rate, learning_rate_power=-0.5, initial_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 use_locking=False, name="Ftrl", accum_name=None, linear_name=None,
                 l2_shrinkage_regularization_strength=0.0, beta=None):
        super().__init__(use_locking, name)
        _check_non_negative(initial_accumulator_value, "initial_accumulator_value")
        if learning_rate_power > 0.0:
            raise ValueError(f"learning_rate_power {learning_rate_power:f} needs to be "
                             f"negative or zero")
        _check_non_negative(l1_regularization_strength, "l1_regularization_strength")
        _check_non_negative(l2_regularization_strength, "l2_regularization_strength")
        _check_non_negative(l2_shrinkage_regularization_strength,
                            "l2_shrinkage_regularization_strength")
        self._learning_rate = learning_rate
        self._learning_rate_power = learning_rate_power
        self._initial_accumulator_value = initial_accumulator_value
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength
        self._beta = 0.0 if beta is None else beta
        self._l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self._accum_name = accum_name
        self._linear_name = linear_name

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, _filled_like(v, self._initial_accumulator_value),
                                   "accum", self._accum_name or self._name)
            self._zeros_slot(v, "linear", self._linear_name or self._name)

    def _prepare(self):
        self._learning_rate_tensor = convert_to_tensor(self._learning_rate,
                                                       name="learning_rate")
        self._l1_tensor = convert_to_tensor(self._l1_regularization_strength,
                                            name="l1_regularization_strength")
        # beta enters the update only through the L2 strength, so the op has no beta input.
        adjusted = self._l2_regularization_strength + self._beta / (
            2. * math_ops.maximum(self._learning_rate, 1e-36))
        self._adjusted_l2_tensor = convert_to_tensor(
            adjusted, name="adjusted_l2_regularization_strength")
        self._beta_tensor = convert_to_tensor(self._beta, name="beta")
        self._l2_shrinkage_tensor = convert_to_tensor(
            self._l2_shrinkage_regularization_strength,
            name="l2_shrinkage_regularization_strength")
        self._learning_rate_power_tensor = convert_to_tensor(self._learning_rate_power,
                                                             name="learning_rate_power")

    def _apply_dense(self, grad, var):
        return self._apply(training_ops.apply, "ApplyFtrl", var, [grad])

    def _apply_sparse(self, grad, var):
        return self._apply(training_ops_sparse.apply_sparse, "SparseApplyFtrl", var,
                           [grad.values, grad.indices])

    def _apply(self, apply_fn, op_type, var, grad_inputs):
        refs = [var, self.get_slot(var, "accum"), self.get_slot(var, "linear")]
        lr = _cast_like(self._learning_rate_tensor, var)
        l1 = _cast_like(self._l1_tensor, var)
        l2 = _cast_like(self._adjusted_l2_tensor, var)
        power = _cast_like(self._learning_rate_power_tensor, var)
        if self._l2_shrinkage_regularization_strength <= 0.0:
            return apply_fn(op_type, refs, grad_inputs + [lr, l1, l2, power],
                            use_locking=self._use_locking).op
        shrinkage = _cast_like(self._l2_shrinkage_tensor, var)
        return apply_fn(op_type + "V2", refs, grad_inputs + [lr, l1, l2, shrinkage, power],
                        use_locking=self._use_locking).op


class AdagradDAOptimizer(_HyperparameterOptimizer):
    """Adagrad dual averaging: the variable is recomputed from the accumulated gradients
    (``gradient_accumulator``, ``gradient_squared_accumulator``) and the global step."""

    _HYPERPARAMETERS = ("learning_rate",)

    def __init__(self, learning_rate, global_step, initial_gradient_squared_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 use_locking=False, name="AdagradDA"):
        if initial_gradient_squared_accumulator_value <= 0.0:
            raise ValueError(f"initial_gradient_squared_accumulator_value must be positive: "
                             f"{initial_gradient_squared_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_gradient_squared_accumulator_value = (
            initial_gradient_squared_accumulator_value)
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength
        self._global_step = global_step

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "gradient_accumulator", self._name)
            self._get_or_make_slot(
                v, _filled_like(v, self._initial_gradient_squared_accumulator_value),
                "gradient_squared_accumulator", self._name)

    def _prepare(self):
        super()._prepare()
        graph = ops.get_default_graph()
        with graph.colocate_with(self._learning_rate_t.op):
            # A copy of the step per worker (not a read of the parameter server's each time);
            # the update of step n sees n + 1.
            self._global_step_on_worker = array_ops.identity(self._global_step) + 1

    def _apply_dense(self, grad, var):
        global_step = self._global_step_on_worker
        return training_ops.apply(
            "ApplyAdagradDA",
            [var, self.get_slot(var, "gradient_accumulator"),
             self.get_slot(var, "gradient_squared_accumulator")],
            [grad, self._t("learning_rate", var),
             _cast_like(self._l1_regularization_strength, var),
             _cast_like(self._l2_regularization_strength, var), global_step],
            use_locking=self._use_locking).op

    def _apply_sparse(self, grad, var):
        with ops.get_default_graph().device(var.device):
            # TF's sparse path reads the step itself, without the dense path's + 1.
            global_step = array_ops.identity(self._global_step)
        return training_ops_sparse.apply_sparse(
            "SparseApplyAdagradDA",
            [var, self.get_slot(var, "gradient_accumulator"),
             self.get_slot(var, "gradient_squared_accumulator")],
            [grad.values, grad.indices, self._t("learning_rate", var),
             _cast_like(self._l1_regularization_strength, var),
             _cast_like(self._l2_regularization_strength, var), global_step],
            use_locking=self._use_locking).op
