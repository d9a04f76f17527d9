"""``tf.linalg.LinearOperator``: the abstract base of the matrix-free operator classes.

A subclass describes an ``[B1, ..., Bb, M, N]`` batch of matrices by implementing ``_shape``
(and ``_shape_tensor`` when the shape may be dynamic) and ``_matmul``; every other method has
a dense default built from graph ops (``to_dense`` multiplies an identity, ``solve`` goes
through ``matrix_solve`` or a Cholesky factor...), which structured subclasses override.

Method name scopes follow TF: each public method opens ``<operator name>/<method>`` (uniquified,
and relative to the scope it is called in), so ``LinearOperatorDiag(...).matmul(x)`` builds
``LinearOperatorDiag/matmul/mul``."""

from __future__ import annotations

import collections
import contextlib

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, check_ops, control_flow_ops, math_ops
from tfcompat.ops.linalg.decomposition_ops import self_adjoint_eigvals, svd
from tfcompat.ops.linalg.dense_ops import cholesky as dense_cholesky
from tfcompat.ops.linalg.dense_ops import log_matrix_determinant, matrix_determinant
from tfcompat.ops.linalg.linalg_impl import cholesky_solve
from tfcompat.ops.linalg.linear_operator import util
from tfcompat.ops.matrix_diag_ops import matrix_diag_part

# ``algebra`` and ``slicing`` build other operator classes, which import this module: they are
# imported where used.


