"""Split, Slice and TensorArray gather kernels against plain numpy (np.split, basic slicing,
np.stack) on random shapes, axes and layouts: the same values, dtypes and layouts, fresh
buffers (never views of the input), and the same errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.framework import errors
from tfcompat.ops.array.concat_split import _split_kernel
from tfcompat.ops.array.strided_slice import _slice_kernel
from tfcompat.ops.tensor_array_ops import _stacked

_DTYPES = [np.float32, np.float64, np.float16, np.int32, np.int64, np.bool_, np.complex64]


def _array(rng, shape, dtype, transposed):
    x = (rng.standard_normal(shape) * 10).astype(dtype)
    if transposed and x.ndim >= 2:
        x = np.ascontiguousarray(x.T).T  # same values, Fortran layout
    return x


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), dims=st.lists(st.integers(0, 5), min_size=1, max_size=4),
       num=st.integers(1, 4), dtype=st.sampled_from(_DTYPES), transposed=st.booleans(),
       data=st.data())
def test_split_matches_np_split(seed, dims, num, dtype, transposed, data):
    rank = len(dims)
    axis = data.draw(st.integers(-rank, rank - 1))
    dims[axis] *= num
    x = _array(np.random.RandomState(seed), tuple(dims), dtype, transposed)
    got = _split_kernel(np.int32(axis), x, num)
    got = (got,) if num == 1 else got
    want = np.split(x, num, axis=axis)
    assert len(got) == num
    for g, w in zip(got, want):
        assert g.dtype == w.dtype and g.shape == w.shape and g.flags.c_contiguous
        assert np.array_equal(g, w) and not np.shares_memory(g, x)


def test_split_errors():
    x = np.zeros((2, 6), np.float32)
    for axis, num, text in [(2, 2, "-input rank(-2) <= split_dim < input rank (2), but got 2"),
                            (-3, 2, "but got -3"),
                            (1, 4, "split_dim 1 (size = 6) and num_split 4")]:
        with pytest.raises(errors.InvalidArgumentError, match=text.replace("(", r"\(")
                           .replace(")", r"\)")):
            _split_kernel(np.int32(axis), x, num)
    with pytest.raises(errors.InvalidArgumentError, match="input rank"):
        _split_kernel(np.int32(0), np.float32(1.0), 1)


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), dims=st.lists(st.integers(0, 5), min_size=0, max_size=4),
       dtype=st.sampled_from(_DTYPES), transposed=st.booleans(),
       index_dtype=st.sampled_from([np.int32, np.int64]), data=st.data())
def test_slice_matches_basic_slicing(seed, dims, dtype, transposed, index_dtype, data):
    x = _array(np.random.RandomState(seed), tuple(dims), dtype, transposed)
    begin = [data.draw(st.integers(0, d)) for d in dims]
    size = [data.draw(st.sampled_from([-1, data.draw(st.integers(0, d - b))]))
            for b, d in zip(begin, dims)]
    got = _slice_kernel(x, np.array(begin, index_dtype), np.array(size, index_dtype))
    want = np.array(x[tuple(slice(b, d if s == -1 else b + s)
                            for b, s, d in zip(begin, size, dims))])
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.strides == want.strides and np.array_equal(got, want)
    assert not np.shares_memory(got, x) or got.size == 0


@pytest.mark.parametrize("begin,size,text", [
    ([0, 4], [1, 0], "Expected begin[1] in [0, 3], but got 4"),
    ([-1, 0], [1, 1], "Expected begin[0] in [0, 2], but got -1"),
    ([1, 0], [2, 1], "Expected size[0] in [0, 1], but got 2"),
    ([0, 1], [1, -2], "Expected size[1] in [0, 2], but got -2"),
    ([0], [1], "Expected begin and size arguments to be 1-D tensors of size 2, but got shapes "
               "[1] and [1] instead."),
])
def test_slice_errors(begin, size, text):
    x = np.zeros((2, 3), np.float32)
    with pytest.raises(errors.InvalidArgumentError) as info:
        _slice_kernel(x, np.array(begin, np.int32), np.array(size, np.int32))
    assert info.value.message == text
    empty = np.zeros((0, 3), np.float32)
    with pytest.raises(errors.InvalidArgumentError) as info:
        _slice_kernel(empty, np.array([1, 0], np.int32), np.array([0, 1], np.int32))
    assert info.value.message == ("Expected begin[0] == 0 (got 1) and size[0] == 0 (got 0) "
                                  "when input.dim_size(0) == 0")


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), dims=st.lists(st.integers(0, 4), min_size=0, max_size=3),
       count=st.integers(1, 6), dtype=st.sampled_from(_DTYPES), transposed=st.booleans())
def test_stacked_matches_np_stack(seed, dims, count, dtype, transposed):
    rng = np.random.RandomState(seed)
    values = [_array(rng, tuple(dims), dtype, transposed) for _ in range(count)]
    got, want = _stacked(values), np.stack(values)
    assert got.dtype == want.dtype and got.shape == want.shape and got.strides == want.strides
    assert np.array_equal(got, want)
    assert not any(np.shares_memory(got, v) for v in values)


def test_stacked_elements_of_other_shapes_or_dtypes():
    a, b = np.zeros((2, 3), np.float32), np.zeros((3, 2), np.float32)
    with pytest.raises(ValueError, match="all input arrays must have the same shape"):
        _stacked([a, b])
    mixed = _stacked([a, np.ones((2, 3), np.float64)])
    assert mixed.dtype == np.float64 and np.array_equal(mixed, np.stack([a, np.ones((2, 3))]))
