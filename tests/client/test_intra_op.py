"""ConfigProto.intra_op_parallelism_threads: how a session's thread count is resolved, and that
capping BLAS for a run is scoped to that run and keeps results."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.client import intra_op
from tfcompat.ops import blas_threads


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("TFCOMPAT_INTRA_OP_THREADS", raising=False)


def test_default_is_the_machine_cores():
    assert intra_op.session_threads(None) == intra_op.machine_threads()
    assert intra_op.session_threads(tf.ConfigProto()) == intra_op.machine_threads()
    assert intra_op.session_threads(
        tf.ConfigProto(intra_op_parallelism_threads=0)) == intra_op.machine_threads()


def test_config_then_environment(monkeypatch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    assert intra_op.session_threads(config) == 1
    monkeypatch.setenv("TFCOMPAT_INTRA_OP_THREADS", "3")
    assert intra_op.session_threads(config) == 3
    monkeypatch.setenv("TFCOMPAT_INTRA_OP_THREADS", "not a number")
    assert intra_op.session_threads(config) == 1


def test_session_count_applies_to_large_products_and_is_restored_after_the_call():
    large = (256, 256, 256)
    before = blas_threads.product_threads(*large)
    if intra_op.machine_threads() > 1:
        assert intra_op.run_with_blas_threads(1, blas_threads.product_threads, *large) == 1
    assert blas_threads.product_threads(*large) == before
    with pytest.raises(ZeroDivisionError):
        intra_op.run_with_blas_threads(1, lambda: 1 / 0)
    assert blas_threads.product_threads(*large) == before


def test_single_threaded_session_computes_the_same_products():
    rng = np.random.RandomState(0)
    a, b = rng.rand(64, 100).astype(np.float32), rng.rand(100, 32).astype(np.float32)
    with tf.Graph().as_default():
        product = tf.matmul(tf.constant(a), tf.constant(b))
        with tf.Session(config=tf.ConfigProto(intra_op_parallelism_threads=1)) as one, \
                tf.Session() as default:
            assert default._state.intra_op_threads == intra_op.machine_threads()
            assert one._state.intra_op_threads == 1
            np.testing.assert_allclose(one.run(product), default.run(product), rtol=1e-6)
