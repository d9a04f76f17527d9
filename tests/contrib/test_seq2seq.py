"""tf.contrib.seq2seq decoding: lengths, early stop, impute_finished, time-major output,
tile_batch, and what tfcompat's unrolled dynamic_decode needs."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf

s2s = tf.contrib.seq2seq


class CountingCell(tf.nn.rnn_cell.RNNCell):
    """Output = input + state; state += 1: easy to follow by hand."""

    @property
    def state_size(self):
        return 1

    @property
    def output_size(self):
        return 1

    def call(self, inputs, state):
        return inputs + state, state + 1.0


def decode(lengths, impute_finished=False, output_time_major=False):
    inputs = tf.constant(np.arange(12, dtype=np.float32).reshape(3, 4, 1))
    helper = s2s.TrainingHelper(inputs, tf.constant(lengths))
    decoder = s2s.BasicDecoder(CountingCell(), helper, tf.zeros([3, 1]))
    return s2s.dynamic_decode(decoder, impute_finished=impute_finished,
                              output_time_major=output_time_major)


def test_training_helper_runs_max_length_steps():
    (outputs, sample_ids), state, lengths = decode([2, 3, 1])
    with tf.Session() as sess:
        out, ids, final, n = sess.run([outputs, sample_ids, state, lengths])
    assert out.shape == (3, 3, 1) and ids.dtype == np.int32
    np.testing.assert_array_equal(out[:, :, 0], [[0, 2, 4], [4, 6, 8], [8, 10, 12]])
    assert final[:, 0].tolist() == [3, 3, 3] and n.tolist() == [2, 3, 1]


def test_impute_finished_zeroes_outputs_and_keeps_states():
    (outputs, _), state, _ = decode([2, 3, 1], impute_finished=True)
    (time_major, _), _, _ = decode([2, 3, 1], output_time_major=True)
    with tf.Session() as sess:
        out, final, major = sess.run([outputs, state, time_major])
    np.testing.assert_array_equal(out[:, :, 0], [[0, 2, 0], [4, 6, 8], [8, 0, 0]])
    assert final[:, 0].tolist() == [2, 3, 1]
    assert major.shape == (3, 3, 1)


def test_greedy_helper_stops_at_end_token_or_maximum_iterations():
    embedding = tf.constant(np.eye(3, dtype=np.float32))

    class Next(tf.nn.rnn_cell.RNNCell):  # logits favour (token + 1) % 3
        state_size = 1
        output_size = 3

        def call(self, inputs, state):
            return tf.matmul(inputs, tf.constant(np.roll(np.eye(3, dtype=np.float32), 1, 1))), \
                state

    helper = s2s.GreedyEmbeddingHelper(embedding, tf.constant([0, 1]), 2)
    outputs, _, lengths = s2s.dynamic_decode(
        s2s.BasicDecoder(Next(), helper, tf.zeros([2, 1])), maximum_iterations=6)
    with tf.Session() as sess:
        ids, n = sess.run([outputs.sample_id, lengths])
    assert ids.tolist() == [[1, 2], [2, 0]] and n.tolist() == [2, 1]


def test_tile_batch():
    tiled = s2s.tile_batch(tf.constant([[1, 2], [3, 4]]), 3)
    assert tiled.shape.as_list() == [6, 2]
    with tf.Session() as sess:
        assert sess.run(tiled).tolist() == [[1, 2]] * 3 + [[3, 4]] * 3


def test_unrolling_needs_a_bound():
    helper = s2s.GreedyEmbeddingHelper(tf.constant(np.eye(3)), tf.constant([0]), 2)
    decoder = s2s.BasicDecoder(CountingCell(), helper, tf.zeros([1, 1]))
    with pytest.raises(ValueError, match="needs maximum_iterations"):
        s2s.dynamic_decode(decoder)
    with pytest.raises(AttributeError, match="tf.contrib.seq2seq.BeamSearchDecoder is not "
                                             "supported by tfcompat yet"):
        _ = s2s.BeamSearchDecoder


def test_luong_attention_scores_against_numpy():
    rng = np.random.RandomState(0)
    memory_value = rng.randn(2, 3, 4)
    query_value = rng.randn(2, 5)
    mechanism = s2s.LuongAttention(5, tf.constant(memory_value),
                                   memory_sequence_length=tf.constant([3, 1]), scale=True)
    alignments, _ = mechanism(tf.constant(query_value), state=None)
    [memory_kernel] = [v for v in tf.global_variables() if v.name == "memory_layer/kernel:0"]
    assert {v.name for v in tf.global_variables()} == {"memory_layer/kernel:0",
                                                       "luong_attention/attention_g:0"}
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        got, kernel = sess.run([alignments, memory_kernel])
    scores = np.einsum("btu,bu->bt", memory_value @ kernel, query_value)
    scores[1, 1:] = -np.inf
    expected = np.exp(scores - scores.max(1, keepdims=True))
    expected /= expected.sum(1, keepdims=True)
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def test_attention_wrapper_state_and_unsupported_options():
    mechanism = s2s.BahdanauAttention(3, tf.zeros([2, 4, 3]))
    cell = s2s.AttentionWrapper(tf.nn.rnn_cell.GRUCell(3), mechanism, output_attention=False)
    state = cell.zero_state(2, tf.float32)
    assert isinstance(state, s2s.AttentionWrapperState)
    assert state.attention.shape.as_list() == [2, 3] and state.alignments.shape.as_list() == [2, 4]
    replaced = state.clone(cell_state=tf.ones([2, 3]))
    assert replaced.cell_state.op.type != state.cell_state.op.type
    output, next_state = cell(tf.zeros([2, 1]), state)
    assert output.shape.as_list() == [2, 3] and next_state.time.dtype == tf.int32
    with pytest.raises(NotImplementedError, match=r"BahdanauAttention\(normalize=...\)"):
        s2s.BahdanauAttention(3, tf.zeros([2, 4, 3]), normalize=True)
    with pytest.raises(NotImplementedError, match="several attention mechanisms"):
        s2s.AttentionWrapper(tf.nn.rnn_cell.GRUCell(3), [mechanism, mechanism])
