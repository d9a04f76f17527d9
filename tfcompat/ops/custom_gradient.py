"""``tf.custom_gradient`` in graph mode, and the IdentityN op it is built on.

The decorated function's outputs pass through an IdentityN op together with its inputs; a
gradient override on that op calls the user's gradient function, and returns None for the
outputs so nothing flows into the function's own ops.
"""

from __future__ import annotations

import functools
import itertools

from tfcompat.framework import nest, ops
from tfcompat.framework.op_registry import RegisterGradient, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor


def _identity_n_shape(op):
    return [(t.dtype.base_dtype, t.shape) for t in op.inputs]


register_op("IdentityN", inputs=("input: list(T)",), kernel=lambda *xs: tuple(xs),
            shape_fn=_identity_n_shape)


@RegisterGradient("IdentityN")
def _identity_n_grad(op, *grads):
    return list(grads)


def identity_n(inputs, name=None) -> list[Tensor]:
    """Returns a list of tensors with the same shapes and contents as ``inputs``."""
    result = apply_op("IdentityN", [list(inputs)], name=name)
    if isinstance(result, Tensor):
        return [result]
    return list(result)


_UIDS = itertools.count()


def custom_gradient(f=None):
    """Decorator giving a function of tensors a custom gradient.

    ``f(*x)`` returns ``(y, grad_fn)``; ``grad_fn(*dy)`` returns the gradients w.r.t. ``x``
    (one per input). Functions that create variables are not supported.
    """
    if f is None:
        return custom_gradient

    @functools.wraps(f)
    def decorated(*args, **kwargs):
        if kwargs:
            raise ValueError("The custom_gradient decorator currently supports keywords "
                             "arguments only when eager execution is enabled.")
        graph = ops.get_default_graph()
        args = [convert_to_tensor(x) for x in args]
        result, grad_fn = f(*args)
        flat_result = [convert_to_tensor(r) for r in nest.flatten(result)]
        name = f"CustomGradient-{next(_UIDS)}"

        @RegisterGradient(name)
        def internal_grad_fn(unused_op, *result_grads):
            input_grads = grad_fn(*result_grads[:len(flat_result)])
            input_grads = nest.flatten(input_grads) if isinstance(input_grads, (list, tuple)) \
                else [input_grads]
            if len(input_grads) != len(args):
                raise ValueError(f"custom_gradient function expected to return {len(args)} "
                                 f"gradients but returned {len(input_grads)} instead.")
            return [None] * len(flat_result) + input_grads

        with graph.gradient_override_map({"IdentityN": name}):
            all_tensors = identity_n(flat_result + args)
        return nest.pack_sequence_as(result, all_tensors[:len(flat_result)])

    return decorated
