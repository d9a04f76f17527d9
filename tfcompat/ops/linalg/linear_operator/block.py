"""Block-structured operators: LinearOperatorBlockDiag and LinearOperatorBlockLowerTriangular.

A right-hand side is split (SplitV) into the blocks' domain (or, for adjoints, range) sizes,
each block applied, and the pieces concatenated back, with batch dims broadcast first."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.tensor_shape import Dimension
from tfcompat.ops import array_ops, control_flow_ops
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator


def _dims_sum(dims) -> Dimension:
    total = Dimension(0)
    for dim in dims:
        total = total + dim
    return total


def _split(x, sizes, axis: int):
    """``x`` split along ``axis`` into ``sizes`` (ints, or tensors when some are dynamic)."""
    if all(isinstance(s, int) for s in sizes):
        return array_ops.split(x, sizes, axis=axis)
    return array_ops.split(x, array_ops.stack(sizes), axis=axis)


def _dim_sizes(operators, use_domain: bool):
    sizes = []
    for operator in operators:
        dim = operator.domain_dimension if use_domain else operator.range_dimension
        if dim.value is not None:
            sizes.append(dim.value)
        else:
            sizes.append(operator.domain_dimension_tensor() if use_domain
                         else operator.range_dimension_tensor())
    return sizes


def _concat_blocks(pieces, axis: int):
    return array_ops.concat(util.broadcast_matrix_batch_dims(*pieces), axis=axis)


def _zeros_block(reference, rows, cols, dtype):
    """A zero block shaped ``reference``'s batch + [rows, cols]."""
    batch = reference.shape[:-2]
    if batch.is_fully_defined() and isinstance(rows, int) and isinstance(cols, int):
        return array_ops.zeros(batch.as_list() + [rows, cols], dtype=dtype)
    shape = array_ops.concat([array_ops.shape(reference)[:-2],
                              array_ops.stack([rows, cols])], 0)
    return array_ops.zeros(shape, dtype=dtype)


def _check_operators(operators):
    if not operators:
        raise ValueError(f"Expected a non-empty list of operators. Found: {operators}")
    util.check_dtype_matches(operators)


