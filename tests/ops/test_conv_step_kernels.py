"""The conv step's element-wise and pooling kernels, rewritten for speed, compute the same bits as
the plain numpy formulas they replace: BiasAdd (bias repeated along long rows) as ``np.add``,
ReluGrad/Relu6Grad (a float mask) as a multiply by the boolean mask, and MaxPool (output made by the
first tap, windows side by side pooled rows first) as TF's window scan: NaN and -inf never win,
and of a tie between -0.0 and 0.0 the first stays."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.ops import nn_bias_add, nn_ops
from tfcompat.ops.conv import pool_kernels, pooling
from tfcompat.ops.conv.window import _pad
from tfcompat.ops.masked_select import multiply_by_mask

EDGES = np.array([-0.0, 0.0, np.nan, -np.nan, np.inf, -np.inf, 1.0, -1.0, 2.0, 6.0, 7.0])
FLOATS = [np.float16, np.float32, np.float64]


def _values(rng, shape, dtype, edges: bool):
    if np.dtype(dtype).kind in "iu":
        return rng.randint(0, 5, shape).astype(dtype)
    if edges:
        return rng.choice(EDGES, shape).astype(dtype)
    return rng.randn(*shape).astype(dtype)


def _same_bits(got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tobytes() == want.tobytes()


@pytest.mark.parametrize("dtype", FLOATS + [np.int32])
@settings(max_examples=30, deadline=None)
@given(lead=st.lists(st.integers(0, 70), min_size=1, max_size=3), channels=st.integers(1, 40),
       edges=st.booleans(), fortran=st.booleans(), seed=st.integers(0, 2**16))
def test_bias_add_is_np_add(dtype, lead, channels, edges, fortran, seed):
    rng = np.random.RandomState(seed)
    value = _values(rng, tuple(lead) + (channels,), dtype, edges)
    if fortran:
        value = np.asfortranarray(value)
    bias = _values(rng, (channels,), dtype, edges)
    with np.errstate(all="ignore"):
        _same_bits(nn_bias_add._bias_add_kernel(value, bias), np.add(value, bias))


@pytest.mark.parametrize("shape", [(64, 28, 28, 32), (3, 1000, 7), (2, 8193), (257, 32), (0, 5)])
def test_bias_add_long_rows_and_leftover_pixels(shape):
    rng = np.random.RandomState(1)
    value, bias = rng.randn(*shape).astype(np.float32), rng.randn(shape[-1]).astype(np.float32)
    _same_bits(nn_bias_add._bias_add_kernel(value, bias), np.add(value, bias))


@pytest.mark.parametrize("dtype", FLOATS + [np.int32, np.int64])
@settings(max_examples=30, deadline=None)
@given(shape=st.lists(st.integers(0, 6), min_size=0, max_size=3), seed=st.integers(0, 2**16))
def test_relu_grads_multiply_by_the_mask(dtype, shape, seed):
    rng = np.random.RandomState(seed)
    grads, features = (_values(rng, tuple(shape), dtype, edges=True) for _ in range(2))
    with np.errstate(all="ignore"):
        _same_bits(nn_ops._relu_grad_kernel(grads, features),
                   np.multiply(grads, features > 0, dtype=grads.dtype))
        _same_bits(nn_ops._relu6_grad_kernel(grads, features),
                   np.multiply(grads, (features > 0) & (features < 6), dtype=grads.dtype))


RELU_DTYPES = FLOATS + [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64]


@pytest.mark.parametrize("dtype", RELU_DTYPES)
@settings(max_examples=20, deadline=None)
@given(size=st.integers(0, 3 * 8192 + 40), edges=st.booleans(), offset=st.integers(0, 3),
       seed=st.integers(0, 2**16))
def test_relu_is_maximum_with_a_zero(dtype, size, edges, offset, seed):
    """Relu's row-of-zeros loop gives np.maximum(x, 0)'s bits (NaN payloads, -0.0), also for
    leftover elements and unaligned or strided inputs."""
    rng = np.random.RandomState(seed)
    x = _values(rng, (size + offset,), dtype, edges)[offset:]
    if np.dtype(dtype).kind in "iu":
        x = x - np.asarray(2, dtype) if np.dtype(dtype).kind == "i" else x
    for value in (x, x.reshape(1, -1) if size else x, x[::2]):
        _same_bits(nn_ops._relu_kernel(value), np.maximum(value, np.zeros((), dtype)))


@pytest.mark.parametrize("dtype", RELU_DTYPES)
def test_relu_of_a_conv_layer_is_maximum_with_a_zero(dtype):
    x = _values(np.random.RandomState(3), (4, 28, 28, 33), dtype, edges=True)  # 2.5 rows left
    _same_bits(nn_ops._relu_kernel(x), np.maximum(x, np.zeros((), dtype)))


@pytest.mark.filterwarnings("ignore:invalid value")
def test_mask_multiply_broadcasts_like_numpy():
    grads = np.array([[1.0, -2.0, np.inf]], np.float32)
    mask = np.array([[True], [False]])
    _same_bits(multiply_by_mask(grads, mask), np.multiply(grads, mask, dtype=np.float32))


def _lowest_filled_max_pool(x, ksize, strides, padding):
    """The formula MaxPool's kernel had: an output filled with the lowest value, maxed (fmax for
    floats) with each tap of the lowest-padded input in row-major order."""
    rows, cols = pooling._pool_geometry(x.shape, ksize, strides, padding, [])
    lowest = pool_kernels._lowest(x.dtype)
    padded = _pad(x, rows, cols, lowest)
    out = np.full((x.shape[0], rows.out, cols.out, x.shape[3]), lowest, x.dtype)
    maximum = np.fmax if x.dtype.kind == "f" else np.maximum
    for i in range(rows.window if out.size else 0):
        for j in range(cols.window):
            maximum(out, padded[:, rows.tap(i), cols.tap(j), :], out=out)
    return out


def _window_scan(x, ksize, strides, padding):
    """TF's scan: from the lowest finite value, move to a strictly greater input of the window."""
    rows, cols = pooling._pool_geometry(x.shape, ksize, strides, padding, [])
    lowest = pool_kernels._lowest(x.dtype)
    out = np.full((x.shape[0], rows.out, cols.out, x.shape[3]), lowest, x.dtype)
    for r in range(rows.out):
        for c in range(cols.out):
            for i in range(rows.window):
                for j in range(cols.window):
                    y, z = r * rows.stride + i - rows.before, c * cols.stride + j - cols.before
                    if 0 <= y < x.shape[1] and 0 <= z < x.shape[2]:
                        value = x[:, y, z, :]
                        out[:, r, c, :] = np.where(value > out[:, r, c, :], value,
                                                   out[:, r, c, :])
    return out


