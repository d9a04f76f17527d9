"""``tf.losses``: weighted losses reduced to a scalar and collected in ``GraphKeys.LOSSES``.

Every loss function opens its own name scope (``mean_squared_error``, ``log_loss``...), computes
per-element losses, then hands them to :func:`compute_weighted_loss`, which multiplies by the
weights and reduces them as ``reduction`` says. The reduced loss is named ``<scope>/value`` (a
DivNoNan), as TF names it.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.ops import GraphKeys, Tensor, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, control_flow_ops, math_ops, nn_ops


class Reduction:
    """Types of loss reduction (``tf.losses.Reduction``).

    ``SUM_BY_NONZERO_WEIGHTS`` (the default) divides the weighted sum by the number of non-zero
    weights; ``SUM_OVER_NONZERO_WEIGHTS`` is its newer name.
    """

    NONE = "none"
    SUM = "weighted_sum"
    MEAN = "weighted_mean"
    SUM_OVER_BATCH_SIZE = "weighted_sum_over_batch_size"
    SUM_BY_NONZERO_WEIGHTS = "weighted_sum_by_nonzero_weights"
    SUM_OVER_NONZERO_WEIGHTS = SUM_BY_NONZERO_WEIGHTS

    @classmethod
    def all(cls) -> tuple[str, ...]:
        return (cls.NONE, cls.SUM, cls.MEAN, cls.SUM_OVER_BATCH_SIZE,
                cls.SUM_OVER_NONZERO_WEIGHTS, cls.SUM_BY_NONZERO_WEIGHTS)

    @classmethod
    def validate(cls, key) -> None:
        if key not in cls.all():
            raise ValueError(f"Invalid Reduction Key {key}. Key should be one of {cls.all()}.")


# ---- weights broadcasting --------------------------------------------------------------------

_BROADCAST_ERROR = "weights can not be broadcast to values."


def assert_broadcastable(weights, values):
    """The check that ``weights`` broadcast to ``values``: a NoOp when shapes prove it statically,
    a ValueError when they disprove it.

    When a dimension is unknown TF adds a run-time Assert under a ``tf.cond``; tfcompat has
    neither, so it returns None and leaves the run-time mismatch to the multiplication.
    """
    with ops.name_scope(None, "assert_broadcastable", (weights, values)):
        with ops.name_scope(None, "weights", (weights,)) as weights_scope:
            weights = convert_to_tensor(weights, name=weights_scope)
            weights_shape = array_ops.shape(weights, name="shape")
            weights_rank = array_ops.rank(weights, name="rank")
        with ops.name_scope(None, "values", (values,)) as values_scope:
            values = convert_to_tensor(values, name=values_scope)
            values_shape = array_ops.shape(values, name="shape")
            values_rank = array_ops.rank(values, name="rank")
        weights_rank_static = tensor_util.constant_value(weights_rank)
        values_rank_static = tensor_util.constant_value(values_rank)
        if weights_rank_static is None or values_rank_static is None:
            return None
        if weights_rank_static == 0:
            return control_flow_ops.no_op(name="static_scalar_check_success")
        if weights_rank_static != values_rank_static:
            raise ValueError(
                f"{_BROADCAST_ERROR} values.rank={values_rank_static}. weights.rank="
                f"{weights_rank_static}. values.shape={values.shape}. weights.shape="
                f"{weights.shape}. Received weights={weights}, values={values}")
        weights_dims = tensor_util.constant_value(weights_shape)
        values_dims = tensor_util.constant_value(values_shape)
        if weights_dims is None or values_dims is None:
            return None
        for i, (w, v) in enumerate(zip(weights_dims, values_dims)):
            if w not in (1, v):
                raise ValueError(
                    f"{_BROADCAST_ERROR} Mismatch at dim {i}. values.shape={values_dims}, "
                    f"weights.shape={weights_dims}. Received weights={weights}, "
                    f"values={values}")
        return control_flow_ops.no_op(name="static_dims_check_success")


def _control_dependencies(op):
    return ops.get_default_graph().control_dependencies([op] if op is not None else [])


def broadcast_weights(weights, values) -> Tensor:
    """``weights`` broadcast to the shape of ``values`` (``weights * ones_like(values)``)."""
    with ops.name_scope(None, "broadcast_weights", (weights, values)) as scope:
        values = convert_to_tensor(values, name="values")
        weights = convert_to_tensor(weights, dtype=values.dtype.base_dtype, name="weights")
        if (weights.shape.is_fully_defined() and values.shape.is_fully_defined()
                and weights.shape.is_compatible_with(values.shape)):
            return weights
        with _control_dependencies(assert_broadcastable(weights, values)):
            return math_ops.multiply(weights, array_ops.ones_like(values), name=scope)



def _require_arguments(**arguments) -> None:
    """TF's ValueError for the first argument that is None, in the order given."""
    for name, value in arguments.items():
        if value is None:
            raise ValueError(f"Argument `{name}` must not be None.")

