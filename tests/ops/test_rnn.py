"""tf.nn.rnn_cell and tf.nn.static_rnn / dynamic_rnn: cell equations, sequence lengths, the
while loop, gradients and training.

Values and names against TF 2.21 are recorded in conformance/cases/rnn; these tests check the
math (numpy references of the cell equations), the sequence_length contract, gradients by
central differences (through the while loop's gradient) and an unknown time dimension.
"""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat import rnn_cell
from tfcompat.rnn import static as rnn
from tfcompat.rnn import structure as rnn_cell_impl
from tfcompat.rnn.dynamic import dynamic_rnn
from tfcompat.testing.gradient_checker import compute_gradient_error


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _assign_random(sess, seed: int = 0, scale: float = 0.5) -> dict:
    """Gives every trainable variable random values; returns them by variable name."""
    rng = np.random.RandomState(seed)
    values = {}
    for v in tf.trainable_variables():
        value = rng.uniform(-scale, scale, v.shape.as_list())
        sess.run(v.assign(value))
        values[v.name.split("/", 1)[1]] = value
    return values


def _run(make_cell, inputs, **kwargs):
    """dynamic_rnn over ``inputs`` with random weights: (outputs, state, weights)."""
    x = tf.constant(inputs)
    outputs, state = dynamic_rnn(make_cell(), x, dtype=x.dtype, **kwargs)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        weights = _assign_random(sess)
        out, st = sess.run([outputs, state])
    return out, st, weights


INPUTS = np.random.RandomState(1).uniform(-1, 1, [3, 4, 2])


def _lstm_reference(inputs, kernel, bias, units, forget_bias=1.0):
    c = np.zeros([inputs.shape[0], units])
    h = np.zeros_like(c)
    outputs = []
    for t in range(inputs.shape[1]):
        gates = np.concatenate([inputs[:, t], h], 1) @ kernel + bias
        i, j, f, o = np.split(gates, 4, axis=1)
        c = c * _sigmoid(f + forget_bias) + _sigmoid(i) * np.tanh(j)
        h = np.tanh(c) * _sigmoid(o)
        outputs.append(h)
    return np.stack(outputs, 1), c, h


def test_basic_lstm_cell_matches_the_lstm_equations():
    out, state, w = _run(lambda: rnn_cell.BasicLSTMCell(3, forget_bias=0.5), INPUTS)
    ref_out, ref_c, ref_h = _lstm_reference(INPUTS, w["basic_lstm_cell/kernel:0"],
                                            w["basic_lstm_cell/bias:0"], 3, forget_bias=0.5)
    np.testing.assert_allclose(out, ref_out, rtol=1e-10)
    np.testing.assert_allclose(state.c, ref_c, rtol=1e-10)
    np.testing.assert_allclose(state.h, ref_h, rtol=1e-10)
    assert isinstance(state, rnn_cell.LSTMStateTuple) and state.h is not None


def test_gru_and_basic_rnn_cells_match_their_equations():
    out, state, w = _run(lambda: rnn_cell.GRUCell(2), INPUTS)
    h = np.zeros([3, 2])
    for t in range(4):
        x_h = np.concatenate([INPUTS[:, t], h], 1)
        r, u = np.split(_sigmoid(x_h @ w["gru_cell/gates/kernel:0"] + w["gru_cell/gates/bias:0"]),
                        2, axis=1)
        cand = np.tanh(np.concatenate([INPUTS[:, t], r * h], 1) @ w["gru_cell/candidate/kernel:0"]
                       + w["gru_cell/candidate/bias:0"])
        h = u * h + (1 - u) * cand
        np.testing.assert_allclose(out[:, t], h, rtol=1e-10)
    np.testing.assert_allclose(state, h, rtol=1e-10)

    tf.reset_default_graph()
    out, state, w = _run(lambda: rnn_cell.BasicRNNCell(2, activation="relu"), INPUTS)
    h = np.zeros([3, 2])
    for t in range(4):
        h = np.maximum(np.concatenate([INPUTS[:, t], h], 1) @ w["basic_rnn_cell/kernel:0"]
                       + w["basic_rnn_cell/bias:0"], 0)
    np.testing.assert_allclose(state, h, rtol=1e-10)


