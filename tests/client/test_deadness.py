"""Which ops may see a dead tensor (client/deadness.py): a closed ``tf.cond`` no longer makes the
ops after it guarded, kept or unfolded; anything that may still be dead stays guarded, so fetched
values and dead-tensor errors are TF's."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.client.deadness import may_see_dead
from tfcompat.client.executor import _prune_phase
from tfcompat.ops.control_flow_v1 import merge, switch


def _deadable_names(fetches, feeds=()) -> set[str]:
    ops = _prune_phase(list(fetches), [], list(feeds), frozenset(), skip_unused=False)
    fed = {id(t) for t in feeds}
    found = may_see_dead(ops, fed)
    return {op.name for op in ops if id(op) in found}


def test_the_ops_after_a_cond_are_live_whichever_branch_runs():
    x = tf.placeholder(tf.float32, [None, 3])
    p = tf.placeholder(tf.bool, [])
    c = tf.cond(p, lambda: x * 2.0, lambda: tf.identity(x))
    out = tf.square(c, name="after") + 1.0
    deadable = _deadable_names([out], [x, p])
    assert {"cond/mul", "cond/Identity", "cond/Merge"} <= deadable
    assert not {"after", "add"} & deadable
    xs = np.arange(6, dtype=np.float32).reshape(2, 3)
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(out, {x: xs, p: True}), (xs * 2) ** 2 + 1)
        np.testing.assert_array_equal(sess.run(out, {x: xs, p: False}), xs ** 2 + 1)


def test_a_nested_cond_closes_inside_its_outer_branch():
    x = tf.placeholder(tf.float32, [])
    p = tf.placeholder(tf.bool, [])
    q = tf.placeholder(tf.bool, [])

    def outer_true():
        inner = tf.cond(q, lambda: x + 1.0, lambda: x - 1.0)
        return tf.multiply(inner, 3.0, name="in_outer_branch")
    out = tf.negative(tf.cond(p, outer_true, lambda: x * 10.0), name="after_both")
    deadable = _deadable_names([out], [x, p, q])
    assert any(name.endswith("in_outer_branch") for name in deadable)
    assert "after_both" not in deadable
    with tf.Session() as sess:
        for pv, qv, want in [(True, True, -9.0), (True, False, -3.0), (False, True, -20.0)]:
            assert sess.run(out, {x: 2.0, p: pv, q: qv}) == want


def test_a_merge_of_two_predicates_may_be_dead():
    # Merge of cond 1's true side and cond 2's false side: dead when p is false and q true.
    x = tf.placeholder(tf.float32, [])
    p = tf.placeholder(tf.bool, [])
    q = tf.placeholder(tf.bool, [])
    _, when_p = switch(x, p)
    when_not_q, _ = switch(x, q)
    joined, _ = merge([when_p * 2.0, when_not_q * 3.0])
    out = tf.add(joined, 1.0, name="after")
    assert "after" in _deadable_names([out], [x, p, q])
    with tf.Session() as sess:
        assert sess.run(out, {x: 1.0, p: True, q: True}) == 3.0
        assert sess.run(out, {x: 1.0, p: False, q: False}) == 4.0
        with pytest.raises(tf.errors.InvalidArgumentError, match="does not have value"):
            sess.run(out, {x: 1.0, p: False, q: True})


def test_a_control_edge_from_a_branch_keeps_its_deadness():
    x = tf.placeholder(tf.float32, [])
    p = tf.placeholder(tf.bool, [])
    branch_ops = []

    def true_fn():
        y = x * 2.0
        branch_ops.append(y.op)
        return y
    c = tf.cond(p, true_fn, lambda: x)
    with tf.control_dependencies(branch_ops):
        after = tf.identity(c, name="after")
    assert "after" in _deadable_names([after], [x, p])
    with tf.Session() as sess:
        assert sess.run(after, {x: 1.5, p: True}) == 3.0
        with pytest.raises(tf.errors.InvalidArgumentError, match="does not have value"):
            sess.run(after, {x: 1.5, p: False})


def test_unused_work_after_a_cond_is_pruned_and_untaken_branches_never_run():
    # minimize's gradient of a conv layer groups the input gradient with the filter gradient by
    # a control edge only; behind a closed cond it is pruned as without one (grappler's way).
    x = tf.placeholder(tf.float32, [None, 8, 8, 1])
    p = tf.placeholder(tf.bool, [])
    counter = tf.Variable(0.0)
    h = tf.cond(p, lambda: x * 1.0, lambda: tf.identity(x))
    w = tf.Variable(tf.ones([3, 3, 1, 2]))
    loss = tf.reduce_sum(tf.nn.relu(tf.nn.conv2d(h, w, [1, 1, 1, 1], "SAME")))
    train = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
    bump = tf.cond(p, lambda: tf.assign_add(counter, 1.0), lambda: tf.identity(counter))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        feeds = {x: np.ones((2, 8, 8, 1), np.float32), p: False}
        sess.run([train, bump], feeds)
        plan = list(sess._plans.values())[-1]
        types = {op.type for op in plan.ops}
        assert "Conv2DBackpropFilter" in types and "Conv2DBackpropInput" not in types
        assert sess.run(counter) == 0.0  # the untaken branch's assign never ran
        sess.run(bump, {p: True, x: feeds[x]})
        assert sess.run(counter) == 1.0


_TREES = st.recursive(st.floats(-3, 3, allow_nan=False, width=32).map(lambda c: ("leaf", c)),
                      lambda sub: st.tuples(st.just("cond"), st.integers(0, 2), sub, sub),
                      max_leaves=6)


@settings(max_examples=30, deadline=None)
@given(_TREES)
def test_random_nested_conds_give_the_branch_values(tree):
    # (``build`` reads the ``x`` and ``preds`` made in the test's graph below)
    def build(node):
        if node[0] == "leaf":
            return x * node[1] + 1.0
        _, i, when_true, when_false = node
        return tf.cond(preds[i], lambda: build(when_true), lambda: build(when_false)) * 0.5

    def value(node, chosen):
        if node[0] == "leaf":
            return np.float32(2.0) * np.float32(node[1]) + np.float32(1.0)
        _, i, when_true, when_false = node
        return value(when_true if chosen[i] else when_false, chosen) * np.float32(0.5)

    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [])
        preds = [tf.placeholder(tf.bool, []) for _ in range(3)]
        out = tf.square(build(tree), name="after") - 1.0
        assert "after" not in _deadable_names([out], [x, *preds])
        with tf.Session() as sess:
            for bits in range(8):
                chosen = [bool(bits >> i & 1) for i in range(3)]
                feeds = {x: 2.0, **dict(zip(preds, chosen))}
                assert sess.run(out, feeds) == np.square(value(tree, chosen)) - np.float32(1)