# ---- reduction -------------------------------------------------------------------------------

def _safe_mean(losses: Tensor, num_present: Tensor) -> Tensor:
    return math_ops.div_no_nan(math_ops.reduce_sum(losses), num_present, name="value")


def _num_present(losses: Tensor, weights: Tensor) -> Tensor:
    """The number of elements of ``losses`` whose (broadcast) weight is non-zero."""
    with ops.name_scope(None, "num_present", (losses, weights)) as scope:
        weights = math_ops.cast(weights, dtypes.float32)
        present = math_ops.where(math_ops.equal(weights, 0.0), array_ops.zeros_like(weights),
                                 array_ops.ones_like(weights))
        present = broadcast_weights(present, losses)
        return math_ops.reduce_sum(present, name=scope)


def _num_elements(losses: Tensor) -> Tensor:
    with ops.name_scope(None, "num_elements", (losses,)) as scope:
        return math_ops.cast(array_ops.size(losses, name=scope), losses.dtype)


def compute_weighted_loss(losses, weights=1.0, scope=None, loss_collection=GraphKeys.LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Computes the weighted loss.

    ``weights`` must be a scalar or broadcastable to ``losses`` (rank 0, or the same rank with
    each dimension 1 or equal). Losses are computed in float32 and cast back to their dtype.
    Returns a scalar unless ``reduction`` is ``NONE``; the result is added to
    ``loss_collection``.
    """
    Reduction.validate(reduction)
    with ops.name_scope(scope, "weighted_loss", (losses, weights)):
        with _control_dependencies(assert_broadcastable(weights, losses)):
            losses = convert_to_tensor(losses)
            input_dtype = losses.dtype
            losses = math_ops.cast(losses, dtypes.float32)
            weights = math_ops.cast(weights, dtypes.float32)
            weighted_losses = math_ops.multiply(losses, weights)
            if reduction == Reduction.NONE:
                loss = weighted_losses
            else:
                loss = math_ops.reduce_sum(weighted_losses)
                if reduction == Reduction.MEAN:
                    loss = _safe_mean(
                        loss, math_ops.reduce_sum(array_ops.ones_like(losses) * weights))
                elif reduction == Reduction.SUM_BY_NONZERO_WEIGHTS:
                    loss = _safe_mean(loss, _num_present(losses, weights))
                elif reduction == Reduction.SUM_OVER_BATCH_SIZE:
                    loss = _safe_mean(loss, _num_elements(losses))
            loss = math_ops.cast(loss, input_dtype)
            add_loss(loss, loss_collection)
            return loss


# ---- the losses ------------------------------------------------------------------------------

def _check_not_none(labels, predictions, predictions_name="predictions") -> None:
    _require_arguments(labels=labels, **{predictions_name: predictions})


def _as_float32_pair(predictions, labels) -> tuple[Tensor, Tensor]:
    predictions = math_ops.cast(predictions, dtypes.float32)
    labels = math_ops.cast(labels, dtypes.float32)
    predictions.shape.assert_is_compatible_with(labels.shape)
    return predictions, labels


def absolute_difference(labels, predictions, weights=1.0, scope=None,
                        loss_collection=GraphKeys.LOSSES,
                        reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted ``|predictions - labels|`` (``tf.losses.absolute_difference``)."""
    _check_not_none(labels, predictions)
    with ops.name_scope(scope, "absolute_difference", (predictions, labels, weights)) as scope:
        predictions, labels = _as_float32_pair(predictions, labels)
        losses = math_ops.abs(math_ops.subtract(predictions, labels))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def mean_squared_error(labels, predictions, weights=1.0, scope=None,
                       loss_collection=GraphKeys.LOSSES,
                       reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted ``(predictions - labels) ** 2`` (``tf.losses.mean_squared_error``)."""
    _check_not_none(labels, predictions)
    with ops.name_scope(scope, "mean_squared_error", (predictions, labels, weights)) as scope:
        predictions, labels = _as_float32_pair(predictions, labels)
        losses = math_ops.squared_difference(predictions, labels)
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def log_loss(labels, predictions, weights=1.0, epsilon=1e-7, scope=None,
             loss_collection=GraphKeys.LOSSES,
             reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted ``-labels * log(p + eps) - (1 - labels) * log(1 - p + eps)``."""
    _check_not_none(labels, predictions)
    with ops.name_scope(scope, "log_loss", (predictions, labels, weights)) as scope:
        predictions, labels = _as_float32_pair(predictions, labels)
        losses = (-math_ops.multiply(labels, math_ops.log(predictions + epsilon))
                  - math_ops.multiply(1 - labels, math_ops.log(1 - predictions + epsilon)))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def hinge_loss(labels, logits, weights=1.0, scope=None, loss_collection=GraphKeys.LOSSES,
               reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted ``relu(1 - (2 * labels - 1) * logits)`` for 0/1 ``labels``."""
    _check_not_none(labels, logits, "logits")
    with ops.name_scope(scope, "hinge_loss", (logits, labels, weights)) as scope:
        logits, labels = _as_float32_pair(logits, labels)
        all_ones = array_ops.ones_like(labels)
        labels = math_ops.subtract(2 * labels, all_ones)
        losses = nn_ops.relu(math_ops.subtract(all_ones, math_ops.multiply(labels, logits)))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def huber_loss(labels, predictions, weights=1.0, delta=1.0, scope=None,
               loss_collection=GraphKeys.LOSSES,
               reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted Huber loss: ``0.5 * e**2`` for ``|e| <= delta``, else
    ``0.5 * delta**2 + delta * (|e| - delta)``, with ``e = predictions - labels``."""
    _check_not_none(labels, predictions)
    with ops.name_scope(scope, "huber_loss", (predictions, labels, weights)) as scope:
        predictions, labels = _as_float32_pair(predictions, labels)
        abs_error = math_ops.abs(math_ops.subtract(predictions, labels))
        quadratic = math_ops.minimum(abs_error, delta)
        # The linear part is |e| - min(|e|, delta), which keeps the gradient continuous.
        linear = math_ops.subtract(abs_error, quadratic)
        half = convert_to_tensor(0.5, dtype=quadratic.dtype)
        losses = math_ops.add(math_ops.multiply(half, math_ops.multiply(quadratic, quadratic)),
                              math_ops.multiply(delta, linear))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def cosine_distance(labels, predictions, axis=None, weights=1.0, scope=None,
                    loss_collection=GraphKeys.LOSSES,
                    reduction=Reduction.SUM_BY_NONZERO_WEIGHTS, dim=None) -> Tensor:
    """Weighted ``1 - sum(predictions * labels, axis)`` for unit-normalized inputs."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    if axis is None:
        raise ValueError("You must specify argument `axis`.")
    _check_not_none(labels, predictions)
    with ops.name_scope(scope, "cosine_distance_loss", (predictions, labels, weights)) as scope:
        predictions, labels = _as_float32_pair(predictions, labels)
        radial_diffs = math_ops.multiply(predictions, labels)
        losses = 1 - math_ops.reduce_sum(radial_diffs, axis=(axis,), keepdims=True)
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def sigmoid_cross_entropy(multi_class_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection=GraphKeys.LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted sigmoid cross entropy; labels smoothed towards 1/2 by ``label_smoothing``."""
    _require_arguments(multi_class_labels=multi_class_labels, logits=logits)
    with ops.name_scope(scope, "sigmoid_cross_entropy_loss",
                        (logits, multi_class_labels, weights)) as scope:
        logits = convert_to_tensor(logits)
        multi_class_labels = math_ops.cast(multi_class_labels, logits.dtype)
        logits.shape.assert_is_compatible_with(multi_class_labels.shape)
        if label_smoothing > 0:
            multi_class_labels = (multi_class_labels * (1 - label_smoothing)
                                  + 0.5 * label_smoothing)
        losses = nn_ops.sigmoid_cross_entropy_with_logits(labels=multi_class_labels,
                                                          logits=logits, name="xentropy")
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def softmax_cross_entropy(onehot_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection=GraphKeys.LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted softmax cross entropy; with ``label_smoothing`` the labels become
    ``onehot * (1 - label_smoothing) + label_smoothing / num_classes``. No gradient flows
    into the labels."""
    _require_arguments(onehot_labels=onehot_labels, logits=logits)
    with ops.name_scope(scope, "softmax_cross_entropy_loss",
                        (logits, onehot_labels, weights)) as scope:
        logits = convert_to_tensor(logits)
        onehot_labels = math_ops.cast(onehot_labels, logits.dtype)
        logits.shape.assert_is_compatible_with(onehot_labels.shape)
        if label_smoothing > 0:
            num_classes = math_ops.cast(array_ops.shape(onehot_labels)[-1], logits.dtype)
            smooth_positives = 1.0 - label_smoothing
            smooth_negatives = label_smoothing / num_classes
            onehot_labels = onehot_labels * smooth_positives + smooth_negatives
        onehot_labels = array_ops.stop_gradient(onehot_labels, name="labels_stop_gradient")
        losses = nn_ops.softmax_cross_entropy_with_logits_v2(labels=onehot_labels,
                                                             logits=logits, name="xentropy")
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


def _squeeze_last_if(t: Tensor, condition: bool) -> Tensor:
    return array_ops.squeeze(t, [-1]) if condition else t


def _remove_squeezable_dimensions(labels, predictions, weights):
    """Drops a trailing size-1 dimension so ``labels`` and ``weights`` have rank
    ``rank(predictions) - 1`` (for sparse labels against logits)."""
    with ops.name_scope(None, "remove_squeezable_dimensions", (labels, predictions)):
        predictions = convert_to_tensor(predictions)
        labels = convert_to_tensor(labels)
        predictions_shape, labels_shape = predictions.shape, labels.shape
        if predictions_shape.ndims is None or labels_shape.ndims is None:
            # TF decides at run time with tf.cond, which tfcompat lacks.
            raise NotImplementedError("tfcompat needs the ranks of labels and logits to be "
                                      "known statically here")
        rank_diff = predictions_shape.ndims - labels_shape.ndims
        predictions = _squeeze_last_if(
            predictions, rank_diff == 2 and predictions_shape[-1].is_compatible_with(1))
        labels = _squeeze_last_if(
            labels, rank_diff == 0 and labels_shape[-1].is_compatible_with(1))
    weights = convert_to_tensor(weights)
    if weights.shape.ndims is None:
        raise NotImplementedError("tfcompat needs the rank of weights to be known statically "
                                  "here")
    weights = _squeeze_last_if(weights, weights.shape.ndims - labels.shape.ndims == 1)
    return labels, predictions, weights


def sparse_softmax_cross_entropy(labels, logits, weights=1.0, scope=None,
                                 loss_collection=GraphKeys.LOSSES,
                                 reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """Weighted cross entropy between ``logits`` and integer class ``labels``; ``labels`` and
    ``weights`` may carry a trailing dimension of size 1."""
    _check_not_none(labels, logits, "logits")
    with ops.name_scope(scope, "sparse_softmax_cross_entropy_loss",
                        (logits, labels, weights)) as scope:
        labels, logits, weights = _remove_squeezable_dimensions(labels, logits, weights)
        losses = nn_ops.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits,
                                                                 name="xentropy")
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


# ---- loss collections ------------------------------------------------------------------------

def add_loss(loss, loss_collection=GraphKeys.LOSSES) -> None:
    """Adds an externally defined loss to ``loss_collection`` (nothing when it is None)."""
    if loss_collection:
        ops.get_default_graph().add_to_collection(loss_collection, loss)


def get_losses(scope=None, loss_collection=GraphKeys.LOSSES) -> list:
    """The losses in ``loss_collection`` whose names match ``scope``."""
    return ops.get_default_graph().get_collection(loss_collection, scope)


def get_regularization_losses(scope=None) -> list:
    """The ``REGULARIZATION_LOSSES`` whose names match ``scope``."""
    return ops.get_default_graph().get_collection(GraphKeys.REGULARIZATION_LOSSES, scope)


def get_regularization_loss(scope=None, name="total_regularization_loss") -> Tensor:
    """The sum of the regularization losses (a Const 0.0 when there are none)."""
    losses = get_regularization_losses(scope)
    if losses:
        return math_ops.add_n(losses, name=name)
    return constant_op.constant(0.0)


def get_total_loss(add_regularization_losses=True, name="total_loss", scope=None) -> Tensor:
    """The sum of ``get_losses()`` and, by default, ``get_regularization_losses()``.

    Raises ValueError (from ``add_n``) when there is no loss at all.
    """
    losses = get_losses(scope=scope)
    if add_regularization_losses:
        losses += get_regularization_losses(scope=scope)
    return math_ops.add_n(losses, name=name)
