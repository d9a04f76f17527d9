"""Buffer reuse in plans (client/buffer_reuse.py): steps write into a dying input's buffer only
where the plan proved it owns it, and the values are those of plans without reuse, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.threads import run_in_threads
from tfcompat.client import buffer_reuse
from tfcompat.framework import run_memo
from tfcompat.framework.op_registry import get_op_def
from tfcompat.framework.ops import apply_op

FLOAT_DTYPES = (np.float16, np.float32, np.float64)


@pytest.fixture
def reuse_log(monkeypatch):
    """Reuse from 16 elements; records, per reusing step call, the op type and whether the
    kernel got an input's buffer as ``out`` (and which input)."""
    monkeypatch.setattr(buffer_reuse, "MIN_REUSE_SIZE", 16)
    monkeypatch.setenv("TFCOMPAT_BUFFER_REUSE", "1")
    log: list[tuple[str, int | None]] = []
    original = buffer_reuse.reusing

    def spying(kernel, positions, dtypes):
        name = getattr(kernel, "__name__", None) or kernel.func.__name__
        op_type = _KERNEL_OPS.get(name, name)

        def recording(*args, **kwargs):
            out = kwargs.get("out")
            log.append((op_type, None if out is None else
                        next(i for i, a in enumerate(args) if a is out)))
            return kernel(*args, **kwargs)
        return original(recording, positions, dtypes)

    monkeypatch.setattr(buffer_reuse, "reusing", spying)
    return log


_KERNEL_OPS = {"_relu_kernel": "Relu", "_bias_add_kernel": "BiasAdd",
               "_relu_grad_kernel": "ReluGrad", "multiply": "Mul", "add": "AddV2"}


