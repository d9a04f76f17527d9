"""``tf.metrics`` streaming metrics: local variables accumulate over ``update_op`` runs and
the value tensor reads them.

Each metric returns ``(value, update_op)``; its variables are in LOCAL_VARIABLES and
METRIC_VARIABLES under the metric's variable scope, named as TF names them. Threshold
metrics are in ``metrics_thresholds``, top-k metrics in ``metrics_at_k``.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys, convert_to_tensor
from tfcompat.ops import array_ops, linalg_ops, math_ops, slicing_ops, state_ops
from tfcompat.training.training_ops_sparse import scatter_add
from tfcompat.variables import variable_scope
from tfcompat.variables.variables import Variable


def metric_variable(shape, dtype, validate_shape=True, name=None):
    """A zero-initialized local variable counted among the metric variables."""
    return Variable(lambda: array_ops.zeros(shape, dtype), trainable=False,
                    collections=[GraphKeys.LOCAL_VARIABLES, GraphKeys.METRIC_VARIABLES],
                    validate_shape=validate_shape, name=name)


def add_to_collections(collections, value) -> None:
    if collections:
        ops.get_default_graph().add_to_collections(collections, value)


def read_variable(v, collections):
    """The metric value of a counter variable: an Identity read of it."""
    value = array_ops.identity(v)
    add_to_collections(collections, value)
    return value


def squeeze_last_if_one_more(labels, predictions):
    """Drops a trailing size-1 dimension of whichever of labels/predictions has one more
    dimension than the other (static ranks only)."""
    predictions = convert_to_tensor(predictions)
    labels = convert_to_tensor(labels)
    p_rank, l_rank = predictions.shape.ndims, labels.shape.ndims
    if p_rank is not None and l_rank is not None:
        if p_rank - l_rank == 1 and predictions.shape.dims[-1].is_compatible_with(1):
            predictions = array_ops.squeeze(predictions, [-1])
        elif p_rank - l_rank == -1 and labels.shape.dims[-1].is_compatible_with(1):
            labels = array_ops.squeeze(labels, [-1])
    return labels, predictions


def remove_squeezable_dimensions(predictions, labels, weights):
    """Aligns the ranks of predictions, labels and weights as TF's metrics do."""
    predictions = convert_to_tensor(predictions)
    if labels is not None:
        labels, predictions = squeeze_last_if_one_more(labels, predictions)
        predictions.shape.assert_is_compatible_with(labels.shape)
    if weights is None:
        return predictions, labels, None
    weights = convert_to_tensor(weights)
    w_rank, p_rank = weights.shape.ndims, predictions.shape.ndims
    if w_rank == 0:
        return predictions, labels, weights
    if p_rank is not None and w_rank is not None:
        if w_rank - p_rank == 1:
            weights = array_ops.squeeze(weights, [-1])
        elif p_rank - w_rank == 1:
            weights = array_ops.expand_dims(weights, [-1])
    return predictions, labels, weights


def broadcast_weights(weights, values):
    """``weights`` broadcast to the shape of ``values`` (unchanged if already equal)."""
    with ops.name_scope(None, "broadcast_weights", (weights, values)) as scope:
        values = convert_to_tensor(values, name="values")
        weights = convert_to_tensor(weights, dtype=values.dtype.base_dtype, name="weights")
        if (weights.shape.is_fully_defined() and values.shape.is_fully_defined()
                and weights.shape.is_compatible_with(values.shape)):
            return weights
        return math_ops.multiply(weights, array_ops.ones_like(values), name=scope)


# ---- means ---------------------------------------------------------------------------------

def mean(values, weights=None, metrics_collections=None, updates_collections=None, name=None):
    """The running (weighted) mean of ``values``: local variables ``total`` and ``count``."""
    with variable_scope.variable_scope(name, "mean", (values, weights)):
        values = math_ops.cast(convert_to_tensor(values), dtypes.float32)
        total = metric_variable([], dtypes.float32, name="total")
        count = metric_variable([], dtypes.float32, name="count")
        if weights is None:
            num_values = math_ops.cast(array_ops.size(values), dtypes.float32)
        else:
            values, _, weights = remove_squeezable_dimensions(values, None, weights)
            weights = broadcast_weights(math_ops.cast(weights, dtypes.float32), values)
            values = math_ops.multiply(values, weights)
            num_values = math_ops.reduce_sum(weights)
        update_total_op = state_ops.assign_add(total, math_ops.reduce_sum(values))
        with ops.get_default_graph().control_dependencies([values]):
            update_count_op = state_ops.assign_add(count, num_values)
        mean_t = math_ops.div_no_nan(total, math_ops.maximum(count, 0), name="value")
        add_to_collections(metrics_collections, mean_t)
        update_op = math_ops.div_no_nan(update_total_op, math_ops.maximum(update_count_op, 0),
                                        name="update_op")
        add_to_collections(updates_collections, update_op)
        return mean_t, update_op


