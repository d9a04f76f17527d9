"""The Bucketize op: values recorded from TF 2.21 (tf.raw_ops.Bucketize), static shapes, op
type/name, and TF's lack of a gradient."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.ops.bucketize_ops import bucketize


def _run(tensor, feed=None):
    with tf.Session() as sess:
        return sess.run(tensor, feed)


def test_recorded_values_float_nan_and_boundaries():
    x = tf.placeholder(tf.float32, [None, 3])
    y = bucketize(x, [0.0, 1.0])
    assert (y.op.type, y.op.name, y.dtype, y.shape.as_list()) == \
        ("Bucketize", "Bucketize", tf.int32, [None, 3])
    assert y.op.get_attr("boundaries") == [0.0, 1.0]
    got = _run(y, {x: [[-1, 0, 0.5], [1, 2, np.nan]]})
    np.testing.assert_array_equal(got, [[0, 1, 1], [2, 2, 2]])


def test_recorded_values_int64_size0_and_rank0():
    ints = bucketize(tf.constant([[3, -1]], tf.int64), [0.0, 2.5])
    empty = bucketize(tf.zeros([0, 2]), [0.0])
    scalar = bucketize(5.0, [])
    got = _run([ints, empty, scalar])
    np.testing.assert_array_equal(got[0], [[2, 0]])
    assert got[1].shape == (0, 2) and got[1].dtype == np.int32
    assert got[2] == 0 and got[2].shape == ()


def test_string_input_is_rejected():
    with pytest.raises(TypeError):
        bucketize(tf.constant(["a"]), [1.0])


def test_unsorted_boundaries_fail_at_run_time():
    y = bucketize(tf.constant([1.0]), [2.0, 1.0])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Expected sorted boundaries"):
        _run(y)


def test_no_gradient_like_tf():
    x = tf.constant([1.0, 2.0])
    with pytest.raises(LookupError):
        tf.gradients(bucketize(x, [1.5]), x)
    assert tf.gradients(tf.cast(bucketize(x, [1.5]), tf.float32), x) == [None]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(-5, 5, width=32), min_size=0, max_size=12),
       st.lists(st.floats(-5, 5, width=32), min_size=0, max_size=5, unique=True))
def test_matches_count_of_boundaries_at_or_below(values, boundaries):
    boundaries = sorted(boundaries)
    got = _run(bucketize(np.asarray(values, np.float32), boundaries))
    want = [sum(b <= v for b in boundaries) for v in values]
    np.testing.assert_array_equal(got, np.asarray(want, np.int32).reshape(len(values)))
