"""Random-op cases and their values recorded from TensorFlow 2.21 (CPU).

Each case builds a fresh graph with ``tf`` (real TensorFlow or tfcompat) and returns the tensors
to fetch; ``evaluate`` runs them twice in one session and once in a new session, which checks
the values, the per-run skip-ahead and the restart of a new session. Large outputs are stored
as a SHA-256 of their bytes plus their first values. Multinomial's values also depend on the
number of threads TF ran with, recorded as "threads". Re-record with::

    /opt/tfvenv/bin/python tests/ops/random_ops_oracle.py
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

DATA_PATH = Path(__file__).resolve().parent / "data" / "random_ops_oracle.json"
_DIGEST_ABOVE = 64  # outputs with more elements are stored as a digest


def _seeded(graph_seed, build):
    def case(tf):
        if graph_seed is not None:
            tf.set_random_seed(graph_seed)
        return build(tf)
    return case


def _sample(tensor):
    """The random op's own output under the Mul/AddV2 that rescale it."""
    return tensor.op.inputs[0].op.inputs[0]


def _logits(rows: int, classes: int, scale: float, seed: int) -> list:
    return (np.random.RandomState(seed).randn(rows, classes) * scale).astype(np.float32).tolist()


CASES = {
    # The seed article's numbers: graph seed only, then op seed only.
    "graph_seed_uniform_then_normal": _seeded(
        1, lambda tf: [tf.random_uniform([3]), tf.random_normal([2])]),
    "op_seed_uniform": _seeded(None, lambda tf: [tf.random_uniform([3], seed=5)]),
    "graph_and_op_seed": _seeded(
        42, lambda tf: [tf.random_uniform([2], seed=3), tf.random_uniform([2]),
                        tf.random_normal([2], seed=3), tf.random_uniform([2])]),
    "uniform_shapes": _seeded(7, lambda tf: [
        tf.random_uniform([]), tf.random_uniform([0, 3]), tf.random_uniform([1]),
        tf.random_uniform([5]), tf.random_uniform([2, 3, 4]), tf.random_uniform([1001]),
        tf.random_uniform(np.array([3, 2], np.int64))]),
    "uniform_large": _seeded(None, lambda tf: [tf.random_uniform([1000, 1000], seed=19)]),
    "uniform_dtypes": _seeded(8, lambda tf: [
        tf.random_uniform([7], dtype=tf.float64), tf.random_uniform([9], dtype=tf.float16),
        tf.random_uniform([9], dtype=tf.bfloat16), tf.random_uniform([3], dtype=tf.float64)]),
    "uniform_ranges": _seeded(9, lambda tf: [
        tf.random_uniform([4], minval=1.0, maxval=3.0), tf.random_uniform([4], maxval=2.0),
        tf.random_uniform([4], minval=-1, maxval=1.0, dtype=tf.float64),
        tf.random_uniform([3], minval=0.0, maxval=1)]),
    "uniform_int": _seeded(10, lambda tf: [
        tf.random_uniform([9], minval=-5, maxval=7, dtype=tf.int32),
        tf.random_uniform([9], minval=-2**31, maxval=2**31 - 1, dtype=tf.int32),
        tf.random_uniform([9], minval=-5, maxval=7, dtype=tf.int64),
        tf.random_uniform([9], minval=-2**62, maxval=2**62, dtype=tf.int64),
        tf.random_uniform([1], maxval=10**12, dtype=tf.int64),
        tf.random_uniform([2, 3], maxval=3, dtype=tf.int32)]),
    "normal": _seeded(11, lambda tf: [
        tf.random_normal([7]), tf.random_normal([2, 5], mean=1.0, stddev=2.0),
        tf.random_normal([1001], dtype=tf.float64), tf.random_normal([9], dtype=tf.float16),
        _sample(tf.random_normal([9], dtype=tf.bfloat16)), tf.random_normal([])]),
    "normal_large": _seeded(None, lambda tf: [tf.random_normal([200000], seed=18)]),
    "truncated_normal": _seeded(12, lambda tf: [
        tf.truncated_normal([7]), tf.truncated_normal([3, 3], mean=-1.0, stddev=0.5),
        tf.truncated_normal([5], dtype=tf.float64), tf.truncated_normal([1001], dtype=tf.float64),
        tf.truncated_normal([9], dtype=tf.float16),
        _sample(tf.truncated_normal([9], dtype=tf.bfloat16))]),
    "truncated_normal_large": _seeded(None, lambda tf: [tf.truncated_normal([200000], seed=18)]),
    "shuffle": _seeded(13, lambda tf: [
        tf.random_shuffle(tf.range(2)), tf.random_shuffle(tf.range(5)),
        tf.random_shuffle(tf.range(1000)), tf.random_shuffle(tf.reshape(tf.range(12), [4, 3])),
        tf.random_shuffle([7]), tf.random_shuffle(3.5),
        tf.random_shuffle(tf.constant([1.5, 2.5, 3.5], dtype=tf.float64))]),
    "multinomial": _seeded(14, lambda tf: [
        tf.multinomial(_logits(3, 50, 1.0, 0), 5), tf.multinomial(_logits(3, 50, 1.0, 1), 7),
        tf.multinomial(_logits(2, 64, 1.0, 2), 1, output_dtype=tf.int32),
        tf.multinomial(_logits(1, 300, 3.0, 3), 1000),
        tf.multinomial([[-np.inf, 0.0, 1.0, -np.inf]], 9),
        tf.multinomial(tf.constant(_logits(2, 5, 1.0, 4), dtype=tf.float64), 6),
        tf.random.categorical(tf.log([[0.1, 0.2, 0.7]]), 10, dtype=tf.int32),
        tf.multinomial(_logits(2, 3, 1.0, 5), 0)]),
    # Enough work per row that TF spreads the rows over its threads (see THREADS).
    "multinomial_sharded": _seeded(15, lambda tf: [
        tf.multinomial(_logits(3, 17, 2.0, 6), 1023), tf.multinomial(_logits(16, 100, 2.0, 7), 256),
        tf.multinomial(_logits(5, 700, 2.0, 8), 150)]),
}


