"""MatMul's few-rows-by-transposed-matrix path (``a @ b.T`` computed as ``(b @ a.T).T``) gives the
direct product's bits: float32 only, inside and at the edges of its shape range, with NaN, inf,
-0.0 and NaN payloads (a NaN may carry an input's payload instead of the default NaN's), on one
and two BLAS threads; outside it the direct product runs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.ops import blas_threads
from tfcompat.ops.math import matmul

_SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 3e38, 1e-45], np.float32)


def _operands(m, k, n, seed, specials, dtype=np.float32):
    rng = np.random.RandomState(seed)
    a, b = rng.randn(m, k).astype(dtype), rng.randn(n, k).astype(dtype)
    if specials:
        for x in (a, b):
            x.flat[rng.randint(0, x.size, _SPECIALS.size)] = _SPECIALS.astype(dtype)
            if dtype == np.float32:  # a NaN with a payload of its own
                x.view(np.uint32).flat[rng.randint(0, x.size)] = 0x7FC12345
    return a, b


def _with_process_threads(threads, function, *args):
    setter = blas_threads.blas_setter()
    if setter is None:
        return function(*args)
    previous = setter(threads)
    try:
        return function(*args)
    finally:
        setter(previous)


@pytest.mark.parametrize("threads", [1, 2])
@settings(max_examples=30, deadline=None)
@given(m=st.integers(1, 40), k=st.integers(100, 700), n=st.integers(100, 700),
       seed=st.integers(0, 2**16), specials=st.booleans())
def test_same_bits_as_the_direct_product(threads, m, k, n, seed, specials):
    a, b = _operands(m, k, n, seed, specials)
    with np.errstate(all="ignore"):
        # The direct product as the kernel ran it before, on the same BLAS threads (OpenBLAS's
        # float32 bits can depend on the thread count).
        want = _with_process_threads(threads, blas_threads.run_product, m, n, k, np.matmul, a,
                                     b.T)
        got = _with_process_threads(threads, matmul._matmul_kernel, a, b, False, True)
    assert got.dtype == want.dtype and got.shape == want.shape and got.flags.c_contiguous
    assert _bits_up_to_nan_payload(got) == _bits_up_to_nan_payload(want)


def _bits_up_to_nan_payload(x: np.ndarray) -> bytes:
    """The bytes of ``x`` with every NaN as numpy's default NaN: which operand's payload a NaN
    product carries depends on the operand order inside OpenBLAS's kernel, so the transposed
    product may keep an input NaN's payload where the direct one gives the default NaN (e.g.
    m=2, k=288, n=456, seed=0 with specials)."""
    return np.where(np.isnan(x), np.float32(np.nan), x).tobytes()


def test_nan_payloads_are_the_only_difference_seen():
    a, b = _operands(2, 288, 456, 0, True)
    with np.errstate(all="ignore"):
        want = np.matmul(a, b.T)
        got = matmul._matmul_kernel(a, b, False, True)
    assert _bits_up_to_nan_payload(got) == _bits_up_to_nan_payload(want)
    assert np.array_equal(np.isnan(got), np.isnan(want))


def test_the_lstm_input_gradient_shape_takes_the_transposed_path(monkeypatch):
    a, b = _operands(32, 512, 160, 0, False)
    calls = []
    real = matmul._transposed_product
    monkeypatch.setattr(matmul, "_transposed_product",
                        lambda *args: calls.append(1) or real(*args))
    got = matmul._matmul_kernel(a, b, False, True)
    assert calls and got.tobytes() == np.matmul(a, b.T).tobytes()


@pytest.mark.parametrize("case", ["float64", "non-contiguous", "transpose_a", "short side",
                                  "many rows", "small product", "wide output"])
def test_other_products_run_directly(monkeypatch, case):
    a, b = _operands(32, 512, 160, 1, False)
    transpose_a = False
    if case == "float64":
        a, b = a.astype(np.float64), b.astype(np.float64)
    elif case == "non-contiguous":
        b = np.asfortranarray(b)
    elif case == "transpose_a":
        a, transpose_a = np.ascontiguousarray(a.T), True
    elif case == "short side":
        a, b = a[:, :64].copy(), b[:, :64].copy()
    elif case == "small product":  # 4 x 128 x 160: the copy back costs more than it saves
        a, b = a[:4, :128].copy(), b[:, :128].copy()
    elif case == "wide output":  # 32 x 128 x 40000: transposing back costs more
        a, b = a[:, :128].copy(), np.tile(b[:, :128], (250, 1))
    else:
        a = np.tile(a, (2, 1))
    monkeypatch.setattr(matmul, "_transposed_product", None)  # calling it would fail
    got = matmul._matmul_kernel(a, b, transpose_a, True)
    assert got.tobytes() == np.matmul(a.T if transpose_a else a, b.T).tobytes()


def test_size_mismatch_still_raises_tf_error():
    from tfcompat.framework import errors
    a, b = _operands(32, 512, 160, 2, False)
    with pytest.raises(errors.InvalidArgumentError, match="Matrix size-incompatible"):
        matmul._matmul_kernel(a, b[:, :256], False, True)
