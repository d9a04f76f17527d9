"""Threshold-based streaming metrics: confusion counts at thresholds, AUC (ROC/PR with TF's
summation methods), precision/recall at thresholds, sensitivity at specificity and back."""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops, state_ops
from tfcompat.platform import tf_logging as logging
from tfcompat.training.metrics_impl import (
    add_to_collections,
    broadcast_weights,
    metric_variable,
    read_variable,
    remove_squeezable_dimensions,
)
from tfcompat.variables import variable_scope

_ALL_INCLUDES = ("tp", "fn", "tn", "fp")
_COUNTER_NAMES = {"tp": "true_positives", "fn": "false_negatives", "tn": "true_negatives",
                  "fp": "false_positives"}


def _confusion_matrix_at_thresholds(labels, predictions, thresholds, weights=None,
                                    includes=None):
    """Per-threshold counters (``true_positives``... variables of shape [len(thresholds)])
    and their update ops, for the confusion entries in ``includes``.

    A prediction is positive at threshold t when it is > t. TF also asserts predictions lie
    in [0, 1]; tfcompat does not check.
    """
    if includes is None:
        includes = _ALL_INCLUDES
    for include in includes:
        if include not in _ALL_INCLUDES:
            raise ValueError(f"Invalid key: {include}.")
    predictions, labels, weights = remove_squeezable_dimensions(
        math_ops.cast(predictions, dtypes.float32), math_ops.cast(labels, dtypes.bool_),
        weights)
    num_thresholds = len(thresholds)
    predictions_2d = array_ops.reshape(predictions, [-1, 1])
    labels_2d = array_ops.reshape(math_ops.cast(labels, dtypes.bool_), [1, -1])
    num_predictions = predictions_2d.shape.as_list()[0]
    if num_predictions is None:
        num_predictions = array_ops.shape(predictions_2d)[0]
    thresh_tiled = array_ops.tile(
        array_ops.expand_dims(constant_op.constant(thresholds, dtype=dtypes.float32), [1]),
        array_ops.stack([1, num_predictions]))
    pred_is_pos = math_ops.greater(
        array_ops.tile(array_ops.transpose(predictions_2d), [num_thresholds, 1]), thresh_tiled)
    pred_is_neg = (math_ops.logical_not(pred_is_pos)
                   if "fn" in includes or "tn" in includes else None)
    label_is_pos = array_ops.tile(labels_2d, [num_thresholds, 1])
    label_is_neg = (math_ops.logical_not(label_is_pos)
                    if "fp" in includes or "tn" in includes else None)
    weights_tiled = None
    if weights is not None:
        weights = broadcast_weights(math_ops.cast(weights, dtypes.float32), predictions)
        weights_tiled = array_ops.tile(array_ops.reshape(weights, [1, -1]), [num_thresholds, 1])
    conditions = {"tp": (label_is_pos, pred_is_pos), "fn": (label_is_pos, pred_is_neg),
                  "tn": (label_is_neg, pred_is_neg), "fp": (label_is_neg, pred_is_pos)}
    values, update_ops = {}, {}
    for key in _ALL_INCLUDES:
        if key not in includes:
            continue
        counter = metric_variable([num_thresholds], dtypes.float32, name=_COUNTER_NAMES[key])
        is_counted = math_ops.cast(math_ops.logical_and(*conditions[key]), dtypes.float32)
        if weights_tiled is not None:
            is_counted *= weights_tiled
        update_ops[key] = state_ops.assign_add(counter, math_ops.reduce_sum(is_counted, 1))
        values[key] = counter
    return values, update_ops


def _make_at_thresholds(key: str):
    default_name = _COUNTER_NAMES[key]

    def count_at_thresholds(labels, predictions, thresholds, weights=None,
                            metrics_collections=None, updates_collections=None, name=None):
        with variable_scope.variable_scope(name, default_name, (predictions, labels, weights)):
            values, update_ops = _confusion_matrix_at_thresholds(
                labels, predictions, thresholds, weights=weights, includes=(key,))
            value = read_variable(values[key], metrics_collections)
            add_to_collections(updates_collections, update_ops[key])
            return value, update_ops[key]
    count_at_thresholds.__name__ = f"{default_name}_at_thresholds"
    what = default_name.replace("_", " ")
    count_at_thresholds.__doc__ = (f"The running (weighted) count of {what} at each threshold "
                                   f"(prediction > threshold is positive).")
    return count_at_thresholds


true_positives_at_thresholds = _make_at_thresholds("tp")
false_positives_at_thresholds = _make_at_thresholds("fp")
true_negatives_at_thresholds = _make_at_thresholds("tn")
false_negatives_at_thresholds = _make_at_thresholds("fn")


