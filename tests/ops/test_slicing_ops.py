"""Slicing, gathering, padding, splitting and scanning ops (tfcompat.ops.slicing_ops).

Three kinds of evidence:
- what TensorFlow 2.21 does, recorded by tests/ops/slicing_ops_oracle.py: op names, types,
  inputs and attrs, static shapes, values and error messages;
- numpy as the reference for forward values on random shapes and slice specs (hypothesis), with
  static shapes checked against runtime shapes, also through placeholders of unknown dims;
- float64 central differences along a random direction against ``tf.gradients`` under random
  ``grad_ys``, to first and second order.
"""

from __future__ import annotations

import json
import types

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tfcompat
from tests.ops import slicing_ops_oracle as oracle
from tfcompat.framework.ops import Graph
from tfcompat.ops import slicing_ops
from tfcompat.ops.gradients_impl import gradients
from tfcompat.testing.gradient_checker import directional_derivative

RECORDED = json.loads(oracle.DATA_PATH.read_text())

_EXPORTS = ("slice", "strided_slice", "tile", "unstack", "split", "gather", "pad", "one_hot",
            "setdiff1d", "cumsum", "cumprod", "reverse", "boolean_mask", "newaxis")


def _public(namespace) -> dict:
    """Every public name of a tfcompat namespace, its lazy ones loaded."""
    return {name: getattr(namespace, name) for name in dir(namespace) if not name.startswith("_")}


def _tf_namespace():
    """tfcompat's ``tf`` namespace with this module's API attached (as the lead exports it)."""
    tf = types.SimpleNamespace(**_public(tfcompat))
    for name in _EXPORTS:
        setattr(tf, name, getattr(slicing_ops, name))
    tf.math = types.SimpleNamespace(**_public(tfcompat.math))
    tf.math.unsorted_segment_sum = slicing_ops.unsorted_segment_sum
    return tf


tf = _tf_namespace()

_FRAMEWORK_NAMING = ("tfcompat names the Consts made from Python entries of list arguments "
                     "differently (ops.py / array_ops autopacking: TF uses the entry's index, "
                     "and converts an empty list first as float32)")
# Cases whose recorded graph (op names/structure) tfcompat does not reproduce, and why. Their
# static shapes, values and errors are still compared.
GRAPH_DEVIATIONS = {
    "getitem/x[m]": _FRAMEWORK_NAMING,
    "op/tf.slice(u, [0, p, 0], [1, 2, -1])": _FRAMEWORK_NAMING,
    "op/tf.slice(u, [0, 0, 0], [1, p, -1])": _FRAMEWORK_NAMING,
    "op/tf.slice(w, [0, 0, 0], [p, 2, -1])": _FRAMEWORK_NAMING,
    "op/tf.slice(w, [0, 0, 0], tf.stack([p, 2, -1]))": _FRAMEWORK_NAMING,
    "op/tf.slice(w, [0, p, 0], [1, 1, 1]); feeds = {p: -1}": _FRAMEWORK_NAMING,
    "op/tf.slice(tf.zeros([2, 0]), [0, p], [1, 0])": _FRAMEWORK_NAMING,
    "op/tf.tile(w, [1, p, 1])": _FRAMEWORK_NAMING,
    "op/tf.tile(w, [1, p, 1]); feeds = {p: -2}": _FRAMEWORK_NAMING,
    "op/tf.tile(s, [])": _FRAMEWORK_NAMING,
    "op/tf.split(u, [p, 1], axis=1)": _FRAMEWORK_NAMING,
    "op/tf.pad(u, [[0, 1], [p, 0], [1, 1]])": _FRAMEWORK_NAMING,
    "op/tf.pad(w, [[0, 1], [0, p], [1, 1]])": _FRAMEWORK_NAMING,
    "op/tf.reverse(w, [])": _FRAMEWORK_NAMING,
    "op/tf.boolean_mask(w, [True, False])": _FRAMEWORK_NAMING,
    "op/tf.boolean_mask(w, [[True, False, True], [False, False, True]])": _FRAMEWORK_NAMING,
    "op/tf.boolean_mask(w, [True, False, False, True], axis=2)": _FRAMEWORK_NAMING,
    "grad/tf.gather(xv * 2.0, [2, 0, 2]); gs = tf.gradients(y, xv)":
        "TF's GatherV2 gradient is an IndexedSlices densified by its consumer; tfcompat "
        "densifies it (UnsortedSegmentSum) inside GatherV2_grad",
    "grad/tf.gather(xv * 2.0, [[2, 0], [1, 1]], axis=1); gs = tf.gradients(y, xv)":
        "dense GatherV2 gradient built differently for axis != 0",
    "grad/tf.gather(xv * 2.0, [[0, 2], [1, 1], [2, 2], [0, 0]], axis=2, batch_dims=1);"
    " gs = tf.gradients(y, xv)": "dense GatherV2 gradient built differently with batch_dims",
    "grad/tf.cumprod(xv, axis=2, reverse=True); gs = tf.gradients(y, xv)":
        "TF divides with DivNoNan, which tfcompat does not register; Select does the same",
    "grad/c = tf.constant([2.0, 0.0, 3.0]); y = tf.cumprod(c); gs = tf.gradients(y, c)":
        "TF divides with DivNoNan (0 where x == 0, not the derivative); Select does the same",
    "grad/tf.math.unsorted_segment_sum(xv, [1, -1, 1, 0], 3); gs = tf.gradients(y, xv)":
        "the gather-and-mask of negative ids is built with fewer ops",
}