def test_lstm_cell_peepholes_clipping_and_projection():
    out, state, w = _run(lambda: rnn_cell.LSTMCell(3, use_peepholes=True, cell_clip=0.3,
                                                   num_proj=2, proj_clip=0.05), INPUTS)
    c, m = np.zeros([3, 3]), np.zeros([3, 2])
    for t in range(4):
        gates = (np.concatenate([INPUTS[:, t], m], 1) @ w["lstm_cell/kernel:0"]
                 + w["lstm_cell/bias:0"])
        i, j, f, o = np.split(gates, 4, axis=1)
        c = (_sigmoid(f + 1 + w["lstm_cell/w_f_diag:0"] * c) * c
             + _sigmoid(i + w["lstm_cell/w_i_diag:0"] * c) * np.tanh(j))
        c = np.clip(c, -0.3, 0.3)
        m = _sigmoid(o + w["lstm_cell/w_o_diag:0"] * c) * np.tanh(c)
        m = np.clip(m @ w["lstm_cell/projection/kernel:0"], -0.05, 0.05)
    np.testing.assert_allclose(state.c, c, rtol=1e-10)
    np.testing.assert_allclose(state.h, m, rtol=1e-10)
    np.testing.assert_allclose(out[:, -1], m, rtol=1e-10)


def test_concatenated_states_equal_tuple_states():
    _, tuple_state, _ = _run(lambda: rnn_cell.MultiRNNCell(
        [rnn_cell.LSTMCell(2, num_proj=1), rnn_cell.BasicLSTMCell(2)]), INPUTS)
    tf.reset_default_graph()
    _, flat_state, _ = _run(lambda: rnn_cell.MultiRNNCell(
        [rnn_cell.LSTMCell(2, num_proj=1, state_is_tuple=False),
         rnn_cell.BasicLSTMCell(2, state_is_tuple=False)], state_is_tuple=False), INPUTS)
    expected = np.concatenate([tuple_state[0].c, tuple_state[0].h, tuple_state[1].c,
                               tuple_state[1].h], 1)
    np.testing.assert_allclose(flat_state, expected, rtol=1e-12)


def test_sequence_length_zeroes_outputs_and_freezes_state():
    lengths = np.array([4, 2, 0])
    out, state, _ = _run(lambda: rnn_cell.BasicLSTMCell(3), INPUTS, sequence_length=lengths)
    tf.reset_default_graph()
    full, full_state, _ = _run(lambda: rnn_cell.BasicLSTMCell(3), INPUTS)
    for row, length in enumerate(lengths):
        np.testing.assert_allclose(out[row, :length], full[row, :length], rtol=1e-12)
        assert not out[row, length:].any()
        if length:
            np.testing.assert_allclose(state.h[row], full[row, length - 1], rtol=1e-12)
        else:
            assert not state.c[row].any() and not state.h[row].any()
    np.testing.assert_allclose(state.c[0], full_state.c[0], rtol=1e-12)


def test_static_and_time_major_runs_equal_dynamic_rnn():
    lengths = [3, 1, 4]
    dynamic_out, dynamic_state, _ = _run(lambda: rnn_cell.GRUCell(3), INPUTS,
                                         sequence_length=lengths)
    tf.reset_default_graph()
    major_out, major_state, _ = _run(lambda: rnn_cell.GRUCell(3), INPUTS.transpose(1, 0, 2),
                                     sequence_length=lengths, time_major=True)
    np.testing.assert_allclose(major_out.transpose(1, 0, 2), dynamic_out, rtol=1e-12)
    np.testing.assert_allclose(major_state, dynamic_state, rtol=1e-12)
    tf.reset_default_graph()
    x = tf.placeholder(tf.float64, [None, 4, 2])
    outputs, state = rnn.static_rnn(rnn_cell.GRUCell(3), tf.unstack(x, axis=1),
                                    dtype=tf.float64, sequence_length=lengths)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        _assign_random(sess)
        static_out, static_state = sess.run([outputs, state], {x: INPUTS})
    np.testing.assert_allclose(np.stack(static_out, 1), dynamic_out, rtol=1e-12)
    np.testing.assert_allclose(static_state, dynamic_state, rtol=1e-12)


