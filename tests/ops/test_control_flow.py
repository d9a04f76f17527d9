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
    point = np.array([0.3, -1.2, 2.0])
    with tf.Session():
        for pv in (True, False):
            error = tf.test.compute_gradient_error(x, [3], r, [], x_init_value=point,
                                                   delta=1e-6, extra_feed_dict={p: pv})
            assert error < 1e-6


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


# ---- tf.while_loop ---------------------------------------------------------------------------

def test_while_loop_builds_tf_frame(fresh_graph):
    i = tf.constant(0, name="i")
    x = tf.placeholder(tf.float32, [], name="x")
    w = tf.constant(2.0, name="w")
    r = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * w), [i, x])
    assert [t.name for t in r] == ["while/Exit:0", "while/Exit_1:0"]
    assert _structure(fresh_graph, "while") == [
        ("while/Enter", "Enter", ["i:0"], []),
        ("while/Enter_1", "Enter", ["x:0"], []),
        ("while/Merge", "Merge", ["while/Enter:0", "while/NextIteration:0"], []),
        ("while/Merge_1", "Merge", ["while/Enter_1:0", "while/NextIteration_1:0"], []),
        ("while/Less/y", "Const", [], ["while/Merge"]),
        ("while/Less", "Less", ["while/Merge:0", "while/Less/y:0"], []),
        ("while/LoopCond", "LoopCond", ["while/Less:0"], []),
        ("while/Switch", "Switch", ["while/Merge:0", "while/LoopCond:0"], []),
        ("while/Switch_1", "Switch", ["while/Merge_1:0", "while/LoopCond:0"], []),
        ("while/Identity", "Identity", ["while/Switch:1"], []),
        ("while/Identity_1", "Identity", ["while/Switch_1:1"], []),
        ("while/add/y", "Const", [], ["while/Identity"]),
        ("while/add", "AddV2", ["while/Identity:0", "while/add/y:0"], []),
        ("while/mul", "Mul", ["while/Identity_1:0", "while/mul/Enter:0"], []),
        ("while/mul/Enter", "Enter", ["w:0"], []),
        ("while/NextIteration", "NextIteration", ["while/add:0"], []),
        ("while/NextIteration_1", "NextIteration", ["while/mul:0"], []),
        ("while/Exit", "Exit", ["while/Switch:0"], []),
        ("while/Exit_1", "Exit", ["while/Switch_1:0"], []),
    ]
    enter = fresh_graph.get_operation_by_name("while/mul/Enter")
    assert enter.get_attr("frame_name") == b"while/while_context"
    assert enter.get_attr("is_constant") is True
    assert len(tf.get_collection("while_context")) == 1
    with tf.Session() as sess:
        assert sess.run(r, {x: 1.5}) == (3, 12.0)


def test_while_loop_maximum_iterations_and_single_var(fresh_graph):
    x = tf.placeholder(tf.float32, [], name="x")
    r = tf.while_loop(lambda a: a < 100.0, lambda a: a * 2.0, [x], maximum_iterations=3)
    assert r.name == "while/Exit_1:0"
    assert fresh_graph.get_operation_by_name("while/LogicalAnd").type == "LogicalAnd"
    same = tf.while_loop(lambda a: a < 3, lambda a: a + 1, [0], return_same_structure=True)
    assert [t.name for t in same] == ["while_1/Exit:0"]
    with tf.Session() as sess:
        assert sess.run(r, {x: 1.0}) == 8.0
        assert sess.run(r, {x: 30.0}) == 120.0
        assert sess.run(same) == [3]


def test_while_loop_nested_and_with_cond(fresh_graph):
    x = tf.placeholder(tf.float32, [], name="x")
    n = tf.constant(3, name="n")

    def outer(i, acc):
        _, inner = tf.while_loop(lambda j, a: j < i, lambda j, a: (j + 1, a + x),
                                 [tf.constant(0), acc])
        return i + 1, inner
    nested = tf.while_loop(lambda i, a: i < n, outer, [tf.constant(0), tf.constant(0.0)])
    inputs = {op.name: [t.name for t in op.inputs] for op in fresh_graph.get_operations()}
    assert inputs["while/while/add_1/Enter_1"] == ["while/while/add_1/Enter:0"]
    assert inputs["while/while/add_1/Enter"] == ["x:0"]
    with_cond = tf.while_loop(lambda a: a < 10.0,
                              lambda a: tf.cond(a > 3.0, lambda: a * 2.0, lambda: a + 1.0), [x])
    p = tf.placeholder(tf.bool, [], name="p")
    in_cond = tf.cond(p, lambda: tf.while_loop(lambda a: a < 10.0, lambda a: a + x, [x]),
                      lambda: x)
    with tf.Session() as sess:
        assert sess.run(nested, {x: 1.5}) == (3, 4.5)
        assert sess.run(with_cond, {x: 1.0}) == 16.0
        assert sess.run(in_cond, {x: 1.0, p: True}) == 10.0
        assert sess.run(in_cond, {x: 1.0, p: False}) == 1.0


def test_while_loop_updates_variables_each_iteration(fresh_graph):
    v = tf.Variable(1.0, name="v")

    def body(i):
        with tf.control_dependencies([tf.assign_add(v, v.read_value())]):
            return i + 1
    r = tf.while_loop(lambda i: i < 3, body, [tf.constant(0, name="i0")])
    assert _structure(fresh_graph, "while/read") == [
        ("while/read", "Identity", ["while/read/RefEnter:0"], ["while/Identity"]),
        ("while/read/RefEnter", "RefEnter", ["v:0"], [])]
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(r) == 3
        assert sess.run(v) == 8.0


