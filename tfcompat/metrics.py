"""``tf.metrics``: streaming metrics."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "average_precision_at_k": "tfcompat.training.metrics_at_k:average_precision_at_k",
    "precision_at_k": "tfcompat.training.metrics_at_k:precision_at_k",
    "precision_at_top_k": "tfcompat.training.metrics_at_k:precision_at_top_k",
    "recall_at_k": "tfcompat.training.metrics_at_k:recall_at_k",
    "recall_at_top_k": "tfcompat.training.metrics_at_k:recall_at_top_k",
    "sparse_average_precision_at_k": "tfcompat.training.metrics_at_k:sparse_average_precision_at_k",
    "sparse_precision_at_k": "tfcompat.training.metrics_at_k:sparse_precision_at_k",
    "accuracy": "tfcompat.training.metrics_impl:accuracy",
    "false_negatives": "tfcompat.training.metrics_impl:false_negatives",
    "false_positives": "tfcompat.training.metrics_impl:false_positives",
    "mean": "tfcompat.training.metrics_impl:mean",
    "mean_absolute_error": "tfcompat.training.metrics_impl:mean_absolute_error",
    "mean_cosine_distance": "tfcompat.training.metrics_impl:mean_cosine_distance",
    "mean_iou": "tfcompat.training.metrics_impl:mean_iou",
    "mean_per_class_accuracy": "tfcompat.training.metrics_impl:mean_per_class_accuracy",
    "mean_relative_error": "tfcompat.training.metrics_impl:mean_relative_error",
    "mean_squared_error": "tfcompat.training.metrics_impl:mean_squared_error",
    "mean_tensor": "tfcompat.training.metrics_impl:mean_tensor",
    "percentage_below": "tfcompat.training.metrics_impl:percentage_below",
    "precision": "tfcompat.training.metrics_impl:precision",
    "recall": "tfcompat.training.metrics_impl:recall",
    "root_mean_squared_error": "tfcompat.training.metrics_impl:root_mean_squared_error",
    "true_negatives": "tfcompat.training.metrics_impl:true_negatives",
    "true_positives": "tfcompat.training.metrics_impl:true_positives",
    "auc": "tfcompat.training.metrics_thresholds:auc",
    "false_negatives_at_thresholds":
        "tfcompat.training.metrics_thresholds:false_negatives_at_thresholds",
    "false_positives_at_thresholds":
        "tfcompat.training.metrics_thresholds:false_positives_at_thresholds",
    "precision_at_thresholds": "tfcompat.training.metrics_thresholds:precision_at_thresholds",
    "recall_at_thresholds": "tfcompat.training.metrics_thresholds:recall_at_thresholds",
    "sensitivity_at_specificity": "tfcompat.training.metrics_thresholds:sensitivity_at_specificity",
    "specificity_at_sensitivity": "tfcompat.training.metrics_thresholds:specificity_at_sensitivity",
    "true_negatives_at_thresholds":
        "tfcompat.training.metrics_thresholds:true_negatives_at_thresholds",
    "true_positives_at_thresholds":
        "tfcompat.training.metrics_thresholds:true_positives_at_thresholds",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.metrics", __name__))