def _same_bits(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _run_without_reuse(fetches, feed, initialize=False):
    """``fetches`` run in a new session whose plan is compiled with reuse switched off."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("TFCOMPAT_BUFFER_REUSE", "0")
        with tf.Session() as sess:
            if initialize:
                sess.run(tf.global_variables_initializer())
            return sess.run(fetches, feed)


def _reused(log, op_type):
    return [pos for t, pos in log if t == op_type]


def test_conv_layer_bias_add_relu_and_relu_grad_reuse(reuse_log):
    x = tf.placeholder(tf.float32, [4, 8, 8, 1])
    w = tf.Variable(np.random.RandomState(1).randn(3, 3, 1, 8).astype(np.float32))
    b = tf.Variable(np.random.RandomState(2).randn(8).astype(np.float32))
    h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME"), b))
    pooled = tf.nn.max_pool(h, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    grads = tf.gradients(tf.reduce_sum(pooled), [w, b])
    xs = np.random.RandomState(0).rand(4, 8, 8, 1).astype(np.float32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        got = sess.run(grads, {x: xs})
    assert _reused(reuse_log, "BiasAdd") == [0]  # into Conv2D's output
    assert _reused(reuse_log, "Relu") == [0]  # into BiasAdd's
    assert _reused(reuse_log, "ReluGrad") == [1]  # into Relu's (MaxPoolGrad's dies too)
    want = _run_without_reuse(grads, {x: xs}, initialize=True)
    assert all(_same_bits(g, v) for g, v in zip(got, want))


def test_feeds_variables_and_constants_are_never_written(reuse_log):
    xs = np.random.RandomState(0).randn(8, 8).astype(np.float32)
    x = tf.placeholder(tf.float32, [8, 8])
    v = tf.Variable(xs)
    c = tf.constant(xs)
    outs = [tf.nn.relu(x), tf.nn.relu(v), tf.nn.relu(c + x), x * 2.0, v * 2.0, c * v]
    kept = xs.copy()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        got = sess.run(outs, {x: xs})
        assert _same_bits(sess.run(v), kept)
    assert _same_bits(xs, kept)
    assert [pos for _, pos in reuse_log] == [0]  # only Relu into c + x (a step's output)
    assert _same_bits(got[2], np.maximum(kept + kept, 0))


def test_fetched_values_and_values_read_later_are_kept(reuse_log):
    xs = np.random.RandomState(0).randn(8, 8).astype(np.float32)
    x = tf.placeholder(tf.float32, [8, 8])
    y = x * 2.0
    z = tf.nn.relu(y)  # y is fetched: never written
    u = x + 1.0
    r = tf.nn.relu(u)
    s = r * u  # u read after the Relu: the Relu writes a new buffer; Mul may take r's or u's
    with tf.Session() as sess:
        got_y, got_z, got_s = sess.run([y, z, s], {x: xs})
    assert _same_bits(got_y, xs * 2)
    assert _same_bits(got_z, np.maximum(xs * 2, 0))
    assert _same_bits(got_s, np.maximum(xs + 1, 0) * (xs + 1))
    assert not any(_reused(reuse_log, "Relu"))  # (not even checked: the plan knows)
    assert _reused(reuse_log, "Mul") in ([0], [1])


def test_a_live_view_keeps_its_base(reuse_log):
    xs = np.random.RandomState(0).randn(8, 8).astype(np.float32)
    x = tf.placeholder(tf.float32, [8, 8])
    y = x * 2.0
    flat = tf.reshape(y, [64])  # a view of y's buffer, fetched
    with tf.control_dependencies([flat]):
        z = tf.nn.relu(y)
    with tf.Session() as sess:
        got_flat, got_z = sess.run([flat, z], {x: xs})
    assert _same_bits(got_flat, (xs * 2).reshape(64))
    assert _same_bits(got_z, np.maximum(xs * 2, 0))
    assert _reused(reuse_log, "Relu") == [None]  # (checked at run time: the view counts)


def test_run_memo_values_are_not_written(reuse_log):
    # Conv2D keeps its input (and its patches) in the run's memo for the filter gradient.
    xs = np.random.RandomState(0).rand(2, 6, 6, 1).astype(np.float32)
    x = tf.placeholder(tf.float32, [2, 6, 6, 1])
    w = tf.constant(np.random.RandomState(1).randn(3, 3, 1, 2).astype(np.float32))
    h = x * 2.0
    conv = tf.nn.conv2d(h, w, [1, 1, 1, 1], "VALID")
    with tf.control_dependencies([conv]):
        r = tf.nn.relu(h)
    dw = tf.gradients(tf.reduce_sum(conv), w)[0]
    with tf.Session() as sess:
        got = sess.run([r, dw], {x: xs})
    want = _run_without_reuse([r, dw], {x: xs})
    assert all(_same_bits(g, v) for g, v in zip(got, want))


def test_the_owner_check_counts_every_holder():
    kernel = get_op_def("Relu").bind(None, None)
    run = buffer_reuse.reusing(kernel, (0,), None)
    xs = np.random.RandomState(0).randn(1 << 16).astype(np.float32)
    want = np.maximum(xs, 0)

    def plan_step(hold):
        s1 = xs.copy()
        holders = [s1] if hold == "list" else []
        view = s1[:10] if hold == "view" else None
        if hold == "memo":
            run_memo.store("test", s1, None, want)
        s2 = run(s1)
        return s2 is s1, holders, view

    previous = run_memo.open_run()
    try:
        assert plan_step(None)[0]
        for hold in ("list", "view", "memo"):
            assert not plan_step(hold)[0]
    finally:
        run_memo.close_run(previous)
    strided = xs.copy()[::2]
    assert run(strided) is not strided  # not C-contiguous
    owner = xs.copy()
    halves = owner.reshape(2, -1)
    assert run(halves) is not halves  # (its owner is also held here)
    del owner
    other_view = halves.reshape(-1)
    assert run(halves) is not halves  # (its owner is also held by another view)
    del other_view
    assert run(halves) is halves  # the only view of an owner nothing else holds
    readonly = xs.copy()
    readonly.flags.writeable = False
    assert _same_bits(run(readonly), want) and readonly.flags.writeable is False


def test_py_func_arrays_are_not_written(reuse_log):
    kept = np.random.RandomState(0).randn(8, 8).astype(np.float32)
    held = kept.copy()
    x = tf.placeholder(tf.float32, [8, 8])
    for stateful in (True, False):
        y = tf.py_func(lambda a: held, [x], tf.float32, stateful=stateful)
        y.set_shape([8, 8])
        with tf.Session() as sess:
            got = sess.run(tf.nn.relu(y) * 1.0, {x: kept})
        assert _same_bits(got, np.maximum(kept, 0))
        assert _same_bits(held, kept)


def test_reuse_switch_off_compiles_plain_plans(monkeypatch):
    monkeypatch.setenv("TFCOMPAT_BUFFER_REUSE", "0")
    x = tf.placeholder(tf.float32, [256, 256])
    y = tf.nn.relu(x * 2.0)
    with tf.Session() as sess:
        sess.run(y, {x: np.ones((256, 256), np.float32)})
        (plan,) = sess._plans.values()
    assert not any(name.startswith("r") for name in plan.function.__globals__
                   if name[1:].isdigit())


def test_concurrent_runs_of_one_plan(reuse_log):
    x = tf.placeholder(tf.float32, [64, 64])
    b = tf.Variable(np.linspace(-1, 1, 64).astype(np.float32))
    y = tf.nn.relu(tf.nn.bias_add(x * 3.0, b))
    loss = tf.reduce_sum(y * y)
    grad = tf.gradients(loss, x)[0]
    errors = []
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        bs = sess.run(b)

        def worker(k):
            rng = np.random.RandomState(k)
            for _ in range(30):
                xs = rng.randn(64, 64).astype(np.float32)
                h = np.maximum(xs * np.float32(3) + bs, 0)
                got_y, got_g = sess.run([y, grad], {x: xs})
                if not (_same_bits(got_y, h) and np.allclose(got_g, 2 * h * 3 * (h > 0))):
                    errors.append(k)

        run_in_threads(worker, [(k,) for k in range(4)])
    assert errors == []
    assert any(pos is not None for _, pos in reuse_log)


# ---- the kernels: ``out=`` an input gives the plain call's bits ------------------------------

_SPECIALS = [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 6.0, 1e-30]


def _values(draw, dtype, shape):
    size = int(np.prod(shape))
    seed = draw(st.integers(0, 2 ** 31 - 1))
    rng = np.random.RandomState(seed)
    a = (rng.randn(size) * 4).astype(dtype)
    specials = draw(st.lists(st.tuples(st.integers(0, size - 1), st.sampled_from(_SPECIALS)),
                             max_size=8))
    for i, v in specials:
        a[i] = v
    return a.reshape(shape)


_UNARY = ["Relu", "Neg", "Abs", "Exp", "Tanh", "Square", "Sqrt", "Floor", "Sigmoid", "Erf"]
_BINARY = ["AddV2", "Sub", "Mul", "RealDiv", "Maximum", "Minimum", "ReluGrad", "Relu6Grad",
           "TanhGrad", "SigmoidGrad", "SqrtGrad", "RsqrtGrad", "ReciprocalGrad"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_in_place_kernels_give_the_plain_kernels_bits(data):
    dtype = data.draw(st.sampled_from(FLOAT_DTYPES))
    op_type = data.draw(st.sampled_from(_UNARY + _BINARY + ["BiasAdd"]))
    bind = get_op_def(op_type).bind
    positions = getattr(bind, "in_place_inputs", ())
    if not positions:
        return  # (an op without an in-place variant)
    shape = data.draw(st.sampled_from([(5,), (3, 7), (64, 1024), (2, 9, 8193)]))
    threads = data.draw(st.sampled_from([1, 2]))
    kernel = bind(_FakeOp(shape), _FakeState(threads))
    draw = data.draw
    if op_type == "BiasAdd":
        args = [_values(draw, dtype, shape), _values(draw, dtype, shape[-1:])]
    elif op_type in _BINARY:
        other = shape if data.draw(st.booleans()) else shape[-1:]
        args = [_values(draw, dtype, shape), _values(draw, dtype, other)]
        if data.draw(st.booleans()):
            args.reverse()
    else:
        args = [_values(draw, dtype, shape)]
    with np.errstate(all="ignore"):
        want = kernel(*[a.copy() for a in args])
    for p in positions:
        if args[p].shape != shape:
            continue
        copies = [a.copy() for a in args]
        with np.errstate(all="ignore"):
            got = kernel(*copies, out=copies[p])
        assert _same_bits(got, want), (op_type, dtype, p)
        dtypes = bind.in_place_dtypes
        if (all(a.shape == shape for a in args) and np.prod(shape) >= 1 << 14
                and (dtypes is None or np.dtype(dtype) in dtypes)):
            assert got is copies[p]  # (where the kernel writes into ``out``, the large paths)
        elif got is not copies[p]:
            assert _same_bits(copies[p], args[p])  # declined: ``out`` left as it was


class _FakeOp:
    """What binders read of an op: its output's static size."""

    def __init__(self, shape):
        self._outputs = [_FakeTensor(shape)]
        self._attrs = {}


class _FakeTensor:
    def __init__(self, shape):
        self.shape = tf.TensorShape(shape)


class _FakeState:
    def __init__(self, threads):
        self.intra_op_threads = threads


# ---- random element-wise graphs: reuse on and off give the same bits -------------------------

_GRAPH_OPS = ["relu", "add", "mul", "sub", "maximum", "bias_add", "relu_grad", "neg", "tanh"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_elementwise_graphs_match_plans_without_reuse(data, monkeypatch):
    monkeypatch.setattr(buffer_reuse, "MIN_REUSE_SIZE", 16)
    dtype = data.draw(st.sampled_from(FLOAT_DTYPES))
    shape = data.draw(st.sampled_from([(6, 8), (3, 4, 16)]))
    tf_dtype = tf.as_dtype(dtype)
    x = tf.placeholder(tf_dtype, shape)
    y = tf.placeholder(tf_dtype, shape)
    bias = tf.placeholder(tf_dtype, shape[-1:])
    values = [x, y]
    fetches = []
    for _ in range(data.draw(st.integers(2, 10))):
        kind = data.draw(st.sampled_from(_GRAPH_OPS))
        a = values[data.draw(st.integers(0, len(values) - 1))]
        b = values[data.draw(st.integers(0, len(values) - 1))]
        if kind == "relu":
            v = tf.nn.relu(a)
        elif kind == "neg":
            v = -a
        elif kind == "tanh":
            v = tf.tanh(a)
        elif kind == "bias_add":
            v = tf.nn.bias_add(a, bias)
        elif kind == "relu_grad":
            v = apply_op("ReluGrad", [a, b])
        else:
            v = {"add": tf.add, "mul": tf.multiply, "sub": tf.subtract,
                 "maximum": tf.maximum}[kind](a, b)
        values.append(v)
        if data.draw(st.booleans()):
            fetches.append(v)
    fetches.append(values[-1])
    draw = data.draw
    feed = {x: _values(draw, dtype, shape), y: _values(draw, dtype, shape),
            bias: _values(draw, dtype, shape[-1:])}
    kept = {k: v.copy() for k, v in feed.items()}
    with tf.Session() as sess:
        monkeypatch.setenv("TFCOMPAT_BUFFER_REUSE", "1")
        got = sess.run(fetches, feed)
    with tf.Session() as sess:
        monkeypatch.setenv("TFCOMPAT_BUFFER_REUSE", "0")
        want = sess.run(fetches, feed)
    assert all(_same_bits(g, w) for g, w in zip(got, want))
    assert all(_same_bits(feed[k], kept[k]) for k in feed)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES + (np.int32,))
@pytest.mark.parametrize("op_type", ["ReluGrad", "Relu6Grad"])
def test_masked_gradients_into_either_input(op_type, dtype):
    rng = np.random.RandomState(0)
    specials = np.array(_SPECIALS * 7, np.float64)[:64] if dtype != np.int32 else np.zeros(64)
    gradients = np.concatenate([specials, rng.randn(4096 - 64) * 8]).astype(dtype)
    features = np.concatenate([specials[::-1], rng.randn(4096 - 64) * 8]).astype(dtype)
    kernel = get_op_def(op_type).bind(_FakeOp((4096,)), _FakeState(1))
    with np.errstate(all="ignore"):
        want = kernel(gradients, features)
        for p in (0, 1):
            args = [gradients.copy(), features.copy()]
            got = kernel(*args, out=args[p])
            assert got is args[p] and _same_bits(got, want), p


def test_while_loop_bodies_and_their_gradient_stacks(reuse_log):
    # The body's values are pushed on stacks for the gradient loop: a pushed value is held by
    # its stack, so no step may write into it.
    xs = np.random.RandomState(0).randn(16, 16).astype(np.float32)
    x = tf.placeholder(tf.float32, [16, 16])

    def body(i, h):
        return i + 1, tf.nn.relu(h * 1.5 - 0.25) + tf.tanh(h)

    _, h = tf.while_loop(lambda i, h: i < 3, body, [tf.constant(0), x])
    g = tf.gradients(tf.reduce_sum(h * h), x)[0]
    with tf.Session() as sess:
        got = sess.run([h, g], {x: xs})
    want = _run_without_reuse([h, g], {x: xs})
    assert all(_same_bits(a, b) for a, b in zip(got, want))
    assert any(pos is not None for _, pos in reuse_log)