def _canonical(value) -> np.ndarray:
    value = np.asarray(value)
    if value.dtype.name == "bfloat16":
        value = value.astype(np.float32)  # TF's numpy bfloat16; tfcompat holds it as float32
    if value.dtype.kind in "iu":
        value = value.astype(np.int64)
    return value


def describe(value) -> dict:
    """A JSON-ready record of one fetched value: dtype, shape and values (or a digest)."""
    value = _canonical(value)
    record = {"dtype": value.dtype.name, "shape": list(value.shape)}
    if value.size > _DIGEST_ABOVE:
        record["sha256"] = hashlib.sha256(np.ascontiguousarray(value).tobytes()).hexdigest()
        record["head"] = value.reshape(-1)[:8].tolist()
    else:
        record["values"] = value.tolist()
    return record


RANDOM_OP_TYPES = ("RandomUniform", "RandomUniformInt", "RandomStandardNormal", "TruncatedNormal",
                   "RandomShuffle", "Multinomial")


def random_op_seeds(tensor) -> list:
    """The seed/seed2 attrs of the random op a case output is computed from."""
    op = tensor.op
    while op.type not in RANDOM_OP_TYPES:
        op = op.inputs[0].op
    return [int(op.get_attr("seed")), int(op.get_attr("seed2"))]


def evaluate(tf, build) -> dict:
    """Runs a case: two runs in one session, one in a fresh session."""
    graph = tf.Graph()
    with graph.as_default():
        tensors = build(tf)
        with tf.Session() as sess:
            first = sess.run(tensors)
            second = sess.run(tensors)
        with tf.Session() as sess:
            fresh = sess.run(tensors)
    return {
        "names": [t.name for t in tensors],
        "static_shapes": [str(t.shape) for t in tensors],
        "seeds": [random_op_seeds(t) for t in tensors],
        "runs": [[describe(v) for v in run] for run in (first, second, fresh)],
    }


def record() -> None:
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    results = {name: evaluate(tf, build) for name, build in CASES.items()}
    results["threads"] = len(os.sched_getaffinity(0))
    DATA_PATH.parent.mkdir(exist_ok=True)
    DATA_PATH.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    print(f"recorded {len(results)} cases to {DATA_PATH}", file=sys.stderr)


if __name__ == "__main__":
    record()
