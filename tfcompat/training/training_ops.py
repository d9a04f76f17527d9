"""Fused optimizer update ops (ApplyGradientDescent, ApplyMomentum, ApplyAdam...).

Each reads the variable and its slots from the session state, computes their new values with
numpy, and stores new arrays; the output is the updated variable (a reference tensor).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tfcompat.framework import errors
from tfcompat.framework.op_registry import no_gradient, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.ops.state_ops import read_variable, variable_op_name, variables_locked
from tfcompat.training import training_rules_inplace as inplace_rules


def _ref_shape(op):
    var = op.inputs[0]
    for t in op.inputs[1:]:
        if t.dtype.is_ref_dtype and not t.shape.is_compatible_with(var.shape):
            raise ShapeError(f"Shapes must be equal rank, but are {var.shape.ndims} and "
                             f"{t.shape.ndims}")
    return [(var.dtype, var.shape)]


def register_apply_op(op_type: str, inputs: tuple[str, ...], update: Callable,
                      attrs: tuple[str, ...] = (), attr_defaults: dict | None = None,
                      inplace: Callable | None = None) -> None:
    """Registers an Apply* op.

    ``inputs`` lists ``"name: &T"`` reference inputs (the variable, then its slots) before the
    plain inputs, one of which is the gradient (``grad`` or ``delta``). ``update(*refs, *plain,
    **attrs)`` returns the new values of the reference inputs, in order. ``inplace`` is the same
    rule writing its intermediates into its own buffers (``training_rules_inplace``), used
    whenever the values fit it.
    """
    names = [spec.split(":")[0].strip() for spec in inputs]
    ref_count = sum(1 for spec in inputs if "&" in spec)
    grad_index = next(i for i, n in enumerate(names) if n in ("grad", "delta")) - ref_count

    def bind(op, state):
        variables = state.variables
        refs = [variable_op_name(t) for t in op.inputs[:ref_count]]
        kwargs = {a: op._attrs[a] for a in attrs}
        locked = variables_locked(state, refs)

        def kernel(*plain):
            # The variable and its slots are updated as one.
            with locked:
                try:
                    current = [variables[n] for n in refs]
                except KeyError:
                    current = [read_variable(variables, n) for n in refs]  # names the missing one
                var = current[0]
                if type(var) is not np.ndarray:
                    var = np.asarray(var)
                grad = plain[grad_index]
                if getattr(grad, "shape", None) != var.shape and np.shape(grad) != var.shape:
                    raise errors.InvalidArgumentError(
                        None, None, f"var and grad do not have the same shape"
                        f"{list(var.shape)} {list(np.shape(grad))}")
                dtype = var.dtype
                if inplace is not None and inplace_rules.fits_inplace(current, plain, grad_index):
                    new_values = inplace(*current, *plain, **kwargs)
                else:
                    new_values = update(*current, *plain, **kwargs)
                for n, value in zip(refs, new_values):
                    # A 0-d update gives a numpy scalar; an array of the dtype is stored as is.
                    if type(value) is not np.ndarray or value.dtype != dtype:
                        value = np.asarray(value).astype(dtype, copy=False)
                    variables[n] = value
                return variables[refs[0]]
        return kernel

    defaults = {"use_locking": False}
    defaults.update(attr_defaults or {})
    register_op(op_type, inputs=inputs, shape_fn=_ref_shape, bind=bind, stateful=True,
                attr_defaults=defaults)
    no_gradient(op_type)


def _gradient_descent(var, alpha, delta):
    return (var - alpha * delta,)


def _momentum(var, accum, lr, grad, momentum, use_nesterov):
    accum = accum * momentum + grad
    if use_nesterov:
        return var - (grad * lr + accum * momentum * lr), accum
    return var - lr * accum, accum


def _adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad, use_nesterov):
    lr_t = lr * np.sqrt(1 - beta2_power) / (1 - beta1_power)
    m = m + (grad - m) * (1 - beta1)
    v = v + (grad * grad - v) * (1 - beta2)
    if use_nesterov:
        step = (m * beta1 + (1 - beta1) * grad) * lr_t / (np.sqrt(v) + epsilon)
    else:
        step = m * lr_t / (np.sqrt(v) + epsilon)
    return var - step, m, v


def _adagrad(var, accum, lr, grad, update_slots):
    if update_slots:
        accum = accum + grad * grad
    return var - lr * grad / np.sqrt(accum), accum


def _rmsprop(var, ms, mom, lr, rho, momentum, epsilon, grad):
    ms = ms + (grad * grad - ms) * (1 - rho)
    mom = mom * momentum + lr * grad / np.sqrt(ms + epsilon)
    return var - mom, ms, mom


def _centered_rmsprop(var, mg, ms, mom, lr, rho, momentum, epsilon, grad):
    mg = mg + (grad - mg) * (1 - rho)
    ms = ms + (grad * grad - ms) * (1 - rho)
    mom = mom * momentum + lr * grad / np.sqrt(ms - mg * mg + epsilon)
    return var - mom, mg, ms, mom


def _adadelta(var, accum, accum_update, lr, rho, epsilon, grad):
    accum = accum * rho + grad * grad * (1 - rho)
    update = np.sqrt(accum_update + epsilon) / np.sqrt(accum + epsilon) * grad
    accum_update = accum_update * rho + update * update * (1 - rho)
    return var - update * lr, accum, accum_update


register_apply_op("ApplyGradientDescent", ("var: &T", "alpha: T", "delta: T"), _gradient_descent,
                  inplace=inplace_rules.gradient_descent)
register_apply_op("ApplyMomentum", ("var: &T", "accum: &T", "lr: T", "grad: T", "momentum: T"),
                  _momentum, attrs=("use_nesterov",), attr_defaults={"use_nesterov": False},
                  inplace=inplace_rules.momentum)
register_apply_op("ApplyAdam", ("var: &T", "m: &T", "v: &T", "beta1_power: T", "beta2_power: T",
                                "lr: T", "beta1: T", "beta2: T", "epsilon: T", "grad: T"),
                  _adam, attrs=("use_nesterov",), attr_defaults={"use_nesterov": False},
                  inplace=inplace_rules.adam)
register_apply_op("ApplyAdagrad", ("var: &T", "accum: &T", "lr: T", "grad: T"), _adagrad,
                  attrs=("update_slots",), attr_defaults={"update_slots": True},
                  inplace=inplace_rules.adagrad)
register_apply_op("ApplyRMSProp", ("var: &T", "ms: &T", "mom: &T", "lr: T", "rho: T",
                                   "momentum: T", "epsilon: T", "grad: T"), _rmsprop,
                  inplace=inplace_rules.rmsprop)
register_apply_op("ApplyCenteredRMSProp", ("var: &T", "mg: &T", "ms: &T", "mom: &T", "lr: T",
                                           "rho: T", "momentum: T", "epsilon: T", "grad: T"),
                  _centered_rmsprop)
register_apply_op("ApplyAdadelta", ("var: &T", "accum: &T", "accum_update: &T", "lr: T",
                                    "rho: T", "epsilon: T", "grad: T"), _adadelta)


def _l1_shrink(prox, threshold, denominator):
    """``sign(prox) * max(|prox| - threshold, 0) / denominator`` (the proximal L1/L2 step)."""
    return np.sign(prox) * np.maximum(np.abs(prox) - threshold, 0) / denominator


def _proximal_gradient_descent(var, alpha, l1, l2, delta):
    return (_l1_shrink(var - alpha * delta, alpha * l1, 1 + alpha * l2),)


def _proximal_adagrad(var, accum, lr, l1, l2, grad):
    accum = accum + grad * grad
    rate = lr / np.sqrt(accum)
    return _l1_shrink(var - rate * grad, rate * l1, 1 + rate * l2), accum


def _ftrl_step(var, accum, linear, grad, shrunk_grad, lr, l1, l2, lr_power, by_lr):
    accum_new = accum + grad * grad
    sigma = accum_new ** -lr_power - accum ** -lr_power
    if by_lr:
        linear = linear + shrunk_grad * lr - sigma * var
        quadratic = accum_new ** -lr_power + 2 * l2 * lr
        l1 = l1 * lr
    else:
        linear = linear + shrunk_grad - sigma / lr * var
        quadratic = accum_new ** -lr_power / lr + 2 * l2
    var = np.where(np.abs(linear) > l1, (np.sign(linear) * l1 - linear) / quadratic, 0)
    return var, accum_new, linear


def _ftrl(var, accum, linear, grad, lr, l1, l2, lr_power, multiply_linear_by_lr):
    return _ftrl_step(var, accum, linear, grad, grad, lr, l1, l2, lr_power,
                      multiply_linear_by_lr)


def _ftrl_v2(var, accum, linear, grad, lr, l1, l2, l2_shrinkage, lr_power,
             multiply_linear_by_lr):
    shrunk = grad + 2 * l2_shrinkage * var
    return _ftrl_step(var, accum, linear, grad, shrunk, lr, l1, l2, lr_power,
                      multiply_linear_by_lr)


def _adagrad_da(var, g_acc, gg_acc, grad, lr, l1, l2, global_step):
    g_acc = g_acc + grad
    gg_acc = gg_acc + grad * grad
    denominator = l2 * global_step * lr + np.sqrt(gg_acc)
    var = _l1_shrink(-g_acc, l1 * global_step, 1) * lr / denominator
    return var, g_acc, gg_acc


_FTRL_ATTRS = {"attrs": ("multiply_linear_by_lr",),
               "attr_defaults": {"multiply_linear_by_lr": False}}
register_apply_op("ApplyProximalGradientDescent",
                  ("var: &T", "alpha: T", "l1: T", "l2: T", "delta: T"),
                  _proximal_gradient_descent)
register_apply_op("ApplyProximalAdagrad",
                  ("var: &T", "accum: &T", "lr: T", "l1: T", "l2: T", "grad: T"),
                  _proximal_adagrad)
register_apply_op("ApplyFtrl", ("var: &T", "accum: &T", "linear: &T", "grad: T", "lr: T",
                                "l1: T", "l2: T", "lr_power: T"), _ftrl, **_FTRL_ATTRS)
register_apply_op("ApplyFtrlV2", ("var: &T", "accum: &T", "linear: &T", "grad: T", "lr: T",
                                  "l1: T", "l2: T", "l2_shrinkage: T", "lr_power: T"),
                  _ftrl_v2, **_FTRL_ATTRS)
register_apply_op("ApplyAdagradDA", ("var: &T", "gradient_accumulator: &T",
                                     "gradient_squared_accumulator: &T", "grad: T", "lr: T",
                                     "l1: T", "l2: T", "global_step: int64"), _adagrad_da)

# Dense op type -> (update rule, number of reference inputs, attr defaults besides
# use_locking): the SparseApply* ops (training_ops_sparse) apply these rules row-wise.
DENSE_RULES: dict[str, tuple[Callable, int, dict]] = {
    "ApplyMomentum": (_momentum, 2, {"use_nesterov": False}),
    "ApplyAdagrad": (_adagrad, 2, {"update_slots": True}),
    "ApplyRMSProp": (_rmsprop, 3, {}),
    "ApplyCenteredRMSProp": (_centered_rmsprop, 4, {}),
    "ApplyAdadelta": (_adadelta, 3, {}),
    "ApplyProximalGradientDescent": (_proximal_gradient_descent, 1, {}),
    "ApplyProximalAdagrad": (_proximal_adagrad, 2, {}),
    "ApplyFtrl": (_ftrl, 3, {"multiply_linear_by_lr": False}),
    "ApplyFtrlV2": (_ftrl_v2, 3, {"multiply_linear_by_lr": False}),
    "ApplyAdagradDA": (_adagrad_da, 3, {}),
}


def apply(op_type: str, refs, plain, use_locking=False, name=None, **attrs):
    """Adds an Apply* op updating the variables ``refs`` from the tensors ``plain``."""
    return apply_op(op_type, [r._ref() for r in refs] + list(plain), name=name,
                    attrs={"use_locking": use_locking, **attrs})
