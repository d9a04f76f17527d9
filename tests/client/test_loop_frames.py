"""Loop variables the run does not need are passed through, not computed."""

from __future__ import annotations

import numpy as np

import tfcompat as tf


def _body_op_names(sess: tf.Session) -> set[str]:
    plan = list(sess._plans.values())[-1]
    names = set()
    pending = [plan]
    while pending:
        p = pending.pop()
        names.update(op.name for op in p.line_ops.values())
        pending.extend(p.nested)
    return names


def test_input_gradient_of_a_dynamic_rnn_is_skipped_unless_fetched():
    tf.set_random_seed(1)
    x = tf.placeholder(tf.float32, [2, 4, 3])
    outputs, _ = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(5), x, dtype=tf.float32)
    loss = tf.reduce_sum(outputs * outputs)
    variables = tf.trainable_variables()
    grads = tf.gradients(loss, variables + [x])
    xs = np.random.RandomState(0).rand(2, 4, 3).astype(np.float32)
    write = "gradients/rnn/while/TensorArrayReadV3_grad/TensorArrayWrite/TensorArrayWriteV3"
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        only_variables = sess.run(grads[:-1], {x: xs})
        assert write not in _body_op_names(sess)
        with_input = sess.run(grads, {x: xs})
        assert write in _body_op_names(sess)
    for a, b in zip(only_variables, with_input):
        np.testing.assert_array_equal(a, b)
    assert with_input[-1].shape == (2, 4, 3) and np.abs(with_input[-1]).sum() > 0


def test_dead_variable_with_an_effect_still_runs():
    v = tf.Variable(0.0)

    def body(i, a):
        with tf.control_dependencies([tf.assign_add(v, 1.0)]):
            return i + 1, tf.identity(a) + 1.0

    i, _ = tf.while_loop(lambda i, a: i < 3, body, [tf.constant(0), tf.constant(0.0)])
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(i) == 3
        assert sess.run(v) == 3.0


def test_dead_pure_variable_is_passed_through():
    def body(i, a, b):
        return i + 1, a * 2.0, tf.sin(b, name="unused_sin")

    i, a, _ = tf.while_loop(lambda i, a, b: i < 3, body,
                            [tf.constant(0), tf.constant(1.0), tf.constant(0.5)])
    with tf.Session() as sess:
        assert sess.run([i, a]) == [3, 8.0]
        assert not any("unused_sin" in name for name in _body_op_names(sess))
