"""Ftrl, ProximalGradientDescent, ProximalAdagrad and AdagradDA against closed forms (TF's
recorded trajectories: conformance/cases/optimizers2)."""

import numpy as np
import pytest

import tfcompat as tf

X = np.array([[1.0, -2.0], [0.5, 3.0]], np.float32)


def _trajectory(make_opt, steps=3, var_dtype=tf.float32):
    with tf.Graph().as_default():
        w = tf.Variable(np.array([0.5, -1.0]), dtype=var_dtype)
        loss = tf.reduce_sum(tf.square(tf.reduce_sum(tf.cast(X, var_dtype) * w, axis=1) - 1.0))
        gs = tf.train.get_or_create_global_step()
        train = make_opt(gs).minimize(loss, global_step=gs)
        grad = tf.gradients(loss, w)[0]
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            out = []
            for _ in range(steps):
                g = sess.run(grad)
                sess.run(train)
                out.append((g, sess.run(w)))
            return out


def test_unregularized_proximal_optimizers_match_their_plain_versions():
    pairs = [(lambda gs: tf.train.ProximalGradientDescentOptimizer(0.05),
              lambda gs: tf.train.GradientDescentOptimizer(0.05)),
             (lambda gs: tf.train.ProximalAdagradOptimizer(0.05),
              lambda gs: tf.train.AdagradOptimizer(0.05))]
    for proximal, plain in pairs:
        for (_, a), (_, b) in zip(_trajectory(proximal), _trajectory(plain)):
            np.testing.assert_allclose(a, b, rtol=1e-6)


def test_proximal_gradient_descent_step():
    lr, l1, l2 = 0.05, 0.3, 0.2
    (g, w1), = _trajectory(lambda gs: tf.train.ProximalGradientDescentOptimizer(
        lr, l1_regularization_strength=l1, l2_regularization_strength=l2), steps=1)
    prox = np.array([0.5, -1.0]) - lr * g
    expected = np.sign(prox) * np.maximum(np.abs(prox) - lr * l1, 0) / (1 + lr * l2)
    np.testing.assert_allclose(w1, expected, rtol=1e-6)


def test_ftrl_first_step_closed_form_and_l1_sparsity():
    lr, init = 0.5, 0.1
    (g, w1), = _trajectory(lambda gs: tf.train.FtrlOptimizer(
        lr, initial_accumulator_value=init), steps=1, var_dtype=tf.float64)
    accum = init + g * g
    linear = g - (np.sqrt(accum) - np.sqrt(init)) / lr * np.array([0.5, -1.0])
    np.testing.assert_allclose(w1, -linear / (np.sqrt(accum) / lr), rtol=1e-6)
    # An L1 strength above |linear| pins the weights at exactly zero.
    (_, w_l1), = _trajectory(lambda gs: tf.train.FtrlOptimizer(
        lr, l1_regularization_strength=1e3), steps=1)
    assert np.all(w_l1 == 0)


def test_ftrl_v2_shrinkage_only_changes_the_linear_term():
    lr, shrink = 0.5, 0.25
    (g, w1), = _trajectory(lambda gs: tf.train.FtrlOptimizer(
        lr, l2_shrinkage_regularization_strength=shrink), steps=1, var_dtype=tf.float64)
    w0 = np.array([0.5, -1.0])
    accum = 0.1 + g * g
    linear = g + 2 * shrink * w0 - (np.sqrt(accum) - np.sqrt(0.1)) / lr * w0
    np.testing.assert_allclose(w1, -linear / (np.sqrt(accum) / lr), rtol=1e-6)


def test_adagrad_da_recomputes_the_variable_from_accumulators():
    lr, l2 = 0.3, 0.02
    steps = _trajectory(lambda gs: tf.train.AdagradDAOptimizer(
        lr, gs, l2_regularization_strength=l2), steps=3, var_dtype=tf.float64)
    g_acc, gg_acc = 0.0, 0.1
    for n, (g, w) in enumerate(steps, 1):
        g_acc, gg_acc = g_acc + g, gg_acc + g * g
        np.testing.assert_allclose(w, -g_acc * lr / (l2 * n * lr + np.sqrt(gg_acc)),
                                   rtol=1e-6)


@pytest.mark.parametrize("kwargs, message", [
    ({"learning_rate_power": 0.5}, "needs to be negative or zero"),
    ({"initial_accumulator_value": -1.0}, "needs to be positive or zero"),
])
def test_ftrl_validates_its_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        tf.train.FtrlOptimizer(0.1, **kwargs)