@pytest.mark.parametrize("dtype", FLOATS + [np.int32, np.uint8])
@settings(max_examples=40, deadline=None)
@given(n=st.integers(0, 2), h=st.integers(1, 7), w=st.integers(1, 7),
       c=st.sampled_from([1, 3, 8, 33]), kh=st.integers(1, 3), kw=st.integers(1, 3),
       sh=st.integers(1, 3), sw=st.integers(1, 3), padding=st.sampled_from(["SAME", "VALID"]),
       edges=st.booleans(), seed=st.integers(0, 2**16))
def test_max_pool_is_tfs_window_scan(dtype, n, h, w, c, kh, kw, sh, sw, padding, edges, seed):
    if padding == "VALID" and (kh > h or kw > w):
        return
    x = _values(np.random.RandomState(seed), (n, h, w, c), dtype, edges)
    ksize, strides = [1, kh, kw, 1], [1, sh, sw, 1]
    got = pooling._max_pool_kernel(x, ksize=ksize, strides=strides, padding=padding,
                                   explicit_paddings=[], data_format="NHWC")
    _same_bits(got, _window_scan(x, ksize, strides, padding))
    if not np.any(np.signbit(x) & (x == 0)):  # (-0.0 ties aside, the formula it replaces)
        _same_bits(got, _lowest_filled_max_pool(x, ksize, strides, padding))


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("size,window", [(28, 2), (27, 2), (9, 3), (8, 3)])
def test_max_pool_of_conv_sized_inputs(dtype, size, window):
    """Long enough for numpy's vector loops, where fmax keeps the other zero of a tie."""
    x = np.random.RandomState(size).choice(EDGES, (4, size, size, 32)).astype(dtype)
    for padding in ("SAME", "VALID"):
        for stride in (window, 1):
            ksize, strides = [1, window, window, 1], [1, stride, stride, 1]
            got = pooling._max_pool_kernel(x, ksize=ksize, strides=strides, padding=padding,
                                           explicit_paddings=[], data_format="NHWC")
            _same_bits(got, _window_scan(x, ksize, strides, padding))
            positive = np.abs(x)  # no -0.0: the fast paths
            got = pooling._max_pool_kernel(positive, ksize=ksize, strides=strides,
                                           padding=padding, explicit_paddings=[],
                                           data_format="NHWC")
            _same_bits(got, _window_scan(positive, ksize, strides, padding))


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("window", [1, 2, 3])
def test_max_pool_blocks_of_images_are_tfs_window_scan(dtype, window, monkeypatch):
    """One block per image: blocks with a -0.0, a NaN or -inf, or none of them, each pooled
    by its own path, together give TF's scan of the whole batch."""
    rng = np.random.RandomState(window)
    x = rng.randn(5, 6, 6, 4).astype(dtype)
    x[1, 0, 0, 0] = -0.0
    x[1, 0, 1 if window > 1 else 0, 1] = 0.0
    x[2, 2, 2, 2] = np.nan
    x[3, :window, :window, 3] = -np.inf
    monkeypatch.setattr(pool_kernels, "_POOL_BLOCK", x[0].size)
    ksize = strides = [1, window, window, 1]
    for padding in ("SAME", "VALID"):
        got = pooling._max_pool_kernel(x, ksize=ksize, strides=strides, padding=padding,
                                       explicit_paddings=[], data_format="NHWC")
        _same_bits(got, _window_scan(x, ksize, strides, padding))