def mean_tensor(values, weights=None, metrics_collections=None, updates_collections=None,
                name=None):
    """The element-wise running mean of ``values`` (``total_tensor``/``count_tensor``)."""
    with variable_scope.variable_scope(name, "mean", (values, weights)):
        values = math_ops.cast(convert_to_tensor(values), dtypes.float32)
        total = metric_variable(values.shape, dtypes.float32, name="total_tensor")
        count = metric_variable(values.shape, dtypes.float32, name="count_tensor")
        num_values = array_ops.ones_like(values)
        if weights is not None:
            values, _, weights = remove_squeezable_dimensions(values, None, weights)
            weights = broadcast_weights(math_ops.cast(weights, dtypes.float32), values)
            values = math_ops.multiply(values, weights)
            num_values = math_ops.multiply(num_values, weights)
        update_total_op = state_ops.assign_add(total, values)
        with ops.get_default_graph().control_dependencies([values]):
            update_count_op = state_ops.assign_add(count, num_values)
        mean_t = math_ops.div_no_nan(total, math_ops.maximum(count, 0), name="value")
        add_to_collections(metrics_collections, mean_t)
        update_op = math_ops.div_no_nan(update_total_op, math_ops.maximum(update_count_op, 0),
                                        name="update_op")
        add_to_collections(updates_collections, update_op)
        return mean_t, update_op


def accuracy(labels, predictions, weights=None, metrics_collections=None,
             updates_collections=None, name=None):
    """How often ``predictions`` equals ``labels``."""
    predictions, labels, weights = remove_squeezable_dimensions(predictions, labels, weights)
    if labels.dtype.base_dtype is not predictions.dtype.base_dtype:
        predictions = math_ops.cast(predictions, labels.dtype)
    is_correct = math_ops.cast(math_ops.equal(predictions, labels), dtypes.float32)
    return mean(is_correct, weights, metrics_collections, updates_collections,
                name or "accuracy")


def mean_absolute_error(labels, predictions, weights=None, metrics_collections=None,
                        updates_collections=None, name=None):
    """The running mean of ``|predictions - labels|``."""
    predictions, labels, weights = remove_squeezable_dimensions(predictions, labels, weights)
    absolute_errors = math_ops.abs(predictions - labels)
    return mean(absolute_errors, weights, metrics_collections, updates_collections,
                name or "mean_absolute_error")


def mean_squared_error(labels, predictions, weights=None, metrics_collections=None,
                       updates_collections=None, name=None):
    """The running mean of ``(predictions - labels) ** 2``."""
    predictions, labels, weights = remove_squeezable_dimensions(predictions, labels, weights)
    squared_error = math_ops.squared_difference(labels, predictions)
    return mean(squared_error, weights, metrics_collections, updates_collections,
                name or "mean_squared_error")


def root_mean_squared_error(labels, predictions, weights=None, metrics_collections=None,
                            updates_collections=None, name=None):
    """The square root of the running mean squared error."""
    predictions, labels, weights = remove_squeezable_dimensions(predictions, labels, weights)
    squared_error = math_ops.squared_difference(labels, predictions)
    mse, update_mse_op = mean(squared_error, weights, None, None,
                              name or "root_mean_squared_error")
    rmse = math_ops.sqrt(mse)
    add_to_collections(metrics_collections, rmse)
    update_rmse_op = math_ops.sqrt(update_mse_op)
    add_to_collections(updates_collections, update_rmse_op)
    return rmse, update_rmse_op


def mean_relative_error(labels, predictions, normalizer, weights=None,
                        metrics_collections=None, updates_collections=None, name=None):
    """The running mean of ``|labels - predictions| / normalizer`` (0 where it is 0)."""
    predictions, labels, weights = remove_squeezable_dimensions(predictions, labels, weights)
    normalizer, predictions = squeeze_last_if_one_more(normalizer, predictions)
    predictions.shape.assert_is_compatible_with(normalizer.shape)
    relative_errors = array_ops.select(
        math_ops.equal(normalizer, 0.0), array_ops.zeros_like(labels),
        math_ops.divide(math_ops.abs(labels - predictions), normalizer))
    return mean(relative_errors, weights, metrics_collections, updates_collections,
                name or "mean_relative_error")


