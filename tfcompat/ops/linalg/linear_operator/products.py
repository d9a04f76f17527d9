"""Operators built as products and updates: LinearOperatorKronecker and
LinearOperatorLowRankUpdate."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension
from tfcompat.ops import array_ops, control_flow_ops, math_ops
from tfcompat.ops.linalg.dense_ops import log_matrix_determinant, matrix_determinant
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.linalg.linear_operator.basic import LinearOperatorDiag
from tfcompat.ops.linalg.linear_operator.identity import LinearOperatorIdentity


def _dim(operator, use_domain: bool):
    """The static size of a dimension, or its tensor when unknown."""
    dim = operator.domain_dimension if use_domain else operator.range_dimension
    if dim.value is not None:
        return dim.value
    return operator.domain_dimension_tensor() if use_domain else \
        operator.range_dimension_tensor()


def _product(values):
    result = values[0]
    for value in values[1:]:
        result = result * value
    return result


def _reshape_inner(t, inner_rank: int, inner_dims):
    """``t`` reshaped to its batch dims + ``inner_dims`` (its last ``inner_rank`` dims
    replaced)."""
    batch_rank = t.shape.ndims - inner_rank
    static_batch = t.shape[:batch_rank]
    if static_batch.is_fully_defined() and all(isinstance(d, int) for d in inner_dims):
        return array_ops.reshape(t, static_batch.as_list() + list(inner_dims))
    tail = array_ops.stack([convert_to_tensor(d, dtype=dtypes.int32) for d in inner_dims])
    return array_ops.reshape(t, array_ops.concat([array_ops.shape(t)[:batch_rank], tail], 0))


def _swap_inner(t):
    """Swaps the third- and second-to-last dims of ``t``."""
    rank = t.shape.ndims
    perm = list(range(rank - 3)) + [rank - 2, rank - 3, rank - 1]
    return array_ops.transpose(t, perm)


def _kronecker_apply(operators, x, method: str, adjoint: bool):
    """``(A1 ⊗ ... ⊗ An) x`` (or its solve), one factor at a time."""
    first, rest = operators[0], operators[1:]
    if not rest:
        return getattr(first, method)(x, adjoint=adjoint)
    # A factor maps its "input" dims to "output" dims; for solve and adjoint they swap.
    input_is_domain = (method == "matmul") != adjoint
    a_in = _dim(first, input_is_domain)
    b_in = _product([_dim(o, input_is_domain) for o in rest])
    cols = x.shape[-1].value if x.shape[-1].value is not None else array_ops.shape(x)[-1]
    x3 = _swap_inner(_reshape_inner(x, 2, [a_in, b_in, cols]))
    z = _kronecker_apply(rest, _reshape_inner(x3, 3, [b_in, a_in * cols]), method, adjoint)
    b_out = _product([_dim(o, not input_is_domain) for o in rest])
    z3 = _swap_inner(_reshape_inner(z, 2, [b_out, a_in, cols]))
    y = getattr(first, method)(_reshape_inner(z3, 3, [a_in, b_out * cols]), adjoint=adjoint)
    a_out = _dim(first, not input_is_domain)
    return _reshape_inner(y, 2, [a_out * b_out, cols])


def _kronecker_dense(left, right):
    """The Kronecker product of two [batches of] matrices."""
    rows = left.shape[-2].value * right.shape[-2].value \
        if None not in (left.shape[-2].value, right.shape[-2].value) else \
        array_ops.shape(left)[-2] * array_ops.shape(right)[-2]
    cols = left.shape[-1].value * right.shape[-1].value \
        if None not in (left.shape[-1].value, right.shape[-1].value) else \
        array_ops.shape(left)[-1] * array_ops.shape(right)[-1]
    outer = (array_ops.expand_dims(array_ops.expand_dims(left, -1), -3)
             * array_ops.expand_dims(array_ops.expand_dims(right, -3), -2))
    return _reshape_inner(outer, 4, [rows, cols])


def _kronecker_vector(left, right):
    outer = array_ops.expand_dims(left, -1) * array_ops.expand_dims(right, -2)
    size = left.shape[-1].value * right.shape[-1].value \
        if None not in (left.shape[-1].value, right.shape[-1].value) else \
        array_ops.shape(left)[-1] * array_ops.shape(right)[-1]
    return _reshape_inner(outer, 2, [size])


class LinearOperatorKronecker(LinearOperator):
    """The Kronecker product ``A1 ⊗ A2 ⊗ ... ⊗ An`` of operators."""

    def __init__(self, operators, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name=None):
        parameters = dict(operators=operators, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        operators = list(operators)
        if not operators:
            raise ValueError(f"Argument `operators` must be a list of >=1 operators. "
                             f"Received: {operators}.")
        if any(o.dtype != operators[0].dtype for o in operators):
            found = [f"({o.name!r}, tf.{o.dtype.name})" for o in operators]
            raise TypeError(f"Expected every operation in argument `operators` to have the "
                            f"same dtype. Received {found}.")
        self._operators = operators
        for attribute, hint, text in (("is_non_singular", is_non_singular, "non-singular"),
                                      ("is_self_adjoint", is_self_adjoint, "self-adjoint"),
                                      ("is_positive_definite", is_positive_definite,
                                       "positive-definite")):
            if all(getattr(o, attribute) for o in operators) and hint is False:
                raise ValueError(f"The Kronecker product of {text} operators is always "
                                 f"{text}. Expected argument `{attribute}` to be True. "
                                 f"Received: False.")
        if all(o.is_non_singular for o in operators):
            is_non_singular = True
        if all(o.is_self_adjoint for o in operators):
            is_self_adjoint = True
        if all(o.is_positive_definite for o in operators):
            is_positive_definite = True
        name = name or "_x_".join(o.name for o in operators)
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
        rows, cols = Dimension(1), Dimension(1)
        for operator in self._operators:
            rows = rows * operator.range_dimension
            cols = cols * operator.domain_dimension
        return batch.concatenate([rows, cols])

    def _shape_tensor(self):
        batch = util.broadcast_batch_shape_tensors(
            *[o.batch_shape_tensor() for o in self._operators])
        rows = _product([o.range_dimension_tensor() for o in self._operators])
        cols = _product([o.domain_dimension_tensor() for o in self._operators])
        return array_ops.concat([batch, array_ops.stack([rows, cols])], 0)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        x = util.matrix_adjoint(x) if adjoint_arg else x
        return _kronecker_apply(self._operators, x, "matmul", adjoint)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        return _kronecker_apply(self._operators, rhs, "solve", adjoint)

    def _factor_powers(self):
        """``N / n_i`` per factor, as the operator's dtype (``N`` the total size)."""
        total = self.domain_dimension.value
        if total is not None:
            return [float(total // o.domain_dimension.value) for o in self._operators]
        total = math_ops.cast(self.domain_dimension_tensor(), self.dtype)
        return [total / math_ops.cast(o.domain_dimension_tensor(), self.dtype)
                for o in self._operators]

    def _determinant(self):
        powers = self._factor_powers()
        return _product([o.determinant() ** p for o, p in zip(self._operators, powers)])

    def _log_abs_determinant(self):
        powers = self._factor_powers()
        terms = [p * o.log_abs_determinant() for o, p in zip(self._operators, powers)]
        result = terms[0]
        for term in terms[1:]:
            result = result + term
        return result

    def _trace(self):
        return _product([o.trace() for o in self._operators])

    def _diag_part(self):
        result = self._operators[0].diag_part()
        for operator in self._operators[1:]:
            result = _kronecker_vector(result, operator.diag_part())
        return result

    def _to_dense(self):
        result = self._operators[0].to_dense()
        for operator in self._operators[1:]:
            result = _kronecker_dense(result, operator.to_dense())
        return result

    def _eigvals(self):
        result = self._operators[0].eigvals()
        for operator in self._operators[1:]:
            result = _kronecker_vector(result, operator.eigvals())
        return result

    def _assert_non_singular(self):
        return control_flow_ops.group(*[o.assert_non_singular() for o in self._operators])

    def _assert_positive_definite(self):
        return control_flow_ops.group(
            *[o.assert_positive_definite() for o in self._operators])

    def _assert_self_adjoint(self):
        return control_flow_ops.group(*[o.assert_self_adjoint() for o in self._operators])

    def _adjoint_operator(self):
        return LinearOperatorKronecker([o.adjoint() for o in self._operators],
                                       is_non_singular=self.is_non_singular,
                                       is_self_adjoint=self.is_self_adjoint,
                                       is_positive_definite=self.is_positive_definite,
                                       is_square=True)

    def _inverse_operator(self):
        return LinearOperatorKronecker([o.inverse() for o in self._operators],
                                       is_non_singular=self.is_non_singular,
                                       is_self_adjoint=self.is_self_adjoint,
                                       is_positive_definite=self.is_positive_definite,
                                       is_square=True)

    def _cholesky_operator(self):
        return LinearOperatorKronecker([o.cholesky() for o in self._operators],
                                       is_non_singular=True, is_square=True)


class LinearOperatorLowRankUpdate(LinearOperator):
    """``A = L + U D V^H``: a base operator ``L`` plus a rank-``K`` update (``D`` diagonal,
    the identity when ``diag_update`` is None; ``V = U`` when ``v`` is None). ``solve`` and
    the determinants use the Woodbury identity and the matrix determinant lemma."""

    def __init__(self, base_operator, u, diag_update=None, v=None,
                 is_diag_update_positive=None, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name="LinearOperatorLowRankUpdate"):
        parameters = dict(base_operator=base_operator, u=u, diag_update=diag_update, v=v,
                          is_diag_update_positive=is_diag_update_positive,
                          is_non_singular=is_non_singular, is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        dtype = base_operator.dtype
        if diag_update is None:
            if is_diag_update_positive is False:
                raise ValueError("Default diagonal is the identity, which is positive.  "
                                 "However, user set 'is_diag_update_positive' to False.")
            is_diag_update_positive = True
        if base_operator.is_self_adjoint and v is None and (
                diag_update is None or not dtype.is_complex):
            if is_self_adjoint is False:
                raise ValueError("A = L + UDU^H, with L self-adjoint and D real diagonal.  "
                                 "Since UDU^H is self-adjoint, this must be a self-adjoint "
                                 "operator.")
            is_self_adjoint = True
        if (base_operator.is_positive_definite and v is None
                and is_diag_update_positive):
            if is_positive_definite is False:
                raise ValueError("Arguments imply this is self-adjoint positive-definite "
                                 "operator.")
            is_positive_definite = True
        self._base_operator = base_operator
        self._is_diag_update_positive = is_diag_update_positive
        with ops.name_scope(name):
            self._u = convert_to_tensor(u, name="u", dtype=dtype)
            self._v = self._u if v is None else convert_to_tensor(v, name="v", dtype=dtype)
            self._update_is_symmetric = v is None
            if diag_update is None:
                self._diag_update = None
                rank = self._u.shape[-1].value
                self._diag_operator = LinearOperatorIdentity(
                    rank if rank is not None else array_ops.shape(self._u)[-1],
                    dtype=dtype)
            else:
                self._diag_update = convert_to_tensor(diag_update, name="diag_update",
                                                      dtype=dtype)
                self._diag_operator = LinearOperatorDiag(
                    self._diag_update, is_non_singular=True, is_self_adjoint=True,
                    is_positive_definite=is_diag_update_positive)
            super().__init__(dtype, is_non_singular=is_non_singular,
                             is_self_adjoint=is_self_adjoint,
                             is_positive_definite=is_positive_definite, is_square=is_square,
                             name=name, parameters=parameters)

    @property
    def base_operator(self):
        return self._base_operator

    @property
    def u(self):
        return self._u

    @property
    def v(self):
        return self._v

    @property
    def diag_update(self):
        return self._diag_update

    @property
    def diag_operator(self):
        return self._diag_operator

    @property
    def is_diag_update_positive(self):
        return self._is_diag_update_positive

    def _batch_parameters(self):
        return {"base_operator": "operators", "u": 2, "v": 2, "diag_update": 1}

    def _shape(self):
        batch = util.broadcast_batch_shapes(self._base_operator.batch_shape,
                                            self._u.shape[:-2], self._v.shape[:-2])
        return batch.concatenate(self._base_operator.shape[-2:])

    def _shape_tensor(self):
        batch = util.broadcast_batch_shape_tensors(
            self._base_operator.batch_shape_tensor(), array_ops.shape(self._u)[:-2],
            array_ops.shape(self._v)[:-2])
        return array_ops.concat([batch, self._base_operator.shape_tensor()[-2:]], 0)

    def _factors(self, adjoint: bool):
        return (self._v, self._u) if adjoint else (self._u, self._v)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        u, v = self._factors(adjoint)
        leading = self._base_operator.matmul(x, adjoint=adjoint, adjoint_arg=adjoint_arg)
        v_h_x = util.matmul(v, x, adjoint_a=True, adjoint_b=adjoint_arg)
        d_v_h_x = self._diag_operator.matmul(v_h_x, adjoint=adjoint)
        return leading + util.matmul(u, d_v_h_x)

    def _capacitance(self, adjoint: bool):
        """``C = D^-1 + V^H L^-1 U`` (with the roles of U and V swapped for the adjoint)."""
        u, v = self._factors(adjoint)
        linv_u = self._base_operator.solve(u, adjoint=adjoint)
        v_h_linv_u = util.matmul(v, linv_u, adjoint_a=True)
        return self._diag_operator.inverse().add_to_tensor(v_h_linv_u)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        if self._base_operator.is_non_singular is False:
            raise ValueError("Solve not implemented unless this is a perturbation of a "
                             "non-singular LinearOperator.")
        u, v = self._factors(adjoint)
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        linv_rhs = self._base_operator.solve(rhs, adjoint=adjoint)
        v_h_linv_rhs = util.matmul(v, linv_rhs, adjoint_a=True)
        capacitance = self._capacitance(adjoint)
        cinv_v_h_linv_rhs = util.matrix_solve_with_broadcast(capacitance, v_h_linv_rhs)
        linv_u_cinv = self._base_operator.solve(util.matmul(u, cinv_v_h_linv_rhs),
                                                adjoint=adjoint)
        return linv_rhs - linv_u_cinv

    def _determinant(self):
        det_c = matrix_determinant(self._capacitance(False))
        return det_c * self._base_operator.determinant() * self._diag_operator.determinant()

    def _log_abs_determinant(self):
        _, lad_c = log_matrix_determinant(self._capacitance(False))
        return (self._base_operator.log_abs_determinant() + lad_c
                + self._diag_operator.log_abs_determinant())

    def _diag_part(self):
        if self._diag_update is None:
            product = self._u * util.conj(self._v)
        else:
            product = self._u * self._diag_update[..., None, :] * util.conj(self._v)
        update = math_ops.reduce_sum(product, axis=-1)
        return self._base_operator.diag_part() + update

    def _assert_self_adjoint(self):
        if self._update_is_symmetric:
            # L + U D U^H is self-adjoint exactly when L is (D is real).
            return self._base_operator.assert_self_adjoint()
        return super()._assert_self_adjoint()
