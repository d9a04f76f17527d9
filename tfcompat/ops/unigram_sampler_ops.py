"""FixedUnigramCandidateSampler and LearnedUnigramCandidateSampler, with TF's seeded streams.

Both draw 32-bit Philox words one at a time from the op's stream (each run reserves
``512 * num_sampled`` blocks, as the other candidate samplers):

- fixed: Walker's alias table over the (distorted) unigram weights; a draw takes a float in
  [0, 1) from one word and a column from the next (``word % n``, rejecting the few words below
  ``2**32 % n``), keeping the column when the float is below its probability, else its alias;
- learned: weights start at 1 for every class and each run adds 1 per true class after sampling;
  a draw takes an unbiased integer below the total weight and picks the class whose cumulative
  weight first exceeds it.

With ``unique`` draws repeat until ``num_sampled`` distinct classes; expected counts are
``p * num_sampled`` when no draw repeated, else ``1 - (1 - p) ** tries``.
"""

from __future__ import annotations

import threading
from collections import namedtuple

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.random_seed import get_seed
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.philox import PhiloxStream, philox_at, uint32_to_float
from tfcompat.platform import gfile

_BLOCKS_PER_SAMPLE = 512
_OUTPUT_FIELDS = ("sampled_candidates", "true_expected_count", "sampled_expected_count")
# TF returns each sampler's outputs as a namedtuple named after its op type.
FixedUnigramOutputs = namedtuple("FixedUnigramCandidateSampler", _OUTPUT_FIELDS)
LearnedUnigramOutputs = namedtuple("LearnedUnigramCandidateSampler", _OUTPUT_FIELDS)
_WORD_RANGE = 1 << 32


class _Words:
    """The 32-bit words of one run's reserved Philox blocks, in order."""

    def __init__(self, stream: PhiloxStream, num_sampled: int):
        self._key = stream.key
        self._counter = stream.reserve(_BLOCKS_PER_SAMPLE * num_sampled)
        self._offset = 0
        self._buffer: list[int] = []

    def next(self) -> int:
        if not self._buffer:
            offsets = np.arange(self._offset, self._offset + 16, dtype=np.uint64)
            self._buffer = philox_at(self._key, self._counter, offsets).reshape(-1).tolist()
            self._buffer.reverse()
            self._offset += 16
        return self._buffer.pop()

    def below(self, n: int) -> int:
        """An unbiased integer in [0, n)."""
        if n & (n - 1) == 0:
            return self.next() & (n - 1)
        reject = _WORD_RANGE % n
        word = self.next()
        while word < reject:
            word = self.next()
        return word % n


def _expected_counts(probability: np.ndarray, num_sampled: int, tries: int) -> np.ndarray:
    probability = np.asarray(probability, np.float64)
    if tries == num_sampled:
        return (probability * num_sampled).astype(np.float32)
    return (-np.expm1(tries * np.log1p(-probability))).astype(np.float32)


def _sample(draw, num_sampled: int, unique: bool) -> tuple[np.ndarray, int]:
    sampled: list[int] = []
    seen: set[int] = set()
    tries = 0
    while len(sampled) < num_sampled:
        value = draw()
        tries += 1
        if unique:
            if value in seen:
                continue
            seen.add(value)
        sampled.append(value)
    return np.asarray(sampled, np.int64), tries


def _check_true_classes(true_classes, num_true: int) -> np.ndarray:
    true_classes = np.asarray(true_classes)
    if true_classes.ndim != 2:
        raise errors.InvalidArgumentError(None, None, "true_classes must be a matrix")
    if true_classes.shape[1] != num_true:
        raise errors.InvalidArgumentError(
            None, None, "true_classes must have num_true columns, expected: "
            f"{true_classes.shape[1]} was: {num_true}")  # TF's wording swaps the two
    return true_classes


def _sampler_shape(op):
    true_classes = op.inputs[0]
    batch = true_classes.shape.as_tuple()[0] if true_classes.shape.ndims == 2 else None
    n = op._attrs["num_sampled"]
    return [(dtypes.int64, TensorShape._from_tuple((n,))),
            (dtypes.float32, TensorShape._from_tuple((batch, op._attrs["num_true"]))),
            (dtypes.float32, TensorShape._from_tuple((n,)))]


