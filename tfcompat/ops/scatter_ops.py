"""Variable scatter ops on reference variables: ScatterUpdate/Add/Sub/Mul/Div/Min/Max (rows) and
ScatterNdUpdate/Add/Sub/Max/Min (index tuples), plus ``batch_scatter_update``.

Like TF, every one outputs the updated reference (``float32_ref``); TF marks Scatter{Add,Sub,
Mul,Div} and ScatterNd{Update,Add,Sub} not differentiable and registers nothing for the others
(``tf.gradients`` through ScatterUpdate or a Min/Max raises LookupError). Each kernel writes through
``state_ops.update_variable``, so it holds the variable's lock for its read-modify-write
whatever ``use_locking`` says. Duplicate indices apply in index order (``update``: the last
wins; ``add``/``mul``/``div``...: every one applies), as TF's CPU kernels do.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, merge_error
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.state_ops import _as_ref, update_variable, variable_op_name

_INDEX = (dtypes.int32, dtypes.int64)


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _truncating_divide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """C++ ``a / b`` for integers (rounds toward zero); floats divide as usual."""
    if not np.issubdtype(np.result_type(a, b), np.integer):
        return np.divide(a, b)
    if np.any(b == 0):
        # TF's CPU kernel dies of SIGFPE here; an error is the honest equivalent.
        raise _invalid("Integer division by zero")
    quotient = np.abs(a) // np.abs(b)
    return np.where((a < 0) != (b < 0), -quotient, quotient)


# How each op combines the old row with its update.
_COMBINE: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "Update": lambda old, new: new,
    "Add": np.add,
    "Sub": np.subtract,
    "Mul": np.multiply,
    "Div": _truncating_divide,
    "Min": np.minimum,
    "Max": np.maximum,
}


def _apply_in_index_order(rows: np.ndarray, positions: np.ndarray, values: np.ndarray,
                          combine) -> None:
    """``rows[p] = combine(rows[p], v)`` for each (p, v) in order, vectorized by rounds: round
    r applies the r-th occurrence of every position, so duplicates compose in index order."""
    if positions.size == 0:
        return
    order = np.argsort(positions, kind="stable")
    ordered = positions[order]
    starts = np.r_[0, np.flatnonzero(ordered[1:] != ordered[:-1]) + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, ordered.size]))
    occurrence = np.empty_like(positions)
    occurrence[order] = np.arange(ordered.size) - group_start
    for r in range(int(occurrence.max()) + 1):
        pick = occurrence == r
        where = positions[pick]
        rows[where] = np.asarray(combine(rows[where], values[pick])).astype(rows.dtype,
                                                                             copy=False)


def _dims(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


# ---- Scatter{Update,Mul,Div,Min,Max}: whole rows of the first dimension ----------------------

def _scatter_shape(op):
    ref, indices, updates = op.inputs
    if ref.shape.ndims == 0:
        raise ShapeError("Shape must be at least rank 1 but is rank 0")
    if updates.shape.ndims != 0 and ref.shape.ndims is not None:
        expected = indices.shape.concatenate(ref.shape[1:])
        if expected.ndims is not None and not updates.shape.is_compatible_with(expected):
            raise ShapeError(merge_error(updates.shape, expected))
    return [(ref.dtype, ref.shape)]


def _bind_scatter(combine):
    def bind(op, state):
        name = variable_op_name(op.inputs[0])

        def kernel(indices, updates):
            indices, updates = np.asarray(indices), np.asarray(updates)
            failure = []

            def scatter(current):
                current = np.asarray(current)
                rows = current.shape[0]
                flat = indices.reshape(-1)
                row_shape = current.shape[1:]
                if updates.ndim == 0:
                    values = np.broadcast_to(updates, (flat.size,) + row_shape)
                elif updates.shape == indices.shape + row_shape:
                    values = updates.reshape((flat.size,) + row_shape)
                else:
                    raise _invalid(
                        f"Must have updates.shape = indices.shape + params.shape[1:] or "
                        f"updates.shape = [], got updates.shape {_dims(updates.shape)}, "
                        f"indices.shape {_dims(indices.shape)}, params.shape "
                        f"{_dims(current.shape)}")
                bad = np.flatnonzero((flat < 0) | (flat >= rows))
                if bad.size:
                    # TF's kernel applies the updates before the first bad index, then fails.
                    i = int(bad[0])
                    failure.append(_invalid(f"indices[{i}] = {flat[i]} is not in [0, {rows})"))
                    flat, values = flat[:i], values[:i]
                new = np.array(current, copy=True)
                _apply_in_index_order(new, flat.astype(np.int64), values, combine)
                return new
            new = update_variable(state, name, scatter)
            if failure:
                raise failure[0]
            return new
        return kernel
    return bind


# TF's NotDifferentiable list (state_grad); the rest have no gradient entry at all.
_NOT_DIFFERENTIABLE = {"ScatterAdd", "ScatterSub", "ScatterMul", "ScatterDiv", "ScatterNdUpdate",
                       "ScatterNdAdd", "ScatterNdSub"}
NO_GRADIENT_IN_TF = ("ScatterUpdate", "ScatterMin", "ScatterMax", "ScatterNdMax", "ScatterNdMin")

for _suffix in ("Update", "Add", "Sub", "Mul", "Div", "Min", "Max"):
    _type = "Scatter" + _suffix
    register_op(_type, inputs=("ref: &T", "indices: Tindices", "updates: T"),
                shape_fn=_scatter_shape, bind=_bind_scatter(_COMBINE[_suffix]), stateful=True,
                allowed={"Tindices": _INDEX}, attr_defaults={"use_locking": _suffix == "Update"},
                grad=NOT_DIFFERENTIABLE if _type in _NOT_DIFFERENTIABLE else None)


def _scatter(op_type, ref, indices, updates, use_locking, name) -> Tensor:
    return apply_op(op_type, [_as_ref(ref), indices, updates], name=name,
                    attrs={"use_locking": bool(use_locking)})


def scatter_update(ref, indices, updates, use_locking=True, name=None) -> Tensor:
    """Sets the rows ``indices`` of variable ``ref`` to ``updates`` (``ref[indices] = updates``;
    with duplicate indices the last wins). Returns ``ref`` after the update."""
    return _scatter("ScatterUpdate", ref, indices, updates, use_locking, name)


def scatter_add(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Adds ``updates`` to the rows ``indices`` of the variable ``ref`` (duplicates add up)."""
    return _scatter("ScatterAdd", ref, indices, updates, use_locking, name)


