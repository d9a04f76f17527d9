"""Undoing broadcasting in gradients: the one place binary-op gradients reduce to input shapes."""

from __future__ import annotations

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
    return _sum_to_shape(grad, reduce_x, shape_x, keepdims=False)


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


def binary_op_grads(op, grad: Tensor, gx, gy, skip_equal_shapes: bool = False):
    """Gradients of a broadcasting binary op: ``gx``/``gy`` summed over the axes along which x
    and y were broadcast, then reshaped to their shapes, as TF 2.21 builds it.

    Both gradients are built first (``gx``/``gy`` may be callables). With
    ``skip_equal_shapes`` (Add, Sub, Mul, SquaredDifference) inputs of one fully known shape
    add nothing more; otherwise the shapes of x and y follow (``Shape``/``Shape_1``: Consts
    when fully known). Where the static shapes decide every axis, each input that was
    broadcast is summed (kept dims) over constant reduction indices and reshaped; else a
    ``BroadcastGradientArgs`` gives both inputs' indices and both are summed and reshaped.
    (Not reproduced: where an input with a dimension of 1 meets a lower-rank one, as [1, 4]
    and [4], TF's graph also holds an unused ``Sum/reduction_indices`` Const.)
    """
    from tfcompat.ops import array_ops  # cycle: math_ops imports this module
    x, y = op.inputs
    gx = gx() if callable(gx) else gx
    gy = gy() if callable(gy) else gy
    tx, ty = _shape_tuple(x), _shape_tuple(y)
    if skip_equal_shapes and tx is not None and tx == ty and None not in tx:
        return gx, gy
    sx, sy = array_ops.shape(x), array_ops.shape(y)
    static = _static_reduction_axes(tx, ty)
    if static is None:
        rx, ry = array_ops.broadcast_gradient_args(sx, sy)
        reduce_x = reduce_y = True
    else:
        rx, ry = static
        reduce_x, reduce_y = bool(rx), bool(ry)
    if gx is not None and reduce_x:
        gx = _sum_to_shape(gx, rx, sx)
    if gy is not None and reduce_y:
        gy = _sum_to_shape(gy, ry, sy)
    return gx, gy


def _sum_to_shape(grad: Tensor, axes, shape: Tensor, keepdims: bool = True) -> Tensor:
    """``grad`` summed over ``axes`` and reshaped to ``shape`` (TF keeps the dims in its
    broadcast gradients, not in the older shapes-first form)."""
    from tfcompat.ops import array_ops, math_ops  # cycle: math_ops imports this module
    return array_ops.reshape(math_ops.reduce_sum(grad, axes, keepdims=keepdims), shape)


def _static_reduction_axes(tx, ty) -> tuple[list[int], list[int]] | None:
    """The axes along which x and y were broadcast, when the static shapes decide every axis
    (a dimension of 1 or a missing leading one against another), else None (an unknown
    dimension against one other than 1)."""
    if tx is None or ty is None:
        return None
    rank = max(len(tx), len(ty))
    rx: list[int] = []
    ry: list[int] = []
    for axis in range(rank):
        i, j = axis - (rank - len(tx)), axis - (rank - len(ty))
        if i < 0 or j < 0:  # the lower-rank input was broadcast along a leading axis
            (rx if i < 0 else ry).append(axis)
            continue
        dx, dy = tx[i], ty[j]
        if dx == 1 and dy != 1:
            rx.append(axis)
        elif dy == 1 and dx != 1:
            ry.append(axis)
        elif dx is None or dy is None:
            return None
    return rx, ry


def shapes_first_grads(op, grad: Tensor, partials):
    """TF's older binary-gradient form (Xlogy, Xdivy, Xlog1py): the shapes and
    ``BroadcastGradientArgs`` first, whatever the static shapes, then ``partials()`` (the two
    partial derivatives), each times ``grad`` summed over its reduction indices and reshaped."""
    from tfcompat.ops import array_ops  # cycle: math_ops imports this module
    x, y = op.inputs
    sx, sy = array_ops.shape(x), array_ops.shape(y)
    rx, ry = array_ops.broadcast_gradient_args(sx, sy)
    px, py = partials()
    return (_sum_to_shape(px * grad, rx, sx, keepdims=False),
            _sum_to_shape(py * grad, ry, sy, keepdims=False))


def sum_to_input_shape(partial: Tensor, x: Tensor, output: Tensor) -> Tensor:
    """``partial`` (shaped like the op's ``output``) summed over the axes along which ``x`` was
    broadcast to the output's shape, and reshaped to x's (SelectV2's form: each input against
    the output): static reduction indices where the shapes decide, else
    ``BroadcastGradientArgs``."""
    from tfcompat.ops import array_ops  # cycle: math_ops imports this module
    sx, sg = array_ops.shape(x), array_ops.shape(output)
    static = _static_reduction_axes(_shape_tuple(x), _shape_tuple(output))
    if static is None:
        return _sum_to_shape(partial, array_ops.broadcast_gradient_args(sx, sg)[0], sx)
    return _sum_to_shape(partial, static[0], sx) if static[0] else partial
