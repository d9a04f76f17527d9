"""tf.cond (v1 Switch/Merge control flow): graph structure, dead-branch execution, gradients.

Op names, inputs and values below were observed on TensorFlow 2.21 (tf.compat.v1).
"""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.framework import errors
from tfcompat.ops.control_flow_v1 import merge, switch


@pytest.fixture(autouse=True)
def fresh_graph():
    with tf.Graph().as_default() as graph:
        yield graph


def _structure(graph, prefix=""):
    return [(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
            for op in graph.get_operations() if op.name.startswith(prefix)]


def test_cond_builds_tf_graph(fresh_graph):
    x = tf.placeholder(tf.float32, name="x")
    v = tf.Variable(2.0, name="v")
    r = tf.cond(x > 0, lambda: x * tf.constant(3.0) + v, lambda: tf.square(x))
    assert str(r) == 'Tensor("cond/Merge:0", dtype=float32)'
    assert _structure(fresh_graph, "cond") == [
        ("cond/Switch", "Switch", ["Greater:0", "Greater:0"], []),
        ("cond/switch_t", "Identity", ["cond/Switch:1"], []),
        ("cond/switch_f", "Identity", ["cond/Switch:0"], []),
        ("cond/pred_id", "Identity", ["Greater:0"], []),
        ("cond/Const", "Const", [], ["cond/switch_t"]),
        ("cond/mul", "Mul", ["cond/mul/Switch:1", "cond/Const:0"], []),
        ("cond/mul/Switch", "Switch", ["x:0", "cond/pred_id:0"], []),
        ("cond/add", "AddV2", ["cond/mul:0", "cond/add/Switch:1"], []),
        ("cond/add/Switch", "Switch", ["v/read:0", "cond/pred_id:0"], []),
        ("cond/Square", "Square", ["cond/Square/Switch:0"], []),
        ("cond/Square/Switch", "Switch", ["x:0", "cond/pred_id:0"], []),
        ("cond/Merge", "Merge", ["cond/Square:0", "cond/add:0"], []),
    ]
    assert [str(t.shape) for t in fresh_graph.get_operation_by_name("cond/Merge").outputs] == [
        "<unknown>", "()"]
    assert len(tf.get_collection("cond_context")) == 2


def test_cond_values_and_gradients(fresh_graph):
    x = tf.placeholder(tf.float32, name="x")
    v = tf.Variable(2.0, name="v")
    r = tf.cond(x > 0, lambda: x * tf.constant(3.0) + v, lambda: tf.square(x))
    g = tf.gradients(r, [x, v])
    assert [t.name for t in g] == ["gradients/AddN:0",
                                   "gradients/cond/add/Switch_grad/cond_grad:0"]
    zeros = fresh_graph.get_operation_by_name("gradients/zeros")
    assert zeros.type == "Fill"
    assert _structure(fresh_graph, "gradients/zeros/Const") == [
        ("gradients/zeros/Const", "Const", [], ["gradients/Identity"])]
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run([r] + g, {x: 2.0}) == [8.0, 3.0, 1.0]
        assert sess.run([r] + g, {x: -2.0}) == [4.0, -4.0, 0.0]


def test_untaken_branch_does_not_run_stateful_ops(fresh_graph):
    v = tf.Variable(0.0, name="v")
    p = tf.placeholder(tf.bool, name="p")
    r = tf.cond(p, lambda: v.assign(1.0), lambda: v.assign(2.0))
    assert repr(r) == "<tf.Tensor 'cond/Merge:0' shape=() dtype=float32_ref>"
    assert [(op.name, op.type) for op in fresh_graph.get_operations()
            if "Switch" in op.type or "Merge" in op.type][1:] == [
        ("cond/Assign/Switch", "RefSwitch"), ("cond/Assign_1/Switch", "RefSwitch"),
        ("cond/Merge", "RefMerge")]
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(r, {p: True}) == 1.0
        assert sess.run(v) == 1.0
        assert sess.run(r, {p: False}) == 2.0
        assert sess.run(v) == 2.0


def test_nested_cond_structure_values_and_gradients(fresh_graph):
    x = tf.placeholder(tf.float32, [2], name="x")
    y = tf.constant([1.0, 2.0], name="y")
    p = tf.placeholder(tf.bool, [], name="p")
    q = tf.placeholder(tf.bool, [], name="q")
    r = tf.cond(p, lambda: tf.cond(q, lambda: x * y, lambda: x + 1.0), lambda: y)
    inputs = {op.name: [t.name for t in op.inputs] for op in fresh_graph.get_operations()}
    assert inputs["cond/cond/Switch"] == ["cond/cond/Switch/Switch:1"] * 2
    assert inputs["cond/cond/Switch/Switch"] == ["q:0", "cond/pred_id:0"]
    assert inputs["cond/cond/mul"] == ["cond/cond/mul/Switch_1:1", "cond/cond/mul/Switch_3:1"]
    assert inputs["cond/cond/mul/Switch"] == ["x:0", "cond/pred_id:0"]
    assert inputs["cond/cond/mul/Switch_1"] == ["cond/cond/mul/Switch:1", "cond/cond/pred_id:0"]
    assert inputs["cond/cond/add/Switch"] == ["cond/cond/mul/Switch:1", "cond/cond/pred_id:0"]
    assert inputs["cond/Switch_1"] == ["y:0", "cond/pred_id:0"]
    assert inputs["cond/Merge"] == ["cond/Switch_1:0", "cond/cond/Merge:0"]
    assert len(tf.get_collection("cond_context")) == 2
    (g,) = tf.gradients(r, x)
    assert g.name == "gradients/cond/cond/mul/Switch_grad/cond_grad:0"
    expected = {(True, True): ([3, 8], [1, 2]), (True, False): ([4, 5], [1, 1]),
                (False, True): ([1, 2], [0, 0]), (False, False): ([1, 2], [0, 0])}
    with tf.Session() as sess:
        for (pv, qv), (value, grad) in expected.items():
            out, gout = sess.run([r, g], {x: [3.0, 4.0], p: pv, q: qv})
            np.testing.assert_array_equal(out, value)
            np.testing.assert_array_equal(gout, grad)


def test_gradients_match_numerical_differences(fresh_graph):
    x = tf.placeholder(tf.float64, [3], name="x")
    p = tf.placeholder(tf.bool, [], name="p")
    r = tf.reduce_sum(tf.cond(p, lambda: tf.sin(x) * x, lambda: tf.exp(x) - x))
    (g,) = tf.gradients(r, x)
    point = np.array([0.3, -1.2, 2.0])
    eps = 1e-6
    with tf.Session() as sess:
        for pv in (True, False):
            numeric = [(sess.run(r, {x: point + eps * e, p: pv})
                        - sess.run(r, {x: point - eps * e, p: pv})) / (2 * eps)
                       for e in np.eye(3)]
            np.testing.assert_allclose(sess.run(g, {x: point, p: pv}), numeric, rtol=1e-6)


def test_second_order_gradient_through_cond(fresh_graph):
    x = tf.placeholder(tf.float32, [], name="x")
    r = tf.cond(x > 0, lambda: x * x * x, lambda: -x * x)
    (g,) = tf.gradients(r, x)
    (h,) = tf.gradients(g, x)
    with tf.Session() as sess:
        assert sess.run([g, h], {x: 2.0}) == [12.0, 12.0]
        assert sess.run([g, h], {x: -3.0}) == [6.0, -2.0]


def test_branch_results_structures_and_ops(fresh_graph):
    x = tf.constant(2.0, name="x")
    p = tf.placeholder(tf.bool, name="p")
    single = tf.cond(p, lambda: [x], lambda: [x])
    strict = tf.cond(p, lambda: [x], lambda: [x], strict=True)
    nested = tf.cond(p, lambda: {"a": x, "b": (x, 2 * x)}, lambda: {"a": -x, "b": (x, x)})
    noop = tf.cond(p, tf.no_op, tf.no_op)
    named = tf.cond(tf.constant(True), lambda: 1.0, lambda: 2.0, name="named")
    assert single.name == "cond/Merge:0"
    assert [t.name for t in strict] == ["cond_1/Merge:0"]
    assert nested["a"].name == "cond_2/Merge:0"
    assert [t.name for t in nested["b"]] == ["cond_2/Merge_1:0", "cond_2/Merge_2:0"]
    assert str(noop) == 'Tensor("cond_3/Merge:0", dtype=bool)'
    assert _structure(tf.get_default_graph(), "cond_3/control_dependency") == [
        ("cond_3/control_dependency", "Identity", ["cond_3/switch_t:0"], ["cond_3/NoOp"]),
        ("cond_3/control_dependency_1", "Identity", ["cond_3/switch_f:0"], ["cond_3/NoOp_1"])]
    assert _structure(tf.get_default_graph(), "named/Const") == [
        ("named/Const", "Const", [], ["named/switch_t"]),
        ("named/Const_1", "Const", [], ["named/switch_f"])]
    with tf.Session() as sess:
        assert sess.run(nested, {p: False}) == {"a": -2.0, "b": (2.0, 2.0)}
        assert sess.run(nested, {p: True}) == {"a": 2.0, "b": (2.0, 4.0)}
        assert sess.run(named) == 1.0
        # An op result stands for the pivot: the predicate's value on the taken side.
        assert sess.run(noop, {p: True})
        assert not sess.run(noop, {p: False})


@pytest.mark.parametrize("call, error, message", [
    (lambda x, p: tf.cond(True, lambda: x, lambda: x), TypeError,
     "'pred' must not be a Python bool."),
    (lambda x, p: tf.cond(p, lambda: x, lambda: tf.constant(1)), ValueError,
     "Outputs of 'true_fn' and 'false_fn' must have the same type(s). Received float32 from "
     "'true_fn' and int32 from 'false_fn'."),
    (lambda x, p: tf.cond(p, lambda: None, lambda: x), ValueError,
     "'true_fn' must have a return value."),
    (lambda x, p: tf.cond(p, lambda: x, lambda: None), ValueError,
     "'false_fn' must have a return value."),
    (lambda x, p: tf.cond(p, 1, lambda: x), TypeError, "'true_fn' must be callable."),
    (lambda x, p: tf.cond(p, lambda: x, 2), TypeError, "'false_fn' must be callable."),
    (lambda x, p: tf.cond(p, lambda: [], lambda: []), ValueError,
     "'true_fn' and 'false_fn' must return at least one result."),
])
def test_cond_errors(call, error, message):
    x = tf.constant(2.0, name="x")
    p = tf.placeholder(tf.bool, name="p")
    with pytest.raises(error) as info:
        call(x, p)
    assert str(info.value) == message


def test_structure_mismatch_error():
    x = tf.constant(2.0, name="x")
    p = tf.placeholder(tf.bool, name="p")
    with pytest.raises(ValueError, match="^The two structures don't have the same nested"):
        tf.cond(p, lambda: x, lambda: (x, x))


def test_branch_tensors_are_not_fetchable(fresh_graph):
    x = tf.placeholder(tf.float32, name="x")
    tf.cond(x > 0, lambda: x * 2.0, lambda: x)
    with tf.Session() as sess, pytest.raises(ValueError) as info:
        sess.run("cond/mul:0", {x: 1.0})
    assert str(info.value).startswith("Operation cond/mul has been marked as not fetchable.")


def test_raw_switch_and_merge_dead_tensors(fresh_graph):
    false_out, true_out = switch(tf.constant(1.0), tf.constant(False))
    output, index = merge([true_out, false_out])
    with tf.Session() as sess:
        assert sess.run(false_out) == 1.0
        assert sess.run([output, index]) == [1.0, 1]
        for fetch in (true_out, true_out + 1.0):
            with pytest.raises(errors.InvalidArgumentError) as info:
                sess.run(fetch)
            assert str(info.value) == "Graph execution error:\n\nRetval[0] does not have value"


def test_plans_without_switch_have_no_dead_checks(fresh_graph):
    x = tf.placeholder(tf.float32, name="x")
    y = x * 2.0
    with tf.Session() as sess:
        assert sess.run(y, {x: 1.0}) == 2.0
        (plan,) = sess._plans.values()
    assert "DEAD" not in plan.code.co_names
