"""Operators known by their size alone: LinearOperatorIdentity, LinearOperatorScaledIdentity
and LinearOperatorZeros."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, check_ops, control_flow_ops, math_ops
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.math.sequences import where_v2
from tfcompat.ops.math_extra_ops import imag, real
from tfcompat.ops.matrix_diag_ops import matrix_diag_part, matrix_set_diag


def _static_size(value, name: str) -> tuple:
    """(tensor, static int or None) for a size argument, checked as TF checks it."""
    tensor = convert_to_tensor(value, name=name)
    if not tensor.dtype.is_integer:
        raise TypeError(f"Argument {name} must be integer type.  Found: {tensor}")
    static = util.static_value(tensor)
    if static is not None:
        static = np.asarray(static)
        if static.ndim != 0:
            raise ValueError(f"Argument {name} must be a 0-D Tensor.  Found: {static}")
        if static < 0:
            raise ValueError(f"Argument {name} must be non-negative.  Found: {static}")
        return tensor, int(static)
    if tensor.shape.ndims is not None and tensor.shape.ndims != 0:
        raise ValueError(f"Argument {name} must be a 0-D Tensor.  Found: {tensor}")
    return tensor, None


def _static_batch_shape(value) -> tuple:
    """(tensor, static list or None) for a ``batch_shape`` argument (None: no batch)."""
    if value is None:
        return None, []
    tensor = convert_to_tensor(value, dtype=dtypes.int32, name="batch_shape_arg")
    static = util.static_value(tensor)
    if tensor.shape.ndims is not None and tensor.shape.ndims != 1:
        found = tensor if static is None else static
        raise ValueError(f"Argument batch_shape must be a 1-D Tensor.  Found: {found}")
    if static is None:
        return tensor, None
    if np.any(np.asarray(static) < 0):
        raise ValueError(f"Argument batch_shape must be non-negative.  Found:{static}")
    return tensor, [int(d) for d in static]


class _SizedOperator(LinearOperator):
    """Shared shape logic: ``batch_shape + [num_rows, num_columns]``; with
    ``assert_proper_shapes``, run-time checks of the sizes where static ones are
    inconclusive."""

    _assert_proper_shapes = False

    def _checked_size(self, tensor, static, name: str):
        """``tensor``, guarded by run-time checks when its value is not static."""
        if not self._assert_proper_shapes or static is not None:
            return tensor
        checks = [check_ops.assert_rank(tensor, 0, message=f"Argument `{name}` must be a "
                                                           f"0-D Tensor."),
                  check_ops.assert_non_negative(tensor, message=f"Argument `{name}` must "
                                                                f"be non-negative.")]
        return control_flow_ops.with_dependencies(checks, tensor)

    def _checked_argument(self, x, adjoint_arg: bool):
        """``x``, with a run-time check that its rows match the operator's columns when that
        is not known statically."""
        arg_dim = -1 if adjoint_arg else -2
        known = x.shape.ndims is not None and x.shape[arg_dim].value is not None \
            and self._cols_static is not None
        if not self._assert_proper_shapes or known:
            return x
        check = check_ops.assert_equal(
            array_ops.shape(x)[arg_dim], math_ops.cast(self._num_columns, dtypes.int32),
            message="Incompatible dimensions: the argument does not match the operator.")
        return control_flow_ops.with_dependencies([check], x)

    def _batch_parameters(self):
        return {}

    def _sliced_parameters(self, parameters: dict, slices: tuple) -> dict:
        """``batch_shape`` sliced (it must be static)."""
        if self._batch_tensor is None:
            return parameters
        if self._batch_static is None:
            raise ValueError("Cannot slice a LinearOperator with a dynamic batch_shape.")
        parameters["batch_shape"] = list(np.zeros(self._batch_static)[slices].shape)
        return parameters

    def _shape(self):
        batch = TensorShape(None) if self._batch_static is None else TensorShape(
            self._batch_static)
        return batch.concatenate([self._rows_static, self._cols_static])

    def _shape_tensor(self):
        batch = self._batch_tensor if self._batch_tensor is not None else \
            convert_to_tensor([], dtype=dtypes.int32)
        return array_ops.concat([batch, array_ops.stack(
            [math_ops.cast(self._num_rows, dtypes.int32),
             math_ops.cast(self._num_columns, dtypes.int32)])], 0)

    def _batch_shape_value(self):
        return self._batch_static if self._batch_static is not None else \
            self.batch_shape_tensor()

    def _broadcast_to_batch(self, x):
        """``x`` broadcast against the operator's batch shape (a no-op without one)."""
        if self._batch_tensor is None:
            return x
        batch = self._batch_shape_value()
        if isinstance(batch, list):
            zeros = array_ops.zeros(batch + [1, 1], dtype=self.dtype)
        else:
            zeros = array_ops.zeros(array_ops.concat([batch, [1, 1]], 0), dtype=self.dtype)
        return x + zeros

    def _ones_diag(self):
        batch = self._batch_shape_value()
        n = self._rows_static if self._rows_static is not None else self._num_rows
        if isinstance(batch, list) and isinstance(n, int):
            return array_ops.ones(batch + [n], dtype=self.dtype)
        return array_ops.ones(array_ops.concat([batch, array_ops.reshape(n, [1])], 0),
                              dtype=self.dtype)


