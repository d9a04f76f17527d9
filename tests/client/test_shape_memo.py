"""Shape arithmetic in plans: computed once per distinct shapes of the tensors it reads."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.client import shape_memo


def _step_types(sess: tf.Session) -> list[str]:
    plan = list(sess._plans.values())[-1]
    return [op.type for line, op in sorted(plan.line_ops.items())]


def test_memoized_calls_once_per_shapes_and_keeps_small_outputs_only():
    calls = []

    def island(a, b):
        calls.append(1)
        return (np.asarray(a.shape + b.shape),)

    lookup = shape_memo.memoized(island, single=True)
    x, y = np.zeros((2, 3)), np.zeros(4)
    first = lookup(x, y)
    np.testing.assert_array_equal(first, [2, 3, 4])
    assert lookup(np.ones((2, 3)), np.ones(4)) is first and len(calls) == 1
    np.testing.assert_array_equal(lookup(np.zeros((5, 3)), y), [5, 3, 4])
    assert len(calls) == 2

    big = shape_memo.memoized(lambda a: (np.zeros(shape_memo.MAX_ENTRY_BYTES),), single=True)
    assert big(x) is not big(x)  # too large to keep


def test_reshape_arithmetic_is_one_memo_step_and_follows_shape_changes():
    x = tf.placeholder(tf.float32, [None, None])
    flat = tf.reshape(x, tf.concat([tf.shape(x)[:1], [-1]], 0))
    doubled = tf.reduce_sum(flat, axis=1) * tf.cast(tf.size(x), tf.float32)
    with tf.Session() as sess:
        for shape in [(2, 3), (2, 3), (4, 5), (2, 3)]:
            xs = np.arange(np.prod(shape), dtype=np.float32).reshape(shape)
            np.testing.assert_array_equal(sess.run(doubled, {x: xs}),
                                          xs.sum(axis=1) * xs.size)
        types = _step_types(sess)
    # The shape ops (Shape, StridedSlice, ConcatV2, Size, Cast) are no steps of their own:
    # one memo step per value a real step reads (named by the op producing that value).
    assert types.count("Shape") == 0 and types.count("StridedSlice") == 0
    assert types == ["ConcatV2", "Reshape", "Sum", "Cast", "Mul"]


def test_island_failure_names_its_op():
    a = tf.placeholder(tf.float32, [None])
    b = tf.placeholder(tf.float32, [None])
    shape = tf.broadcast_dynamic_shape(tf.shape(a), tf.shape(b))
    out = tf.zeros(shape) + 1.0
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(out, {a: [1.0], b: [1.0, 2.0]}), [1.0, 1.0])
        with pytest.raises(tf.errors.InvalidArgumentError) as raised:
            sess.run(out, {a: [1.0, 2.0, 3.0], b: [1.0, 2.0]})
    assert "BroadcastArgs" in str(raised.value)


def test_shape_of_a_variable_follows_its_assigned_shape():
    v = tf.Variable(np.zeros((2, 2), np.float32), validate_shape=False)
    grow = tf.assign(v, np.zeros((3, 2), np.float32), validate_shape=False)
    size = tf.size(v) + 0
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(size) == 4
        sess.run(grow)
        assert sess.run(size) == 6


def test_fetched_and_target_shape_ops_run():
    x = tf.placeholder(tf.float32, [None])
    s = tf.shape(x, name="s")
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(s, {x: [1.0, 2.0]}), [2])
        out = sess.run(s, {x: [1.0, 2.0]})
        out[0] = 9  # the caller's copy
        np.testing.assert_array_equal(sess.run(s, {x: [1.0, 2.0]}), [2])
        assert sess.run(s.op, {x: [1.0]}) is None