def _ratio_at_thresholds(kind: str, other: str, labels, predictions, thresholds, weights,
                         metrics_collections, updates_collections, name):
    """``tp / (tp + other + 1e-7)`` at each threshold: precision (other = fp), recall (fn)."""
    with variable_scope.variable_scope(name, f"{kind}_at_thresholds",
                                       (predictions, labels, weights)):
        values, update_ops = _confusion_matrix_at_thresholds(
            labels, predictions, thresholds, weights, includes=("tp", other))
        epsilon = 1e-7
        value = math_ops.divide(values["tp"], epsilon + values["tp"] + values[other],
                                name=f"{kind}_value")
        add_to_collections(metrics_collections, value)
        update_op = math_ops.divide(update_ops["tp"],
                                    epsilon + update_ops["tp"] + update_ops[other],
                                    name=f"{kind}_update_op")
        add_to_collections(updates_collections, update_op)
        return value, update_op


def precision_at_thresholds(labels, predictions, thresholds, weights=None,
                            metrics_collections=None, updates_collections=None, name=None):
    """``tp / (tp + fp + 1e-7)`` at each threshold."""
    return _ratio_at_thresholds("precision", "fp", labels, predictions, thresholds, weights,
                                metrics_collections, updates_collections, name)


def recall_at_thresholds(labels, predictions, thresholds, weights=None,
                         metrics_collections=None, updates_collections=None, name=None):
    """``tp / (tp + fn + 1e-7)`` at each threshold."""
    return _ratio_at_thresholds("recall", "fn", labels, predictions, thresholds, weights,
                                metrics_collections, updates_collections, name)


def _interpolate_pr_auc(tp, fp, fn, num_thresholds):
    """PR-AUC by Davis & Goadrich's interpolation between thresholds."""
    dtp = tp[:num_thresholds - 1] - tp[1:]
    p = tp + fp
    prec_slope = math_ops.div_no_nan(dtp, math_ops.maximum(p[:num_thresholds - 1] - p[1:], 0),
                                     name="prec_slope")
    intercept = tp[1:] - math_ops.multiply(prec_slope, p[1:])
    safe_p_ratio = array_ops.select(
        math_ops.logical_and(p[:num_thresholds - 1] > 0, p[1:] > 0),
        math_ops.div_no_nan(p[:num_thresholds - 1], math_ops.maximum(p[1:], 0),
                            name="recall_relative_ratio"),
        array_ops.ones_like(p[1:]))
    return math_ops.reduce_sum(
        math_ops.div_no_nan(prec_slope * (dtp + intercept * math_ops.log(safe_p_ratio)),
                            math_ops.maximum(tp[1:] + fn[1:], 0), name="pr_auc_increment"),
        name="interpolate_pr_auc")


def auc(labels, predictions, weights=None, num_thresholds=200, metrics_collections=None,
        updates_collections=None, curve="ROC", name=None, summation_method="trapezoidal",
        thresholds=None):
    """The area under the ROC or PR curve from confusion counts at ``num_thresholds``
    thresholds (or the given ones), summed by ``trapezoidal``, ``careful_interpolation``
    (PR: Davis-Goadrich), ``minoring`` or ``majoring`` rectangles."""
    if curve not in ("ROC", "PR"):
        raise ValueError(f"Curve must be either ROC or PR. Curve {curve} is unknown.")
    if summation_method not in ("trapezoidal", "careful_interpolation", "minoring",
                                "majoring"):
        raise ValueError(f"Invalid summation_method: {summation_method} summation_method "
                         f"should be 'trapezoidal', 'careful_interpolation', 'minoring', or "
                         f"'majoring'.")
    with variable_scope.variable_scope(name, "auc", (labels, predictions, weights)):
        kepsilon = 1e-7
        if thresholds is not None:
            thresholds = sorted(thresholds)
            num_thresholds = len(thresholds) + 2
        else:
            thresholds = [(i + 1) * 1.0 / (num_thresholds - 1)
                          for i in range(num_thresholds - 2)]
        thresholds = [0.0 - kepsilon] + list(thresholds) + [1.0 + kepsilon]
        values, update_ops = _confusion_matrix_at_thresholds(labels, predictions, thresholds,
                                                             weights)
        epsilon = 1.0e-6

        def compute_auc(tp, fn, tn, fp, name):
            if curve == "PR":
                if summation_method == "trapezoidal":
                    logging.warning("Trapezoidal rule is known to produce incorrect PR-AUCs; "
                                    "please switch to \"careful_interpolation\" instead.")
                elif summation_method == "careful_interpolation":
                    return _interpolate_pr_auc(tp, fp, fn, num_thresholds)
            rec = math_ops.divide(tp + epsilon, tp + fn + epsilon)
            if curve == "ROC":
                x, y = math_ops.divide(fp, fp + tn + epsilon), rec
            else:
                x, y = rec, math_ops.divide(tp + epsilon, tp + fp + epsilon)
            widths = x[:num_thresholds - 1] - x[1:]
            if summation_method in ("trapezoidal", "careful_interpolation"):
                heights = (y[:num_thresholds - 1] + y[1:]) / 2.
            elif summation_method == "minoring":
                heights = math_ops.minimum(y[:num_thresholds - 1], y[1:])
            else:
                heights = math_ops.maximum(y[:num_thresholds - 1], y[1:])
            return math_ops.reduce_sum(math_ops.multiply(widths, heights), name=name)

        value = compute_auc(values["tp"], values["fn"], values["tn"], values["fp"], "value")
        add_to_collections(metrics_collections, value)
        update_op = compute_auc(update_ops["tp"], update_ops["fn"], update_ops["tn"],
                                update_ops["fp"], "update_op")
        add_to_collections(updates_collections, update_op)
        return value, update_op


