"""Fused optimizer update ops (ApplyGradientDescent, ApplyMomentum, ApplyAdam...).

Each reads the variable from the session state, computes the new value (and slot values) with
numpy, and stores new arrays; the output is the updated variable (a reference tensor).
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors
from tfcompat.framework.op_registry import no_gradient, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.ops.state_ops import variable_op_name


def _ref_shape(op):
    var = op.inputs[0]
    for t in op.inputs[1:]:
        if t.dtype.is_ref_dtype and not t.shape.is_compatible_with(var.shape):
            raise ShapeError(f"Shapes must be equal rank, but are {var.shape.ndims} and "
                             f"{t.shape.ndims}")
    return [(var.dtype, var.shape)]


def _read(variables, name):
    try:
        return variables[name]
    except KeyError:
        raise errors.FailedPreconditionError(
            None, None, f"Attempting to use uninitialized value {name}") from None


def register_apply_op(op_type: str, inputs: tuple[str, ...], update) -> None:
    """Registers an Apply* op; ``update(values...)`` returns the new values of the ref inputs.

    ``inputs`` lists ``"name: &T"`` refs first (the variable, then slots), then plain inputs.
    """
    ref_count = sum(1 for spec in inputs if "&" in spec)

    def bind(op, state):
        variables = state.variables
        names = [variable_op_name(t) for t in op.inputs[:ref_count]]

        def kernel(*plain):
            current = [_read(variables, n) for n in names]
            grad = np.asarray(plain[-1])
            if np.shape(grad) != np.shape(current[0]):
                raise errors.InvalidArgumentError(
                    None, None, f"var and grad do not have the same shape"
                    f"{list(np.shape(current[0]))} {list(np.shape(grad))}")
            new_values = update(*current, *plain)
            dtype = np.asarray(current[0]).dtype
            for n, value in zip(names, new_values):
                variables[n] = np.asarray(value).astype(dtype, copy=False)
            return variables[names[0]]
        return kernel

    register_op(op_type, inputs=inputs, shape_fn=_ref_shape, bind=bind, stateful=True,
                attr_defaults={"use_locking": False})
    no_gradient(op_type)


register_apply_op("ApplyGradientDescent", ("var: &T", "alpha: T", "delta: T"),
                  lambda var, alpha, delta: (var - alpha * delta,))


def apply_gradient_descent(var, alpha, delta, use_locking=False, name=None):
    return apply_op("ApplyGradientDescent", [var._ref(), alpha, delta], name=name,
                    attrs={"use_locking": use_locking})
