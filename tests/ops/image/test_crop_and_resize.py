"""CropAndResize and its gradients: identity crops, adjointness, numerical box gradients."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error


def run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


def test_whole_image_box_at_image_size_is_identity_and_zero_boxes_work():
    image = np.random.RandomState(0).uniform(-1, 1, (2, 4, 5, 3)).astype(np.float32)
    whole = tf.image.crop_and_resize(image, [[0.0, 0.0, 1.0, 1.0]], [1], [4, 5])
    none = tf.image.crop_and_resize(image, np.zeros((0, 4), np.float32),
                                    np.zeros(0, np.int32), [2, 2])
    got_whole, got_none = run([whole, none])
    np.testing.assert_allclose(got_whole[0], image[1], rtol=1e-6, atol=1e-6)
    assert got_none.shape == (0, 2, 2, 3) and none.shape.as_list() == [0, 2, 2, 3]


@pytest.mark.parametrize("method", ["bilinear", "nearest"])
def test_image_gradient_is_the_exact_adjoint(method):
    rng = np.random.RandomState(1)
    image = rng.uniform(-1, 1, (2, 5, 6, 2)).astype(np.float32)
    boxes = np.array([[0.1, 0.2, 0.8, 0.9], [0.9, 0.7, -0.2, 0.1], [0.3, 0.3, 0.3, 0.3]],
                     np.float32)
    g = rng.uniform(-1, 1, (3, 3, 4, 2)).astype(np.float32)
    it = tf.constant(image)
    y = tf.image.crop_and_resize(it, boxes, [0, 1, 1], [3, 4], method=method)
    gi, = tf.gradients(y, it, grad_ys=g)
    yv, gv = run([y, gi])
    assert np.sum(yv.astype(np.float64) * g) == pytest.approx(
        np.sum(gv.astype(np.float64) * image), rel=1e-5)


def test_box_gradient_numerically():
    image = tf.constant(np.random.RandomState(2).uniform(-1, 1, (1, 6, 7, 1)), tf.float32)
    box_values = np.array([[0.13, 0.21, 0.77, 0.83], [0.52, 0.08, 0.31, 0.66]], np.float32)
    boxes = tf.constant(box_values)
    y = tf.image.crop_and_resize(image, boxes, [0, 0], [3, 4])
    with tf.Session():
        # Explicit boxes: the checker's default random ones may cross the image border,
        # where the crop jumps to extrapolation_value.
        assert compute_gradient_error(boxes, [2, 4], y, [2, 3, 4, 1], x_init_value=box_values,
                                      delta=1e-3) < 5e-3


def test_grad_ops_have_no_gradient_as_in_tf():
    image = tf.constant(np.ones((1, 3, 3, 1), np.float32))
    boxes = tf.constant([[0.1, 0.1, 0.9, 0.9]])
    y = tf.image.crop_and_resize(image, boxes, [0], [2, 2])
    gi, gb = tf.gradients(y * y, [image, boxes])
    with pytest.raises(LookupError, match="No gradient defined for operation"):
        tf.gradients(gi, image, grad_ys=tf.ones_like(gi))
