"""Loss scaling for mixed precision (``tf.train.experimental``): FixedLossScale,
DynamicLossScale and MixedPrecisionLossScaleOptimizer.

The optimizer multiplies the loss by the loss scale, divides the gradients by it, and (with a
dynamic scale) skips the update of any step whose gradients are not all finite, halving the
scale; after ``increment_period`` finite steps in a row the scale doubles.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops import control_flow_ops, control_flow_v1, math_ops
from tfcompat.training.optimizer import Optimizer
from tfcompat.variables.variables import Variable


class LossScale:
    """The loss scale a MixedPrecisionLossScaleOptimizer uses: ``self()`` is its current
    value; ``update(grads)`` returns (update op, whether to apply the gradients)."""

    def __call__(self):
        raise NotImplementedError

    def update(self, grads):
        raise NotImplementedError


class FixedLossScale(LossScale):
    """A constant loss scale."""

    def __init__(self, loss_scale_value):
        if not isinstance(loss_scale_value, (int, float)):
            raise ValueError("loss_scale_value must be a Python int or float.")
        if loss_scale_value < 1:
            raise ValueError("loss_scale_value must be at least 1.")
        self._loss_scale_value = float(loss_scale_value)

    def __call__(self):
        return convert_to_tensor(self._loss_scale_value)

    def update(self, grads):
        del grads
        return control_flow_ops.no_op(), True

    def __repr__(self):
        return f"FixedLossScale({self._loss_scale_value})"


def _is_all_finite(grads):
    per_grad = [math_ops.reduce_all(math_ops.is_finite(g)) for g in grads if g is not None]
    return math_ops.reduce_all(per_grad)


class DynamicLossScale(LossScale):
    """A loss scale that halves (down to 1) after a step with non-finite gradients and
    multiplies by ``multiplier`` after ``increment_period`` finite steps; its state is in the
    variables ``current_loss_scale`` and ``good_steps``."""

    def __init__(self, initial_loss_scale=2 ** 15, increment_period=2000, multiplier=2.):
        self._initial_loss_scale = float(initial_loss_scale)
        self._increment_period = int(increment_period)
        self._multiplier = float(multiplier)
        with ops.get_default_graph().control_dependencies(None):
            self._current_loss_scale = Variable(self._initial_loss_scale,
                                                name="current_loss_scale", dtype=dtypes.float32,
                                                trainable=False)
            self._num_good_steps = Variable(0, name="good_steps", dtype=dtypes.int64,
                                            trainable=False)

    @property
    def initial_loss_scale(self):
        return self._initial_loss_scale

    @property
    def increment_period(self):
        return self._increment_period

    @property
    def multiplier(self):
        return self._multiplier

    def __call__(self):
        return self._current_loss_scale.value()

    def update(self, grads):
        is_finite = _is_all_finite(list(grads))

        def update_if_finite_grads():
            def incr_loss_scale():
                new_loss_scale = self._current_loss_scale * self._multiplier
                # A scale that overflows to inf is not taken.
                keep = math_ops.is_finite(new_loss_scale)
                return control_flow_ops.group(
                    self._current_loss_scale.assign(
                        control_flow_v1.cond(keep, lambda: new_loss_scale,
                                             lambda: self._current_loss_scale.value())),
                    self._num_good_steps.assign(0))
            return control_flow_v1.cond(
                self._num_good_steps + 1 >= self._increment_period, incr_loss_scale,
                lambda: self._num_good_steps.assign_add(1).op)

        def update_if_not_finite_grads():
            new_loss_scale = math_ops.maximum(self._current_loss_scale / self._multiplier, 1)
            return control_flow_ops.group(self._num_good_steps.assign(0),
                                          self._current_loss_scale.assign(new_loss_scale))

        update_op = control_flow_v1.cond(is_finite, update_if_finite_grads,
                                         update_if_not_finite_grads)
        return update_op, is_finite

    def __repr__(self):
        # TF shows the variables' values only when executing eagerly.
        return (f"DynamicLossScale(initial_loss_scale={self._initial_loss_scale}, "
                f"increment_period={self._increment_period}, multiplier={self._multiplier})")


def get(identifier):
    """A LossScale from a number (fixed), "dynamic", or a LossScale."""
    if isinstance(identifier, (int, float)):
        return FixedLossScale(identifier)
    if identifier == "dynamic":
        return DynamicLossScale()
    if isinstance(identifier, LossScale):
        return identifier
    if identifier is None:
        return None
    raise ValueError(f"Could not interpret loss scale identifier: {identifier}")


class MixedPrecisionLossScaleOptimizer(Optimizer):
    """Wraps ``opt`` with loss scaling: the scaled loss's gradients are unscaled before they
    are applied, and a step with non-finite gradients is skipped (dynamic scale)."""

    def __init__(self, opt, loss_scale):
        if not isinstance(opt, Optimizer):
            raise ValueError(f"\"opt\" must be an instance of Optimizer, but got: {type(opt)}")
        self._optimizer = opt
        super().__init__(opt._use_locking, opt.get_name())
        self._loss_scale = get(loss_scale)
        if self._loss_scale is None:
            raise ValueError("loss_scale cannot be None")

    def compute_gradients(self, loss, var_list=None, gate_gradients=Optimizer.GATE_OP,
                          aggregation_method=None, colocate_gradients_with_ops=False,
                          grad_loss=None):
        scaled = loss * math_ops.cast(self._loss_scale(), loss.dtype)
        grads_and_vars = self._optimizer.compute_gradients(
            scaled, var_list=var_list, gate_gradients=gate_gradients,
            aggregation_method=aggregation_method,
            colocate_gradients_with_ops=colocate_gradients_with_ops, grad_loss=grad_loss)
        reciprocal = 1 / self._loss_scale()
        return [(self._scale_grad(g, reciprocal), v) for g, v in grads_and_vars]

    @staticmethod
    def _scale_grad(grad, reciprocal):
        if grad is None:
            return None
        if isinstance(grad, IndexedSlices):
            return IndexedSlices(grad.values * reciprocal, grad.indices, grad.dense_shape)
        return grad * reciprocal

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        if not isinstance(self._loss_scale, DynamicLossScale):
            return self._optimizer.apply_gradients(grads_and_vars, global_step, name)
        grads_and_vars = tuple(grads_and_vars)
        name = name if name is not None else self.get_name()
        update_op, should_apply = self._loss_scale.update([g for g, _ in grads_and_vars])
        maybe_apply = control_flow_v1.cond(
            should_apply,
            lambda: self._optimizer.apply_gradients(grads_and_vars, global_step,
                                                    name + "-wrapped"),
            control_flow_ops.no_op)
        return control_flow_ops.group(maybe_apply, update_op, name=name)