def scatter_sub(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Subtracts ``updates`` from the rows ``indices`` of ``ref`` (duplicates add up)."""
    return _scatter("ScatterSub", ref, indices, updates, use_locking, name)


def scatter_mul(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Multiplies the rows ``indices`` of ``ref`` by ``updates`` (duplicates multiply)."""
    return _scatter("ScatterMul", ref, indices, updates, use_locking, name)


def scatter_div(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Divides the rows ``indices`` of ``ref`` by ``updates`` (integers round toward zero)."""
    return _scatter("ScatterDiv", ref, indices, updates, use_locking, name)


def scatter_min(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """``ref[indices] = minimum(ref[indices], updates)``."""
    return _scatter("ScatterMin", ref, indices, updates, use_locking, name)


def scatter_max(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """``ref[indices] = maximum(ref[indices], updates)``."""
    return _scatter("ScatterMax", ref, indices, updates, use_locking, name)


# ---- ScatterNd{Update,Add,Sub,Max,Min}: slices addressed by index tuples ---------------------

def _scatter_nd_shape(op):
    ref, indices, updates = op.inputs
    r, i, u = ref.shape, indices.shape, updates.shape
    if r.ndims is not None and i.ndims is not None and u.ndims is not None and i.ndims:
        k = i.as_tuple()[-1]
        outer = i.ndims - 1
        if k is not None:
            if k > r.ndims:
                raise ShapeError(f"Dimension {k} in indices.shape[-1] must be <= params rank "
                                 f"{r.ndims}")
            slice_in, slice_up = TensorShape(r.as_tuple()[k:]), TensorShape(u.as_tuple()[outer:])
            if not slice_in.is_compatible_with(slice_up):
                raise ShapeError(
                    f"Dimensions [{k},{r.ndims}) of input[shape={_dims(r.as_list())}] = "
                    f"{_dims(slice_in.as_list())} must match dimensions [{outer},{u.ndims}) of "
                    f"updates[shape={_dims(u.as_list())}] = {_dims(slice_up.as_list())}: "
                    f"{merge_error(slice_in, slice_up)}")
    return [(ref.dtype, ref.shape)]


def _bind_scatter_nd(combine):
    def bind(op, state):
        name = variable_op_name(op.inputs[0])

        def kernel(indices, updates):
            indices, updates = np.asarray(indices), np.asarray(updates)
            failure = []

            def scatter(current):
                current = np.asarray(current)
                k = indices.shape[-1]
                flat = indices.reshape(-1, k).astype(np.int64)
                slice_shape = current.shape[k:]
                values = np.broadcast_to(updates, indices.shape[:-1] + slice_shape).reshape(
                    (len(flat),) + slice_shape)
                outer = np.asarray(current.shape[:k], np.int64)
                bad = ((flat < 0) | (flat >= outer)).any(axis=1)
                if bad.any():
                    # TF's kernel applies every valid index tuple, then reports the first bad.
                    i = int(np.flatnonzero(bad)[0])
                    where = ",".join(str(int(j)) for j in np.unravel_index(
                        i, indices.shape[:-1])) if indices.ndim > 1 else str(i)
                    failure.append(_invalid(f"indices[{where}] = {list(map(int, flat[i]))} does "
                                            f"not index into shape {_dims(current.shape)}"))
                    flat, values = flat[~bad], values[~bad]
                positions = np.ravel_multi_index(tuple(flat.T), current.shape[:k]) if k else \
                    np.zeros(len(flat), np.int64)
                new = np.array(current, copy=True)
                _apply_in_index_order(new.reshape((-1,) + slice_shape), positions, values,
                                      combine)
                return new
            new = update_variable(state, name, scatter)
            if failure:
                raise failure[0]
            return new
        return kernel
    return bind


for _suffix in ("Update", "Add", "Sub", "Max", "Min"):
    _type = "ScatterNd" + _suffix
    register_op(_type, inputs=("ref: &T", "indices: Tindices", "updates: T"),
                shape_fn=_scatter_nd_shape, bind=_bind_scatter_nd(_COMBINE[_suffix]),
                stateful=True, allowed={"Tindices": _INDEX},
                attr_defaults={"use_locking": _suffix == "Update", "bad_indices_policy": ""},
                grad=NOT_DIFFERENTIABLE if _type in _NOT_DIFFERENTIABLE else None)


def scatter_nd_update(ref, indices, updates, use_locking=True, name=None) -> Tensor:
    """Sets the slices of ``ref`` at the index tuples ``indices`` (last dim) to ``updates``."""
    return _scatter("ScatterNdUpdate", ref, indices, updates, use_locking, name)


def scatter_nd_add(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Adds ``updates`` to the slices of ``ref`` at the index tuples ``indices``."""
    return _scatter("ScatterNdAdd", ref, indices, updates, use_locking, name)


def scatter_nd_sub(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Subtracts ``updates`` from the slices of ``ref`` at the index tuples ``indices``."""
    return _scatter("ScatterNdSub", ref, indices, updates, use_locking, name)


def scatter_nd_max(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Element-wise maximum of the slices of ``ref`` at ``indices`` and ``updates``."""
    return _scatter("ScatterNdMax", ref, indices, updates, use_locking, name)


def scatter_nd_min(ref, indices, updates, use_locking=False, name=None) -> Tensor:
    """Element-wise minimum of the slices of ``ref`` at ``indices`` and ``updates``."""
    return _scatter("ScatterNdMin", ref, indices, updates, use_locking, name)


# ---- batch_scatter_update ---------------------------------------------------------------------

def batch_scatter_update(ref, indices, updates, use_locking=True, name=None) -> Tensor:
    """``ref[i1, ..., in, indices[i1, ..., in, j]] = updates[i1, ..., in, j]``: a ScatterUpdate
    per batch, built as one ScatterNdUpdate of the index tuples (batch position, index)."""
    with ops.name_scope(name):  # TF opens no default scope here
        indices = ops.convert_to_tensor(indices, name="indices")
        rank = indices.shape.ndims
        if rank is None:
            raise ValueError("batch_gather does not allow indices with unknown shape.")
        nd_indices = array_ops.expand_dims(indices, axis=-1)
        if rank > 1:
            shape = array_ops.shape(indices, out_type=indices.dtype)
            batch_columns = []
            for dim in range(rank - 1):
                positions = math_ops.range(0, shape[dim], dtype=indices.dtype)
                view = [1] * rank
                view[dim] = -1
                batch_columns.append(array_ops.broadcast_to(
                    array_ops.reshape(positions, view), shape))
            nd_indices = array_ops.concat(
                [array_ops.stack(batch_columns, axis=-1), nd_indices], axis=-1)
        return scatter_nd_update(ref, nd_indices, updates, use_locking=use_locking)