class LinearOperatorBlockDiag(LinearOperator):
    """``diag(A1, ..., An)``: operators on the diagonal of a block matrix, zeros elsewhere."""

    def __init__(self, operators, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=True, name=None):
        parameters = dict(operators=operators, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        operators = list(operators)
        _check_operators(operators)
        self._operators = operators
        for attribute, hint, text in (
                ("is_non_singular", is_non_singular, "non-singular"),
                ("is_self_adjoint", is_self_adjoint, "self-adjoint"),
                ("is_positive_definite", is_positive_definite, "positive definite")):
            if all(getattr(o, attribute) for o in operators) and hint is False:
                raise ValueError(f"The direct sum of {text} operators is always {text}.")
        if all(o.is_non_singular for o in operators):
            is_non_singular = True
        if all(o.is_self_adjoint for o in operators):
            is_self_adjoint = True
        if all(o.is_positive_definite for o in operators):
            is_positive_definite = True
        name = name or "_ds_".join(o.name for o in operators)
        with ops.name_scope(name):
            super().__init__(operators[0].dtype, is_non_singular=is_non_singular,
                             is_self_adjoint=is_self_adjoint,
                             is_positive_definite=is_positive_definite, is_square=is_square,
                             name=name, parameters=parameters)

    @property
    def operators(self):
        return list(self._operators)

    def _batch_parameters(self):
        return {"operators": "operators"}

    def _shape(self):
        batch = util.broadcast_batch_shapes(*[o.batch_shape for o in self._operators])
        rows = _dims_sum(o.range_dimension for o in self._operators)
        cols = _dims_sum(o.domain_dimension for o in self._operators)
        return batch.concatenate([rows, cols])

    def _shape_tensor(self):
        batch = util.broadcast_batch_shape_tensors(
            *[o.batch_shape_tensor() for o in self._operators])
        rows = sum(o.range_dimension_tensor() for o in self._operators)
        cols = sum(o.domain_dimension_tensor() for o in self._operators)
        return array_ops.concat([batch, array_ops.stack([rows, cols])], 0)

    def _apply_blockwise(self, x, method, split_by_domain: bool, **kwargs):
        sizes = _dim_sizes(self._operators, split_by_domain)
        blocks = _split(x, sizes, axis=-2)
        results = [getattr(o, method)(block, **kwargs)
                   for o, block in zip(self._operators, blocks)]
        return _concat_blocks(results, axis=-2)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        return self._apply_blockwise(x, "matmul", not adjoint, adjoint=adjoint)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        return self._apply_blockwise(rhs, "solve", adjoint, adjoint=adjoint)

    def _determinant(self):
        result = self._operators[0].determinant()
        for operator in self._operators[1:]:
            result = result * operator.determinant()
        return result

    def _log_abs_determinant(self):
        result = self._operators[0].log_abs_determinant()
        for operator in self._operators[1:]:
            result = result + operator.log_abs_determinant()
        return result

    def _trace(self):
        result = self._operators[0].trace()
        for operator in self._operators[1:]:
            result = result + operator.trace()
        return result

    def _diag_part(self):
        if not all(o.is_square for o in self._operators):
            return super()._diag_part()
        parts = [array_ops.expand_dims(o.diag_part(), -1) for o in self._operators]
        return array_ops.squeeze(_concat_blocks(parts, axis=-2), [-1])

    def _to_dense(self):
        denses = util.broadcast_matrix_batch_dims(*[o.to_dense() for o in self._operators])
        cols = _dim_sizes(self._operators, True)
        rows = _dim_sizes(self._operators, False)
        row_blocks = []
        for i, dense in enumerate(denses):
            pieces = [dense if j == i else _zeros_block(dense, rows[i], cols[j], self.dtype)
                      for j in range(len(denses))]
            row_blocks.append(array_ops.concat(pieces, axis=-1))
        return array_ops.concat(row_blocks, axis=-2)

    def _eigvals(self):
        parts = [array_ops.expand_dims(o.eigvals(), -1) for o in self._operators]
        return array_ops.squeeze(_concat_blocks(parts, axis=-2), [-1])

    def _assert_non_singular(self):
        return control_flow_ops.group(*[o.assert_non_singular() for o in self._operators])

    def _assert_positive_definite(self):
        return control_flow_ops.group(
            *[o.assert_positive_definite() for o in self._operators])

    def _assert_self_adjoint(self):
        return control_flow_ops.group(*[o.assert_self_adjoint() for o in self._operators])

    def _adjoint_operator(self):
        return LinearOperatorBlockDiag([o.adjoint() for o in self._operators],
                                       is_non_singular=self.is_non_singular,
                                       is_self_adjoint=self.is_self_adjoint,
                                       is_positive_definite=self.is_positive_definite,
                                       is_square=True)

    def _inverse_operator(self):
        return LinearOperatorBlockDiag([o.inverse() for o in self._operators],
                                       is_non_singular=self.is_non_singular,
                                       is_self_adjoint=self.is_self_adjoint,
                                       is_positive_definite=self.is_positive_definite,
                                       is_square=True)

    def _cholesky_operator(self):
        return LinearOperatorBlockDiag([o.cholesky() for o in self._operators],
                                       is_non_singular=True, is_self_adjoint=None,
                                       is_square=True)

    def _matmul_operator(self, other):
        if not isinstance(other, LinearOperatorBlockDiag):
            return None
        if len(other.operators) != len(self._operators):
            return None
        if any(a.domain_dimension.value is None or a.domain_dimension.value !=
               b.range_dimension.value for a, b in zip(self._operators, other.operators)):
            return None
        return LinearOperatorBlockDiag(
            [a.matmul(b) for a, b in zip(self._operators, other.operators)],
            is_non_singular=util.reduce_hint([self.is_non_singular, other.is_non_singular]),
            is_square=True)


class LinearOperatorBlockLowerTriangular(LinearOperator):
    """A block lower-triangular operator: ``operators[i]`` is row ``i`` of blocks, with
    ``i + 1`` operators whose last one (on the diagonal) is square."""

    def __init__(self, operators, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None,
                 name="LinearOperatorBlockLowerTriangular"):
        parameters = dict(operators=operators, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        rows = [list(row) for row in operators]
        if not rows:
            raise ValueError(f"Argument `operators` must be a list of >=1 operators. "
                             f"Received: {operators}.")
        for i, row in enumerate(rows):
            if len(row) != i + 1:
                raise ValueError(f"Argument `operators[{i}]` must contain `{i + 1}` blocks. "
                                 f"Received: {len(row)} blocks.")
        flat = [operator for row in rows for operator in row]
        util.check_dtype_matches(flat)
        self._operators = rows
        self._diagonal = [row[-1] for row in rows]
        for i, row in enumerate(rows):
            for j, operator in enumerate(row[:-1]):
                column_head = rows[j][j]
                if not operator.domain_dimension.is_compatible_with(
                        column_head.domain_dimension):
                    raise ValueError(
                        f"Argument `operators[{i}][{j}].domain_dimension` "
                        f"({operator.domain_dimension}) must be the same as "
                        f"`operators[{j}][{j}].domain_dimension` "
                        f"({column_head.domain_dimension}).")
                if not operator.range_dimension.is_compatible_with(
                        self._diagonal[i].range_dimension):
                    raise ValueError(
                        f"Argument `operators[{i}][{j}].range_dimension` "
                        f"({operator.range_dimension}) must be the same as "
                        f"`operators[{i}][{i}].range_dimension` "
                        f"({self._diagonal[i].range_dimension}).")
        if all(o.is_non_singular for o in self._diagonal):
            if is_non_singular is False:
                raise ValueError("A blockwise lower-triangular operator with non-singular "
                                 "operators on the main diagonal is always non-singular. "
                                 "Expected argument `is_non_singular` to be True. Received: "
                                 "False.")
            is_non_singular = True
        if is_square is False:
            raise ValueError("`LinearOperatorBlockLowerTriangular` must be square. Expected "
                             "argument `is_square` to be True. Received: False.")
        is_square = True
        with ops.name_scope(name):
            super().__init__(flat[0].dtype, is_non_singular=is_non_singular,
                             is_self_adjoint=is_self_adjoint,
                             is_positive_definite=is_positive_definite, is_square=is_square,
                             name=name, parameters=parameters)

    @property
    def operators(self):
        return [list(row) for row in self._operators]

    def _all_operators(self):
        return [operator for row in self._operators for operator in row]

    def _batch_parameters(self):
        return {"operators": "operators"}

    def _shape(self):
        batch = util.broadcast_batch_shapes(*[o.batch_shape for o in self._all_operators()])
        rows = _dims_sum(o.range_dimension for o in self._diagonal)
        cols = _dims_sum(o.domain_dimension for o in self._diagonal)
        return batch.concatenate([rows, cols])

    def _shape_tensor(self):
        batch = util.broadcast_batch_shape_tensors(
            *[o.batch_shape_tensor() for o in self._all_operators()])
        rows = sum(o.range_dimension_tensor() for o in self._diagonal)
        cols = sum(o.domain_dimension_tensor() for o in self._diagonal)
        return array_ops.concat([batch, array_ops.stack([rows, cols])], 0)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        n = len(self._diagonal)
        blocks = _split(x, _dim_sizes(self._diagonal, not adjoint), axis=-2)
        results = []
        if not adjoint:
            for i in range(n):
                total = None
                for j in range(i + 1):
                    term = self._operators[i][j].matmul(blocks[j])
                    total = term if total is None else total + term
                results.append(total)
        else:
            for j in range(n):
                total = None
                for i in range(j, n):
                    term = self._operators[i][j].matmul(blocks[i], adjoint=True)
                    total = term if total is None else total + term
                results.append(total)
        return _concat_blocks(results, axis=-2)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        n = len(self._diagonal)
        blocks = _split(rhs, _dim_sizes(self._diagonal, adjoint), axis=-2)
        solutions = [None] * n
        # Forward substitution for L, back substitution for L^H.
        order = range(n) if not adjoint else range(n - 1, -1, -1)
        for i in order:
            residual = blocks[i]
            if not adjoint:
                for j in range(i):
                    residual = residual - self._operators[i][j].matmul(solutions[j])
            else:
                for k in range(i + 1, n):
                    residual = residual - self._operators[k][i].matmul(solutions[k],
                                                                      adjoint=True)
            solutions[i] = self._diagonal[i].solve(residual, adjoint=adjoint)
        return _concat_blocks(solutions, axis=-2)

    def _determinant(self):
        result = self._diagonal[0].determinant()
        for operator in self._diagonal[1:]:
            result = result * operator.determinant()
        return result

    def _log_abs_determinant(self):
        result = self._diagonal[0].log_abs_determinant()
        for operator in self._diagonal[1:]:
            result = result + operator.log_abs_determinant()
        return result

    def _to_dense(self):
        n = len(self._diagonal)
        rows = _dim_sizes(self._diagonal, False)
        cols = _dim_sizes(self._diagonal, True)
        denses = {(i, j): self._operators[i][j].to_dense() for i in range(n)
                  for j in range(i + 1)}
        broadcast = util.broadcast_matrix_batch_dims(*denses.values())
        denses = dict(zip(denses.keys(), broadcast))
        reference = broadcast[0]
        row_blocks = []
        for i in range(n):
            pieces = [denses[(i, j)] if j <= i else
                      _zeros_block(reference, rows[i], cols[j], self.dtype) for j in range(n)]
            row_blocks.append(array_ops.concat(pieces, axis=-1))
        return array_ops.concat(row_blocks, axis=-2)

    def _assert_non_singular(self):
        return control_flow_ops.group(*[o.assert_non_singular() for o in self._diagonal])

