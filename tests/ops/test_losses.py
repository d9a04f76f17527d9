"""tf.losses against TF 2.21: names, reductions, weights, collections, errors and gradients.

Expected numbers were recorded from TF 2.21 (the same programs are in conformance/cases/losses).
"""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.ops import losses_impl as losses
from tfcompat.testing import gradient_checker

LABELS = [[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
PREDS = [[0.9, 0.2, 0.4], [0.3, 0.7, 0.05]]
LOGITS = [[2.0, -1.0, 0.5], [-0.3, 1.5, -2.0]]
W_FULL = [[1.0, 0.0, 3.0], [0.5, 0.0, 2.0]]


def _run(tensors):
    with tf.Session() as sess:
        return sess.run(tensors)


def test_loss_graph_is_tfs_and_lands_in_losses_collection():
    loss = losses.mean_squared_error(LABELS, PREDS)
    assert loss.name == "mean_squared_error/value:0" and loss.op.type == "DivNoNan"
    graph = tf.get_default_graph()
    for name, op_type in [("mean_squared_error/SquaredDifference", "SquaredDifference"),
                          ("mean_squared_error/assert_broadcastable/static_scalar_check_success",
                           "NoOp"),
                          ("mean_squared_error/num_present", "Sum"),
                          ("mean_squared_error/range", "Range")]:
        assert graph.get_operation_by_name(name).type == op_type
    # Ops made after the broadcast check depend on it (those fed by such ops inherit it).
    assert [op.name for op in graph.get_operation_by_name("mean_squared_error/Cast_2/x")
            .control_inputs] == ["mean_squared_error/assert_broadcastable/"
                                 "static_scalar_check_success"]
    assert tf.get_collection(tf.GraphKeys.LOSSES) == [loss]


@pytest.mark.parametrize("fn, weights, expected", [
    (losses.absolute_difference, 1.0, 0.25833),
    (losses.mean_squared_error, 1.0, 0.09875),
    (losses.log_loss, 1.0, 0.33491),
    (losses.absolute_difference, [[2.0], [0.0]], 0.6),
    (losses.log_loss, [[2.0], [0.0]], 0.82986),
    (losses.absolute_difference, W_FULL, 0.53750),
    (losses.mean_squared_error, W_FULL, 0.28500),
])
def test_regression_losses_match_tf(fn, weights, expected):
    np.testing.assert_allclose(_run(fn(LABELS, PREDS, weights)), expected, atol=1e-5)


@pytest.mark.parametrize("fn, kwargs, expected", [
    (losses.hinge_loss, {}, 0.2),
    (losses.huber_loss, {"delta": 0.8}, 0.4225),
    (losses.sigmoid_cross_entropy, {}, 0.29949),
    (losses.sigmoid_cross_entropy, {"label_smoothing": 0.2}, 0.42116),
    (losses.softmax_cross_entropy, {}, 1.08059),
    (losses.softmax_cross_entropy, {"weights": [3.0, 1.0], "label_smoothing": 0.3}, 3.21962),
])
def test_logit_losses_match_tf(fn, kwargs, expected):
    np.testing.assert_allclose(_run(fn(LABELS, LOGITS, **kwargs)), expected, atol=1e-5)


def test_sparse_softmax_squeezes_trailing_unit_dims():
    plain = losses.sparse_softmax_cross_entropy([2, 1], LOGITS)
    squeezed = losses.sparse_softmax_cross_entropy([[2], [1]], LOGITS, [[0.5], [2.0]])
    assert squeezed.op.graph.get_operation_by_name(
        "sparse_softmax_cross_entropy_loss_1/Squeeze").type == "Squeeze"
    np.testing.assert_allclose(_run([plain, squeezed]), [0.95994, 0.61389], atol=1e-5)


@pytest.mark.parametrize("reduction, mse, per_row", [
    (losses.Reduction.SUM, 1.14, 1.0),
    (losses.Reduction.MEAN, 0.17538, 0.5),
    (losses.Reduction.SUM_OVER_BATCH_SIZE, 0.19, 0.5),
    (losses.Reduction.SUM_BY_NONZERO_WEIGHTS, 0.285, 1.0),
])
def test_reductions_match_tf(reduction, mse, per_row):
    a = losses.mean_squared_error(LABELS, PREDS, W_FULL, reduction=reduction)
    b = losses.compute_weighted_loss([[0.5], [1.5]], [[2.0], [0.0]], reduction=reduction)
    np.testing.assert_allclose(_run([a, b]), [mse, per_row], atol=1e-5)


def test_reduction_none_keeps_weighted_elements_and_dtype_round_trips():
    none = losses.mean_squared_error(LABELS, PREDS, W_FULL, reduction=losses.Reduction.NONE)
    assert none.name == "mean_squared_error/Mul:0" and none.shape.as_list() == [2, 3]
    f64 = losses.compute_weighted_loss(tf.constant([1.0, 4.0], tf.float64), 2.0)
    assert f64.dtype == tf.float64
    np.testing.assert_allclose(_run(none), [[0.01, 0.0, 1.08], [0.045, 0.0, 0.005]], atol=1e-6)
    assert _run(f64) == 5.0
    zero = losses.mean_squared_error(LABELS, PREDS, 0.0)
    assert _run(zero) == 0.0  # DivNoNan: no weight present gives 0, not NaN


def test_gradients_flow_to_predictions_and_logits():
    preds = tf.constant(PREDS)
    logits = tf.constant(LOGITS)
    total = tf.add_n([losses.log_loss(LABELS, preds, W_FULL),
                      losses.huber_loss(LABELS, logits, W_FULL, delta=0.8),
                      losses.softmax_cross_entropy(LABELS, logits, label_smoothing=0.3),
                      losses.sigmoid_cross_entropy(LABELS, logits, [[2.0], [0.0]])])
    assert all(g is not None for g in tf.gradients(total, [preds, logits]))


@pytest.mark.parametrize("build", [
    lambda p: losses.absolute_difference(LABELS, p + 0.05, W_FULL),
    lambda p: losses.mean_squared_error(LABELS, p, [[2.0], [0.5]]),
    lambda p: losses.log_loss(LABELS, p, W_FULL),
    lambda p: losses.hinge_loss(LABELS, p * 3, W_FULL),
    lambda p: losses.huber_loss(LABELS, p * 3, delta=0.5),
    lambda p: losses.sigmoid_cross_entropy(LABELS, p, label_smoothing=0.1),
    # Rows of one-hot labels sum to 1, as the fused kernel's gradient assumes.
    lambda p: losses.softmax_cross_entropy([[0.0, 0.0, 1.0], [0.0, 1.0, 0.0]], p, [1.0, 3.0],
                                           label_smoothing=0.2),
    lambda p: losses.sparse_softmax_cross_entropy([0, 2], p, [[1.0], [0.5]]),
    lambda p: losses.cosine_distance(LABELS, p, axis=1, reduction=losses.Reduction.MEAN),
])
def test_numerical_gradients(build):
    # tf.losses computes in float32 whatever the input dtype, so the check is float32's.
    p = tf.constant(PREDS)
    loss = build(p)
    with tf.Session():
        err = gradient_checker.compute_gradient_error(p, [2, 3], loss, loss.shape.as_list(),
                                                      x_init_value=np.array(PREDS, np.float32))
    assert err < 2e-3


def test_collection_helpers():
    x = tf.constant([[1.0, 2.0], [3.0, 4.0]], name="x")
    with pytest.raises(ValueError, match="Inputs must be an iterable of at least one"):
        losses.get_total_loss()
    assert losses.get_regularization_loss().name == "Const:0"
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.reduce_sum(x, name="r1"))
    with tf.name_scope("reg"):
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.nn.l2_loss(x))
    assert [t.name for t in losses.get_regularization_losses(scope="reg")] == ["reg/L2Loss:0"]
    assert losses.get_regularization_loss().name == "total_regularization_loss:0"
    with tf.name_scope("s"):
        s_loss = losses.absolute_difference(x, x * 2)
    losses.add_loss(tf.constant(3.0, name="extra"))
    losses.add_loss(tf.constant(4.0, name="other"), loss_collection="mine")
    losses.add_loss(tf.constant(5.0, name="dropped"), loss_collection=None)
    assert losses.get_losses(scope="s") == [s_loss]
    assert [t.name for t in losses.get_losses(loss_collection="mine")] == ["other:0"]
    totals = [losses.get_total_loss(), losses.get_total_loss(False),
              losses.get_total_loss(name="tt", scope="s")]
    assert [t.name for t in totals] == ["total_loss:0", "total_loss_1:0", "tt:0"]
    np.testing.assert_allclose(_run(totals), [30.5, 5.5, 2.5])


