"""``tf.hessians``: the second derivatives of sum(ys), built from ``tf.gradients`` twice."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.ops import array_ops
from tfcompat.ops.gradients_impl import gradients


def hessians(ys, xs, name="hessians", colocate_gradients_with_ops=False, gate_gradients=False,
             aggregation_method=None) -> list:
    """The Hessian of sum(ys) w.r.t. each x, shaped ``x.shape + x.shape`` (``tf.hessians``).

    TF builds a while_loop over the gradient's elements; tfcompat unrolls it, which needs x's
    number of elements to be known when the graph is built.
    """
    xs = list(xs) if isinstance(xs, (list, tuple)) else [xs]
    kwargs = {"colocate_gradients_with_ops": colocate_gradients_with_ops,
              "gate_gradients": gate_gradients, "aggregation_method": aggregation_method}
    first = gradients(ys, xs, **kwargs)
    result = []
    for gradient, x in zip(first, xs):
        x = ops.convert_to_tensor(x)
        n = x.shape.num_elements()
        if n is None:
            raise ValueError(f"tfcompat.hessians needs a fully defined shape for {x}, got "
                             f"{x.shape}")
        gradient = array_ops.reshape(gradient, [-1])
        rows = []
        for j in range(n):
            row = gradients(gradient[j], x, **kwargs)[0]
            rows.append(array_ops.zeros_like(x) if row is None else row)
        stacked = array_ops.stack(rows)
        shape = array_ops.shape(x)
        result.append(array_ops.reshape(stacked, array_ops.concat((shape, shape), 0)))
    del name
    return result