def _run_sampler(op, state, make_sampler):
    """The kernel of a sampler op: its state (stream and sampler) lives in the session."""
    states = state.random_streams
    key = ("unigram", id(op))
    if key not in states:
        states[key] = (PhiloxStream(op._attrs["seed"], op._attrs["seed2"]), make_sampler(op),
                       threading.Lock())
    stream, sampler, lock = states[key]
    attrs = op._attrs
    num_sampled, unique, num_true = attrs["num_sampled"], attrs["unique"], attrs["num_true"]

    def kernel(true_classes):
        true_classes = _check_true_classes(true_classes, num_true)
        if unique and num_sampled > sampler.range:
            raise errors.InvalidArgumentError(None, None, "Sampler's range is too small.")
        outside = (true_classes < 0) | (true_classes >= sampler.range)
        if outside.any():
            raise errors.InvalidArgumentError(
                None, None, f"`true_candidate` out of range [0, {sampler.range}), received "
                f"{true_classes[outside][0]}")
        with lock:
            words = _Words(stream, num_sampled)
            sampled, tries = _sample(lambda: sampler.draw(words), num_sampled, unique)
            true_expected = _expected_counts(sampler.probability(true_classes), num_sampled,
                                             tries)
            sampled_expected = _expected_counts(sampler.probability(sampled), num_sampled,
                                                tries)
            sampler.update(true_classes)
        return sampled, true_expected, sampled_expected
    return kernel


# ---- FixedUnigramCandidateSampler ------------------------------------------------------------

class _AliasSampler:
    """Walker's alias method over fixed weights (float32, as TF keeps them)."""

    def __init__(self, weights: np.ndarray):
        weights = np.asarray(weights, np.float32)
        n = self.range = len(weights)
        self._weights = weights
        self._total = np.float32(weights.astype(np.float64).sum())
        scaled = weights.astype(np.float64) * n / weights.astype(np.float64).sum()
        alias = list(range(n))
        small = [i for i in range(n) if scaled[i] < 1.0]
        large = [i for i in range(n) if scaled[i] >= 1.0]
        while small and large:
            low, high = small.pop(), large.pop()
            alias[low] = high
            scaled[high] -= 1.0 - scaled[low]
            (small if scaled[high] < 1.0 else large).append(high)
        for leftover in small + large:  # rounding left them unpaired: always themselves
            scaled[leftover], alias[leftover] = 1.0, leftover
        self._keep = scaled.astype(np.float32)
        self._alias = alias

    def draw(self, words: _Words) -> int:
        u = uint32_to_float(np.array([words.next()], np.uint32))[0]
        column = words.below(self.range)
        return column if u < self._keep[column] else self._alias[column]

    def probability(self, ids: np.ndarray) -> np.ndarray:
        return self._weights[np.asarray(ids, np.int64)] / self._total

    def update(self, true_classes) -> None:
        """Fixed weights do not learn."""


def _vocab_counts(path: str) -> list[float]:
    with gfile.GFile(path, "r") as f:
        return [float(line.rstrip("\n").split(",")[-1]) for line in f if line.strip()]


def _fixed_sampler(op) -> _AliasSampler:
    attrs = op._attrs
    shards, shard = attrs["num_shards"], attrs["shard"]
    if attrs["vocab_file"]:
        counts = _vocab_counts(attrs["vocab_file"])
    elif attrs["unigrams"]:
        counts = list(attrs["unigrams"])
    else:
        raise errors.InvalidArgumentError(None, None,
                                          "Must provide either vocab_file or unigrams.")
    # TF's shard rule: reserved ids j of this shard get weight 0; the unigrams then count their
    # ids from the number of reserved weights kept (not from num_reserved_ids).
    weights = [0.0 for j in range(attrs["num_reserved_ids"]) if j % shards == shard]
    first_id = len(weights)
    weights += [float(np.float32(c) ** np.float32(attrs["distortion"]))
                for i, c in enumerate(counts) if (first_id + i) % shards == shard]
    if attrs["range_max"] != len(weights):
        raise errors.InvalidArgumentError(
            None, None, f"range is {attrs['range_max']} must be equal to weights size  "
            f"{len(weights)}")
    return _AliasSampler(np.asarray(weights, np.float32))


