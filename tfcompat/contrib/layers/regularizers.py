"""``tf.contrib.layers`` regularizers: functions ``weights -> scalar penalty``, as in TF 1.15.

``l1_regularizer(scale)(w)`` is ``scale * sum(|w|)`` and ``l2_regularizer(scale)(w)`` is
``scale * l2_loss(w) = scale * sum(w ** 2) / 2``, each built under a name scope of the
regularizer's name with the op itself carrying that name. A scale of 0 gives a regularizer
returning None (no penalty); an integer or negative scale is a ValueError.
"""

from __future__ import annotations

import numbers

from tfcompat.framework import ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import constant_op, math_ops, nn_ops
from tfcompat.platform import tf_logging as logging

__all__ = ["apply_regularization", "l1_l2_regularizer", "l1_regularizer", "l2_regularizer",
           "sum_regularizer"]


def _checked_scale(scale) -> bool:
    """False when the scale disables the regularizer."""
    if isinstance(scale, numbers.Integral):
        raise ValueError(f"scale cannot be an integer: {scale}")
    if isinstance(scale, numbers.Real):
        if scale < 0.0:
            raise ValueError(f"Setting a scale less than 0 on a regularizer: {scale:g}")
        if scale == 0.0:
            logging.info("Scale of 0 disables regularizer.")
            return False
    return True


def _scaled_penalty(scale, scope, default_name, penalty):
    if not _checked_scale(scale):
        return lambda _: None

    def regularizer(weights):
        with ops.name_scope(scope, default_name, [weights]) as name:
            my_scale = ops.convert_to_tensor(scale, dtype=weights.dtype.base_dtype,
                                             name="scale")
            return math_ops.multiply(my_scale, penalty(weights), name=name)

    return regularizer


def l1_regularizer(scale, scope=None):
    """``weights -> scale * reduce_sum(abs(weights))``."""
    return _scaled_penalty(scale, scope, "l1_regularizer",
                           lambda w: math_ops.reduce_sum(math_ops.abs(w)))


def l2_regularizer(scale, scope=None):
    """``weights -> scale * l2_loss(weights)`` (half the sum of squares)."""
    return _scaled_penalty(scale, scope, "l2_regularizer", nn_ops.l2_loss)


def sum_regularizer(regularizer_list, scope=None):
    """The sum of several regularizers' penalties (None ones skipped); None if the list is
    empty."""
    regularizers = [r for r in regularizer_list if r]
    if not regularizers:
        return None

    def summed(weights):
        with ops.name_scope(scope, "sum_regularizer", [weights]) as name:
            penalties = [p for p in (r(weights) for r in regularizers) if p is not None]
            return math_ops.add_n(penalties, name=name)

    return summed


def l1_l2_regularizer(scale_l1=1.0, scale_l2=1.0, scope=None):
    """``l1_regularizer(scale_l1) + l2_regularizer(scale_l2)``."""
    if isinstance(scale_l1, numbers.Real) and isinstance(scale_l2, numbers.Real) and \
            not isinstance(scale_l1, numbers.Integral) and \
            not isinstance(scale_l2, numbers.Integral) and scale_l1 == 0 and scale_l2 == 0:
        logging.info("Scale of 0 disables regularizer.")
        return lambda _: None
    return sum_regularizer([l1_regularizer(scale_l1), l2_regularizer(scale_l2)],
                           scope=scope or "l1_l2_regularizer")


def apply_regularization(regularizer, weights_list=None):
    """Sums ``regularizer(w)`` over ``weights_list`` (default: the WEIGHTS collection), adds
    the sum to REGULARIZATION_LOSSES and returns it."""
    if not weights_list:
        weights_list = ops.get_default_graph().get_collection(GraphKeys.WEIGHTS)
    if not weights_list:
        raise ValueError("No weights to regularize.")
    with ops.name_scope("get_regularization_penalty", values=weights_list) as scope:
        penalties = [regularizer(w) for w in weights_list]
        penalties = [p if p is not None else constant_op.constant(0.0) for p in penalties]
        for p in penalties:
            if p.get_shape().ndims != 0:
                raise ValueError("regularizer must return a scalar Tensor instead of a Tensor "
                                 f"with rank {p.get_shape().ndims}.")
        summed = math_ops.add_n(penalties, name=scope)
        ops.get_default_graph().add_to_collection(GraphKeys.REGULARIZATION_LOSSES, summed)
        return summed
