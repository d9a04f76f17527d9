"""RunOptions(timeout_in_ms) / operation_timeout_in_ms: blocking waits end with TF's error."""

import threading
import time

import pytest

import tfcompat as tf


def test_dequeue_times_out_with_tf_message_and_loses_nothing():
    with tf.Graph().as_default():
        q = tf.FIFOQueue(2, tf.int32)
        d = q.dequeue()
        with tf.Session() as sess:
            start = time.monotonic()
            with pytest.raises(tf.errors.DeadlineExceededError,
                               match="Timed out waiting for notification"):
                sess.run(d, options=tf.RunOptions(timeout_in_ms=50))
            assert 0.04 < time.monotonic() - start < 2.0
            sess.run(q.enqueue(5))
            assert sess.run(d, options=tf.RunOptions(timeout_in_ms=50)) == 5


def test_timeout_ends_when_an_element_arrives_in_time():
    with tf.Graph().as_default():
        q = tf.FIFOQueue(2, tf.int32)
        d = q.dequeue()
        enq = q.enqueue(9)
        with tf.Session() as sess:
            timer = threading.Timer(0.05, lambda: sess.run(enq))
            timer.start()
            assert sess.run(d, options=tf.RunOptions(timeout_in_ms=5000)) == 9
            timer.join()


def test_config_timeout_applies_to_every_run():
    with tf.Graph().as_default():
        d = tf.FIFOQueue(2, tf.int32).dequeue()
        with tf.Session(config=tf.ConfigProto(operation_timeout_in_ms=30)) as sess:
            with pytest.raises(tf.errors.DeadlineExceededError):
                sess.run(d)