class LinearOperatorIdentity(_SizedOperator):
    """The [batch] identity operator ``I`` of size ``num_rows``, in ``dtype``."""

    def __init__(self, num_rows, batch_shape=None, dtype=None, is_non_singular=True,
                 is_self_adjoint=True, is_positive_definite=True, is_square=True,
                 assert_proper_shapes=False, name="LinearOperatorIdentity"):
        parameters = dict(num_rows=num_rows, batch_shape=batch_shape, dtype=dtype,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          assert_proper_shapes=assert_proper_shapes, name=name)
        dtype = dtypes.as_dtype(dtype or dtypes.float32)
        for hint, text in ((is_self_adjoint, "self adjoint"),
                           (is_non_singular, "non-singular"),
                           (is_positive_definite, "positive-definite"),
                           (is_square, "square")):
            if not hint:
                raise ValueError(f"An identity operator is always {text}.")
        self._assert_proper_shapes = assert_proper_shapes
        with ops.name_scope(name, values=[num_rows, batch_shape]):
            self._num_rows, self._rows_static = _static_size(num_rows, "num_rows")
            self._num_rows = self._checked_size(self._num_rows, self._rows_static, "num_rows")
            self._num_columns, self._cols_static = self._num_rows, self._rows_static
            self._batch_tensor, self._batch_static = _static_batch_shape(batch_shape)
        super().__init__(dtype, is_non_singular=True, is_self_adjoint=True,
                         is_positive_definite=True, is_square=True, name=name,
                         parameters=parameters)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = self._checked_argument(x, adjoint_arg)
        x = util.matrix_adjoint(x) if adjoint_arg else x
        return self._broadcast_to_batch(x)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        return self._matmul(rhs, adjoint_arg=adjoint_arg)

    def _determinant(self):
        return array_ops.ones(self.batch_shape_tensor(), dtype=self.dtype)

    def _log_abs_determinant(self):
        return array_ops.zeros(self.batch_shape_tensor(), dtype=self.dtype)

    def _trace(self):
        batch = self._batch_shape_value()
        ones = array_ops.ones(batch, dtype=self.dtype)
        if self._rows_static is not None:
            return float(self._rows_static) * ones
        return math_ops.cast(self._num_rows, self.dtype) * ones

    def _diag_part(self):
        return self._ones_diag()

    def _to_dense(self):
        n = self._rows_static if self._rows_static is not None else self._num_rows
        return util.eye(n, self._batch_shape_value(), self.dtype)

    def _add_to_tensor(self, x):
        return matrix_set_diag(x, 1 + matrix_diag_part(x))

    def _eigvals(self):
        return self._ones_diag()

    def _cond(self):
        return array_ops.ones(self.batch_shape_tensor(), dtype=self.dtype)

    def _assert_non_singular(self):
        return control_flow_ops.no_op("assert_non_singular")

    def _assert_positive_definite(self):
        return control_flow_ops.no_op("assert_positive_definite")

    def _assert_self_adjoint(self):
        return control_flow_ops.no_op("assert_self_adjoint")

    def _adjoint_operator(self):
        return self

    def _inverse_operator(self):
        return self

    def _cholesky_operator(self):
        # TF rebuilds the identity, with its (possibly empty) batch shape as an argument.
        batch = self._batch_static if self._batch_static is not None else self._batch_tensor
        return LinearOperatorIdentity(self._num_rows, batch_shape=batch, dtype=self.dtype)

    def _matmul_operator(self, other):
        if self._batch_tensor is None:
            return other
        return None

    def _rmatmul_operator(self, other):
        if self._batch_tensor is None:
            return other
        return None


