"""TF API functions on RaggedTensors (reductions, concat, stack, gather, element-wise ops) and
the tf.ragged array functions, against Python-list references."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error

rows = st.lists(st.lists(st.integers(-5, 5), max_size=4), min_size=1, max_size=5)


def _ragged(pylist, dtype=tf.float64):
    lengths = [len(r) for r in pylist]
    values = np.array([v for r in pylist for v in r], dtype=dtype.as_numpy_dtype)
    return tf.RaggedTensor.from_row_lengths(values, lengths)


@settings(max_examples=25, deadline=None)
@given(rows)
def test_reductions_match_python(pylist):
    tf.reset_default_graph()
    rt = _ragged(pylist)
    width = max(len(r) for r in pylist)
    columns = [[r[j] for r in pylist if len(r) > j] for j in range(width)]
    with tf.Session() as sess:
        got = sess.run({"sum1": tf.reduce_sum(rt, axis=1), "sum0": tf.reduce_sum(rt, axis=0),
                        "max1": tf.reduce_max(rt, axis=1), "all": tf.reduce_sum(rt),
                        "mean0": tf.reduce_mean(rt, axis=0),
                        "any1": tf.reduce_any(rt > 0, axis=1)})
    np.testing.assert_allclose(got["sum1"], [sum(r) for r in pylist])
    np.testing.assert_allclose(got["sum0"], [sum(c) for c in columns])
    lowest = np.finfo(np.float64).min
    np.testing.assert_allclose(got["max1"], [max(r) if r else lowest for r in pylist])
    assert got["all"] == sum(sum(r) for r in pylist)
    np.testing.assert_allclose(got["mean0"], [np.mean(c) for c in columns])
    assert got["any1"].tolist() == [any(v > 0 for v in r) for r in pylist]


@settings(max_examples=25, deadline=None)
@given(rows, rows)
def test_concat_stack_gather_match_python(a, b):
    tf.reset_default_graph()
    ra, rb = _ragged(a), _ragged(b)
    n = min(len(a), len(b))
    ra_n, rb_n = _ragged(a[:n]), _ragged(b[:n])
    with tf.Session() as sess:
        assert sess.run(tf.concat([ra, rb], axis=0)).to_list() == a + b
        assert sess.run(tf.concat([ra_n, rb_n], axis=1)).to_list() == [
            x + y for x, y in zip(a[:n], b[:n])]
        assert sess.run(tf.stack([ra, rb])).to_list() == [a, b]
        assert sess.run(tf.stack([ra_n, rb_n], axis=1)).to_list() == [
            [x, y] for x, y in zip(a[:n], b[:n])]
        order = list(reversed(range(len(a)))) + [0]
        assert sess.run(tf.gather(ra, order)).to_list() == [a[i] for i in order]


def test_elementwise_ops_keep_the_partition():
    rt = _ragged([[1., -2.], [], [3.]])
    with tf.Session() as sess:
        assert sess.run(tf.abs(rt)).to_list() == [[1., 2.], [], [3.]]
        assert sess.run(tf.maximum(rt, 0.)).to_list() == [[1., 0.], [], [3.]]
        assert sess.run(tf.cast(rt, tf.int32)).to_list() == [[1, -2], [], [3]]
        assert sess.run(tf.add(rt, rt)).to_list() == [[2., -4.], [], [6.]]
        words = tf.strings.split(["a bc", ""], result_type="RaggedTensor")
        assert sess.run(tf.strings.length(words)).to_list() == [[1, 2], []]
        assert sess.run(tf.strings.upper(words)).to_list() == [[b"A", b"BC"], []]


def test_gather_and_reduce_gradients_are_checked_numerically():
    x = tf.constant([1., 2., 3., 4.], tf.float64)
    rt = tf.RaggedTensor.from_row_splits(x, [0, 1, 4])
    with tf.Session():
        gathered = tf.gather(rt, [1, 0, 1]).flat_values
        assert compute_gradient_error(x, [4], gathered, [7]) < 1e-8
        assert compute_gradient_error(x, [4], tf.reduce_mean(rt, axis=1), [2]) < 1e-8
        assert compute_gradient_error(x, [4], tf.reduce_sum(rt, axis=0), [3]) < 1e-8


@settings(max_examples=25, deadline=None)
@given(rows, st.data())
def test_boolean_mask_and_partitions_match_python(pylist, data):
    tf.reset_default_graph()
    masks = [[data.draw(st.booleans()) for _ in r] for r in pylist]
    row_mask = [data.draw(st.booleans()) for _ in pylist]
    parts = [data.draw(st.integers(0, 2)) for _ in pylist]
    rt = _ragged(pylist)
    mask = tf.RaggedTensor.from_row_lengths(np.array([m for r in masks for m in r], bool),
                                            [len(r) for r in masks])
    with tf.Session() as sess:
        masked = sess.run(tf.ragged.boolean_mask(rt, mask)).to_list()
        kept = sess.run(tf.ragged.boolean_mask(rt, row_mask)).to_list()
        grouped = sess.run(tf.ragged.stack_dynamic_partitions(rt, parts, 3)).to_list()
    assert masked == [[v for v, m in zip(r, ms) if m] for r, ms in zip(pylist, masks)]
    assert kept == [r for r, m in zip(pylist, row_mask) if m]
    assert grouped == [[r for r, p in zip(pylist, parts) if p == q] for q in range(3)]


def test_cross_matches_sparse_cross():
    words = tf.ragged.constant([["a", "b"], ["c"], []])
    dense = tf.constant([["x"], ["y"], ["z"]])
    with tf.Session() as sess:
        crossed = sess.run(tf.ragged.cross([words, dense])).to_list()
        hashed = sess.run(tf.ragged.cross_hashed([words, dense], num_buckets=10)).to_list()
        sparse = sess.run(tf.sparse.cross_hashed([words.to_sparse(), dense], num_buckets=10))
    assert crossed == [[b"a_X_x", b"b_X_x"], [b"c_X_y"], []]
    assert [v for r in hashed for v in r] == sparse.values.tolist()


def test_like_identity_size_rank_where_expand_dims():
    rt = _ragged([[1., 2.], [], [3.]])
    with tf.Session() as sess:
        assert sess.run(tf.ones_like(rt)).to_list() == [[1., 1.], [], [1.]]
        assert sess.run(tf.zeros_like(rt, dtype=tf.int32)).to_list() == [[0, 0], [], [0]]
        assert sess.run(tf.identity(rt)).to_list() == [[1., 2.], [], [3.]]
        assert sess.run(tf.size(rt)) == 3 and sess.run(tf.rank(rt)) == 2
        assert sess.run(tf.where(rt > 1., rt, -rt)).to_list() == [[-1., 2.], [], [3.]]
        assert sess.run(tf.expand_dims(rt, 0)).to_list() == [[[1., 2.], [], [3.]]]
        assert sess.run(tf.expand_dims(rt, 1)).to_list() == [[[1., 2.]], [[]], [[3.]]]
        assert sess.run(tf.expand_dims(rt, 2)).to_list() == [[[1.], [2.]], [], [[3.]]]
