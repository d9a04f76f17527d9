"""Structured and composite LinearOperators against their dense matrices: Adjoint,
Inversion, Composition, BlockDiag, BlockLowerTriangular, Kronecker, LowRankUpdate,
Householder, Permutation, Toeplitz, Tridiag."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.linalg.linop_checks import adjoint, check_operator, random_array, well_conditioned

L = tf.linalg
SIZES = st.integers(1, 3)
BATCHES = st.sampled_from([(), (2,)])
DTYPES = st.sampled_from([np.float64, np.complex128])
SEEDS = st.integers(0, 2**16)
SETTINGS = settings(max_examples=10, deadline=None)


def toeplitz(col, row):
    """T[i, j] = col[i - j] below the diagonal, row[j - i] above."""
    n = len(col)
    return np.array([[col[i - j] if i >= j else row[j - i] for j in range(n)]
                     for i in range(n)])


@SETTINGS
@given(n=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_adjoint_inversion_composition(n, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    a = well_conditioned(rng, batch, n, dtype)
    d = random_array(rng, (n,), dtype) + 3
    full = L.LinearOperatorFullMatrix(a)
    diag = L.LinearOperatorDiag(d)
    check_operator(L.LinearOperatorAdjoint(full), adjoint(a), rng)
    check_operator(L.LinearOperatorInversion(full), np.linalg.inv(a), rng, rtol=1e-6)
    check_operator(L.LinearOperatorComposition([full, diag]), a @ np.diag(d), rng)
    check_operator(full @ diag, a @ np.diag(d), rng)
    check_operator(full.H, adjoint(a), rng)
    check_operator(full.inverse(), np.linalg.inv(a), rng, rtol=1e-6)


@SETTINGS
@given(n1=SIZES, n2=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_block_diag(n1, n2, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    a = well_conditioned(rng, batch, n1, dtype)
    d = random_array(rng, (n2,), dtype) + 3
    operator = L.LinearOperatorBlockDiag([L.LinearOperatorFullMatrix(a),
                                          L.LinearOperatorDiag(d)])
    dense = np.zeros(batch + (n1 + n2, n1 + n2), dtype)
    dense[..., :n1, :n1] = a
    dense[..., n1:, n1:] = np.diag(d)
    check_operator(operator, dense, rng)
    check_operator(operator.inverse(), np.linalg.inv(dense), rng, rtol=1e-6)


@SETTINGS
@given(n1=SIZES, n2=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_block_lower_triangular(n1, n2, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    a = well_conditioned(rng, batch, n1, dtype)
    b = random_array(rng, (n2, n1), dtype)
    c = well_conditioned(rng, (), n2, dtype)
    operator = L.LinearOperatorBlockLowerTriangular(
        [[L.LinearOperatorFullMatrix(a)],
         [L.LinearOperatorFullMatrix(b), L.LinearOperatorFullMatrix(c)]])
    dense = np.zeros(batch + (n1 + n2, n1 + n2), dtype)
    dense[..., :n1, :n1] = a
    dense[..., n1:, :n1] = b
    dense[..., n1:, n1:] = c
    check_operator(operator, dense, rng, rtol=1e-6)


@SETTINGS
@given(n1=SIZES, n2=SIZES, n3=st.integers(1, 2), batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_kronecker(n1, n2, n3, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    a = well_conditioned(rng, batch, n1, dtype)
    b = well_conditioned(rng, (), n2, dtype)
    c = well_conditioned(rng, (), n3, dtype)
    operator = L.LinearOperatorKronecker([L.LinearOperatorFullMatrix(m) for m in (a, b, c)])
    dense = np.stack([np.kron(np.kron(ai, b), c) for ai in a.reshape((-1, n1, n1))])
    dense = dense.reshape(batch + dense.shape[-2:])
    check_operator(operator, dense, rng, rtol=1e-6)


@SETTINGS
@given(n=SIZES, k=st.integers(1, 2), batch=BATCHES, dtype=DTYPES, seed=SEEDS,
       variant=st.sampled_from(["symmetric", "diag_update", "general"]))
def test_low_rank_update(n, k, batch, dtype, seed, variant):
    rng = np.random.RandomState(seed)
    base = rng.uniform(1.0, 2.0, size=batch + (n,))
    u = random_array(rng, batch + (n, k), dtype) * 0.3
    kwargs = {}
    d, v = np.ones(k), u
    if variant != "symmetric":
        d = rng.uniform(0.5, 1.5, size=k)
        kwargs["diag_update"] = d.astype(dtype)
    if variant == "general":
        v = random_array(rng, batch + (n, k), dtype) * 0.3
        kwargs["v"] = v
    operator = L.LinearOperatorLowRankUpdate(
        L.LinearOperatorDiag(base.astype(dtype), is_positive_definite=True), u, **kwargs)
    dense = (np.eye(n) * base[..., None, :] + u @ np.diag(d) @ adjoint(v)).astype(dtype)
    check_operator(operator, dense, rng, rtol=1e-6)


@SETTINGS
@given(n=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_householder(n, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    axis = random_array(rng, batch + (n,), dtype) + 0.5
    unit = axis / np.linalg.norm(axis, axis=-1, keepdims=True)
    dense = np.eye(n) - 2 * unit[..., :, None] * np.conj(unit[..., None, :])
    check_operator(L.LinearOperatorHouseholder(axis), dense.astype(dtype), rng)


@SETTINGS
@given(n=st.integers(1, 5), batch=BATCHES, seed=SEEDS)
def test_permutation(n, batch, seed):
    rng = np.random.RandomState(seed)
    perm = np.stack([rng.permutation(n) for _ in range(int(np.prod(batch)))])
    perm = perm.reshape(batch + (n,))
    dense = (perm[..., :, None] == np.arange(n)).astype(np.float64)
    check_operator(L.LinearOperatorPermutation(perm, dtype=tf.float64), dense, rng)


@SETTINGS
@given(n=st.integers(1, 5), batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_toeplitz(n, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    col = random_array(rng, batch + (n,), dtype)
    col[..., 0] += 3 * n
    row = random_array(rng, (n,), dtype)
    dense = np.stack([toeplitz(c, row) for c in col.reshape((-1, n))])
    check_operator(L.LinearOperatorToeplitz(col, row), dense.reshape(batch + (n, n)), rng,
                   rtol=1e-6)


@SETTINGS
@given(n=st.integers(2, 5), batch=BATCHES, dtype=DTYPES, seed=SEEDS,
       diagonals_format=st.sampled_from(["compact", "sequence", "matrix"]))
def test_tridiag(n, batch, dtype, seed, diagonals_format):
    rng = np.random.RandomState(seed)
    upper = random_array(rng, batch + (n - 1,), dtype)
    main = random_array(rng, batch + (n,), dtype) + 4
    lower = random_array(rng, batch + (n - 1,), dtype)
    dense = (np.eye(n) * main[..., None, :] + np.eye(n, k=1) * np.pad(
        upper, [(0, 0)] * len(batch) + [(1, 0)])[..., None, :]
        + np.eye(n, k=-1) * np.pad(lower, [(0, 0)] * len(batch) + [(0, 1)])[..., None, :])
    dense = dense.astype(dtype)
    if diagonals_format == "compact":
        zero = np.zeros(batch + (1,), dtype)
        diagonals = np.stack([np.concatenate([upper, zero], -1), main,
                              np.concatenate([zero, lower], -1)], -2)
    elif diagonals_format == "sequence":
        diagonals = [upper, main, lower]
    else:
        diagonals = dense
    operator = L.LinearOperatorTridiag(diagonals, diagonals_format=diagonals_format)
    assert operator.diagonals_format == diagonals_format
    check_operator(operator, dense, rng, rtol=1e-6)
