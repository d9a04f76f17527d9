"""``tf.contrib.layers.optimize_loss``: a training op from a loss, in scope ``OptimizeLoss``.

As in TF 1.15: runs the UPDATE_OPS first, makes a float learning rate the non-trainable variable
``OptimizeLoss/learning_rate``, builds the optimizer (a name such as "SGD" or "Adam", a class,
an instance, or a function of the learning rate), scales gradients by
``gradient_multipliers``, clips them (a float clips by global norm:
``g * clip / max(global_norm, clip)``), adds the requested summaries and returns the loss
computed after the update is applied. ``gradient_noise_scale`` is not supported.
"""

from __future__ import annotations

import math

from tfcompat.framework import ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import array_ops, constant_op, control_flow_ops, math_ops, nn_ops
from tfcompat.summary import summary_ops
from tfcompat.training import optimizer as optimizer_lib
from tfcompat.training import training_util
from tfcompat.variables import init_ops, variables
from tfcompat.variables import variable_scope as vs

__all__ = ["OPTIMIZER_CLS_NAMES", "OPTIMIZER_SUMMARIES", "optimize_loss"]

OPTIMIZER_CLS_NAMES = {
    "Adagrad": optimizer_lib.AdagradOptimizer,
    "Adam": optimizer_lib.AdamOptimizer,
    "RMSProp": optimizer_lib.RMSPropOptimizer,
    "SGD": optimizer_lib.GradientDescentOptimizer,
}
OPTIMIZER_SUMMARIES = ["learning_rate", "loss", "gradients", "gradient_norm",
                       "global_gradient_norm"]


def global_norm(tensors, name=None):
    """``sqrt(sum(||t||^2))`` over the tensors that are not None."""
    values = [t.values if isinstance(t, IndexedSlices) else t for t in tensors if t is not None]
    with ops.name_scope(name, "global_norm", values) as scope:
        half_squares = [nn_ops.l2_loss(v) for v in values]
        half = math_ops.reduce_sum(array_ops.stack(half_squares))
        two = constant_op.constant(2.0, dtype=half.dtype)
        return math_ops.sqrt(half * two, name=scope)


def _clip_by_global_norm(grads_and_vars, clip_norm: float):
    gradients, variables_ = zip(*grads_and_vars)
    norm = global_norm(gradients)
    with ops.name_scope("clip_by_global_norm"):
        scale = clip_norm * math_ops.minimum(1.0 / norm, 1.0 / clip_norm)
        clipped = [None if g is None else math_ops.multiply(g, math_ops.cast(scale, g.dtype))
                   for g in gradients]
    return list(zip(clipped, variables_))


def _multiply_gradients(grads_and_vars, multipliers):
    result = []
    for grad, var in grads_and_vars:
        key = var if var in multipliers else var.name if var.name in multipliers else None
        if grad is not None and key is not None:
            factor = constant_op.constant(multipliers[key], dtype=grad.dtype)
            if isinstance(grad, IndexedSlices):
                grad = IndexedSlices(grad.values * factor, grad.indices, grad.dense_shape)
            else:
                grad = grad * factor
        result.append((grad, var))
    return result


def _make_optimizer(optimizer, lr, learning_rate):
    if isinstance(optimizer, str):
        if lr is None:
            raise ValueError("Learning rate is None, but should be specified if optimizer is "
                             f"string ({optimizer}).")
        if optimizer not in OPTIMIZER_CLS_NAMES:
            raise ValueError(f"Optimizer name should be one of "
                             f"[{', '.join(OPTIMIZER_CLS_NAMES)}], you provided {optimizer}.")
        return OPTIMIZER_CLS_NAMES[optimizer](learning_rate=lr)
    if isinstance(optimizer, type) and issubclass(optimizer, optimizer_lib.Optimizer):
        if lr is None:
            raise ValueError("Learning rate is None, but should be specified if optimizer is "
                             f"class ({optimizer}).")
        return optimizer(learning_rate=lr)
    if isinstance(optimizer, optimizer_lib.Optimizer):
        return optimizer
    if callable(optimizer):
        opt = optimizer(lr) if learning_rate is not None else optimizer()
        if not isinstance(opt, optimizer_lib.Optimizer):
            raise ValueError("Unrecognized optimizer: function should return subclass of "
                             f"Optimizer. Got {opt}.")
        return opt
    raise ValueError("Unrecognized optimizer: should be string, subclass of Optimizer, instance "
                     "of subclass of Optimizer or function with one argument. Got "
                     f"{optimizer}.")


