"""``tf.contrib.legacy_seq2seq``: the sequence losses of TF1's char-RNN and translation
tutorials (lists of per-timestep ``[batch, classes]`` logits and ``[batch]`` targets).

``sequence_loss_by_example`` is, per example, ``sum_t w_t * xent_t`` divided by ``sum_t w_t +
1e-12`` when averaging across timesteps; ``sequence_loss`` sums that over the batch, divided by
the batch size when averaging across the batch. The seq2seq model builders are not provided.
"""

from __future__ import annotations

from tfcompat.contrib._aliases import make_getattr
from tfcompat.framework import ops
from tfcompat.ops import array_ops, math_ops, nn_ops

__all__ = ["sequence_loss", "sequence_loss_by_example"]


def sequence_loss_by_example(logits, targets, weights, average_across_timesteps=True,
                             softmax_loss_function=None, name=None):
    """Weighted cross-entropy per example, ``[batch]``."""
    if len(targets) != len(logits) or len(weights) != len(logits):
        raise ValueError("Lengths of logits, weights, and targets must be the same "
                         f"{len(logits)}, {len(weights)}, {len(targets)}.")
    with ops.name_scope(name, "sequence_loss_by_example", logits + targets + weights):
        log_perp_list = []
        for logit, target, weight in zip(logits, targets, weights):
            if softmax_loss_function is None:
                target = array_ops.reshape(target, [-1])
                crossent = nn_ops.sparse_softmax_cross_entropy_with_logits(labels=target,
                                                                           logits=logit)
            else:
                crossent = softmax_loss_function(labels=target, logits=logit)
            log_perp_list.append(crossent * weight)
        log_perps = math_ops.add_n(log_perp_list)
        if average_across_timesteps:
            total_size = math_ops.add_n(weights)
            total_size += 1e-12  # no division by 0 for all-0 weights
            log_perps /= total_size
    return log_perps


def sequence_loss(logits, targets, weights, average_across_timesteps=True,
                  average_across_batch=True, softmax_loss_function=None, name=None):
    """The weighted cross-entropy of the whole batch, a scalar."""
    with ops.name_scope(name, "sequence_loss", logits + targets + weights):
        cost = math_ops.reduce_sum(sequence_loss_by_example(
            logits, targets, weights, average_across_timesteps=average_across_timesteps,
            softmax_loss_function=softmax_loss_function))
        if average_across_batch:
            batch_size = array_ops.shape(targets[0])[0]
            return cost / math_ops.cast(batch_size, cost.dtype)
        return cost


__getattr__ = make_getattr("tf.contrib.legacy_seq2seq", __name__)
