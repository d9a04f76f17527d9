"""Operators held as one tensor: LinearOperatorFullMatrix, LinearOperatorDiag and
LinearOperatorLowerTriangular."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, check_ops, math_ops
from tfcompat.ops.linalg.linalg_impl import triangular_solve
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.math_extra_ops import real
from tfcompat.ops.matrix_diag_ops import (
    matrix_band_part,
    matrix_diag,
    matrix_diag_part,
    matrix_set_diag,
)


def _require_rank(t, minimum: int, name: str, quoted: bool = False) -> None:
    """TF's rank checks, in the two wordings its operators use."""
    if t.shape.ndims is not None and t.shape.ndims < minimum:
        unit = "dimension" if minimum == 1 else "dimensions"
        if quoted:
            raise ValueError(f"Argument `{name}` must have at least {minimum} {unit}. "
                             f"Received: {t}.")
        raise ValueError(f"Argument {name} must have at least {minimum} {unit}.  Found: {t}")


class LinearOperatorFullMatrix(LinearOperator):
    """A [batch] matrix ``A`` given as a dense ``[B1, ..., Bb, M, N]`` tensor."""

    def __init__(self, matrix, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name="LinearOperatorFullMatrix"):
        parameters = dict(matrix=matrix, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        with ops.name_scope(name, values=[matrix]):
            self._matrix = util.convert_float_complex(matrix, "matrix")
            _require_rank(self._matrix, 2, "matrix", quoted=True)
        super().__init__(self._matrix.dtype, graph_parents=[self._matrix],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def matrix(self):
        return self._matrix

    def _batch_parameters(self):
        return {"matrix": 2}

    def _shape(self):
        return self._matrix.shape

    def _shape_tensor(self):
        return array_ops.shape(self._matrix)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        return util.matmul(self._matrix, x, adjoint_a=adjoint, adjoint_b=adjoint_arg)

    def _to_dense(self):
        return self._matrix


class LinearOperatorDiag(LinearOperator):
    """A [batch] diagonal matrix ``diag(d)``, ``d`` of shape ``[B1, ..., Bb, N]``."""

    def __init__(self, diag, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name="LinearOperatorDiag"):
        parameters = dict(diag=diag, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        with ops.name_scope(name, values=[diag]):
            self._diag = convert_to_tensor(diag, name="diag")
            _require_rank(self._diag, 1, "diag")
            if not self._diag.dtype.is_complex:
                if is_self_adjoint is False:
                    raise ValueError("A real diagonal operator is always self adjoint.")
                is_self_adjoint = True
            if is_square is False:
                raise ValueError("Only square diagonal operators currently supported.")
            is_square = True
        super().__init__(self._diag.dtype, graph_parents=[self._diag],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def diag(self):
        return self._diag

    def _batch_parameters(self):
        return {"diag": 1}

    def _shape(self):
        d_shape = self._diag.shape
        if d_shape.ndims is None:
            return TensorShape(None)
        return d_shape.concatenate(d_shape[-1:])

    def _shape_tensor(self):
        d_shape = array_ops.shape(self._diag)
        return array_ops.concat([d_shape, d_shape[-1:]], 0)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        diag_term = util.conj(self._diag) if adjoint else self._diag
        x = util.matrix_adjoint(x) if adjoint_arg else x
        return array_ops.expand_dims(diag_term, -1) * x

    def _matvec(self, x, adjoint=False):
        diag_term = util.conj(self._diag) if adjoint else self._diag
        return diag_term * x

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        diag_term = util.conj(self._diag) if adjoint else self._diag
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        inverse_diag = array_ops.expand_dims(1.0 / diag_term, -1)
        return rhs * inverse_diag

    def _determinant(self):
        return math_ops.reduce_prod(self._diag, axis=[-1])

    def _log_abs_determinant(self):
        log_det = math_ops.reduce_sum(math_ops.log(util.modulus(self._diag)), axis=[-1])
        if self.dtype.is_complex:
            log_det = math_ops.cast(log_det, self.dtype)
        return log_det

    def _to_dense(self):
        return matrix_diag(self._diag)

    def _diag_part(self):
        return self._diag

    def _trace(self):
        return math_ops.reduce_sum(self._diag, axis=-1)

    def _add_to_tensor(self, x):
        new_diag = matrix_diag_part(x) + self._diag
        return matrix_set_diag(x, new_diag)

    def _eigvals(self):
        return self._diag

    def _cond(self):
        modulus = util.modulus(self._diag)
        return math_ops.reduce_max(modulus, axis=-1) / math_ops.reduce_min(modulus, axis=-1)

    def _assert_non_singular(self):
        return util.assert_no_entries_with_modulus_zero(
            self._diag, message="Singular operator:  Diagonal contained zero values.")

    def _assert_positive_definite(self):
        if self.dtype.is_complex:
            message = ("Diagonal operator had diagonal entries with non-positive real part, "
                       "thus was not positive definite.")
            return check_ops.assert_positive(real(self._diag), message=message)
        message = ("Real diagonal operator had non-positive diagonal entries, thus was not "
                   "positive definite.")
        return check_ops.assert_positive(self._diag, message=message)

    def _assert_self_adjoint(self):
        return util.assert_zero_imag_part(
            self._diag, message="This diagonal operator contained non-zero imaginary values.")

    def _adjoint_operator(self):
        return LinearOperatorDiag(util.conj(self._diag), is_non_singular=self.is_non_singular,
                                  is_self_adjoint=self.is_self_adjoint,
                                  is_positive_definite=self.is_positive_definite,
                                  is_square=True)

    def _inverse_operator(self):
        return LinearOperatorDiag(1.0 / self._diag, is_non_singular=self.is_non_singular,
                                  is_self_adjoint=self.is_self_adjoint,
                                  is_positive_definite=self.is_positive_definite,
                                  is_square=True)

    def _cholesky_operator(self):
        return LinearOperatorDiag(math_ops.sqrt(self._diag), is_non_singular=True,
                                  is_self_adjoint=True, is_positive_definite=True,
                                  is_square=True)


class LinearOperatorLowerTriangular(LinearOperator):
    """A [batch] square lower-triangular matrix; entries above the diagonal of ``tril`` are
    ignored."""

    def __init__(self, tril, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None,
                 name="LinearOperatorLowerTriangular"):
        parameters = dict(tril=tril, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        if is_square is False:
            raise ValueError("Only square lower triangular operators supported at this time.")
        is_square = True
        with ops.name_scope(name, values=[tril]):
            self._tril = util.convert_float_complex(tril, "tril")
            _require_rank(self._tril, 2, "tril")
        super().__init__(self._tril.dtype, graph_parents=[self._tril],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def tril(self):
        return self._tril

    def _lower(self):
        return matrix_band_part(self._tril, -1, 0)

    def _diagonal(self):
        return matrix_diag_part(self._tril)

    def _batch_parameters(self):
        return {"tril": 2}

    def _shape(self):
        return self._tril.shape

    def _shape_tensor(self):
        return array_ops.shape(self._tril)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        return util.matmul(self._lower(), x, adjoint_a=adjoint, adjoint_b=adjoint_arg)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        return triangular_solve(self._lower(), rhs, lower=True, adjoint=adjoint)

    def _determinant(self):
        return math_ops.reduce_prod(self._diagonal(), axis=[-1])

    def _log_abs_determinant(self):
        return math_ops.reduce_sum(math_ops.log(util.modulus(self._diagonal())), axis=[-1])

    def _to_dense(self):
        return self._lower()

    def _eigvals(self):
        return self._diagonal()

    def _assert_non_singular(self):
        return util.assert_no_entries_with_modulus_zero(
            self._diagonal(), message="Singular operator:  Diagonal contained zero values.")
