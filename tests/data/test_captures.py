"""tf.data functions capturing tensors of the enclosing graph (TF's semantics)."""

import numpy as np
import pytest

import tfcompat as tf


def _drain(sess, nxt):
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


def test_capture_adds_no_ops_to_the_outer_graph():
    g = tf.Graph()
    with g.as_default():
        scale = tf.placeholder(tf.int64, [], name="scale")
        before = len(g.get_operations())
        ds = tf.data.Dataset.range(3)
        n_range = len(g.get_operations())
        ds.map(lambda x: tf.cast(scale, tf.int64) * 2 + x)
        assert len(g.get_operations()) == n_range + 1  # only the MapDataset
        assert before < n_range


def test_interleave_scan_take_while_capture():
    g = tf.Graph()
    with g.as_default():
        k = tf.placeholder(tf.int64, [])
        ds = tf.data.Dataset.range(3).interleave(
            lambda x: tf.data.Dataset.range(k).map(lambda y: y * 100 + x), cycle_length=2)
        ds = ds.scan(tf.constant(0, tf.int64), lambda s, x: (s + k, x + s))
        ds = ds.take_while(lambda x: x < 100 * k)
        it = tf.data.make_initializable_iterator(ds)
        nxt = it.get_next()
        with tf.Session() as sess:
            sess.run(it.initializer, {k: 2})
            # interleave order 0, 1, 100, 101, 2, 102, plus the scan offsets 0, 2, 4, ...
            assert _drain(sess, nxt) == [0, 3, 104, 107, 10, 112]


def test_stateful_op_inside_map_runs_per_element():
    g = tf.Graph()
    with g.as_default():
        tf.set_random_seed(3)
        base = tf.placeholder(tf.float32, [])
        ds = tf.data.Dataset.range(4).map(lambda x: tf.random.uniform([]) + base)
        it = tf.data.make_initializable_iterator(ds)
        nxt = it.get_next()
        with tf.Session() as sess:
            sess.run(it.initializer, {base: 10.0})
            values = _drain(sess, nxt)
    assert len(set(values)) == 4 and all(10.0 <= v < 11.0 for v in values)


def test_variable_read_each_element():
    g = tf.Graph()
    with g.as_default():
        v = tf.Variable(1.0)
        it = tf.data.make_initializable_iterator(tf.data.Dataset.range(3).map(
            lambda x: tf.cast(x, tf.float32) + v))
        nxt = it.get_next()
        add = v.assign_add(10.0)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(it.initializer)
            first = sess.run(nxt)
            sess.run(add)
            second = sess.run(nxt)
    assert (first, second) == (1.0, 12.0)


def test_uninitialized_captured_variable_fails_at_initializer():
    g = tf.Graph()
    with g.as_default():
        v = tf.Variable(1.0, name="w")
        it = tf.data.make_initializable_iterator(tf.data.Dataset.range(3).map(
            lambda x: tf.cast(x, tf.float32) * v))
        with tf.Session() as sess, pytest.raises(tf.errors.FailedPreconditionError):
            sess.run(it.initializer)


def test_nested_function_captures_through_two_graphs():
    g = tf.Graph()
    with g.as_default():
        p = tf.placeholder(tf.int64, [])
        ds = tf.data.Dataset.range(2).flat_map(
            lambda x: tf.data.Dataset.range(2).map(lambda y: y + p))
        assert [t.name for t in ds._variant_tensor.op.inputs] == ["RangeDataset:0",
                                                                  "Placeholder:0"]
        it = tf.data.make_initializable_iterator(ds)
        nxt = it.get_next()
        with tf.Session() as sess:
            sess.run(it.initializer, {p: 5})
            assert _drain(sess, nxt) == [5, 6, 5, 6]


def test_captured_constant_array_value():
    g = tf.Graph()
    with g.as_default():
        table = tf.constant(np.arange(6.0).reshape(2, 3))
        ds = tf.data.Dataset.range(2).map(lambda i: tf.gather(table, i))
        nxt = tf.data.make_one_shot_iterator(ds).get_next()
        assert nxt.shape.as_list() == [3]
        with tf.Session() as sess:
            np.testing.assert_array_equal(np.stack(_drain(sess, nxt)), np.arange(6.0).reshape(2, 3))