def _assert_values_close(got: list, want: list) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert (g["dtype"], g["shape"]) == (w["dtype"], w["shape"])
        for key in ("values", "head", "sum", "weighted_sum"):
            assert (key in g) == (key in w)
            if key not in w:
                continue
            if w["dtype"] in ("string", "bool") or w["dtype"].startswith(("int", "uint")):
                assert g[key] == w[key]
            else:
                np.testing.assert_allclose(g[key], w[key], rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", sorted(oracle.cases()))
def test_matches_recorded_tensorflow(name):
    got = oracle.evaluate(tf, oracle.cases()[name])
    want = RECORDED[name]
    assert sorted(got) == sorted(want)
    if "build_error" in want:
        assert got["build_error"] == want["build_error"]
        return
    if name not in GRAPH_DEVIATIONS:
        assert got["ops"] == want["ops"]
    assert got["static"] == want["static"]
    if "run_error" in want:
        assert got["run_error"] == want["run_error"]
    else:
        _assert_values_close(got["values"], want["values"])


def test_graph_deviations_are_still_recorded_cases():
    assert set(GRAPH_DEVIATIONS) <= set(oracle.cases())


# ---- forward values against numpy ------------------------------------------------------------

_SETTINGS = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


def _index(draw, size: int):
    if size > 0 and draw(st.booleans()):
        return draw(st.integers(-size, size - 1))
    bound = st.one_of(st.none(), st.integers(-6, 6))
    step = draw(st.one_of(st.none(), st.sampled_from([-3, -2, -1, 1, 2, 3])))
    return slice(draw(bound), draw(bound), step)


@st.composite
def _array_and_spec(draw):
    """A float array and a valid numpy basic index: ints, slices, None and one Ellipsis."""
    rank = draw(st.integers(0, 4))
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=rank, max_size=rank)))
    consumed = draw(st.integers(0, rank))  # entries that index a dim of the array
    with_ellipsis = draw(st.booleans())
    before = draw(st.integers(0, consumed)) if with_ellipsis else consumed
    dims = list(range(before)) + list(range(rank - (consumed - before), rank))
    spec = [_index(draw, shape[d]) for d in dims]
    if with_ellipsis:
        spec.insert(before, Ellipsis)
    for _ in range(draw(st.integers(0, 2))):
        spec.insert(draw(st.integers(0, len(spec))), None)
    array = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    return array, tuple(spec)


