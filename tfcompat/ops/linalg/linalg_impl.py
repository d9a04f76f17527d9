"""Composite ``tf.linalg`` functions built from graph ops (norms, pinv, matrix_rank, least
squares, LU solves, logdet...), and MatrixExponential (``tf.linalg.expm``)."""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.linalg.common import adjoint as _adjoint
from tfcompat.ops.linalg.common import check_square, square_shape
from tfcompat.ops.linalg.decomposition_ops import svd
from tfcompat.ops.linalg.dense_ops import cholesky, matrix_triangular_solve
from tfcompat.ops.math_extra_ops import conjugate_transpose, real
from tfcompat.ops.matrix_diag_ops import (
    matrix_band_part,
    matrix_diag_part,
    matrix_set_diag,
)
from tfcompat.ops.op_helpers import FLOAT_COMPLEX


def matrix_transpose(a, name="matrix_transpose", conjugate=False) -> Tensor:
    """Transposes the last two dimensions (conjugating when ``conjugate``)."""
    with ops.name_scope(name, values=[a]):
        a = convert_to_tensor(a, name="a")
        rank = a.shape.ndims
        if rank is None:
            raise ValueError("matrix_transpose needs a tensor of known rank")
        if rank < 2:
            raise ValueError(f"Argument `a` should be a (batch) matrix with rank >= 2.  "
                             f"Received `a` = {a} with shape: {a.shape}")
        perm = list(range(rank - 2)) + [rank - 1, rank - 2]
        if conjugate and a.dtype.is_complex:
            return conjugate_transpose(a, perm, name="transpose")
        return array_ops.transpose(a, perm, name="transpose")


def adjoint(matrix, name=None) -> Tensor:
    """The conjugate transpose of the last two dimensions."""
    with ops.name_scope(name, "adjoint", [matrix]):
        matrix = convert_to_tensor(matrix, name="matrix")
        return matrix_transpose(matrix, conjugate=True)


def matvec(a, b, transpose_a=False, adjoint_a=False, a_is_sparse=False, b_is_sparse=False,
           name=None) -> Tensor:
    """Matrix-vector product ``a @ b`` (b a batch of vectors)."""
    with ops.name_scope(name, "MatVec", [a, b]):
        a = convert_to_tensor(a, name="a")
        b = convert_to_tensor(b, name="b")
        product = math_ops.matmul(a, array_ops.expand_dims(b, -1), transpose_a=transpose_a,
                                  adjoint_a=adjoint_a)
        return array_ops.squeeze(product, [-1])


# ---- norms -----------------------------------------------------------------------------------

def _vector_norm(x: Tensor, ord, axis):  # noqa: A002
    if ord in ("euclidean", "fro", 2, 2.0):
        if x.dtype.is_complex:  # TF keeps the complex dtype (zero imaginary part)
            from tfcompat.ops.math_extra_ops import conj
            return math_ops.sqrt(math_ops.reduce_sum(x * conj(x), axis, keepdims=True))
        return math_ops.sqrt(math_ops.reduce_sum(x * x, axis, keepdims=True))
    magnitude = math_ops.abs(x)
    if ord in (1, 1.0):
        return math_ops.reduce_sum(magnitude, axis, keepdims=True)
    if ord == np.inf:
        return math_ops.reduce_max(magnitude, axis, keepdims=True)
    p = constant_op.constant(float(ord), dtype=magnitude.dtype)
    total = math_ops.reduce_sum(math_ops.pow(magnitude, p), axis, keepdims=True)
    return math_ops.pow(total, math_ops.reciprocal(p))


def _matrix_norm(x: Tensor, ord, axis):  # noqa: A002
    rows, cols = axis
    if ord in ("euclidean", "fro"):
        return _vector_norm(x, "euclidean", list(axis))
    magnitude = math_ops.abs(x)
    if ord in (1, 1.0):
        return math_ops.reduce_max(math_ops.reduce_sum(magnitude, rows, keepdims=True), cols,
                                   keepdims=True)
    if ord == np.inf:
        return math_ops.reduce_max(math_ops.reduce_sum(magnitude, cols, keepdims=True), rows,
                                   keepdims=True)
    if ord in (2, 2.0):
        rank = x.shape.ndims
        rows, cols = rows % rank, cols % rank
        perm = [i for i in range(rank) if i not in (rows, cols)] + [rows, cols]
        singular = svd(array_ops.transpose(x, perm), compute_uv=False)
        largest = math_ops.reduce_max(singular, -1, keepdims=True)
        largest = array_ops.expand_dims(largest, -1)
        inverse = [0] * rank
        for i, p in enumerate(perm):
            inverse[p] = i
        return array_ops.transpose(largest, inverse)
    raise ValueError(f"'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, "
                     f"np.inf], got {ord}")


