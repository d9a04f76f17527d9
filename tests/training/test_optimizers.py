"""TF1 optimizers against values and names recorded from TensorFlow 2.21 (optimizer_oracle.json:
three steps on loss = sum(w**3 + 3w), w = layer/w float64, with a global step)."""

import json
from pathlib import Path

import numpy as np
import pytest

import tfcompat as tf

ORACLE = json.loads((Path(__file__).parent / "optimizer_oracle.json").read_text())

MAKERS = {
    "GradientDescent": lambda: tf.train.GradientDescentOptimizer(0.1),
    "Momentum": lambda: tf.train.MomentumOptimizer(0.1, 0.9),
    "MomentumNesterov": lambda: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
    "Adam": lambda: tf.train.AdamOptimizer(0.1, epsilon=0.5),
    "Adagrad": lambda: tf.train.AdagradOptimizer(0.3),
    "RMSProp": lambda: tf.train.RMSPropOptimizer(0.05, momentum=0.5, epsilon=1e-3),
    "RMSPropCentered": lambda: tf.train.RMSPropOptimizer(0.05, momentum=0.5, epsilon=1e-3,
                                                         centered=True),
    "Adadelta": lambda: tf.train.AdadeltaOptimizer(1.0, rho=0.9, epsilon=1e-3),
}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_three_steps_match_tensorflow(name):
    expected = ORACLE[name]
    with tf.variable_scope("layer"):
        w = tf.get_variable("w", initializer=tf.constant([1.0, -2.0, 0.5], tf.float64))
    loss = tf.reduce_sum(w * w * w + 3 * w)
    opt = MAKERS[name]()
    step = tf.train.get_or_create_global_step()
    train = opt.minimize(loss, global_step=step)
    assert train.name == expected["train_op"]
    assert opt.get_name() == expected["get_name"]
    assert opt.get_slot_names() == expected["slot_names"]
    assert sorted(v.name for v in opt.variables()) == expected["slots"]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        values = []
        for _ in range(3):
            sess.run(train)
            values.append(sess.run(w))
        np.testing.assert_allclose(values, expected["values"], rtol=1e-12)
        assert sess.run(step) == expected["step"]


def test_gradient_descent_update_op_names():
    w = tf.Variable([1.0, 2.0], name="w")
    train = tf.train.GradientDescentOptimizer(0.5).minimize(tf.reduce_sum(w * w))
    names = [op.name for op in tf.get_default_graph().get_operations()]
    assert train.name == "GradientDescent" and train.type == "NoOp"
    assert "GradientDescent/update_w/ApplyGradientDescent" in names
    assert "GradientDescent/learning_rate" in names


def test_learning_rate_may_be_a_tensor_or_callable():
    for lr in (tf.constant(0.5), lambda: 0.5):
        w = tf.Variable(2.0)
        train = tf.train.GradientDescentOptimizer(lr).minimize(w * w)
        with tf.Session() as sess:
            sess.run(w.initializer)
            sess.run(train)
            assert sess.run(w) == pytest.approx(0.0)


def test_update_before_a_failing_op_stays():
    # TF keeps the updates a run made before its error (a failed run is not rolled back).
    w = tf.Variable([1.0, 2.0], name="w")
    p = tf.placeholder(tf.float32, [2])
    train = tf.train.GradientDescentOptimizer(1.0).apply_gradients(
        [(tf.reshape(p, [2]) + tf.constant([0.0, 0.0]), w)])
    with tf.control_dependencies([train]):
        bad = tf.reshape(tf.constant([1.0, 2.0, 3.0]), tf.placeholder_with_default([2], [1]))
    with tf.Session() as sess:
        sess.run(w.initializer)
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(bad, {p: [1.0, 1.0]})
        np.testing.assert_array_equal(sess.run(w), [0.0, 1.0])