def _compatible(static, runtime_shape) -> bool:
    return static.ndims is None or (
        static.ndims == len(runtime_shape)
        and all(d is None or d == r for d, r in zip(static.as_tuple(), runtime_shape)))


@_SETTINGS
@given(_array_and_spec())
def test_getitem_matches_numpy(case):
    array, spec = case
    want = array[spec]
    with Graph().as_default():
        known = tf.constant(array)[spec]
        unknown_dims = tf.placeholder(tf.float32, [None] * array.ndim)
        partial = unknown_dims[spec]
        unknown_rank = tf.placeholder(tf.float32)
        no_rank = unknown_rank[spec]
        with tf.Session() as sess:
            got_known, got_partial, got_no_rank = sess.run(
                [known, partial, no_rank], {unknown_dims: array, unknown_rank: array})
    assert known.shape.as_tuple() == want.shape
    assert _compatible(partial.shape, want.shape)
    assert partial.shape.ndims == want.ndim
    for got in (got_known, got_partial, got_no_rank):
        np.testing.assert_array_equal(got, want)
        assert got.dtype == np.float32


def _np_gather(params, indices, axis, batch_dims):
    if batch_dims == 0:
        return np.take(params, indices, axis=axis)
    return np.stack([_np_gather(p, i, axis - 1, batch_dims - 1)
                     for p, i in zip(params, indices)])


@st.composite
def _gather_case(draw):
    rank = draw(st.integers(1, 4))
    shape = draw(st.lists(st.integers(1, 3), min_size=rank, max_size=rank))
    batch_dims = draw(st.integers(0, rank - 1))
    axis = draw(st.integers(batch_dims, rank - 1))
    extra = draw(st.lists(st.integers(0, 3), max_size=2))
    index_shape = shape[:batch_dims] + extra
    indices = np.asarray(draw(st.lists(st.integers(0, shape[axis] - 1),
                                       min_size=int(np.prod(index_shape, dtype=int)),
                                       max_size=int(np.prod(index_shape, dtype=int)))),
                         dtype=np.int32).reshape(index_shape)
    params = np.random.RandomState(draw(st.integers(0, 99))).standard_normal(shape)
    negative_axis = draw(st.booleans())
    return params, indices, axis - rank if negative_axis else axis, batch_dims


@_SETTINGS
@given(_gather_case())
def test_gather_matches_numpy(case):
    params, indices, axis, batch_dims = case
    want = _np_gather(params, indices, axis % params.ndim, batch_dims)
    with Graph().as_default():
        y = tf.gather(params, indices, axis=axis, batch_dims=batch_dims)
        p = tf.placeholder(tf.float64, [None] * params.ndim)
        y_partial = tf.gather(p, indices, axis=axis, batch_dims=batch_dims)
        with tf.Session() as sess:
            got, got_partial = sess.run([y, y_partial], {p: params})
    assert y.shape.as_tuple() == want.shape
    assert _compatible(y_partial.shape, want.shape)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(got_partial, want)


_shapes = st.lists(st.integers(0, 3), min_size=1, max_size=3)


@_SETTINGS
@given(_shapes, st.data())
def test_pad_matches_numpy(shape, data):
    array = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape) - 3
    mode = data.draw(st.sampled_from(["CONSTANT", "REFLECT", "SYMMETRIC", "constant"]))
    assume(not (mode == "REFLECT" and 0 in shape))  # TF rejects REFLECT of an empty dim
    pairs = []
    for d in shape:
        limit = {"REFLECT": d - 1, "SYMMETRIC": d}.get(mode, 3)
        pairs.append([data.draw(st.integers(0, max(limit, 0))) for _ in range(2)])
    value = data.draw(st.sampled_from([0, 0.0, 2.5]))
    if mode.upper() == "CONSTANT":
        want = np.pad(array, pairs, constant_values=value)
    else:
        want = np.pad(array, pairs, mode=mode.lower())
    with Graph().as_default():
        y = tf.pad(array, pairs, mode=mode, constant_values=value)
        p = tf.placeholder(tf.float32, [None] * array.ndim)
        y_partial = tf.pad(p, pairs, mode=mode, constant_values=value)
        with tf.Session() as sess:
            got, got_partial = sess.run([y, y_partial], {p: array})
    expected_type = {"REFLECT": "MirrorPad", "SYMMETRIC": "MirrorPad"}.get(
        mode, "Pad" if value == 0 else "PadV2")
    assert y.op.type == expected_type
    assert y.shape.as_tuple() == want.shape
    assert _compatible(y_partial.shape, want.shape)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(got_partial, want)