def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None,  # noqa: A002
         keep_dims=None) -> Tensor:
    """Vector norms (axis an int or None) and matrix norms (axis a pair of ints)."""
    if keep_dims is not None:
        keepdims = keep_dims
    keepdims = bool(keepdims)
    is_matrix = isinstance(axis, (list, tuple)) and len(axis) == 2
    if isinstance(axis, (list, tuple)) and len(axis) == 1:
        axis = axis[0]
    if is_matrix and axis[0] == axis[1]:
        raise ValueError(f"'axis' must be None, an integer, or a tuple of 2 unique integers, "
                         f"got {axis}")
    if not is_matrix and not (ord in ("euclidean", "fro") or
                              (isinstance(ord, (int, float)) and ord > 0)):
        raise ValueError(f"'ord' must be a supported vector norm, got {ord}")
    with ops.name_scope(name, "norm", [tensor]):
        x = convert_to_tensor(tensor)
        if is_matrix:
            result = _matrix_norm(x, ord, axis)
        else:
            result = _vector_norm(x, ord, axis)
        if not keepdims:
            squeeze_axes = list(axis) if is_matrix else (None if axis is None else [axis])
            result = array_ops.squeeze(result, squeeze_axes)
        return result


def normalize(tensor, ord="euclidean", axis=None, name=None):  # noqa: A002
    """``(tensor / norm, norm)`` with the norm kept broadcastable."""
    with ops.name_scope(name, "normalize", [tensor]):
        tensor = convert_to_tensor(tensor)
        the_norm = norm(tensor, ord, axis, keepdims=True)
        the_norm = math_ops.cast(the_norm, tensor.dtype)
        return math_ops.truediv(tensor, the_norm), the_norm


# ---- decompositions applied --------------------------------------------------------------------

def pinv(a, rcond=None, validate_args=False, name=None) -> Tensor:
    """The Moore-Penrose pseudo-inverse (singular values below rcond * max dropped)."""
    del validate_args
    with ops.name_scope(name or "pinv"):
        a = convert_to_tensor(a, name="a")
        dtype = a.dtype.base_dtype
        if rcond is None:
            dims = a.shape.as_tuple()[-2:]
            if None in dims:
                raise ValueError("pinv needs static matrix dims when rcond is not given")
            rcond = 10.0 * max(dims) * np.finfo(dtype.as_numpy_dtype).eps
        rcond = constant_op.constant(rcond, dtype=dtype, name="rcond")
        s, u, v = svd(a, full_matrices=False, compute_uv=True)
        cutoff = rcond * math_ops.reduce_max(s, -1)
        s = array_ops.select_v2(math_ops.greater(s, array_ops.expand_dims(cutoff, -1)), s,
                                constant_op.constant(np.inf, dtype=s.dtype))
        return math_ops.matmul(v / array_ops.expand_dims(s, -2), u, adjoint_b=True)


def matrix_rank(a, tol=None, validate_args=False, name=None) -> Tensor:
    """The number of singular values above ``tol`` (default eps * max(m, n) * max(s))."""
    del validate_args
    with ops.name_scope(name or "matrix_rank"):
        a = convert_to_tensor(a, name="a")
        s = svd(a, compute_uv=False)
        if tol is None:
            dims = a.shape.as_tuple()[-2:]
            eps = np.finfo(a.dtype.as_numpy_dtype).eps
            tol = eps * max(dims) * math_ops.reduce_max(s, -1, keepdims=True)
        else:
            tol = constant_op.constant(tol, dtype=s.dtype)
        return math_ops.reduce_sum(math_ops.cast(math_ops.greater(s, tol), dtypes.int32), -1)


def cholesky_solve(chol, rhs, name=None) -> Tensor:
    """Solves ``A X = rhs`` given the Cholesky factor of A."""
    with ops.name_scope(name, "cholesky_solve", [chol, rhs]):
        y = matrix_triangular_solve(chol, rhs, adjoint=False, lower=True)
        return matrix_triangular_solve(chol, y, adjoint=True, lower=True)


def logdet(matrix, name=None) -> Tensor:
    """log(det(A)) of Hermitian positive-definite matrices, via Cholesky."""
    with ops.name_scope(name, "logdet", [matrix]):
        chol = cholesky(matrix)
        diagonal = matrix_diag_part(chol)
        if diagonal.dtype.is_complex:
            diagonal = real(diagonal)
        return 2.0 * math_ops.reduce_sum(math_ops.log(diagonal), [-1])


def _identity(n, dtype) -> Tensor:
    return constant_op.constant(np.eye(n), dtype=dtype)


