"""Sparse optimizer updates for IndexedSlices gradients: the SparseApply* ops (TF's
``_apply_sparse`` kernels); ScatterAdd/ScatterSub live with the other scatters in
tfcompat/ops/scatter_ops.py and are re-exported here for the optimizers.

A SparseApply op updates only the rows named by ``indices`` (unique: the optimizer sums
duplicate rows first), with the same rule as its dense Apply op applied to those rows.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.ops.scatter_ops import scatter_add, scatter_sub  # noqa: F401 - re-exported
from tfcompat.ops.state_ops import (
    read_variable,
    variable_op_name,
    variables_locked,
)
from tfcompat.training.training_ops import DENSE_RULES, _ref_shape


def _check_indices(indices, rows: int) -> np.ndarray:
    indices = np.asarray(indices).reshape(-1)
    bad = np.nonzero((indices < 0) | (indices >= rows))[0]
    if bad.size:
        i = int(bad[0])
        raise errors.InvalidArgumentError(
            None, None, f"indices[{i}] = {indices[i]} is not in [0, {rows})")
    return indices


# ---- SparseApply* --------------------------------------------------------------------------

def register_sparse_apply_op(op_type: str, dense_type: str, inputs: tuple[str, ...]) -> None:
    """Registers ``op_type``: ``dense_type``'s rule on the rows ``indices`` (the input right
    after the gradient) of the variable and its slots."""
    update, ref_count, attr_defaults = DENSE_RULES[dense_type]
    attrs = tuple(attr_defaults)
    defaults = {"use_locking": False, **attr_defaults}
    names = [spec.split(":")[0].strip() for spec in inputs]
    indices_index = names.index("indices") - ref_count
    grad_index = indices_index - 1

    def bind(op, state):
        variables = state.variables
        refs = [variable_op_name(t) for t in op.inputs[:ref_count]]
        kwargs = {a: op._attrs[a] for a in attrs}
        locked = variables_locked(state, refs)

        def kernel(*plain):
            with locked:
                return _apply_rows(plain)

        def _apply_rows(plain):
            current = [read_variable(variables, n) for n in refs]
            rows = _check_indices(plain[indices_index], np.shape(current[0])[0])
            grad = plain[grad_index]
            if np.shape(grad) != (rows.size,) + np.shape(current[0])[1:]:
                raise errors.InvalidArgumentError(
                    None, None, f"var and grad do not have the same shape"
                    f"{list(np.shape(current[0]))} {list(np.shape(grad))}")
            dense_plain = [p for i, p in enumerate(plain) if i != indices_index]
            dtype = np.asarray(current[0]).dtype
            new_rows = update(*(np.asarray(c)[rows] for c in current), *dense_plain, **kwargs)
            for n, c, value in zip(refs, current, new_rows):
                new = np.array(c, copy=True)
                new[rows] = np.asarray(value).astype(dtype, copy=False)
                variables[n] = new
            return variables[refs[0]]
        return kernel

    register_op(op_type, inputs=inputs, shape_fn=_ref_shape, bind=bind, stateful=True,
                attr_defaults=defaults, grad=NOT_DIFFERENTIABLE)


def apply_sparse(op_type: str, refs, plain, use_locking=False, name=None, **attrs):
    """Adds a SparseApply* op updating the rows of ``refs`` named in ``plain``'s indices."""
    return apply_op(op_type, [r._ref() for r in refs] + list(plain), name=name,
                    attrs={"use_locking": use_locking, **attrs})


register_sparse_apply_op("SparseApplyMomentum", "ApplyMomentum", (
    "var: &T", "accum: &T", "lr: T", "grad: T", "indices: Tindices", "momentum: T"))
register_sparse_apply_op("SparseApplyAdagrad", "ApplyAdagrad", (
    "var: &T", "accum: &T", "lr: T", "grad: T", "indices: Tindices"))
register_sparse_apply_op("SparseApplyRMSProp", "ApplyRMSProp", (
    "var: &T", "ms: &T", "mom: &T", "lr: T", "rho: T", "momentum: T", "epsilon: T", "grad: T",
    "indices: Tindices"))
register_sparse_apply_op("SparseApplyCenteredRMSProp", "ApplyCenteredRMSProp", (
    "var: &T", "mg: &T", "ms: &T", "mom: &T", "lr: T", "rho: T", "momentum: T", "epsilon: T",
    "grad: T", "indices: Tindices"))
register_sparse_apply_op("SparseApplyAdadelta", "ApplyAdadelta", (
    "var: &T", "accum: &T", "accum_update: &T", "lr: T", "rho: T", "epsilon: T", "grad: T",
    "indices: Tindices"))
register_sparse_apply_op("SparseApplyProximalGradientDescent", "ApplyProximalGradientDescent", (
    "var: &T", "alpha: T", "l1: T", "l2: T", "grad: T", "indices: Tindices"))
register_sparse_apply_op("SparseApplyProximalAdagrad", "ApplyProximalAdagrad", (
    "var: &T", "accum: &T", "lr: T", "l1: T", "l2: T", "grad: T", "indices: Tindices"))
register_sparse_apply_op("SparseApplyFtrl", "ApplyFtrl", (
    "var: &T", "accum: &T", "linear: &T", "grad: T", "indices: Tindices", "lr: T", "l1: T",
    "l2: T", "lr_power: T"))
register_sparse_apply_op("SparseApplyFtrlV2", "ApplyFtrlV2", (
    "var: &T", "accum: &T", "linear: &T", "grad: T", "indices: Tindices", "lr: T", "l1: T",
    "l2: T", "l2_shrinkage: T", "lr_power: T"))
register_sparse_apply_op("SparseApplyAdagradDA", "ApplyAdagradDA", (
    "var: &T", "gradient_accumulator: &T", "gradient_squared_accumulator: &T", "grad: T",
    "indices: Tindices", "lr: T", "l1: T", "l2: T", "global_step: int64"))
