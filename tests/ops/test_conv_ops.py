"""Convolution and pooling kernels against loop-by-loop references, plus speed and graph checks.

The op-spec table (tests/ops/op_specs.py) runs the shared property tests on every conv/pool op
type; TF's own values, messages and graphs are recorded in conformance/cases/conv.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

import tfcompat as tf
from tests.ops import conv_reference as ref
from tfcompat.framework.ops import apply_op
from tfcompat.ops import conv_ops


def _run(fetches, feeds=None):
    with tf.Session() as sess:
        return sess.run(fetches, feeds)


CONV_CASES = [
    # x shape, filter shape, strides, padding (string or per-dim pairs), dilations
    ((2, 6, 7, 3), (3, 3, 3, 4), (1, 1), "SAME", (1, 1)),
    ((1, 7, 6, 2), (2, 3, 2, 3), (2, 3), "SAME", (1, 1)),
    ((1, 8, 8, 2), (3, 2, 2, 2), (3, 2), "VALID", (1, 1)),
    ((1, 6, 6, 1), (2, 2, 1, 2), (1, 1), ((1, 2), (0, 3)), (1, 1)),
    ((1, 9, 8, 2), (3, 2, 2, 3), (1, 2), "SAME", (2, 3)),
    ((2, 5, 5, 6), (2, 2, 3, 4), (1, 1), "VALID", (1, 1)),  # two groups
    ((1, 5, 5, 6), (3, 3, 2, 3), (2, 2), "SAME", (1, 1)),  # three groups
]


@pytest.mark.parametrize("x_shape, w_shape, strides, padding, dilations", CONV_CASES)
def test_conv2d_matches_loop_reference(x_shape, w_shape, strides, padding, dilations):
    rng = np.random.RandomState(0)
    x, w = rng.normal(size=x_shape), rng.normal(size=w_shape)
    tf_padding = padding if isinstance(padding, str) else [[0, 0], *padding, [0, 0]]
    y = conv_ops.conv2d(tf.constant(x), tf.constant(w), list(strides), tf_padding,
                        dilations=list(dilations))
    expected = ref.conv2d(x, w, strides, padding, dilations)
    assert y.shape.as_list() == list(expected.shape)
    np.testing.assert_allclose(_run(y), expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("strides, padding", [((1, 1), "SAME"), ((2, 2), "SAME"),
                                              ((2, 1), "VALID"), ((3, 2), "VALID")])
def test_conv2d_gradients_match_loop_references(strides, padding):
    rng = np.random.RandomState(1)
    x, w = rng.normal(size=(2, 7, 6, 3)), rng.normal(size=(3, 2, 3, 4))
    xt, wt = tf.constant(x), tf.constant(w)
    y = conv_ops.conv2d(xt, wt, list(strides), padding)
    dy = rng.normal(size=y.shape.as_list())
    gx, gw = tf.gradients(y, [xt, wt], grad_ys=tf.constant(dy))
    gx_v, gw_v = _run([gx, gw])
    np.testing.assert_allclose(gx_v, ref.conv2d_backprop_input(x.shape, w, dy, strides, padding),
                               rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(gw_v, ref.conv2d_backprop_filter(x, w.shape, dy, strides, padding),
                               rtol=1e-10, atol=1e-10)


def test_grouped_conv2d_gradients_match_finite_differences():
    rng = np.random.RandomState(2)
    x, w = rng.normal(size=(1, 4, 4, 4)), rng.normal(size=(2, 2, 2, 4))
    xt = tf.placeholder(tf.float64, x.shape)
    wt = tf.placeholder(tf.float64, w.shape)
    with tf.Session():
        err = tf.test.compute_gradient_error([xt, wt], [x.shape, w.shape],
                                             conv_ops.conv2d(xt, wt, 1, "SAME"), [1, 4, 4, 4],
                                             x_init_value=[x, w],
                                             extra_feed_dict={xt: x, wt: w})
    assert err < 1e-8


@pytest.mark.parametrize("ksize, strides, padding", [((2, 2), (2, 2), "VALID"),
                                                     ((3, 3), (2, 2), "SAME"),
                                                     ((2, 3), (1, 2), "SAME"),
                                                     ((3, 1), (3, 1), "VALID")])
def test_pooling_and_gradients_match_loop_references(ksize, strides, padding):
    rng = np.random.RandomState(3)
    x = rng.normal(size=(2, 7, 6, 3))
    xt = tf.constant(x)
    m = conv_ops.max_pool(xt, list(ksize), list(strides), padding)
    a = conv_ops.avg_pool(xt, list(ksize), list(strides), padding)
    dy = rng.normal(size=m.shape.as_list())
    gm = tf.gradients(m, xt, grad_ys=tf.constant(dy))[0]
    ga = tf.gradients(a, xt, grad_ys=tf.constant(dy))[0]
    m_v, a_v, gm_v, ga_v = _run([m, a, gm, ga])
    np.testing.assert_allclose(m_v, ref.max_pool(x, ksize, strides, padding))
    np.testing.assert_allclose(a_v, ref.avg_pool(x, ksize, strides, padding), rtol=1e-12)
    np.testing.assert_allclose(gm_v, ref.max_pool_grad(x, dy, ksize, strides, padding))
    np.testing.assert_allclose(ga_v, ref.avg_pool_grad(x.shape, dy, ksize, strides, padding),
                               rtol=1e-12)


def test_max_pool_gradient_goes_to_the_first_maximum_of_each_window():
    x = np.array([[3, 1, 3], [3, 3, 0], [2, 3, 3]], np.float32).reshape(1, 3, 3, 1)
    xt = tf.constant(x)
    g = tf.gradients(conv_ops.max_pool(xt, 2, 1, "VALID"), xt)[0]
    np.testing.assert_array_equal(_run(g)[0, :, :, 0], [[1, 0, 1], [1, 1, 0], [0, 0, 0]])


def test_depthwise_max_pool_and_its_gradients():
    x = np.random.RandomState(4).normal(size=(1, 2, 2, 6))
    xt = tf.constant(x)
    y = conv_ops.max_pool(xt, [1, 1, 1, 3], [1, 1, 1, 3], "VALID")
    dy = np.arange(8.0).reshape(1, 2, 2, 2) + 1
    g = tf.gradients(y, xt, grad_ys=tf.constant(dy))[0]
    gg = tf.gradients(g, xt)  # second order: zero, through MaxPoolGradGrad
    y_v, g_v, gg_v = _run([y, g, gg[0]])
    groups = x.reshape(1, 2, 2, 2, 3)
    np.testing.assert_array_equal(y_v, groups.max(-1))
    expected = (groups == groups.max(-1, keepdims=True)) * dy[..., None]
    np.testing.assert_array_equal(g_v, expected.reshape(x.shape))
    np.testing.assert_array_equal(gg_v, np.zeros_like(x))


def test_explicit_padding_has_no_max_pool_second_derivative():
    x = tf.placeholder(tf.float32, [1, 4, 4, 1])
    g = tf.gradients(conv_ops.max_pool(x, 2, 1, [[0, 0], [1, 0], [0, 1], [0, 0]]), x)[0]
    with pytest.raises(ValueError, match="Attr 'padding' of 'MaxPoolGradGrad' Op passed string "
                                         "'EXPLICIT' not in: \"SAME\", \"VALID\"."):
        tf.gradients(g, x, grad_ys=tf.ones_like(g))


def test_half_precision_inputs_accumulate_in_float32():
    x = np.random.RandomState(5).uniform(size=(1, 8, 8, 16)).astype(np.float16)
    w = np.full((3, 3, 16, 1), 0.125, np.float16)
    y = _run(conv_ops.conv2d(tf.constant(x), tf.constant(w), 1, "VALID"))
    assert y.dtype == np.float16
    expected = ref.conv2d(x.astype(np.float64), w.astype(np.float64))
    np.testing.assert_allclose(y, expected, rtol=1e-3)


def test_unknown_batch_runs_with_any_batch_size():
    x = tf.placeholder(tf.float32, [None, 5, 5, 2])
    y = conv_ops.max_pool(conv_ops.conv2d(x, tf.ones([3, 3, 2, 4]), 2, "SAME"), 2, 1, "SAME")
    assert y.shape.as_list() == [None, 3, 3, 4]
    for batch in (0, 1, 3):
        assert _run(y, {x: np.ones([batch, 5, 5, 2])}).shape == (batch, 3, 3, 4)


def test_backprop_input_with_two_input_sizes_takes_batch_and_depth_from_its_inputs():
    dy = tf.ones([2, 3, 3, 4])
    dx = apply_op("Conv2DBackpropInput", [[5, 5], tf.ones([3, 3, 3, 4]), dy],
                  attrs={"strides": [1, 1, 1, 1], "padding": "VALID"})
    assert dx.shape.as_list() == [2, 5, 5, 3]
    assert _run(dx)[0, 2, 2, 0] == 36.0


def test_mnist_sized_conv_layer_is_fast():
    """[8,28,28,32] x [5,5,32,64]: forward well under a second, forward+backward too."""
    rng = np.random.RandomState(6)
    x = tf.placeholder(tf.float32, [None, 28, 28, 32])
    w = tf.constant(rng.normal(size=(5, 5, 32, 64)).astype(np.float32))
    y = conv_ops.max_pool(conv_ops.conv2d(x, w, 1, "SAME"), 2, 2, "SAME")
    grads = tf.gradients(tf.reduce_sum(y * y), [x, w])
    feed = {x: rng.normal(size=(8, 28, 28, 32)).astype(np.float32)}
    with tf.Session() as sess:
        sess.run(grads, feed)
        start = time.perf_counter()
        sess.run(y, feed)
        forward = time.perf_counter() - start
        start = time.perf_counter()
        sess.run(grads, feed)
        backward = time.perf_counter() - start
    assert forward < 0.5, forward
    assert backward < 1.0, backward