class LinearOperator:
    """Base class defining a [batch of] linear operator[s].

    Subclasses implement ``_shape``, ``_shape_tensor`` and ``_matmul``; they may override
    ``_solve``, ``_determinant``, ``_log_abs_determinant``, ``_trace``, ``_diag_part``,
    ``_to_dense``, ``_add_to_tensor``, ``_eigvals``, ``_cond`` and the ``_assert_*`` methods
    for efficiency. Hints (``is_non_singular``, ``is_self_adjoint``, ``is_positive_definite``,
    ``is_square``) are promises by the caller and are checked only for consistency."""

    def __init__(self, dtype, graph_parents=None, is_non_singular=None, is_self_adjoint=None,
                 is_positive_definite=None, is_square=None, name=None, parameters=None):
        if is_positive_definite:
            if is_non_singular is False:
                raise ValueError("A positive definite matrix is always non-singular.")
            is_non_singular = True
        if is_non_singular:
            if is_square is False:
                raise ValueError("A non-singular matrix is always square.")
            is_square = True
        if is_self_adjoint:
            if is_square is False:
                raise ValueError("A self-adjoint matrix is always square.")
            is_square = True
        self._is_square_set_or_implied_by_hints = is_square
        self._dtype = dtypes.as_dtype(dtype).base_dtype if dtype is not None else None
        self._is_non_singular = is_non_singular
        self._is_self_adjoint = is_self_adjoint
        self._is_positive_definite = is_positive_definite
        self._name = name or type(self).__name__
        self._graph_parents = list(graph_parents or [])
        self._parameters = dict(parameters) if parameters is not None else {}

    # ---- naming ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _name_scope(self, name=None):
        """``<operator name>/<name>`` as a fresh (uniquified) scope under the current one."""
        full_name = self.name if name is None else f"{self.name}/{name}"
        with ops.name_scope(full_name) as scope:
            yield scope

    @property
    def name(self) -> str:
        """Name prepended to all ops created by this operator."""
        return self._name

    @property
    def dtype(self):
        """The DType of Tensors handled by this operator."""
        return self._dtype

    @property
    def parameters(self) -> dict:
        """The constructor arguments of this operator."""
        return dict(self._parameters)

    @property
    def graph_parents(self) -> list:
        """Tensors this operator depends on (deprecated in TF; kept for TF1 code)."""
        return list(self._graph_parents)

    # ---- tf.Module surface -------------------------------------------------------------------

    def _walk(self):
        """The constructor arguments (in order), then the attributes (sorted by name), with
        lists, tuples and dicts flattened."""
        attributes = {k: vars(self)[k] for k in sorted(vars(self)) if k != "_parameters"}
        queue = collections.deque([self._parameters, attributes])
        seen = set()
        while queue:
            item = queue.popleft()
            if id(item) in seen:
                continue
            seen.add(id(item))
            if isinstance(item, dict):
                queue.extendleft(reversed(list(item.values())))
            elif isinstance(item, (list, tuple)):
                queue.extendleft(reversed(item))
            else:
                yield item

    def _modules_and_variables(self):
        """Depth first: each operator found, then what it holds, as ``tf.Module`` does."""
        for item in self._walk():
            if isinstance(item, LinearOperator) and item is not self:
                yield item
                yield from item._modules_and_variables()
            elif _is_variable(item):
                yield item

    def _unique(self, want) -> tuple:
        found = []
        for item in self._modules_and_variables():
            if want(item) and all(item is not f for f in found):
                found.append(item)
        return tuple(found)

    @property
    def submodules(self) -> tuple:
        """The LinearOperators this one is built from, recursively."""
        return self._unique(lambda item: isinstance(item, LinearOperator))

    @property
    def variables(self) -> tuple:
        """The variables this operator (and the operators it holds) was built from."""
        return self._unique(_is_variable)

    @property
    def trainable_variables(self) -> tuple:
        return tuple(v for v in self.variables if v.trainable)

    @property
    def non_trainable_variables(self) -> tuple:
        return tuple(v for v in self.variables if not v.trainable)

    @property
    def name_scope(self):
        """A context entering this operator's name scope (``tf.Module.name_scope``)."""
        return ops.name_scope(self.name + "/")

    @classmethod
    def with_name_scope(cls, method):
        """Decorates ``method`` to run inside the instance's ``name_scope``."""
        def wrapped(self, *args, **kwargs):
            with self.name_scope:
                return method(self, *args, **kwargs)
        wrapped.__name__ = method.__name__
        wrapped.__doc__ = method.__doc__
        return wrapped

    # ---- hints -------------------------------------------------------------------------------

    @property
    def is_non_singular(self):
        return self._is_non_singular

    @property
    def is_self_adjoint(self):
        return self._is_self_adjoint

    @property
    def is_positive_definite(self):
        return self._is_positive_definite

    @property
    def is_square(self):
        """True when the operator is square (from the hints, else from the static shape)."""
        rows, cols = self.range_dimension.value, self.domain_dimension.value
        auto_square = None if rows is None or cols is None else rows == cols
        hinted = self._is_square_set_or_implied_by_hints
        if hinted is False and auto_square:
            raise ValueError("User set is_square hint to False, but the operator was square.")
        return auto_square if hinted is None else hinted

    def _can_use_cholesky(self) -> bool:
        return bool(self.is_self_adjoint and self.is_positive_definite)

    # ---- shapes ------------------------------------------------------------------------------

    def _shape(self) -> TensorShape:
        raise NotImplementedError("_shape is not implemented.")

    def _shape_tensor(self) -> Tensor:
        raise NotImplementedError("_shape_tensor is not implemented.")

    @property
    def shape(self) -> TensorShape:
        """The static ``TensorShape`` ``[B1, ..., Bb, M, N]``."""
        return self._shape()

    def shape_tensor(self, name="shape_tensor") -> Tensor:
        """The shape as a 1-D int32 tensor (a Const when statically known)."""
        with self._name_scope(name):
            if self.shape.is_fully_defined():
                return convert_to_tensor(self.shape.as_list(), dtype=dtypes.int32, name="Const")
            return self._shape_tensor()

    @property
    def batch_shape(self) -> TensorShape:
        return self.shape[:-2]

    def batch_shape_tensor(self, name="batch_shape_tensor") -> Tensor:
        with self._name_scope(name):
            if self.batch_shape.is_fully_defined():
                return convert_to_tensor(self.batch_shape.as_list(), dtype=dtypes.int32,
                                         name="batch_shape")
            return self.shape_tensor()[:-2]

    @property
    def tensor_rank(self):
        return self.shape.ndims

    def tensor_rank_tensor(self, name="tensor_rank_tensor") -> Tensor:
        with self._name_scope(name):
            if self.tensor_rank is not None:
                return convert_to_tensor(self.tensor_rank, dtype=dtypes.int32, name="Const")
            return array_ops.size(self.shape_tensor())

    @property
    def domain_dimension(self) -> Dimension:
        return util.dimension_at(self.shape, -1)

    def domain_dimension_tensor(self, name="domain_dimension_tensor") -> Tensor:
        with self._name_scope(name):
            value = self.domain_dimension.value
            if value is not None:
                return convert_to_tensor(value, dtype=dtypes.int32, name="Const")
            return self.shape_tensor()[-1]

    @property
    def range_dimension(self) -> Dimension:
        return util.dimension_at(self.shape, -2)

    def range_dimension_tensor(self, name="range_dimension_tensor") -> Tensor:
        with self._name_scope(name):
            value = self.range_dimension.value
            if value is not None:
                return convert_to_tensor(value, dtype=dtypes.int32, name="Const")
            return self.shape_tensor()[-2]

    def _check_input_dtype(self, arg: Tensor) -> None:
        if arg.dtype.base_dtype != self.dtype:
            raise TypeError(f"Expected argument to have dtype {self.dtype}.  Found: "
                            f"{arg.dtype.base_dtype} in tensor {arg}")

    # ---- products and solves -----------------------------------------------------------------

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        raise NotImplementedError("_matmul is not implemented.")

    def matmul(self, x, adjoint=False, adjoint_arg=False, name="matmul"):
        """``op(A) @ op(x)`` for a tensor or another LinearOperator ``x``."""
        if isinstance(x, LinearOperator):
            left = self.adjoint() if adjoint else self
            right = x.adjoint() if adjoint_arg else x
            if (right.range_dimension.value is not None and left.domain_dimension.value
                    is not None and right.range_dimension.value != left.domain_dimension.value):
                raise ValueError(
                    "Operators are incompatible. Expected `x` to have dimension "
                    f"{left.domain_dimension} but got {right.range_dimension}.")
            with self._name_scope(name):
                from tfcompat.ops.linalg.linear_operator import algebra
                return algebra.matmul(left, right)
        with self._name_scope(name):
            x = convert_to_tensor(x, name="x")
            self._check_input_dtype(x)
            self_dim = -2 if adjoint else -1
            arg_dim = -1 if adjoint_arg else -2
            util.dimension_at(self.shape, self_dim).assert_is_compatible_with(
                util.dimension_at(x.shape, arg_dim))
            return self._matmul(x, adjoint=adjoint, adjoint_arg=adjoint_arg)

    def __matmul__(self, other):
        return self.matmul(other)

    def __getitem__(self, slices):
        """The operator with its batch dims sliced (``operator[1:, 0]``)."""
        from tfcompat.ops.linalg.linear_operator import slicing
        return slicing.batch_slice(self, slices)

    def _batch_parameters(self) -> dict:
        """Constructor arguments carrying batch dims, each mapped to its number of trailing
        non-batch dims ("operators" for operators and lists of them). Subclasses define it to
        support batch slicing."""
        raise NotImplementedError(f"{type(self).__name__} does not support batch slicing.")

    def _sliced_parameters(self, parameters: dict, slices: tuple) -> dict:
        """Hook for arguments that are not tensors (e.g. a static ``batch_shape``)."""
        return parameters

    def _matvec(self, x, adjoint=False):
        x_mat = array_ops.expand_dims(x, -1)
        y_mat = self.matmul(x_mat, adjoint=adjoint)
        return array_ops.squeeze(y_mat, [-1])

    def matvec(self, x, adjoint=False, name="matvec"):
        """``op(A) @ x`` for a (batch of) vector(s) ``x``."""
        if isinstance(x, LinearOperator):
            return self.matmul(x, adjoint=adjoint, name=name)
        with self._name_scope(name):
            x = convert_to_tensor(x, name="x")
            self._check_input_dtype(x)
            self_dim = -2 if adjoint else -1
            util.dimension_at(self.shape, self_dim).assert_is_compatible_with(
                util.dimension_at(x.shape, -1))
            return self._matvec(x, adjoint=adjoint)

    def _check_solvable(self) -> None:
        if self.is_non_singular is False:
            raise NotImplementedError("Exact solve not implemented for an operator that is "
                                      "expected to be singular.")
        if self.is_square is False:
            raise NotImplementedError("Exact solve not implemented for an operator that is "
                                      "expected to not be square.")

    def _solve(self, rhs, adjoint=False, adjoint_arg=False):
        rhs = util.matrix_adjoint(rhs) if adjoint_arg else rhs
        if self._can_use_cholesky():
            return cholesky_solve(dense_cholesky(self.to_dense()), rhs)
        return util.matrix_solve_with_broadcast(self.to_dense(), rhs, adjoint=adjoint)

    def solve(self, rhs, adjoint=False, adjoint_arg=False, name="solve"):
        """``X`` with ``op(A) @ X = op(rhs)``."""
        self._check_solvable()
        if isinstance(rhs, LinearOperator):
            left = self.adjoint() if adjoint else self
            right = rhs.adjoint() if adjoint_arg else rhs
            with self._name_scope(name):
                from tfcompat.ops.linalg.linear_operator import algebra
                return algebra.solve(left, right)
        with self._name_scope(name):
            rhs = convert_to_tensor(rhs, name="rhs")
            self._check_input_dtype(rhs)
            self_dim = -1 if adjoint else -2
            arg_dim = -1 if adjoint_arg else -2
            util.dimension_at(self.shape, self_dim).assert_is_compatible_with(
                util.dimension_at(rhs.shape, arg_dim))
            return self._solve(rhs, adjoint=adjoint, adjoint_arg=adjoint_arg)

    def _solvevec(self, rhs, adjoint=False):
        rhs_mat = array_ops.expand_dims(rhs, -1)
        solution_mat = self.solve(rhs_mat, adjoint=adjoint)
        return array_ops.squeeze(solution_mat, [-1])

    def solvevec(self, rhs, adjoint=False, name="solve"):
        """``x`` with ``op(A) @ x = rhs`` for a (batch of) vector(s)."""
        self._check_solvable()
        with self._name_scope(name):
            rhs = convert_to_tensor(rhs, name="rhs")
            self._check_input_dtype(rhs)
            self_dim = -1 if adjoint else -2
            util.dimension_at(self.shape, self_dim).assert_is_compatible_with(
                util.dimension_at(rhs.shape, -1))
            return self._solvevec(rhs, adjoint=adjoint)

    # ---- scalars of the operator -------------------------------------------------------------

    def _check_square_for_determinant(self) -> None:
        if self.is_square is False:
            raise NotImplementedError("Determinant not implemented for an operator that is "
                                      "expected to not be square.")

    def _determinant(self):
        if self._can_use_cholesky():
            return math_ops.exp(self.log_abs_determinant())
        return matrix_determinant(self.to_dense())

    def determinant(self, name="det"):
        """``det(A)`` per batch member."""
        self._check_square_for_determinant()
        with self._name_scope(name):
            return self._determinant()

    def _log_abs_determinant(self):
        if self._can_use_cholesky():
            diag = matrix_diag_part(dense_cholesky(self.to_dense()))
            return 2.0 * math_ops.reduce_sum(math_ops.log(diag), axis=[-1])
        _, log_abs_det = log_matrix_determinant(self.to_dense())
        return log_abs_det

    def log_abs_determinant(self, name="log_abs_det"):
        """``log|det(A)|`` per batch member."""
        self._check_square_for_determinant()
        with self._name_scope(name):
            return self._log_abs_determinant()

    def _trace(self):
        return math_ops.reduce_sum(self.diag_part(), axis=-1)

    def trace(self, name="trace"):
        """The sum of the diagonal, per batch member."""
        with self._name_scope(name):
            return self._trace()

    def _diag_part(self):
        return matrix_diag_part(self.to_dense())

    def diag_part(self, name="diag_part"):
        """The diagonal ``[B1, ..., Bb, min(M, N)]``."""
        with self._name_scope(name):
            return self._diag_part()

    def _to_dense(self):
        if self.batch_shape.is_fully_defined():
            batch_shape = self.batch_shape
        else:
            batch_shape = self.batch_shape_tensor()
        n = self.domain_dimension.value
        if n is None:
            n = self.domain_dimension_tensor()
        return self.matmul(util.eye(n, batch_shape, self.dtype))

    def to_dense(self, name="to_dense"):
        """The operator as a dense ``[B1, ..., Bb, M, N]`` tensor."""
        with self._name_scope(name):
            return self._to_dense()

    def _add_to_tensor(self, x):
        return self.to_dense() + x

    def add_to_tensor(self, x, name="add_to_tensor"):
        """``A + x`` as a dense tensor."""
        with self._name_scope(name):
            x = convert_to_tensor(x, name="x")
            self._check_input_dtype(x)
            return self._add_to_tensor(x)

    def _eigvals(self):
        return self_adjoint_eigvals(self.to_dense())

    def eigvals(self, name="eigvals"):
        """Eigenvalues of a self-adjoint operator (ascending for dense ones)."""
        if not self.is_self_adjoint:
            raise NotImplementedError("Only self-adjoint matrices are supported.")
        with self._name_scope(name):
            return self._eigvals()

    def _cond(self):
        if not self.is_self_adjoint:
            values = svd(self.to_dense(), compute_uv=False)
        else:
            values = util.modulus(self._eigvals())
        return math_ops.reduce_max(values, axis=-1) / math_ops.reduce_min(values, axis=-1)

    def cond(self, name="cond"):
        """The condition number (largest / smallest singular value)."""
        with self._name_scope(name):
            return self._cond()

    # ---- derived operators -------------------------------------------------------------------

    def adjoint(self, name="adjoint"):
        """The adjoint operator ``A^H`` (``self`` when hinted self-adjoint)."""
        if self.is_self_adjoint is True:
            return self
        with self._name_scope(name):
            from tfcompat.ops.linalg.linear_operator import algebra
            return algebra.adjoint(self)

    H = property(adjoint, None)

    def inverse(self, name="inverse"):
        """The inverse operator ``A^-1``."""
        if self.is_square is False:
            raise ValueError("Cannot take the Inverse: This operator represents a non square "
                             "matrix.")
        if self.is_non_singular is False:
            raise ValueError("Cannot take the Inverse: This operator represents a singular "
                             "matrix.")
        with self._name_scope(name):
            from tfcompat.ops.linalg.linear_operator import algebra
            return algebra.inverse(self)

    def cholesky(self, name="cholesky"):
        """The lower Cholesky factor as an operator (needs the self-adjoint and PD hints)."""
        if not self._can_use_cholesky():
            raise ValueError("Cannot take the Cholesky decomposition: Not a positive definite "
                             "self adjoint matrix.")
        with self._name_scope(name):
            from tfcompat.ops.linalg.linear_operator import algebra
            return algebra.cholesky(self)

    # ---- run-time checks ---------------------------------------------------------------------

    def _max_condition_number_to_be_non_singular(self):
        with ops.name_scope("max_nonsingular_condition_number"):
            eps = float(np.finfo(self.dtype.real_dtype.as_numpy_dtype).eps)
            real = self.dtype.real_dtype
            biggest = math_ops.reduce_max([
                100.0, math_ops.cast(self.range_dimension_tensor(), real),
                math_ops.cast(self.domain_dimension_tensor(), real)])
            return 1.0 / (biggest * eps)

    def _assert_non_singular(self):
        if self._can_use_cholesky():
            return self.assert_positive_definite()
        values = svd(self.to_dense(), compute_uv=False)
        cond = math_ops.reduce_max(values, axis=-1) / math_ops.reduce_min(values, axis=-1)
        return check_ops.assert_less(cond, self._max_condition_number_to_be_non_singular(),
                                     message="Singular matrix up to precision epsilon.")

    def assert_non_singular(self, name="assert_non_singular"):
        """An op that fails at run time when the operator is singular."""
        with self._name_scope(name):
            return self._assert_non_singular()

    def _assert_positive_definite(self):
        if self.is_self_adjoint:
            return check_ops.assert_positive(
                matrix_diag_part(dense_cholesky(self.to_dense())),
                message="Matrix was not positive definite.")
        raise NotImplementedError("assert_positive_definite is not implemented.")

    def assert_positive_definite(self, name="assert_positive_definite"):
        """An op that fails at run time when the operator is not positive definite."""
        with self._name_scope(name):
            return self._assert_positive_definite()

    def _assert_self_adjoint(self):
        dense = self.to_dense()
        return check_ops.assert_equal(dense, util.matrix_adjoint(dense),
                                      message="Matrix was not equal to its adjoint.")

    def assert_self_adjoint(self, name="assert_self_adjoint"):
        """An op that fails at run time when the operator is not self-adjoint."""
        with self._name_scope(name):
            return self._assert_self_adjoint()

    def _no_op_assert(self):
        return control_flow_ops.no_op("assert_zero_imag_part")

    # ---- algebra hooks (None: use the generic wrapper operator) -------------------------------

    def _adjoint_operator(self):
        return None

    def _inverse_operator(self):
        return None

    def _cholesky_operator(self):
        return None

    def _matmul_operator(self, other):
        return None

    def _rmatmul_operator(self, other):
        return None


def _is_variable(item) -> bool:
    # Duck-typed: the variables package sits above ops in the import layering.
    return all(hasattr(item, attribute) for attribute in ("initializer", "trainable", "assign"))