def optimize_loss(loss, global_step, learning_rate, optimizer, gradient_noise_scale=None,
                  gradient_multipliers=None, clip_gradients=None, learning_rate_decay_fn=None,
                  update_ops=None, variables=None, name=None, summaries=None,
                  colocate_gradients_with_ops=False, increment_global_step=True):
    """Builds a training op minimizing ``loss``; returns ``loss`` run after the update."""
    if gradient_noise_scale is not None:
        raise NotImplementedError("tf.contrib.layers.optimize_loss(gradient_noise_scale=...) is "
                                  "not supported by tfcompat yet")
    loss = ops.convert_to_tensor(loss)
    if loss.get_shape().ndims not in (None, 0):
        raise ValueError(f"Expected scalar shape for {loss.name}, saw shape: {loss.get_shape()}.")
    if global_step is None:
        global_step = training_util.get_global_step()
    graph = ops.get_default_graph()
    with vs.variable_scope(name, "OptimizeLoss", [loss, global_step]):
        if update_ops is None:
            update_ops = list(dict.fromkeys(graph.get_collection(GraphKeys.UPDATE_OPS)))
        if update_ops:
            loss = control_flow_ops.with_dependencies(list(update_ops), loss)
        lr = None
        if learning_rate is not None:
            if isinstance(learning_rate, ops.Tensor) and learning_rate.get_shape().ndims == 0:
                lr = learning_rate
            elif isinstance(learning_rate, float):
                if learning_rate < 0.0 or math.isnan(learning_rate):
                    raise ValueError(f"Invalid learning_rate {learning_rate}.")
                lr = vs.get_variable("learning_rate", [], trainable=False,
                                     initializer=init_ops.constant_initializer(learning_rate))
            else:
                raise ValueError("Learning rate should be 0d Tensor or float. Got "
                                 f"{learning_rate} of type {type(learning_rate)}")
        if summaries is None:
            summaries = ["loss", "learning_rate", "global_gradient_norm"]
        for summary in summaries:
            if summary not in OPTIMIZER_SUMMARIES:
                raise ValueError(f"Summaries should be one of [{', '.join(OPTIMIZER_SUMMARIES)}]"
                                 f", you provided {summary}.")
        if learning_rate is not None and learning_rate_decay_fn is not None:
            if global_step is None:
                raise ValueError("global_step is required for learning_rate_decay_fn.")
            lr = learning_rate_decay_fn(lr, global_step)
            if "learning_rate" in summaries:
                summary_ops.scalar("learning_rate", lr)
        opt = _make_optimizer(optimizer, lr, learning_rate)
        if variables is None:
            variables = _trainable_variables()
        gradients = opt.compute_gradients(
            loss, variables, colocate_gradients_with_ops=colocate_gradients_with_ops)
        if gradient_multipliers is not None:
            gradients = _multiply_gradients(gradients, gradient_multipliers)
            if not gradients:
                raise ValueError("Empty list of (gradient, var) pairs encountered. This is most "
                                 "likely to be caused by an improper value of "
                                 "gradient_multipliers.")
        norms = "global_gradient_norm" in summaries or "gradient_norm" in summaries
        if norms:
            summary_ops.scalar("global_norm/gradient_norm",
                               global_norm([g for g, _ in gradients]))
        if isinstance(clip_gradients, float):
            gradients = _clip_by_global_norm(gradients, clip_gradients)
        elif callable(clip_gradients):
            gradients = clip_gradients(gradients)
        elif clip_gradients is not None:
            raise ValueError(f"Unknown type {type(clip_gradients)} for clip_gradients")
        if "loss" in summaries:
            summary_ops.scalar("loss", loss)
        for gradient, variable in gradients:
            values = gradient.values if isinstance(gradient, IndexedSlices) else gradient
            if values is not None:
                var_name = variable.name.replace(":", "_")
                if "gradients" in summaries:
                    summary_ops.histogram(f"gradients/{var_name}", values)
                if "gradient_norm" in summaries:
                    summary_ops.scalar(f"gradient_norm/{var_name}", global_norm([values]))
        if clip_gradients is not None and norms:
            summary_ops.scalar("global_norm/clipped_gradient_norm",
                               global_norm([g for g, _ in gradients]))
        grad_updates = opt.apply_gradients(
            gradients, global_step=global_step if increment_global_step else None,
            name="train")
        return control_flow_ops.with_dependencies([grad_updates], loss)


def _trainable_variables():
    return variables.trainable_variables()