class LinearOperatorScaledIdentity(_SizedOperator):
    """``c I``: the identity of size ``num_rows`` scaled by ``multiplier`` (shape
    ``[B1, ..., Bb]``, which is also the operator's batch shape)."""

    def __init__(self, num_rows, multiplier, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=True, assert_proper_shapes=False,
                 name="LinearOperatorScaledIdentity"):
        parameters = dict(num_rows=num_rows, multiplier=multiplier,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          assert_proper_shapes=assert_proper_shapes, name=name)
        if not is_square:
            raise ValueError("A ScaledIdentity operator is always square.")
        self._assert_proper_shapes = assert_proper_shapes
        with ops.name_scope(name, values=[multiplier, num_rows]):
            self._multiplier = convert_to_tensor(multiplier, name="multiplier")
            dtype = self._multiplier.dtype.base_dtype
            if not dtype.is_complex:
                if is_self_adjoint is False:
                    raise ValueError("A real diagonal operator is always self adjoint.")
                is_self_adjoint = True
            self._num_rows, self._rows_static = _static_size(num_rows, "num_rows")
            self._num_rows = self._checked_size(self._num_rows, self._rows_static, "num_rows")
            self._num_columns, self._cols_static = self._num_rows, self._rows_static
            self._batch_tensor = None
            self._batch_static = self._multiplier.shape.as_list() \
                if self._multiplier.shape.is_fully_defined() else None
            self._num_rows_as_dtype = math_ops.cast(self._num_rows, dtype)
            self._num_rows_as_real = math_ops.cast(self._num_rows, dtype.real_dtype)
        super().__init__(dtype, graph_parents=[self._multiplier],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=True,
                         name=name, parameters=parameters)

    @property
    def multiplier(self):
        return self._multiplier

    def _batch_parameters(self):
        return {"multiplier": 0}

    def _shape(self):
        return self._multiplier.shape.concatenate([self._rows_static, self._rows_static])

    def _shape_tensor(self):
        n = math_ops.cast(self._num_rows, dtypes.int32)
        return array_ops.concat([array_ops.shape(self._multiplier),
                                 array_ops.stack([n, n])], 0)

    def _batch_shape_value(self):
        if self._multiplier.shape.is_fully_defined():
            return self._multiplier.shape.as_list()
        return array_ops.shape(self._multiplier)

    def _multiplier_matrix(self, conjugate=False):
        multiplier = util.conj(self._multiplier) if conjugate else self._multiplier
        return array_ops.expand_dims(array_ops.expand_dims(multiplier, -1), -1)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = self._checked_argument(x, adjoint_arg)
        x = util.matrix_adjoint(x) if adjoint_arg else x
        return x * self._multiplier_matrix(conjugate=adjoint)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        return rhs / self._multiplier_matrix(conjugate=adjoint)

    def _determinant(self):
        return self._multiplier ** self._num_rows_as_dtype

    def _log_abs_determinant(self):
        # Real even for a complex multiplier, as in TF.
        return self._num_rows_as_real * math_ops.log(util.modulus(self._multiplier))

    def _trace(self):
        ones = array_ops.ones(self._batch_shape_value(), dtype=self.dtype)
        if self._rows_static is not None:
            scaled = ones * float(self._rows_static)
        else:
            scaled = ones * self._num_rows_as_dtype
        return scaled * self._multiplier

    def _diag_part(self):
        return self._ones_diag() * self._multiplier[..., None]

    def _add_to_tensor(self, x):
        multiplier = array_ops.expand_dims(self._multiplier, -1)
        return matrix_set_diag(x, matrix_diag_part(x) + multiplier)

    def _eigvals(self):
        return self._diag_part()

    def _cond(self):
        # 1, or infinity for a zero multiplier.
        real_dtype = self.dtype.real_dtype
        return where_v2(math_ops.equal(self._multiplier, 0.0),
                        math_ops.cast(np.inf, real_dtype),
                        math_ops.cast(1.0, real_dtype))

    def _assert_non_singular(self):
        return check_ops.assert_positive(util.modulus(self._multiplier),
                                         message="LinearOperator was singular")

    def _assert_positive_definite(self):
        multiplier = real(self._multiplier) if self.dtype.is_complex else self._multiplier
        return check_ops.assert_positive(multiplier,
                                         message="LinearOperator was not positive definite.")

    def _assert_self_adjoint(self):
        imaginary = imag(self._multiplier)
        return check_ops.assert_equal(array_ops.zeros_like(imaginary), imaginary,
                                      message="LinearOperator was not self-adjoint")

    def _with_multiplier(self, multiplier, **hints):
        return LinearOperatorScaledIdentity(self._num_rows, multiplier, is_square=True,
                                            **hints)

    def _adjoint_operator(self):
        return self._with_multiplier(util.conj(self._multiplier),
                                     is_non_singular=self.is_non_singular,
                                     is_self_adjoint=self.is_self_adjoint,
                                     is_positive_definite=self.is_positive_definite)

    def _inverse_operator(self):
        return self._with_multiplier(1.0 / self._multiplier,
                                     is_non_singular=self.is_non_singular,
                                     is_self_adjoint=True,
                                     is_positive_definite=self.is_positive_definite)

    def _cholesky_operator(self):
        return self._with_multiplier(math_ops.sqrt(self._multiplier), is_non_singular=True,
                                     is_self_adjoint=True, is_positive_definite=True)

    def _matmul_operator(self, other):
        if isinstance(other, LinearOperatorScaledIdentity):
            return self._with_multiplier(
                self._multiplier * other.multiplier,
                is_non_singular=util.reduce_hint([self.is_non_singular,
                                                  other.is_non_singular]),
                is_self_adjoint=util.reduce_hint([self.is_self_adjoint,
                                                  other.is_self_adjoint]),
                is_positive_definite=util.reduce_hint([self.is_positive_definite,
                                                       other.is_positive_definite]))
        return None


