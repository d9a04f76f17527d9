"""RaggedTensor row-partition encodings: every factory and accessor against the Python
lists they encode (hypothesis), and fetch/feed round trips.

TF's reprs, op names and errors are checked by conformance/cases/ragged.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

row_lengths = st.lists(st.integers(0, 4), min_size=0, max_size=6)


def _rows(lengths):
    values = list(range(10, 10 + sum(lengths)))
    splits = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)]).astype(np.int64)
    rows = [values[a:b] for a, b in zip(splits[:-1], splits[1:])]
    return values, splits, rows


@settings(max_examples=25, deadline=None)
@given(row_lengths)
def test_every_factory_encodes_the_same_rows(lengths):
    tf.reset_default_graph()
    values, splits, rows = _rows(lengths)
    rowids = np.repeat(np.arange(len(lengths)), lengths)
    factories = [
        tf.RaggedTensor.from_row_splits(values, splits),
        tf.RaggedTensor.from_row_lengths(values, lengths),
        tf.RaggedTensor.from_value_rowids(values, rowids, nrows=len(lengths)),
        tf.RaggedTensor.from_row_limits(values, splits[1:]),
        tf.ragged.constant(rows, dtype=tf.int32) if rows else
        tf.RaggedTensor.from_row_splits(tf.zeros([0], tf.int32), [0]),
    ]
    if lengths:
        factories.append(tf.RaggedTensor.from_row_starts(values, splits[:-1]))
    with tf.Session() as sess:
        for rt in factories:
            value = sess.run(rt)
            assert value.to_list() == rows
            np.testing.assert_array_equal(value.row_splits, splits)
        rt = factories[0]
        got = sess.run({"lengths": rt.row_lengths(), "ids": rt.value_rowids(),
                        "starts": rt.row_starts(), "limits": rt.row_limits(),
                        "nrows": rt.nrows(), "splits": rt.row_splits})
    np.testing.assert_array_equal(got["lengths"], lengths)
    np.testing.assert_array_equal(got["ids"], rowids)
    np.testing.assert_array_equal(got["starts"], splits[:-1])
    np.testing.assert_array_equal(got["limits"], splits[1:])
    assert got["nrows"] == len(lengths)


@settings(max_examples=25, deadline=None)
@given(row_lengths, st.integers(0, 3))
def test_segment_ids_and_row_splits_are_inverse(lengths, extra_rows):
    tf.reset_default_graph()
    _, splits, _ = _rows(lengths)
    ids = np.repeat(np.arange(len(lengths)), lengths)
    nrows = len(lengths) + extra_rows
    with tf.Session() as sess:
        back = sess.run(tf.ragged.segment_ids_to_row_splits(ids, num_segments=nrows))
        again = sess.run(tf.ragged.row_splits_to_segment_ids(back))
    np.testing.assert_array_equal(back, np.concatenate([splits, [splits[-1]] * extra_rows]))
    np.testing.assert_array_equal(again, ids)


@settings(max_examples=20, deadline=None)
@given(st.lists(row_lengths.filter(bool), min_size=1, max_size=4))
def test_nested_partitions_round_trip_through_dense_and_sparse(inner_lengths):
    tf.reset_default_graph()
    pylist = []
    counter = 1
    for lengths in inner_lengths:
        row = []
        for n in lengths:
            row.append(list(range(counter, counter + n)))
            counter += n
        pylist.append(row)
    rt = tf.ragged.constant(pylist)
    width1 = max(len(r) for r in pylist)
    width2 = max(len(x) for r in pylist for x in r)
    dense = np.zeros((len(pylist), width1, width2), np.int32)
    for i, r in enumerate(pylist):
        for j, x in enumerate(r):
            dense[i, j, :len(x)] = x
    with tf.Session() as sess:
        value = sess.run(rt)
        assert value.to_list() == pylist
        np.testing.assert_array_equal(sess.run(rt.to_tensor()), dense)
        sparse = sess.run(rt.to_sparse())
        rebuilt = tf.RaggedTensor.from_nested_row_splits(value.flat_values,
                                                         value.nested_row_splits)
        assert sess.run(rebuilt).to_list() == pylist
    assert tuple(sparse.dense_shape) == dense.shape
    np.testing.assert_array_equal(dense[tuple(sparse.indices.T)], sparse.values)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(-5, 5), min_size=3, max_size=3), min_size=1,
                max_size=5), st.integers(0, 3))
def test_from_tensor_lengths_and_padding(matrix, cut):
    tf.reset_default_graph()
    dense = np.array(matrix, np.int32)
    lengths = np.minimum(np.arange(len(matrix)) % 4, 3)
    with tf.Session() as sess:
        whole = sess.run(tf.RaggedTensor.from_tensor(dense)).to_list()
        by_length = sess.run(tf.RaggedTensor.from_tensor(dense, lengths=lengths)).to_list()
        padded = sess.run(tf.RaggedTensor.from_tensor(dense, padding=cut)).to_list()
    assert whole == dense.tolist()
    assert by_length == [row[:n] for row, n in zip(dense.tolist(), lengths)]
    expected = []
    for row in dense.tolist():
        keep = len(row)
        while keep and row[keep - 1] == cut:
            keep -= 1
        expected.append(row[:keep])
    assert padded == expected


def test_feed_and_fetch_round_trip_in_nested_structures():
    p = tf.ragged.placeholder(tf.float32, 2, [2])
    value = tf.ragged.constant_value([[[[1., 2.]], []], [[[3., 4.], [5., 6.]]]], ragged_rank=2)
    with tf.Session() as sess:
        got = sess.run({"rt": p, "flat": [p.flat_values]}, {p: value})
    assert got["rt"].to_list() == value.to_list()
    np.testing.assert_array_equal(got["flat"][0], value.flat_values)
    assert got["rt"].ragged_rank == 2


@settings(max_examples=25, deadline=None)
@given(row_lengths.filter(bool), st.integers(-7, 7), st.integers(-7, 7))
def test_getitem_matches_python_lists(lengths, start, stop):
    tf.reset_default_graph()
    values, splits, rows = _rows(lengths)
    rt = tf.RaggedTensor.from_row_splits(values, splits)
    with tf.Session() as sess:
        assert sess.run(rt[start:stop]).to_list() == rows[start:stop]
        assert sess.run(rt[:, start:stop]).to_list() == [r[start:stop] for r in rows]
        index = start % len(rows)
        assert sess.run(rt[index]).tolist() == rows[index]


@settings(max_examples=25, deadline=None)
@given(row_lengths)
def test_operators_act_on_flat_values(lengths):
    tf.reset_default_graph()
    values, splits, rows = _rows(lengths)
    rt = tf.RaggedTensor.from_row_splits(np.array(values, np.float64), splits)
    with tf.Session() as sess:
        got = sess.run([rt + rt, 2 * rt - 1, -rt, rt > 12])
    assert got[0].to_list() == [[2. * v for v in r] for r in rows]
    assert got[1].to_list() == [[2. * v - 1 for v in r] for r in rows]
    assert got[2].to_list() == [[-float(v) for v in r] for r in rows]
    assert got[3].to_list() == [[v > 12 for v in r] for r in rows]


@settings(max_examples=20, deadline=None)
@given(st.lists(row_lengths.filter(bool), min_size=1, max_size=4))
def test_bounding_shape_merge_dims_and_nested_rowids(inner_lengths):
    tf.reset_default_graph()
    pylist, counter = [], 1
    for lengths in inner_lengths:
        pylist.append([list(range(counter, counter + n)) for n in lengths])
        counter += sum(lengths)
    rt = tf.ragged.constant(pylist)
    with tf.Session() as sess:
        bound = sess.run(rt.bounding_shape())
        merged01 = sess.run(rt.merge_dims(0, 1)).to_list()
        merged12 = sess.run(rt.merge_dims(1, 2)).to_list()
        ids = sess.run(rt.nested_value_rowids())
        value = sess.run(rt)
        rebuilt = sess.run(tf.RaggedTensor.from_nested_value_rowids(
            value.flat_values, ids, nested_nrows=[len(s) - 1 for s in value.nested_row_splits]))
    assert bound.tolist() == [len(pylist), max(len(r) for r in pylist),
                              max(len(x) for r in pylist for x in r)]
    assert merged01 == [x for r in pylist for x in r]
    assert merged12 == [[v for x in r for v in x] for r in pylist]
    assert rebuilt.to_list() == pylist