def test_tf_variable_and_zero_state_names():
    x = tf.placeholder(tf.float32, [2, 3, 4])
    cell = rnn_cell.MultiRNNCell([rnn_cell.BasicLSTMCell(5), rnn_cell.GRUCell(2)])
    outputs, state = dynamic_rnn(cell, x, dtype=tf.float32)
    assert [v.name for v in cell.variables] == [
        "rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0",
        "rnn/multi_rnn_cell/cell_0/basic_lstm_cell/bias:0",
        "rnn/multi_rnn_cell/cell_1/gru_cell/gates/kernel:0",
        "rnn/multi_rnn_cell/cell_1/gru_cell/gates/bias:0",
        "rnn/multi_rnn_cell/cell_1/gru_cell/candidate/kernel:0",
        "rnn/multi_rnn_cell/cell_1/gru_cell/candidate/bias:0"]
    assert outputs.name == "rnn/transpose_1:0" and outputs.shape.as_list() == [2, 3, 2]
    assert state[0].c.shape.as_list() == [2, 5] and state[1].shape.as_list() == [2, 2]
    zero = rnn_cell.BasicLSTMCell(5).zero_state(tf.placeholder(tf.int32, []), tf.float32)
    assert (zero.c.name, zero.h.name) == ("BasicLSTMCellZeroState/zeros:0",
                                          "BasicLSTMCellZeroState/zeros_1:0")
    assert zero.c.shape.as_list() == [None, 5]