def mean_cosine_distance(labels, predictions, dim, weights=None, metrics_collections=None,
                         updates_collections=None, name=None):
    """``1 -`` the running mean of ``sum(labels * predictions, dim)`` (unit vectors)."""
    predictions, labels, weights = remove_squeezable_dimensions(predictions, labels, weights)
    radial_diffs = math_ops.multiply(predictions, labels)
    radial_diffs = math_ops.reduce_sum(radial_diffs, axis=[dim], keepdims=True)
    mean_distance, update_op = mean(radial_diffs, weights, None, None,
                                    name or "mean_cosine_distance")
    mean_distance = math_ops.subtract(1.0, mean_distance)
    update_op = math_ops.subtract(1.0, update_op)
    add_to_collections(metrics_collections, mean_distance)
    add_to_collections(updates_collections, update_op)
    return mean_distance, update_op


def percentage_below(values, threshold, weights=None, metrics_collections=None,
                     updates_collections=None, name=None):
    """The running fraction of ``values`` below ``threshold``."""
    is_below_threshold = math_ops.cast(math_ops.less(values, threshold), dtypes.float32)
    return mean(is_below_threshold, weights, metrics_collections, updates_collections,
                name or "percentage_below_threshold")


# ---- counts, precision, recall -------------------------------------------------------------

def _count_condition(values, weights, metrics_collections, updates_collections):
    if values.dtype.base_dtype is not dtypes.bool_:
        raise TypeError(f"{values.name} must be of type <dtype: 'bool'>; got "
                        f"{values.dtype!r}")
    count = metric_variable([], dtypes.float32, name="count")
    values = math_ops.cast(values, dtypes.float32)
    if weights is not None:
        weights = math_ops.cast(weights, dtypes.float32)
        values = math_ops.multiply(values, weights)
    value_tensor = read_variable(count, metrics_collections)
    update_op = state_ops.assign_add(count, math_ops.reduce_sum(values))
    add_to_collections(updates_collections, update_op)
    return value_tensor, update_op


def _make_counter(default_name: str, label_value: bool, prediction_value: bool, doc: str):
    def counter(labels, predictions, weights=None, metrics_collections=None,
                updates_collections=None, name=None):
        with variable_scope.variable_scope(name, default_name, (predictions, labels, weights)):
            predictions, labels, weights = remove_squeezable_dimensions(
                math_ops.cast(predictions, dtypes.bool_), math_ops.cast(labels, dtypes.bool_),
                weights)
            is_counted = math_ops.logical_and(math_ops.equal(labels, label_value),
                                              math_ops.equal(predictions, prediction_value))
            return _count_condition(is_counted, weights, metrics_collections,
                                    updates_collections)
    counter.__name__ = default_name
    counter.__doc__ = doc
    return counter


true_positives = _make_counter("true_positives", True, True,
                               "The running (weighted) count of true positives.")
false_positives = _make_counter("false_positives", False, True,
                                "The running (weighted) count of false positives.")
true_negatives = _make_counter("true_negatives", False, False,
                               "The running (weighted) count of true negatives.")
false_negatives = _make_counter("false_negatives", True, False,
                                "The running (weighted) count of false negatives.")


def _ratio_of_counts(default_name, other_counter, labels, predictions, weights,
                     metrics_collections, updates_collections, name):
    """``tp / (tp + other)`` (0 when both are 0) for precision (other=fp) and recall (fn)."""
    with variable_scope.variable_scope(name, default_name, (predictions, labels, weights)):
        predictions, labels, weights = remove_squeezable_dimensions(
            math_ops.cast(predictions, dtypes.bool_), math_ops.cast(labels, dtypes.bool_),
            weights)
        tp, tp_update = true_positives(labels, predictions, weights)
        other, other_update = other_counter(labels, predictions, weights)

        def compute(tp, other, name):
            return array_ops.select(math_ops.greater(tp + other, 0),
                                    math_ops.divide(tp, tp + other), 0, name)
        value = compute(tp, other, "value")
        add_to_collections(metrics_collections, value)
        update_op = compute(tp_update, other_update, "update_op")
        add_to_collections(updates_collections, update_op)
        return value, update_op


def precision(labels, predictions, weights=None, metrics_collections=None,
              updates_collections=None, name=None):
    """``true_positives / (true_positives + false_positives)`` over all updates."""
    return _ratio_of_counts("precision", false_positives, labels, predictions, weights,
                            metrics_collections, updates_collections, name)


def recall(labels, predictions, weights=None, metrics_collections=None,
           updates_collections=None, name=None):
    """``true_positives / (true_positives + false_negatives)`` over all updates."""
    return _ratio_of_counts("recall", false_negatives, labels, predictions, weights,
                            metrics_collections, updates_collections, name)


