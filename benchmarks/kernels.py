"""Kernel benchmarks: tfcompat's numpy kernels against the best hand-written numpy formulation of
the same math (the "floor"), and against TensorFlow with ``--tensorflow``.

    python benchmarks/kernels.py                       # tfcompat vs numpy floor
    python benchmarks/kernels.py --tensorflow          # ... and vs TF (/opt/tfvenv/bin/python)

Shapes are those of the LeNet-style conv step (28x28x1 -> 32, 5x5 SAME, relu, 2x2 max_pool,
batch 64, then 14x14x32 -> 64) plus a softmax cross-entropy and a reduction. Every candidate of
a row is timed interleaved with the others, and each reports its minimum over the rounds (the
machine is shared; the minimum is the least disturbed run); TF runs in its own process (its
thread pools and numpy's BLAS threads would contend in one), alternating with tfcompat's rounds.
The last row is the whole conv step (fwd+bwd) through Session.run. Ratios are reported, never
asserted (``--quick`` for a smoke run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tfcompat  # noqa: E402
from tfcompat.framework.op_registry import get_op_def  # noqa: E402

RNG = np.random.RandomState(0)


def _f32(*shape, low=-1.0, high=1.0):
    return RNG.uniform(low, high, shape).astype(np.float32)


def registered_kernel(build: Callable, *arrays: np.ndarray) -> Callable[[], np.ndarray]:
    """The kernel a run plan would call for the op ``build(*placeholders)`` creates."""
    graph = tfcompat.Graph()
    with graph.as_default():
        inputs = [tfcompat.placeholder(tfcompat.as_dtype(a.dtype), a.shape) for a in arrays]
        out = build(*inputs)
        op = out.op if hasattr(out, "op") else out
    kernel = get_op_def(op.type).bind(op, None)
    values = [a for a in arrays]
    # Const inputs (sizes, shapes) are folded into the op's inputs: evaluate them once.
    const = {}
    with tfcompat.Session(graph=graph) as sess:
        for i, t in enumerate(op.inputs):
            if t.op.type != "Placeholder":
                const[i] = sess.run(t, dict(zip(inputs, arrays)))
    placeholders = iter(values)
    args = [const[i] if i in const else next(placeholders) for i in range(len(op.inputs))]
    return lambda: kernel(*args)


# ---- the numpy floor: the same math written directly, no checks ---------------------------

def _floor_im2col(x, kh, kw):
    """SAME-padded im2col [N*H*W, KH*KW*C]; tap-major for one channel (contiguous copies)."""
    n, h, wd, c = x.shape
    xp = np.zeros((n, h + kh - 1, wd + kw - 1, c), x.dtype)
    xp[:, kh // 2:kh // 2 + h, kw // 2:kw // 2 + wd] = x
    if c == 1:
        cols = np.empty((kh, kw, n, h, wd), x.dtype)
        for i in range(kh):
            for j in range(kw):
                cols[i, j] = xp[:, i:i + h, j:j + wd, 0]
        return cols.reshape(kh * kw, -1).T
    cols = np.empty((n, h, wd, kh, kw, c), x.dtype)
    for i in range(kh):
        for j in range(kw):
            cols[:, :, :, i, j, :] = xp[:, i:i + h, j:j + wd, :]
    return cols.reshape(n * h * wd, -1)


def floor_conv2d(x, w):
    n, h, wd, _ = x.shape
    kh, kw, _, o = w.shape
    return (_floor_im2col(x, kh, kw) @ w.reshape(-1, o)).reshape(n, h, wd, o)


def floor_conv2d_filter(x, dy, kh, kw):
    o = dy.shape[3]
    return (_floor_im2col(x, kh, kw).T @ dy.reshape(-1, o)).reshape(kh, kw, x.shape[3], o)


def floor_conv2d_input(w, dy):
    n, h, wd, o = dy.shape
    kh, kw, c, _ = w.shape
    cols = (dy.reshape(-1, o) @ w.reshape(-1, o).T).reshape(n, h, wd, kh, kw, c)
    dxp = np.zeros((n, h + kh - 1, wd + kw - 1, c), dy.dtype)
    for i in range(kh):
        for j in range(kw):
            dxp[:, i:i + h, j:j + wd, :] += cols[:, :, :, i, j, :]
    return dxp[:, kh // 2:kh // 2 + h, kw // 2:kw // 2 + wd, :]


def floor_max_pool(x):
    # Rows of each window first (long contiguous loops), then its columns.
    rows = np.maximum(x[:, 0::2], x[:, 1::2])
    return np.maximum(rows[:, :, 0::2], rows[:, :, 1::2])


def floor_max_pool_grad(x, dy):
    # First maximum of each 2x2 window (row-major), the gradient routed there: the taps copied
    # to one contiguous block each (pixels moved as C-value items), compared there, and each
    # tap's share written back (select against zero by an integer multiply with the mask).
    n, h, w, c = x.shape
    pixel = np.dtype((np.void, 4 * c))
    taps = np.empty((2, 2, n, h // 2, w // 2, c), x.dtype)
    taps.view(pixel)[..., 0] = x.view(pixel)[..., 0].reshape(n, h // 2, 2, w // 2, 2).transpose(
        2, 4, 0, 1, 3)
    taps = taps.reshape(4, -1)
    best = np.maximum(np.maximum(taps[0], taps[1]), np.maximum(taps[2], taps[3]))
    bits = dy.reshape(-1).view(np.int32)
    dx = np.empty_like(x)
    taken = np.zeros(best.shape, bool)
    for k in range(4):
        hit = (taps[k] == best) > taken if k < 3 else ~taken
        taken |= hit
        dx[:, k // 2::2, k % 2::2, :] = (bits * hit).view(np.float32).reshape(dy.shape)
    return dx


def floor_relu(x):
    return np.maximum(x, np.float32(0))


def floor_bias_add(x, b):
    return x + b


def floor_avg_pool(x):
    n, h, w, c = x.shape
    return x.reshape(n, h // 2, 2, w // 2, 2, c).mean(axis=(2, 4))


def floor_avg_pool_grad(dy):
    share = dy * np.float32(0.25)
    n, oh, ow, c = dy.shape
    dx = np.empty((n, oh * 2, ow * 2, c), dy.dtype)
    for i in range(2):
        for j in range(2):
            dx[:, i::2, j::2, :] = share
    return dx


def floor_relu_grad(g, f):
    return g * (f > 0)  # (multiply beats np.where's data-dependent branches ~10x)


def floor_bias_add_grad(g):
    return np.einsum("ij->j", g.reshape(-1, g.shape[-1]))  # (the tightest row-sum loop)


def floor_softmax_xent(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    loss = (labels * (np.log(total) - shifted)).sum(axis=1)
    return loss, e / total - labels


# ---- the rows ---------------------------------------------------------------------------

def table():
    """(name, tfcompat op builder, input arrays, floor thunk, TF case) per kernel."""
    tf = tfcompat
    nn = tf.nn
    x1, w1 = _f32(64, 28, 28, 1), _f32(5, 5, 1, 32)
    dy1 = _f32(64, 28, 28, 32)
    x2, w2 = _f32(64, 14, 14, 32), _f32(5, 5, 32, 64)
    dy2 = _f32(64, 14, 14, 64)
    p_in, p_dy = _f32(64, 28, 28, 32), _f32(64, 14, 14, 32)
    logits = _f32(128, 10, low=-3, high=3)
    labels = np.eye(10, dtype=np.float32)[RNG.randint(0, 10, 128)]
    big = _f32(1024, 1024)
    bias = _f32(32)
    same = {"strides": [1, 1, 1, 1], "padding": "SAME"}
    pool = {"ksize": [1, 2, 2, 1], "strides": [1, 2, 2, 1], "padding": "SAME"}
    table = [
        ("Conv2D 64x28x28x1 * 5x5x1x32", lambda a, b: nn.conv2d(a, b, **same), (x1, w1),
         lambda: floor_conv2d(x1, w1), ("conv", x1, w1)),
        ("Conv2D 64x14x14x32 * 5x5x32x64", lambda a, b: nn.conv2d(a, b, **same), (x2, w2),
         lambda: floor_conv2d(x2, w2), ("conv", x2, w2)),
        ("Conv2DBackpropFilter 28x28x1->32",
         lambda a, d: nn.conv2d_backprop_filter(a, [5, 5, 1, 32], d, **same), (x1, dy1),
         lambda: floor_conv2d_filter(x1, dy1, 5, 5), ("filter", x1, (5, 5, 1, 32), dy1)),
        ("Conv2DBackpropFilter 14x14x32->64",
         lambda a, d: nn.conv2d_backprop_filter(a, [5, 5, 32, 64], d, **same), (x2, dy2),
         lambda: floor_conv2d_filter(x2, dy2, 5, 5), ("filter", x2, (5, 5, 32, 64), dy2)),
        ("Conv2DBackpropInput 14x14x64->32",
         lambda b, d: nn.conv2d_backprop_input([64, 14, 14, 32], b, d, **same), (w2, dy2),
         lambda: floor_conv2d_input(w2, dy2), ("input", (64, 14, 14, 32), w2, dy2)),
        ("MaxPool 2x2 64x28x28x32", lambda a: nn.max_pool(a, **pool), (p_in,),
         lambda: floor_max_pool(p_in), ("max_pool", p_in)),
        ("MaxPoolGrad 2x2 64x28x28x32",
         lambda a, d: tfcompat.gradients(nn.max_pool(a, **pool), a, d)[0], (p_in, p_dy),
         lambda: floor_max_pool_grad(p_in, p_dy), ("max_pool_grad", p_in, p_dy)),
        ("AvgPool 2x2 64x28x28x32", lambda a: nn.avg_pool(a, **pool), (p_in,),
         lambda: floor_avg_pool(p_in), ("avg_pool", p_in)),
        ("AvgPoolGrad 2x2 64x28x28x32",
         lambda a, d: tfcompat.gradients(nn.avg_pool(a, **pool), a, d)[0], (p_in, p_dy),
         lambda: floor_avg_pool_grad(p_dy), ("avg_pool_grad", p_in, p_dy)),
        ("Relu 64x28x28x32", nn.relu, (p_in,), lambda: floor_relu(p_in), ("relu", p_in)),
        ("BiasAdd 64x28x28x32", nn.bias_add, (dy1, bias), lambda: floor_bias_add(dy1, bias),
         ("bias_add", dy1, bias)),
        ("ReluGrad 64x28x28x32",
         lambda g, f: tfcompat.gradients(nn.relu(f), f, g)[0], (dy1, p_in),
         lambda: floor_relu_grad(dy1, p_in), ("relu_grad", dy1, p_in)),
        ("BiasAddGrad 64x28x28x32",
         lambda g, b: tfcompat.gradients(nn.bias_add(g, b), b, g)[0], (dy1, _f32(32)),
         lambda: floor_bias_add_grad(dy1), ("bias_add_grad", dy1)),
        ("SoftmaxXent 128x10",
         lambda a, b: nn.softmax_cross_entropy_with_logits_v2(labels=b, logits=a).op.inputs[0],
         (logits, labels), lambda: floor_softmax_xent(logits, labels),
         ("xent", logits, labels)),
        ("Sum 1024x1024 axis 0", lambda a: tf.reduce_sum(a, axis=0), (big,),
         lambda: big.sum(axis=0), ("sum", big)),
        # Exp is correctly rounded for float32 (evaluated in float64): the floor is numpy's
        # float32 loop, up to 2 ulp off; this row is the price of the accuracy.
        ("Exp float32 1024x1024", tf.exp, (big,), lambda: np.exp(big), ("exp", big)),
    ]
    return table


def tfcompat_rows():
    """(name, tfcompat kernel thunk, floor thunk) per kernel."""
    return [(name, registered_kernel(_op_of(build), *arrays), floor)
            for name, build, arrays, floor, _ in table()]


def _op_of(build):
    """Builds the op a row measures: the last op of ``build``'s graph computing its output
    (for gradients, the gradient op itself, not the Identity/AddN around it)."""
    def op_builder(*inputs):
        out = build(*inputs)
        op = out.op
        while op.type in ("Identity", "Reshape") and op.inputs:
            op = op.inputs[0].op
        return op
    return op_builder


def _tf_thunk(tf, case):
    kind, *args = case
    with tf.Graph().as_default() as graph:
        var = [tf.Variable(a) if isinstance(a, np.ndarray) else a for a in args]
        same = {"strides": [1, 1, 1, 1], "padding": "SAME"}
        pool = {"ksize": [1, 2, 2, 1], "strides": [1, 2, 2, 1], "padding": "SAME"}
        if kind == "conv":
            out = tf.nn.conv2d(var[0], var[1], **same)
        elif kind == "filter":
            out = tf.nn.conv2d_backprop_filter(var[0], list(var[1]), var[2], **same)
        elif kind == "input":
            out = tf.nn.conv2d_backprop_input(list(var[0]), var[1], var[2], **same)
        elif kind == "max_pool":
            out = tf.nn.max_pool(var[0], **pool)
        elif kind == "max_pool_grad":
            out = tf.gradients(tf.nn.max_pool(var[0], **pool), var[0], var[1])[0]
        elif kind == "avg_pool":
            out = tf.nn.avg_pool(var[0], **pool)
        elif kind == "avg_pool_grad":
            out = tf.gradients(tf.nn.avg_pool(var[0], **pool), var[0], var[1])[0]
        elif kind == "relu":
            out = tf.nn.relu(var[0])
        elif kind == "bias_add":
            out = tf.nn.bias_add(var[0], var[1])
        elif kind == "relu_grad":
            out = tf.gradients(tf.nn.relu(var[1]), var[1], var[0])[0]
        elif kind == "bias_add_grad":
            b = tf.Variable(np.zeros(args[0].shape[-1], np.float32))
            out = tf.gradients(tf.nn.bias_add(var[0], b), b, var[0])[0]
        elif kind == "xent":
            out = tf.nn.softmax_cross_entropy_with_logits_v2(labels=var[1], logits=var[0])
        elif kind == "exp":
            out = tf.exp(var[0])
        else:
            out = tf.reduce_sum(var[0], axis=0)
        sess = tf.Session(graph=graph)
        sess.run(tf.global_variables_initializer())
    target = out.op
    return lambda: sess.run(target)


def conv_step(tf):
    """The conv step of issue 13: conv 5x5 SAME + bias + relu + 2x2 max_pool, fwd+bwd."""
    with tf.Graph().as_default() as graph:
        rng = np.random.RandomState(0)
        x = tf.placeholder(tf.float32, [64, 28, 28, 1])
        w = tf.Variable(rng.randn(5, 5, 1, 32).astype(np.float32) * 0.1)
        b = tf.Variable(np.zeros(32, np.float32))
        y = tf.nn.max_pool(tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME"),
                                                     b)), [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
        grads = tf.gradients(tf.reduce_sum(y * y), [w, b])
        sess = tf.Session(graph=graph)
        sess.run(tf.global_variables_initializer())
    feed = {x: rng.rand(64, 28, 28, 1).astype(np.float32)}
    return lambda: sess.run(grads, feed)


def interleaved_min(thunks: list, rounds: int, number: int) -> list[float]:
    best = [float("inf")] * len(thunks)
    for thunk in thunks:
        thunk()  # warm up
    for _ in range(rounds):
        for k, thunk in enumerate(thunks):
            start = time.perf_counter()
            for _ in range(number):
                thunk()
            best[k] = min(best[k], (time.perf_counter() - start) / number)
    return best


def tf_worker(rounds: int, number: int) -> None:
    """Times TensorFlow's rows in this process (the oracle's python) and prints them as JSON."""
    import tensorflow.compat.v1 as tf_v1

    tf_v1.disable_v2_behavior()
    thunks = [_tf_thunk(tf_v1, case) for *_, case in table()] + [conv_step(tf_v1)]
    times = interleaved_min(thunks, rounds, number)
    names = [name for name, *_ in table()] + [CONV_STEP]
    print(json.dumps(dict(zip(names, times))))


def tf_times(python: str, rounds: int, number: int) -> dict[str, float]:
    """TF's rows from a worker process: TF's thread pools and numpy's BLAS threads would
    contend in one process, so each side runs alone, in alternating processes."""
    flags = ["--quick"] if rounds == 1 else []
    proc = subprocess.run([python, __file__, "--tf-worker", *flags], capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


CONV_STEP = "conv step fwd+bwd (Session.run)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tensorflow", nargs="?", const="/opt/tfvenv/bin/python",
                        metavar="PYTHON", help="also time TensorFlow, run by PYTHON")
    parser.add_argument("--quick", action="store_true", help="one round, for a smoke test")
    parser.add_argument("--tf-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    rounds, number = (1, 1) if args.quick else (8, 3)
    if args.tf_worker:
        tf_worker(rounds, number)
        return 0
    rows = tfcompat_rows()
    step = conv_step(tfcompat)
    names = [name for name, *_ in rows] + [CONV_STEP]
    ours = {name: float("inf") for name in names}
    floor = dict(ours)
    theirs = dict(ours) if args.tensorflow else {}
    for _ in range(1 if args.quick else 2):  # alternate: tfcompat and floor, then TF
        for name, kernel, floor_fn in rows:
            t_ours, t_floor = interleaved_min([kernel, floor_fn], rounds, number)
            ours[name], floor[name] = min(ours[name], t_ours), min(floor[name], t_floor)
        ours[CONV_STEP] = min(ours[CONV_STEP], interleaved_min([step], rounds, number)[0])
        if args.tensorflow:
            for name, t in tf_times(args.tensorflow, rounds, number).items():
                theirs[name] = min(theirs[name], t)
    header = f"{'kernel':36} {'tfcompat ms':>11} {'floor ms':>9} {'vs floor':>8}"
    print(header + (f" {'TF ms':>8} {'vs TF':>7}" if theirs else ""))
    for name in names:
        line = f"{name:36} {ours[name] * 1e3:11.3f}"
        line += (f" {floor[name] * 1e3:9.3f} {ours[name] / floor[name]:8.2f}"
                 if name != CONV_STEP else f" {'':>9} {'':>8}")
        if theirs:
            line += f" {theirs[name] * 1e3:8.3f} {ours[name] / theirs[name]:7.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