def _bind_fixed(op, state):
    try:
        return _run_sampler(op, state, _fixed_sampler)
    except errors.InvalidArgumentError as error:
        message = error.message

        def failing(true_classes):
            raise errors.InvalidArgumentError(None, None, message)
        return failing


register_op("FixedUnigramCandidateSampler", inputs=("true_classes: int64",), bind=_bind_fixed,
            shape_fn=_sampler_shape, stateful=True,
            attr_defaults={"seed": 0, "seed2": 0, "vocab_file": "", "distortion": 1.0,
                           "num_reserved_ids": 0, "num_shards": 1, "shard": 0, "unigrams": []},
            grad=NOT_DIFFERENTIABLE)


def fixed_unigram_candidate_sampler(true_classes, num_true, num_sampled, unique, range_max,
                                    vocab_file="", distortion=1.0, num_reserved_ids=0,
                                    num_shards=1, shard=0, unigrams=(), seed=None, name=None):
    """Samples classes from a fixed unigram distribution (``unigrams`` or the last column of
    the CSV ``vocab_file``), each count raised to ``distortion``; ids below
    ``num_reserved_ids`` have probability 0. With ``num_shards``, only ids ``i`` with
    ``i % num_shards == shard`` are kept (``range_max`` must equal their number). Returns
    ``(sampled_candidates, true_expected_count, sampled_expected_count)``."""
    seed1, seed2 = get_seed(seed)
    return FixedUnigramOutputs(*apply_op(
        "FixedUnigramCandidateSampler", [true_classes], name=name, attrs={
        "num_true": int(num_true), "num_sampled": int(num_sampled), "unique": bool(unique),
        "range_max": int(range_max), "vocab_file": str(vocab_file),
        "distortion": float(distortion), "num_reserved_ids": int(num_reserved_ids),
        "num_shards": int(num_shards), "shard": int(shard),
        "unigrams": [float(u) for u in unigrams],
        "seed": int(seed1 or 0), "seed2": int(seed2 or 0)}))


# ---- LearnedUnigramCandidateSampler ----------------------------------------------------------

class _LearnedSampler:
    """Integer weights starting at 1, incremented by each run's true classes."""

    def __init__(self, range_max: int):
        self.range = range_max
        self._weights = np.ones(range_max, np.int64)

    def draw(self, words: _Words) -> int:
        target = words.below(int(self._weights.sum()))
        return int(np.searchsorted(np.cumsum(self._weights), target, side="right"))

    def probability(self, ids: np.ndarray) -> np.ndarray:
        total = np.float32(self._weights.sum())
        return self._weights[np.asarray(ids, np.int64)].astype(np.float32) / total

    def update(self, true_classes) -> None:
        np.add.at(self._weights, np.asarray(true_classes, np.int64).reshape(-1), 1)


register_op("LearnedUnigramCandidateSampler", inputs=("true_classes: int64",),
            bind=lambda op, state: _run_sampler(
                op, state, lambda o: _LearnedSampler(o._attrs["range_max"])),
            shape_fn=_sampler_shape, stateful=True, attr_defaults={"seed": 0, "seed2": 0},
            grad=NOT_DIFFERENTIABLE)


def learned_unigram_candidate_sampler(true_classes, num_true, num_sampled, unique, range_max,
                                      seed=None, name=None):
    """Samples classes from the unigram distribution of the true classes seen so far (each
    class starts with count 1; every run counts its ``true_classes`` after sampling)."""
    seed1, seed2 = get_seed(seed)
    return LearnedUnigramOutputs(*apply_op(
        "LearnedUnigramCandidateSampler", [true_classes], name=name, attrs={
        "num_true": int(num_true), "num_sampled": int(num_sampled), "unique": bool(unique),
        "range_max": int(range_max), "seed": int(seed1 or 0), "seed2": int(seed2 or 0)}))
