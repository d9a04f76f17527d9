"""Reduction and division kernels give bit-identical results to the numpy formulations they had.

Sum, Prod, Max and Min call the ufunc's ``reduce`` directly (np.sum and friends reach the same
call through Python wrappers); the kernels are compared byte for byte with those functions on
random shapes, axes and dtypes, with NaN, infinities and signed zeros.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf  # noqa: F401 - registers the ops
from tfcompat.framework import errors
from tfcompat.framework.op_registry import _OP_DEFS

REFERENCE = {
    "Sum": lambda x, a, k: np.sum(x, axis=a, keepdims=k, dtype=x.dtype),
    "Prod": lambda x, a, k: np.prod(x, axis=a, keepdims=k, dtype=x.dtype),
    "Max": lambda x, a, k: np.max(x, axis=a, keepdims=k),
    "Min": lambda x, a, k: np.min(x, axis=a, keepdims=k),
}
DTYPES = {
    "Sum": [np.float16, np.float32, np.float64, np.int32, np.int64, np.uint8, np.complex64],
    "Prod": [np.float32, np.float64, np.int32, np.int64, np.complex128],
    "Max": [np.float16, np.float32, np.float64, np.int8, np.int64, np.uint16],
    "Min": [np.float16, np.float32, np.float64, np.int8, np.int64, np.uint16],
}


def _values(dtype, shape, seed):
    rng = np.random.RandomState(seed)
    dtype = np.dtype(dtype)
    size = int(np.prod(shape))
    if dtype.kind in "iu":
        return rng.randint(0 if dtype.kind == "u" else -50, 50, size).astype(dtype).reshape(shape)
    values = rng.randn(size) * 10
    specials = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0])
    if size:
        mask = rng.rand(size) < 0.05
        values[mask] = specials[rng.randint(0, 5, int(mask.sum()))]
    if dtype.kind == "c":
        values = values + 1j * rng.randn(size)
    return values.astype(dtype).reshape(shape)


@settings(max_examples=150, deadline=None)
@given(op_type=st.sampled_from(sorted(REFERENCE)), data=st.data(),
       shape=st.lists(st.integers(0, 6), min_size=1, max_size=4), keep=st.booleans(),
       seed=st.integers(0, 2**16))
def test_reduction_kernel_matches_numpy(op_type, data, shape, keep, seed):
    dtype = data.draw(st.sampled_from(DTYPES[op_type]))
    rank = len(shape)
    axes = data.draw(st.lists(st.integers(-rank, rank - 1), max_size=rank,
                              unique_by=lambda a: a % rank))
    x = _values(dtype, shape, seed)

    class Op:
        _attrs = {"keep_dims": keep}

    kernel = _OP_DEFS[op_type].bind(Op(), None)
    norm = tuple(a % rank for a in axes)
    with np.errstate(all="ignore"):
        got = np.asarray(kernel(x, np.array(axes, np.int32)))
        if op_type in ("Max", "Min") and x.size == 0:
            return  # TF's identity element, not numpy's error (tests/ops elsewhere)
        expected = np.asarray(REFERENCE[op_type](x, norm, keep)).astype(x.dtype, copy=False)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert got.tobytes() == expected.tobytes()


@pytest.mark.parametrize("op_type", ["FloorDiv", "FloorMod"])
def test_integer_division_by_zero_is_an_error_only_where_it_divides(op_type):
    kernel = _OP_DEFS[op_type].bind(None, None)
    x = np.array([7, -7, 3], np.int32)
    with np.errstate(all="ignore"):  # as kernels run (executor.run_plan)
        with pytest.raises(errors.InvalidArgumentError, match="Integer division by zero"):
            kernel(x, np.array([2, 0, 1], np.int32))
        assert kernel(np.zeros((0,), np.int32), np.array([0], np.int32)).shape == (0,)
        floats = kernel(np.array([1.0, -1.0], np.float32), np.array([0.0, 0.0], np.float32))
        expected = (np.floor_divide if op_type == "FloorDiv" else np.mod)(
            np.array([1.0, -1.0], np.float32), np.float32(0))
    assert floats.tobytes() == expected.tobytes()
