"""sdca_fprint / sdca_shrink_l1: shapes, dtypes, no gradient, and values (TF's recorded ones are
checked by conformance/cases/train3/sdca_helpers)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.ops.string_hash import fingerprint128

# Recorded from TF 2.21 (tf.compat.v1.train.sdca_fprint), as signed int64 pairs.
RECORDED = {b"abc": (4143508125394299908, -6879828354153669051),
            b"": (4463240938071824939, 4374473821787594281),
            b"hello world": (2911873174415414509, 6996746284954752264)}


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_fingerprint128_recorded_values():
    for data, expected in RECORDED.items():
        got = tuple(np.array(fingerprint128(data), np.uint64).view(np.int64).tolist())
        assert got == expected


@settings(max_examples=25, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=5))
def test_fprint_shape_and_rows(values):
    with tf.Graph().as_default():
        out = tf.train.sdca_fprint(tf.constant(values, dtype=tf.string, shape=[len(values)]))
        assert out.dtype == tf.int64 and out.shape.as_list() == [len(values), 2]
        with tf.Session() as sess:
            result = sess.run(out)
    assert result.shape == (len(values), 2)
    for row, value in zip(result, values):
        assert tuple(row.view(np.uint64).tolist()) == fingerprint128(value)


def test_fprint_unknown_length_and_no_gradient(graph):
    out = tf.train.sdca_fprint(tf.placeholder(tf.string, [None]))
    assert out.shape.as_list() == [None, 2]
    with pytest.raises(ValueError, match="Shape must be rank 1 but is rank 2"):
        tf.train.sdca_fprint(tf.placeholder(tf.string, [None, 2]))
    with pytest.raises(TypeError, match="int32 that does not match expected type of string"):
        tf.train.sdca_fprint(tf.constant(3))


def test_shrink_l1_in_place(graph):
    w1 = tf.Variable([0.5, -2., 0.1], name="w1")
    w2 = tf.Variable(np.array([[1.], [-0.2]], np.float32), name="w2")
    op = tf.train.sdca_shrink_l1([w1, w2], l1=0.3, l2=2.0)
    assert op.type == "SdcaShrinkL1" and op.outputs == []
    assert [t.name for t in op.inputs] == ["w1:0", "w2:0"]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(op)
        a, b = sess.run([w1, w2])
    np.testing.assert_allclose(a, [0.35, -1.85, 0.0], rtol=1e-6)
    np.testing.assert_allclose(b, [[0.85], [-0.05]], rtol=1e-6, atol=1e-7)
