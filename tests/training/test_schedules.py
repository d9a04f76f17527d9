"""Learning-rate schedules against their closed forms (values recorded from TF live in
conformance/cases/schedules)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


def _values(make_lr, steps):
    with tf.Graph().as_default():
        gs = tf.train.get_or_create_global_step()
        step_in = tf.placeholder(tf.int64, [])
        set_step = tf.assign(gs, step_in)
        lr = make_lr(gs)
        with tf.Session() as sess:
            out = []
            for s in steps:
                sess.run(set_step, {step_in: s})
                out.append(float(sess.run(lr)))
            return out


@settings(max_examples=15, deadline=None)
@given(st.floats(0.01, 1.0), st.integers(1, 10), st.floats(0.1, 0.99), st.booleans())
def test_exponential_decay_closed_form(lr0, decay_steps, rate, staircase):
    steps = range(0, 25, 3)
    got = _values(lambda gs: tf.train.exponential_decay(lr0, gs, decay_steps, rate,
                                                        staircase=staircase), steps)
    for s, value in zip(steps, got):
        p = s // decay_steps if staircase else s / decay_steps
        assert value == pytest.approx(lr0 * rate ** p, rel=1e-5)


def test_polynomial_decay_cycle_grows_the_horizon():
    got = _values(lambda gs: tf.train.polynomial_decay(1.0, gs, 4, 0.0, cycle=True), range(9))
    horizons = [4, 4, 4, 4, 4, 8, 8, 8, 8]
    np.testing.assert_allclose(got, [1 - s / h for s, h in zip(range(9), horizons)], rtol=1e-6)


def test_cosine_decay_restarts_periods_double():
    got = _values(lambda gs: tf.train.cosine_decay_restarts(1.0, gs, 2), [0, 1, 2, 4, 6])
    expected = [1.0, 0.5 * (1 + math.cos(math.pi / 2)), 1.0,
                0.5 * (1 + math.cos(math.pi / 2)), 1.0]
    np.testing.assert_allclose(got, expected, atol=1e-6)


def test_piecewise_constant_is_inclusive_on_the_left_boundary():
    got = _values(lambda gs: tf.train.piecewise_constant(gs, [2, 4], [1.0, 0.5, 0.1]),
                  range(6))
    assert got == pytest.approx([1.0, 1.0, 1.0, 0.5, 0.5, 0.1])


def test_piecewise_constant_checks_lengths():
    with tf.Graph().as_default():
        gs = tf.train.get_or_create_global_step()
        with pytest.raises(ValueError, match="1 less than"):
            tf.train.piecewise_constant(gs, [1, 2], [1.0, 2.0])
