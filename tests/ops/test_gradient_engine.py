"""The gradient engine's parts: the graph view, missing-gradient zeros, aggregation methods."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.ops import gradient_loops
from tfcompat.ops.gradient_zeros import MissingGradientZeros, is_zeros_tensor

_captured = []


@tf.RegisterGradient("CaptureSplitGrads")
def _capture_split_grads(op, *grads):
    _captured[:] = grads
    return [None, tf.concat(list(grads), axis=0)]


def test_outputs_without_gradient_get_marked_zeros():
    x = tf.constant([1.0, 2.0, 3.0, 4.0])
    with tf.get_default_graph().gradient_override_map({"Split": "CaptureSplitGrads"}):
        first, _ = tf.split(x, 2)
    (g,) = tf.gradients(first * 3.0, x)
    used, missing = _captured
    assert not is_zeros_tensor(used) and is_zeros_tensor(missing)
    assert isinstance(missing, MissingGradientZeros) and isinstance(missing, tf.Tensor)
    assert missing.op.type == "ZerosLike" and repr(missing).startswith("<tf.Tensor 'gradients/")
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(g), [3.0, 3.0, 0.0, 0.0])
        np.testing.assert_array_equal(sess.run(missing), [0.0, 0.0])


def test_views_plain_without_loops_and_per_level_with_them():
    x = tf.placeholder(tf.float32, [])
    y = x * x
    assert isinstance(gradient_loops.view_for([y], y.graph), gradient_loops.PlainGraphView)
    r = tf.while_loop(lambda i, a: i < 3, lambda i, a: (i + 1, a * x), [0, x])[1]
    view = gradient_loops.view_for([r], r.graph)
    assert isinstance(view, gradient_loops.LoopLevelView) and view.level is None
    node = view.node(r.op)
    assert isinstance(node, gradient_loops.FrameNode) and node.name == "while"
    (g,) = tf.gradients(r, x)
    with tf.Session() as sess:
        assert sess.run(g, {x: 2.0}) == pytest.approx(4 * 2.0 ** 3)


@pytest.mark.parametrize("method", [tf.AggregationMethod.ADD_N,
                                    tf.AggregationMethod.EXPERIMENTAL_TREE,
                                    tf.AggregationMethod.EXPERIMENTAL_ACCUMULATE_N])
def test_aggregation_methods_sum_the_same(method):
    x = tf.constant(2.0)
    y = x * 3.0 + x * x + tf.sin(x)
    (g,) = tf.gradients(y, x, aggregation_method=method)
    with tf.Session() as sess:
        assert sess.run(g) == pytest.approx(3.0 + 4.0 + np.cos(2.0))


def test_invalid_aggregation_method_is_refused():
    x = tf.constant(2.0)
    with pytest.raises(ValueError, match="^Invalid `aggregation_method` specified 7"):
        tf.gradients(x * x + x, x, aggregation_method=7)
