"""``tf.losses.mean_pairwise_squared_error``: for each batch row, the mean over all pairs of
elements of the squared difference between the pairwise differences of ``predictions`` and of
``labels`` — a loss invariant to a constant shift of a row — weighted per row and summed."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys, Tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.losses_impl import (
    _control_dependencies,
    _require_arguments,
    add_loss,
    assert_broadcastable,
    broadcast_weights,
)


def _non_batch_axes(t: Tensor) -> Tensor:
    return math_ops.range(1, array_ops.rank(t))


def _num_present_per_batch(losses: Tensor, weights: Tensor) -> Tensor:
    """Per batch row (keeping dims), how many elements have a non-zero broadcast weight."""
    with ops.name_scope(None, "num_present", (losses, weights)) as scope:
        weights = math_ops.cast(weights, dtypes.float32)
        present = math_ops.where(math_ops.equal(weights, 0.0), array_ops.zeros_like(weights),
                                 array_ops.ones_like(weights))
        present = broadcast_weights(present, losses)
        return math_ops.reduce_sum(present, axis=_non_batch_axes(present), keepdims=True,
                                   name=scope)


def mean_pairwise_squared_error(labels, predictions, weights=1.0, scope=None,
                                loss_collection=GraphKeys.LOSSES) -> Tensor:
    """Adds a pairwise-errors-squared loss to the training procedure.

    With ``d = predictions - labels`` per row of n present elements, the row's loss is
    ``2 * sum(d**2) / (n - 1) - 2 * sum(d)**2 / (n * (n - 1))``, i.e. the mean over pairs
    (i, j) of ``((p_i - p_j) - (l_i - l_j))**2``; ``weights`` is a scalar or broadcasts per row
    (shape ``[batch_size]`` or ``[batch_size, 1, ...]``). Returns the weighted sum as a scalar
    (0 when no element is present) and adds it to ``loss_collection``.
    """
    _require_arguments(labels=labels, predictions=predictions)
    with ops.name_scope(scope, "mean_pairwise_squared_error",
                        (predictions, labels, weights)) as scope:
        weights = math_ops.cast(weights, dtypes.float32)
        labels = math_ops.cast(labels, dtypes.float32)
        with _control_dependencies(assert_broadcastable(weights, labels)):
            predictions = math_ops.cast(predictions, dtypes.float32)
            predictions.shape.assert_is_compatible_with(labels.shape)
            diffs = math_ops.subtract(predictions, labels)
            axis = _non_batch_axes(diffs)
            sum_squares = math_ops.reduce_sum(math_ops.square(diffs), axis=axis, keepdims=True)
            num_present = _num_present_per_batch(diffs, weights)
            term1 = 2.0 * math_ops.div_no_nan(
                sum_squares, math_ops.maximum(num_present - 1, 0), name="value")
            sum_diff = math_ops.reduce_sum(diffs, axis=axis, keepdims=True)
            term2 = 2.0 * math_ops.div_no_nan(
                math_ops.square(sum_diff),
                math_ops.maximum(math_ops.multiply(num_present, num_present - 1), 0),
                name="value")
            weighted = math_ops.multiply(term1 - term2, weights)
            loss = math_ops.reduce_sum(weighted)
            mean_loss = math_ops.where(math_ops.reduce_sum(num_present) > 0, loss,
                                       array_ops.zeros_like(loss), name="value")
            add_loss(mean_loss, loss_collection)
            return mean_loss
