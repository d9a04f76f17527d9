"""Seeds, stateless extras and tf.random.Generator against sample streams recorded from TF 2.21
(conformance/cases/random3 holds more)."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf


def _run(t):
    with tf.Session() as sess:
        return sess.run(t)


@pytest.fixture(autouse=True)
def _graph():
    with tf.Graph().as_default():
        yield


def test_split_and_fold_in_match_tf():
    np.testing.assert_array_equal(_run(tf.random.split([1, 2])),
                                  [[1105988140, 1738052849], [-335576002, 370444179]])
    np.testing.assert_array_equal(_run(tf.random.fold_in([1, 2], 7)), [1105988140, 7])
    out = _run(tf.random.experimental.stateless_split(tf.constant([1, 2], tf.int64), 3))
    assert out.dtype == np.int64
    assert out[0].tolist() == [7464880146280614444, 1591045637757961278]


def test_full_range_integers_and_shuffle_match_tf():
    out = _run(tf.random.stateless_uniform([5], [1, 2], minval=None, maxval=None,
                                           dtype=tf.uint32))
    assert out.tolist() == [1105988140, 1738052849, 3959391294, 370444179, 10670227]
    assert _run(tf.random.experimental.stateless_shuffle(tf.range(6), [1, 2])).tolist() == \
        [4, 5, 0, 3, 1, 2]


def test_stateless_ops_are_not_differentiable():
    x = tf.constant([1.0, 2.0])
    y = tf.random.experimental.stateless_shuffle(x, [1, 2])
    assert tf.gradients(y, x) == [None]


@pytest.mark.parametrize("seed, alg, expected", [
    (5, "philox", [5, 0, 0]), (2**70 + 3, "philox", [3, 64, 0]), (-1, 1, [-1, -1, -1]),
    (5, "threefry", [5, 0]), ([7], "auto_select", [0, 0, 7]), ([1, 2, 3, 4], "philox", [1, 2, 3]),
])
def test_create_rng_state(seed, alg, expected):
    assert _run(tf.random.create_rng_state(seed, alg)).tolist() == expected


def test_create_rng_state_rejects_unknown_algorithms():
    with pytest.raises(ValueError, match="unsupported value foo"):
        tf.random.create_rng_state(1, "foo")
