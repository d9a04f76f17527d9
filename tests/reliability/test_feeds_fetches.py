"""Bad feeds and fetches raise TF's error classes and leave the session usable (TF 2.21
measured; the texts are recorded in conformance/cases/reliability/feed_overflow and
foreign_graph_elements)."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf


@pytest.mark.parametrize("dtype, value, error", [
    (tf.int32, 2 ** 31, TypeError),
    (tf.int32, -2 ** 31 - 1, TypeError),
    (tf.uint8, 256, TypeError),
    (tf.uint8, -1, TypeError),
    (tf.int64, 2 ** 63, TypeError),
    (tf.int32, 2 ** 70, OverflowError),
])
def test_out_of_range_python_int_feed(dtype, value, error):
    p = tf.placeholder(dtype, [])
    with tf.Session() as sess:
        with pytest.raises(error):
            sess.run(p, {p: value})
        assert sess.run(p, {p: 7}) == 7


def test_lists_and_numpy_scalars_wrap_as_in_tf():
    p = tf.placeholder(tf.int32, [2])
    q = tf.placeholder(tf.int32, [])
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(p, {p: [1, 2 ** 31]}), [1, -2 ** 31])
        assert sess.run(q, {q: np.int64(2 ** 31)}) == -2 ** 31


def test_foreign_graph_feed_and_fetch():
    p = tf.placeholder(tf.float32, [])
    other = tf.Graph()
    with other.as_default():
        q = tf.placeholder(tf.float32, [])
    with tf.Session() as sess:
        with pytest.raises(TypeError, match="is not an element of this graph"):
            sess.run(p, {q: 1.0})
        with pytest.raises(ValueError, match="is not an element of this graph"):
            sess.run(q)
        assert sess.run(p, {p: 2.0}) == 2.0


def test_bad_shapes_and_missing_feeds_leave_the_session_usable():
    p = tf.placeholder(tf.float32, [2])
    v = tf.Variable(1.0)
    inc = tf.assign_add(v, 1.0)
    with tf.Session() as sess:
        sess.run(v.initializer)
        with pytest.raises(ValueError, match="Cannot feed value of shape"):
            sess.run([inc, p], {p: [1.0, 2.0, 3.0]})
        with pytest.raises(tf.errors.InvalidArgumentError, match="You must feed a value"):
            sess.run(p * 2.0)
        with pytest.raises(TypeError):
            sess.run([inc, None])
        # Feed errors are raised before any op runs, so the update did not happen.
        assert sess.run(v) == 1.0
        assert sess.run(inc) == 2.0


def test_feeding_a_tensor_value_is_a_type_error():
    p = tf.placeholder(tf.float32, [])
    with tf.Session() as sess:
        with pytest.raises(TypeError, match="The value of a feed cannot be a tf.Tensor"):
            sess.run(p, {p: tf.constant(1.0)})
