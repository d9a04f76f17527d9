"""Shape-memo steps between two chains fusion would join move up (client/memo_hoisting.py): the
seed of ``tf.gradients`` on a shape of unknown batch size no longer splits a forward chain from
its backward chain, and values are those of the unfused plan."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.client.eltwise_fusion import FusedSegment
from tfcompat.client.executor import _Step
from tfcompat.client.memo_hoisting import hoist_shape_memos


def _lines(sess) -> list[tuple[str, list[str]]]:
    """Each line's first op name of the plan compiled last, and the op types of a fused segment
    on it, in order."""
    plan = list(sess._plans.values())[-1]
    segments = {id(v.ops[0]): v for v in plan.function.__globals__.values()
                if isinstance(v, FusedSegment)}
    return [(op.name, [o.type for o in segments[id(op)].ops] if id(op) in segments else [])
            for _, op in sorted(plan.line_ops.items())]


def _run_both(monkeypatch, fetch, feeds):
    results = []
    for flag in ("1", "0"):
        monkeypatch.setenv("TFCOMPAT_FUSION", flag)
        sess = tf.Session()
        results.append((sess.run(fetch, feeds), sess))
    (fused, sess), (unfused, _) = results
    for got, want in zip(fused if isinstance(fused, list) else [fused],
                         unfused if isinstance(unfused, list) else [unfused]):
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes()
    return sess


def test_a_gradient_seed_moves_before_the_forward_chain(monkeypatch):
    x = tf.placeholder(tf.float32, [None, 1024])
    h = x
    for _ in range(3):
        h = tf.sigmoid(tf.tanh(h))
    grad = tf.gradients(h, x)[0]
    xs = np.random.RandomState(0).randn(600, 1024).astype(np.float32)
    sess = _run_both(monkeypatch, grad, {x: xs})
    lines = _lines(sess)
    assert lines[0][0] == "gradients/grad_ys_0"  # Fill(Shape(x)), before every step
    assert lines[1][1] == ["Tanh", "Sigmoid"] * 3 + ["SigmoidGrad", "TanhGrad"] * 3


def test_variable_reads_around_a_moved_memo_see_their_assignments(monkeypatch):
    x = tf.placeholder(tf.float32, [None, 1024])
    w = tf.Variable(1.5)
    h = x
    for _ in range(2):
        h = tf.tanh(h) * w
    grad = tf.gradients(h, [x, w])
    xs = np.random.RandomState(3).randn(600, 1024).astype(np.float32)
    for value in (1.5, -0.5):
        results = []
        for flag in ("1", "0"):
            monkeypatch.setenv("TFCOMPAT_FUSION", flag)
            with tf.Session() as sess:
                sess.run(w.initializer)
                sess.run(w.assign(value))
                results.append(sess.run(grad, {x: xs}))
                if flag == "1":
                    assert _lines(sess)[0][0] == "gradients/grad_ys_0"
        for got, want in zip(*results):
            assert got.tobytes() == want.tobytes()


def _unary_op():
    """A unary element-wise op on [None, 4] float32."""
    with tf.Graph().as_default():
        return tf.tanh(tf.placeholder(tf.float32, [None, 4])).op


def _chain_analysis():
    # f0 -> k0 (unary) -> s1; m1 reads s1 for its shape (and releases it); k2 reads m1's s2.
    steps = [_Step("k0", ["f0"], ["s1"], _unary_op()), _Step("m1", ["s1"], ["s2"], None),
             _Step("k2", ["f0", "s2"], ["s3"], None)]
    return SimpleNamespace(steps=steps, releases={1: ["s1"], 2: ["f0", "s2"]}, touches={3: "t"})


def test_a_memo_reads_the_start_of_a_unary_chain_and_releases_where_it_was():
    analysis = _chain_analysis()
    k0, m1, k2 = analysis.steps
    hoist_shape_memos(analysis, lambda step: (None, 4) if step.kernel_name[0] == "k" else None)
    assert analysis.steps == [replace(m1, args=["f0"]), k0, k2]
    assert analysis.releases == {1: ["s1"], 2: ["f0", "s2"]}  # s1 after k0, its producer
    assert analysis.touches == {3: "t"}


@pytest.mark.parametrize("case", ["guarded", "other shape", "not unary"])
def test_memos_that_may_not_move_keep_their_place(case):
    # A memo between two steps of one fusible shape moves unless it is guarded (in a cond
    # branch), its neighbours differ in shape, or its key is not made by a unary chain.
    analysis = _chain_analysis()
    keys = {"k0": (None, 4), "k2": (None, 4)}
    if case == "guarded":
        analysis.steps[1] = replace(analysis.steps[1], guards=["g0"])
    elif case == "other shape":
        keys["k2"] = (None, 8)
    else:
        with tf.Graph().as_default():
            x = tf.placeholder(tf.float32, [None, 4])
            op = (x + x).op  # another input of the same shape may broadcast it at run time
        analysis.steps[0] = replace(analysis.steps[0], args=["f0", "f0"], op=op)
    steps, releases = list(analysis.steps), dict(analysis.releases)
    hoist_shape_memos(analysis, lambda step: keys.get(step.kernel_name))
    assert analysis.steps == steps and analysis.releases == releases


def test_a_memo_never_moves_to_read_a_value_released_before_its_new_place():
    # m4's key s2 = tanh(s1) would become s1, released after step 1; the memo could only move
    # to step 3 (after s3's producer), where s1 is gone: it stays.
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 4])
        other = (x + x).op
    steps = [_Step("k0", ["f0", "f0"], ["s1"], other), _Step("k1", ["s1"], ["s2"], _unary_op()),
             _Step("k2", ["f0", "f0"], ["s3"], other), _Step("k3", ["s3"], ["s4"], None),
             _Step("m4", ["s2", "s3"], ["s5"], None), _Step("k5", ["s4", "s5"], ["s6"], None)]
    releases = {1: ["s1"], 5: ["s2", "s3", "s4", "s5"]}
    analysis = SimpleNamespace(steps=list(steps), releases=dict(releases), touches={})
    hoist_shape_memos(analysis, lambda step: (None, 4) if step.kernel_name in ("k3", "k5")
                      else None)
    assert analysis.steps == steps and analysis.releases == releases
