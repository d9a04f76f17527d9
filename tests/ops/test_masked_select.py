"""where_or_zero is np.where(condition, values, 0) bit for bit (NaN, -0.0 and infinities
included), for every dtype width, layout and the out= form."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tfcompat.ops.masked_select import where_or_zero

DTYPES = [np.float16, np.float32, np.float64, np.int8, np.int32, np.int64, np.uint8,
          np.uint16, np.complex64]


def _reference(condition, values):
    return np.where(condition, values, np.zeros((), values.dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_bit_identical_to_where(dtype, data):
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5))
    values = data.draw(hnp.arrays(dtype, shape))
    condition = data.draw(hnp.arrays(np.bool_, shape))
    got = where_or_zero(condition, values)
    assert got.dtype == values.dtype and got.shape == shape
    assert got.tobytes() == _reference(condition, values).tobytes()


def test_strided_values_and_out():
    values = np.array([[np.nan, -0.0, -np.inf], [1.5, -2.0, np.inf]], np.float32).T
    condition = np.array([[True, False], [False, True], [True, False]])
    out = np.empty(values.shape, values.dtype)
    assert where_or_zero(condition, values, out=out) is out
    assert out.tobytes() == _reference(condition, values).tobytes()


def test_broadcast_condition_falls_back_to_where():
    values = np.arange(6, dtype=np.float32).reshape(2, 3)
    condition = np.array([True, False, True])
    np.testing.assert_array_equal(where_or_zero(condition, values),
                                  _reference(condition, values))
