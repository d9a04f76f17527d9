"""What a run plan leaves out: side-effect-free ops nothing reads (TF's grappler dependency
optimizer), ops folded into constants, Identity steps; the values stay the same."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.client import executor
from tfcompat.client.constant_folding import MAX_FOLDED_BYTES
from tfcompat.protobuf.rewriter_config_pb2 import RewriterConfig


def _plan_op_names(sess: tf.Session, fetches, feed_dict=None) -> list[str]:
    """Names of the ops the session's plan for ``fetches`` runs as steps (loop bodies too);
    the plan is compiled by this call."""
    sess.run(fetches, feed_dict)
    plan = list(sess._plans.values())[-1]
    names = []
    for p in [plan, *plan.nested]:
        names += [op.name for line, op in sorted(p.line_ops.items())]
    return names


def _mlp():
    x = tf.placeholder(tf.float32, [None, 4], name="x")
    w = tf.Variable(tf.ones([4, 3]), name="w")
    loss = tf.reduce_sum(tf.matmul(x, w, name="mm"))
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    return x, w, train


def test_gradient_for_a_placeholder_is_not_computed():
    x, w, train = _mlp()
    feed = {x: np.ones((2, 4), np.float32)}
    with tf.Session() as sess:
        sess.run(w.initializer)
        names = _plan_op_names(sess, train, feed)
        assert "gradients/mm_grad/MatMul_1" in names  # d loss / d w
        assert "gradients/mm_grad/MatMul" not in names  # d loss / d x: control edges only
        np.testing.assert_array_equal(sess.run(w), np.full((4, 3), 0.8, np.float32))


@pytest.mark.parametrize("rewrite", [RewriterConfig(dependency_optimization=RewriterConfig.OFF),
                                     RewriterConfig(disable_meta_optimizer=True)])
def test_rewriter_config_turns_skipping_off(rewrite):
    x, w, train = _mlp()
    config = tf.ConfigProto(graph_options=tf.GraphOptions(rewrite_options=rewrite))
    with tf.Session(config=config) as sess:
        sess.run(w.initializer)
        assert "gradients/mm_grad/MatMul" in _plan_op_names(sess, train,
                                                            {x: np.ones((2, 4), np.float32)})


def test_skipping_is_transitive_and_keeps_effects():
    p = tf.placeholder(tf.float32, [None])
    bad = tf.reshape(p, [3], name="bad")
    neg = tf.negative(bad, name="neg")
    check = tf.debugging.check_numerics(p, "nan", name="check")  # stateful: runs
    with tf.control_dependencies([neg, check]):
        y = tf.identity(p) * 2.0
    with tf.Session() as sess:
        names = _plan_op_names(sess, y, {p: [1.0, 2.0, 3.0, 4.0]})
        assert "bad" not in names and "neg" not in names and "check" in names
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(y, {p: [np.nan]})
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run([y, neg], {p: [1.0, 2.0, 3.0, 4.0]})


def test_constant_inputs_fold_and_failures_stay_for_the_run():
    r = tf.range(tf.constant(0) + 2, name="r")  # AddV2 then Range on constants: folded
    bad = tf.gather(tf.constant([1.0, 2.0]), 5, name="bad")  # fails: left as a step
    p = tf.placeholder(tf.int32, [])
    y = tf.add(r, p, name="y")
    with tf.Session() as sess:
        assert _plan_op_names(sess, y, {p: 1}) == ["y"]
        np.testing.assert_array_equal(sess.run(y, {p: 1}), [1, 2])
        out = sess.run(r)
        out[0] = 7  # a fetched constant is the caller's copy
        np.testing.assert_array_equal(sess.run(r), [0, 1])
        with pytest.raises(tf.errors.InvalidArgumentError, match="not in"):
            sess.run(bad)
    plan = executor.compile_plan([bad, r], [], [], executor.SessionState())
    assert [op.name for op in plan.line_ops.values()] == ["bad"]


def test_large_outputs_are_not_folded():
    n = MAX_FOLDED_BYTES // 4 + 1
    big = tf.fill([n], 1.0, name="big")
    small = tf.fill([4], 1.0, name="small")
    p = tf.placeholder(tf.float32, [])
    with tf.Session() as sess:
        names = _plan_op_names(sess, [tf.reduce_sum(big) + p, small + p], {p: 0.0})
    assert "big" in names and "small" not in names


def test_identity_of_a_computed_value_is_no_step():
    p = tf.placeholder(tf.float32, [2])
    y = tf.identity(tf.identity(p * 2.0, name="i1"), name="i2") + 1.0
    with tf.Session() as sess:
        names = _plan_op_names(sess, [y, "i1:0"], {p: [1.0, 2.0]})
        assert "i1" not in names and "i2" not in names
        fetched_y, fetched_i1 = sess.run([y, "i1:0"], {p: [1.0, 2.0]})
    np.testing.assert_array_equal(fetched_i1, [2.0, 4.0])
    np.testing.assert_array_equal(fetched_y, [3.0, 5.0])


def test_plans_without_skipping_when_state_says_so():
    p = tf.placeholder(tf.float32, [None])
    with tf.control_dependencies([tf.reshape(p, [3], name="bad")]):
        y = tf.identity(p) * 2.0
    state = executor.SessionState()
    state.skip_unused_ops = False
    plan = executor.compile_plan([y], [], [p], state)
    assert "bad" in [op.name for op in plan.ops]