def test_while_loop_shape_invariants(fresh_graph):
    x = tf.constant([1.0], name="x")
    with pytest.raises(ValueError) as info:
        tf.while_loop(lambda a: True, lambda a: tf.concat([a, a], 0), [x])
    assert str(info.value) == (
        "Input tensor 'x:0' enters the loop with shape (1,), but has shape (2,) after one "
        "iteration. To allow the shape to vary across iterations, use the `shape_invariants` "
        "argument of tf.while_loop to specify a less-specific shape.")
    r = tf.while_loop(lambda a: tf.size(a) < 8, lambda a: tf.concat([a, a], 0), [x],
                      shape_invariants=[tf.TensorShape([None])])
    assert str(r) == 'Tensor("while_1/Exit:0", shape=(?,), dtype=float32)'
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(r), np.ones(8, np.float32))


@pytest.mark.parametrize("call, error, message", [
    (lambda x: tf.while_loop(1, lambda a: a, [x]), TypeError, "'cond' must be callable."),
    (lambda x: tf.while_loop(lambda a: True, 2, [x]), TypeError, "'body' must be callable."),
    (lambda x: tf.while_loop(lambda a: True, lambda a: a, []), ValueError,
     "'loop_vars' must be provided."),
    (lambda x: tf.while_loop(lambda a: True, lambda a: a, [x], parallel_iterations=0),
     TypeError, "'parallel_iterations' must be a positive integer."),
    (lambda x: tf.while_loop(lambda a: True, lambda a: [a], [x],
                             shape_invariants=[tf.TensorShape([2])]), ValueError,
     "The shape invariant specified for x:0 is not compatible with the initial shape of the "
     "loop variable. It enters the loop with shape (1,), but the specified shape invariant is "
     "(2,)."),
])
def test_while_loop_errors(call, error, message):
    x = tf.constant([1.0], name="x")
    with pytest.raises(error) as info:
        call(x)
    assert str(info.value) == message


def test_kernel_errors_inside_a_loop_name_the_op(fresh_graph):
    x = tf.placeholder(tf.float32, [None], name="x")
    r = tf.while_loop(lambda a: tf.size(a) < 4,
                      lambda a: tf.reshape(a, [3]), [x],
                      shape_invariants=[tf.TensorShape([None])])
    with tf.Session() as sess, pytest.raises(errors.InvalidArgumentError) as info:
        sess.run(r, {x: [1.0, 2.0]})
    assert "while/Reshape" in str(info.value)


# ---- gradients through tf.while_loop ---------------------------------------------------------

def _loop_graphs():
    x = tf.placeholder(tf.float32, [], name="x")
    w = tf.constant(2.0, name="w")
    v = tf.Variable(1.5, name="v")
    plain = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * w + tf.sin(a)),
                          [0, x])[1]
    with_cond = tf.while_loop(
        lambda i, a: i < 4,
        lambda i, a: (i + 1, tf.cond(a > 2.0, lambda: a * a, lambda: a * w)), [0, x])[1]
    single = tf.while_loop(lambda a: a < 50.0, lambda a: a * 1.5 * w, [x])
    variable = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * v), [0, x])[1]
    return x, w, v, [(plain, [x, w]), (with_cond, [x, w]), (single, [x, w]),
                     (variable * variable, [x, v])]


def test_while_loop_gradients_match_tf(fresh_graph):
    x, _, v, cases = _loop_graphs()
    fetches = []
    for y, xs in cases:
        fetches.append([y] + tf.gradients(y, xs))
    # Recorded on TensorFlow 2.21 (its names differ: TF builds the backward loop per op).
    expected = {
        0.5: [[7.182947, 7.899715, 7.2694125], [16.0, 64.0, 48.0], [121.5, 243.0, 303.75],
              [1.6875 ** 2, 11.390625, 11.390625]],
        3.0: [[23.868328, 8.789996, 56.124573], [4.304672e+07, 2.2958251e+08, 0.0],
              [81.0, 27.0, 121.5], [10.125 ** 2, 68.34375, 410.0625]],
    }
    with tf.Session() as sess:
        sess.run(v.initializer)
        for value, rows in expected.items():
            got = sess.run(fetches, {x: value})
            for got_row, want_row in zip(got, rows):
                np.testing.assert_allclose(got_row, want_row, rtol=1e-5)


def test_while_loop_gradients_match_numerical_differences(fresh_graph):
    x = tf.placeholder(tf.float64, [3], name="x")
    m = tf.constant([[0.5, -0.2, 0.1], [0.3, 0.8, -0.4], [0.0, 0.25, 0.6]], tf.float64)
    r = tf.while_loop(lambda i, a: i < 4,
                      lambda i, a: (i + 1, tf.tanh(tf.reshape(tf.matmul(tf.reshape(a, [1, 3]),
                                                                        m), [3]))),
                      [0, x])[1]
    y = tf.reduce_sum(r * r)
    point = np.array([0.3, -1.2, 0.7])
    with tf.Session() as sess:
        mv = sess.run(m)
        error = tf.test.compute_gradient_error(
            [x, m], [[3], [3, 3]], y, [], x_init_value=[point, mv], delta=1e-6,
            extra_feed_dict={x: point})
        assert error < 1e-6


def test_nested_loop_gradients(fresh_graph):
    x = tf.placeholder(tf.float32, [], name="x")

    def outer(i, acc):
        _, inner = tf.while_loop(lambda j, a: j < 2, lambda j, a: (j + 1, a * x),
                                 [tf.constant(0), acc])
        return i + 1, inner
    r = tf.while_loop(lambda i, a: i < 2, outer, [tf.constant(0), x])
    (grad,) = tf.gradients(r[1], x)  # r[1] = x ** 5
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run([r[1], grad], {x: 1.5}), [1.5 ** 5, 5 * 1.5 ** 4],
                                   rtol=1e-6)