def test_dynamic_rnn_runs_an_unknown_time_dimension_like_static_rnn():
    x = tf.placeholder(tf.float32, [2, None, 4])
    lengths = tf.placeholder(tf.int32, [None])
    cell = rnn_cell.BasicRNNCell(2)
    outputs, state = dynamic_rnn(cell, x, sequence_length=lengths, dtype=tf.float32)
    assert outputs.shape.as_list() == [2, None, 2] and state.op.type == "Exit"
    steps = tf.unstack(tf.constant(np.ones([2, 3, 4], np.float32)), axis=1)
    static_outputs, static_state = rnn.static_rnn(cell, steps, sequence_length=lengths,
                                                  dtype=tf.float32)
    value = np.random.RandomState(0).uniform(-1, 1, [2, 3, 4]).astype(np.float32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        out, st = sess.run([outputs, state], {x: value, lengths: [3, 1]})
        static_feed = dict(zip(steps, np.moveaxis(value, 1, 0)))
        static_feed[lengths] = [3, 1]
        static_out, static_st = sess.run([static_outputs, static_state], static_feed)
        with pytest.raises(tf.errors.InvalidArgumentError, match="Expected shape for Tensor"):
            sess.run(outputs, {x: value, lengths: [3, 1, 2]})
    np.testing.assert_allclose(out, np.stack(static_out, axis=1), rtol=1e-6)
    np.testing.assert_allclose(st, static_st, rtol=1e-6)
    assert not out[1, 1:].any()  # past its length a row emits zeros


def test_dropout_wrapper_keeps_lstm_memory_and_scales_kept_values():
    x = tf.constant(np.ones([200, 1, 4], np.float32))
    cell = rnn_cell.DropoutWrapper(rnn_cell.BasicLSTMCell(5), state_keep_prob=0.5,
                                   output_keep_prob=0.25, seed=1)
    outputs, state = dynamic_rnn(cell, x, dtype=tf.float32)
    plain_cell = rnn_cell.DropoutWrapper(rnn_cell.BasicLSTMCell(5))
    plain_outputs, plain_state = dynamic_rnn(plain_cell, x, dtype=tf.float32, scope="plain")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for v in tf.trainable_variables():
            sess.run(v.assign(np.full(v.shape.as_list(), 0.1)))
        out, st, plain_out, plain_st = sess.run([outputs, state, plain_outputs, plain_state])
    np.testing.assert_allclose(st.c, plain_st.c)  # c is never dropped
    kept = out != 0
    assert 0.15 < kept.mean() < 0.35
    np.testing.assert_allclose(out[kept], (plain_out * 4)[kept], rtol=1e-6)
    assert set(np.unique(np.round(st.h / plain_st.h, 5))) == {0.0, 2.0}


@pytest.mark.parametrize("make_cell", [
    lambda: rnn_cell.BasicLSTMCell(2),
    lambda: rnn_cell.GRUCell(2),
    lambda: rnn_cell.MultiRNNCell([rnn_cell.LSTMCell(2, use_peepholes=True, num_proj=1),
                                   rnn_cell.BasicRNNCell(2)]),
], ids=["basic_lstm", "gru", "multi"])
def test_gradients_through_the_unrolled_rnn_match_central_differences(make_cell):
    x = tf.placeholder(tf.float64, [2, 3, 2])
    outputs, state = dynamic_rnn(make_cell(), x, dtype=tf.float64, sequence_length=[3, 2])
    loss = tf.reduce_sum(outputs * outputs) + tf.add_n(
        [tf.reduce_sum(s) for s in rnn_cell_impl.flatten(state)])
    with tf.Session():
        tf.global_variables_initializer().run()
        for v in tf.trainable_variables():
            v.load(np.random.RandomState(3).uniform(-0.8, 0.8, v.shape.as_list()))
        x_value = np.random.RandomState(4).uniform(-1, 1, [2, 3, 2])
        weights = [v.value() for v in tf.trainable_variables()]
        shapes = [w.shape.as_list() for w in weights]
        error = compute_gradient_error(
            [x] + weights, [[2, 3, 2]] + shapes, loss, [], delta=1e-6,
            x_init_value=[x_value] + [None] * len(weights), extra_feed_dict={x: x_value})
    assert error < 1e-7


def test_one_training_step_moves_weights_against_the_gradient():
    x = tf.constant(INPUTS)
    outputs, _ = dynamic_rnn(rnn_cell.BasicLSTMCell(2), x, dtype=tf.float64)
    loss = tf.reduce_mean(tf.square(outputs - 0.5))
    variables = tf.trainable_variables()
    grads = tf.gradients(loss, variables)
    train = tf.train.GradientDescentOptimizer(0.3).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        before, grad_values, loss_before = sess.run([variables, grads, loss])
        sess.run(train)
        after, loss_after = sess.run([variables, loss])
    for b, g, a in zip(before, grad_values, after):
        # The learning rate is a float32 constant cast to float64, as in TF.
        np.testing.assert_allclose(a, b - np.float32(0.3) * g, rtol=1e-12)
    assert loss_after < loss_before


def test_reverse_sequence_values_and_gradient():
    from tfcompat.ops.array_extra_ops import reverse_sequence
    x = tf.placeholder(tf.float64, [3, 4, 2])
    y = reverse_sequence(x, tf.constant([4, 0, 2]), seq_axis=1, batch_axis=0)
    value = np.random.RandomState(0).uniform(-1, 1, [3, 4, 2])
    expected = value.copy()
    expected[0] = value[0, ::-1]
    expected[2, :2] = value[2, 1::-1]
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(y, {x: value}), expected)
        error = compute_gradient_error(x, [3, 4, 2], y * y, [3, 4, 2], x_init_value=value)
    assert error < 1e-8
