"""Variables: ref-variable ops, initialization, get_variable/variable_scope, initializers."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


def test_variable_ops_and_assignments():
    v = tf.Variable([1.0, 2.0], name="v")
    assert [op.name for op in tf.get_default_graph().get_operations()] == [
        "v/initial_value", "v", "v/Assign", "v/read"]
    assert repr(v) == "<tf.Variable 'v:0' shape=(2,) dtype=float32_ref>"
    with tf.Session() as sess:
        assert not sess.run(tf.is_variable_initialized(v))
        sess.run(v.initializer)
        assert sess.run(tf.is_variable_initialized(v))
        np.testing.assert_array_equal(sess.run(v.assign([5.0, 6.0])), [5.0, 6.0])
        np.testing.assert_array_equal(sess.run(tf.assign_add(v, [1.0, 1.0])), [6.0, 7.0])
        np.testing.assert_array_equal(sess.run(v.assign_sub([6.0, 7.0])), [0.0, 0.0])
        v.load([3.0, 4.0], sess)
        np.testing.assert_array_equal(v.eval(sess), [3.0, 4.0])


def test_assign_of_wrong_shape_is_rejected_without_changing_the_variable():
    v = tf.Variable([1.0, 2.0])
    p = tf.placeholder(tf.float32, [None])
    assign = v.assign(p)
    with tf.Session() as sess:
        sess.run(v.initializer)
        with pytest.raises(tf.errors.InvalidArgumentError, match="Assign requires shapes"):
            sess.run(assign, {p: [1.0, 2.0, 3.0]})
        np.testing.assert_array_equal(sess.run(v), [1.0, 2.0])


def test_initializer_may_read_other_variables_in_one_run():
    a = tf.Variable(3.0, name="a")
    b = tf.Variable(a * 2.0, name="b")
    c = tf.Variable(b.initialized_value() + 1.0, name="c")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert sess.run([a, b, c]) == [3.0, 6.0, 7.0]


def test_report_uninitialized_variables():
    a = tf.Variable(1.0, name="a")
    tf.Variable(2.0, name="b")
    report = tf.report_uninitialized_variables()
    with tf.Session() as sess:
        assert sess.run(report).tolist() == [b"a", b"b"]
        sess.run(a.initializer)
        assert sess.run(report).tolist() == [b"b"]


def test_get_variable_scopes_reuse_and_errors():
    with tf.variable_scope("vs") as scope:
        w = tf.get_variable("w", [2, 3])
    with tf.variable_scope(scope, reuse=True):
        assert tf.get_variable("w", [2, 3]) is w
    with tf.variable_scope("vs", reuse=tf.AUTO_REUSE):
        assert tf.get_variable("w") is w
        created = tf.get_variable("new", [1])
    assert created.name == "vs/new:0"
    with pytest.raises(ValueError, match="Variable vs/w already exists, disallowed"):
        with tf.variable_scope("vs"):
            tf.get_variable("w", [2, 3])
    with pytest.raises(ValueError, match="Trying to share variable vs/w, but specified shape"):
        with tf.variable_scope("vs", reuse=True):
            tf.get_variable("w", [5])


def test_default_initializers_glorot_for_floats_zeros_for_ints():
    w = tf.get_variable("w", [4, 5, 6])
    i = tf.get_variable("i", [3], dtype=tf.int32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        values, ints = sess.run([w, i])
    limit = np.sqrt(6.0 / (5 * 4 + 6 * 4))
    assert np.all(np.abs(values) <= limit) and np.abs(values).max() > limit / 2
    assert ints.tolist() == [0, 0, 0]
    assert "w/Initializer/random_uniform/RandomUniform" in [
        op.name for op in tf.get_default_graph().get_operations()]


@settings(max_examples=10, deadline=None)
@given(rows=st.integers(2, 6), cols=st.integers(2, 6), seed=st.integers(0, 1000))
def test_orthogonal_initializer_gives_orthonormal_rows_or_columns(rows, cols, seed):
    with tf.Graph().as_default():
        init = tf.orthogonal_initializer(seed=seed)([rows, cols], dtype=tf.float64)
        with tf.Session() as sess:
            q = sess.run(init)
    product = q.T @ q if rows >= cols else q @ q.T
    np.testing.assert_allclose(product, np.eye(min(rows, cols)), atol=1e-10)


def test_variance_scaling_statistics():
    init = tf.variance_scaling_initializer(scale=2.0, mode="fan_in",
                                           distribution="untruncated_normal", seed=3)
    with tf.Session() as sess:
        values = sess.run(init([400, 300]))
    assert values.std() == pytest.approx(np.sqrt(2.0 / 400), rel=0.02)


def test_global_step():
    step = tf.train.get_or_create_global_step()
    assert repr(step) == "<tf.Variable 'global_step:0' shape=() dtype=int64_ref>"
    assert tf.train.get_or_create_global_step() is step
    assert tf.train.get_global_step() is step
    with tf.Session() as sess:
        sess.run(step.initializer)
        sess.run(tf.assign_add(step, 1))
        assert tf.train.global_step(sess, step) == 1


def test_count_up_to_stops_at_the_limit():
    v = tf.Variable(0, name="c")
    c = v.count_up_to(2)
    assert (c.name, c.op.type) == ("CountUpTo:0", "CountUpTo")
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert [sess.run(c), sess.run(c)] == [0, 1]
        with pytest.raises(tf.errors.OutOfRangeError, match="Reached limit of 2"):
            sess.run(c)
        assert sess.run(v) == 2
