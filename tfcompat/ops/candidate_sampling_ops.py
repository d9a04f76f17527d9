"""Candidate samplers (uniform, log-uniform, all), ComputeAccidentalHits, and the sampled losses
nce_loss / sampled_softmax_loss built on them.

The random samplers draw from the op's Philox stream like TF's CPU kernels: one 64-bit value
per draw (two words, the second the high half), ``value % range_max`` for uniform and
``floor(exp(u * log(range_max + 1))) - 1`` for log-uniform (``u`` a float64 uniform). With
``unique`` they redraw until ``num_sampled`` distinct values; each run reserves
``512 * num_sampled`` blocks.
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.framework.random_seed import get_seed
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, math_ops, nn_ops, slicing_ops
from tfcompat.ops.philox import PhiloxStream, philox_at, uint64_to_double
from tfcompat.ops.scatter_nd_ops import scatter_nd

_BLOCKS_PER_SAMPLE = 512


def _uniform_value(low: int, high: int, range_max: int) -> int:
    return ((high << 32) | low) % range_max


def _log_uniform_value(low: int, high: int, range_max: int) -> int:
    u = float(uint64_to_double(np.array([low], np.uint32), np.array([high], np.uint32))[0])
    return int(math.exp(u * math.log(range_max + 1))) - 1


def _uniform_probability(ids: np.ndarray, range_max: int) -> np.ndarray:
    return np.full(np.shape(ids), 1.0 / range_max)


def _log_uniform_probability(ids: np.ndarray, range_max: int) -> np.ndarray:
    ids = np.asarray(ids, np.float64)
    return (np.log(ids + 2.0) - np.log(ids + 1.0)) / math.log(range_max + 1.0)


_SAMPLERS = {"UniformCandidateSampler": (_uniform_value, _uniform_probability),
             "LogUniformCandidateSampler": (_log_uniform_value, _log_uniform_probability)}


def _draw(stream: PhiloxStream, value_fn, num_sampled: int, unique: bool, range_max: int):
    counter = stream.reserve(_BLOCKS_PER_SAMPLE * num_sampled)
    chunk = max(4, num_sampled)
    offset = 0
    words: list[int] = []
    sampled: list[int] = []
    seen: set[int] = set()
    tries = 0
    while len(sampled) < num_sampled:
        if len(words) < 2:
            block = philox_at(stream.key, counter, np.arange(offset, offset + chunk,
                                                             dtype=np.uint64))
            words.extend(int(w) for w in block.reshape(-1))
            offset += chunk
        low, high = words[0], words[1]
        del words[:2]
        value = value_fn(low, high, range_max)
        tries += 1
        if unique:
            if value in seen:
                continue
            seen.add(value)
        sampled.append(value)
    return np.asarray(sampled, np.int64), tries


def _expected(probability: np.ndarray, num_sampled: int, tries: int, unique: bool):
    if unique:
        return -np.expm1(tries * np.log1p(-probability))
    return probability * num_sampled


def _bind_sampler(op_type: str):
    value_fn, probability_fn = _SAMPLERS[op_type]

    def bind(op, state):
        # The op's stream in this session (as the stateful random ops keep theirs).
        streams = state.random_streams
        if id(op) not in streams:
            streams[id(op)] = PhiloxStream(op._attrs["seed"], op._attrs["seed2"])
        stream = streams[id(op)]
        num_sampled, unique = op._attrs["num_sampled"], op._attrs["unique"]
        range_max, num_true = op._attrs["range_max"], op._attrs["num_true"]

        def kernel(true_classes):
            true_classes = np.asarray(true_classes)
            if true_classes.ndim != 2 or true_classes.shape[1] != num_true:
                raise errors.InvalidArgumentError(
                    None, None, f"true_classes must be a matrix with num_true={num_true} "
                    "columns")
            if unique and num_sampled > range_max:
                raise errors.InvalidArgumentError(
                    None, None, "Sampler's range is too small.")
            sampled, tries = _draw(stream, value_fn, num_sampled, unique, range_max)
            true_expected = _expected(probability_fn(true_classes, range_max), num_sampled,
                                      tries, unique)
            sampled_expected = _expected(probability_fn(sampled, range_max), num_sampled,
                                         tries, unique)
            return (sampled, true_expected.astype(np.float32),
                    sampled_expected.astype(np.float32))
        return kernel
    return bind


def _sampler_shape(op):
    true_classes = op.inputs[0]
    batch = true_classes.shape.as_tuple()[0] if true_classes.shape.ndims == 2 else None
    n = op._attrs["num_sampled"]
    return [(dtypes.int64, TensorShape._from_tuple((n,))),
            (dtypes.float32, TensorShape._from_tuple((batch, op._attrs["num_true"]))),
            (dtypes.float32, TensorShape._from_tuple((n,)))]


for _op_type in _SAMPLERS:
    register_op(_op_type, inputs=("true_classes: int64",), bind=_bind_sampler(_op_type),
                shape_fn=_sampler_shape, stateful=True, attr_defaults={"seed": 0, "seed2": 0},
                grad=NOT_DIFFERENTIABLE)


def _sampler(op_type, true_classes, num_true, num_sampled, unique, range_max, seed, name):
    seed1, seed2 = get_seed(seed)
    return tuple(apply_op(op_type, [true_classes], name=name, attrs={
        "num_true": int(num_true), "num_sampled": int(num_sampled), "unique": bool(unique),
        "range_max": int(range_max), "seed": int(seed1 or 0), "seed2": int(seed2 or 0)}))


def uniform_candidate_sampler(true_classes, num_true, num_sampled, unique, range_max,
                              seed=None, name=None):
    """Samples classes uniformly from [0, range_max): ``(sampled, true_expected_count,
    sampled_expected_count)``."""
    return _sampler("UniformCandidateSampler", true_classes, num_true, num_sampled, unique,
                    range_max, seed, name)


def log_uniform_candidate_sampler(true_classes, num_true, num_sampled, unique, range_max,
                                  seed=None, name=None):
    """Samples classes from the log-uniform (Zipfian) distribution over [0, range_max)."""
    return _sampler("LogUniformCandidateSampler", true_classes, num_true, num_sampled, unique,
                    range_max, seed, name)


# ---- AllCandidateSampler ---------------------------------------------------------------------

def _all_kernel(true_classes, num_sampled):
    true_classes = np.asarray(true_classes)
    return (np.arange(num_sampled, dtype=np.int64), np.ones(true_classes.shape, np.float32),
            np.ones(num_sampled, np.float32))


register_op("AllCandidateSampler", inputs=("true_classes: int64",), kernel=_all_kernel,
            kernel_attrs=("num_sampled",), shape_fn=_sampler_shape,
            attr_defaults={"seed": 0, "seed2": 0}, grad=NOT_DIFFERENTIABLE)


def all_candidate_sampler(true_classes, num_true, num_sampled, unique, seed=None, name=None):
    """'Samples' every class 0 .. num_sampled - 1, with expected counts 1."""
    seed1, seed2 = get_seed(seed)
    return tuple(apply_op("AllCandidateSampler", [true_classes], name=name, attrs={
        "num_true": int(num_true), "num_sampled": int(num_sampled), "unique": bool(unique),
        "seed": int(seed1 or 0), "seed2": int(seed2 or 0)}))


# ---- ComputeAccidentalHits -------------------------------------------------------------------

def _hits_kernel(true_classes, sampled_candidates, num_true):
    true_classes = np.asarray(true_classes)
    position = {int(v): j for j, v in enumerate(np.asarray(sampled_candidates))}  # last wins
    indices, ids = [], []
    for row, labels in enumerate(true_classes):
        for label in labels:
            j = position.get(int(label))
            if j is not None:
                indices.append(row)
                ids.append(j)
    weights = np.full(len(ids), -np.finfo(np.float32).max, np.float32)
    return np.asarray(indices, np.int32), np.asarray(ids, np.int64), weights


def _hits_shape(op):
    unknown = TensorShape._from_tuple((None,))
    return [(dtypes.int32, unknown), (dtypes.int64, unknown), (dtypes.float32, unknown)]


register_op("ComputeAccidentalHits", inputs=("true_classes: int64", "sampled_candidates: int64"),
            kernel=_hits_kernel, kernel_attrs=("num_true",), shape_fn=_hits_shape,
            attr_defaults={"seed": 0, "seed2": 0}, grad=NOT_DIFFERENTIABLE)


def compute_accidental_hits(true_classes, sampled_candidates, num_true, seed=None, name=None):
    """Positions of sampled candidates equal to a true class: ``(indices, ids, weights)``."""
    seed1, seed2 = get_seed(seed)
    return tuple(apply_op("ComputeAccidentalHits", [true_classes, sampled_candidates],
                          name=name, attrs={"num_true": int(num_true),
                                            "seed": int(seed1 or 0),
                                            "seed2": int(seed2 or 0)}))


# ---- sampled losses --------------------------------------------------------------------------

def _sampled_logits(weights, biases, labels, inputs, num_sampled, num_classes, num_true,
                    sampled_values, subtract_log_q, remove_accidental_hits):
    """Logits of the true and sampled classes, and their target probabilities."""
    if isinstance(weights, (list, tuple)):
        if len(weights) != 1:
            raise NotImplementedError("partitioned weights are not supported by tfcompat yet")
        weights = weights[0]
    labels = math_ops.cast(convert_to_tensor(labels), dtypes.int64)
    if labels.shape.ndims == 1:
        labels = array_ops.expand_dims(labels, -1)
    labels_flat = array_ops.reshape(labels, [-1])
    if sampled_values is None:
        sampled_values = log_uniform_candidate_sampler(labels, num_true, num_sampled, True,
                                                       num_classes)
    sampled, true_expected, sampled_expected = (array_ops.stop_gradient(v)
                                                for v in sampled_values)
    sampled = math_ops.cast(sampled, dtypes.int64)
    all_ids = array_ops.concat([labels_flat, sampled], 0)
    all_w = nn_ops.embedding_lookup(weights, all_ids)
    n_true = array_ops.size(labels_flat)
    true_w = slicing_ops.slice(all_w, array_ops.stack([0, 0]), array_ops.stack([n_true, -1]))
    sampled_w = slicing_ops.slice(all_w, array_ops.stack([n_true, 0]), [-1, -1])
    sampled_logits = math_ops.matmul(inputs, sampled_w, transpose_b=True)
    all_b = nn_ops.embedding_lookup(biases, all_ids)
    true_b = slicing_ops.slice(all_b, array_ops.stack([0]), array_ops.stack([n_true]))
    sampled_b = slicing_ops.slice(all_b, array_ops.stack([n_true]), [-1])
    dim = array_ops.shape(true_w)[1:2]
    true_w = array_ops.reshape(true_w, array_ops.concat([[-1, num_true], dim], 0))
    true_logits = math_ops.reduce_sum(array_ops.expand_dims(inputs, 1) * true_w, -1)
    true_logits = true_logits + array_ops.reshape(true_b, [-1, num_true])
    sampled_logits = sampled_logits + sampled_b
    if remove_accidental_hits:
        indices, ids, hit_weights = compute_accidental_hits(labels, sampled, num_true)
        positions = array_ops.stack([math_ops.cast(indices, dtypes.int64), ids], 1)
        shape = math_ops.cast(array_ops.shape(sampled_logits), dtypes.int64)
        sampled_logits = sampled_logits + math_ops.cast(
            scatter_nd(positions, hit_weights, shape), sampled_logits.dtype)
    if subtract_log_q:
        true_logits = true_logits - math_ops.log(math_ops.cast(true_expected,
                                                               true_logits.dtype))
        sampled_logits = sampled_logits - math_ops.log(math_ops.cast(sampled_expected,
                                                                     sampled_logits.dtype))
    out_logits = array_ops.concat([true_logits, sampled_logits], 1)
    out_labels = array_ops.concat([array_ops.ones_like(true_logits) / num_true,
                                   array_ops.zeros_like(sampled_logits)], 1)
    return out_logits, out_labels


def nce_loss(weights, biases, labels, inputs, num_sampled, num_classes, num_true=1,
             sampled_values=None, remove_accidental_hits=False, partition_strategy="mod",
             name="nce_loss") -> Tensor:
    """Noise-contrastive estimation loss per example (sigmoid over true and sampled classes)."""
    del partition_strategy
    with ops.name_scope(name, "nce_loss"):
        logits, targets = _sampled_logits(weights, biases, labels, inputs, num_sampled,
                                          num_classes, num_true, sampled_values, True,
                                          remove_accidental_hits)
        losses = nn_ops.sigmoid_cross_entropy_with_logits(labels=targets, logits=logits)
        return math_ops.reduce_sum(losses, 1)


def sampled_softmax_loss(weights, biases, labels, inputs, num_sampled, num_classes,
                         num_true=1, sampled_values=None, remove_accidental_hits=True,
                         partition_strategy="mod", name="sampled_softmax_loss") -> Tensor:
    """Softmax loss over the true and sampled classes only, per example."""
    del partition_strategy
    with ops.name_scope(name, "sampled_softmax_loss"):
        logits, targets = _sampled_logits(weights, biases, labels, inputs, num_sampled,
                                          num_classes, num_true, sampled_values, True,
                                          remove_accidental_hits)
        targets = array_ops.stop_gradient(targets)
        return nn_ops.softmax_cross_entropy_with_logits_v2(labels=targets, logits=logits)
