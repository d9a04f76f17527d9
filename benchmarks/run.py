"""Overhead benchmarks: graph building, tf.gradients, Session.run — tfcompat vs numpy (vs TF).

Run ``python benchmarks/run.py`` (add ``--tensorflow`` to also time TensorFlow's compat.v1 when
it is importable, e.g. ``/opt/tfvenv/bin/python benchmarks/run.py --tensorflow``). With TF, the
two are measured in alternating rounds (``--rounds``, medians), so a noisy shared machine slows
both alike, and each row shows the ratio TF/tfcompat. Prints a table and checks the speed
targets: absolute ones, and with TF the ratios of issue 13 (graph build and tf.gradients at least
30x faster than TF per op); targets are reported, never asserted in unit tests.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {  # metric -> (limit, unit); lower is better
    "build chain 2000 (us/op)": 20.0,
    "build chain 20000 (us/op)": 20.0,
    "gradients 2000 (us/fwd op)": 20.0,
    "gradients 20000 (us/fwd op)": 20.0,
    "trivial run (us)": 30.0,
    "100-op chain run (us/op)": 3.0,
    "import (s)": 0.3,
}
# metric -> the least TF/tfcompat ratio (higher is better), checked when TF is measured.
RATIO_TARGETS = {
    "build chain 2000 (us/op)": 30.0,
    "build chain 20000 (us/op)": 30.0,
    "gradients 2000 (us/fwd op)": 30.0,
    "gradients 20000 (us/fwd op)": 30.0,
}


def _best(fn, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _per_call(fn, number):
    def loop():
        for _ in range(number):
            fn()
    return _best(loop) / number


def measure(tf) -> dict[str, float]:
    results: dict[str, float] = {}
    # Warm-up: lazily loaded names and modules (tf.gradients, its helpers) load here, untimed.
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [], name="x")
        tf.gradients(tf.tanh(tf.tanh(x)), x)
    for n, repeats in ((2000, 5), (20000, 1)):
        builds, grads = [], []
        for _ in range(repeats):
            graph = x = y = None
            gc.collect()  # each timed build starts without the garbage of the previous graphs
            graph = tf.Graph()
            with graph.as_default():
                x = tf.placeholder(tf.float32, [], name="x")
                start = time.perf_counter()
                y = x
                for _ in range(n):
                    y = tf.tanh(y)
                builds.append(time.perf_counter() - start)
                ops_before = len(graph.get_operations())
                start = time.perf_counter()
                tf.gradients(y, x)
                grads.append(time.perf_counter() - start)
                added = len(graph.get_operations()) - ops_before
        build, grads = statistics.median(builds), statistics.median(grads)
        results[f"build chain {n} (us/op)"] = build / n * 1e6
        results[f"gradients {n} (us/fwd op)"] = grads / n * 1e6
        results[f"gradient ops added per fwd op ({n})"] = added / n

    graph = tf.Graph()
    with graph.as_default():
        a = tf.constant(2.0)
        b = a * 3.0
        p = tf.placeholder(tf.float32, [32])
        q = tf.reduce_sum(p * 2.0 + 1.0)
        s = tf.placeholder(tf.float32, [])
        chain = s
        for _ in range(100):
            chain = chain * 1.0001
        sess = tf.Session(graph=graph)
        sess.run(b)
        feed = np.arange(32, dtype=np.float32)
        sess.run(q, {p: feed})
        sess.run(chain, {s: 1.0})
        results["trivial run (us)"] = _per_call(lambda: sess.run(b), 2000) * 1e6
        results["run with [32] feed (us)"] = _per_call(lambda: sess.run(q, {p: feed}), 2000) * 1e6
        results["100-op chain run (us/op)"] = _per_call(
            lambda: sess.run(chain, {s: 1.0}), 300) * 1e6 / 100
        results["linear regression step (us)"] = _linear_regression_step(tf)
        sess.close()
    return results


def _linear_regression_step(tf) -> float:
    rng = np.random.RandomState(0)
    xs = rng.normal(size=(64, 8)).astype(np.float32)
    ys = (xs @ rng.normal(size=(8, 1))).astype(np.float32)
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, [None, 8])
        y = tf.placeholder(tf.float32, [None, 1])
        w = tf.Variable(tf.zeros([8, 1]))
        b = tf.Variable(tf.zeros([1]))
        loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
        train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(train, {x: xs, y: ys})
            return _per_call(lambda: sess.run(train, {x: xs, y: ys}), 500) * 1e6


def measure_numpy() -> dict[str, float]:
    a = np.float32(2.0)
    feed = np.arange(32, dtype=np.float32)
    rng = np.random.RandomState(0)
    xs = rng.normal(size=(64, 8)).astype(np.float32)
    ys = (xs @ rng.normal(size=(8, 1))).astype(np.float32)
    w = np.zeros((8, 1), np.float32)
    b = np.zeros((1,), np.float32)

    def chain():
        v = np.float32(1.0)
        for _ in range(100):
            v = v * np.float32(1.0001)
        return v

    def step():
        nonlocal w, b
        err = xs @ w + b - ys
        grad = 2 * err / err.size
        w = w - 0.1 * (xs.T @ grad)
        b = b - 0.1 * grad.sum(axis=0)

    return {
        "trivial run (us)": _per_call(lambda: a * np.float32(3.0), 20000) * 1e6,
        "run with [32] feed (us)": _per_call(lambda: np.sum(feed * 2.0 + 1.0), 20000) * 1e6,
        "100-op chain run (us/op)": _per_call(chain, 2000) * 1e6 / 100,
        "linear regression step (us)": _per_call(step, 2000) * 1e6,
    }


def import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    best = float("inf")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=ROOT, check=True)
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def _medians(rounds: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tensorflow", action="store_true",
                        help="also measure TensorFlow's compat.v1 if importable")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of measurement (alternating with TF's); medians are shown")
    args = parser.parse_args()

    import tfcompat
    tf_v1 = None
    if args.tensorflow:
        try:
            import tensorflow.compat.v1 as tf_v1
            tf_v1.disable_v2_behavior()
        except ImportError:
            print("TensorFlow is not importable; skipping it.")
    ours_rounds, tf_rounds = [], []
    for _ in range(max(1, args.rounds)):
        gc.collect()  # each side starts without the garbage of the other's graphs
        ours_rounds.append(measure(tfcompat))
        if tf_v1 is not None:
            gc.collect()
            tf_rounds.append(measure(tf_v1))
    ours = _medians(ours_rounds)
    ours["import (s)"] = import_time("tfcompat")
    columns = {"tfcompat": ours, "numpy": measure_numpy()}
    if tf_rounds:
        columns["tensorflow"] = _medians(tf_rounds)

    names = list(ours)
    header = f"{'metric':38s}" + "".join(f"{c:>14s}" for c in columns) + f"{'target':>10s}"
    if "tensorflow" in columns:
        header += f"{'TF/ours':>10s}{'target':>8s}"
    print(header)
    checked = failures = 0
    for name in names:
        row = f"{name:38s}"
        for column in columns.values():
            value = column.get(name)
            row += f"{value:14.3f}" if value is not None else f"{'-':>14s}"
        target = TARGETS.get(name)
        if target is not None:
            ok = ours[name] <= target
            checked += 1
            failures += not ok
            row += f"{target:>9.1f}{'' if ok else '!'}"
        else:
            row += f"{'':>10s}"
        if "tensorflow" in columns and name in columns["tensorflow"] and ours[name]:
            ratio = columns["tensorflow"][name] / ours[name]
            row += f"{ratio:10.1f}"
            ratio_target = RATIO_TARGETS.get(name)
            if ratio_target is not None:
                ok = ratio >= ratio_target
                checked += 1
                failures += not ok
                row += f"{'>=' + format(ratio_target, '.0f'):>7s}{'' if ok else '!'}"
        print(row)
    print(f"targets met: {checked - failures} of {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
