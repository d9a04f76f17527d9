"""Conditional accumulators (tfcompat/ops/accumulator_ops.py): take_grad blocks until enough
gradients arrive from other threads, and a session close cancels it (TF's recorded values:
conformance/cases/toplevel/accumulators)."""

import threading
import time

import numpy as np
import pytest

import tfcompat as tf


def test_take_grad_waits_for_gradients_applied_by_other_threads():
    with tf.Graph().as_default():
        acc = tf.ConditionalAccumulator(tf.float32, shape=[2])
        grad = tf.placeholder(tf.float32, [2])
        apply = acc.apply_grad(grad)
        take = acc.take_grad(3)
        with tf.Session() as sess:
            result = []
            taker = threading.Thread(target=lambda: result.append(sess.run(take)))
            taker.start()
            for value in ([1., 2.], [3., 4.], [5., 9.]):
                time.sleep(0.05)
                assert not result
                sess.run(apply, {grad: value})
            taker.join(5)
            np.testing.assert_allclose(result[0], [3., 5.])


def test_closing_the_session_cancels_a_blocked_take():
    with tf.Graph().as_default():
        acc = tf.ConditionalAccumulator(tf.float32, shape=[])
        take = acc.take_grad(1)
        sess = tf.Session()
        errors = []

        def run():
            try:
                sess.run(take)
            except tf.errors.CancelledError as e:
                errors.append(e)
        taker = threading.Thread(target=run)
        taker.start()
        time.sleep(0.05)
        sess.close()
        taker.join(5)
        assert errors and not taker.is_alive()


def test_num_required_must_be_positive():
    with tf.Graph().as_default():
        acc = tf.ConditionalAccumulator(tf.float32, shape=[])
        with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError,
                                                 match="num_required must be positive"):
            sess.run(acc.take_grad(0))
