"""LinearOperatorFullMatrix, Diag, LowerTriangular, Identity, ScaledIdentity, Zeros against
their dense matrices (hypothesis over sizes, batch shapes and dtypes)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.linalg.linop_checks import check_operator, random_array, well_conditioned

SIZES = st.integers(1, 4)
BATCHES = st.sampled_from([(), (2,), (2, 1)])
DTYPES = st.sampled_from([np.float64, np.complex128])
SEEDS = st.integers(0, 2**16)
SETTINGS = settings(max_examples=12, deadline=None)


@SETTINGS
@given(n=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_full_matrix_matches_dense(n, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    matrix = well_conditioned(rng, batch, n, dtype)
    check_operator(tf.linalg.LinearOperatorFullMatrix(matrix), matrix, rng)


@SETTINGS
@given(rows=SIZES, cols=SIZES, seed=SEEDS)
def test_non_square_full_matrix(rows, cols, seed):
    rng = np.random.RandomState(seed)
    matrix = rng.randn(rows, cols)
    operator = tf.linalg.LinearOperatorFullMatrix(matrix)
    assert operator.is_square == (rows == cols)
    check_operator(operator, matrix, rng, solve=rows == cols, determinant=rows == cols)


@SETTINGS
@given(n=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_diag_matches_dense(n, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    diag = random_array(rng, batch + (n,), dtype)
    diag = diag + np.where(diag.real >= 0, 0.5, -0.5)
    dense = np.eye(n) * diag[..., None, :]
    check_operator(tf.linalg.LinearOperatorDiag(diag), dense.astype(dtype), rng)


@SETTINGS
@given(n=SIZES, batch=BATCHES, dtype=DTYPES, seed=SEEDS)
def test_lower_triangular_ignores_upper_part(n, batch, dtype, seed):
    rng = np.random.RandomState(seed)
    tril = random_array(rng, batch + (n, n), dtype) + 3 * np.eye(n)
    dense = np.tril(tril)
    check_operator(tf.linalg.LinearOperatorLowerTriangular(tril), dense, rng)


@SETTINGS
@given(n=SIZES, batch=BATCHES, seed=SEEDS)
def test_identity_and_scaled_identity(n, batch, seed):
    rng = np.random.RandomState(seed)
    identity = tf.linalg.LinearOperatorIdentity(n, batch_shape=list(batch) or None,
                                                dtype=tf.float64)
    check_operator(identity, np.broadcast_to(np.eye(n), batch + (n, n)).copy(), rng)
    multiplier = rng.uniform(0.5, 2.0, size=batch)
    scaled = tf.linalg.LinearOperatorScaledIdentity(n, multiplier)
    check_operator(scaled, np.eye(n) * np.asarray(multiplier)[..., None, None], rng)


@SETTINGS
@given(rows=SIZES, cols=SIZES, batch=BATCHES, seed=SEEDS)
def test_zeros(rows, cols, batch, seed):
    rng = np.random.RandomState(seed)
    zeros = tf.linalg.LinearOperatorZeros(rows, cols, batch_shape=list(batch) or None,
                                          dtype=tf.float64, is_square=rows == cols,
                                          is_self_adjoint=rows == cols)
    check_operator(zeros, np.zeros(batch + (rows, cols)), rng, solve=False,
                   determinant=False)


def test_diag_op_names_follow_tf():
    diag = tf.linalg.LinearOperatorDiag([1., 2., 3.])
    assert diag.matmul(tf.ones([3, 2])).name == "LinearOperatorDiag/matmul/mul:0"
    assert diag.solve(tf.ones([3, 2])).name == "LinearOperatorDiag/solve/mul:0"
    assert diag.determinant().name == "LinearOperatorDiag/det/Prod:0"
    assert diag.log_abs_determinant().name == "LinearOperatorDiag/log_abs_det/Sum:0"
    assert diag.to_dense().name == "LinearOperatorDiag/to_dense/diag:0"
    assert diag.solvevec(tf.ones([3])).name == "LinearOperatorDiag/solve_1/Squeeze:0"
    assert diag.matmul(tf.ones([3, 2])).name == "LinearOperatorDiag/matmul_1/mul:0"


def test_full_matrix_op_names_follow_tf():
    full = tf.linalg.LinearOperatorFullMatrix(np.eye(3, dtype=np.float32))
    assert full.to_dense().name == "LinearOperatorFullMatrix/matrix:0"
    assert full.matmul(tf.ones([3, 2])).op.type == "MatMul"
    solve = full.solve(tf.ones([3, 2]))
    assert solve.name == "LinearOperatorFullMatrix/solve/MatrixSolveWithBroadcast/MatrixSolve:0"
    assert full.log_abs_determinant().name == \
        "LinearOperatorFullMatrix/log_abs_det/LogMatrixDeterminant:1"
