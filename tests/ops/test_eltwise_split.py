"""Element-wise kernels split over the intra-op pool give bit-identical results to one serial call.

Every op bound by ``eltwise_kernels.split_binder`` is run both ways on the same inputs (special
values, every dtype the op takes, broadcasting and non-contiguous layouts) and compared byte for
byte, with dtype, shape and memory layout. The fused kernels are compared with a plain-numpy
evaluation of the formula they replace. The pool's size threshold is lowered so small arrays
split.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
import tfcompat.ops.bitwise_ops  # noqa: F401 - registers its ops
import tfcompat.ops.nn_activation_ops  # noqa: F401
import tfcompat.ops.special_math_ops  # noqa: F401
from tfcompat.framework import dtypes, intra_op_pool
from tfcompat.framework.op_registry import _OP_DEFS

SPLIT_OPS = sorted(name for name, op_def in _OP_DEFS.items()
                   if hasattr(op_def.bind, "split_kernel"))
SHAPE = (123, 457)  # 56211 elements: 4 blocks of 16384 and a short last one, on 2 threads


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch):
    """Small arrays split, and every split does (no back-off on a busy machine)."""
    monkeypatch.setattr(intra_op_pool, "MIN_PARALLEL_SIZE", 1 << 13)
    monkeypatch.setattr(intra_op_pool, "_serial_calls", 0)
    monkeypatch.setattr(intra_op_pool, "_record_split", lambda *timings: None)
    monkeypatch.setattr(intra_op_pool, "_idle_cores", lambda: 8)


def _numpy_types(op_def) -> list[np.dtype]:
    allowed = op_def.allowed.get("T")
    if allowed is None:  # bool-only logical ops, and comparisons of any type
        allowed = ((dtypes.bool_,) if op_def.type.startswith("Logical")
                   else (dtypes.float32, dtypes.int32, dtypes.bool_))
    seen = []
    for dtype in allowed:
        np_type = np.dtype(dtypes.storage_type(dtype))
        if np_type not in seen:
            seen.append(np_type)
    return seen


def _values(dtype: np.dtype, shape, seed: int) -> np.ndarray:
    rng = np.random.RandomState(seed)
    size = int(np.prod(shape))
    if dtype.kind == "b":
        return rng.rand(size).reshape(shape) < 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        values = rng.randint(max(info.min, -1000), min(info.max, 1000) + 1, size).astype(dtype)
        if size >= 2:
            values[:2] = (info.min, info.max)
        return values.reshape(shape)
    real = (rng.randn(size) * 3).astype(dtype.type(0).real.dtype)
    specials = [np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-40, 6e4, -6e4, 0.5, 1.0, -1.0]
    positions = rng.randint(0, size, 200) if size else np.zeros(0, int)
    real[positions] = np.array(specials * 20, dtype=real.dtype)[:len(positions)]
    if dtype.kind == "c":
        imag = (rng.randn(size) * 2).astype(real.dtype)
        imag[positions[::3]] = np.nan
        return (real + 1j * imag).astype(dtype).reshape(shape)
    return real.reshape(shape)


def _assert_same(serial, split):
    assert type(serial) is type(split)
    serial, split = np.asarray(serial), np.asarray(split)
    assert serial.dtype == split.dtype and serial.shape == split.shape
    assert serial.flags.c_contiguous == split.flags.c_contiguous
    assert serial.tobytes() == split.tobytes()


def _run_both(op_def, args):
    serial_kernel = op_def.bind.serial_kernel
    split_kernel = op_def.bind.split_kernel
    try:
        serial = serial_kernel(*args)
    except Exception as e:  # noqa: BLE001 - the split kernel must raise the same
        with pytest.raises(type(e)):
            split_kernel(*args, threads=2)
        return
    with np.errstate(all="ignore"):
        _assert_same(serial, split_kernel(*args, threads=2))
        _assert_same(serial, split_kernel(*args, threads=3))


def _arity(op_def) -> int:
    return len(op_def.inputs)


@pytest.mark.parametrize("op_type", SPLIT_OPS)
def test_split_matches_serial_for_every_dtype(op_type):
    op_def = _OP_DEFS[op_type]
    with np.errstate(all="ignore"):
        for dtype in _numpy_types(op_def):
            args = [_values(dtype, SHAPE, seed) for seed in range(_arity(op_def))]
            _run_both(op_def, args)


BROADCASTS = [((123, 457), (457,)), ((123, 1), (1, 457)), ((), (123, 457)), ((1, 1), (123, 457)),
              ((7, 123, 457), (123, 457)), ((123, 457), (123, 1))]


@pytest.mark.parametrize("op_type", [op for op in SPLIT_OPS if _arity(_OP_DEFS[op]) == 2])
@pytest.mark.parametrize("shapes", BROADCASTS)
def test_split_matches_serial_with_broadcasting(op_type, shapes):
    op_def = _OP_DEFS[op_type]
    dtype = _numpy_types(op_def)[0]
    with np.errstate(all="ignore"):
        x, y = (_values(dtype, shape, seed) for seed, shape in enumerate(shapes))
        _run_both(op_def, [x, y])
        _run_both(op_def, [y, x])


@pytest.mark.parametrize("op_type", SPLIT_OPS)
def test_non_contiguous_inputs_keep_numpy_layout(op_type):
    op_def = _OP_DEFS[op_type]
    dtype = _numpy_types(op_def)[0]
    with np.errstate(all="ignore"):
        transposed = [_values(dtype, SHAPE[::-1], seed).T for seed in range(_arity(op_def))]
        _run_both(op_def, transposed)
        strided = [_values(dtype, (123, 914), seed)[:, ::2] for seed in range(_arity(op_def))]
        _run_both(op_def, strided)


@settings(max_examples=40, deadline=None)
@given(op_type=st.sampled_from(SPLIT_OPS), rows=st.integers(1, 200), cols=st.integers(1, 300),
       seed=st.integers(0, 2**16), broadcast_rows=st.booleans())
def test_split_matches_serial_for_any_shape(op_type, rows, cols, seed, broadcast_rows):
    op_def = _OP_DEFS[op_type]
    dtype = _numpy_types(op_def)[seed % len(_numpy_types(op_def))]
    shapes = [(rows, cols)] * _arity(op_def)
    if broadcast_rows and len(shapes) == 2:
        shapes[1] = (cols,)
    with np.errstate(all="ignore"):
        _run_both(op_def, [_values(dtype, shape, seed + i) for i, shape in enumerate(shapes)])


# ---- the fused kernels against the plain formulas they replace ---------------------------------

FORMULAS = {
    "TanhGrad": lambda y, dy: dy * (1 - y * y),
    "SigmoidGrad": lambda y, dy: dy * y * (1 - y),
    "SqrtGrad": lambda y, dy: dy * 0.5 / y,
    "RsqrtGrad": lambda y, dy: dy * -0.5 * y * y * y,
    "ReciprocalGrad": lambda y, dy: -dy * y * y,
    "Sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "Tanh": np.tanh,
}


@pytest.mark.parametrize("op_type", sorted(FORMULAS))
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("threads", [0, 2])
def test_fused_kernel_matches_formula(op_type, dtype, threads):
    op_def = _OP_DEFS[op_type]
    formula = FORMULAS[op_type]
    for shape in [SHAPE, (), (0,), (3, 0, 2), (5,)]:
        args = [_values(np.dtype(dtype), shape, seed) for seed in range(_arity(op_def))]
        with np.errstate(all="ignore"):
            expected = np.asarray(formula(*args))
            got = np.asarray(op_def.bind.split_kernel(*args, threads=threads))
        assert got.dtype == expected.dtype and got.shape == expected.shape
        assert got.tobytes() == expected.tobytes(), (op_type, shape)


def test_fused_kernels_do_not_write_their_inputs():
    y = _values(np.dtype(np.float32), SHAPE, 0)
    dy = _values(np.dtype(np.float32), SHAPE, 1)
    y_copy, dy_copy = y.copy(), dy.copy()
    for op_type in ("TanhGrad", "SigmoidGrad", "SqrtGrad", "RsqrtGrad", "ReciprocalGrad"):
        with np.errstate(all="ignore"):
            _OP_DEFS[op_type].bind.split_kernel(y, dy, threads=2)
        assert y.tobytes() == y_copy.tobytes() and dy.tobytes() == dy_copy.tobytes()


# ---- binding, sessions, threads -------------------------------------------------------------

def test_small_static_shapes_and_one_thread_bind_the_serial_kernel():
    x = tf.placeholder(tf.float32, [4, 5])
    big = tf.placeholder(tf.float32, [None, 5])
    small_op, big_op = tf.tanh(x).op, tf.tanh(big).op

    class State:
        intra_op_threads = 2

    bind = _OP_DEFS["Tanh"].bind
    assert bind(small_op, State()) is np.tanh
    assert bind(big_op, None) is np.tanh  # constant folding: no session
    assert bind(big_op, State()).func is bind.split_kernel
    State.intra_op_threads = 1
    assert bind(big_op, State()) is np.tanh


def _graph_outputs(threads: int) -> list[np.ndarray]:
    with tf.Graph().as_default():
        xs = _values(np.dtype(np.float32), (300, 200), 3)
        x = tf.placeholder(tf.float32, [300, 200])
        h = x
        for _ in range(3):
            h = tf.sigmoid(tf.tanh(h) * 1.5 + tf.exp(h * 0.1) - tf.reduce_mean(h, 0))
        loss = tf.reduce_sum(tf.sqrt(tf.abs(h)) + tf.math.rsqrt(h * h + 1.0) + 1.0 / (h + 2.0))
        grad = tf.gradients(loss, x)[0]
        config = tf.ConfigProto(intra_op_parallelism_threads=threads)
        with tf.Session(config=config) as sess:
            return sess.run([h, grad], {x: xs})


def test_sessions_with_one_and_two_threads_agree_bitwise():
    with np.errstate(all="ignore"):
        serial, split = _graph_outputs(1), _graph_outputs(2)
    for a, b in zip(serial, split):
        _assert_same(a, b)


def test_concurrent_callers_share_the_pool():
    kernel = _OP_DEFS["TanhGrad"].bind.split_kernel
    inputs = [(_values(np.dtype(np.float32), SHAPE, 2 * i), _values(np.dtype(np.float32), SHAPE,
                                                                   2 * i + 1)) for i in range(4)]
    with np.errstate(all="ignore"):  # as run_plan calls kernels
        expected = [kernel(y, dy) for y, dy in inputs]
    failures = []

    def caller(i):
        with np.errstate(all="ignore"):
            for _ in range(25):
                if kernel(*inputs[i], threads=2).tobytes() != expected[i].tobytes():
                    failures.append(i)

    with np.errstate(all="ignore"):
        threads = [threading.Thread(target=caller, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert not failures


def test_a_failing_block_raises_in_the_caller():
    def body(out, x):
        if x[-1] == 1.0:
            raise ValueError("block failed")
        out[...] = x

    x = np.linspace(0, 1, 1 << 16)
    with pytest.raises(ValueError, match="block failed"):
        intra_op_pool.run_split(body, np.empty_like(x), (x,), 2)


def test_back_off_after_splits_that_did_not_pay(monkeypatch):
    monkeypatch.undo()  # the real _record_split
    monkeypatch.setattr(intra_op_pool, "_serial_calls", 0)
    monkeypatch.setattr(intra_op_pool, "_backoff", 0)
    record = intra_op_pool._record_split
    record(False, 1e-3, 1e-5)  # paid: the pool ran blocks, the caller hardly waited
    assert intra_op_pool._serial_calls == 0
    record(True, 1e-3, 0.0)  # the caller ran every block itself
    assert intra_op_pool._serial_calls == 16
    record(False, 1e-4, 5e-3)  # the caller waited longer than it worked
    assert intra_op_pool._serial_calls == 32
    for _ in range(10):
        record(True, 1e-3, 0.0)
    assert intra_op_pool._serial_calls == intra_op_pool._MAX_BACKOFF
    record(False, 1e-3, 1e-5)
    assert intra_op_pool._backoff == 0

    calls = []
    monkeypatch.setattr(intra_op_pool, "MIN_PARALLEL_SIZE", 1 << 13)
    monkeypatch.setattr(intra_op_pool, "_idle_cores", lambda: 2)
    monkeypatch.setattr(intra_op_pool, "_serial_calls", 2)
    x = np.zeros(1 << 16)
    for _ in range(3):
        intra_op_pool.run_split(lambda out, x: calls.append(out.size), np.empty_like(x), (x,), 2)
    assert calls[:2] == [1 << 16, 1 << 16]  # two serial calls, then blocks
    assert all(size < 1 << 16 for size in calls[2:])


def test_splits_use_the_cores_other_threads_leave_idle(monkeypatch, tmp_path):
    monkeypatch.undo()
    loadavg = tmp_path / "loadavg"
    monkeypatch.setattr(intra_op_pool, "_LOADAVG", str(loadavg))
    monkeypatch.setattr(intra_op_pool, "_SAMPLE_SECONDS", 0.0)
    monkeypatch.setattr(intra_op_pool, "MACHINE_CORES", 4)
    monkeypatch.setattr(intra_op_pool, "_others_running", 0.0)
    loadavg.write_text("0.50 0.40 0.30 1/120 4242\n")  # only the caller runs
    assert intra_op_pool._idle_cores() == 4
    loadavg.write_text("5.00 4.00 3.00 4/120 4242\n")  # three other threads run
    for _ in range(8):
        idle = intra_op_pool._idle_cores()
    assert idle == 1
    loadavg.unlink()  # unreadable: every core counts as idle again, once the average decays
    for _ in range(8):
        idle = intra_op_pool._idle_cores()
    assert idle == 4

    calls = []
    monkeypatch.setattr(intra_op_pool, "MIN_PARALLEL_SIZE", 1 << 13)
    monkeypatch.setattr(intra_op_pool, "_serial_calls", 0)
    monkeypatch.setattr(intra_op_pool, "_idle_cores", lambda: 1)
    x = np.zeros(1 << 16)
    intra_op_pool.run_split(lambda out, x: calls.append(out.size), np.empty_like(x), (x,), 2)
    assert calls == [1 << 16]  # no idle core for a pool thread: one serial call


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("tail", [1, 5, 15, 63, 64])
def test_a_short_last_block_keeps_the_nan_the_serial_call_gives(dtype, tail):
    # numpy's scalar loop (a few elements) and its vector loop (the whole array's tail) keep
    # different operands' NaNs in NaN + NaN: a short tail must not run as a block of its own.
    size = 4 * intra_op_pool.ALIGN + tail  # two threads: blocks of 2 * ALIGN, then the tail
    x = np.ones(size, dtype)
    y = np.ones(size, dtype)
    x[-tail:], y[-tail:] = np.nan, -np.nan
    for op_type in ("AddV2", "Mul"):
        _run_both(_OP_DEFS[op_type], [x, y])
    bounds = intra_op_pool.range_bounds(size, 2 * intra_op_pool.ALIGN)
    assert bounds[-1][1] == size and min(hi - lo for lo, hi in bounds) >= intra_op_pool.MIN_TAIL
