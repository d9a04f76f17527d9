"""Orthogonal operators: LinearOperatorHouseholder (a reflection) and
LinearOperatorPermutation."""

from __future__ import annotations

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, control_flow_ops, math_ops
from tfcompat.ops.linalg.dense_ops import matrix_determinant
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.math_extra_ops import imag, real
from tfcompat.ops.matrix_diag_ops import matrix_diag_part, matrix_set_diag
from tfcompat.ops.nn_extra_ops import l2_normalize
from tfcompat.ops.sort_ops import argsort


def _vector_operator_shape(vector) -> TensorShape:
    shape = vector.shape
    if shape.ndims is None:
        return TensorShape(None)
    return shape.concatenate(shape[-1:])


def _vector_operator_shape_tensor(vector):
    shape = array_ops.shape(vector)
    return array_ops.concat([shape, shape[-1:]], 0)


class LinearOperatorHouseholder(LinearOperator):
    """The reflection ``I - 2 v v^H / ||v||^2`` through the hyperplane orthogonal to
    ``reflection_axis`` (``[B1, ..., Bb, N]``)."""

    def __init__(self, reflection_axis, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name="LinearOperatorHouseholder"):
        parameters = dict(reflection_axis=reflection_axis, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        with ops.name_scope(name, values=[reflection_axis]):
            self._reflection_axis = util.convert_float_complex(reflection_axis,
                                                               "reflection_axis")
            if self._reflection_axis.shape.ndims is not None and \
                    self._reflection_axis.shape.ndims < 1:
                raise ValueError(f"Argument reflection_axis must have at least 1 dimension.  "
                                 f"Found: {self._reflection_axis}")
            if is_self_adjoint is False:
                raise ValueError("A Householder operator is always self adjoint.")
            is_self_adjoint = True
            if is_positive_definite is True:
                raise ValueError("A Householder operator is always non-positive definite.")
            is_positive_definite = False
            if is_square is False:
                raise ValueError("A Householder operator is always square.")
            is_square = True
        super().__init__(self._reflection_axis.dtype,
                         graph_parents=[self._reflection_axis],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def reflection_axis(self):
        return self._reflection_axis

    def _batch_parameters(self):
        return {"reflection_axis": 1}

    def _shape(self):
        return _vector_operator_shape(self._reflection_axis)

    def _shape_tensor(self):
        return _vector_operator_shape_tensor(self._reflection_axis)

    def _unit_vector(self):
        axis = self._reflection_axis
        if not axis.dtype.is_complex:
            return l2_normalize(axis, axis=-1)
        # l2_normalize of a complex vector: scale by 1 / sqrt(max(sum |v|^2, eps)).
        squared = math_ops.square(real(axis)) + math_ops.square(imag(axis))
        inverse_norm = math_ops.rsqrt(math_ops.maximum(
            math_ops.reduce_sum(squared, axis=-1, keepdims=True), 1e-12))
        return axis * math_ops.cast(inverse_norm, axis.dtype)

    def _unit_axis(self):
        return self._unit_vector()[..., None]

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        axis = self._unit_axis()
        projection = util.matmul(axis, x, adjoint_a=True)
        return x - 2 * axis * projection

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        return self._matmul(rhs, adjoint=adjoint, adjoint_arg=adjoint_arg)

    def _determinant(self):
        return -array_ops.ones(self.batch_shape_tensor(), dtype=self.dtype)

    def _log_abs_determinant(self):
        return array_ops.zeros(self.batch_shape_tensor(), dtype=self.dtype)

    def _trace(self):
        n = self.domain_dimension.value
        size = float(n) if n is not None else math_ops.cast(self.domain_dimension_tensor(),
                                                            self.dtype)
        return (size - 2) * array_ops.ones(self.batch_shape_tensor(), dtype=self.dtype)

    def _to_dense(self):
        axis = self._unit_axis()
        matrix = -2 * util.matmul(axis, axis, adjoint_b=True)
        return matrix_set_diag(matrix, 1 + matrix_diag_part(matrix))

    def _diag_part(self):
        unit = self._unit_vector()
        return 1 - 2 * unit * util.conj(unit)

    def _eigvals(self):
        ones = array_ops.ones_like(self._reflection_axis)
        return array_ops.concat([-ones[..., :1], ones[..., 1:]], axis=-1)

    def _cond(self):
        return array_ops.ones(self.batch_shape_tensor(), dtype=self.dtype)

    def _assert_non_singular(self):
        return control_flow_ops.no_op("assert_non_singular")

    def _assert_positive_definite(self):
        raise errors.InvalidArgumentError(
            None, None, "Householder operators are always non-positive definite.")

    def _assert_self_adjoint(self):
        return control_flow_ops.no_op("assert_self_adjoint")

    def _inverse_operator(self):
        return self


class LinearOperatorPermutation(LinearOperator):
    """The permutation matrix ``P`` with ``(P x)[i] = x[perm[i]]``, in ``dtype``."""

    def __init__(self, perm, dtype=dtypes.float32, is_non_singular=None,
                 is_self_adjoint=None, is_positive_definite=None, is_square=None,
                 name="LinearOperatorPermutation"):
        parameters = dict(perm=perm, dtype=dtype, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        with ops.name_scope(name, values=[perm]):
            self._perm = convert_to_tensor(perm, name="perm")
            if not self._perm.dtype.is_integer:
                raise TypeError(f"Argument `perm` must be integer dtype. Received: "
                                f"{self._perm}.")
            if self._perm.shape.ndims is not None and self._perm.shape.ndims < 1:
                raise ValueError(f"Argument `perm` must have at least 1 dimension. "
                                 f"Received: {self._perm}.")
            if is_non_singular is False:
                raise ValueError("A Permutation operator is always non-singular. Expected "
                                 "argument `is_non_singular` to be True. Received: False.")
            if is_square is False:
                raise ValueError("A Permutation operator is always square. Expected "
                                 "argument `is_square` to be True. Received: False.")
            is_square = True
        super().__init__(dtype, graph_parents=[self._perm], is_non_singular=is_non_singular,
                         is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def perm(self):
        return self._perm

    def _batch_parameters(self):
        return {"perm": 1}

    def _shape(self):
        return _vector_operator_shape(self._perm)

    def _shape_tensor(self):
        return _vector_operator_shape_tensor(self._perm)

    def _apply(self, x, perm):
        perm, x = self._broadcast_perm(perm, x)
        return array_ops.gather(x, perm, axis=-2, batch_dims=perm.shape.ndims - 1)

    @staticmethod
    def _broadcast_perm(perm, x):
        """``perm`` and ``x`` with their batch dims broadcast to a common shape."""
        perm_batch, x_batch = perm.shape[:-1], x.shape[:-2]
        if perm_batch.is_fully_defined() and x_batch.is_fully_defined():
            batch = util.broadcast_batch_shapes(perm_batch, x_batch)
            if perm_batch != batch:
                perm = array_ops.broadcast_to(perm, batch.concatenate(perm.shape[-1:]))
            if x_batch != batch:
                x = array_ops.broadcast_to(x, batch.concatenate(x.shape[-2:]))
            return perm, x
        batch = util.broadcast_batch_shape_tensors(array_ops.shape(perm)[:-1],
                                                   array_ops.shape(x)[:-2])
        perm = array_ops.broadcast_to(perm, array_ops.concat(
            [batch, array_ops.shape(perm)[-1:]], 0))
        x = array_ops.broadcast_to(x, array_ops.concat([batch, array_ops.shape(x)[-2:]], 0))
        return perm, x

    def _inverse_perm(self):
        return argsort(self._perm, axis=-1)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        return self._apply(x, self._inverse_perm() if adjoint else self._perm)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        return self._apply(rhs, self._perm if adjoint else self._inverse_perm())

    def _columns(self):
        columns = math_ops.range(array_ops.shape(self._perm)[-1])
        if self._perm.dtype.base_dtype != columns.dtype:
            columns = math_ops.cast(columns, self._perm.dtype)
        return columns

    def _to_dense(self):
        columns = self._columns()
        return math_ops.cast(math_ops.equal(columns, self._perm[..., None]), self.dtype)

    def _diag_part(self):
        return math_ops.cast(math_ops.equal(self._perm, self._columns()), self.dtype)

    def _determinant(self):
        return matrix_determinant(self.to_dense())

    def _log_abs_determinant(self):
        return array_ops.zeros(self.batch_shape_tensor(), dtype=self.dtype)

    def _cond(self):
        return array_ops.ones(self.batch_shape_tensor(), dtype=self.dtype)

    def _assert_non_singular(self):
        return control_flow_ops.no_op("assert_non_singular")
