"""``tf.contrib.seq2seq.sequence_loss``.

``sequence_loss(logits [batch, time, classes], targets [batch, time], weights [batch, time])``
is the weighted sparse softmax cross-entropy, averaged over time and/or batch (divided by the
summed weights + 1e-12) as the flags say; ``sum_over_timesteps``/``sum_over_batch`` are not
supported yet.
"""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.ops import array_ops, math_ops, nn_ops

__all__ = ["sequence_loss"]


def sequence_loss(logits, targets, weights, average_across_timesteps=True,
                  average_across_batch=True, sum_over_timesteps=False, sum_over_batch=False,
                  softmax_loss_function=None, name=None):
    """Weighted cross-entropy of a batch of sequences."""
    logits = ops.convert_to_tensor(logits)
    targets = ops.convert_to_tensor(targets)
    weights = ops.convert_to_tensor(weights)
    if logits.shape.ndims != 3:
        raise ValueError("Logits must be a [batch_size x sequence_length x logits] tensor")
    if targets.shape.ndims != 2:
        raise ValueError("Targets must be a [batch_size x sequence_length] tensor")
    if weights.shape.ndims != 2:
        raise ValueError("Weights must be a [batch_size x sequence_length] tensor")
    if average_across_timesteps and sum_over_timesteps:
        raise ValueError("average_across_timesteps and sum_over_timesteps cannot be set to "
                         "True at same time.")
    if average_across_batch and sum_over_batch:
        raise ValueError("average_across_batch and sum_over_batch cannot be set to True at "
                         "same time.")
    if sum_over_timesteps or sum_over_batch:
        raise NotImplementedError("tf.contrib.seq2seq.sequence_loss(sum_over_timesteps=..., "
                                  "sum_over_batch=...) is not supported by tfcompat yet")
    with ops.name_scope(name, "sequence_loss", [logits, targets, weights]):
        num_classes = array_ops.shape(logits)[2]
        logits_flat = array_ops.reshape(logits, [-1, num_classes])
        targets = array_ops.reshape(targets, [-1])
        if softmax_loss_function is None:
            crossent = nn_ops.sparse_softmax_cross_entropy_with_logits(labels=targets,
                                                                       logits=logits_flat)
        else:
            crossent = softmax_loss_function(labels=targets, logits=logits_flat)
        crossent *= array_ops.reshape(weights, [-1])
        if average_across_timesteps and average_across_batch:
            crossent = math_ops.reduce_sum(crossent)
            total_size = math_ops.reduce_sum(weights)
            total_size += 1e-12  # no division by 0 for all-0 weights
            return crossent / total_size
        batch_size = array_ops.shape(logits)[0]
        sequence_length = array_ops.shape(logits)[1]
        crossent = array_ops.reshape(crossent, array_ops.stack([batch_size, sequence_length]))
        if average_across_timesteps or average_across_batch:
            axis = [1] if average_across_timesteps else [0]
            crossent = math_ops.reduce_sum(crossent, axis=axis)
            total_size = math_ops.reduce_sum(weights, axis=axis)
            total_size += 1e-12
            crossent /= total_size
        return crossent