def _linear_thresholds(num_thresholds, top):
    kepsilon = 1e-7
    inner = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
    return [0.0 - kepsilon] + inner + [top]


def sensitivity_at_specificity(labels, predictions, specificity, weights=None,
                               num_thresholds=200, metrics_collections=None,
                               updates_collections=None, name=None):
    """The recall at the threshold whose specificity is closest to ``specificity``."""
    if specificity < 0 or specificity > 1:
        raise ValueError(f"`specificity` must be in the range [0, 1]. Currently, "
                         f"`specificity` got {specificity}.")
    with variable_scope.variable_scope(name, "sensitivity_at_specificity",
                                       (predictions, labels, weights)):
        kepsilon = 1e-7
        thresholds = _linear_thresholds(num_thresholds, 1.0 + kepsilon)
        values, update_ops = _confusion_matrix_at_thresholds(labels, predictions, thresholds,
                                                             weights)

        def compute(tp, tn, fp, fn, name):
            specificities = math_ops.divide(tn, tn + fp + kepsilon)
            index = math_ops.cast(
                math_ops.argmin(math_ops.abs(specificities - specificity), 0), dtypes.int32)
            return math_ops.divide(tp[index], tp[index] + fn[index] + kepsilon, name)

        value = compute(values["tp"], values["tn"], values["fp"], values["fn"], "value")
        add_to_collections(metrics_collections, value)
        update_op = compute(update_ops["tp"], update_ops["tn"], update_ops["fp"],
                            update_ops["fn"], "update_op")
        add_to_collections(updates_collections, update_op)
        return value, update_op


def specificity_at_sensitivity(labels, predictions, sensitivity, weights=None,
                               num_thresholds=200, metrics_collections=None,
                               updates_collections=None, name=None):
    """The specificity at the (last) threshold whose recall is closest to ``sensitivity``."""
    if sensitivity < 0 or sensitivity > 1:
        raise ValueError(f"`sensitivity` must be in the range [0, 1]. Currently, "
                         f"`sensitivity` is {sensitivity}.")
    with variable_scope.variable_scope(name, "specificity_at_sensitivity",
                                       (predictions, labels, weights)):
        kepsilon = 1e-7
        # TF's top threshold here is 1 - epsilon (1 + epsilon in the other metrics).
        thresholds = _linear_thresholds(num_thresholds, 1.0 - kepsilon)
        values, update_ops = _confusion_matrix_at_thresholds(labels, predictions, thresholds,
                                                             weights)

        def compute(tp, tn, fp, fn, name):
            sensitivities = math_ops.divide(tp, tp + fn + kepsilon)
            distance = math_ops.abs(sensitivities - sensitivity)
            at_min = math_ops.cast(math_ops.equal(distance, math_ops.reduce_min(distance)),
                                   dtypes.int64)
            # The last threshold at the minimal distance (TF's cumsum/argmax trick).
            index = math_ops.cast(math_ops.argmax(slicing_ops.cumsum(at_min), 0), dtypes.int32)
            return math_ops.divide(tn[index], tn[index] + fp[index] + kepsilon, name)

        value = compute(values["tp"], values["tn"], values["fp"], values["fn"], "value")
        add_to_collections(metrics_collections, value)
        update_op = compute(update_ops["tp"], update_ops["tn"], update_ops["fp"],
                            update_ops["fn"], "update_op")
        add_to_collections(updates_collections, update_op)
        return value, update_op
