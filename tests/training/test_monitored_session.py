"""MonitoredSession machinery beyond the recorded cases (conformance/cases/monitored):
preemption recovery, coordinator errors, hook merging."""

import threading

import numpy as np
import pytest

import tfcompat as tf


class _AbortOnce(tf.train.SessionRunHook):
    """Raises AbortedError once, from the run that reached ``at_step`` (as a preempted
    parameter server would)."""

    def __init__(self, at_step):
        self.at_step = at_step
        self.fired = False
        self.sessions = 0

    def after_create_session(self, session, coord):
        self.sessions += 1

    def before_run(self, run_context):
        return tf.train.SessionRunArgs(tf.train.get_global_step())

    def after_run(self, run_context, run_values):
        if not self.fired and run_values.results == self.at_step:
            self.fired = True
            raise tf.errors.AbortedError(None, None, "preempted")


def test_preemption_recreates_the_session_from_the_latest_checkpoint(tmp_path):
    with tf.Graph().as_default():
        gs = tf.train.get_or_create_global_step()
        inc = tf.assign_add(gs, 1)
        abort = _AbortOnce(at_step=5)
        seen = []
        with tf.train.MonitoredTrainingSession(
                checkpoint_dir=str(tmp_path), save_checkpoint_steps=3,
                hooks=[tf.train.StopAtStepHook(last_step=8), abort]) as sess:
            while not sess.should_stop():
                seen.append(int(sess.run(inc)))
        # The run reaching step 5 failed before returning; the new session restored the
        # checkpoint of step 3, so step 4 is run again.
        assert abort.sessions == 2
        assert seen == [1, 2, 3, 4, 4, 5, 6, 7, 8]
        assert tf.train.latest_checkpoint(str(tmp_path)).endswith("model.ckpt-8")


def test_thread_error_recorded_in_the_coordinator_is_raised():
    with tf.Graph().as_default():
        tf.train.get_or_create_global_step()
        c = tf.constant(1)

        class _Failer(tf.train.SessionRunHook):
            def after_create_session(self, session, coord):
                def fail():
                    with coord.stop_on_exception():
                        raise ValueError("reader thread failed")
                t = threading.Thread(target=fail)
                coord.register_thread(t)
                t.start()
                t.join()

        sess = tf.train.MonitoredSession(hooks=[_Failer()])
        assert sess.should_stop()  # the error itself surfaces when the threads are joined
        assert sess.run(c) == 1
        with pytest.raises(ValueError, match="reader thread failed"):
            sess.close()


def test_hook_fetches_and_feeds_are_merged_with_the_callers():
    with tf.Graph().as_default():
        a = tf.placeholder(tf.float32, [])
        b = tf.placeholder(tf.float32, [])
        total = a + b
        doubled = total * 2
        results = []

        class _Feeder(tf.train.SessionRunHook):
            def before_run(self, run_context):
                return tf.train.SessionRunArgs({"sum": total, "a": a}, feed_dict={b: 10.0})

            def after_run(self, run_context, run_values):
                results.append(run_values.results)

        with tf.train.SingularMonitoredSession(hooks=[_Feeder()]) as sess:
            assert sess.run(doubled, feed_dict={a: 1.0}) == pytest.approx(22.0)
        assert results == [{"sum": np.float32(11.0), "a": np.float32(1.0)}]


def test_graph_is_finalized_only_while_the_session_is_open():
    with tf.Graph().as_default() as g:
        tf.train.get_or_create_global_step()
        with tf.train.MonitoredSession():
            assert g.finalized
        assert not g.finalized
