"""MaxPoolGrad's fast path for windows that tile the input (stride == window, no padding)
routes each window's gradient to its first maximum in row-major order, exactly as a direct
window-by-window loop does (ties, -0.0 gradients arriving as 0.0, float and int dtypes)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.ops.conv import pool_kernels
from tfcompat.ops.conv.window import _spatial_geometry


def _reference(x, grad, kh, kw):
    dx = np.zeros(x.shape, grad.dtype)
    n, oh, ow, c = grad.shape
    for b in range(n):
        for i in range(oh):
            for j in range(ow):
                for ch in range(c):
                    window = x[b, i * kh:(i + 1) * kh, j * kw:(j + 1) * kw, ch].reshape(-1)
                    k = int(np.argmax(window))  # the first maximum
                    dx[b, i * kh + k // kw, j * kw + k % kw, ch] += grad[b, i, j, ch]
    return dx


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int32, np.uint8])
@settings(max_examples=25, deadline=None)
@given(kh=st.integers(1, 3), kw=st.integers(1, 3), oh=st.integers(1, 3), ow=st.integers(1, 3),
       n=st.integers(1, 2), c=st.integers(1, 3), seed=st.integers(0, 2**16))
def test_tiled_path_matches_window_loop(dtype, kh, kw, oh, ow, n, c, seed):
    rng = np.random.RandomState(seed)
    x = rng.randint(-2, 3, (n, oh * kh, ow * kw, c)).astype(dtype)  # many ties
    if seed % 2:
        x = np.asfortranarray(x)  # (not C-contiguous)
    grad = rng.randint(-3, 4, (n, oh, ow, c)).astype(dtype)
    if np.dtype(dtype).kind == "f":
        grad[grad == 0] = -0.0
    rows, cols = _spatial_geometry(x.shape, (kh, kw), [1, kh, kw, 1], [1, 1, 1, 1], "VALID", [])
    got = pool_kernels._tiled_max_pool_grad(x, grad, rows, cols)
    assert got is not None
    assert got.dtype == grad.dtype
    assert got.tobytes() == _reference(x, grad, kh, kw).tobytes()


def test_nan_windows_leave_the_fast_path():
    x = np.zeros((1, 2, 2, 1), np.float32)
    x[0, 1, 1, 0] = np.nan
    rows, cols = _spatial_geometry(x.shape, (2, 2), [1, 2, 2, 1], [1, 1, 1, 1], "VALID", [])
    ones = np.ones((1, 1, 1, 1), np.float32)
    assert pool_kernels._tiled_max_pool_grad(x, ones, rows, cols) is None


def test_batch_blocks_give_the_same_bits(monkeypatch):
    rng = np.random.RandomState(7)
    x = rng.randint(-2, 3, (5, 4, 6, 3)).astype(np.float32)
    grad = rng.randn(5, 2, 3, 3).astype(np.float32)
    rows, cols = _spatial_geometry(x.shape, (2, 2), [1, 2, 2, 1], [1, 1, 1, 1], "VALID", [])
    whole = pool_kernels._tiled_max_pool_grad(x, grad, rows, cols)
    monkeypatch.setattr(pool_kernels, "_POOL_BLOCK", 1)  # one image per block
    assert pool_kernels._tiled_max_pool_grad(x, grad, rows, cols).tobytes() == whole.tobytes()
    assert whole.tobytes() == _reference(x, grad, 2, 2).tobytes()
    x[4, 0, 0, 0] = np.nan  # a NaN in the last block still leaves the fast path
    assert pool_kernels._tiled_max_pool_grad(x, grad, rows, cols) is None


EDGES = np.array([-0.0, 0.0, np.inf, -np.inf, 1.0, -1.0, 3.0])
GRAD_EDGES = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1.5, -2.0])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@settings(max_examples=25, deadline=None)
@given(kh=st.integers(1, 3), kw=st.integers(1, 3), oh=st.integers(1, 3), ow=st.integers(1, 3),
       n=st.integers(1, 3), c=st.integers(1, 4), seed=st.integers(0, 2**16))
def test_tiled_path_routes_signed_zero_ties_and_infinities(dtype, kh, kw, oh, ow, n, c, seed):
    """-0.0/0.0 ties go to the first of the window, infinities win or lose as values, and NaN or
    infinite gradients reach their input unchanged (the others' inputs get +0.0)."""
    rng = np.random.RandomState(seed)
    x = rng.choice(EDGES, (n, oh * kh, ow * kw, c)).astype(dtype)
    grad = rng.choice(GRAD_EDGES, (n, oh, ow, c)).astype(dtype)
    rows, cols = _spatial_geometry(x.shape, (kh, kw), [1, kh, kw, 1], [1, 1, 1, 1], "VALID", [])
    with np.errstate(invalid="ignore"):
        want = _reference(x, grad, kh, kw)
    got = pool_kernels._tiled_max_pool_grad(x, grad, rows, cols)
    assert got is not None
    assert got.tobytes() == want.tobytes()


def test_conv_layer_sized_blocks_route_as_the_window_loop(monkeypatch):
    """The conv step's shape: several blocks of many images, a batch left over."""
    rng = np.random.RandomState(11)
    x = rng.randint(0, 4, (13, 8, 8, 32)).astype(np.float32)
    grad = rng.randn(13, 4, 4, 32).astype(np.float32)
    rows, cols = _spatial_geometry(x.shape, (2, 2), [1, 2, 2, 1], [1, 1, 1, 1], "VALID", [])
    monkeypatch.setattr(pool_kernels, "_POOL_BLOCK", 4 * x[0].size)
    got = pool_kernels._tiled_max_pool_grad(x, grad, rows, cols)
    assert got.tobytes() == _reference(x, grad, 2, 2).tobytes()
