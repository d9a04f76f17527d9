"""tf.contrib.crf against brute-force enumeration of every tag sequence, and numerical
gradients."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import tfcompat as tf

crf = tf.contrib.crf


def brute_force(x, trans, length):
    """(log norm, best sequence, best score, score function) over all sequences."""
    tags = x.shape[1]

    def score(y):
        return (sum(x[t, y[t]] for t in range(length))
                + sum(trans[y[t - 1], y[t]] for t in range(1, length)))

    sequences = list(itertools.product(range(tags), repeat=length))
    scores = np.array([score(y) for y in sequences], np.float64)
    best = int(np.argmax(scores))
    return np.log(np.exp(scores).sum()), list(sequences[best]), scores[best], score


@pytest.fixture
def problem():
    rng = np.random.RandomState(3)
    x = rng.randn(4, 5, 3)
    trans = rng.randn(3, 3)
    tags = rng.randint(0, 3, (4, 5)).astype(np.int32)
    lengths = np.array([5, 2, 1, 4], np.int32)
    return x, trans, tags, lengths


def test_log_likelihood_and_decode_match_enumeration(problem):
    x, trans, tags, lengths = problem
    ll, _ = crf.crf_log_likelihood(tf.constant(x), tf.constant(tags), tf.constant(lengths),
                                   tf.constant(trans))
    decoded, best = crf.crf_decode(tf.constant(x), tf.constant(trans), tf.constant(lengths))
    with tf.Session() as sess:
        ll_v, decoded_v, best_v = sess.run([ll, decoded, best])
    assert decoded_v.dtype == np.int32 and decoded.shape.as_list() == [4, 5]
    for b, length in enumerate(lengths):
        log_norm, sequence, score, score_of = brute_force(x[b], trans, length)
        np.testing.assert_allclose(ll_v[b], score_of(tags[b]) - log_norm, rtol=1e-10)
        assert list(decoded_v[b]) == sequence + [0] * (5 - length)
        np.testing.assert_allclose(best_v[b], score, rtol=1e-10)
        viterbi, viterbi_score = crf.viterbi_decode(x[b, :length], trans)
        assert [int(t) for t in viterbi] == sequence
        np.testing.assert_allclose(viterbi_score, score, rtol=1e-10)


def test_parts_of_the_score(problem):
    x, trans, tags, lengths = problem
    unary = crf.crf_unary_score(tf.constant(tags), tf.constant(lengths), tf.constant(x))
    binary = crf.crf_binary_score(tf.constant(tags), tf.constant(lengths), tf.constant(trans))
    log_norm = crf.crf_log_norm(tf.constant(x), tf.constant(lengths), tf.constant(trans))
    with tf.Session() as sess:
        unary_v, binary_v, log_norm_v = sess.run([unary, binary, log_norm])
    for b, length in enumerate(lengths):
        np.testing.assert_allclose(unary_v[b], sum(x[b, t, tags[b, t]] for t in range(length)))
        np.testing.assert_allclose(binary_v[b], sum(trans[tags[b, t - 1], tags[b, t]]
                                                    for t in range(1, length)))
        np.testing.assert_allclose(log_norm_v[b], brute_force(x[b], trans, length)[0])


def test_zero_length_scores_nothing_and_single_step_sequences():
    x = np.arange(6, dtype=np.float32).reshape(2, 1, 3)
    trans = np.ones((3, 3), np.float32)
    ll, _ = crf.crf_log_likelihood(tf.constant(x), tf.constant([[2], [0]]), tf.constant([1, 0]),
                                   tf.constant(trans))
    tags, best = crf.crf_decode(tf.constant(x), tf.constant(trans), tf.constant([1, 1]))
    with tf.Session() as sess:
        ll_v, tags_v, best_v = sess.run([ll, tags, best])
    np.testing.assert_allclose(ll_v[0], 2 - np.log(np.exp([0, 1, 2]).sum()), rtol=1e-6)
    assert ll_v[1] == 0.0
    assert tags_v.tolist() == [[2], [2]] and best_v.tolist() == [2.0, 5.0]


def test_transitions_variable_is_created():
    x = tf.placeholder(tf.float32, [None, 4, 3])
    _, transitions = crf.crf_log_likelihood(x, tf.zeros([2, 4], tf.int32), tf.constant([4, 2]))
    assert transitions.name == "transitions:0" and transitions.shape.as_list() == [3, 3]
    assert transitions in tf.trainable_variables()


def test_gradients_are_numerically_right(problem):
    x, trans, tags, lengths = problem
    inputs = tf.constant(x)
    transitions = tf.constant(trans)
    ll, _ = crf.crf_log_likelihood(inputs, tf.constant(tags), tf.constant(lengths), transitions)
    with tf.Session():
        error = tf.test.compute_gradient_error
        assert error(inputs, list(x.shape), ll, [4], x_init_value=x) < 1e-6
        assert error(transitions, [3, 3], ll, [4], x_init_value=trans) < 1e-6


def test_dynamic_time_axis_is_rejected_by_name():
    with pytest.raises(ValueError, match="static shape"):
        crf.crf_log_norm(tf.placeholder(tf.float32, [2, None, 3]), tf.constant([1, 1]),
                         tf.ones([3, 3]))
