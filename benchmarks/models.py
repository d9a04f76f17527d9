"""Model-level benchmarks: training steps, tfcompat vs TensorFlow vs a hand-written numpy floor.

    python benchmarks/models.py                       # every workload, 5 interleaved rounds
    python benchmarks/models.py --quick               # one short round (CI smoke; never asserts)
    python benchmarks/models.py -k conv --tf-python /opt/tfvenv/bin/python
    python benchmarks/models.py --intra-op 1           # every side capped to one thread per op

Each (workload, backend) pair runs in its own subprocess, so imports and peak memory are measured
per pair; the rounds interleave the backends (tfcompat, TensorFlow, numpy, tfcompat, ...) so a
noisy shared machine slows them alike. The table reports the median step time over rounds, the
ratios to TF and to the numpy floor, and the peak resident memory each process added after its
imports and a first, discarded build of the workload's graph (which loads what each library
loads lazily). TensorFlow runs when ``--tf-python`` (default: /opt/tfvenv/bin/python if
present) names an interpreter that has it; otherwise its column is empty.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TF_PYTHON = "/opt/tfvenv/bin/python"


# ---- workloads on a TF1 API (tfcompat or tf.compat.v1) ----------------------------------------

# Threads one op may use (--intra-op N), given to both TF1 APIs as ConfigProto's
# intra_op_parallelism_threads and to the numpy floor's BLAS; None: each one's default.
INTRA_OP_THREADS: int | None = None


def _session(tf):
    if INTRA_OP_THREADS is None:
        return tf.Session()
    return tf.Session(config=tf.ConfigProto(intra_op_parallelism_threads=INTRA_OP_THREADS,
                                            inter_op_parallelism_threads=INTRA_OP_THREADS))


def mlp_step(tf) -> Callable[[], None]:
    """784-256-10 MLP, relu, softmax cross-entropy, SGD; batch 128."""
    rng = np.random.RandomState(0)
    xs = rng.rand(128, 784).astype(np.float32)
    ys = np.eye(10, dtype=np.float32)[rng.randint(0, 10, 128)]
    x = tf.placeholder(tf.float32, [None, 784])
    y = tf.placeholder(tf.float32, [None, 10])
    w1 = tf.Variable(tf.random_normal([784, 256], stddev=0.05, seed=1))
    b1 = tf.Variable(tf.zeros([256]))
    w2 = tf.Variable(tf.random_normal([256, 10], stddev=0.05, seed=2))
    b2 = tf.Variable(tf.zeros([10]))
    logits = tf.matmul(tf.nn.relu(tf.matmul(x, w1) + b1), w2) + b2
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    sess = _session(tf)
    sess.run(tf.global_variables_initializer())
    feed = {x: xs, y: ys}
    return lambda: sess.run(train, feed)


def _conv_layer(tf, x, seed):
    w = tf.Variable(tf.truncated_normal([5, 5, 1, 32], stddev=0.1, seed=seed))
    b = tf.Variable(tf.zeros([32]))
    h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME"), b))
    return tf.nn.max_pool(h, [1, 2, 2, 1], [1, 2, 2, 1], "SAME"), [w, b]


def conv_step(tf) -> Callable[[], None]:
    """conv 28x28x1->32 5x5 SAME + bias + relu + 2x2 max_pool, batch 64: forward and backward."""
    xs = np.random.RandomState(0).rand(64, 28, 28, 1).astype(np.float32)
    x = tf.placeholder(tf.float32, [None, 28, 28, 1])
    pooled, params = _conv_layer(tf, x, 1)
    grads = tf.gradients(tf.reduce_sum(pooled), params)
    sess = _session(tf)
    sess.run(tf.global_variables_initializer())
    return lambda: sess.run(grads, {x: xs})


def lenet_step(tf) -> Callable[[], None]:
    """LeNet-style train step: the conv block, dense 10, softmax xent, Adam; batch 64."""
    rng = np.random.RandomState(0)
    xs = rng.rand(64, 28, 28, 1).astype(np.float32)
    ys = rng.randint(0, 10, 64).astype(np.int64)
    x = tf.placeholder(tf.float32, [None, 28, 28, 1])
    y = tf.placeholder(tf.int64, [None])
    pooled, _ = _conv_layer(tf, x, 1)
    flat = tf.reshape(pooled, [-1, 14 * 14 * 32])
    w = tf.Variable(tf.truncated_normal([14 * 14 * 32, 10], stddev=0.01, seed=2))
    b = tf.Variable(tf.zeros([10]))
    logits = tf.matmul(flat, w) + b
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
    train = tf.train.AdamOptimizer(1e-3).minimize(loss)
    sess = _session(tf)
    sess.run(tf.global_variables_initializer())
    feed = {x: xs, y: ys}
    return lambda: sess.run(train, feed)


def lstm_step(tf) -> Callable[[], None]:
    """LSTM train step via dynamic_rnn: batch 32, 50 steps, 128 units, 32 features, Adam."""
    rng = np.random.RandomState(0)
    xs = rng.rand(32, 50, 32).astype(np.float32)
    ys = rng.rand(32, 1).astype(np.float32)
    x = tf.placeholder(tf.float32, [32, 50, 32])
    y = tf.placeholder(tf.float32, [32, 1])
    cell = tf.nn.rnn_cell.BasicLSTMCell(128)
    outputs, _ = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
    w = tf.Variable(tf.truncated_normal([128, 1], stddev=0.1, seed=3))
    loss = tf.reduce_mean(tf.square(tf.matmul(outputs[:, -1], w) - y))
    train = tf.train.AdamOptimizer(1e-3).minimize(loss)
    sess = _session(tf)
    sess.run(tf.global_variables_initializer())
    feed = {x: xs, y: ys}
    return lambda: sess.run(train, feed)


def tanh_chain_step(tf, shape=(1024, 1024)) -> Callable[[], None]:
    """50 tanh layers on a [1024, 1024] tensor (placeholder of ``shape``): forward and the
    gradient back to the input."""
    xs = np.random.RandomState(0).rand(1024, 1024).astype(np.float32)
    x = tf.placeholder(tf.float32, list(shape))
    h = x
    for _ in range(50):
        h = tf.tanh(h)
    grad = tf.gradients(h, x)[0]
    sess = _session(tf)
    return lambda: sess.run(grad, {x: xs})


def feed_loop_step(tf) -> Callable[[], None]:
    """An input loop: 32 fed batches of [64, 784] through a dense layer per step."""
    rng = np.random.RandomState(0)
    batches = [rng.rand(64, 784).astype(np.float32) for _ in range(32)]
    x = tf.placeholder(tf.float32, [None, 784])
    w = tf.Variable(tf.random_normal([784, 10], stddev=0.05, seed=1))
    out = tf.reduce_sum(tf.matmul(x, w))
    sess = _session(tf)
    sess.run(tf.global_variables_initializer())

    def step():
        for batch in batches:
            sess.run(out, {x: batch})
    return step


# ---- the numpy floors: the same math, hand-written --------------------------------------------

def _im2col(x, k, pad):
    n, h, w, c = x.shape
    padded = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    s = padded.strides
    view = np.lib.stride_tricks.as_strided(padded, (n, h, w, k, k, c), (s[0], s[1], s[2], s[1],
                                                                          s[2], s[3]))
    return view.reshape(n * h * w, k * k * c)


def _conv_pool_forward_backward(xs, w, b):
    """conv SAME 5x5 + bias + relu + 2x2 max pool, and the gradients of sum(pool) w.r.t. w, b."""
    n = xs.shape[0]
    cols = _im2col(xs, 5, 2)
    h = np.maximum(cols @ w.reshape(-1, 32) + b, 0).reshape(n, 28, 28, 32)
    windows = h.reshape(n, 14, 2, 14, 2, 32)
    pooled = windows.max(axis=(2, 4))
    return cols, h, windows, pooled


def _pool_relu_backward(h, windows, pooled, dpool):
    mask = windows == pooled[:, :, None, :, None, :]
    dh = (mask * dpool[:, :, None, :, None, :]).reshape(h.shape)
    return dh * (h > 0)


def mlp_floor() -> Callable[[], None]:
    rng = np.random.RandomState(0)
    xs = rng.rand(128, 784).astype(np.float32)
    ys = np.eye(10, dtype=np.float32)[rng.randint(0, 10, 128)]
    w1 = (rng.randn(784, 256) * 0.05).astype(np.float32)
    b1 = np.zeros(256, np.float32)
    w2 = (rng.randn(256, 10) * 0.05).astype(np.float32)
    b2 = np.zeros(10, np.float32)

    def step():
        a = xs @ w1 + b1
        h = np.maximum(a, 0)
        z = h @ w2 + b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        dz = (e / e.sum(axis=1, keepdims=True) - ys) / 128
        dh = (dz @ w2.T) * (a > 0)
        w2[...] -= 0.1 * (h.T @ dz)
        b2[...] -= 0.1 * dz.sum(0)
        w1[...] -= 0.1 * (xs.T @ dh)
        b1[...] -= 0.1 * dh.sum(0)
    return step


def conv_floor() -> Callable[[], None]:
    rng = np.random.RandomState(0)
    xs = rng.rand(64, 28, 28, 1).astype(np.float32)
    w = (rng.randn(5, 5, 1, 32) * 0.1).astype(np.float32)
    b = np.zeros(32, np.float32)

    def step():
        cols, h, windows, pooled = _conv_pool_forward_backward(xs, w, b)
        dh = _pool_relu_backward(h, windows, pooled, np.ones_like(pooled)).reshape(-1, 32)
        return cols.T @ dh, dh.sum(0)
    return step


def lenet_floor() -> Callable[[], None]:
    rng = np.random.RandomState(0)
    xs = rng.rand(64, 28, 28, 1).astype(np.float32)
    labels = rng.randint(0, 10, 64)
    params = [(rng.randn(5, 5, 1, 32) * 0.1).astype(np.float32), np.zeros(32, np.float32),
              (rng.randn(14 * 14 * 32, 10) * 0.01).astype(np.float32), np.zeros(10, np.float32)]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    t = [0]

    def step():
        wc, bc, wd, bd = params
        cols, h, windows, pooled = _conv_pool_forward_backward(xs, wc, bc)
        flat = pooled.reshape(64, -1)
        z = flat @ wd + bd
        e = np.exp(z - z.max(axis=1, keepdims=True))
        dz = e / e.sum(axis=1, keepdims=True)
        dz[np.arange(64), labels] -= 1
        dz /= 64
        dpool = (dz @ wd.T).reshape(pooled.shape)
        dh = _pool_relu_backward(h, windows, pooled, dpool).reshape(-1, 32)
        grads = [(cols.T @ dh).reshape(wc.shape), dh.sum(0), flat.T @ dz, dz.sum(0)]
        t[0] += 1
        lr = 1e-3 * np.sqrt(1 - 0.999 ** t[0]) / (1 - 0.9 ** t[0])
        for p, g, (m, v) in zip(params, grads, moments):
            m += (g - m) * 0.1
            v += (g * g - v) * 0.001
            p -= lr * m / (np.sqrt(v) + 1e-8)
    return step


def lstm_floor() -> Callable[[], None]:
    rng = np.random.RandomState(0)
    xs = rng.rand(32, 50, 32).astype(np.float32)
    ys = rng.rand(32, 1).astype(np.float32)
    kernel = (rng.randn(32 + 128, 4 * 128) * 0.05).astype(np.float32)
    bias = np.zeros(4 * 128, np.float32)
    w = (rng.randn(128, 1) * 0.1).astype(np.float32)

    def sigmoid(v):
        return 1 / (1 + np.exp(-v))

    def step():
        h = np.zeros((32, 128), np.float32)
        c = np.zeros((32, 128), np.float32)
        tape = []
        for t in range(50):
            xh = np.concatenate([xs[:, t], h], axis=1)
            i, j, f, o = np.split(xh @ kernel + bias, 4, axis=1)
            si, tj, sf, so = sigmoid(i), np.tanh(j), sigmoid(f + 1.0), sigmoid(o)
            c_new = c * sf + si * tj
            tc = np.tanh(c_new)
            tape.append((xh, c, si, tj, sf, so, tc))
            c, h = c_new, tc * so
        dh = (h @ w - ys) * (2 / 32) @ w.T
        dc = np.zeros_like(c)
        dkernel = np.zeros_like(kernel)
        dbias = np.zeros_like(bias)
        for xh, c_prev, si, tj, sf, so, tc in reversed(tape):
            dc = dc + dh * so * (1 - tc * tc)
            dgates = np.concatenate([dc * tj * si * (1 - si), dc * si * (1 - tj * tj),
                                     dc * c_prev * sf * (1 - sf), dh * tc * so * (1 - so)], 1)
            dkernel += xh.T @ dgates
            dbias += dgates.sum(0)
            dh = (dgates @ kernel.T)[:, 32:]
            dc = dc * sf
        kernel[...] -= 1e-3 * dkernel
        bias[...] -= 1e-3 * dbias
    return step


def tanh_chain_floor() -> Callable[[], None]:
    xs = np.random.RandomState(0).rand(1024, 1024).astype(np.float32)

    def step():
        ys = [xs]
        for _ in range(50):
            ys.append(np.tanh(ys[-1]))
        g = np.ones_like(xs)
        for y in reversed(ys[1:]):
            g = g * (1 - y * y)
        return g
    return step


def feed_loop_floor() -> Callable[[], None]:
    rng = np.random.RandomState(0)
    batches = [rng.rand(64, 784).astype(np.float32) for _ in range(32)]
    w = (rng.randn(784, 10) * 0.05).astype(np.float32)

    def step():
        for batch in batches:
            np.sum(batch @ w)
    return step


WORKLOADS: dict[str, tuple[Callable, Callable, int]] = {  # name -> (graph, floor, steps)
    "mlp train step (batch 128)": (mlp_step, mlp_floor, 50),
    "conv+relu+pool fwd+bwd (batch 64)": (conv_step, conv_floor, 10),
    "lenet train step (batch 64, Adam)": (lenet_step, lenet_floor, 10),
    "lstm train step (32x50x128, Adam)": (lstm_step, lstm_floor, 3),
    "tanh chain 50x[1024,1024] fwd+bwd": (tanh_chain_step, tanh_chain_floor, 3),
    "tanh chain, placeholder [None,1024]": (
        lambda tf: tanh_chain_step(tf, (None, 1024)), tanh_chain_floor, 3),
    "feed loop (32 batches of 64x784)": (feed_loop_step, feed_loop_floor, 10),
}


# ---- the worker: one (workload, backend) in its own process ----------------------------------

def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(workload: str, backend: str, steps: int) -> dict[str, float]:
    graph_fn, floor_fn, _ = WORKLOADS[workload]
    if backend == "numpy":
        # The floor gets the malloc tuning tfcompat's run plans apply (fair: same allocator)
        # and the same BLAS thread cap.
        from tfcompat.client import intra_op
        from tfcompat.client.allocator import retain_freed_memory
        retain_freed_memory()
        setter = intra_op.blas_setter()
        if INTRA_OP_THREADS is not None and setter is not None:
            setter(INTRA_OP_THREADS)
        base = _peak_rss_mb()
        step = floor_fn()
    else:
        if backend == "tensorflow":
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
            import tensorflow.compat.v1 as tf
            tf.disable_v2_behavior()
        else:
            import tfcompat as tf
        # Build the workload once and throw it away first: both APIs load parts of themselves on
        # first use (tfcompat's lazy namespaces, TF's kernels), which is not step memory.
        with tf.Graph().as_default():
            graph_fn(tf)
        base = _peak_rss_mb()
        with tf.Graph().as_default():
            step = graph_fn(tf)
            return _time_steps(step, steps, base)
    return _time_steps(step, steps, base)


def _time_steps(step: Callable[[], None], steps: int, base_rss: float) -> dict[str, float]:
    step()  # warm-up: plan compilation, first allocations
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times), "peak_mb": _peak_rss_mb() - base_rss}


def import_seconds(python: str, module: str, env: dict[str, str]) -> float:
    code = ("import time; t = time.perf_counter(); import " + module +
            "; print(time.perf_counter() - t)")
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


# ---- the driver -------------------------------------------------------------------------------

def _run_worker(python: str, workload: str, backend: str, steps: int, env) -> dict | None:
    threads = [] if INTRA_OP_THREADS is None else ["--intra-op", str(INTRA_OP_THREADS)]
    proc = subprocess.run([python, __file__, "--worker", workload, backend, str(steps), *threads],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    if proc.returncode != 0:
        print(f"  {backend} failed on {workload}: {proc.stderr.strip().splitlines()[-1:]}",
              file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", nargs=3, metavar=("WORKLOAD", "BACKEND", "STEPS"))
    parser.add_argument("--quick", action="store_true", help="one round of 1 step each")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("-k", default="", help="only workloads whose name contains this")
    parser.add_argument("--tf-python", default=DEFAULT_TF_PYTHON)
    parser.add_argument("--intra-op", type=int, metavar="N",
                        help="intra_op_parallelism_threads for TF and tfcompat, BLAS threads "
                             "for the floor (default: each one's own default)")
    args = parser.parse_args()
    global INTRA_OP_THREADS
    INTRA_OP_THREADS = args.intra_op
    if args.worker:
        workload, backend, steps = args.worker
        print(json.dumps(worker(workload, backend, int(steps))))
        return 0

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    backends = {"tfcompat": sys.executable, "numpy": sys.executable}
    tf_python = args.tf_python
    if tf_python and Path(tf_python).exists():
        backends["tensorflow"] = tf_python
        env.setdefault("TF_USE_LEGACY_KERAS", "1")
    rounds = 1 if args.quick else args.rounds
    selected = {name: spec for name, spec in WORKLOADS.items() if args.k in name}
    samples: dict[tuple[str, str], list[dict]] = {}
    for _ in range(rounds):
        for name, (_, _, steps) in selected.items():
            for backend, python in backends.items():
                result = _run_worker(python, name, backend, 1 if args.quick else steps, env)
                if result is not None:
                    samples.setdefault((name, backend), []).append(result)

    header = (f"{'workload':36s}{'tfcompat':>11s}{'TF':>11s}{'numpy':>11s}"
              f"{'ours/TF':>9s}{'ours/np':>9s}{'MB ours':>9s}{'MB TF':>8s}")
    print(header)
    for name in selected:
        def med(backend, key, name=name):
            values = [s[key] for s in samples.get((name, backend), [])]
            return statistics.median(values) if values else None
        ours, tf_s, floor = (med(b, "seconds") for b in ("tfcompat", "tensorflow", "numpy"))
        cells = [f"{v * 1e3:9.2f}ms" if v else f"{'-':>11s}" for v in (ours, tf_s, floor)]
        ratios = [f"{ours / v:9.2f}" if ours and v else f"{'-':>9s}" for v in (tf_s, floor)]
        mem = [med(b, "peak_mb") for b in ("tfcompat", "tensorflow")]
        print(f"{name:36s}{''.join(cells)}{''.join(ratios)}"
              + "".join(f"{m:9.1f}" if m is not None else f"{'-':>9s}" for m in mem))
    if not args.k:
        imports = {"tfcompat": statistics.median(
            import_seconds(sys.executable, "tfcompat", env) for _ in range(rounds))}
        if "tensorflow" in backends:
            imports["tensorflow"] = statistics.median(
                import_seconds(tf_python, "tensorflow", env) for _ in range(rounds))
        print("import (s): " + ", ".join(f"{k} {v:.3f}" for k, v in imports.items()))
    print("build, gradient construction and Session.run overhead: benchmarks/run.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
