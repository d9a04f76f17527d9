"""Top-k streaming metrics: precision/recall at k (or of given top-k indices) and mean
average precision at k, with TF's set semantics over dense integer labels.

Labels are ``[D1, ... DN, num_labels]`` (or ``[D1, ... DN]``) int tensors; each row is a set
(repeated labels count once). SparseTensor labels are not supported by tfcompat.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops, state_ops
from tfcompat.training.metrics_impl import (
    add_to_collections,
    broadcast_weights,
    metric_variable,
)


def _at_k_name(name, k=None, class_id=None):
    name = f"{name}_at_{k}" if k is not None else f"{name}_at_k"
    return f"{name}_class{class_id}" if class_id is not None else name


def _top_k_indices(predictions, k):
    """The indices of the k largest entries of the last axis, largest first (ties: lower
    index first, as ``tf.nn.top_k``), built from k argmax passes."""
    predictions = convert_to_tensor(predictions)
    num_classes = predictions.shape.dims[-1].value
    if num_classes is None:
        raise ValueError("top-k metrics in tfcompat need a static last dimension of "
                         "predictions")
    np_dtype = np.dtype(predictions.dtype.base_dtype.as_numpy_dtype)
    lowest = constant_op.constant(
        -np.inf if np_dtype.kind == "f" else np.iinfo(np_dtype).min, dtype=predictions.dtype)
    scores = predictions
    indices = []
    for _ in range(k):
        index = math_ops.argmax(scores, -1)
        indices.append(index)
        taken = slicing_ops.one_hot(index, num_classes, on_value=True, off_value=False,
                                    dtype=dtypes.bool_)
        scores = array_ops.select(taken, array_ops.fill(array_ops.shape(scores), lowest),
                                  scores)
    return array_ops.stack(indices, axis=-1)


def _labels_as_sets(labels, predictions_idx):
    """int64 labels with a trailing label axis (added when labels have one rank less)."""
    labels = math_ops.cast(convert_to_tensor(labels), dtypes.int64)
    if labels.shape.ndims is not None and labels.shape.ndims == predictions_idx.shape.ndims - 1:
        labels = array_ops.expand_dims(labels, -1)
    return labels


def _set_counts(labels, predictions_idx, class_id):
    """Per-row float64 (tp, fp, fn) of the top-k set against the label set."""
    f64 = dtypes.float64
    if class_id is not None:
        in_top_k = math_ops.reduce_any(math_ops.equal(predictions_idx, class_id), -1)
        in_labels = math_ops.reduce_any(math_ops.equal(labels, class_id), -1)
        not_top_k, not_labels = math_ops.logical_not(in_top_k), math_ops.logical_not(in_labels)
        return (math_ops.cast(math_ops.logical_and(in_top_k, in_labels), f64),
                math_ops.cast(math_ops.logical_and(in_top_k, not_labels), f64),
                math_ops.cast(math_ops.logical_and(in_labels, not_top_k), f64))
    match = math_ops.equal(array_ops.expand_dims(predictions_idx, -1),
                           array_ops.expand_dims(labels, -2))
    top_k_in_labels = math_ops.reduce_any(match, -1)
    label_in_top_k = math_ops.reduce_any(match, -2)
    num_labels = labels.shape.dims[-1].value
    if num_labels is None:
        raise ValueError("top-k metrics in tfcompat need a static number of labels per row")
    same = math_ops.equal(array_ops.expand_dims(labels, -1), array_ops.expand_dims(labels, -2))
    earlier = constant_op.constant(np.tril(np.ones((num_labels, num_labels), bool), -1))
    repeated = math_ops.reduce_any(math_ops.logical_and(same, earlier), -1)
    missed = math_ops.logical_and(math_ops.logical_not(repeated),
                                  math_ops.logical_not(label_in_top_k))
    tp = math_ops.reduce_sum(math_ops.cast(top_k_in_labels, f64), -1)
    fp = math_ops.reduce_sum(math_ops.cast(math_ops.logical_not(top_k_in_labels), f64), -1)
    fn = math_ops.reduce_sum(math_ops.cast(missed, f64), -1)
    return tp, fp, fn


def _streaming_count(per_row, weights, counter_name, k, class_id):
    """A float64 counter variable named ``<scope>/<counter>_at_<k>`` and its update."""
    with ops.name_scope(None, _at_k_name(counter_name, k, class_id=class_id)) as scope:
        if weights is not None:
            per_row = math_ops.multiply(per_row, math_ops.cast(weights, dtypes.float64))
        batch_total = math_ops.cast(math_ops.reduce_sum(per_row), dtypes.float64)
        var = metric_variable([], dtypes.float64, name=scope)
        return var, state_ops.assign_add(var, batch_total, name="update")


def _ratio_at_top_k(kind, other_name, labels, predictions_idx, k, class_id, weights,
                    metrics_collections, updates_collections, name):
    with ops.name_scope(name, _at_k_name(kind, k, class_id=class_id),
                        (predictions_idx, labels, weights)) as scope:
        top_k_idx = math_ops.cast(convert_to_tensor(predictions_idx), dtypes.int64)
        labels = _labels_as_sets(labels, top_k_idx)
        tp_rows, fp_rows, fn_rows = _set_counts(labels, top_k_idx, class_id)
        tp, tp_update = _streaming_count(tp_rows, weights, "true_positive", k, class_id)
        other_rows = fp_rows if other_name == "false_positive" else fn_rows
        other, other_update = _streaming_count(other_rows, weights, other_name, k, class_id)
        value = math_ops.divide(tp, math_ops.add(tp, other), name=scope)
        add_to_collections(metrics_collections, value)
        update = math_ops.divide(tp_update, math_ops.add(tp_update, other_update),
                                 name="update")
        add_to_collections(updates_collections, update)
        return value, update


def precision_at_top_k(labels, predictions_idx, k=None, class_id=None, weights=None,
                       metrics_collections=None, updates_collections=None, name=None):
    """The fraction of the given top-k predictions that are labels (of ``class_id`` only
    if given), over all updates."""
    return _ratio_at_top_k("precision", "false_positive", labels, predictions_idx, k,
                           class_id, weights, metrics_collections, updates_collections, name)


def recall_at_top_k(labels, predictions_idx, k=None, class_id=None, weights=None,
                    metrics_collections=None, updates_collections=None, name=None):
    """The fraction of labels (of ``class_id`` only if given) found among the given top-k
    predictions, over all updates."""
    return _ratio_at_top_k("recall", "false_negative", labels, predictions_idx, k, class_id,
                           weights, metrics_collections, updates_collections, name)


def precision_at_k(labels, predictions, k, class_id=None, weights=None,
                   metrics_collections=None, updates_collections=None, name=None):
    """precision_at_top_k of the k highest ``predictions`` (logits or probabilities)."""
    with ops.name_scope(name, _at_k_name("precision", k, class_id=class_id),
                        (predictions, labels, weights)) as scope:
        return precision_at_top_k(labels, _top_k_indices(predictions, k), k, class_id,
                                  weights, metrics_collections, updates_collections, scope)


def recall_at_k(labels, predictions, k, class_id=None, weights=None,
                metrics_collections=None, updates_collections=None, name=None):
    """recall_at_top_k of the k highest ``predictions`` (logits or probabilities)."""
    with ops.name_scope(name, _at_k_name("recall", k, class_id=class_id),
                        (predictions, labels, weights)) as scope:
        return recall_at_top_k(labels, _top_k_indices(predictions, k), k, class_id, weights,
                               metrics_collections, updates_collections, scope)


def _average_precision_rows(labels, predictions_idx):
    """Per-row average precision of a ranked top-k list against the label set."""
    with ops.name_scope(None, "average_precision", (predictions_idx, labels)) as scope:
        predictions_idx = math_ops.cast(predictions_idx, dtypes.int64)
        labels = _labels_as_sets(labels, predictions_idx)
        k = predictions_idx.shape.dims[-1].value
        match = math_ops.equal(array_ops.expand_dims(predictions_idx, -1),
                               array_ops.expand_dims(labels, -2))
        relevant_per_k = math_ops.cast(math_ops.reduce_any(match, -1), dtypes.int32)
        tp_per_k = slicing_ops.cumsum(relevant_per_k, axis=-1)
        retrieved_per_k = slicing_ops.cumsum(array_ops.ones_like(relevant_per_k), axis=-1)
        precision_per_k = math_ops.divide(math_ops.cast(tp_per_k, dtypes.float64),
                                          math_ops.cast(retrieved_per_k, dtypes.float64))
        relevant_precision = math_ops.multiply(precision_per_k,
                                               math_ops.cast(relevant_per_k, dtypes.float64))
        precision_sum = math_ops.reduce_sum(relevant_precision, axis=-1)
        # The relevant items of a row: its non-negative labels, at most k.
        num_labels = math_ops.reduce_sum(
            math_ops.cast(math_ops.greater_equal(labels, 0), dtypes.int64), axis=-1)
        num_relevant = math_ops.cast(math_ops.minimum(num_labels, k), dtypes.float64)
        return math_ops.divide(precision_sum, num_relevant, name=scope)


def average_precision_at_k(labels, predictions, k, weights=None, metrics_collections=None,
                           updates_collections=None, name=None):
    """The running mean (over rows) of the average precision of the top k predictions."""
    if k < 1:
        raise ValueError(f"Invalid k={k}. `k` should be >= 1.")
    with ops.name_scope(name, _at_k_name("average_precision", k),
                        (predictions, labels, weights)) as scope:
        predictions_idx = _top_k_indices(predictions, k)
        return _streaming_average_precision(labels, predictions_idx, weights,
                                            metrics_collections, updates_collections, scope)


def _streaming_average_precision(labels, predictions_idx, weights, metrics_collections,
                                 updates_collections, name):
    with ops.name_scope(name, "average_precision_at_top_k",
                        (predictions_idx, labels, weights)) as scope:
        average_precision = _average_precision_rows(labels, predictions_idx)
        if weights is not None:
            weights = broadcast_weights(math_ops.cast(weights, dtypes.float64),
                                        average_precision)
            average_precision = math_ops.multiply(average_precision, weights)
        # TF's graph has used the name scope "max" here once already: its variable is max_1.
        ops.get_default_graph().unique_name("max")
        with ops.name_scope(None, "max", (average_precision,)) as max_scope:
            max_var = metric_variable([], dtypes.float64, name=max_scope)
            if weights is None:
                batch_max = math_ops.cast(array_ops.size(average_precision, name="batch_max"),
                                          dtypes.float64)
            else:
                batch_max = math_ops.reduce_sum(weights, name="batch_max")
            max_update = state_ops.assign_add(max_var, batch_max, name="update")
        with ops.name_scope(None, "total", (average_precision,)) as total_scope:
            total_var = metric_variable([], dtypes.float64, name=total_scope)
            batch_total = math_ops.reduce_sum(average_precision, name="batch_total")
            total_update = state_ops.assign_add(total_var, batch_total, name="update")
        value = math_ops.div_no_nan(total_var, max_var, name="mean")
        add_to_collections(metrics_collections, value)
        update = math_ops.div_no_nan(total_update, max_update, name=scope)
        add_to_collections(updates_collections, update)
        return value, update


sparse_precision_at_k = precision_at_k
sparse_average_precision_at_k = average_precision_at_k
