"""Function wrappers about gradients and mapping: ``tf.grad_pass_through``,
``tf.recompute_grad`` and ``tf.vectorized_map``."""

from __future__ import annotations

import functools

from tfcompat.framework import nest, ops
from tfcompat.ops.custom_gradient import custom_gradient
from tfcompat.ops.functional_ops import map_fn


def grad_pass_through(f):
    """Wraps ``f`` so its forward value is ``f(x)`` but its gradient is the identity: the
    incoming gradient passes to ``x`` unchanged (a straight-through estimator)."""

    @custom_gradient
    def _grad_pass_through_op(*args):
        def grad(*dys):
            return dys if len(dys) != 1 else dys[0]
        return f(*args), grad

    return functools.wraps(f)(_grad_pass_through_op)


def recompute_grad(f):
    """Marks ``f`` as a recompute checkpoint. TF recomputes ``f``'s forward pass during
    backprop to save memory; tfcompat's executor keeps what a run needs anyway, so the
    wrapper calls ``f`` and backpropagates through it as usual (same values and gradients,
    variables inside ``f`` included)."""

    @functools.wraps(f)
    def inner(*args, **kwargs):
        return f(*args, **kwargs)

    return inner


def vectorized_map(fn, elems, fallback_to_while_loop=True, warn=True):
    """``fn`` applied to each slice of ``elems`` along dimension 0, results stacked. TF
    vectorizes ``fn`` (pfor); tfcompat runs it as ``tf.map_fn`` (one while loop), whose values
    and shapes are the same, with the output structure and dtypes taken from a trace of ``fn``
    on the first slices."""
    del fallback_to_while_loop, warn
    with ops.name_scope("vectorized_map_signature"):
        first = nest.map_structure(lambda t: ops.convert_to_tensor(t)[0], elems)
        sample = fn(first)
    signature = nest.map_structure(lambda t: ops.convert_to_tensor(t).dtype, sample)
    return map_fn(fn, elems, fn_output_signature=signature)
