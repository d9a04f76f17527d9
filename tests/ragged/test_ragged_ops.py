"""The ragged op types (RaggedTensorToTensor, RaggedTensorToSparse, RaggedRange,
RaggedFillEmptyRows(Grad)): kernels against numpy references, shapes, size-0 inputs and
gradients against central differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.framework.errors import InvalidArgumentError
from tfcompat.testing.gradient_checker import compute_gradient_error


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(-4, 4), st.integers(-4, 4), st.sampled_from([-2, -1, 1, 3])),
                min_size=0, max_size=5))
def test_ragged_range_matches_python_range(triples):
    tf.reset_default_graph()
    starts, limits, deltas = (list(x) for x in zip(*triples)) if triples else ([], [], [])
    rt = tf.ragged.range(np.array(starts, np.int64), np.array(limits, np.int64),
                         np.array(deltas, np.int64))
    with tf.Session() as sess:
        value = sess.run(rt)
    assert value.to_list() == [list(range(*t)) for t in triples]
    assert rt.row_splits.shape.as_list() == [len(triples) + 1]


def test_ragged_range_broadcasts_scalars_and_rejects_zero_delta():
    with tf.Session() as sess:
        assert sess.run(tf.ragged.range(3)).to_list() == [[0, 1, 2]]
        assert sess.run(tf.ragged.range(0, [3, 1])).to_list() == [[0, 1, 2], [0]]
        floats = sess.run(tf.ragged.range(0., 1., [0.5, 0.25])).to_list()
        assert floats == [[0., 0.5], [0., 0.25, 0.5, 0.75]]
        with pytest.raises(InvalidArgumentError):
            sess.run(tf.ragged.range(0, 3, 0))


def test_to_tensor_shapes_default_values_and_truncation():
    rt = tf.ragged.constant([[[1, 2], [3]], [[4]], []])
    assert rt.to_tensor().shape.as_list() == [3, None, None]
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(rt.to_tensor(default_value=-1)), [
            [[1, 2], [3, -1]], [[4, -1], [-1, -1]], [[-1, -1], [-1, -1]]])
        np.testing.assert_array_equal(sess.run(rt.to_tensor(shape=[2, 1, 3])),
                                      [[[1, 2, 0]], [[4, 0, 0]]])
        empty = tf.RaggedTensor.from_row_splits(tf.zeros([0], tf.float32), [0])
        assert sess.run(empty.to_tensor()).shape == (0, 0)
        sparse = sess.run(empty.to_sparse())
        assert sparse.indices.shape == (0, 2) and list(sparse.dense_shape) == [0, 0]


def test_to_tensor_gradient_is_checked_numerically():
    x = tf.constant(np.arange(1., 6.), dtype=tf.float64)
    rt = tf.RaggedTensor.from_row_splits(x, [0, 2, 2, 5])
    dense = rt.to_tensor(default_value=tf.constant(0.5, tf.float64))
    with tf.Session():
        assert compute_gradient_error(x, [5], dense, [3, 3]) < 1e-8
        sparse = rt.to_sparse()
        assert compute_gradient_error(x, [5], sparse.values, [5]) < 1e-8


def test_to_tensor_has_a_second_order_gradient():
    x = tf.constant([1., 2., 3.], dtype=tf.float64)
    dense = tf.RaggedTensor.from_row_splits(x, [0, 1, 3]).to_tensor()
    first = tf.gradients(tf.reduce_sum(dense ** 3), x)[0]
    second = tf.gradients(tf.reduce_sum(tf.convert_to_tensor(first)), x)[0]
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(tf.convert_to_tensor(second)),
                                   6 * np.array([1., 2., 3.]))


def _fill_reference(rowids, values, nrows, default):
    rows = [[v for r, v in zip(rowids, values) if r == i] or [default] for i in range(nrows)]
    out_ids = [i for i, row in enumerate(rows) for _ in row]
    return out_ids, [v for row in rows for v in row]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=6), st.integers(0, 3))
def test_fill_empty_rows_matches_reference(ids, extra):
    tf.reset_default_graph()
    ids = sorted(ids)
    nrows = (max(ids) + 1 if ids else 0) + extra
    values = np.arange(len(ids), dtype=np.float64) + 1
    result = tf.ragged_fill_empty_rows(np.array(ids, np.int64), values, nrows,
                                       np.float64(-1))
    with tf.Session() as sess:
        got = sess.run(result)
    want_ids, want_values = _fill_reference(ids, values.tolist(), nrows, -1.)
    np.testing.assert_array_equal(got.output_value_rowids, want_ids)
    np.testing.assert_array_equal(got.output_values, want_values)
    np.testing.assert_array_equal(got.empty_row_indicator,
                                  [i not in ids for i in range(nrows)])
    np.testing.assert_array_equal(got.output_values[got.reverse_index_map], values)


def test_fill_empty_rows_gradient_is_checked_numerically():
    values = tf.constant([1., 2., 3.], tf.float64)
    default = tf.constant(9., tf.float64)
    out = tf.ragged_fill_empty_rows([0, 0, 2], values, 4, default).output_values
    with tf.Session():
        assert compute_gradient_error(values, [3], out, [5]) < 1e-8
        assert compute_gradient_error(default, [], out, [5]) < 1e-8


def test_to_tensor_gradient_with_a_cut_shape():
    x = tf.constant([1., 2., 3., 4.], tf.float64)
    rt = tf.RaggedTensor.from_row_splits(x, [0, 3, 4, 4])
    dense = rt.to_tensor(shape=[2, 2])
    with tf.Session() as sess:
        grad = sess.run(tf.convert_to_tensor(tf.gradients(tf.reduce_sum(dense * 3.), x)[0]))
        np.testing.assert_allclose(grad, [3., 3., 0., 3.])
        assert compute_gradient_error(x, [4], dense, [2, 2]) < 1e-8
