"""Conv1D with dilation (tfcompat builds a kernel with holes; TF uses SpaceToBatchND) and
Conv2DTranspose shapes, against numpy and numerical gradients."""

import numpy as np
import pytest

import tfcompat as tf


@pytest.mark.parametrize("padding, left, right", [("valid", 0, 0), ("same", 2, 2),
                                                   ("causal", 4, 0)])
def test_dilated_conv1d_matches_numpy_and_has_a_kernel_gradient(padding, left, right):
    with tf.Graph().as_default():
        xv = np.random.RandomState(0).randn(2, 9, 3)
        x = tf.constant(xv)
        layer = tf.layers.Conv1D(2, 3, dilation_rate=2, padding=padding, use_bias=False,
                                 dtype=tf.float64)
        y = layer(x)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            yv, kv = sess.run([y, layer.kernel])
            xp = np.pad(xv, [(0, 0), (left, right), (0, 0)])
            ref = np.stack([sum(xp[:, t + 2 * j, :] @ kv[j] for j in range(3))
                            for t in range(xp.shape[1] - 4)], 1)
            np.testing.assert_allclose(yv, ref, rtol=1e-12, atol=1e-12)  # sums can cancel to ~0
            error = tf.test.compute_gradient_error(layer.kernel, [3, 3, 2], y, list(yv.shape))
            assert error < 1e-6


def test_conv2d_transpose_inverts_conv2d_shapes():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 4, 5, 3])
        same = tf.layers.conv2d_transpose(x, 2, 3, strides=2, padding="same")
        valid = tf.layers.conv2d_transpose(x, 2, (2, 3), strides=(1, 2))
        assert same.shape.as_list() == [None, 8, 10, 2]
        assert valid.shape.as_list() == [None, 5, 11, 2]
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            out = sess.run(same, {x: np.ones([3, 4, 5, 3], np.float32)})
            assert out.shape == (3, 8, 10, 2)
