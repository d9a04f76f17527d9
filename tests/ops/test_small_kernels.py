"""The per-step shape kernels (Reshape, ExpandDims, Split, SplitV, Range, BroadcastGradientArgs)
give numpy's results: same values, dtypes and shapes; pieces are copies, never views."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.framework import errors
from tfcompat.ops.array import concat_split, reshaping, select_broadcast
from tfcompat.ops.math import sequences

_shapes = st.lists(st.integers(0, 4), min_size=0, max_size=4)


def _array(shape, seed, fortran):
    x = np.asarray(np.random.RandomState(seed).randn(*shape), np.float32)
    return np.asfortranarray(x) if fortran else x


def _same(got, want):
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tobytes() == want.tobytes()


@settings(max_examples=60, deadline=None)
@given(shape=_shapes, axis=st.integers(-6, 6), seed=st.integers(0, 99), fortran=st.booleans())
def test_expand_dims_is_numpys(shape, axis, seed, fortran):
    x = _array(shape, seed, fortran)
    try:
        want = np.expand_dims(x, axis)
    except np.exceptions.AxisError:
        with pytest.raises(np.exceptions.AxisError):
            reshaping._expand_dims_kernel(x, np.asarray(axis, np.int32))
        return
    _same(reshaping._expand_dims_kernel(x, np.asarray([axis], np.int64)), want)


@settings(max_examples=40, deadline=None)
@given(shape=_shapes, seed=st.integers(0, 99), dtype=st.sampled_from([np.int32, np.int64]))
def test_reshape_to_the_flat_and_inferred_shapes(shape, seed, dtype):
    x = _array(shape, seed, False)
    _same(reshaping._reshape_kernel(x, np.array([-1], dtype)), x.reshape(-1))
    _same(reshaping._reshape_kernel(x, np.array(x.shape[::-1], dtype)), x.reshape(x.shape[::-1]))


@settings(max_examples=60, deadline=None)
@given(shape=st.lists(st.integers(0, 4), min_size=1, max_size=3), seed=st.integers(0, 99),
       fortran=st.booleans(), data=st.data())
def test_split_and_split_v_pieces_are_numpys_copies(shape, seed, fortran, data):
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    num = data.draw(st.integers(1, 3))
    x = _array(shape[:axis % len(shape)] + [shape[axis] * num] + shape[axis % len(shape) + 1:],
               seed, fortran)
    pieces = concat_split._split_kernel(np.asarray(axis, np.int32), x, num)
    pieces = [pieces] if num == 1 else list(pieces)
    for got, want in zip(pieces, np.split(x, num, axis=axis), strict=True):
        _same(got, want)
        assert not np.shares_memory(got, x)
    sizes = data.draw(st.lists(st.integers(0, 3), min_size=1, max_size=3))
    dim = sum(sizes)
    x = _array(shape[:axis % len(shape)] + [dim] + shape[axis % len(shape) + 1:], seed, fortran)
    pieces = concat_split._split_v_kernel(x, np.array(sizes, np.int64),
                                          np.asarray(axis, np.int32), len(sizes))
    pieces = [pieces] if len(sizes) == 1 else list(pieces)
    for got, want in zip(pieces, np.split(x, np.cumsum(sizes)[:-1], axis=axis), strict=True):
        _same(got, want)
        assert not np.shares_memory(got, x)


@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.uint16, np.float32, np.float64])
@pytest.mark.parametrize("args", [(0, 5, 1), (3, -4, -2), (2, 2, 1), (-7, 9, 3)])
def test_range_is_arange(dtype, args):
    start, limit, delta = (np.asarray(a).astype(dtype) for a in args)
    if dtype == np.uint16 and min(args) < 0:
        return
    _same(sequences._range_kernel(start, limit, delta),
          np.arange(start, limit, delta).astype(dtype))


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
@pytest.mark.parametrize("s0, s1, r0, r1", [
    ([128, 10], [10], [], [0]), ([2, 1, 3], [4, 1], [1], [0, 2]), ([], [5], [0], []),
    ([1, 1], [1], [0, 1], [0, 1]), ([3], [3], [], [])])
def test_broadcast_gradient_args_in_the_input_dtype(dtype, s0, s1, r0, r1):
    got0, got1 = select_broadcast._broadcast_gradient_args_kernel(np.array(s0, dtype),
                                                                  np.array(s1, dtype))
    _same(got0, np.array(r0, dtype))
    _same(got1, np.array(r1, dtype))


@settings(max_examples=60, deadline=None)
@given(shape=_shapes, target=_shapes, seed=st.integers(0, 99), fortran=st.booleans())
def test_broadcast_to_is_numpys_copy(shape, target, seed, fortran):
    x = _array(shape, seed, fortran)
    try:
        want = np.broadcast_to(x, target).copy()
    except ValueError:
        with pytest.raises(errors.InvalidArgumentError, match="Incompatible shapes"):
            select_broadcast._broadcast_to_kernel(x, np.array(target, np.int32))
        return
    got = select_broadcast._broadcast_to_kernel(x, np.array(target, np.int64))
    _same(got, want)
    assert not np.shares_memory(got, x)


@settings(max_examples=60, deadline=None)
@given(shape=_shapes, count=st.integers(1, 4), axis=st.integers(0, 1), seed=st.integers(0, 99),
       fortran=st.booleans(), dtype=st.sampled_from([np.float32, np.int32, np.bool_, object]))
def test_pack_is_np_stack(shape, count, axis, seed, fortran, dtype):
    values = [_array(shape, seed + i, fortran).astype(dtype) for i in range(count)]
    axis = min(axis, len(shape))
    _same(concat_split._pack_kernel(*values, axis=axis), np.stack(values, axis=axis))
