"""tf.case and tf.switch_case against their definition (first true predicate / indexed branch,
default otherwise), and smart_cond; graphs and errors are recorded from TF in
conformance/cases/cf2."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.layers.utils import smart_cond


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


@settings(max_examples=20, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=4), st.booleans())
def test_case_returns_the_first_true_branch(flags, exclusive_ok):
    preds = [tf.placeholder(tf.bool, []) for _ in flags]
    pairs = [(p, lambda k=k: tf.constant(k)) for k, p in enumerate(preds)]
    exclusive = exclusive_ok and sum(flags) <= 1
    result = tf.case(pairs, default=lambda: tf.constant(-1), exclusive=exclusive)
    expected = next((k for k, f in enumerate(flags) if f), -1)
    with tf.Session() as sess:
        assert sess.run(result, dict(zip(preds, flags))) == expected


def test_exclusive_case_rejects_two_true_predicates_at_run_time():
    p = tf.placeholder(tf.bool, [])
    result = tf.case([(p, lambda: tf.constant(1)), (p, lambda: tf.constant(2))],
                     default=lambda: tf.constant(0), exclusive=True)
    with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError,
                                             match="more than 1 conditions"):
        sess.run(result, {p: True})


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 4), st.integers(-2, 6), st.booleans())
def test_switch_case_picks_the_indexed_branch_else_the_default(n, index, with_default):
    i = tf.placeholder(tf.int32, [])
    branches = [lambda k=k: tf.constant(float(k)) for k in range(n)]
    default = (lambda: tf.constant(-1.0)) if with_default else None
    result = tf.switch_case(i, branches, default=default)
    if 0 <= index < n:
        expected = float(index)
    else:
        expected = -1.0 if with_default else float(n - 1)
    with tf.Session() as sess:
        assert sess.run(result, {i: index}) == expected


def test_switch_case_gradient_flows_through_the_taken_branch_only():
    i = tf.placeholder(tf.int32, [])
    x = tf.constant(np.array([1.0, 2.0]))
    y = tf.switch_case(i, [lambda: tf.reduce_sum(x * x), lambda: tf.reduce_sum(3.0 * x)])
    (grad,) = tf.gradients(y, x)
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(grad, {i: 0}), [2.0, 4.0])
        np.testing.assert_allclose(sess.run(grad, {i: 1}), [3.0, 3.0])


def test_smart_cond_calls_one_function_when_the_predicate_is_known():
    calls = []
    result = smart_cond(tf.constant(False), lambda: calls.append("t") or tf.constant(1),
                        lambda: calls.append("f") or tf.constant(2))
    assert calls == ["f"] and result.op.type == "Const"
    p = tf.placeholder(tf.bool, [])
    assert smart_cond(p, lambda: tf.constant(1), lambda: tf.constant(2)).op.type == "Merge"
    with pytest.raises(TypeError, match="`pred` must be a Tensor, or a Python bool"):
        smart_cond("yes", lambda: 1, lambda: 2)
