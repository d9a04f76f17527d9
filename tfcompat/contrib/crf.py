"""``tf.contrib.crf``: a linear-chain conditional random field (TF 1.15's API).

For unary potentials ``inputs[b, t, tag]``, a transition matrix ``T[i, j]`` and lengths
``L[b]``, the score of a tag sequence y is ``sum_{t<L} inputs[b, t, y_t] + sum_{1<=t<L}
T[y_{t-1}, y_t]``; ``crf_log_norm`` is the log-sum-exp of that score over all sequences
(the forward algorithm), and ``crf_log_likelihood`` their difference. ``crf_decode`` finds the
best sequence in the graph (Viterbi), ``viterbi_decode`` in numpy. Positions past a sequence's
length score nothing and decode to tag 0; a length of 0 has score and log-norm 0.

tfcompat unrolls the recursions over the time axis, which must therefore be statically known.
"""

from __future__ import annotations

import numpy as np

from tfcompat.contrib._aliases import make_getattr
from tfcompat.framework import dtypes
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops import array_ops, math_ops, slicing_ops
from tfcompat.variables import variable_scope as vs

__all__ = ["crf_binary_score", "crf_decode", "crf_log_likelihood", "crf_log_norm",
           "crf_sequence_score", "crf_unary_score", "viterbi_decode"]


def _static_steps(inputs) -> tuple[int, int]:
    shape = inputs.shape
    if shape.ndims != 3 or shape[1].value is None or shape[2].value is None:
        raise ValueError("tfcompat's tf.contrib.crf needs inputs of static shape "
                         f"[batch_size, max_seq_len, num_tags] in the last two dims, got {shape}")
    return shape[1].value, shape[2].value


def _mask(sequence_lengths, steps: int, dtype):
    """``[batch, steps]``: 1 where t < length."""
    positions = array_ops.expand_dims(math_ops.range(steps), 0)
    lengths = array_ops.expand_dims(math_ops.cast(sequence_lengths, dtypes.int32), 1)
    return math_ops.cast(math_ops.less(positions, lengths), dtype)


def crf_unary_score(tag_indices, sequence_lengths, inputs):
    """``sum_{t<L} inputs[b, t, tag_indices[b, t]]``, shape ``[batch]``."""
    inputs = convert_to_tensor(inputs)
    steps, num_tags = _static_steps(inputs)
    picked = math_ops.reduce_sum(
        inputs * slicing_ops.one_hot(tag_indices, num_tags, dtype=inputs.dtype), axis=2)
    return math_ops.reduce_sum(picked * _mask(sequence_lengths, steps, inputs.dtype), axis=1)


def crf_binary_score(tag_indices, sequence_lengths, transition_params):
    """``sum_{1<=t<L} transition_params[tag_{t-1}, tag_t]``, shape ``[batch]``."""
    tag_indices = convert_to_tensor(tag_indices)
    transition_params = convert_to_tensor(transition_params)
    steps = tag_indices.shape[1].value
    num_tags = transition_params.shape[0].value
    if steps is None or num_tags is None:
        raise ValueError("tfcompat's tf.contrib.crf needs static max_seq_len and num_tags")
    dtype = transition_params.dtype
    start = slicing_ops.one_hot(tag_indices[:, :-1], num_tags, dtype=dtype)
    end = slicing_ops.one_hot(tag_indices[:, 1:], num_tags, dtype=dtype)
    rows = math_ops.matmul(array_ops.reshape(start, [-1, num_tags]), transition_params)
    scores = math_ops.reduce_sum(rows * array_ops.reshape(end, [-1, num_tags]), axis=1)
    scores = array_ops.reshape(scores, [-1, steps - 1])
    mask = _mask(sequence_lengths, steps, dtype)[:, 1:]
    return math_ops.reduce_sum(scores * mask, axis=1)


def crf_sequence_score(inputs, tag_indices, sequence_lengths, transition_params):
    """The unnormalized score of ``tag_indices``, shape ``[batch]``."""
    inputs = convert_to_tensor(inputs)
    steps, _ = _static_steps(inputs)
    unary = crf_unary_score(tag_indices, sequence_lengths, inputs)
    if steps == 1:
        return unary
    return unary + crf_binary_score(tag_indices, sequence_lengths, transition_params)