# ---- per-class metrics ---------------------------------------------------------------------

def _flatten(t):
    return array_ops.reshape(t, [-1]) if t.shape.ndims is not None and t.shape.ndims > 1 else t


def _streaming_confusion_matrix(labels, predictions, num_classes, weights=None):
    """A float64 ``total_confusion_matrix`` [num_classes, num_classes] (rows: labels) and
    the op adding this batch's matrix to it."""
    total_cm = metric_variable([num_classes, num_classes], dtypes.float64,
                               name="total_confusion_matrix")
    predictions = _flatten(math_ops.cast(predictions, dtypes.int64))
    labels = _flatten(math_ops.cast(labels, dtypes.int64))
    if weights is None:
        weights = array_ops.ones_like(predictions, dtype=dtypes.float64)
    else:
        weights = _flatten(math_ops.cast(convert_to_tensor(weights), dtypes.float64))
        weights = weights * array_ops.ones_like(predictions, dtype=dtypes.float64)
    cells = labels * num_classes + predictions
    current_cm = array_ops.reshape(
        slicing_ops.unsorted_segment_sum(weights, cells, num_classes * num_classes),
        [num_classes, num_classes])
    return total_cm, state_ops.assign_add(total_cm, current_cm)


def mean_iou(labels, predictions, num_classes, weights=None, metrics_collections=None,
             updates_collections=None, name=None):
    """The mean intersection-over-union over the classes seen; ``update_op`` returns the
    updated confusion matrix (as TF's does)."""
    with variable_scope.variable_scope(name, "mean_iou", (predictions, labels, weights)):
        predictions = convert_to_tensor(predictions)
        labels = convert_to_tensor(labels)
        predictions.shape.assert_is_compatible_with(labels.shape)
        total_cm, update_op = _streaming_confusion_matrix(labels, predictions, num_classes,
                                                          weights)
        sum_over_row = math_ops.cast(math_ops.reduce_sum(total_cm, 0), dtypes.float32)
        sum_over_col = math_ops.cast(math_ops.reduce_sum(total_cm, 1), dtypes.float32)
        cm_diag = math_ops.cast(linalg_ops.diag_part(total_cm), dtypes.float32)
        denominator = sum_over_row + sum_over_col - cm_diag
        # Only classes present in labels or predictions count towards the mean.
        num_valid_entries = math_ops.reduce_sum(
            math_ops.cast(math_ops.not_equal(denominator, 0), dtypes.float32))
        denominator = array_ops.select(math_ops.greater(denominator, 0), denominator,
                                       array_ops.ones_like(denominator))
        iou = math_ops.divide(cm_diag, denominator)
        value = array_ops.select(math_ops.greater(num_valid_entries, 0),
                                 math_ops.reduce_sum(iou, name="mean_iou") / num_valid_entries,
                                 0)
        add_to_collections(metrics_collections, value)
        add_to_collections(updates_collections, update_op)
        return value, update_op


def mean_per_class_accuracy(labels, predictions, num_classes, weights=None,
                            metrics_collections=None, updates_collections=None, name=None):
    """The mean over classes of each class's accuracy (``total``/``count`` per class)."""
    with variable_scope.variable_scope(name, "mean_accuracy", (predictions, labels, weights)):
        labels = _flatten(math_ops.cast(labels, dtypes.int64))
        predictions = _flatten(convert_to_tensor(predictions))
        predictions.shape.assert_is_compatible_with(labels.shape)
        total = metric_variable([num_classes], dtypes.float32, name="total")
        count = metric_variable([num_classes], dtypes.float32, name="count")
        ones = array_ops.ones_like(labels, dtype=dtypes.float32)
        if labels.dtype.base_dtype is not predictions.dtype.base_dtype:
            predictions = math_ops.cast(predictions, labels.dtype)
        is_correct = math_ops.cast(math_ops.equal(predictions, labels), dtypes.float32)
        if weights is not None:
            weights = math_ops.cast(_flatten(convert_to_tensor(weights)), dtypes.float32)
            is_correct *= weights
            ones *= weights
        update_total_op = scatter_add(total, labels, ones)
        update_count_op = scatter_add(count, labels, is_correct)
        per_class_accuracy = math_ops.div_no_nan(count, math_ops.maximum(total, 0))
        value = math_ops.reduce_mean(per_class_accuracy, name="mean_accuracy")
        add_to_collections(metrics_collections, value)
        update_op = math_ops.div_no_nan(update_count_op, math_ops.maximum(update_total_op, 0),
                                        name="update_op")
        add_to_collections(updates_collections, update_op)
        return value, update_op