def matrix_solve_ls(matrix, rhs, l2_regularizer=0.0, fast=True, name=None) -> Tensor:
    """Least-squares solutions of ``matrix @ X = rhs`` (with L2 regularization)."""
    with ops.name_scope(name, "matrix_solve_ls", [matrix, rhs, l2_regularizer]):
        matrix = convert_to_tensor(matrix, name="matrix")
        rhs = convert_to_tensor(rhs, name="rhs", dtype=matrix.dtype.base_dtype)
        dims = matrix.shape.as_tuple()[-2:] if matrix.shape.ndims else (None, None)
        if None in dims:
            raise ValueError("matrix_solve_ls needs static matrix dims in tfcompat")
        m, n = dims
        if not fast:
            return math_ops.matmul(pinv(matrix), rhs)
        dtype = matrix.dtype.base_dtype
        if m >= n:
            gramian = math_ops.matmul(matrix, matrix, adjoint_a=True)
            if l2_regularizer:
                gramian = gramian + l2_regularizer * _identity(n, dtype)
            chol = cholesky(gramian)
            return cholesky_solve(chol, math_ops.matmul(matrix, rhs, adjoint_a=True))
        gramian = math_ops.matmul(matrix, matrix, adjoint_b=True)
        if l2_regularizer:
            gramian = gramian + l2_regularizer * _identity(m, dtype)
        chol = cholesky(gramian)
        return math_ops.matmul(matrix, cholesky_solve(chol, rhs), adjoint_a=True)


def _unit_lower(lower_upper: Tensor) -> Tensor:
    lower = matrix_band_part(lower_upper, -1, 0)
    return matrix_set_diag(lower, array_ops.ones_like(matrix_diag_part(lower_upper)))


def _gather_rows(x: Tensor, perm: Tensor) -> Tensor:
    """x[..., perm, :] with perm batched like x's leading dims."""
    batch_dims = perm.shape.ndims - 1 if perm.shape.ndims else 0
    return slicing_ops.gather(x, perm, axis=batch_dims, batch_dims=batch_dims)


def lu_solve(lower_upper, perm, rhs, validate_args=False, name=None) -> Tensor:
    """Solves ``A X = rhs`` from A's LU factorization ``(lower_upper, perm)``."""
    del validate_args
    with ops.name_scope(name or "lu_solve"):
        lower_upper = convert_to_tensor(lower_upper, name="lower_upper")
        perm = convert_to_tensor(perm, name="perm")
        rhs = convert_to_tensor(rhs, name="rhs", dtype=lower_upper.dtype.base_dtype)
        permuted = _gather_rows(rhs, perm)
        y = triangular_solve(_unit_lower(lower_upper), permuted, lower=True)
        return triangular_solve(lower_upper, y, lower=False)


def lu_reconstruct(lower_upper, perm, validate_args=False, name=None) -> Tensor:
    """The matrix A whose LU factorization is ``(lower_upper, perm)``."""
    del validate_args
    with ops.name_scope(name or "lu_reconstruct"):
        lower_upper = convert_to_tensor(lower_upper, name="lower_upper")
        perm = convert_to_tensor(perm, name="perm")
        product = math_ops.matmul(_unit_lower(lower_upper),
                                  matrix_band_part(lower_upper, 0, -1))
        return _gather_rows(product, array_ops.invert_permutation(perm)) \
            if perm.shape.ndims == 1 else _gather_rows(product, _batched_inverse(perm))


def _batched_inverse(perm: Tensor) -> Tensor:
    """The inverse of each permutation in a batch: argsort of each row."""
    from tfcompat.ops.sort_ops import argsort
    return argsort(perm, stable=True)


def lu_matrix_inverse(lower_upper, perm, validate_args=False, name=None) -> Tensor:
    """The inverse of A from its LU factorization."""
    del validate_args
    with ops.name_scope(name or "lu_matrix_inverse"):
        lower_upper = convert_to_tensor(lower_upper, name="lower_upper")
        eye = matrix_set_diag(array_ops.zeros_like(lower_upper),
                              array_ops.ones_like(matrix_diag_part(lower_upper)))
        return lu_solve(lower_upper, perm, eye)


# ---- MatrixExponential -----------------------------------------------------------------------

# Higham's degree-13 Pade approximant with scaling and squaring.
_PADE13 = (64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
           129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
           40840800.0, 960960.0, 16380.0, 182.0, 1.0)
_THETA13 = 5.371920351148152


