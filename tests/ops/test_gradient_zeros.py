"""Outputs that get no gradient are fed zeros: plain ops, cond Switches and whole while loops."""

import numpy as np

import tfcompat as tf


def test_unused_loop_output_gets_zeros():
    # Only the first loop variable reaches y: the loop's other Exit gets zeros, and the gradient
    # is d(x * 2^3)/dx = 8.
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float64, [])
        _, doubled, counted = tf.while_loop(lambda i, a, b: i < 3,
                                            lambda i, a, b: (i + 1, a * 2.0, b + 1.0),
                                            [tf.constant(0), x, tf.constant(0.0, tf.float64)])
        grad, = tf.gradients(doubled, x)
        with tf.Session() as sess:
            assert sess.run([grad, counted], {x: 1.5}) == [8.0, 3.0]


def test_unused_cond_branch_and_multi_output_op_get_zeros():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float64, [3])
        values, indices = tf.nn.top_k(x, k=2)
        y = tf.cond(tf.reduce_sum(x) > 0.0, lambda: tf.reduce_sum(values * 3.0),
                    lambda: tf.reduce_sum(x))
        grad, = tf.gradients(y, x)
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(grad, {x: [1.0, 5.0, 2.0]}), [0.0, 3.0, 3.0])
            np.testing.assert_array_equal(sess.run(grad, {x: [-1.0, -5.0, -2.0]}), [1.0, 1.0, 1.0])
