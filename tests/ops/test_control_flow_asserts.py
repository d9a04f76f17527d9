"""The assert family, tf.Assert's text of tensors, and CheckNumerics (values recorded from TF
2.21 in conformance/cases/asserts; here the rules behind them)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.ops.logging_ops import summarize_value


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


@pytest.mark.parametrize(("value", "limit", "text"), [
    (np.arange(6).reshape(2, 3), 3, "[0 1 2]..."),
    (np.arange(6).reshape(2, 3), 4, "[0 1 2][3...]..."),
    (np.arange(24).reshape(2, 3, 4), 3, "[[0 1 2...]]..."),
    (np.arange(8).reshape(2, 2, 2), 5, "[[0 1][2 3]][[4...]]..."),
    (np.arange(10), 3, "0 1 2..."),
    (np.arange(10), -1, "0 1 2 3 4 5 6 7 8 9"),
    (np.array([True, False]), 3, "1 0"),
    (np.array([b'a"b', b"c\n"]), 3, 'a\\"b c\\n'),
    (np.float32(1 / 3), 3, "0.333333343"),
    (np.float64(1 / 3), 3, "0.33333333333333331"),
    (np.float32(0.1), 3, "0.1"),
    (np.zeros((2, 0)), 3, ""),
])
def test_summarize_value_follows_tf_text(value, limit, text):
    assert summarize_value(value, limit) == text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 3), min_size=1, max_size=3), st.integers(-1, 30))
def test_summarize_value_shows_the_first_entries_in_order(shape, limit):
    value = np.arange(int(np.prod(shape))).reshape(shape)
    text = summarize_value(value, limit)
    shown = limit if 0 <= limit < value.size else value.size
    numbers = [int(t) for t in text.replace("[", " ").replace("]", " ").replace(".", " ").split()]
    assert numbers == list(range(shown))
    assert text.endswith("...") == (shown < value.size)


def test_static_failures_raise_at_construction():
    with pytest.raises(tf.errors.InvalidArgumentError, match="Condition x < y"):
        tf.assert_less(tf.constant([1, 2]), tf.constant([2, 2]))
    with pytest.raises(ValueError, match="must have rank 2"):
        tf.assert_rank(tf.constant([1, 2]), 2)
    with pytest.raises(TypeError, match="must be of type tf.int32"):
        tf.assert_type(tf.constant(1.0), tf.int32)


@pytest.mark.parametrize(("build", "good", "bad"), [
    (lambda x: tf.assert_equal(x, 1.0), [1.0, 1.0], [1.0, 2.0]),
    (lambda x: tf.assert_positive(x), [1.0, 2.0], [1.0, 0.0]),
    (lambda x: tf.assert_non_negative(x), [0.0, 2.0], [-1.0]),
    (lambda x: tf.assert_near(x, 1.0, atol=0.1), [1.05], [1.2]),
    (lambda x: tf.assert_rank(x, 1), [1.0], [[1.0]]),
    (lambda x: tf.assert_rank_in(x, [0, 2]), [[1.0]], [1.0]),
])
def test_run_time_checks(build, good, bad):
    x = tf.placeholder(tf.float32, None)
    check = build(x)
    with tf.Session() as sess:
        sess.run(check, {x: good})
        with pytest.raises(tf.errors.InvalidArgumentError, match="assertion failed"):
            sess.run(check, {x: bad})


def test_assert_guard_does_not_read_data_when_condition_holds():
    x = tf.placeholder(tf.float32, [2])
    check = tf.Assert(tf.reduce_all(x > 0), [x])
    assert check.type == "Merge"
    with tf.control_dependencies([check]):
        y = tf.identity(x)
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(y, {x: [1.0, 2.0]}), [1.0, 2.0])


def test_check_numerics_gradient_checks_the_gradient():
    x = tf.placeholder(tf.float64, [2])
    y = tf.check_numerics(x, "forward")
    (grad,) = tf.gradients(y, x, grad_ys=tf.constant([1.0, np.nan], tf.float64))
    assert grad.op.type == "CheckNumerics"
    with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError,
                                             match="gradient. b.forward. : Tensor had NaN"):
        sess.run(grad, {x: [1.0, 2.0]})
