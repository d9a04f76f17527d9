"""AdjustContrastv2, the YIQ/YUV conversions and the random flips against their definitions.

Bit-level agreement with TF (and its seeded streams) is in conformance/cases/image.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error


def run(fetches, feeds=None):
    with tf.Session() as sess:
        return sess.run(fetches, feeds)


@settings(max_examples=20, deadline=None)
@given(shape=st.lists(st.integers(0, 4), min_size=3, max_size=4).map(tuple),
       factor=st.floats(0, 3), seed=st.integers(0, 99))
def test_adjust_contrast_matches_definition(shape, factor, seed):
    x = np.random.RandomState(seed).uniform(0, 1, shape).astype(np.float32)
    with tf.Graph().as_default():
        y = tf.image.adjust_contrast(x, factor)
        assert y.shape.as_list() == list(shape)
        got = run(y)
    mean = x.astype(np.float64).mean(axis=(-3, -2), keepdims=True) if x.size else 0
    np.testing.assert_allclose(got, (x - mean) * np.float32(factor) + mean, rtol=1e-5, atol=1e-6)


def test_adjust_contrast_errors_and_no_gradient():
    with pytest.raises(ValueError, match="Shape must be at least rank 3"):
        tf.image.adjust_contrast(tf.zeros([2, 2]), 1.0)
    x = tf.zeros([2, 2, 1])
    with pytest.raises(LookupError, match="No gradient defined for operation"):
        tf.gradients(tf.image.adjust_contrast(x, 2.0), x)


@pytest.mark.parametrize("forward,backward", [(tf.image.rgb_to_yiq, tf.image.yiq_to_rgb),
                                              (tf.image.rgb_to_yuv, tf.image.yuv_to_rgb)])
def test_color_space_round_trip_and_gradient(forward, backward):
    x = np.random.RandomState(0).uniform(0, 1, (2, 3, 4, 3))
    xt = tf.constant(x)
    there = forward(xt)
    back = backward(there)
    assert there.shape.as_list() == [2, 3, 4, 3] and there.dtype == tf.float64
    np.testing.assert_allclose(run(back), x, atol=1e-4)  # TF's 8-digit matrices
    np.testing.assert_allclose(run(there)[..., 0], x @ [0.299, 0.587, 0.114], rtol=1e-12)
    with tf.Session():
        assert compute_gradient_error(xt, [2, 3, 4, 3], there, [2, 3, 4, 3]) < 1e-8


@pytest.mark.parametrize("flip,axis", [(tf.image.random_flip_left_right, 2),
                                       (tf.image.random_flip_up_down, 1)])
def test_random_flips_flip_whole_images(flip, axis):
    x = np.arange(8 * 2 * 3, dtype=np.float32).reshape(8, 2, 3, 1)
    with tf.Graph().as_default():
        tf.set_random_seed(7)
        got = run(flip(x, seed=3))
    flipped = [np.array_equal(g, np.flip(i, axis - 1)) for g, i in zip(got, x)]
    kept = [np.array_equal(g, i) for g, i in zip(got, x)]
    assert all(f or k for f, k in zip(flipped, kept)) and any(flipped) and any(kept)
