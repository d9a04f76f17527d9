"""Undoing broadcasting in gradients: the one place binary-op gradients reduce to input shapes."""

from __future__ import annotations

import functools

from tfcompat.framework.ops import Tensor


def _shape_tuple(t: Tensor):
    return t.shape.as_tuple()


def reduce_to_shape_of(grad: Tensor | None, x: Tensor) -> Tensor | None:
    """Sums ``grad`` over the dimensions along which ``x`` was broadcast, then reshapes to x.

    Uses static shapes when both are fully known (no ops when nothing was broadcast);
    otherwise builds Shape/BroadcastGradientArgs/Sum/Reshape ops, so it works for unknown
    dimensions and stays differentiable.
    """
    if grad is None:
        return None
    from tfcompat.ops import array_ops  # cycle: math_ops imports this module

    sx, sg = x.shape, grad.shape
    if sx.is_fully_defined() and sg.is_fully_defined():
        return _reduce_static(grad, sx.as_tuple(), sg.as_tuple())
    shape_x = array_ops.shape(x)
    reduce_x, _ = array_ops.broadcast_gradient_args(shape_x, array_ops.shape(grad))
    return _reduce_dynamic(grad, shape_x, reduce_x)


def _reduce_static(grad: Tensor, dims_x: tuple, dims_g: tuple) -> Tensor:
    from tfcompat.ops import array_ops, math_ops  # cycle: math_ops imports this module
    if dims_x == dims_g:
        return grad
    lead = len(dims_g) - len(dims_x)
    axes = list(range(lead)) + [lead + i for i, d in enumerate(dims_x)
                                if d == 1 and dims_g[lead + i] != 1]
    summed = math_ops.reduce_sum(grad, axes) if axes else grad
    if summed.shape.as_tuple() != dims_x:
        summed = array_ops.reshape(summed, list(dims_x))
    return summed


def _reduce_dynamic(grad: Tensor, shape_x: Tensor, reduce_x: Tensor) -> Tensor:
    from tfcompat.ops import array_ops, math_ops  # cycle: math_ops imports this module
    return array_ops.reshape(math_ops.reduce_sum(grad, reduce_x), shape_x)


def binary_op_grads(op, grad: Tensor, gx, gy):
    """Gradients of a broadcasting binary op: ``gx``/``gy`` reduced to the shapes of x and y.

    As TF does, nothing is reduced when x and y have the same fully known shape, and an input
    whose static shape equals the incoming gradient's is passed through unreduced. ``gx`` and
    ``gy`` may be callables, built only when needed.
    """
    from tfcompat.ops import array_ops  # cycle: math_ops imports this module
    x, y = op.inputs
    tx, ty = _shape_tuple(x), _shape_tuple(y)
    tg = _shape_tuple(grad) if isinstance(grad, Tensor) else None
    same = tx is not None and tx == ty and None not in tx
    must_reduce_x = not same and (tx is None or tx != tg)
    must_reduce_y = not same and (ty is None or ty != tg)
    if (must_reduce_x or must_reduce_y) and not (
            x.shape.is_fully_defined() and y.shape.is_fully_defined() and tg is not None
            and None not in tg):
        sx, sy = array_ops.shape(x), array_ops.shape(y)
        rx, ry = array_ops.broadcast_gradient_args(sx, sy)
        reduce_x = functools.partial(_reduce_dynamic, shape_x=sx, reduce_x=rx)
        reduce_y = functools.partial(_reduce_dynamic, shape_x=sy, reduce_x=ry)
    else:
        reduce_x = functools.partial(_reduce_static, dims_x=tx, dims_g=tg)
        reduce_y = functools.partial(_reduce_static, dims_x=ty, dims_g=tg)
    gx = gx() if callable(gx) else gx
    if gx is not None and must_reduce_x:
        gx = reduce_x(gx)
    gy = gy() if callable(gy) else gy
    if gy is not None and must_reduce_y:
        gy = reduce_y(gy)
    return gx, gy
