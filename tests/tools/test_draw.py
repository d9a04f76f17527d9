"""tfcompat.draw: which ops a picture holds, how gradient paths are marked, scopes, collapsing,
DOT output and the notebook reprs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.tools.svg_checks import edges, nodes, parse, scopes


def seed_example_4():
    w1 = tf.Variable(2.0)
    w2 = tf.Variable(2.0)
    a = tf.multiply(w1, 3.0)
    b = tf.multiply(tf.stop_gradient(a), w2)
    return w1, w2, a, b


def test_stop_gradient_is_marked_blocked_with_the_reason_as_tooltip():
    w1, w2, _, b = seed_example_4()
    svg = tf.draw(b, xs=[w1, w2]).svg
    drawn = nodes(svg)
    assert "blocked" in drawn["StopGradient"]["classes"]
    assert "tf.stop_gradient treats its input as a constant" in drawn["StopGradient"]["tooltip"]
    assert {"variable", "x", "none"} <= drawn["Variable"]["classes"]
    assert "every path to the ys is blocked" in drawn["Variable"]["tooltip"]
    assert "none" not in drawn["Variable_1"]["classes"]
    assert "y" in drawn["Mul_1"]["classes"]
    marked = edges(svg)
    assert "blocked" in marked[("Mul", "StopGradient")]
    assert "open" in marked[("Variable_1/read", "Mul_1")]


def test_forward_only_picture_holds_the_ancestors_of_ys_and_nothing_else():
    w1, w2, a, b = seed_example_4()
    unrelated = tf.constant(5.0, name="unrelated")
    drawn = nodes(tf.draw(a).svg)
    assert "unrelated" not in drawn and "Mul_1" not in drawn and "StopGradient" not in drawn
    assert {"Variable", "Mul"} <= set(drawn)
    assert unrelated.op.name in nodes(tf.draw().svg)  # no ys: the whole default graph


def test_grads_add_the_gradient_graph_with_gradient_kind():
    w1, w2, _, b = seed_example_4()
    grads = tf.gradients(b, [w1, w2])
    drawn = nodes(tf.draw(b, xs=[w1, w2], grads=grads).svg)
    assert grads[0] is None
    grad_op = grads[1].op.name
    assert {"gradient", "grad"} <= drawn[grad_op]["classes"]
    assert "gradient for Variable_1" in drawn[grad_op]["tooltip"]
    assert "gradients/" in scopes(tf.draw(b, xs=[w1, w2], grads=grads).svg)


def test_grads_true_builds_them():
    w1, w2, _, b = seed_example_4()
    before = len(tf.get_default_graph().get_operations())
    picture = tf.draw(b, xs=[w1, w2], grads=True)
    assert len(tf.get_default_graph().get_operations()) > before
    assert any("gradient" in n["classes"] for n in nodes(picture.svg).values())


def test_integer_cast_and_not_differentiable_ops_block():
    x = tf.placeholder(tf.float32, [3], name="x")
    as_int = tf.cast(x, tf.int32, name="to_int")
    back = tf.cast(as_int, tf.float32, name="back")
    y = back * x + tf.cast(tf.argmax(x), tf.float32, name="arg")
    drawn = nodes(tf.draw(y, xs=[x]).svg)
    assert "integer and bool tensors are constants" in drawn["to_int"]["tooltip"]
    assert "blocked" in drawn["to_int"]["classes"]
    assert "placeholder" in drawn["x"]["classes"]
    assert "none" not in drawn["x"]["classes"]  # back * x: the x factor is open


def test_an_unconnected_x_is_outlined_and_shown():
    a = tf.ones([1, 2], name="a")
    b = tf.ones([3, 1], name="b")
    drawn = nodes(tf.draw(b, xs=[a]).svg)
    assert {"x", "unconnected"} <= drawn["a"]["classes"]
    assert "no path from here to any y" in drawn["a"]["tooltip"]


def test_tooltips_give_dtype_and_static_shape():
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    y = tf.reduce_sum(x, axis=1, name="total")
    drawn = nodes(tf.draw(y).svg)
    assert "x:0: float32 ('?', 3)" in drawn["x"]["tooltip"]
    assert "total:0: float32 ('?',)" in drawn["total"]["tooltip"]


def test_name_scopes_are_boxes_and_an_op_named_like_its_scope_heads_it():
    with tf.name_scope("layer"):
        w = tf.Variable(np.ones((2, 2), np.float32), name="w")
        y = tf.matmul(w, w, name="mm")
    svg = tf.draw(y).svg
    assert {"layer/", "layer/w/"} <= scopes(svg)
    assert {"layer/w", "layer/w/read", "layer/mm"} <= set(nodes(svg))


def test_large_graphs_collapse_scopes():
    x = tf.constant(1.0)
    for i in range(12):
        with tf.name_scope(f"block{i}"):
            x = tf.sin(x) * 2.0 + 1.0
    drawn = nodes(tf.draw(x, max_nodes=20).svg)
    assert len(drawn) <= 20
    collapsed = [name for name, n in drawn.items() if "scope" in n["classes"]]
    assert collapsed and all(name.endswith("/") for name in collapsed)
    assert len(nodes(tf.draw(x, max_nodes=1000).svg)) > 40


def test_collapse_and_expand_by_name():
    with tf.name_scope("inner"):
        y = tf.sin(tf.constant(1.0)) + 1.0
    assert "inner/" in nodes(tf.draw(y, collapse=["inner"]).svg)
    w = tf.get_variable("w", [2])
    assert "w/Initializer/" in nodes(tf.draw(w.initializer).svg)
    expanded = nodes(tf.draw(w.initializer, expand=["w/Initializer"]).svg)
    assert "w/Initializer/random_uniform" in expanded


def test_blocked_op_inside_a_collapsed_scope_marks_the_scope():
    x = tf.Variable(1.0, name="x")
    with tf.name_scope("stop"):
        y = tf.stop_gradient(x * 2.0) + 1.0
    drawn = nodes(tf.draw(y, xs=[x], collapse=["stop"]).svg)
    assert "blocked" in drawn["stop/"]["classes"]
    assert "stop/StopGradient" in drawn["stop/"]["tooltip"]


def test_reprs_for_notebooks():
    x = tf.constant([1.0, 2.0], name="x")
    y = tf.square(x, name="y")
    for obj in (tf.get_default_graph(), y, y.op):
        parse(obj._repr_svg_())
        assert obj._repr_html_().startswith("<div")
    assert "y" in nodes(y._repr_svg_())
    assert repr(y) == "<tf.Tensor 'y:0' shape=(2,) dtype=float32>"  # text repr unchanged


def test_dot_output_and_save(tmp_path):
    w1, w2, _, b = seed_example_4()
    picture = tf.draw(b, xs=[w1, w2])
    dot = picture.dot
    assert dot.startswith("digraph tfcompat {") and dot.rstrip().endswith("}")
    assert '"StopGradient" [' in dot and "#d62728" in dot
    assert "subgraph \"cluster_Variable\"" in dot
    picture.save(str(tmp_path / "g.dot"))
    picture.save(str(tmp_path / "g.svg"))
    assert (tmp_path / "g.dot").read_text() == dot
    parse((tmp_path / "g.svg").read_text())


def test_engine_dot_without_graphviz_says_so(monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="`dot` is not on PATH"):
        _ = tf.draw(tf.constant(1.0), engine="dot").svg
    with pytest.raises(ValueError, match="engine must be"):
        tf.draw(tf.constant(1.0), engine="neato")


def test_argument_errors():
    x = tf.constant(1.0)
    with pytest.raises(ValueError, match="needs xs"):
        tf.draw(x, grads=True)
    with pytest.raises(ValueError, match="grads has 2 entries but xs has 1"):
        tf.draw(x, xs=[x], grads=[None, None])
    with pytest.raises(TypeError, match="cannot draw"):
        tf.draw(3.0)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=30),
       st.integers(3, 40))
def test_random_dags_give_well_formed_pictures_with_no_overlapping_nodes(pairs, max_nodes):
    graph = tf.Graph()
    with graph.as_default():
        tensors = [tf.constant(1.0, name="c")]
        for i, (a, b) in enumerate(pairs):
            with tf.name_scope(f"s{i % 3}"):
                tensors.append(tf.add(tensors[a % len(tensors)], tensors[b % len(tensors)]))
        picture = tf.draw(graph=graph, max_nodes=max_nodes)
    from tfcompat.tools.draw.layout import layout

    placed = layout(picture.model)
    boxes = list(placed.nodes.values())
    for i, p in enumerate(boxes):
        for q in boxes[i + 1:]:
            assert (p.x + p.width <= q.x or q.x + q.width <= p.x or
                    p.y + p.height <= q.y or q.y + q.height <= p.y)
    parse(picture.svg)
