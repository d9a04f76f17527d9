"""draw_bounding_boxes, random_crop and sobel_edges against their definitions."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error


def run(fetches):
    with tf.Session() as sess:
        return sess.run(fetches)


def test_draw_bounding_box_outline_and_palette():
    images = np.zeros((1, 5, 5, 3), np.float32)
    got = run(tf.image.draw_bounding_boxes(images, [[[0.25, 0.25, 0.75, 0.75]]]))
    outline = np.zeros((5, 5), bool)
    outline[1, 1:4] = outline[3, 1:4] = outline[1:4, 1] = outline[1:4, 3] = True
    np.testing.assert_array_equal(got[0, ..., 0] == 1, outline)  # first colour: yellow
    np.testing.assert_array_equal(got[0, ..., 2], 0)


def test_draw_bounding_boxes_errors_and_no_gradient():
    with pytest.raises(ValueError, match="Shape must be rank 4"):
        tf.image.draw_bounding_boxes(np.zeros((5, 5, 3), np.float32), [[[0, 0, 1, 1]]])
    x = tf.zeros([1, 3, 3, 2])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Channel depth"):
        run(tf.image.draw_bounding_boxes(x, [[[0.0, 0.0, 1.0, 1.0]]]))
    gray = tf.zeros([1, 3, 3, 1])
    box = [[[0.0, 0.0, 1.0, 1.0]]]
    assert tf.gradients(tf.image.draw_bounding_boxes(gray, box), gray) == [None]
    with pytest.raises(LookupError, match="No gradient defined"):  # V2, with colors
        tf.gradients(tf.image.draw_bounding_boxes(gray, box, colors=[[1.0]]), gray)


def test_random_crop_is_a_window_of_the_input():
    x = np.arange(6 * 7, dtype=np.float32).reshape(6, 7)
    got = run(tf.image.random_crop(x, [3, 4], seed=2))
    top, left = np.argwhere(x == got[0, 0])[0]
    np.testing.assert_array_equal(got, x[top:top + 3, left:left + 4])


def test_sobel_edges_of_a_ramp_and_gradient():
    ramp = np.tile(np.arange(5, dtype=np.float64), (4, 1))[None, :, :, None]
    got = run(tf.image.sobel_edges(tf.constant(ramp)))
    assert got.shape == (1, 4, 5, 1, 2)
    np.testing.assert_array_equal(got[0, :, 1:-1, 0, 1], 8)  # d/dx of a unit ramp, weight 8
    np.testing.assert_array_equal(got[0, :, :, 0, 0], 0)
    x = tf.constant(np.random.RandomState(0).uniform(size=(1, 3, 4, 2)))
    with tf.Session():
        y = tf.image.sobel_edges(x)
        assert compute_gradient_error(x, [1, 3, 4, 2], y, [1, 3, 4, 2, 2]) < 1e-8