def crf_log_norm(inputs, sequence_lengths, transition_params):
    """``log sum_y exp(score(y))`` over all tag sequences (forward algorithm), ``[batch]``."""
    inputs = convert_to_tensor(inputs)
    transition_params = convert_to_tensor(transition_params)
    steps, _ = _static_steps(inputs)
    alphas = inputs[:, 0, :]
    if steps > 1:
        mask = math_ops.cast(_mask(sequence_lengths, steps, inputs.dtype), dtypes.bool_)
        transitions = array_ops.expand_dims(transition_params, 0)
        for t in range(1, steps):
            scores = array_ops.expand_dims(alphas, 2) + transitions
            updated = math_ops.reduce_logsumexp(scores, axis=1) + inputs[:, t, :]
            alphas = array_ops.select_v2(mask[:, t:t + 1], updated, alphas)
    log_norm = math_ops.reduce_logsumexp(alphas, axis=1)
    empty = math_ops.less_equal(sequence_lengths, 0)
    return array_ops.select_v2(empty, array_ops.zeros_like(log_norm), log_norm)


def crf_log_likelihood(inputs, tag_indices, sequence_lengths, transition_params=None):
    """``(log p(tag_indices | inputs), transition_params)``; creates the variable
    ``transitions`` ``[num_tags, num_tags]`` when no transition matrix is given."""
    inputs = convert_to_tensor(inputs)
    _, num_tags = _static_steps(inputs)
    if transition_params is None:
        transition_params = vs.get_variable("transitions", [num_tags, num_tags])
    sequence_scores = crf_sequence_score(inputs, tag_indices, sequence_lengths,
                                         transition_params)
    log_norm = crf_log_norm(inputs, sequence_lengths, transition_params)
    return sequence_scores - log_norm, transition_params


def crf_decode(potentials, transition_params, sequence_length):
    """The highest scoring tag sequences (``[batch, max_seq_len]`` int32, 0 past each length)
    and their scores (``[batch]``)."""
    potentials = convert_to_tensor(potentials)
    transition_params = convert_to_tensor(transition_params)
    steps, num_tags = _static_steps(potentials)
    if steps == 1:
        tags = math_ops.argmax(potentials, axis=2, output_type=dtypes.int32)
        return tags, math_ops.reduce_max(potentials, axis=[1, 2])
    lengths = math_ops.cast(sequence_length, dtypes.int32)
    mask = math_ops.cast(_mask(lengths, steps, dtypes.int32), dtypes.bool_)
    transitions = array_ops.expand_dims(transition_params, 0)
    alphas = potentials[:, 0, :]
    backpointers = []  # backpointers[t - 1][b, j]: the best tag at t - 1 before tag j at t
    for t in range(1, steps):
        scores = array_ops.expand_dims(alphas, 2) + transitions
        best = math_ops.argmax(scores, axis=1, output_type=dtypes.int32)
        updated = math_ops.reduce_max(scores, axis=1) + potentials[:, t, :]
        alphas = array_ops.select_v2(mask[:, t:t + 1], updated, alphas)
        backpointers.append(array_ops.select_v2(mask[:, t:t + 1], best,
                                                array_ops.zeros_like(best)))
    last_tag = math_ops.argmax(alphas, axis=1, output_type=dtypes.int32)
    best_score = math_ops.reduce_max(alphas, axis=1)
    zeros = array_ops.zeros_like(last_tag)
    current = last_tag
    tags = [None] * steps
    for t in range(steps - 1, -1, -1):
        is_last = math_ops.equal(lengths, t + 1)
        if t < steps - 1:
            previous = math_ops.reduce_sum(
                backpointers[t] * slicing_ops.one_hot(current, num_tags, dtype=dtypes.int32),
                axis=1)
            inside = math_ops.less(t + 1, lengths)
            tag = array_ops.select_v2(is_last, last_tag,
                                      array_ops.select_v2(inside, previous, zeros))
        else:
            tag = array_ops.select_v2(is_last, last_tag, zeros)
        current = array_ops.select_v2(math_ops.less(t, lengths), tag, current)
        tags[t] = tag
    return array_ops.stack(tags, axis=1), best_score


def viterbi_decode(score, transition_params):
    """Viterbi in numpy: ``(best tag list, its score)`` for one ``[seq_len, num_tags]`` score."""
    score = np.asarray(score)
    transition_params = np.asarray(transition_params)
    trellis = np.zeros_like(score)
    backpointers = np.zeros_like(score, dtype=np.int32)
    trellis[0] = score[0]
    for t in range(1, score.shape[0]):
        v = np.expand_dims(trellis[t - 1], 1) + transition_params
        trellis[t] = score[t] + np.max(v, 0)
        backpointers[t] = np.argmax(v, 0)
    viterbi = [np.argmax(trellis[-1])]
    for bp in reversed(backpointers[1:]):
        viterbi.append(bp[viterbi[-1]])
    viterbi.reverse()
    return viterbi, np.max(trellis[-1])


__getattr__ = make_getattr("tf.contrib.crf", __name__)
