"""tf.sparse.bincount against numpy counts, and RaggedTensorSpec."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework.errors import InvalidArgumentError

matrix = st.lists(st.lists(st.integers(0, 6), min_size=3, max_size=3), min_size=1, max_size=4)


def _dense(value):
    out = np.zeros(value.dense_shape, dtype=value.values.dtype)
    out[tuple(value.indices.T)] = value.values
    return out


@settings(max_examples=25, deadline=None)
@given(matrix, st.sampled_from([None, 2, 9]), st.sampled_from([None, 3]), st.booleans())
def test_counts_match_numpy(rows, minlength, maxlength, binary):
    tf.reset_default_graph()
    data = np.array(rows, np.int32)
    width = max(int(data.max()) + 1, minlength or 0)
    if maxlength is not None:
        width = min(width, maxlength)
    expected = np.zeros((len(rows), width), np.int32)
    for r, row in enumerate(rows):
        for v in row:
            if v < width:
                expected[r, v] = 1 if binary else expected[r, v] + 1
    ragged = tf.ragged.constant(rows)
    kwargs = dict(axis=-1, minlength=minlength, maxlength=maxlength, binary_output=binary)
    with tf.Session() as sess:
        dense = sess.run(tf.sparse.bincount(data, **kwargs))
        from_ragged = sess.run(tf.sparse.bincount(ragged, **kwargs))
        from_sparse = sess.run(tf.sparse.bincount(tf.sparse.from_dense(data + 1), **kwargs))
        flat = sess.run(tf.sparse.bincount(data, minlength=minlength, maxlength=maxlength,
                                           binary_output=binary))
    np.testing.assert_array_equal(_dense(dense), expected)
    np.testing.assert_array_equal(_dense(from_ragged), expected)
    assert from_sparse.dense_shape[0] == len(rows)
    flat_expected = (expected.sum(axis=0) if not binary else expected.max(axis=0))
    np.testing.assert_array_equal(_dense(flat), flat_expected)


def test_negative_values_are_rejected_when_run():
    with tf.Session() as sess, pytest.raises(InvalidArgumentError):
        sess.run(tf.sparse.bincount([-1, 2]))


def test_ragged_tensor_spec():
    spec = tf.RaggedTensorSpec([2, None], tf.int32)
    assert spec.ragged_rank == 1 and spec.row_splits_dtype == tf.int64
    assert spec.is_compatible_with(tf.ragged.constant([[1], [2, 3]]))
    assert not spec.is_compatible_with(tf.ragged.constant([[1.]]))
    assert spec == tf.RaggedTensorSpec(tf.TensorShape([2, None]), "int32")
    assert tf.RaggedTensorSpec.from_value(
        tf.ragged.constant_value([[[1]], []])).ragged_rank == 2
    with pytest.raises(ValueError, match="Must specify ragged_rank"):
        tf.RaggedTensorSpec(None, tf.int32)
