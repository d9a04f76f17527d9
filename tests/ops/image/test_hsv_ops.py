"""RGBToHSV / HSVToRGB / AdjustHue / AdjustSaturation against colorsys (the HSV definition)."""

import colorsys

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error


def run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


def _colorsys(fn, pixels):
    return np.array([fn(*p) for p in pixels.reshape(-1, 3)]).reshape(pixels.shape)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_rgb_hsv_match_colorsys_and_round_trip(dtype):
    x = np.random.RandomState(0).uniform(0, 1, (4, 5, 3)).astype(dtype)
    hsv = tf.image.rgb_to_hsv(x)
    got_hsv, got_rgb = run([hsv, tf.image.hsv_to_rgb(hsv)])
    assert got_hsv.dtype == dtype
    np.testing.assert_allclose(got_hsv, _colorsys(colorsys.rgb_to_hsv, x), atol=1e-6)
    np.testing.assert_allclose(got_rgb, x, atol=1e-6)


def test_size_zero_and_rank_one():
    got = run([tf.image.rgb_to_hsv(np.zeros((0, 3), np.float32)),
               tf.image.hsv_to_rgb(np.array([0.5, 1.0, 1.0], np.float32))])
    assert got[0].shape == (0, 3)
    np.testing.assert_allclose(got[1], [0, 1, 1])


def test_adjust_hue_and_saturation_match_colorsys():
    x = np.random.RandomState(1).uniform(0, 1, (2, 3, 3)).astype(np.float32)
    hue, sat = run([tf.image.adjust_hue(x, 0.25), tf.image.adjust_saturation(x, 0.5)])
    hsv = _colorsys(colorsys.rgb_to_hsv, x)
    shifted = hsv.copy()
    shifted[..., 0] = (shifted[..., 0] + 0.25) % 1
    desaturated = hsv.copy()
    desaturated[..., 1] *= 0.5
    np.testing.assert_allclose(hue, _colorsys(colorsys.hsv_to_rgb, shifted), atol=1e-5)
    np.testing.assert_allclose(sat, _colorsys(colorsys.hsv_to_rgb, desaturated), atol=1e-5)


def test_rgb_to_hsv_gradient_numerically_and_hsv_to_rgb_not_differentiable():
    values = np.random.RandomState(2).uniform(0.1, 0.9, (3, 4, 3))
    x = tf.constant(values)
    with tf.Session():
        # Explicit values away from ties between channels (where the hue formula switches).
        assert compute_gradient_error(x, [3, 4, 3], tf.image.rgb_to_hsv(x), [3, 4, 3],
                                      x_init_value=values, delta=1e-6) < 1e-5
    assert tf.gradients(tf.image.hsv_to_rgb(x), x) == [None]