class LinearOperatorZeros(_SizedOperator):
    """The [batch] ``num_rows x num_columns`` zero operator."""

    def __init__(self, num_rows, num_columns=None, batch_shape=None, dtype=None,
                 is_non_singular=False, is_self_adjoint=True, is_positive_definite=False,
                 is_square=True, assert_proper_shapes=False, name="LinearOperatorZeros"):
        parameters = dict(num_rows=num_rows, num_columns=num_columns,
                          batch_shape=batch_shape, dtype=dtype,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          assert_proper_shapes=assert_proper_shapes, name=name)
        dtype = dtypes.as_dtype(dtype or dtypes.float32)
        if is_non_singular:
            raise ValueError("A zero operator is always singular.")
        if is_positive_definite:
            raise ValueError("A zero operator is always not positive-definite.")
        self._assert_proper_shapes = assert_proper_shapes
        with ops.name_scope(name, values=[num_rows, num_columns, batch_shape]):
            self._num_rows, self._rows_static = _static_size(num_rows, "num_rows")
            self._num_rows = self._checked_size(self._num_rows, self._rows_static, "num_rows")
            if num_columns is None:
                num_columns = num_rows
            self._num_columns, self._cols_static = _static_size(num_columns, "num_columns")
            self._num_columns = self._checked_size(self._num_columns, self._cols_static,
                                                   "num_columns")
            self._batch_tensor, self._batch_static = _static_batch_shape(batch_shape)
        square = None if self._rows_static is None or self._cols_static is None else \
            self._rows_static == self._cols_static
        if square is False and is_square:
            raise ValueError(f"LinearOperatorZeros initialized as is_square=True, but got "
                             f"num_rows({self._rows_static}) != "
                             f"num_columns({self._cols_static})")
        super().__init__(dtype, is_non_singular=is_non_singular,
                         is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    def _output_shape(self, x, adjoint, adjoint_arg):
        x_shape = x.shape
        rows = self._cols_static if adjoint else self._rows_static
        cols = x_shape[-2] if adjoint_arg else x_shape[-1]
        batch = util.broadcast_batch_shapes(x_shape[:-2], self.batch_shape)
        return batch.concatenate([rows, cols])

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        if not adjoint:
            x = self._checked_argument(x, adjoint_arg)
        shape = self._output_shape(x, adjoint, adjoint_arg)
        if shape.is_fully_defined():
            shape_tensor = convert_to_tensor(shape.as_list(), dtype=dtypes.int32, name="Shape")
        else:
            x_shape = array_ops.shape(x)
            rows = self._num_columns if adjoint else self._num_rows
            cols = x_shape[-2] if adjoint_arg else x_shape[-1]
            batch = util.broadcast_batch_shape_tensors(x_shape[:-2], self.batch_shape_tensor())
            shape_tensor = array_ops.concat(
                [batch, array_ops.stack([math_ops.cast(rows, dtypes.int32), cols])], 0)
        return array_ops.zeros(shape_tensor, dtype=x.dtype)

    def _determinant(self):
        return array_ops.zeros(self._batch_shape_value(), dtype=self.dtype)

    def _trace(self):
        return array_ops.zeros(self._batch_shape_value(), dtype=self.dtype)

    def _diag_part(self):
        batch = self._batch_shape_value()
        if isinstance(batch, list) and None not in (self._rows_static, self._cols_static):
            size = min(self._rows_static, self._cols_static)
            return array_ops.zeros(batch + [size], dtype=self.dtype)
        return array_ops.zeros_like(self._ones_diag())

    def _add_to_tensor(self, x):
        return self._broadcast_to_batch(x)

    def _eigvals(self):
        return self._diag_part()

    def _assert_non_singular(self):
        raise errors.InvalidArgumentError(
            None, None, "Zero operators are always non-invertible.")

    def _assert_positive_definite(self):
        raise errors.InvalidArgumentError(
            None, None, "Zero operators are always non-positive definite.")

    def _assert_self_adjoint(self):
        return control_flow_ops.no_op("assert_self_adjoint")

    def _adjoint_operator(self):
        if self.is_square:
            return self
        return LinearOperatorZeros(self._num_columns, self._num_rows,
                                   batch_shape=self._batch_tensor, dtype=self.dtype,
                                   is_self_adjoint=False, is_square=False)