def _expm_single(a: np.ndarray) -> np.ndarray:
    n = a.shape[0]
    norm1 = np.abs(a).sum(axis=0).max() if n else 0.0
    squarings = max(0, int(math.ceil(math.log2(norm1 / _THETA13)))) if norm1 > _THETA13 else 0
    a = a / 2.0 ** squarings
    eye = np.eye(n, dtype=a.dtype)
    a2 = a @ a
    a4 = a2 @ a2
    a6 = a4 @ a2
    b = _PADE13
    u = a @ (a6 @ (b[13] * a6 + b[11] * a4 + b[9] * a2) + b[7] * a6 + b[5] * a4 + b[3] * a2
             + b[1] * eye)
    v = a6 @ (b[12] * a6 + b[10] * a4 + b[8] * a2) + b[6] * a6 + b[4] * a4 + b[2] * a2 + \
        b[0] * eye
    result = np.linalg.solve(v - u, v + u)
    for _ in range(squarings):
        result = result @ result
    return result


def _expm_kernel(x):
    x = np.asarray(x)
    check_square(x)
    n = x.shape[-1]
    if x.size == 0:
        return x.copy()
    wide = x.astype(np.complex128 if x.dtype.kind == "c" else np.float64).reshape(-1, n, n)
    return np.asarray([_expm_single(m) for m in wide]).reshape(x.shape).astype(x.dtype)


def _expm_grad(op, grad):
    """The adjoint Frechet derivative: the top-right block of expm([[A^H, G], [0, A^H]])."""
    a = op.inputs[0]
    a_h = _adjoint(a)
    rank = a.shape.ndims
    zeros = array_ops.zeros_like(a)
    top = array_ops.concat([a_h, grad], rank - 1)
    bottom = array_ops.concat([zeros, a_h], rank - 1)
    block = apply_op("MatrixExponential", [array_ops.concat([top, bottom], rank - 2)])
    n = array_ops.shape(a)[-1]
    begin = array_ops.concat([array_ops.zeros([rank - 2], dtypes.int32),
                              array_ops.stack([0, n])], 0)
    size = array_ops.concat([-array_ops.ones([rank - 2], dtypes.int32),
                             array_ops.stack([n, n])], 0)
    return slicing_ops.slice(block, begin, size)


register_op("MatrixExponential", inputs=("input: T",), kernel=_expm_kernel,
            shape_fn=square_shape, allowed={"T": FLOAT_COMPLEX}, grad=_expm_grad)


def expm(input, name=None) -> Tensor:  # noqa: A002
    """The matrix exponential of each square matrix (Pade 13, scaling and squaring)."""
    with ops.name_scope(name, "matrix_exponential", [input]):
        matrix = convert_to_tensor(input, name="input")
        # As TF: on a [-1, n, n] view of the batch, reshaped back at the end.
        n = array_ops.shape(matrix)[-1]
        flat = array_ops.reshape(matrix, array_ops.stack([-1, n, n]))
        return array_ops.reshape(apply_op("MatrixExponential", [flat]),
                                 array_ops.shape(matrix))


def triangular_solve(matrix, rhs, lower=True, adjoint=False, name=None) -> Tensor:
    """Solves a triangular system (``tf.linalg.triangular_solve``)."""
    with ops.name_scope(name, "triangular_solve", [matrix, rhs]):
        return matrix_triangular_solve(matrix, rhs, lower=lower, adjoint=adjoint)


def eigh_tridiagonal(alpha, beta, eigvals_only=True, select="a", select_range=None, tol=None,
                     name=None):
    """Eigenvalues (and vectors) of the symmetric tridiagonal matrix with diagonal ``alpha``
    and off-diagonal ``beta``; ``select`` 'a' (all), 'v' (values in a range) or 'i' (indices
    in a range)."""
    del tol
    from tfcompat.ops.linalg.decomposition_ops import self_adjoint_eig, self_adjoint_eigvals
    from tfcompat.ops.matrix_diag_ops import matrix_diag
    if select not in ("a", "v", "i"):
        raise ValueError(f"Invalid select: {select}")
    with ops.name_scope(name or "eigh_tridiagonal"):
        alpha = convert_to_tensor(alpha, name="alpha")
        beta = convert_to_tensor(beta, name="beta", dtype=alpha.dtype.base_dtype)
        matrix = matrix_diag(alpha) + matrix_diag(beta, k=1) + matrix_diag(beta, k=-1)
        if eigvals_only:
            values = self_adjoint_eigvals(matrix)
            vectors = None
        else:
            values, vectors = self_adjoint_eig(matrix)
        if select == "i":
            low, high = (int(v) for v in select_range)
            values = values[low:high + 1]
            vectors = None if vectors is None else vectors[:, low:high + 1]
        elif select == "v":
            low, high = select_range
            keep = math_ops.logical_and(
                math_ops.greater(values, constant_op.constant(low, dtype=values.dtype)),
                math_ops.less_equal(values, constant_op.constant(high, dtype=values.dtype)))
            if vectors is not None:
                vectors = array_ops.transpose(slicing_ops.boolean_mask(
                    array_ops.transpose(vectors), keep))
            values = slicing_ops.boolean_mask(values, keep)
        return values if eigvals_only else (values, vectors)
