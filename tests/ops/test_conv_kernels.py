"""The fast conv/pool kernels (im2col in both layouts, per-tap pooling, tiled MaxPoolGrad and
AvgPoolGrad) against the loop references, on random geometries and on the edge values TF's
kernels define: ties, -inf and NaN windows, -0.0 gradients, empty outputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.ops import conv_reference as ref
from tfcompat.ops import conv_ops


def _run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


@settings(max_examples=25, deadline=None)
@given(channels=st.integers(1, 6), out_channels=st.integers(1, 3), size=st.integers(3, 7),
       window=st.integers(1, 3), stride=st.integers(1, 2),
       padding=st.sampled_from(["SAME", "VALID"]), seed=st.integers(0, 2**16))
def test_conv2d_and_gradients_in_both_im2col_layouts(channels, out_channels, size, window,
                                                     stride, padding, seed):
    rng = np.random.RandomState(seed)
    x = rng.normal(size=(2, size, size + 1, channels))
    w = rng.normal(size=(window, window, channels, out_channels))
    with tf.Graph().as_default():
        xt, wt = tf.constant(x), tf.constant(w)
        y = conv_ops.conv2d(xt, wt, stride, padding)
        dy = rng.normal(size=y.shape.as_list())
        gx, gw = tf.gradients(y, [xt, wt], grad_ys=tf.constant(dy))
        y_v, gx_v, gw_v = _run([y, gx, gw])
    strides = (stride, stride)
    np.testing.assert_allclose(y_v, ref.conv2d(x, w, strides, padding), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(gx_v, ref.conv2d_backprop_input(x.shape, w, dy, strides, padding),
                               rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(gw_v, ref.conv2d_backprop_filter(x, w.shape, dy, strides,
                                                                padding), rtol=1e-10, atol=1e-10)


@settings(max_examples=25, deadline=None)
@given(window=st.integers(1, 3), tiles=st.integers(1, 3), channels=st.integers(1, 3),
       levels=st.integers(2, 4), seed=st.integers(0, 2**16))
def test_tiled_pooling_matches_references_with_ties(window, tiles, channels, levels, seed):
    # Few distinct values, so windows often hold ties: the first maximum takes the gradient.
    rng = np.random.RandomState(seed)
    size = window * tiles
    x = rng.randint(0, levels, size=(2, size, size, channels)).astype(np.float64)
    with tf.Graph().as_default():
        xt = tf.constant(x)
        m = conv_ops.max_pool(xt, window, window, "SAME")
        a = conv_ops.avg_pool(xt, window, window, "VALID")
        dy = rng.normal(size=m.shape.as_list())
        gm = tf.gradients(m, xt, grad_ys=tf.constant(dy))[0]
        ga = tf.gradients(a, xt, grad_ys=tf.constant(dy))[0]
        m_v, gm_v, ga_v = _run([m, gm, ga])
    k = (window, window)
    np.testing.assert_array_equal(m_v, ref.max_pool(x, k, k, "SAME"))
    np.testing.assert_array_equal(gm_v, ref.max_pool_grad(x, dy, k, k, "SAME"))
    np.testing.assert_allclose(ga_v, ref.avg_pool_grad(x.shape, dy, k, k, "VALID"), rtol=1e-12)


def _max_pool_grad(x, dy, window=2, stride=2, padding="VALID"):
    with tf.Graph().as_default():
        xt = tf.constant(x)
        m = conv_ops.max_pool(xt, window, stride, padding)
        return _run(tf.gradients(m, xt, grad_ys=tf.constant(dy))[0])


@pytest.mark.parametrize("stride", [2, 1])  # tiled windows, and the general scan
def test_max_pool_grad_of_minus_inf_and_nan_windows(stride):
    # TF's scan starts at the window's first value and moves only to a strictly greater one:
    # an all -inf window routes to its first tap, and so does a window whose first value is NaN.
    x = np.array([[-np.inf, -np.inf, np.nan, 1.0],
                  [-np.inf, -np.inf, 5.0, 2.0]], np.float32).reshape(1, 2, 4, 1)
    out = 3 if stride == 1 else 2
    dy = np.arange(1.0, out + 1, dtype=np.float32).reshape(1, 1, out, 1)
    got = _max_pool_grad(x, dy, stride=stride)[0, :, :, 0]
    expected = np.zeros((2, 4), np.float32)
    if stride == 2:
        expected[0, 0], expected[0, 2] = 1.0, 2.0
    else:
        expected[0, 0], expected[1, 2], expected[0, 2] = 1.0, 2.0, 3.0
    np.testing.assert_array_equal(got, expected)


def test_max_pool_grad_turns_negative_zero_into_zero_like_tf():
    x = np.arange(16.0, dtype=np.float32).reshape(1, 4, 4, 1)
    dy = np.full((1, 2, 2, 1), -0.0, np.float32)
    got = _max_pool_grad(x, dy)
    assert not np.signbit(got).any()


def test_empty_outputs_and_inputs():
    with tf.Graph().as_default():
        u = tf.placeholder(tf.float32)
        conv = conv_ops.conv2d(u, tf.ones([3, 3, 1, 2]), 2, "VALID")
        pool = conv_ops.max_pool(u, 2, 2, "SAME")
        with tf.Session() as sess:
            assert sess.run(conv, {u: np.zeros([1, 2, 2, 1], np.float32)}).shape == (1, 0, 0, 2)
            assert sess.run(pool, {u: np.zeros([0, 4, 4, 1], np.float32)}).shape == (0, 2, 2, 1)
