"""Supervisor's background services (timing-dependent, so not a recorded case)."""

import os
import time

import tfcompat as tf


def _wait_for(predicate, timeout=20.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_standard_services_checkpoint_and_write_summaries(tmp_path):
    logdir = str(tmp_path)
    with tf.Graph().as_default():
        v = tf.Variable(1.0)
        tf.train.get_or_create_global_step()
        tf.summary.scalar("v", v)
        sv = tf.train.Supervisor(logdir=logdir, save_summaries_secs=0.05, save_model_secs=0.05)
        with sv.managed_session():
            assert _wait_for(lambda: tf.train.latest_checkpoint(logdir) is not None)
        events = [f for f in os.listdir(logdir) if f.startswith("events")]
        tags = set()
        for e in tf.train.summary_iterator(os.path.join(logdir, events[0])):
            if e.WhichOneof("what") == "summary":
                tags.update(value.tag for value in e.summary.value)
        assert {"v", "global_step/sec"} <= tags
        assert sv.should_stop()


def test_loop_runs_target_until_stop():
    with tf.Graph().as_default():
        tf.Variable(1.0)
        sv = tf.train.Supervisor(logdir=None)
        calls = []
        with sv.managed_session():
            looper = sv.loop(0.01, calls.append, args=(1,))
            assert _wait_for(lambda: len(calls) >= 3)
        looper.join(5)
        assert not looper.is_alive()
