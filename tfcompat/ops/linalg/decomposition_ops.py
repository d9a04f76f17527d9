"""Matrix decompositions and functions: Svd, SelfAdjointEigV2, Lu, MatrixSquareRoot and
MatrixLogarithm."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.einsum_ops import einsum
from tfcompat.ops.linalg.common import (
    adjoint,
    check_square,
    invalid,
    matmul,
    square_matrices,
    square_shape,
)
from tfcompat.ops.linalg.dense_ops import matrix_solve
from tfcompat.ops.matrix_diag_ops import (
    matrix_band_part,
    matrix_diag,
    matrix_diag_part,
    matrix_set_diag,
)
from tfcompat.ops.op_helpers import COMPLEX

_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64) + COMPLEX


def _wide(x: np.ndarray) -> np.ndarray:
    return x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)


def _real_dtype(dtype: dtypes.DType) -> dtypes.DType:
    return {dtypes.complex64: dtypes.float32, dtypes.complex128: dtypes.float64}.get(dtype, dtype)


def _off_diagonal_reciprocal(e: Tensor) -> Tensor:
    """F[..., i, j] = 1 / (e_j - e_i) off the diagonal, 0 on it."""
    diff = array_ops.expand_dims(e, -2) - array_ops.expand_dims(e, -1)
    zeros = array_ops.zeros_like(e)
    safe = matrix_set_diag(diff, array_ops.ones_like(e))
    return matrix_set_diag(math_ops.reciprocal(safe), zeros)


# ---- Svd -------------------------------------------------------------------------------------

def _svd_shape(op):
    x = op.inputs[0]
    dtype = x.dtype.base_dtype
    real = _real_dtype(dtype)
    if x.shape.ndims is None:
        return [(real, unknown_shape()), (dtype, unknown_shape()), (dtype, unknown_shape())]
    if x.shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {x.shape.ndims}")
    *batch, m, n = x.shape.as_tuple()
    batch = tuple(batch)
    k = None if m is None or n is None else min(m, n)
    s = TensorShape._from_tuple(batch + (k,))
    if not op._attrs["compute_uv"]:
        empty = TensorShape._from_tuple((0,))
        return [(real, s), (dtype, empty), (dtype, empty)]
    full = op._attrs["full_matrices"]
    u = TensorShape._from_tuple(batch + (m, m if full else k))
    v = TensorShape._from_tuple(batch + (n, n if full else k))
    return [(real, s), (dtype, u), (dtype, v)]


def _svd_kernel(x, compute_uv, full_matrices):
    x = np.asarray(x)
    real = np.float32 if x.dtype in (np.float32, np.complex64) else (
        np.float16 if x.dtype == np.float16 else np.float64)
    m, n = x.shape[-2:]
    k = min(m, n)
    if x.size == 0:
        s = np.zeros(x.shape[:-2] + (k,), real)
        if not compute_uv:
            return s, np.zeros((0,), x.dtype), np.zeros((0,), x.dtype)
        eye_m = np.broadcast_to(np.eye(m, m if full_matrices else k, dtype=x.dtype),
                                x.shape[:-2] + (m, m if full_matrices else k))
        eye_n = np.broadcast_to(np.eye(n, n if full_matrices else k, dtype=x.dtype),
                                x.shape[:-2] + (n, n if full_matrices else k))
        return s, eye_m.copy(), eye_n.copy()
    if not compute_uv:
        s = np.linalg.svd(_wide(x), compute_uv=False)
        return s.astype(real), np.zeros((0,), x.dtype), np.zeros((0,), x.dtype)
    u, s, vh = np.linalg.svd(_wide(x), full_matrices=full_matrices)
    v = np.conj(np.swapaxes(vh, -1, -2))
    return s.astype(real), u.astype(x.dtype), v.astype(x.dtype)


def _svd_grad(op, grad_s, grad_u, grad_v):
    """Townsend (2016) for real thin SVDs; only grad_s when the vectors were not computed."""
    a = op.inputs[0]
    if a.dtype.is_complex:
        raise NotImplementedError("SVD gradients of complex matrices are not supported by "
                                  "tfcompat yet")
    if not op._attrs["compute_uv"]:
        s, u, v = svd(a, compute_uv=True, full_matrices=False)
        return matmul(matmul(u, matrix_diag(grad_s)), v, adjoint_b=True)
    if op._attrs["full_matrices"]:
        dims = a.shape.as_tuple()[-2:] if a.shape.ndims else (None, None)
        if None in dims or dims[0] != dims[1]:
            raise NotImplementedError("SVD gradients with full_matrices=True are supported for "
                                      "square matrices only in tfcompat")
    s, u, v = op.outputs
    transposed = a.shape.ndims is not None and None not in a.shape.as_tuple()[-2:] and \
        a.shape.as_tuple()[-2] < a.shape.as_tuple()[-1]
    if transposed:  # work on A^T = V S U^T, so m >= n below
        u, v = v, u
        grad_u, grad_v = grad_v, grad_u
    s_mat = matrix_diag(s)
    s_inv = matrix_diag(math_ops.reciprocal(s))
    f = _off_diagonal_reciprocal(math_ops.square(s))
    grad_u = grad_u if grad_u is not None else array_ops.zeros_like(u)
    grad_v = grad_v if grad_v is not None else array_ops.zeros_like(v)
    grad_s_mat = matrix_diag(grad_s if grad_s is not None else array_ops.zeros_like(s))
    utgu = matmul(u, grad_u, adjoint_a=True)
    vtgv = matmul(v, grad_v, adjoint_a=True)
    j = f * (utgu - adjoint(utgu))
    k = f * (vtgv - adjoint(vtgv))
    inner = matmul(j, s_mat) + grad_s_mat + matmul(s_mat, k)
    grad_a = matmul(matmul(u, inner), v, adjoint_b=True)
    m_eye = _identity_like(u, rows=True)
    n_eye = _identity_like(v, rows=True)
    grad_a = grad_a + matmul(matmul(m_eye - matmul(u, u, adjoint_b=True), grad_u),
                             matmul(s_inv, v, adjoint_b=True))
    grad_a = grad_a + matmul(matmul(u, s_inv),
                             matmul(grad_v, n_eye - matmul(v, v, adjoint_b=True),
                                    adjoint_a=True))
    return adjoint(grad_a) if transposed else grad_a


def _identity_like(t: Tensor, rows: bool) -> Tensor:
    """The identity matrix with as many rows as ``t`` has (batched like t)."""
    square = matmul(t, t, adjoint_b=True)
    return matrix_set_diag(array_ops.zeros_like(square), array_ops.ones_like(
        matrix_diag_part(square)))


register_op("Svd", inputs=("input: T",), kernel=_svd_kernel,
            kernel_attrs=("compute_uv", "full_matrices"), shape_fn=_svd_shape,
            allowed={"T": _TYPES}, attr_defaults={"compute_uv": True, "full_matrices": False},
            grad=_svd_grad)


def svd(tensor, full_matrices=False, compute_uv=True, name=None):
    """Singular values ``s`` (descending), and ``(s, u, v)`` with ``a = u diag(s) v^H`` when
    ``compute_uv``."""
    s, u, v = apply_op("Svd", [tensor], name=name,
                       attrs={"compute_uv": bool(compute_uv),
                              "full_matrices": bool(full_matrices)})
    return (s, u, v) if compute_uv else s


# ---- SelfAdjointEigV2 ------------------------------------------------------------------------

def _eig_shape(op):
    x = op.inputs[0]
    dtype = x.dtype.base_dtype
    dims = square_matrices(x)
    if dims is None:
        return [(_real_dtype(dtype), unknown_shape()), (dtype, unknown_shape())]
    e = TensorShape._from_tuple(dims[:-1])
    v = TensorShape._from_tuple(dims) if op._attrs["compute_v"] else \
        TensorShape._from_tuple((0,))
    return [(_real_dtype(dtype), e), (dtype, v)]


def _eig_kernel(x, compute_v):
    x = np.asarray(x)
    check_square(x)
    real = np.float32 if x.dtype in (np.float32, np.complex64) else (
        np.float16 if x.dtype == np.float16 else np.float64)
    if x.size == 0:
        return np.zeros(x.shape[:-1], real), (x.copy() if compute_v else
                                              np.zeros((0,), x.dtype))
    e, v = np.linalg.eigh(_wide(x))  # reads the lower triangle, as TF
    if not compute_v:
        return e.astype(real), np.zeros((0,), x.dtype)
    return e.astype(real), v.astype(x.dtype)


def _eig_grad(op, grad_e, grad_v):
    e, v = op.outputs
    if not op._attrs["compute_v"]:
        e, v = self_adjoint_eig(op.inputs[0])
        grad_a = matmul(matmul(v, matrix_diag(math_ops.cast(grad_e, v.dtype))), v,
                        adjoint_b=True)
    else:
        f = _off_diagonal_reciprocal(e)
        inner = matrix_diag(math_ops.cast(grad_e, v.dtype)) if grad_e is not None else \
            array_ops.zeros_like(f)
        if grad_v is not None:
            inner = inner + math_ops.cast(f, v.dtype) * matmul(v, grad_v, adjoint_a=True)
        grad_a = matmul(matmul(v, inner), v, adjoint_b=True)
    # The op reads only the lower triangle: fold the upper part onto it.
    grad_a = matrix_band_part(grad_a + adjoint(grad_a), -1, 0)
    return matrix_set_diag(grad_a, 0.5 * matrix_diag_part(grad_a))


register_op("SelfAdjointEigV2", inputs=("input: T",), kernel=_eig_kernel,
            kernel_attrs=("compute_v",), shape_fn=_eig_shape, allowed={"T": _TYPES},
            attr_defaults={"compute_v": True}, grad=_eig_grad)


def self_adjoint_eig(tensor, name=None):
    """Eigenvalues (ascending) and eigenvectors of each self-adjoint matrix: ``(e, v)``."""
    return tuple(apply_op("SelfAdjointEigV2", [tensor], name=name, attrs={"compute_v": True}))


def self_adjoint_eigvals(tensor, name=None) -> Tensor:
    """Eigenvalues (ascending) of each self-adjoint matrix."""
    return apply_op("SelfAdjointEigV2", [tensor], name=name, attrs={"compute_v": False})[0]


# ---- Lu --------------------------------------------------------------------------------------

def _lu_shape(op):
    x = op.inputs[0]
    dims = square_matrices(x)
    index_type = op._attrs["output_idx_type"]
    if dims is None:
        return [(x.dtype.base_dtype, unknown_shape()), (index_type, unknown_shape())]
    return [(x.dtype.base_dtype, TensorShape._from_tuple(dims)),
            (index_type, TensorShape._from_tuple(dims[:-1]))]


def _lu_single(a: np.ndarray):
    a = a.copy()
    n = a.shape[0]
    perm = np.arange(n)
    for col in range(n):
        pivot = col + int(np.argmax(np.abs(a[col:, col])))
        if pivot != col:
            a[[col, pivot]] = a[[pivot, col]]
            perm[[col, pivot]] = perm[[pivot, col]]
        if a[col, col] != 0:
            a[col + 1:, col] /= a[col, col]
            a[col + 1:, col + 1:] -= np.outer(a[col + 1:, col], a[col, col + 1:])
    return a, perm


def _lu_kernel(x, output_idx_type):
    x = np.asarray(x)
    check_square(x)
    n = x.shape[-1]
    flat = _wide(x).reshape(-1, n, n)
    lus, perms = [], []
    for matrix in flat:
        lu, perm = _lu_single(matrix)
        if n and np.any(np.diag(lu) == 0):
            raise invalid("Input is not invertible.")
        lus.append(lu)
        perms.append(perm)
    lu = np.asarray(lus).reshape(x.shape) if lus else np.zeros(x.shape)
    perm = np.asarray(perms).reshape(x.shape[:-1]) if perms else np.zeros(x.shape[:-1])
    return lu.astype(x.dtype), perm.astype(output_idx_type.as_numpy_dtype)


# TF registers no gradient for Lu (tf.gradients raises LookupError); the mark gives None.
register_op("Lu", inputs=("input: T",), kernel=_lu_kernel, kernel_attrs=("output_idx_type",),
            shape_fn=_lu_shape, allowed={"T": _TYPES},
            attr_defaults={"output_idx_type": dtypes.int32}, grad=NOT_DIFFERENTIABLE)


def lu(input, output_idx_type=dtypes.int32, name=None):  # noqa: A002
    """Partial-pivoting LU: ``(lu, p)`` with L (unit lower) and U packed in ``lu`` and
    ``input[p] = L @ U``."""
    return tuple(apply_op("Lu", [input], name=name,
                          attrs={"output_idx_type": dtypes.as_dtype(output_idx_type)}))


# ---- MatrixSquareRoot ------------------------------------------------------------------------

def _sqrtm_single(a: np.ndarray) -> np.ndarray:
    """Denman-Beavers iteration to the principal square root."""
    y, z = a.copy(), np.eye(a.shape[0], dtype=a.dtype)
    for _ in range(100):
        y_next = 0.5 * (y + np.linalg.inv(z))
        z = 0.5 * (z + np.linalg.inv(y))
        done = np.allclose(y_next, y, rtol=1e-15, atol=1e-300)
        y = y_next
        if done:
            break
    return y


def _sqrtm_kernel(x):
    x = np.asarray(x)
    check_square(x)
    n = x.shape[-1]
    if x.size == 0:
        return x.copy()
    flat = _wide(x).reshape(-1, n, n)
    with np.errstate(all="ignore"):
        try:
            roots = [_sqrtm_single(m) for m in flat]
        except np.linalg.LinAlgError:
            raise invalid("Input matrix must be invertible and have no eigenvalues on the "
                          "closed negative real line.") from None
    return np.asarray(roots).reshape(x.shape).astype(x.dtype)


def _sqrtm_grad(op, grad):
    """Solves the Sylvester equation X^T G_A + G_A X^T = grad via its Kronecker form."""
    root = op.outputs[0]
    n = root.shape.as_tuple()[-1] if root.shape.ndims else None
    if n is None:
        raise NotImplementedError("The sqrtm gradient needs a static matrix size in tfcompat")
    eye = _identity_like(root, rows=True)
    root_t = adjoint(root)
    batch = array_ops.shape(root)[:-2]
    system = (einsum("...ik,...jl->...ijkl", root_t, eye)
              + einsum("...ik,...jl->...ijkl", eye, root))
    system = array_ops.reshape(system, array_ops.concat([batch, [n * n, n * n]], 0))
    rhs = array_ops.reshape(grad, array_ops.concat([batch, [n * n, 1]], 0))
    solution = matrix_solve(system, rhs)
    return array_ops.reshape(solution, array_ops.shape(root))


register_op("MatrixSquareRoot", inputs=("input: T",), kernel=_sqrtm_kernel,
            shape_fn=square_shape, allowed={"T": _TYPES}, grad=_sqrtm_grad)


def matrix_square_root(input, name=None) -> Tensor:  # noqa: A002
    """The principal square root of each square matrix."""
    return apply_op("MatrixSquareRoot", [input], name=name)


# ---- MatrixLogarithm -------------------------------------------------------------------------

def _logm_kernel(x):
    x = np.asarray(x)
    check_square(x)
    if x.size == 0:
        return x.copy()
    w, vecs = np.linalg.eig(x.astype(np.complex128))
    logs = vecs @ (np.log(w)[..., :, None] * np.linalg.inv(vecs))
    return logs.astype(x.dtype)


# TF registers no gradient for MatrixLogarithm; the mark gives None instead of LookupError.
register_op("MatrixLogarithm", inputs=("input: T",), kernel=_logm_kernel,
            shape_fn=square_shape, allowed={"T": COMPLEX}, grad=NOT_DIFFERENTIABLE)


def logm(input, name=None) -> Tensor:  # noqa: A002
    """The principal matrix logarithm of each (complex) square matrix (diagonalizable ones)."""
    return apply_op("MatrixLogarithm", [input], name=name)
