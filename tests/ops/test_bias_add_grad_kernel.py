"""BiasAddGrad's kernel sums the leading axes bit for bit as np.sum does (its fast row-sum
path must not change the summation order)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.framework.op_registry import get_op_def
from tfcompat.ops import nn_bias_add


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int32])
@settings(max_examples=40, deadline=None)
@given(shape=st.lists(st.integers(0, 40), min_size=1, max_size=4), seed=st.integers(0, 2**16),
       scale=st.sampled_from([1e-3, 1.0, 1e5]))
def test_matches_np_sum_bit_for_bit(dtype, shape, seed, scale):
    with np.errstate(all="ignore"):  # float16 overflows to inf at scale 1e5: same bits still
        g = (np.random.RandomState(seed).randn(*shape) * scale).astype(dtype)
        want = np.sum(g, axis=tuple(range(g.ndim - 1)), dtype=g.dtype)
        got = nn_bias_add._bias_add_grad_kernel(g)
    assert got.dtype == want.dtype and got.tobytes() == want.tobytes()


def test_registered_kernel_of_the_conv_step_shape():
    g = np.random.RandomState(0).randn(64, 28, 28, 32).astype(np.float32)
    kernel = get_op_def("BiasAddGrad").bind(None, None)
    assert kernel(g).tobytes() == g.reshape(-1, 32).sum(0).tobytes()
