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


def test_generator_continues_tf_stream_and_advances_state():
    gen = tf.random.Generator.from_seed(1)
    first = gen.normal([3])
    ints = gen.uniform([4], minval=0, maxval=10, dtype=tf.int32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        np.testing.assert_allclose(sess.run(first), [0.4384227395057678, -0.5343984365463257,
                                                     -0.07710261642932892], rtol=0)
        assert sess.run(gen.state).tolist() == [769, 0, 0]
        sess.run(ints)
        assert sess.run(gen.state).tolist() == [1793, 0, 0]
        # a new session starts from the initial state again
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert sess.run(gen.state).tolist() == [1, 0, 0]


def test_generator_split_keys_children_by_draws():
    parent = tf.random.Generator.from_seed(7)
    children = parent.split(2)
    expected_keys = tf.random.Generator.from_seed(7).uniform_full_int([2], dtype=tf.int64)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        keys = sess.run(expected_keys)
        states = sess.run([c.state for c in children])
    assert [s.tolist() for s in states] == [[0, 0, int(keys[0])], [0, 0, int(keys[1])]]


def test_generator_reset_and_skip():
    gen = tf.random.Generator.from_seed(3)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(gen.reset([10, 0, 3]))
        assert sess.run(gen.skip(5)).tolist() == [10, 0, 3]
        assert sess.run(gen.state).tolist() == [10 + 5 * 256, 0, 3]
        sess.run(gen.reset_from_key_counter(4, [100, 1]))
        assert sess.run(gen.state).tolist() == [100, 1, 4]


def test_counter_carries_into_the_high_word():
    gen = tf.random.Generator.from_state([-256, 0, 9], "philox")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(gen.normal([2]))
        assert sess.run(gen.state).tolist() == [256, 1, 9]


def test_generator_rejects_threefry_and_uninitialized_state():
    with pytest.raises(NotImplementedError, match="ThreeFry"):
        tf.random.Generator.from_seed(1, "threefry")
    gen = tf.random.Generator.from_seed(1)
    with tf.Session() as sess, pytest.raises(tf.errors.FailedPreconditionError):
        sess.run(gen.normal([1]))


def test_global_generator_is_per_graph():
    first = tf.random.get_global_generator()
    assert tf.random.get_global_generator() is first
    mine = tf.random.Generator.from_seed(5)
    tf.random.set_global_generator(mine)
    assert tf.random.experimental.get_global_generator() is mine
    with tf.Graph().as_default():
        assert tf.random.get_global_generator() is not mine
