"""Streaming metrics against numpy (TF's recorded values: conformance/cases/metrics2)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


def _stream(make_metric, batches):
    with tf.Graph().as_default():
        labels = tf.placeholder(tf.int64, [None])
        scores = tf.placeholder(tf.float32, [None])
        value, update = make_metric(labels, tf.identity(scores))
        with tf.Session() as sess:
            sess.run(tf.local_variables_initializer())
            for l, s in batches:
                sess.run(update, {labels: l, scores: s})
            return sess.run(value)


_batches = st.lists(st.integers(1, 8).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 1), min_size=n, max_size=n),
    st.lists(st.floats(0.0, 1.0, width=32), min_size=n, max_size=n))), min_size=1,
    max_size=3)


@settings(max_examples=25, deadline=None)
@given(_batches)
def test_precision_recall_accuracy_equal_their_counts_over_all_batches(batches):
    labels = np.concatenate([np.array(l) for l, _ in batches]).astype(bool)
    predicted = np.concatenate([np.array(s) for _, s in batches]) > 0.5
    tp = np.sum(labels & predicted)
    fp = np.sum(~labels & predicted)
    fn = np.sum(labels & ~predicted)
    got_p = _stream(lambda l, s: tf.metrics.precision(l, tf.greater(s, 0.5)), batches)
    got_r = _stream(lambda l, s: tf.metrics.recall(l, tf.greater(s, 0.5)), batches)
    got_a = _stream(lambda l, s: tf.metrics.accuracy(l, tf.cast(tf.greater(s, 0.5),
                                                                tf.int64)), batches)
    np.testing.assert_allclose(got_p, tp / (tp + fp) if tp + fp else 0.0, rtol=1e-6)
    np.testing.assert_allclose(got_r, tp / (tp + fn) if tp + fn else 0.0, rtol=1e-6)
    np.testing.assert_allclose(got_a, np.mean(labels == predicted), rtol=1e-6)


def test_auc_is_one_for_separated_scores_and_half_for_constant_scores():
    batches = [([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])]
    assert _stream(lambda l, s: tf.metrics.auc(l, s), batches) > 0.99
    constant = [([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])]
    np.testing.assert_allclose(_stream(lambda l, s: tf.metrics.auc(l, s), constant), 0.5,
                               atol=1e-3)


def test_mean_iou_of_perfect_predictions_is_one():
    batches = [([0, 1, 2, 2], [0.0, 1.0, 2.0, 2.0])]
    value = _stream(lambda l, s: tf.metrics.mean_iou(l, tf.cast(s, tf.int64), 3), batches)
    np.testing.assert_allclose(value, 1.0)


def test_recall_at_k_counts_label_sets():
    with tf.Graph().as_default():
        labels = tf.constant([[0, 0], [2, 3]], tf.int64)   # row 0 is the set {0}
        logits = tf.constant([[0.9, 0.1, 0.0, 0.0], [0.0, 0.1, 0.8, 0.2]])
        value, update = tf.metrics.recall_at_k(labels, logits, 1)
        with tf.Session() as sess:
            sess.run(tf.local_variables_initializer())
            sess.run(update)
            np.testing.assert_allclose(sess.run(value), 2 / 3)
