"""SyncReplicasOptimizer with one replica. TF 2.21's own single-process graph (accumulator +
token queue) hangs when its MonitoredTrainingSession closes, so no conformance case records it;
the facts below were observed in the oracle: `sync_rep_local_step` is an int64 local variable,
the train op evaluates to the global step before its update (0, 1, 2, ...), and the variables
follow the wrapped optimizer's trajectory."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _model():
    v = tf.Variable([1., 2.], name="v")
    return v, tf.reduce_sum(v * v), tf.train.get_or_create_global_step()


def test_trajectory_is_the_wrapped_optimizers(graph):
    v, loss, step = _model()
    opt = tf.train.SyncReplicasOptimizer(tf.train.MomentumOptimizer(0.1, 0.5), 1)
    train = opt.minimize(loss, global_step=step)
    assert [x.name for x in tf.local_variables()] == ["sync_rep_local_step:0"]
    assert tf.local_variables()[0].dtype.base_dtype == tf.int64
    assert [x.name for x in tf.global_variables()] == ["v:0", "global_step:0", "v/Momentum:0"]
    assert opt.get_slot_names() == ["momentum"] and opt.get_slot(v, "momentum") is not None
    hook = opt.make_session_run_hook(True)
    final = tf.train.FinalOpsHook([v, step])
    tokens = []
    with tf.train.MonitoredTrainingSession(
            hooks=[hook, tf.train.StopAtStepHook(last_step=4), final]) as sess:
        while not sess.should_stop():
            tokens.append(sess.run(train))
    assert tokens == [0, 1, 2, 3]
    expected, velocity = np.array([1., 2.], np.float32), np.zeros(2, np.float32)
    for _ in range(4):
        velocity = velocity * np.float32(0.5) + 2 * expected
        expected = expected - np.float32(0.1) * velocity
    np.testing.assert_allclose(final.final_ops_values[0], expected, rtol=1e-6)
    assert final.final_ops_values[1] == 4


def test_variable_averages_follow_each_update(graph):
    w = tf.Variable(1., name="w")
    ema = tf.train.ExponentialMovingAverage(0.5)
    opt = tf.train.SyncReplicasOptimizer(tf.train.GradientDescentOptimizer(0.5), 1,
                                         variable_averages=ema, variables_to_average=[w])
    train = opt.minimize(tf.square(w), global_step=tf.train.get_or_create_global_step())
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        sess.run(train)
        assert sess.run([w, ema.average(w)]) == [0.0, 0.5]


def test_errors(graph):
    v, loss, step = _model()
    with pytest.raises(ValueError, match="single replica"):
        tf.train.SyncReplicasOptimizer(tf.train.GradientDescentOptimizer(0.1), 2)
    opt = tf.train.SyncReplicasOptimizer(tf.train.GradientDescentOptimizer(0.1), 1)
    with pytest.raises(ValueError, match="apply_gradient should be called before using the hook"):
        opt.make_session_run_hook(True).begin()
    with pytest.raises(ValueError, match="should be called after apply_gradients"):
        opt.get_chief_queue_runner()
    with pytest.raises(ValueError, match="Global step is required to check staleness"):
        opt.apply_gradients([(tf.constant([1., 1.]), v)])
    with pytest.raises(ValueError, match="Must supply at least one variable"):
        opt.apply_gradients([], global_step=step)
    opt.minimize(loss, global_step=step)
    with pytest.raises(NotImplementedError, match="no token queue"):
        opt.get_init_tokens_op()
