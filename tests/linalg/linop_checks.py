"""Shared checks for the LinearOperator tests: every method against the dense numpy matrix."""

from __future__ import annotations

import numpy as np

import tfcompat as tf


def adjoint(a: np.ndarray) -> np.ndarray:
    return np.conj(np.swapaxes(a, -1, -2))


def random_array(rng: np.random.RandomState, shape, dtype) -> np.ndarray:
    values = rng.randn(*shape)
    if np.issubdtype(dtype, np.complexfloating):
        values = values + 1j * rng.randn(*shape)
    return values.astype(dtype)


def well_conditioned(rng, batch, n, dtype) -> np.ndarray:
    return random_array(rng, tuple(batch) + (n, n), dtype) + 2 * n * np.eye(n, dtype=dtype)


def check_operator(operator, dense: np.ndarray, rng: np.random.RandomState, *,
                   solve: bool = True, determinant: bool = True, rtol: float = 1e-7,
                   atol: float = 1e-9) -> dict:
    """Runs every method of ``operator`` once and compares it with ``dense`` (numpy).

    Returns the fetched values for further checks."""
    dtype = dense.dtype
    rows, cols = dense.shape[-2:]
    batch = dense.shape[:-2]
    x = random_array(rng, batch + (cols, 2), dtype)
    x_rows = random_array(rng, batch + (rows, 2), dtype)
    fetches = {
        "to_dense": operator.to_dense(),
        "matmul": operator.matmul(x),
        "matmul_op": operator @ x,
        "matmul_adjoint": operator.matmul(x_rows, adjoint=True),
        "matmul_adjoint_arg": operator.matmul(adjoint(x), adjoint_arg=True),
        "matvec": operator.matvec(x[..., 0]),
        "matvec_adjoint": operator.matvec(x_rows[..., 0], adjoint=True),
        "shape_tensor": operator.shape_tensor(),
        "add_to_tensor": operator.add_to_tensor(dense),
    }
    expected = {
        "to_dense": dense,
        "matmul": dense @ x,
        "matmul_op": dense @ x,
        "matmul_adjoint": adjoint(dense) @ x_rows,
        "matmul_adjoint_arg": dense @ x,
        "matvec": (dense @ x)[..., 0],
        "matvec_adjoint": (adjoint(dense) @ x_rows)[..., 0],
        "shape_tensor": np.array(dense.shape),
        "add_to_tensor": 2 * dense,
    }
    if rows == cols:
        fetches["trace"] = operator.trace()
        fetches["diag_part"] = operator.diag_part()
        expected["trace"] = np.trace(dense, axis1=-2, axis2=-1)
        expected["diag_part"] = np.diagonal(dense, axis1=-2, axis2=-1)
    if solve:
        fetches["solve"] = operator.solve(x)
        fetches["solve_adjoint"] = operator.solve(x, adjoint=True)
        fetches["solve_adjoint_arg"] = operator.solve(adjoint(x), adjoint_arg=True)
        fetches["solvevec"] = operator.solvevec(x[..., 0])
        expected["solve"] = np.linalg.solve(dense, x)
        expected["solve_adjoint"] = np.linalg.solve(adjoint(dense), x)
        expected["solve_adjoint_arg"] = expected["solve"]
        expected["solvevec"] = expected["solve"][..., 0]
    if determinant:
        fetches["determinant"] = operator.determinant()
        fetches["log_abs_determinant"] = operator.log_abs_determinant()
        expected["determinant"] = np.linalg.det(dense)
        expected["log_abs_determinant"] = np.linalg.slogdet(dense)[1]
    for name, tensor in fetches.items():
        assert tensor.dtype.base_dtype != tf.string, name
    with tf.Session() as sess:
        values = sess.run(fetches)
    for name, value in values.items():
        want = expected[name]
        assert value.shape == np.shape(want), (name, value.shape, np.shape(want))
        np.testing.assert_allclose(value, want, rtol=rtol, atol=atol, err_msg=name)
    assert tuple(operator.shape.as_list()) == dense.shape
    assert operator.dtype.as_numpy_dtype == dtype
    return values
