"""ssim / ssim_multiscale: identity, symmetry, a direct float64 SSIM, and gradients."""

import numpy as np

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error


def run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


def direct_ssim(x, y, max_val=1.0, size=11, sigma=1.5, k1=0.01, k2=0.03):
    """SSIM of one-channel float64 images from its definition (Gaussian-weighted moments)."""
    coords = np.arange(size) - (size - 1) / 2
    g = np.exp(-0.5 * (coords[:, None] ** 2 + coords[None, :] ** 2) / sigma ** 2)
    g /= g.sum()
    h, w = x.shape[0] - size + 1, x.shape[1] - size + 1

    def window_mean(z):
        return np.array([[np.sum(g * z[i:i + size, j:j + size]) for j in range(w)]
                         for i in range(h)])

    mx, my = window_mean(x), window_mean(y)
    vx, vy = window_mean(x * x) - mx ** 2, window_mean(y * y) - my ** 2
    cxy = window_mean(x * y) - mx * my
    c1, c2 = (k1 * max_val) ** 2, (k2 * max_val) ** 2
    return np.mean((2 * mx * my + c1) * (2 * cxy + c2) / ((mx ** 2 + my ** 2 + c1) *
                                                         (vx + vy + c2)))


def test_ssim_matches_definition_and_is_one_for_identical_images():
    rng = np.random.RandomState(0)
    x = rng.uniform(0, 1, (14, 15, 1))
    y = np.clip(x + rng.normal(0, 0.1, x.shape), 0, 1)
    same, got, swapped = run([tf.image.ssim(x.astype(np.float32), x.astype(np.float32), 1.0),
                              tf.image.ssim(x.astype(np.float32), y.astype(np.float32), 1.0),
                              tf.image.ssim(y.astype(np.float32), x.astype(np.float32), 1.0)])
    assert same == np.float32(1.0) or abs(same - 1) < 1e-6
    assert abs(got - direct_ssim(x[..., 0], y[..., 0])) < 1e-4
    assert abs(got - swapped) < 1e-6


def test_ssim_gradient_numerically():
    rng = np.random.RandomState(1)
    x = tf.constant(rng.uniform(0.2, 0.8, (1, 12, 12, 1)), tf.float32)
    y = tf.constant(rng.uniform(0.2, 0.8, (1, 12, 12, 1)), tf.float32)
    with tf.Session():
        value = tf.image.ssim(x, y, 1.0)
        assert compute_gradient_error(x, [1, 12, 12, 1], value, [1], delta=1e-2) < 2e-3


def test_ssim_multiscale_of_identical_images_is_one():
    x = np.random.RandomState(2).uniform(0, 1, (1, 180, 176, 1)).astype(np.float32)
    got = run(tf.image.ssim_multiscale(x, x, 1.0))
    np.testing.assert_allclose(got, [1.0], rtol=1e-5)
