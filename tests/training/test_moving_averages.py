"""ExponentialMovingAverage against its recurrence (TF's recorded runs: conformance/cases/ema)."""

import numpy as np
import pytest

import tfcompat as tf


def test_average_follows_the_recurrence_and_zero_debias_removes_the_bias():
    values = [3.0, -1.0, 4.0, 1.5]
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [])
        v = tf.Variable(2.0)
        set_v = tf.assign(v, x)
        with tf.control_dependencies([set_v]):
            ema = tf.train.ExponentialMovingAverage(0.75)
            update = ema.apply([v])
        debiased = tf.train.ExponentialMovingAverage(0.75, zero_debias=True, name="d")
        t = x * 1.0
        update_t = debiased.apply([t])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            avg, biased = 2.0, 0.0
            for n, value in enumerate(values, 1):
                sess.run([update, update_t], {x: value})
                avg = 0.75 * avg + 0.25 * value
                biased = 0.75 * biased + 0.25 * value
                assert sess.run(ema.average(v)) == pytest.approx(avg, rel=1e-6)
                assert sess.run(debiased.average(t)) == pytest.approx(
                    biased / (1 - 0.75 ** n), rel=1e-5)


def test_num_updates_caps_the_decay():
    with tf.Graph().as_default():
        v = tf.Variable(0.0)
        ema = tf.train.ExponentialMovingAverage(0.99, num_updates=tf.constant(0))
        with tf.control_dependencies([tf.assign(v, 10.0)]):
            update = ema.apply([v])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(update)
            # decay = min(0.99, 1/10) at num_updates 0
            np.testing.assert_allclose(sess.run(ema.average(v)), 9.0, rtol=1e-6)


def test_rejects_integer_variables_and_names_shadows():
    with tf.Graph().as_default():
        ema = tf.train.ExponentialMovingAverage(0.5)
        with pytest.raises(TypeError, match="half, float, or double"):
            ema.apply([tf.Variable(1, name="i")])
        w = tf.Variable(1.0, name="w")
        assert ema.average_name(w) == "w/ExponentialMovingAverage"
        ema.apply([w])
        assert ema.average(w).op.name == "w/ExponentialMovingAverage"
        restore = ema.variables_to_restore()
        assert sorted(restore) == ["i/ExponentialMovingAverage", "w/ExponentialMovingAverage"]
        assert restore["w/ExponentialMovingAverage"] is w
