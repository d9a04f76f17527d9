"""Operators defined by other operators: LinearOperatorAdjoint, LinearOperatorInversion and
LinearOperatorComposition."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, control_flow_ops
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.linalg.linear_operator.base import LinearOperator


def _matching_hint(operator_hint, hint, text: str, relation: str):
    """The hint of a derived operator: the caller's, which must agree with the base's."""
    if operator_hint is not None and hint is not None and operator_hint != hint:
        raise ValueError(f"An operator is {text} if and only if its {relation} is {text}.")
    return operator_hint if hint is None else hint


def _derived_hints(operator, relation, is_non_singular, is_self_adjoint, is_positive_definite,
                   is_square):
    return dict(
        is_non_singular=_matching_hint(operator.is_non_singular, is_non_singular,
                                       "non-singular", relation),
        is_self_adjoint=_matching_hint(operator.is_self_adjoint, is_self_adjoint,
                                       "self-adjoint", relation),
        is_positive_definite=_matching_hint(operator.is_positive_definite,
                                            is_positive_definite, "positive-definite",
                                            relation),
        is_square=_matching_hint(operator.is_square, is_square, "square", relation))


class LinearOperatorAdjoint(LinearOperator):
    """The adjoint ``A^H`` of another operator ``A``, without materializing it."""

    def __init__(self, operator, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name=None):
        parameters = dict(operator=operator, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        self._operator = operator
        hints = _derived_hints(operator, "adjoint", is_non_singular, is_self_adjoint,
                               is_positive_definite, is_square)
        name = name or operator.name + "_adjoint"
        with ops.name_scope(name):
            super().__init__(operator.dtype, name=name, parameters=parameters, **hints)

    @property
    def operator(self):
        return self._operator

    def _batch_parameters(self):
        return {"operator": "operators"}

    def _shape(self):
        shape = self._operator.shape
        if shape.ndims is None:
            return TensorShape(None)
        return shape[:-2].concatenate([shape[-1], shape[-2]])

    def _shape_tensor(self):
        shape = self._operator.shape_tensor()
        return array_ops.concat([shape[:-2], shape[-1:], shape[-2:-1]], 0)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        return self._operator.matmul(x, adjoint=not adjoint, adjoint_arg=adjoint_arg)

    def _matvec(self, x, adjoint=False):
        return self._operator.matvec(x, adjoint=not adjoint)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        return self._operator.solve(rhs, adjoint=not adjoint, adjoint_arg=adjoint_arg)

    def _solvevec(self, rhs, adjoint=False):
        return self._operator.solvevec(rhs, adjoint=not adjoint)

    def _determinant(self):
        return util.conj(self._operator.determinant())

    def _log_abs_determinant(self):
        return self._operator.log_abs_determinant()

    def _trace(self):
        return util.conj(self._operator.trace())

    def _diag_part(self):
        return util.conj(self._operator.diag_part())

    def _to_dense(self):
        return util.matrix_adjoint(self._operator.to_dense())

    def _eigvals(self):
        return util.conj(self._operator.eigvals())

    def _cond(self):
        return self._operator.cond()

    def _assert_non_singular(self):
        return self._operator.assert_non_singular()

    def _assert_positive_definite(self):
        return self._operator.assert_positive_definite()

    def _assert_self_adjoint(self):
        return self._operator.assert_self_adjoint()

    def _adjoint_operator(self):
        return self._operator


class LinearOperatorInversion(LinearOperator):
    """The inverse ``A^-1`` of a square non-singular operator, applied through ``A.solve``."""

    def __init__(self, operator, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name=None):
        parameters = dict(operator=operator, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        self._operator = operator
        for hint, operator_hint, arg in ((is_non_singular, operator.is_non_singular,
                                          "is_non_singular"),
                                         (is_square, operator.is_square, "is_square")):
            if operator_hint is False or hint is False:
                raise ValueError(
                    f"Argument `{arg}` or argument `operator` must have supplied hint `{arg}` "
                    f"equal to `True` or `None`. Found `operator.{arg}`: {operator_hint}, "
                    f"`{arg}`: {hint}.")
        hints = _derived_hints(operator, "inverse", is_non_singular, is_self_adjoint,
                               is_positive_definite, is_square)
        name = name or operator.name + "_inv"
        with ops.name_scope(name):
            super().__init__(operator.dtype, name=name, parameters=parameters, **hints)

    @property
    def operator(self):
        return self._operator

    def _batch_parameters(self):
        return {"operator": "operators"}

    def _shape(self):
        return self._operator.shape

    def _shape_tensor(self):
        return self._operator.shape_tensor()

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        return self._operator.solve(x, adjoint=adjoint, adjoint_arg=adjoint_arg)

    def _matvec(self, x, adjoint=False):
        return self._operator.solvevec(x, adjoint=adjoint)

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        return self._operator.matmul(rhs, adjoint=adjoint, adjoint_arg=adjoint_arg)

    def _solvevec(self, rhs, adjoint=False):
        return self._operator.matvec(rhs, adjoint=adjoint)

    def _determinant(self):
        return 1.0 / self._operator.determinant()

    def _log_abs_determinant(self):
        return -1.0 * self._operator.log_abs_determinant()

    def _cond(self):
        return self._operator.cond()

    def _assert_non_singular(self):
        return self._operator.assert_non_singular()

    def _assert_positive_definite(self):
        return self._operator.assert_positive_definite()

    def _assert_self_adjoint(self):
        return self._operator.assert_self_adjoint()

    def _inverse_operator(self):
        return self._operator


class LinearOperatorComposition(LinearOperator):
    """The product ``A1 A2 ... An`` of operators, applied right to left."""

    def __init__(self, operators, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name=None):
        parameters = dict(operators=operators, is_non_singular=is_non_singular,
                          is_self_adjoint=is_self_adjoint,
                          is_positive_definite=is_positive_definite, is_square=is_square,
                          name=name)
        operators = list(operators)
        if not operators:
            raise ValueError(f"Expected a non-empty list of operators. Found: {operators}")
        self._operators = operators
        util.check_dtype_matches(operators)
        if all(operator.is_non_singular for operator in operators):
            if is_non_singular is False:
                raise ValueError("The composition of non-singular operators is always "
                                 "non-singular.")
            is_non_singular = True
        name = name or "_o_".join(operator.name for operator in operators)
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
        return batch.concatenate([self._operators[0].range_dimension,
                                  self._operators[-1].domain_dimension])

    def _shape_tensor(self):
        batch = util.broadcast_batch_shape_tensors(
            *[o.batch_shape_tensor() for o in self._operators])
        return array_ops.concat([batch, [self._operators[0].range_dimension_tensor(),
                                         self._operators[-1].domain_dimension_tensor()]], 0)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        order = self._operators if adjoint else list(reversed(self._operators))
        result = order[0].matmul(x, adjoint=adjoint, adjoint_arg=adjoint_arg)
        for operator in order[1:]:
            result = operator.matmul(result, adjoint=adjoint)
        return result

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        order = list(reversed(self._operators)) if adjoint else self._operators
        solution = order[0].solve(rhs, adjoint=adjoint, adjoint_arg=adjoint_arg)
        for operator in order[1:]:
            solution = operator.solve(solution, adjoint=adjoint)
        return solution

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

    def _assert_non_singular(self):
        return control_flow_ops.group(
            *[operator.assert_non_singular() for operator in self._operators])
