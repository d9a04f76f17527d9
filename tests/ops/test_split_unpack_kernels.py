"""Split and Unpack kernels (one copy, outputs as views of it) give np.split's and np.take's
values, dtypes and shapes, each output C-contiguous and independent of the input and of the
other outputs; rank 1 unpacks to 0-d arrays; size-0 and non-contiguous inputs included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.ops.array import concat_split

DTYPES = [np.float16, np.float32, np.float64, np.int32, np.bool_, np.complex64]


def _value(shape, dtype, seed, transposed):
    rng = np.random.RandomState(seed)
    if transposed:
        shape = shape[::-1]
    x = (rng.randn(*shape) * 10).astype(dtype)
    return x.T if transposed else x


def _check_outputs(got, want, x):
    got = list(got) if isinstance(got, tuple) else [got]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert isinstance(g, np.ndarray) and g.dtype == w.dtype and g.shape == w.shape
        assert g.flags.c_contiguous and g.tobytes() == np.ascontiguousarray(w).tobytes()
        assert not np.shares_memory(g, x)
    for i, g in enumerate(got):
        for other in got[i + 1:]:
            assert not np.shares_memory(g, other)


@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=25, deadline=None)
@given(shape=st.lists(st.integers(0, 5), min_size=1, max_size=4), num=st.integers(1, 4),
       axis_pick=st.integers(0, 7), seed=st.integers(0, 2**16), transposed=st.booleans())
def test_split_is_np_split(dtype, shape, num, axis_pick, seed, transposed):
    axis = axis_pick % len(shape) - (len(shape) if axis_pick >= len(shape) else 0)
    shape[axis] *= num
    x = _value(tuple(shape), dtype, seed, transposed)
    got = concat_split._split_kernel(np.int32(axis), x, num)
    _check_outputs(got, np.split(x, num, axis=axis), x)


@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=25, deadline=None)
@given(shape=st.lists(st.integers(0, 5), min_size=1, max_size=4), axis_pick=st.integers(0, 7),
       seed=st.integers(0, 2**16), transposed=st.booleans())
def test_unpack_is_np_take(dtype, shape, axis_pick, seed, transposed):
    axis = axis_pick % len(shape) - (len(shape) if axis_pick >= len(shape) else 0)
    x = _value(tuple(shape), dtype, seed, transposed)
    num = x.shape[axis]
    got = concat_split._unpack_kernel(x, num, axis)
    _check_outputs(got, [np.asarray(np.take(x, i, axis=axis)) for i in range(num)], x)


def test_unpack_of_rank_one_gives_0d_arrays():
    pieces = concat_split._unpack_kernel(np.arange(3, dtype=np.int64), 3, 0)
    assert all(type(p) is np.ndarray and p.shape == () for p in pieces)
    assert [int(p) for p in pieces] == [0, 1, 2]


def test_strings_split_and_unpack():
    x = np.array([[b"a", b"bc"], [b"d", b"ef"]], dtype=object)
    assert [p.tolist() for p in concat_split._unpack_kernel(x, 2, 1)] == [[b"a", b"d"],
                                                                         [b"bc", b"ef"]]
    assert [p.tolist() for p in concat_split._split_kernel(np.int32(0), x, 2)] == [
        [[b"a", b"bc"]], [[b"d", b"ef"]]]
