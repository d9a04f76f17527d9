"""``tf.contrib.metrics``: the ``streaming_*`` metrics, as ``tf.metrics`` computes them.

TF 1.15's streaming metrics take ``(predictions, labels, weights)`` where ``tf.metrics`` takes
``(labels, predictions, weights)``; each alias here reorders and calls the ``tf.metrics``
function, looked up when called: a metric ``tf.metrics`` does not have yet raises the usual
"not supported" error naming the contrib symbol.
"""

from __future__ import annotations

import sys

from tfcompat.contrib._aliases import make_getattr
from tfcompat.framework import dtypes, ops
from tfcompat.ops import math_ops

# contrib name -> tf.metrics name, for metrics of (predictions, labels, weights=None, ...).
_PREDICTIONS_FIRST = {
    "streaming_accuracy": "accuracy",
    "streaming_auc": "auc",
    "streaming_false_negatives": "false_negatives",
    "streaming_false_positives": "false_positives",
    "streaming_mean_absolute_error": "mean_absolute_error",
    "streaming_mean_iou": "mean_iou",
    "streaming_mean_relative_error": "mean_relative_error",
    "streaming_mean_squared_error": "mean_squared_error",
    "streaming_precision": "precision",
    "streaming_recall": "recall",
    "streaming_root_mean_squared_error": "root_mean_squared_error",
    "streaming_true_negatives": "true_negatives",
    "streaming_true_positives": "true_positives",
}
# contrib name -> tf.metrics name, for metrics whose arguments are the same.
_SAME_ARGUMENTS = {
    "streaming_mean": "mean",
    "streaming_mean_tensor": "mean_tensor",
}

# Names only: the ones tf.metrics lacks yet raise "not supported" when looked up.
__all__ = ["accuracy", *sorted(_PREDICTIONS_FIRST), *sorted(_SAME_ARGUMENTS)]

_unsupported = make_getattr("tf.contrib.metrics", __name__)


def _target(contrib_name: str, metrics_name: str):
    from tfcompat import metrics as tf_metrics

    # dir(), not vars(): tf.metrics loads its names on first access
    found = getattr(tf_metrics, metrics_name) if metrics_name in dir(tf_metrics) else None
    if found is None:
        _unsupported(contrib_name)
    return found


def _predictions_first(contrib_name: str, metrics_name: str):
    def metric(predictions, labels, *args, **kwargs):
        return _target(contrib_name, metrics_name)(labels, predictions, *args, **kwargs)

    metric.__name__ = contrib_name
    metric.__doc__ = (f"``tf.metrics.{metrics_name}`` with TF 1.15 contrib's argument order "
                      "(predictions before labels).")
    return metric


def _same_arguments(contrib_name: str, metrics_name: str):
    def metric(*args, **kwargs):
        return _target(contrib_name, metrics_name)(*args, **kwargs)

    metric.__name__ = contrib_name
    metric.__doc__ = f"``tf.metrics.{metrics_name}``."
    return metric


def accuracy(predictions, labels, weights=None, name=None):
    """The (weighted) fraction of ``predictions`` equal to ``labels``, not streaming."""
    with ops.name_scope(name, "accuracy", values=[predictions, labels]):
        predictions = ops.convert_to_tensor(predictions)
        labels = ops.convert_to_tensor(labels)
        correct = math_ops.cast(math_ops.equal(predictions, labels), dtypes.float32)
        if weights is not None:
            weights = math_ops.cast(weights, dtypes.float32)
            return math_ops.div(math_ops.reduce_sum(correct * weights),
                                math_ops.reduce_sum(weights))
        return math_ops.reduce_mean(correct)


def __getattr__(name: str):
    if name in _PREDICTIONS_FIRST:
        _target(name, _PREDICTIONS_FIRST[name])  # fails now if tf.metrics lacks it
        value = _predictions_first(name, _PREDICTIONS_FIRST[name])
    elif name in _SAME_ARGUMENTS:
        _target(name, _SAME_ARGUMENTS[name])
        value = _same_arguments(name, _SAME_ARGUMENTS[name])
    else:
        return _unsupported(name)
    setattr(sys.modules[__name__], name, value)
    return value
