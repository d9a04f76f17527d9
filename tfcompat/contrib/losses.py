"""``tf.contrib.losses`` (also ``slim.losses``): TF 1.15's deprecated losses, predictions or
logits first.

Each computes what the ``tf.losses`` function of the same name computes (weighted, summed and
divided by the number of non-zero weights, the reduction these contrib losses used), with
contrib's argument order: ``softmax_cross_entropy(logits, onehot_labels)``,
``mean_squared_error(predictions, labels)``...
"""

from __future__ import annotations

from tfcompat.contrib._aliases import make_getattr
from tfcompat.ops import losses_impl
from tfcompat.ops.losses_impl import (
    add_loss,
    compute_weighted_loss,
    get_losses,
    get_regularization_losses,
    get_total_loss,
)

__all__ = ["absolute_difference", "add_loss", "compute_weighted_loss", "cosine_distance",
           "get_losses", "get_regularization_losses", "get_total_loss", "hinge_loss",
           "log_loss", "mean_squared_error", "sigmoid_cross_entropy", "softmax_cross_entropy",
           "sparse_softmax_cross_entropy"]


def absolute_difference(predictions, labels=None, weights=1.0, scope=None):
    return losses_impl.absolute_difference(labels, predictions, weights, scope=scope)


def mean_squared_error(predictions, labels=None, weights=1.0, scope=None):
    return losses_impl.mean_squared_error(labels, predictions, weights, scope=scope)


def log_loss(predictions, labels=None, weights=1.0, epsilon=1e-7, scope=None):
    return losses_impl.log_loss(labels, predictions, weights, epsilon=epsilon, scope=scope)


def cosine_distance(predictions, labels=None, axis=None, weights=1.0, scope=None, dim=None):
    return losses_impl.cosine_distance(labels, predictions, axis=axis if axis is not None
                                       else dim, weights=weights, scope=scope)


def hinge_loss(logits, labels=None, scope=None):
    return losses_impl.hinge_loss(labels, logits, scope=scope)


def sigmoid_cross_entropy(logits, multi_class_labels, weights=1.0, label_smoothing=0,
                          scope=None):
    return losses_impl.sigmoid_cross_entropy(multi_class_labels, logits, weights,
                                             label_smoothing=label_smoothing, scope=scope)


def softmax_cross_entropy(logits, onehot_labels, weights=1.0, label_smoothing=0, scope=None):
    return losses_impl.softmax_cross_entropy(onehot_labels, logits, weights,
                                             label_smoothing=label_smoothing, scope=scope)


def sparse_softmax_cross_entropy(logits, labels, weights=1.0, scope=None):
    return losses_impl.sparse_softmax_cross_entropy(labels, logits, weights, scope=scope)


__getattr__ = make_getattr("tf.contrib.losses", __name__)
