"""RaggedTensor elements of tf.data (TF 2.21's outputs are recorded in
conformance/cases/data4/ragged_elements): ragged values survive slicing, batching and
unbatching, and the variant ops encode and decode them."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

_ROWS = st.lists(st.lists(st.integers(-5, 5), max_size=4), min_size=1, max_size=6)


def _drain(sess, dataset):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    while True:
        try:
            value = sess.run(nxt)
        except tf.errors.OutOfRangeError:
            return out
        out.append(value.to_list() if hasattr(value, "to_list") else value.tolist())


@settings(max_examples=25, deadline=None)
@given(rows=_ROWS, batch=st.integers(1, 4))
def test_slices_batches_and_unbatches_keep_the_rows(rows, batch):
    with tf.Graph().as_default(), tf.Session() as sess:
        slices = tf.data.Dataset.from_tensor_slices(tf.ragged.constant(rows, dtype=tf.int64))
        assert _drain(sess, slices) == rows
        batched = slices.batch(batch)
        assert _drain(sess, batched) == [rows[i:i + batch] for i in range(0, len(rows), batch)]
        assert _drain(sess, batched.unbatch()) == rows
        assert _drain(sess, tf.data.Dataset.from_tensors(
            tf.ragged.constant(rows, dtype=tf.int64)).unbatch()) == rows


@settings(max_examples=15, deadline=None)
@given(nested=st.lists(_ROWS, min_size=1, max_size=4))
def test_batches_of_ragged_rank_two_values(nested):
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.from_tensor_slices(tf.ragged.constant(nested, dtype=tf.int32,
                                                                   ragged_rank=2))
        assert _drain(sess, ds) == nested
        assert _drain(sess, ds.batch(2).unbatch()) == nested


def test_map_receives_and_returns_ragged_tensors():
    with tf.Graph().as_default(), tf.Session() as sess:
        made = tf.data.Dataset.range(3).map(
            lambda x: tf.RaggedTensor.from_row_lengths(tf.range(x * 2), [x, x]))
        assert made.element_spec == tf.RaggedTensorSpec([2, None], tf.int64, 1)
        lengths = made.map(lambda r: r.row_lengths())
        assert _drain(sess, lengths) == [[0, 0], [1, 1], [2, 2]]
        assert _drain(sess, made.batch(2)) == [[[[], []], [[0], [1]]], [[[0, 1], [2, 3]]]]


def test_dense_to_ragged_batch_makes_unknown_dims_ragged():
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.range(4).map(lambda x: (tf.range(x), tf.fill([2], x)))
        batched = ds.apply(tf.data.experimental.dense_to_ragged_batch(3))
        spec = batched.element_spec
        assert spec[0] == tf.RaggedTensorSpec([None, None], tf.int64, 1)
        assert spec[1] == tf.TensorSpec([None, 2], tf.int64)
        nxt = tf.data.make_one_shot_iterator(batched).get_next()
        first = sess.run(nxt)
        assert first[0].to_list() == [[], [0], [0, 1]]
        assert first[1].tolist() == [[0, 0], [1, 1], [2, 2]]


def test_variant_ops_shapes_and_rank_checks():
    with tf.Graph().as_default(), tf.Session() as sess:
        rt = tf.ragged.constant([[1, 2], [3]])
        from tfcompat.framework import ops
        rows = ops.apply_op("RaggedTensorToVariant", [[rt.row_splits], rt.flat_values],
                            attrs={"batched_input": True, "RAGGED_RANK": 1})
        one = ops.apply_op("RaggedTensorToVariant", [[rt.row_splits], rt.flat_values],
                           attrs={"batched_input": False, "RAGGED_RANK": 1})
        assert rows.shape.as_list() == [2] and one.shape.as_list() == []
        assert rows.dtype == tf.variant
        bad = ops.apply_op("RaggedTensorFromVariant", [rows], attrs={
            "input_ragged_rank": 1, "output_ragged_rank": 1, "Tvalues": tf.int32,
            "Tsplits": tf.int64})
        with pytest.raises(tf.errors.InvalidArgumentError, match="output_ragged_rank"):
            sess.run(bad)
        back = ops.apply_op("RaggedTensorFromVariant", [rows], attrs={
            "input_ragged_rank": 0, "output_ragged_rank": 1, "Tvalues": tf.int32,
            "Tsplits": tf.int64})
        splits, values = sess.run(back)
        assert splits.tolist() == [0, 2, 3] and values.tolist() == [1, 2, 3]
        assert np.asarray(values).dtype == np.int32


def test_padded_batch_refuses_ragged_components():
    with tf.Graph().as_default():
        ds = tf.data.Dataset.from_tensor_slices(tf.ragged.constant([[1], [2, 3]]))
        with pytest.raises(TypeError, match="only supported for datasets that produce tensor"):
            ds.padded_batch(2)
