"""Element-wise fusion in plans (client/eltwise_fusion.py): which steps fuse, and that fused plans
give the unfused plans' values bit for bit, on the fused path and on its unfused fallback."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.threads import run_in_threads
from tfcompat.client import buffer_reuse, eltwise_fusion
from tfcompat.client.eltwise_fusion import FusedSegment
from tfcompat.framework import intra_op_pool


@pytest.fixture
def small_blocks(monkeypatch):
    """Fusion from 16K elements in blocks of 8192, split over two threads even for small
    segments on a busy machine, so tests cover many ranges, short tails and the pool."""
    monkeypatch.setattr(eltwise_fusion, "MIN_FUSED_SIZE", 1 << 14)
    monkeypatch.setattr(eltwise_fusion, "SERIAL_MIN_SCRATCH_BYTES", 0)
    monkeypatch.setattr(eltwise_fusion, "MIN_BLOCK", intra_op_pool.ALIGN)
    monkeypatch.setattr(eltwise_fusion, "MAX_BLOCK", intra_op_pool.ALIGN)
    monkeypatch.setattr(intra_op_pool, "MIN_PARALLEL_SIZE", 1 << 14)
    monkeypatch.setattr(intra_op_pool, "_idle_cores", lambda: 2)
    monkeypatch.setattr(intra_op_pool, "_serial_calls", 0)


def _segments(sess: tf.Session) -> list[FusedSegment]:
    segments = []
    for plan in sess._plans.values():
        segments += [v for v in plan.function.__globals__.values() if isinstance(v, FusedSegment)]
    return segments


def _sessions(monkeypatch, config=None):
    """A session with fusion and one without (``TFCOMPAT_FUSION=0`` when it compiles plans)."""
    return _FusionSwitch(monkeypatch, tf.Session(config=config), "1"), _FusionSwitch(
        monkeypatch, tf.Session(config=config), "0")


class _FusionSwitch:
    def __init__(self, monkeypatch, sess, flag):
        self.monkeypatch, self.sess, self.flag = monkeypatch, sess, flag

    def run(self, fetches, feed_dict=None):
        self.monkeypatch.setenv("TFCOMPAT_FUSION", self.flag)
        return self.sess.run(fetches, feed_dict)


def _same_bits(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _tanh_chain(shape, layers):
    x = tf.placeholder(tf.float32, shape)
    hs = [x]
    for _ in range(layers):
        hs.append(tf.tanh(hs[-1]))
    return x, hs, tf.gradients(hs[-1], x)[0]


def test_tanh_chain_forward_and_backward_is_one_step(monkeypatch):
    x, hs, grad = _tanh_chain([1024, 512], 10)
    xs = np.random.RandomState(0).randn(1024, 512).astype(np.float32)
    fused, unfused = _sessions(monkeypatch)
    got, want = fused.run(grad, {x: xs}), unfused.run(grad, {x: xs})
    assert _same_bits(got, want)
    (segment,) = _segments(fused.sess)
    assert [op.type for op in segment.ops] == ["Tanh"] * 10 + ["TanhGrad"] * 10
    assert len(segment.out_names) == 1  # only the gradient becomes a whole array
    plan = list(fused.sess._plans.values())[0]
    assert len(plan.ops) >= 20 and len(plan.line_ops) == 1
    assert _segments(unfused.sess) == []


def test_fetched_intermediate_is_a_whole_array_with_its_value(monkeypatch, small_blocks):
    x, hs, grad = _tanh_chain([130, 257], 6)  # not a multiple of the block size
    xs = np.random.RandomState(1).randn(130, 257).astype(np.float32) * 3
    fused, unfused = _sessions(monkeypatch)
    fetches = [grad, hs[3], hs[6]]
    for got, want in zip(fused.run(fetches, {x: xs}), unfused.run(fetches, {x: xs})):
        assert _same_bits(got, want)
    (segment,) = _segments(fused.sess)
    assert len(segment.out_names) == 3


def test_a_guarded_step_ends_a_segment(monkeypatch, small_blocks):
    x = tf.placeholder(tf.float32, [128, 256])
    p = tf.placeholder(tf.bool, [])
    h = tf.tanh(tf.tanh(x))
    c = tf.cond(p, lambda: tf.sigmoid(h) * h, lambda: h - 1.0)
    out = tf.square(tf.tanh(c))
    xs = np.random.RandomState(2).randn(128, 256).astype(np.float32)
    fused, unfused = _sessions(monkeypatch)
    for taken in (True, False):
        assert _same_bits(fused.run(out, {x: xs, p: taken}), unfused.run(out, {x: xs, p: taken}))
    # The two Tanh before the cond fuse, and the two ops after its Merge (live whichever branch
    # runs: client/deadness.py); the branches' ops are guarded (they may see dead tensors).
    before, after = _segments(fused.sess)
    assert [op.name for op in before.ops] == ["Tanh", "Tanh_1"]
    assert [op.name for op in after.ops] == ["Tanh_2", "Square"]


def test_variable_read_inside_a_segment_sees_assignments(monkeypatch, small_blocks):
    v = tf.Variable(np.full((128, 256), 0.5, np.float32))
    out = tf.tanh(v * 2.0) + v
    assign = v.assign(tf.fill([128, 256], -1.5))
    with tf.Session() as sess:
        monkeypatch.setenv("TFCOMPAT_FUSION", "1")
        sess.run(v.initializer)
        np.testing.assert_array_equal(sess.run(out), np.tanh(np.float32(1.0)) + np.float32(0.5))
        sess.run(assign)
        np.testing.assert_array_equal(sess.run(out), np.tanh(np.float32(-3.0)) - np.float32(1.5))
        assert [op.type for op in _segments(sess)[0].ops] == ["Mul", "Tanh", "AddV2"]


_UNARY = [tf.tanh, tf.sigmoid, tf.exp, tf.negative, tf.square, tf.abs, tf.sin, tf.math.log1p]
def _add_n(a, b):
    return tf.add_n([a, b, a]) if a.shape.as_list() == b.shape.as_list() else tf.add(a, b)


_BINARY = [tf.add, tf.subtract, tf.multiply, tf.math.truediv, tf.maximum, tf.minimum, _add_n]
_EDGES = [np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-30, 65504.0]


@st.composite
def _programs(draw):
    dtype = draw(st.sampled_from([np.float16, np.float32, np.float64]))
    shape = draw(st.sampled_from([(128, 128), (131, 257), (40001,), (8192 * 3,)]))
    steps = draw(st.lists(st.tuples(st.integers(0, len(_UNARY) + len(_BINARY)),
                                    st.integers(0, 100), st.integers(0, 100), st.booleans()),
                          min_size=2, max_size=12))
    fetch_mask = draw(st.integers(0, 1 << 13))
    seed = draw(st.integers(0, 2 ** 16))
    batch_known = draw(st.booleans())  # else placeholders of shape [None, ...]
    return dtype, shape, steps, fetch_mask, seed, batch_known


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(_programs())
def test_random_elementwise_graphs_give_the_unfused_bits(monkeypatch, small_blocks, program):
    dtype, shape, steps, fetch_mask, seed, batch_known = program
    rng = np.random.RandomState(seed)
    static_shape = list(shape) if batch_known else [None, *shape[1:]]
    with tf.Graph().as_default():
        x = tf.placeholder(dtype, static_shape)
        y = tf.placeholder(dtype, static_shape)
        tensors = [x, y]
        for kind, a, b, use_scalar in steps:
            first = tensors[a % len(tensors)]
            if kind < len(_UNARY):
                tensors.append(_UNARY[kind](first))
            else:
                second = (tf.constant(1.5, dtype) if use_scalar
                          else tensors[b % len(tensors)])
                tensors.append(_BINARY[(kind - len(_UNARY)) % len(_BINARY)](first, second))
        grad = tf.gradients(tensors[-1], [x, y])
        fetches = [t for i, t in enumerate(tensors[2:]) if fetch_mask >> i & 1] + [tensors[-1]]
        fetches += [g for g in grad if g is not None and g.shape.as_list() == static_shape]
        feeds = {}
        for p in (x, y):
            values = (rng.randn(*shape) * 3).astype(dtype)
            flat = values.reshape(-1)
            flat[rng.randint(0, flat.size, 12)] = rng.choice(_EDGES, 12)
            feeds[p] = values
        fused, unfused = _sessions(monkeypatch)
        with np.errstate(all="ignore"):
            want = unfused.run(fetches, feeds)
            with monkeypatch.context() as patch:  # contiguous inputs: never the fallback
                patch.setattr(FusedSegment, "_unfused", None)
                got = fused.run(fetches, feeds)
        for g, w in zip(got, want):
            assert _same_bits(g, w)


def test_inputs_the_bodies_cannot_take_run_the_unfused_kernels(monkeypatch, small_blocks):
    x, hs, grad = _tanh_chain([128, 128], 4)
    xs = np.random.RandomState(3).randn(128, 128).astype(np.float32)
    fused, unfused = _sessions(monkeypatch)
    want = unfused.run([grad, hs[2]], {x: xs})
    fused.run(grad, {x: xs})
    (segment,) = _segments(fused.sess)
    assert len(segment.arg_names) == 2  # the feed and the gradient's ones
    ones = np.ones((128, 128), np.float32)
    wide = np.zeros((128, 256), np.float32)
    wide[:, ::2] = xs
    for feed in [np.asfortranarray(xs), wide[:, ::2], np.asarray(xs, np.float64), xs]:
        args = (feed, ones) if segment.arg_names[0].startswith("f") else (ones, feed)
        got = segment(*args)
        expected = want[0] if feed.dtype == np.float32 else None
        if expected is not None:
            assert _same_bits(got, expected)
    # A non-contiguous feed through the session: same values as unfused.
    assert _same_bits(fused.run(grad, {x: np.asfortranarray(xs)}), want[0])


def test_concurrent_runs_share_a_fused_plan(monkeypatch, small_blocks):
    x, hs, grad = _tanh_chain([128, 256], 8)
    fused, unfused = _sessions(monkeypatch)
    inputs = [np.random.RandomState(i).randn(128, 256).astype(np.float32) for i in range(6)]
    want = [unfused.run([grad, hs[4]], {x: xs}) for xs in inputs]
    monkeypatch.setenv("TFCOMPAT_FUSION", "1")
    errors = []

    def worker(k):
        try:
            for r in range(4):
                i = (k + r) % len(inputs)
                got = fused.sess.run([grad, hs[4]], {x: inputs[i]})
                if not all(_same_bits(g, w) for g, w in zip(got, want[i])):
                    errors.append(i)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    run_in_threads(worker, [(k,) for k in range(4)])
    assert errors == []
    assert len(_segments(fused.sess)) == 1


def test_one_thread_sessions_fuse_too(monkeypatch, small_blocks):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    x, hs, grad = _tanh_chain([128, 256], 5)
    xs = np.random.RandomState(4).randn(128, 256).astype(np.float32)
    fused, unfused = _sessions(monkeypatch, config)
    assert _same_bits(fused.run(grad, {x: xs}), unfused.run(grad, {x: xs}))
    (segment,) = _segments(fused.sess)
    assert segment.layout(segment.size)[1] == 1


def test_one_thread_fuses_only_what_would_leave_the_cache(monkeypatch):
    # On one thread fusion saves no hand-off: only the traffic of arrays beyond the L3 cache.
    monkeypatch.setenv("TFCOMPAT_FUSION", "1")
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    x = tf.placeholder(tf.float32, [1024, 1024])
    short = tf.sigmoid(tf.tanh(x) * 2.0)  # 8 MB of intermediates
    x_long, _, grad = _tanh_chain([1024, 1024], 3)  # 20 MB
    xs = np.zeros((1024, 1024), np.float32)
    with tf.Session(config=config) as sess:
        sess.run(short, {x: xs})
        assert _segments(sess) == []
        sess.run(grad, {x_long: xs})
        assert len(_segments(sess)) == 1


def test_small_or_unknown_rank_shapes_do_not_fuse(monkeypatch):
    monkeypatch.setenv("TFCOMPAT_FUSION", "1")
    small = tf.placeholder(tf.float32, [64, 64])
    unknown = tf.placeholder(tf.float32, None)
    with tf.Session() as sess:
        sess.run(tf.tanh(tf.tanh(small)), {small: np.zeros((64, 64), np.float32)})
        sess.run(tf.tanh(tf.tanh(unknown)), {unknown: np.zeros((1024, 1024), np.float32)})
        assert _segments(sess) == []


def _recording(function, calls: list):
    # (records no arguments: a reference kept to an array would block its reuse)
    return lambda *args: calls.append(None) or function(*args)


def _counting_fallbacks(monkeypatch) -> list:
    calls: list = []
    monkeypatch.setattr(FusedSegment, "_unfused", _recording(FusedSegment._unfused, calls))
    return calls


def test_a_batch_dimension_known_at_run_time_fuses_when_the_run_is_large(monkeypatch):
    # [None, 1024]: the thresholds static shapes meet when the plan is compiled apply per run.
    x, hs, grad = _tanh_chain([None, 1024], 4)
    fused, unfused = _sessions(monkeypatch)
    fallbacks = _counting_fallbacks(monkeypatch)
    rng = np.random.RandomState(5)
    for rows, falls_back in [(1024, False), (100, True), (600, False), (0, True)]:
        xs = rng.randn(rows, 1024).astype(np.float32)
        fallbacks.clear()
        assert _same_bits(fused.run(grad, {x: xs}), unfused.run(grad, {x: xs}))
        assert len(fallbacks) == (1 if falls_back else 0), rows
    # (the gradient's ones, a Fill of the run's shape, move up: client/memo_hoisting.py)
    (segment,) = _segments(fused.sess)
    assert [op.type for op in segment.ops] == ["Tanh"] * 4 + ["TanhGrad"] * 4
    assert segment.shape == (None, 1024) and len(segment.out_names) == 1
    assert set(segment._layouts) == {1024 * 1024, 100 * 1024, 600 * 1024, 0}


def test_inputs_of_one_static_shape_that_differ_at_run_time_run_unfused(monkeypatch, small_blocks):
    # Two [None, 512] inputs: broadcast (1 row against 64) or refused (3 against 64), as the
    # unfused kernels do.
    x = tf.placeholder(tf.float32, [None, 512])
    y = tf.placeholder(tf.float32, [None, 512])
    z = tf.tanh(x * y) + x
    fused, unfused = _sessions(monkeypatch)
    fallbacks = _counting_fallbacks(monkeypatch)
    rng = np.random.RandomState(6)
    ys = rng.randn(64, 512).astype(np.float32)
    for rows in (64, 1):
        xs = rng.randn(rows, 512).astype(np.float32)
        assert _same_bits(fused.run(z, {x: xs, y: ys}), unfused.run(z, {x: xs, y: ys}))
    assert len(fallbacks) == 1
    xs = rng.randn(3, 512).astype(np.float32)
    with pytest.raises(tf.errors.InvalidArgumentError) as unfused_error:
        unfused.run(z, {x: xs, y: ys})
    with pytest.raises(tf.errors.InvalidArgumentError) as fused_error:
        fused.run(z, {x: xs, y: ys})
    assert str(fused_error.value).splitlines()[0] == str(unfused_error.value).splitlines()[0]


def test_one_thread_fuses_a_run_time_shape_only_beyond_the_cache(monkeypatch):
    monkeypatch.setenv("TFCOMPAT_FUSION", "1")
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    # The gradient: three tanh and two TanhGrad outputs die inside (20 bytes per element).
    x, hs, grad = _tanh_chain([None, 1024], 3)
    fallbacks = _counting_fallbacks(monkeypatch)
    with tf.Session(config=config) as sess:
        sess.run(grad, {x: np.zeros((1024, 1024), np.float32)})  # 20 MB
        assert len(fallbacks) == 0
        sess.run(grad, {x: np.zeros((512, 1024), np.float32)})  # 10 MB
        assert len(fallbacks) == 1
        (segment,) = _segments(sess)
        assert [op.type for op in segment.ops] == ["Tanh"] * 3 + ["TanhGrad"] * 3
        sess.run(hs[1:], {x: np.zeros((1024, 1024), np.float32)})  # all fetched: none dies
        assert len(_segments(sess)) == 1


@given(st.lists(st.lists(st.integers(0, 30), min_size=1, max_size=2), min_size=1, max_size=30),
       st.integers(0, 3), st.sets(st.integers(0, 40)))
def test_scratch_slots_never_overlap_live_values(raw_inputs, external, kept_members):
    # Member k reads values among the externals and the outputs of members before it.
    inputs = [tuple(j % (external + k) for j in ids) if external + k else ()
              for k, ids in enumerate(raw_inputs)]
    kept = {external + k for k in kept_members if k < len(inputs)}
    slot_of, count = eltwise_fusion._scratch_slots(inputs, external, kept)
    last = eltwise_fusion._last_reads(inputs, external + len(inputs))
    assert set(slot_of) == {external + k for k in range(len(inputs))} - kept
    assert all(0 <= s < count for s in slot_of.values())
    for k in range(len(inputs)):
        out = external + k
        live = [v for v in slot_of if v < out and last[v] >= k]  # still to be read by k or later
        if out in slot_of:
            assert all(slot_of[v] != slot_of[out] for v in live)
        for a in live:
            for b in live:
                assert a == b or slot_of[a] != slot_of[b]


def _ops_with_block_bodies() -> list[str]:
    import tfcompat.ops  # noqa: F401 - registers every op type
    from tfcompat.framework import op_registry
    return [t for t in op_registry.registered_op_types()
            if getattr(op_registry.get_op_def(t).bind, "block_body", None) is not None]


def test_block_bodies_are_exposed_by_the_element_wise_families():
    types = set(_ops_with_block_bodies())
    assert {"Tanh", "TanhGrad", "Sigmoid", "SigmoidGrad", "Exp", "Mul", "AddV2", "Sub", "AddN",
            "RealDiv", "Square", "Neg", "SqrtGrad", "RsqrtGrad", "ReciprocalGrad"} <= types
    # Kernels that may raise or change dtype have none.
    assert not {"FloorDiv", "FloorMod", "Cast", "Pow", "Relu"} & types


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_each_block_body_computes_its_kernel_bits(data):
    """The body on whole arrays against the op's serial kernel, for every op exposing one: small
    and large sizes (the fused *Grad kernels run their formula below 16K elements), float16/32/64,
    edge values, single-element operands where the body takes them."""
    from tfcompat.framework import op_registry
    op_type = data.draw(st.sampled_from(_ops_with_block_bodies()))
    bind = op_registry.get_op_def(op_type).bind
    body = bind.block_body
    dtype = data.draw(st.sampled_from(sorted(body.dtypes, key=str)))
    size = data.draw(st.sampled_from([1, 7, 1000, 8192 * 2 + 5]))
    # (AddN takes a list of N inputs)
    arity = (data.draw(st.integers(1, 4)) if op_type == "AddN"
             else len(op_registry.get_op_def(op_type).inputs))
    rng = np.random.RandomState(data.draw(st.integers(0, 1000)))
    inputs = []
    for k in range(arity):
        scalar = body.scalar_inputs and k == arity - 1 and data.draw(st.booleans())
        values = (rng.randn(1 if scalar else size) * 4).astype(dtype)
        values[rng.randint(0, values.size, 3)] = rng.choice(_EDGES, 3)
        inputs.append(values.reshape(()) if scalar else values)
    with np.errstate(all="ignore"):
        want = np.asarray(bind(None, None)(*inputs))  # (no session: the serial kernel)
        out = np.empty(size, dtype)
        body.body(out, *inputs)
    assert _same_bits(out, want)


def test_a_failing_kernel_on_the_unfused_path_names_its_op(monkeypatch, small_blocks):
    x = tf.placeholder(tf.float32, [128, 256])
    out = tf.sigmoid(tf.tanh(x, name="first"), name="second")
    with tf.Session() as sess:
        monkeypatch.setenv("TFCOMPAT_FUSION", "1")
        xs = np.ones((128, 256), np.float32)
        sess.run(out, {x: xs})
        (segment,) = _segments(sess)

        def broken(*args):
            raise ValueError("broken kernel")
        monkeypatch.setattr(segment, "kernels", [segment.kernels[0], broken])
        monkeypatch.setattr(segment, "run_unfused", eltwise_fusion._unfused_function(segment, 1))
        np.testing.assert_array_equal(sess.run(out, {x: xs}), 1 / (1 + np.exp(-np.tanh(xs))))
        with pytest.raises(tf.errors.InvalidArgumentError, match="node second"):
            sess.run(out, {x: np.asfortranarray(xs)})  # not C-contiguous: the unfused path


def test_chains_inside_a_while_loop_body_fuse_with_the_same_values(monkeypatch, small_blocks):
    x = tf.placeholder(tf.float32, [128, 256])
    v = tf.Variable(np.full((128, 256), 0.25, np.float32))

    def body(i, h):
        return i + 1, tf.tanh(tf.sigmoid(h) * v + h) - 0.5

    _, out = tf.while_loop(lambda i, h: i < 3, body, [tf.constant(0), x])
    grad = tf.gradients(out, x)[0]
    xs = np.random.RandomState(5).randn(128, 256).astype(np.float32)
    fused, unfused = _sessions(monkeypatch)
    for s in (fused.sess, unfused.sess):
        s.run(v.initializer)
    for got, want in zip(fused.run([out, grad], {x: xs}), unfused.run([out, grad], {x: xs})):
        assert _same_bits(got, want)
    nested = [p for plan in fused.sess._plans.values() for p in plan.nested]
    assert any(isinstance(value, FusedSegment) for p in nested
               for value in p.function.__globals__.values())


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_a_short_tail_runs_with_the_range_before_it(monkeypatch, small_blocks, dtype):
    # 2 blocks and 5 elements: the tail joins the last block (intra_op_pool.MIN_TAIL), whose
    # scratch rows have room for it, and its NaN + NaN keeps the whole-array call's NaN.
    size = 2 * intra_op_pool.ALIGN + 5
    x, y = tf.placeholder(dtype, [size]), tf.placeholder(dtype, [size])
    z = (x + y) * 2.0
    xs = np.linspace(-2, 2, size).astype(dtype.as_numpy_dtype)
    ys = xs[::-1].copy()
    xs[-5:], ys[-5:] = np.nan, -np.nan
    want = (xs + ys) * dtype.as_numpy_dtype(2)  # one numpy call for each op
    fused, unfused = _sessions(monkeypatch)
    assert _same_bits(fused.run(z, {x: xs, y: ys}), want)
    assert _same_bits(unfused.run(z, {x: xs, y: ys}), want)  # (blocks over the pool)
    (segment,) = _segments(fused.sess)
    assert segment.layout(size)[0] == intra_op_pool.ALIGN


def test_the_unfused_path_writes_into_dying_buffers_as_the_plan_does(monkeypatch):
    # [None, 1024] with 256 rows: below the fusion threshold, the segment runs its kernels one by
    # one; each after the first writes into the 1 MB buffer of the value dying there (buffer
    # reuse's wrapper and proofs), unless reuse is off.
    x = tf.placeholder(tf.float32, [None, 1024])
    out = tf.abs(((x * 2.0 + 1.0) * 3.0 - 0.5) / 7.0)
    xs = np.random.RandomState(7).randn(256, 1024).astype(np.float32)
    for reuse, writes in (("1", 5), ("0", 0)):
        monkeypatch.setenv("TFCOMPAT_BUFFER_REUSE", reuse)
        fused, unfused = _sessions(monkeypatch)
        want = unfused.run(out, {x: xs})
        fallbacks = _counting_fallbacks(monkeypatch)
        reused = []
        monkeypatch.setattr(buffer_reuse, "_fits", _recording(buffer_reuse._fits, reused))
        got = fused.run(out, {x: xs})
        assert len(fallbacks) == 1 and _same_bits(got, want)
        assert len(_segments(fused.sess)[0].ops) == 6 and len(reused) == writes
        monkeypatch.undo()
