"""Banded operators: LinearOperatorToeplitz and LinearOperatorTridiag."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, check_ops, control_flow_ops, math_ops
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.linalg.tridiagonal_ops import tridiagonal_matmul, tridiagonal_solve
from tfcompat.ops.matrix_diag_ops import matrix_diag_part


def _last_dim(t):
    value = t.shape[-1].value if t.shape.ndims is not None else None
    return value if value is not None else array_ops.shape(t)[-1]


class LinearOperatorToeplitz(LinearOperator):
    """The square Toeplitz matrix with first column ``col`` and first row ``row``
    (``row[0]`` is ignored: the diagonal is ``col[0]``).

    tfcompat applies it as a dense matrix (TF embeds it in a circulant and uses FFTs); values
    agree to rounding."""

    def __init__(self, col, row, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name="LinearOperatorToeplitz"):
        parameters = dict(col=col, row=row, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        with ops.name_scope(name, values=[row, col]):
            self._row = convert_to_tensor(row, name="row")
            self._col = convert_to_tensor(col, name="col", dtype=self._row.dtype)
            for tensor, arg in ((self._row, "row"), (self._col, "col")):
                if tensor.shape.ndims is not None and tensor.shape.ndims < 1:
                    raise ValueError(f"Argument `{arg}` must have at least 1 dimension. "
                                     f"Received: {tensor}.")
            if is_square is False:
                raise ValueError("Only square Toeplitz operators currently supported.")
            is_square = True
        super().__init__(self._row.dtype, graph_parents=[self._row, self._col],
                         is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def col(self):
        return self._col

    @property
    def row(self):
        return self._row

    def _batch_parameters(self):
        return {"col": 1, "row": 1}

    def _shape(self):
        batch = util.broadcast_batch_shapes(self._row.shape[:-1], self._col.shape[:-1])
        n = self._col.shape[-1]
        return batch.concatenate([n, n])

    def _shape_tensor(self):
        batch = util.broadcast_batch_shape_tensors(array_ops.shape(self._row)[:-1],
                                                   array_ops.shape(self._col)[:-1])
        n = array_ops.shape(self._col)[-1:]
        return array_ops.concat([batch, n, n], 0)

    def _to_dense(self):
        row, col = self._row, self._col
        batch = util.broadcast_batch_shapes(row.shape[:-1], col.shape[:-1])
        if batch.is_fully_defined():
            if row.shape[:-1] != batch:
                row = array_ops.broadcast_to(row, batch.concatenate(row.shape[-1:]))
            if col.shape[:-1] != batch:
                col = array_ops.broadcast_to(col, batch.concatenate(col.shape[-1:]))
        # T[i, j] = entries[n - 1 + i - j] with entries = reversed(row[1:]) ++ col.
        entries = array_ops.concat([array_ops.reverse(row[..., 1:], [-1]), col], axis=-1)
        n = _last_dim(col)
        positions = math_ops.range(n)
        index = (n - 1) + array_ops.expand_dims(positions, -1) - positions
        return array_ops.gather(entries, index, axis=-1, batch_dims=0)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        return util.matmul(self.to_dense(), x, adjoint_a=adjoint, adjoint_b=adjoint_arg)

    def _diag_part(self):
        diagonal = self._col[..., :1]
        n = self._col.shape[-1].value
        ones = array_ops.ones([n] if n is not None else array_ops.shape(self._col)[-1:],
                              dtype=self.dtype)
        return diagonal * ones

    def _assert_self_adjoint(self):
        return check_ops.assert_equal(
            self._row, util.conj(self._col),
            message="row and col are not the same, and so this operator is not self-adjoint.")

    def _trace(self):
        n = self._col.shape[-1].value
        size = float(n) if n is not None else math_ops.cast(_last_dim(self._col), self.dtype)
        return size * (self._col[..., 0] + array_ops.zeros_like(self._row[..., 0]))


_FORMATS = ("compact", "matrix", "sequence")


class LinearOperatorTridiag(LinearOperator):
    """A square tridiagonal matrix given by its three diagonals, in one of the formats of
    ``tf.linalg.tridiagonal_solve``: ``compact`` (``[..., 3, N]``: superdiagonal padded at
    the end, diagonal, subdiagonal padded at the start), ``sequence`` (a list
    ``[super (N-1), diag (N), sub (N-1)]``) or ``matrix`` (``[..., N, N]``, only the three
    diagonals read)."""

    def __init__(self, diagonals, diagonals_format="compact", is_non_singular=None,
                 is_self_adjoint=None, is_positive_definite=None, is_square=None,
                 name="LinearOperatorTridiag"):
        parameters = dict(diagonals=diagonals, diagonals_format=diagonals_format,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        if diagonals_format not in _FORMATS:
            raise ValueError(f"Argument `diagonals_format` must be one of compact, matrix, "
                             f"or sequence. Received : {diagonals_format}.")
        self._diagonals_format = diagonals_format
        with ops.name_scope(name, values=[diagonals]):
            if diagonals_format == "sequence":
                self._diagonals = [util.convert_float_complex(d, f"diag_{i}")
                                   for i, d in enumerate(diagonals)]
                dtype = self._diagonals[0].dtype
            else:
                self._diagonals = util.convert_float_complex(diagonals, "diagonals")
                dtype = self._diagonals.dtype
        super().__init__(dtype, is_non_singular=is_non_singular,
                         is_self_adjoint=is_self_adjoint,
                         is_positive_definite=is_positive_definite, is_square=is_square,
                         name=name, parameters=parameters)

    @property
    def diagonals(self):
        return self._diagonals

    @property
    def diagonals_format(self):
        return self._diagonals_format

    def _batch_parameters(self):
        return {"diagonals": 1 if self._diagonals_format == "sequence" else 2}

    def _shape(self):
        if self._diagonals_format == "matrix":
            return self._diagonals.shape
        if self._diagonals_format == "sequence":
            main = self._diagonals[1].shape
            return main.concatenate(main[-1:]) if main.ndims is not None else TensorShape(None)
        shape = self._diagonals.shape
        if shape.ndims is None:
            return TensorShape(None)
        return shape[:-2].concatenate([shape[-1], shape[-1]])

    def _shape_tensor(self):
        if self._diagonals_format == "matrix":
            return array_ops.shape(self._diagonals)
        if self._diagonals_format == "sequence":
            main = array_ops.shape(self._diagonals[1])
            return array_ops.concat([main, main[-1:]], 0)
        shape = array_ops.shape(self._diagonals)
        return array_ops.concat([shape[:-2], shape[-1:], shape[-1:]], 0)

    def _compact_parts(self):
        """(super, main, sub), each ``[..., N]`` in the compact layout."""
        if self._diagonals_format == "compact":
            return (self._diagonals[..., 0, :], self._diagonals[..., 1, :],
                    self._diagonals[..., 2, :])
        if self._diagonals_format == "sequence":
            upper, main, lower = self._diagonals
        else:
            matrix = self._diagonals
            main = matrix_diag_part(matrix)
            upper = matrix_diag_part(matrix[..., :-1, 1:])
            lower = matrix_diag_part(matrix[..., 1:, :-1])
        zero = array_ops.zeros_like(main[..., :1])
        return (array_ops.concat([upper, zero], -1), main,
                array_ops.concat([zero, lower], -1))

    def _compact(self, adjoint: bool):
        upper, main, lower = self._compact_parts()
        if adjoint:
            zero = array_ops.zeros_like(main[..., :1])
            upper, main, lower = (util.conj(array_ops.concat([lower[..., 1:], zero], -1)),
                                  util.conj(main),
                                  util.conj(array_ops.concat([zero, upper[..., :-1]], -1)))
        return array_ops.stack([upper, main, lower], axis=-2)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        if not adjoint and self._diagonals_format == "compact" and \
                self._diagonals.shape[:-2] == x.shape[:-2]:
            return tridiagonal_matmul(self._diagonals, x, diagonals_format="compact")
        diagonals, x = util.broadcast_matrix_batch_dims(self._compact(adjoint), x)
        return tridiagonal_matmul(diagonals, x, diagonals_format="compact")

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        diagonals, rhs = util.broadcast_matrix_batch_dims(self._compact(adjoint), rhs)
        return tridiagonal_solve(diagonals, rhs, diagonals_format="compact")

    def _to_dense(self):
        if self._diagonals_format == "matrix":
            return self._diagonals
        n = self.domain_dimension.value
        if n is None:
            n = self.domain_dimension_tensor()
        batch = self.batch_shape if self.batch_shape.is_fully_defined() else \
            self.batch_shape_tensor()
        return self._matmul(util.eye(n, batch, self.dtype))

    def _diag_part(self):
        if self._diagonals_format == "compact":
            return self._diagonals[..., 1, :]
        if self._diagonals_format == "sequence":
            return self._diagonals[1]
        return matrix_diag_part(self._diagonals)

    def _assert_self_adjoint(self):
        upper, main, lower = self._compact_parts()
        message = "Tridiagonal operator was not self-adjoint."
        return control_flow_ops.group(
            check_ops.assert_equal(util.conj(upper[..., :-1]), lower[..., 1:],
                                   message=message),
            util.assert_zero_imag_part(main, message=message))

    def _trace(self):
        return math_ops.reduce_sum(self.diag_part(), axis=-1)

