"""TensorArray, map_fn/scan/foldl/foldr: run-time rules and numerical gradient checks (graphs
and values are recorded from TF in conformance/cases/tensor_array and cf2)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _run(fetch, feed=None):
    with tf.Session() as sess:
        return sess.run(fetch, feed)


def test_each_run_gets_a_fresh_array():
    ta = tf.TensorArray(tf.float32, size=1).write(0, [1.0])
    read = ta.read(0)
    with tf.Session() as sess:
        assert sess.run(read).tolist() == [1.0]
        assert sess.run(read).tolist() == [1.0]  # a second run: not "read twice"


@pytest.mark.parametrize(("build", "message"), [
    (lambda ta: ta.write(0, [1.0]).write(0, [2.0]).read(0), "already been written to"),
    (lambda ta: ta.read(7), "Tried to read from index 7 but array size is: 2"),
    (lambda ta: ta.write(2, [1.0]).flow, "array is not resizeable and size is: 2"),
    (lambda ta: ta.read(1), "Could not read from TensorArray index 1."),
])
def test_run_time_errors(build, message):
    with pytest.raises(tf.errors.InvalidArgumentError, match=message):
        _run(build(tf.TensorArray(tf.float32, size=2)))


def test_unwritten_elements_of_a_known_shape_read_as_zeros():
    ta = tf.TensorArray(tf.float32, size=3, element_shape=[2]).write(1, [1.0, 2.0])
    np.testing.assert_array_equal(_run(ta.stack()), [[0, 0], [1, 2], [0, 0]])


def test_dynamic_size_grows_on_write():
    ta = tf.TensorArray(tf.int32, size=0, dynamic_size=True)
    ta = ta.write(0, 4).write(2, 6)
    assert ta.size().op.type == "TensorArraySizeV3"
    assert _run(ta.size()) == 3


def _gradient_error(build, shape, seed=0):
    x = tf.placeholder(tf.float64, shape)
    y = build(x)
    value = np.random.RandomState(seed).uniform(-1, 1, shape)
    y_shape = list(_run(y, {x: value}).shape)
    with tf.Session():
        return tf.test.compute_gradient_error(x, list(shape), y, y_shape, x_init_value=value)


@pytest.mark.parametrize("build", [
    lambda x: tf.map_fn(lambda v: tf.sin(v) * v, x),
    lambda x: tf.scan(lambda a, v: a * v + 1.0, x),
    lambda x: tf.scan(lambda a, v: a * v, x, reverse=True),
    lambda x: tf.scan(lambda a, v: a + v * v, x, initializer=tf.constant([0.5, 1.0, 1.5],
                                                                          tf.float64)),
    lambda x: tf.foldl(lambda a, v: a * v + v, x),
    lambda x: tf.foldr(lambda a, v: tf.tanh(a + v), x),
    lambda x: tf.TensorArray(tf.float64, size=4).unstack(x).gather([3, 1]) * 2.0,
    lambda x: tf.TensorArray(tf.float64, size=2, infer_shape=False).split(
        tf.reshape(x, [-1]), [5, 7]).concat(),
])
def test_numerical_gradients(build):
    assert _gradient_error(build, (4, 3)) < 1e-6


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 5), st.integers(1, 3))
def test_map_fn_equals_elementwise_numpy(rows, cols):
    value = np.arange(rows * cols, dtype=np.float32).reshape(rows, cols)
    x = tf.placeholder(tf.float32, [None, cols])
    mapped = tf.map_fn(lambda v: v * v + 1.0, x)
    assert mapped.shape.as_list() == [None, cols]
    np.testing.assert_allclose(_run(mapped, {x: value}), value * value + 1.0)
    scanned = tf.scan(lambda a, v: a + v, x)
    np.testing.assert_allclose(_run(scanned, {x: value}), np.cumsum(value, axis=0))


@pytest.mark.parametrize("build", [
    lambda x: tf.map_fn(lambda row: tf.map_fn(lambda v: tf.sin(v) * v, row), x),
    lambda x: tf.scan(lambda a, row: a * tf.foldl(lambda s, v: s + v * v, row), x),
    lambda x: tf.map_fn(lambda row: tf.cond(tf.reduce_sum(row) > 0, lambda: row * row,
                                            lambda: -row), x),
])
def test_numerical_gradients_of_nested_control_flow(build):
    assert _gradient_error(build, (3, 4), seed=1) < 1e-6