@_SETTINGS
@given(_shapes, st.data())
def test_tile_reverse_and_unstack_match_numpy(shape, data):
    array = np.random.RandomState(len(shape)).standard_normal(shape).astype(np.float32)
    multiples = data.draw(st.lists(st.integers(0, 3), min_size=len(shape),
                                   max_size=len(shape)))
    axes = data.draw(st.lists(st.integers(-len(shape), len(shape) - 1), max_size=len(shape),
                              unique_by=lambda a: a % len(shape)))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    with Graph().as_default():
        p = tf.placeholder(tf.float32, [None] * len(shape))
        tiled, reversed_ = tf.tile(p, multiples), tf.reverse(p, axes)
        parts = tf.unstack(array, axis=axis)
        with tf.Session() as sess:
            got_tiled, got_reversed, got_parts = sess.run([tiled, reversed_, parts], {p: array})
    np.testing.assert_array_equal(got_tiled, np.tile(array, multiples))
    np.testing.assert_array_equal(got_reversed, np.flip(array, axes) if axes else array)
    assert len(got_parts) == array.shape[axis]
    for i, part in enumerate(got_parts):
        np.testing.assert_array_equal(part, np.take(array, i, axis=axis))
    assert _compatible(tiled.shape, got_tiled.shape)


@_SETTINGS
@given(_shapes, st.data())
def test_split_matches_numpy(shape, data):
    array = np.arange(int(np.prod(shape)), dtype=np.int32).reshape(shape)
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    size = shape[axis]
    if data.draw(st.booleans()):
        num = data.draw(st.sampled_from([n for n in range(1, 5) if size % n == 0]))
        sizes = [size // num] * num
        arg = num
    else:
        cuts = sorted(data.draw(st.lists(st.integers(0, size), min_size=0, max_size=3)))
        sizes = list(np.diff([0] + cuts + [size]))
        arg = list(sizes)
        if data.draw(st.booleans()):
            arg[data.draw(st.integers(0, len(arg) - 1))] = -1
    want = np.split(array, np.cumsum(sizes)[:-1], axis=axis)
    with Graph().as_default():
        parts = tf.split(array, arg, axis=axis)
        with tf.Session() as sess:
            got = sess.run(parts)
    assert parts[0].op.type == ("Split" if isinstance(arg, int) else "SplitV")
    assert len(got) == len(want)
    for t, g, w in zip(parts, got, want):
        np.testing.assert_array_equal(g, w)
        assert t.shape.as_tuple() == w.shape


def _np_scan(array, axis, exclusive, reverse, product):
    """Cumulative sums/products written as explicit prefix reductions."""
    moved = np.moveaxis(array, axis, 0)
    order = range(moved.shape[0])
    out = np.empty_like(moved)
    reduce = np.prod if product else np.sum
    for k in order:
        if reverse:
            window = moved[k + 1:] if exclusive else moved[k:]
        else:
            window = moved[:k] if exclusive else moved[:k + 1]
        out[k] = reduce(window, axis=0)
    return np.moveaxis(out, 0, axis)


@_SETTINGS
@given(_shapes, st.integers(0, 2), st.booleans(), st.booleans(), st.booleans(),
       st.sampled_from([np.float64, np.int32]))
def test_cumsum_and_cumprod_match_prefix_reductions(shape, axis_pick, exclusive, reverse,
                                                    product, dtype):
    array = (np.random.RandomState(3).randint(-3, 4, size=shape)).astype(dtype)
    axis = axis_pick % len(shape)
    scan = tf.cumprod if product else tf.cumsum
    with Graph().as_default():
        y = scan(array, axis=axis, exclusive=exclusive, reverse=reverse)
        with tf.Session() as sess:
            got = sess.run(y)
    want = _np_scan(array, axis, exclusive, reverse, product)
    assert got.dtype == dtype
    np.testing.assert_allclose(got, want)


@_SETTINGS
@given(st.lists(st.integers(-2, 5), max_size=6), st.integers(0, 5), st.integers(-1, 1))
def test_one_hot_matches_numpy(indices, depth, axis):
    indices = np.asarray(indices, dtype=np.int64)
    with Graph().as_default():
        y = tf.one_hot(indices, depth, on_value=7, off_value=-1, axis=axis)
        with tf.Session() as sess:
            got = sess.run(y)
    hot = np.where(indices[:, None] == np.arange(depth), 7, -1).astype(np.int32)
    want = hot if axis == -1 else np.moveaxis(hot, -1, axis)
    np.testing.assert_array_equal(got, want)
    assert y.shape.as_tuple() == want.shape


@_SETTINGS
@given(st.lists(st.integers(0, 6), max_size=8), st.lists(st.integers(0, 6), max_size=4))
def test_setdiff1d_keeps_order_and_duplicates(x, y):
    with Graph().as_default():
        out, idx = tf.setdiff1d(np.asarray(x, np.int32), np.asarray(y, np.int32),
                                index_dtype=tfcompat.int64)
        with tf.Session() as sess:
            got_out, got_idx = sess.run([out, idx])
    want_idx = [i for i, v in enumerate(x) if v not in y]
    assert got_out.tolist() == [x[i] for i in want_idx]
    assert got_idx.tolist() == want_idx and got_idx.dtype == np.int64


def test_unsorted_segment_sum_drops_negative_ids():
    data = np.arange(12.0).reshape(4, 3)
    ids = np.array([2, -1, 0, 2])
    with Graph().as_default():
        y = tf.math.unsorted_segment_sum(data, ids, 4)
        with tf.Session() as sess:
            got = sess.run(y)
    want = np.zeros((4, 3))
    for row, i in zip(data, ids):
        if i >= 0:
            want[i] += row
    np.testing.assert_array_equal(got, want)


# ---- gradients: float64 central differences ----------------------------------------------------

def _assert_gradient(sess, out, wrt, feeds: dict, rng: np.random.RandomState) -> None:
    """``tf.gradients(out, wrt)`` against central differences along a random direction."""
    check = directional_derivative(out, wrt, feeds, rng, session=sess)
    np.testing.assert_allclose(check.analytic, check.numerical, rtol=1e-5, atol=1e-6)


def _check_first_and_second_order(build, value: np.ndarray, seed: int,
                                  nonlinear: bool = False) -> None:
    """First order in x; second order through the gradient's dependence on grad_ys (which
    exercises the gradients of the gradient ops) and, for nonlinear ops, on x."""
    rng = np.random.RandomState(seed)
    with Graph().as_default():
        x = tf.placeholder(tf.float64, value.shape)
        y = build(x)
        with tf.Session() as sess:
            _assert_gradient(sess, y, x, {x: value}, rng)
            y_value = sess.run(y, {x: value})
            seed_grad = tf.placeholder(tf.float64, np.shape(y_value))
            (grad,) = gradients(y, x, grad_ys=seed_grad)
            feeds = {x: value, seed_grad: rng.standard_normal(np.shape(y_value))}
            _assert_gradient(sess, grad, seed_grad, feeds, rng)
            if nonlinear:
                _assert_gradient(sess, grad, x, feeds, rng)


_GRAD_SETTINGS = settings(max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


@_GRAD_SETTINGS
@given(_array_and_spec(), st.integers(0, 2**16))
def test_getitem_gradient(case, seed):
    array, spec = case
    _check_first_and_second_order(lambda x: x[spec], array.astype(np.float64), seed)


@_GRAD_SETTINGS
@given(st.lists(st.integers(1, 4), min_size=1, max_size=3), st.data())
def test_slice_gradient(shape, data):
    begin = [data.draw(st.integers(0, d - 1)) for d in shape]
    size = [data.draw(st.sampled_from([-1] + list(range(0, d - b + 1))))
            for d, b in zip(shape, begin)]
    value = np.random.RandomState(0).standard_normal(shape)
    _check_first_and_second_order(lambda x: tf.slice(x, begin, size), value,
                                  data.draw(st.integers(0, 99)))


@_GRAD_SETTINGS
@given(_gather_case(), st.integers(0, 99))
def test_gather_gradient(case, seed):
    params, indices, axis, batch_dims = case
    _check_first_and_second_order(
        lambda x: tf.gather(x, indices, axis=axis, batch_dims=batch_dims), params, seed)


def test_gather_gradient_with_unknown_axis():
    params = np.random.RandomState(1).standard_normal((2, 3, 4))
    with Graph().as_default():
        axis = tf.placeholder(tfcompat.int32, [])
        x = tf.placeholder(tf.float64, params.shape)
        y = tf.gather(x, [[2, 0], [1, 1]], axis=axis)
        with tf.Session() as sess:
            _assert_gradient(sess, y, x, {x: params, axis: 2}, np.random.RandomState(2))
            _assert_gradient(sess, y, x, {x: params, axis: -2}, np.random.RandomState(3))


@_GRAD_SETTINGS
@given(st.lists(st.integers(1, 3), min_size=1, max_size=3), st.data())
def test_pad_gradients(shape, data):
    mode = data.draw(st.sampled_from(["CONSTANT", "REFLECT", "SYMMETRIC"]))
    pairs = []
    for d in shape:
        limit = {"REFLECT": d - 1, "SYMMETRIC": d}.get(mode, 2)
        pairs.append([data.draw(st.integers(0, limit)) for _ in range(2)])
    value = np.random.RandomState(4).standard_normal(shape)
    constant = data.draw(st.sampled_from([0.0, 1.5]))
    _check_first_and_second_order(
        lambda x: tf.pad(x, pairs, mode=mode, constant_values=constant), value,
        data.draw(st.integers(0, 99)))


@_GRAD_SETTINGS
@given(st.lists(st.integers(1, 3), min_size=1, max_size=3), st.data())
def test_tile_split_unstack_reverse_gradients(shape, data):
    value = np.random.RandomState(5).standard_normal(shape)
    rank = len(shape)
    multiples = data.draw(st.lists(st.integers(0, 3), min_size=rank, max_size=rank))
    axis = data.draw(st.integers(0, rank - 1))
    axes = data.draw(st.lists(st.integers(0, rank - 1), max_size=rank, unique=True))
    pick = data.draw(st.integers(0, shape[axis] - 1))
    seed = data.draw(st.integers(0, 99))
    _check_first_and_second_order(lambda x: tf.tile(x, multiples), value, seed)
    _check_first_and_second_order(lambda x: tf.reverse(x, axes), value, seed)
    _check_first_and_second_order(lambda x: tf.unstack(x, axis=axis)[pick], value, seed)
    _check_first_and_second_order(
        lambda x: tf.split(x, shape[axis], axis=axis)[pick] * 3.0, value, seed)
    _check_first_and_second_order(
        lambda x: tf.split(x, [pick, -1], axis=axis)[1], value, seed)


@_GRAD_SETTINGS
@given(st.lists(st.integers(1, 4), min_size=1, max_size=3), st.data())
def test_scan_gradients(shape, data):
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    exclusive, reverse = data.draw(st.booleans()), data.draw(st.booleans())
    # Away from zero: TF's Cumprod gradient divides by x.
    value = np.random.RandomState(6).uniform(0.5, 1.5, size=shape)
    seed = data.draw(st.integers(0, 99))
    _check_first_and_second_order(
        lambda x: tf.cumsum(x, axis=axis, exclusive=exclusive, reverse=reverse), value, seed)
    _check_first_and_second_order(
        lambda x: tf.cumprod(x, axis=axis, exclusive=exclusive, reverse=reverse), value, seed,
        nonlinear=True)


def test_unsorted_segment_sum_gradient():
    value = np.random.RandomState(7).standard_normal((5, 2))
    ids = np.array([1, -1, 3, 1, 0])
    _check_first_and_second_order(
        lambda x: tf.math.unsorted_segment_sum(x, ids, 4), value, 8)


def test_strided_slice_grad_op_has_the_strided_slice_as_gradient():
    with Graph().as_default():
        dy = tf.placeholder(tf.float64, [2, 3])
        grad = slicing_ops.strided_slice_grad([4, 3], [1], [0], [2], dy, end_mask=1)
        (back,) = gradients(grad, dy, grad_ys=tf.constant(np.arange(12.0).reshape(4, 3)))
        assert grad.op.type == "StridedSliceGrad" and grad.shape.as_tuple() == (4, 3)
        assert back.op.type == "StridedSlice"
        with tf.Session() as sess:
            got_grad, got_back = sess.run([grad, back], {dy: np.ones((2, 3))})
    np.testing.assert_array_equal(got_grad, [[0] * 3, [1] * 3, [0] * 3, [1] * 3])
    np.testing.assert_array_equal(got_back, np.arange(12.0).reshape(4, 3)[1::2])


def test_not_differentiable_ops_give_no_gradient():
    with Graph().as_default():
        on = tf.constant(2.0)
        hot = tf.one_hot([0, 1], 3, on_value=on, off_value=0.0)
        values = tf.constant([1.0, 2.0, 3.0])
        diff, _ = tf.setdiff1d(values, [2.0])
        assert gradients(hot, on) == [None]
        assert gradients(diff, values) == [None]


# ---- API details -----------------------------------------------------------------------------

def test_newaxis_is_none():
    assert slicing_ops.newaxis is None


def test_list_diff_returns_values_and_indices():
    with Graph().as_default():
        out, idx = slicing_ops.list_diff([4, 1, 4, 2], [4], out_idx=tfcompat.int64)
        assert (out.op.type, out.op.name) == ("ListDiff", "ListDiff")
        with tf.Session() as sess:
            got_out, got_idx = sess.run([out, idx])
    assert got_out.tolist() == [1, 2] and got_idx.tolist() == [1, 3]
    assert got_idx.dtype == np.int64


def test_unstack_and_split_always_return_lists():
    with Graph().as_default():
        one = tf.unstack(tf.constant([[1, 2]]))
        split_one = tf.split(tf.constant([1, 2]), 1)
        none = tf.unstack(tf.zeros([0, 2]))
        assert isinstance(one, list) and len(one) == 1
        assert isinstance(split_one, list) and len(split_one) == 1
        assert none == []
        with tf.Session() as sess:
            got_one, got_split = sess.run([one[0], split_one[0]])
    assert got_one.tolist() == [1, 2] and got_split.tolist() == [1, 2]


def test_variable_getitem_slices_the_variable_value():
    with Graph().as_default():
        v = tfcompat.Variable([[1.0, 2.0], [3.0, 4.0]], name="v")
        row = v[1]
        assert row.name == "strided_slice:0"
        assert row.op.inputs[0].name == "v/read:0"
        with tf.Session() as sess:
            sess.run(tfcompat.global_variables_initializer())
            assert sess.run(row).tolist() == [3.0, 4.0]


def test_kernels_do_not_alias_their_inputs():
    source = np.arange(6.0).reshape(2, 3)
    with Graph().as_default():
        x = tf.placeholder(tf.float64, [2, 3])
        outputs = [x[1], x[:, ::-1], tf.slice(x, [0, 0], [2, 2]), tf.reverse(x, [0]),
                   tf.unstack(x)[0], tf.split(x, 3, axis=1)[0], tf.pad(x, [[0, 0], [0, 0]])]
        with tf.Session() as sess:
            values = sess.run(outputs, {x: source})
    for value in values:
        assert not np.shares_memory(value, source)
