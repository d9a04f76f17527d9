"""tf.data.experimental: cardinality, grouping, optionals, sampling and sparse batching."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

E = tf.data.experimental


def _drain(sess, dataset):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


@settings(max_examples=25, deadline=None)
@given(n=st.integers(0, 12), take=st.integers(-1, 15), skip=st.integers(-1, 15),
       batch=st.integers(1, 5), drop=st.booleans(), times=st.integers(0, 3))
def test_cardinality_matches_the_element_count(n, take, skip, batch, drop, times):
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.range(n).repeat(times).skip(skip).take(take).batch(batch, drop)
        count = sess.run(E.cardinality(ds))
        assert count == len(_drain(sess, ds))


def test_cardinality_unknown_and_infinite():
    with tf.Graph().as_default(), tf.Session() as sess:
        r = tf.data.Dataset.range(4)
        got = sess.run([E.cardinality(d) for d in (
            r.filter(lambda x: x > 1), r.repeat(), r.repeat().take(3),
            r.filter(lambda x: x > 1).repeat(), E.from_list([1, 2, 3]), E.RandomDataset(1))])
        assert got == [E.UNKNOWN_CARDINALITY, E.INFINITE_CARDINALITY, 3,
                       E.INFINITE_CARDINALITY, 3, E.INFINITE_CARDINALITY]


def test_assert_cardinality_errors():
    with tf.Graph().as_default(), tf.Session() as sess:
        ok = tf.data.Dataset.range(3).apply(E.assert_cardinality(3))
        assert _drain(sess, ok) == [0, 1, 2]
        with pytest.raises(tf.errors.FailedPreconditionError, match="at least 3 elements"):
            _drain(sess, tf.data.Dataset.range(3).apply(E.assert_cardinality(2)))
        with pytest.raises(tf.errors.FailedPreconditionError, match="only 3 elements"):
            _drain(sess, tf.data.Dataset.range(3).apply(E.assert_cardinality(4)))


def test_group_by_window_partitions_every_element():
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.range(20).apply(E.group_by_window(
            lambda x: x % 4, lambda k, d: d.batch(3), window_size=3))
        batches = [b.tolist() for b in _drain(sess, ds)]
    assert sorted(v for b in batches for v in b) == list(range(20))
    assert all(len({v % 4 for v in b}) == 1 and len(b) <= 3 for b in batches)


def test_group_by_window_window_size_must_be_positive():
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.range(3).apply(E.group_by_window(
            lambda x: x, lambda k, d: d, window_size_func=lambda k: k - k))
        with pytest.raises(tf.errors.InvalidArgumentError):
            _drain(sess, ds)


def test_group_by_reducer_counts():
    reducer = E.Reducer(lambda k: tf.constant(0, tf.int64), lambda s, x: s + 1, lambda s: s)
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.range(10).apply(E.group_by_reducer(lambda x: x % 3, reducer))
        assert _drain(sess, ds) == [4, 3, 3]


def test_optional_roundtrip_and_empty():
    with tf.Graph().as_default(), tf.Session() as sess:
        it = tf.data.make_one_shot_iterator(tf.data.Dataset.from_tensors((1, [2.0])))
        opt = it.get_next_as_optional()
        value = opt.get_value()
        assert [t.shape.as_list() for t in value] == [[], [1]]
        has, got = sess.run([opt.has_value(), value])
        assert has and got[0] == 1 and got[1].tolist() == [2.0]
        assert not sess.run(opt.has_value())
        with pytest.raises(tf.errors.InvalidArgumentError, match="does not have a value"):
            sess.run(value)


def test_sample_from_datasets_is_seeded_and_complete():
    with tf.Graph().as_default(), tf.Session() as sess:
        def sample():
            return [int(v) for v in _drain(sess, E.sample_from_datasets(
                [tf.data.Dataset.range(10), tf.data.Dataset.range(100, 110)],
                weights=[0.3, 0.7], seed=5))]
        first, second = sample(), sample()
    assert first == second
    assert sorted(first) == list(range(10)) + list(range(100, 110))


def test_dense_to_sparse_batch_values():
    with tf.Graph().as_default(), tf.Session() as sess:
        ds = tf.data.Dataset.from_tensor_slices(np.arange(6).reshape(3, 2)).apply(
            E.dense_to_sparse_batch(2, [4]))
        got = _drain(sess, ds)
    assert got[0].indices.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert got[0].values.tolist() == [0, 1, 2, 3]
    assert got[1].dense_shape.tolist() == [1, 4]


def test_options_are_typed():
    opts = tf.data.Options()
    with pytest.raises(AttributeError):
        opts.nope = 1
    with pytest.raises(TypeError):
        opts.experimental_optimization.map_fusion = 1
    opts.experimental_optimization.map_fusion = True
    other = tf.data.Options()
    other.deterministic = False
    merged = opts.merge(other)
    assert merged.experimental_optimization.map_fusion is True and merged.deterministic is False


def test_dataset_spec_holds_its_element_spec():
    element = tf.TensorSpec([], tf.int64)
    spec = tf.data.DatasetSpec(element)
    assert repr(spec) == ("DatasetSpec(TensorSpec(shape=(), dtype=tf.int64, name=None), "
                          "TensorShape([]))")
    assert spec.value_type is tf.data.Dataset
    assert spec == tf.data.DatasetSpec(tf.TensorSpec([], tf.int64))
    assert spec != tf.data.DatasetSpec(element, [5])
    assert spec.is_compatible_with(tf.data.DatasetSpec(tf.TensorSpec(None, tf.int64)))
    assert not spec.is_compatible_with(tf.data.DatasetSpec(tf.TensorSpec([], tf.int32)))


def test_sql_dataset_errors(tmp_path):
    import sqlite3
    path = str(tmp_path / "t.db")
    connection = sqlite3.connect(path)
    connection.execute("create table t (a integer)")
    connection.execute("insert into t values (1)")
    connection.commit()
    connection.close()
    with tf.Graph().as_default(), tf.Session() as sess:
        assert _drain(sess, E.SqlDataset("sqlite", path, "SELECT a FROM t", tf.int64)) == [1]
        with pytest.raises(tf.errors.UnknownError,
                           match="Prepare\\(\\) failed: \\[1\\] no such column: b"):
            _drain(sess, E.SqlDataset("sqlite", path, "SELECT b FROM t", tf.int64))
        with pytest.raises(tf.errors.InvalidArgumentError, match="number of columns in query"):
            _drain(sess, E.SqlDataset("sqlite", path, "SELECT a FROM t", (tf.int64, tf.int64)))
