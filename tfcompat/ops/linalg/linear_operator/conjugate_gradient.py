"""``tf.linalg.experimental.conjugate_gradient``: the (preconditioned) conjugate gradient
method for a self-adjoint positive-definite LinearOperator, as a ``tf.while_loop``."""

from __future__ import annotations

import collections

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.array_extra_ops import broadcast_dynamic_shape
from tfcompat.ops.linalg.linalg_impl import norm
from tfcompat.ops.linalg.linear_operator.util import matmul
from tfcompat.ops.while_loop_v1 import while_loop

CGState = collections.namedtuple("CGState", ["i", "x", "r", "p", "gamma"])


def _dot(x, y):
    """The inner products ``x^H y`` over the last axis."""
    return array_ops.squeeze(
        matmul(array_ops.expand_dims(x, -1), array_ops.expand_dims(y, -1),
                        adjoint_a=True), [-1, -2])


def conjugate_gradient(operator, rhs, preconditioner=None, x=None, tol=1e-5, max_iter=20,
                       name="conjugate_gradient"):
    """Solves ``operator @ x = rhs`` for self-adjoint positive-definite ``operator``.

    Iterates until every batch member's residual norm is at most ``tol * ||rhs||`` or
    ``max_iter`` steps ran. Returns ``CGState(i, x, r, p, gamma)``: the step count, the
    solution, the residual, the search direction and ``r^H M^-1 r``."""
    if not (operator.is_self_adjoint and operator.is_positive_definite):
        raise ValueError("Expected a self-adjoint, positive definite operator.")

    def apply_preconditioner(r):
        return r if preconditioner is None else preconditioner.matvec(r)

    with ops.name_scope(name):
        rhs = convert_to_tensor(rhs, name="rhs")
        batch = broadcast_dynamic_shape(array_ops.shape(rhs)[:-1],
                                        operator.batch_shape_tensor())
        if preconditioner is not None:
            batch = broadcast_dynamic_shape(batch, preconditioner.batch_shape_tensor())
        rhs_shape = array_ops.concat([batch, array_ops.shape(rhs)[-1:]], 0)
        r0 = array_ops.broadcast_to(rhs, rhs_shape)
        tolerance = tol * norm(r0, axis=-1)
        if x is None:
            x = array_ops.zeros(rhs_shape, dtype=rhs.dtype.base_dtype)
        else:
            x = convert_to_tensor(x, name="x")
            r0 = rhs - operator.matvec(x)
        p0 = apply_preconditioner(r0)
        state = CGState(i=convert_to_tensor(0, dtype=dtypes.int32), x=x, r=r0, p=p0,
                        gamma=_dot(r0, p0))

        def keep_going(i, state):
            unconverged = math_ops.reduce_any(norm(state.r, axis=-1) > tolerance)
            return math_ops.logical_and(i < max_iter, unconverged)

        def step(i, state):
            z = operator.matvec(state.p)
            alpha = state.gamma / _dot(state.p, z)
            x = state.x + array_ops.expand_dims(alpha, -1) * state.p
            r = state.r - array_ops.expand_dims(alpha, -1) * z
            q = apply_preconditioner(r)
            gamma = _dot(r, q)
            p = q + array_ops.expand_dims(gamma / state.gamma, -1) * state.p
            return i + 1, CGState(i + 1, x, r, p, gamma)

        _, state = while_loop(keep_going, step, [state.i, state])
        return CGState(state.i, x=state.x, r=state.r, p=state.p, gamma=state.gamma)
