"""Session behaviour: fetch structures, feeds, plan caching, atomic failure, defaults."""

import collections
import gc
import weakref

import numpy as np
import pytest

import tfcompat as tf


def test_fetch_structures_are_mirrored():
    a = tf.constant(1.0)
    b = tf.constant([2, 3])
    pair = collections.namedtuple("Pair", "x y")
    with tf.Session() as sess:
        out = sess.run({"a": a, "nested": [a, (b, pair(a, b))],
                        "ordered": collections.OrderedDict([("z", b), ("a", a)])})
    assert out["a"] == 1.0 and isinstance(out["a"], np.float32)
    assert isinstance(out["nested"][1], tuple) and isinstance(out["nested"][1][1], pair)
    assert list(out["ordered"]) == ["z", "a"]
    np.testing.assert_array_equal(out["nested"][1][1].y, [2, 3])


def test_operations_and_op_names_fetch_none():
    v = tf.Variable(1.0, name="v")
    with tf.Session() as sess:
        assert sess.run(v.initializer) is None
        assert sess.run("v/Assign") is None
        assert sess.run("v:0") == 1.0


def test_feeding_any_feedable_tensor_short_circuits_its_producer():
    p = tf.placeholder(tf.float32, [None, 2], name="p")
    c = tf.constant(10.0)
    y = p * c
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(y, {p: [[1, 2]], c: 2.0}), [[2, 4]])
        fed = sess.run(p, {"p:0": [[1.0, 2.0]]})
        assert isinstance(fed, np.ndarray) and fed.dtype == np.float32


def test_plans_are_compiled_once_per_signature():
    p = tf.placeholder(tf.float32, [])
    y = p * 2.0
    with tf.Session() as sess:
        for i in range(5):
            assert sess.run(y, {p: float(i)}) == 2.0 * i
        assert len(sess._plans) == 1
        sess.run([y, p], {p: 1.0})
        assert len(sess._plans) == 2


def test_intermediates_are_released_after_their_last_use():
    released = []

    class Tracked(np.ndarray):
        pass

    def make(x):
        out = np.asarray(x).view(Tracked)
        weakref.finalize(out, released.append, True)
        return out

    from tfcompat.ops.custom_gradient import identity_n
    del identity_n
    x = tf.constant([1.0, 2.0])
    big = tf.py_func(lambda a: make(a * 2), [x], tf.float32)
    y = tf.reduce_sum(big) + 1.0
    z = y * 3.0
    with tf.Session() as sess:
        plan_result = sess.run(z)
    gc.collect()
    assert plan_result == pytest.approx(21.0)
    assert released, "the py_func output was dropped once the run finished with it"


def test_failed_run_keeps_earlier_updates_and_reports_tf_errors():
    # TF (recorded in conformance session/runtime_error_after_update): an update that ran
    # before the failing op stays; a failed run is not rolled back.
    v = tf.Variable(1.0, name="v")
    inc = v.assign_add(1.0)
    with tf.control_dependencies([inc]):
        bad = tf.reshape(tf.constant([1.0, 2.0, 3.0]), tf.placeholder_with_default([2], [1]))
    with tf.Session() as sess:
        sess.run(v.initializer)
        with pytest.raises(tf.errors.InvalidArgumentError) as info:
            sess.run(bad)
        assert info.value.message.startswith("Graph execution error:")
        assert "Input to reshape is a tensor with 3 values" in info.value.message
        assert info.value.op.name == "Reshape"
        assert sess.run(v) == 2.0


def test_uninitialized_and_unfed_errors():
    v = tf.Variable(1.0, name="v")
    p = tf.placeholder(tf.float32, [None, 2], name="p")
    with tf.Session() as sess:
        with pytest.raises(tf.errors.FailedPreconditionError,
                           match="Attempting to use uninitialized value v"):
            sess.run(v + 1.0)
        with pytest.raises(tf.errors.InvalidArgumentError,
                           match=r"You must feed a value for placeholder tensor 'p' with dtype "
                                 r"float and shape \[\?,2\]"):
            sess.run(p * 2.0)


def test_two_sessions_hold_independent_variable_values():
    v = tf.Variable(1.0)
    inc = v.assign_add(1.0)
    s1, s2 = tf.Session(), tf.Session()
    s1.run(v.initializer)
    s2.run(v.initializer)
    s1.run(inc)
    s1.run(inc)
    assert (s1.run(v), s2.run(v)) == (3.0, 1.0)


def test_closed_session_and_default_session_rules():
    c = tf.constant(1.0)
    sess = tf.Session()
    sess.close()
    sess.close()
    with pytest.raises(RuntimeError, match="Attempted to use a closed Session."):
        sess.run(c)
    with pytest.raises(ValueError, match="No default session is registered"):
        c.eval()
    with tf.Session() as default:
        assert tf.get_default_session() is default
        assert c.eval() == 1.0
    assert tf.get_default_session() is None
    interactive = tf.InteractiveSession()
    assert c.eval() == 1.0
    interactive.close()
    assert tf.get_default_session() is None


def test_empty_graph_and_invalid_fetches():
    with tf.Graph().as_default():
        with pytest.raises(RuntimeError, match="The Session graph is empty"):
            tf.Session().run([])
    c = tf.constant(1.0)
    with tf.Session() as sess:
        with pytest.raises(TypeError, match="Cannot be None"):
            sess.run([c, None])
        with pytest.raises(ValueError, match="Cannot feed value of shape"):
            sess.run(c, {c: [1.0, 2.0]})
