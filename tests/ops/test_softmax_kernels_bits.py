"""Softmax, LogSoftmax and the softmax cross-entropy kernels give, bit for bit, the plain numpy
formulas (max-shifted, in this order), and never write into their inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.framework import errors
from tfcompat.ops import nn_ops

# ---- the plain numpy formulas -----------------------------------------------------------------


def softmax(logits):
    shifted = logits - np.max(logits, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def log_softmax(logits):
    shifted = logits - np.max(logits, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def xent(logits, labels):
    log_probs = log_softmax(logits)
    return -np.sum(labels * log_probs, axis=-1), np.exp(log_probs) - labels


def sparse_xent(logits, labels):
    log_probs = log_softmax(logits)
    rows = np.arange(logits.shape[0])
    backprop = np.exp(log_probs)
    backprop[rows, labels] -= 1
    return -log_probs[rows, labels], backprop


SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1e4, -1e4])


def _logits(shape, dtype, seed, specials, ties, transposed):
    rng = np.random.RandomState(seed)
    x = np.asarray(rng.randn(*shape) * 4)
    if ties and x.size:
        x = np.round(x)
    if specials and x.size:
        picks = rng.randint(0, x.size, max(1, x.size // 5))
        x.reshape(-1)[picks] = rng.choice(SPECIALS, picks.size)
    with np.errstate(over="ignore"):
        x = x.astype(dtype)
    return np.ascontiguousarray(x.T).T if transposed else x


def _same_bits(got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tobytes() == want.tobytes()


_CASE = dict(seed=st.integers(0, 2**16), specials=st.booleans(), ties=st.booleans(),
             transposed=st.booleans())


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@settings(max_examples=40, deadline=None)
@given(shape=st.lists(st.integers(0, 9), min_size=0, max_size=2).map(lambda s: s + [5]), **_CASE)
def test_softmax_and_log_softmax(dtype, shape, seed, specials, ties, transposed):
    logits = _logits(shape, dtype, seed, specials, ties, transposed)
    before = logits.copy()
    with np.errstate(all="ignore"):
        _same_bits(nn_ops._softmax_kernel(logits), softmax(logits))
        _same_bits(nn_ops._log_softmax_kernel(logits), log_softmax(logits))
    assert logits.tobytes() == before.tobytes()


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@settings(max_examples=40, deadline=None)
@given(rows=st.integers(0, 9), classes=st.integers(1, 7), **_CASE)
def test_cross_entropies(dtype, rows, classes, seed, specials, ties, transposed):
    logits = _logits([rows, classes], dtype, seed, specials, ties, transposed)
    rng = np.random.RandomState(seed + 1)
    labels = rng.dirichlet(np.ones(classes), rows).astype(dtype).reshape(rows, classes)
    sparse = rng.randint(0, classes, rows).astype(np.int64 if seed % 2 else np.int32)
    before = [logits.copy(), labels.copy(), sparse.copy()]
    with np.errstate(all="ignore"):
        for got, want in zip(nn_ops._xent_kernel(logits, labels), xent(logits, labels)):
            _same_bits(got, want)
        for got, want in zip(nn_ops._sparse_xent_kernel(logits, sparse),
                             sparse_xent(logits, sparse)):
            _same_bits(got, want)
    for x, original in zip([logits, labels, sparse], before):
        assert x.tobytes() == original.tobytes()


def test_sparse_label_out_of_range_names_it():
    logits = np.zeros((3, 4), np.float32)
    for bad in (4, -1):
        with pytest.raises(errors.InvalidArgumentError, match=f"label value of {bad} which"):
            nn_ops._sparse_xent_kernel(logits, np.array([0, bad, 1]))
