"""The per-product BLAS thread policy (tfcompat/ops/blas_threads.py): small products on one
thread, large ones on the running session's count; OpenBLAS's process count restored after each
product; the count kept per calling thread; MatMul's values unchanged."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.ops import blas_threads

LARGE = (256, 256, 256)  # above SERIAL_PRODUCT_SIZE, no side below NARROW_SIDE


def _process_count(setter) -> int:
    value = setter(1)
    setter(value)
    return value


def test_small_and_narrow_products_run_on_one_thread_large_ones_on_the_session_count():
    assert blas_threads.product_threads(64, 64, 64) == 1
    assert blas_threads.product_threads(6272, 10, 64) == 1  # narrow
    assert blas_threads.product_threads(1, 4096, 1024) == 1  # a vector
    assert blas_threads.product_threads(*LARGE) is None  # outside a session: OpenBLAS's count
    assert blas_threads.with_session_threads(3, blas_threads.product_threads, *LARGE) == 3
    assert blas_threads.with_session_threads(3, blas_threads.product_threads, 8, 8, 8) == 1
    assert blas_threads.product_threads(*LARGE) is None


def test_session_count_is_per_calling_thread():
    seen = []

    def other():
        seen.append(blas_threads.product_threads(*LARGE))

    def in_session():
        worker = threading.Thread(target=other)
        worker.start()
        worker.join()
        return blas_threads.product_threads(*LARGE)

    assert blas_threads.with_session_threads(1, in_session) == 1
    assert seen == [None]


def test_a_product_runs_on_the_chosen_count_and_restores_the_process_count():
    setter = blas_threads.blas_setter()
    if setter is None:
        pytest.skip("numpy's BLAS is not OpenBLAS")
    before = _process_count(setter)
    counts = []

    def product(a, b):
        counts.append(_process_count(setter))
        return a @ b

    a = np.ones((64, 64), np.float32)
    assert blas_threads.run_product(64, 64, 64, product, a, a)[0, 0] == 64
    assert counts == [1]
    assert _process_count(setter) == before
    with pytest.raises(ZeroDivisionError):
        blas_threads.run_product(64, 64, 64, lambda: 1 / 0)
    assert _process_count(setter) == before


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.complex64, np.int32])
@pytest.mark.parametrize("shapes", [((128, 784), (784, 256)), ((1, 300), (300, 40)),
                                    ((40, 300), (300, 1)), ((0, 5), (5, 3)), ((3, 0), (0, 4))])
def test_matmul_values_are_numpys(dtype, shapes):
    rng = np.random.RandomState(0)
    a, b = (rng.randn(*s).astype(dtype) for s in shapes)
    with tf.Graph().as_default(), tf.Session() as sess:
        got = sess.run(tf.matmul(a, b))
        batched = sess.run(tf.matmul(np.stack([a, a]), np.stack([b, b])))
    want = np.matmul(a, b)
    assert got.dtype == want.dtype and np.allclose(got, want, rtol=1e-5, atol=1e-4)
    assert np.allclose(batched, np.stack([want, want]), rtol=1e-5, atol=1e-4)


def test_a_capped_session_caps_the_products_outside_the_kernels_too():
    setter = blas_threads.blas_setter()
    if setter is None:
        pytest.skip("numpy's BLAS is not OpenBLAS")
    before = _process_count(setter)
    assert blas_threads.with_session_threads(1, _process_count, setter) == 1
    assert _process_count(setter) == before
