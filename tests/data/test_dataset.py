"""tf.data: element values and order, static structure, iterator errors.

TF's outputs for the same pipelines are in conformance/cases/data.
"""

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _drain(sess, dataset):
    nxt = dataset.make_one_shot_iterator().get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


def test_map_batch_repeat_values_and_shapes():
    ds = tf.data.Dataset.from_tensor_slices((np.arange(5), np.arange(5) * 1.5))
    ds = ds.map(lambda a, b: (a * 2, b + 1)).batch(2).repeat(2)
    assert [s.as_list() for s in ds.output_shapes] == [[None], [None]]
    with tf.Session() as sess:
        batches = _drain(sess, ds)
    assert [b[0].tolist() for b in batches] == [[0, 2], [4, 6], [8], [0, 2], [4, 6], [8]]


def test_map_function_is_traced_once():
    calls = []

    def fn(x):
        calls.append(x)
        return x + 1
    ds = tf.data.Dataset.range(4).map(fn)
    with tf.Session() as sess:
        assert [int(v) for v in _drain(sess, ds)] == [1, 2, 3, 4]
    assert len(calls) == 1


def test_seeded_shuffle_is_a_reproducible_permutation():
    def order():
        tf.reset_default_graph()
        with tf.Session() as sess:
            return [int(v) for v in _drain(sess, tf.data.Dataset.range(20).shuffle(5, seed=7))]
    first = order()
    assert sorted(first) == list(range(20))
    assert first == order()


def test_end_of_sequence_and_uninitialized_errors():
    it = tf.data.Dataset.range(1).make_initializable_iterator()
    nxt = it.get_next()
    with tf.Session() as sess:
        with pytest.raises(tf.errors.FailedPreconditionError, match="not been initialized"):
            sess.run(nxt)
        sess.run(it.initializer)
        assert sess.run(nxt) == 0
        with pytest.raises(tf.errors.OutOfRangeError, match="End of sequence"):
            sess.run(nxt)


def test_errors_inside_map_functions_surface_at_get_next():
    ds = tf.data.Dataset.from_tensor_slices(["1", "x"]).map(
        lambda s: tf.decode_csv(s, [[0]])[0])
    nxt = ds.make_one_shot_iterator().get_next()
    with tf.Session() as sess:
        assert sess.run(nxt) == 1
        with pytest.raises(tf.errors.InvalidArgumentError, match="not a valid int32"):
            sess.run(nxt)


def test_one_shot_iterator_rejects_placeholders():
    x = tf.placeholder(tf.int64, [])
    with pytest.raises(ValueError, match="Cannot capture a placeholder"):
        tf.data.Dataset.range(x).make_one_shot_iterator()


def test_window_then_flat_map_batches_each_window():
    ds = tf.data.Dataset.range(5).window(2, shift=1, drop_remainder=True)
    with tf.Session() as sess:
        out = _drain(sess, ds.flat_map(lambda w: w.batch(2)))
    assert [b.tolist() for b in out] == [[0, 1], [1, 2], [2, 3], [3, 4]]


def test_sparse_elements_are_batched_with_a_leading_dimension():
    ds = tf.data.Dataset.range(1, 4).map(
        lambda n: tf.sparse.from_dense(tf.range(n) + 1)).batch(2)
    sp = ds.make_one_shot_iterator().get_next()
    assert isinstance(sp, tf.SparseTensor)
    with tf.Session() as sess:
        first = sess.run(sp)
    assert first.indices.tolist() == [[0, 0], [1, 0], [1, 1]]
    assert first.values.tolist() == [1, 1, 2]
    assert first.dense_shape.tolist() == [2, 2]