def test_errors_are_tfs():
    x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(ValueError, match=r"^Invalid Reduction Key sum\. Key should be one of"):
        losses.compute_weighted_loss(x, reduction="sum")
    with pytest.raises(ValueError, match=r"^weights can not be broadcast to values\. "
                                         r"values\.rank=2\. weights\.rank=1\."):
        losses.mean_squared_error(x, x, weights=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"Mismatch at dim 1\. values\.shape=\[2 2\], "
                                         r"weights\.shape=\[1 3\]\."):
        losses.mean_squared_error(x, x, weights=[[1.0, 2.0, 3.0]])
    with pytest.raises(ValueError, match=r"^Shapes \(3,\) and \(2, 2\) are incompatible$"):
        losses.huber_loss(x, tf.ones([3]))
    with pytest.raises(ValueError, match="^Argument `labels` must not be None.$"):
        losses.log_loss(None, x)
    with pytest.raises(ValueError, match="^Argument `multi_class_labels` must not be None.$"):
        losses.sigmoid_cross_entropy(None, x)
    with pytest.raises(ValueError, match="^You must specify argument `axis`.$"):
        losses.cosine_distance(x, x)


def test_unknown_dims_skip_the_static_check_and_still_compute():
    # TF adds a run-time Assert under tf.cond here; tfcompat leaves the check to the Mul.
    x = tf.placeholder(tf.float32, [None, 2])
    loss = losses.mean_squared_error(x, x * 0.0, weights=[[1.0], [3.0]])
    with tf.Session() as sess:
        value = sess.run(loss, {x: [[1.0, 2.0], [3.0, 4.0]]})
    np.testing.assert_allclose(value, (1 + 4 + 3 * (9 + 16)) / 4)
