"""Undoing broadcasting in gradients: the one place binary-op gradients reduce to input shapes."""

from __future__ import annotations

from tfcompat.framework.ops import Tensor


def reduce_to_shape_of(grad: Tensor | None, x: Tensor) -> Tensor | None:
    """Sums ``grad`` over the dimensions along which ``x`` was broadcast, then reshapes to x.

    Uses static shapes when both are fully known (no extra ops when nothing was broadcast);
    otherwise builds Shape/BroadcastGradientArgs/Sum/Reshape ops, so it works for unknown
    dimensions and stays differentiable.
    """
    if grad is None:
        return None
    from tfcompat.ops import array_ops, math_ops

    sx, sg = x.shape, grad.shape
    if sx.is_fully_defined() and sg.is_fully_defined():
        dims_x, dims_g = sx.as_tuple(), sg.as_tuple()
        if dims_x == dims_g:
            return grad
        lead = len(dims_g) - len(dims_x)
        axes = list(range(lead)) + [lead + i for i, d in enumerate(dims_x)
                                    if d == 1 and dims_g[lead + i] != 1]
        summed = math_ops.reduce_sum(grad, axes) if axes else grad
        if summed.shape.as_tuple() != dims_x:
            summed = array_ops.reshape(summed, list(dims_x))
        return summed
    shape_x = array_ops.shape(x)
    shape_g = array_ops.shape(grad)
    reduce_x, _ = array_ops.broadcast_gradient_args(shape_x, shape_g)
    return array_ops.reshape(math_ops.reduce_sum(grad, reduce_x), shape_x)
