"""Variable scatter ops (tfcompat/ops/scatter_ops.py) against numpy references: sequential
application of duplicate indices, update broadcasting, partial writes before an error, and the
per-variable lock under concurrent runs (TF's recorded behaviour: conformance/cases/toplevel)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.threads import run_in_threads

_SEQUENTIAL = {
    "scatter_update": lambda old, new: new,
    "scatter_add": lambda old, new: old + new,
    "scatter_sub": lambda old, new: old - new,
    "scatter_mul": lambda old, new: old * new,
    "scatter_div": lambda old, new: old / new,
    "scatter_min": np.minimum,
    "scatter_max": np.maximum,
}


def _run_on(initial, build):
    with tf.Graph().as_default():
        var = tf.Variable(initial)
        out = build(var)
        with tf.Session() as sess:
            sess.run(var.initializer)
            return sess.run(out)


@settings(max_examples=30, deadline=None)
@given(fn=st.sampled_from(sorted(_SEQUENTIAL)),
       indices=st.lists(st.integers(0, 3), min_size=0, max_size=8),
       seed=st.integers(0, 1000))
def test_row_scatter_applies_duplicates_in_order(fn, indices, seed):
    rng = np.random.RandomState(seed)
    initial = rng.uniform(1, 2, (4, 3))
    updates = rng.uniform(1, 2, (len(indices), 3))
    expected = initial.copy()
    for i, row in zip(indices, updates):
        expected[i] = _SEQUENTIAL[fn](expected[i], row)
    got = _run_on(initial, lambda v: getattr(tf, fn)(
        v, np.asarray(indices, np.int32), updates.reshape(len(indices), 3)))
    np.testing.assert_allclose(got, expected, rtol=1e-12)


@settings(max_examples=30, deadline=None)
@given(kind=st.sampled_from(["update", "add", "sub", "max", "min"]),
       tuples=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1)), max_size=6),
       seed=st.integers(0, 1000))
def test_nd_scatter_matches_sequential_reference(kind, tuples, seed):
    rng = np.random.RandomState(seed)
    initial = rng.uniform(-1, 1, (3, 2, 2))
    updates = rng.uniform(-1, 1, (len(tuples), 2))
    combine = {"update": lambda o, n: n, "add": np.add, "sub": np.subtract,
               "max": np.maximum, "min": np.minimum}[kind]
    expected = initial.copy()
    for (a, b), u in zip(tuples, updates):
        expected[a, b] = combine(expected[a, b], u)
    indices = np.asarray(tuples, np.int64).reshape(len(tuples), 2)
    method = f"scatter_nd_{kind}"
    got = _run_on(initial, lambda v: (getattr(tf, method) if hasattr(tf, method) else
                                      getattr(v, method).__get__(v))(
        *((v, indices, updates) if hasattr(tf, method) else (indices, updates))))
    np.testing.assert_allclose(got, expected)


def test_integer_division_rounds_toward_zero_and_zero_divisor_is_an_error():
    got = _run_on(np.array([7, -7, 7, -7], np.int32),
                  lambda v: tf.scatter_div(v, [0, 1, 2, 3], [2, 2, -2, -2]))
    np.testing.assert_array_equal(got, [3, -3, -3, 3])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Integer division by zero"):
        _run_on(np.array([1], np.int32), lambda v: tf.scatter_div(v, [0], [0]))


def test_scalar_updates_broadcast_to_every_row():
    got = _run_on(np.zeros([3, 2]), lambda v: tf.scatter_add(v, [0, 2, 2], 1.5))
    np.testing.assert_array_equal(got, [[1.5, 1.5], [0, 0], [3, 3]])


def test_batch_scatter_update_addresses_rows_per_batch():
    initial = np.arange(12.).reshape(2, 2, 3)
    indices = np.array([[[2], [0]], [[1], [1]]], np.int32)
    updates = -np.arange(1., 5.).reshape(2, 2, 1)
    expected = initial.copy()
    for b in range(2):
        for r in range(2):
            expected[b, r, indices[b, r, 0]] = updates[b, r, 0]
    got = _run_on(initial, lambda v: tf.batch_scatter_update(v, indices, updates))
    np.testing.assert_array_equal(got, expected)
    with pytest.raises(ValueError, match="unknown shape"):
        _run_on(initial, lambda v: tf.batch_scatter_update(
            v, tf.placeholder(tf.int32), updates))


def test_error_keeps_the_updates_tf_applies_before_it():
    with tf.Graph().as_default():
        var = tf.Variable(np.zeros([3, 2]))
        rows = tf.scatter_add(var, [0, 5, 1], np.ones([3, 2]))
        tuples = tf.scatter_nd_add(var, [[7], [2]], np.ones([2, 2]))
        with tf.Session() as sess:
            sess.run(var.initializer)
            with pytest.raises(tf.errors.InvalidArgumentError, match=r"indices\[1\] = 5 is not"):
                sess.run(rows)
            with pytest.raises(tf.errors.InvalidArgumentError, match="does not index into"):
                sess.run(tuples)
            np.testing.assert_array_equal(sess.run(var), [[1, 1], [0, 0], [1, 1]])


def test_concurrent_scatter_adds_lose_no_update():
    with tf.Graph().as_default():
        var = tf.Variable(np.zeros([2], np.int64))
        add = tf.scatter_add(var, [0, 1, 0], np.ones([3], np.int64), use_locking=False)
        with tf.Session() as sess:
            sess.run(var.initializer)

            def worker():
                for _ in range(50):
                    sess.run(add.op)
            run_in_threads(worker, [()] * 4)
            np.testing.assert_array_equal(sess.run(var), [400, 200])


def test_variable_methods_require_indexed_slices():
    with tf.Graph().as_default():
        var = tf.Variable(np.zeros([2, 2]))
        with pytest.raises(TypeError, match="sparse_delta is not IndexedSlices"):
            var.scatter_add([1])
