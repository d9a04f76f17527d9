"""N-d index ops: GatherNd, ScatterNd and TensorScatter{Update,Add,Sub,Min,Max}.

``indices[..., :]`` addresses a slice of ``params``/``shape``: its last dimension K indexes the
first K dimensions, the rest of the slice is copied whole.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops

_INDEX = (dtypes.int16, dtypes.int32, dtypes.int64)


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _flat_positions(indices: np.ndarray, shape: tuple, op_name: str) -> np.ndarray:
    """Row-major positions of each index tuple among the first K dims of ``shape``."""
    k = indices.shape[-1]
    flat = indices.reshape(-1, k).astype(np.int64)
    outer = shape[:k]
    bad = ((flat < 0) | (flat >= np.asarray(outer, np.int64))).any(axis=1) if k else \
        np.zeros(len(flat), bool)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _invalid(f"{op_name}: indices[{i}] = {list(flat[i])} does not index into "
                       f"shape {list(shape)}")
    return np.ravel_multi_index(tuple(flat.T), outer) if k else np.zeros(len(flat), np.int64)


def _dims_text(dims) -> str:
    return "[" + ",".join("?" if d is None else str(d) for d in dims) + "]"


# ---- GatherNd --------------------------------------------------------------------------------

def _gather_nd_shape(op):
    params, indices = op.inputs
    dtype = params.dtype.base_dtype
    if indices.shape.ndims is None or params.shape.ndims is None:
        return [(dtype, unknown_shape())]
    idx = indices.shape.as_tuple()
    if not idx:
        raise ShapeError("Shape must be at least rank 1 but is rank 0")
    k = idx[-1]
    if k is None:
        return [(dtype, unknown_shape())]
    if k > params.shape.ndims:
        raise ShapeError(f"indices.shape[-1] must be <= params.rank, but saw indices shape: "
                         f"{_dims_text(idx)} and params shape: "
                         f"{_dims_text(params.shape.as_tuple())}")
    return [(dtype, TensorShape._from_tuple(idx[:-1] + params.shape.as_tuple()[k:]))]


def _gather_nd_kernel(params, indices):
    params, indices = np.asarray(params), np.asarray(indices)
    k = indices.shape[-1]
    positions = _flat_positions(indices, params.shape, "GatherNd")
    rows = params.reshape((-1,) + params.shape[k:])
    return rows[positions].reshape(indices.shape[:-1] + params.shape[k:])


def _gather_nd_grad(op, grad):
    params, indices = op.inputs
    return scatter_nd(indices, grad, array_ops.shape(params, out_type=indices.dtype)), None


register_op("GatherNd", inputs=("params: Tparams", "indices: Tindices"),
            kernel=_gather_nd_kernel, shape_fn=_gather_nd_shape,
            allowed={"Tindices": _INDEX}, attr_defaults={"bad_indices_policy": ""},
            grad=_gather_nd_grad)


def gather_nd(params, indices, name=None, batch_dims=0) -> Tensor:
    """Gathers slices of ``params`` addressed by the index tuples in ``indices``."""
    if batch_dims != 0:
        raise NotImplementedError("tf.gather_nd with batch_dims > 0 is not supported by "
                                  "tfcompat yet")
    return apply_op("GatherNd", [params, indices], name=name)


# ---- ScatterNd -------------------------------------------------------------------------------

def _scatter_shape(indices: Tensor, updates: Tensor, out_shape: TensorShape):
    dtype = updates.dtype.base_dtype
    if out_shape.ndims is None or indices.shape.ndims is None or updates.shape.ndims is None:
        return [(dtype, out_shape)]
    idx = indices.shape.as_tuple()
    k = idx[-1] if idx else None
    if k is not None:
        expected = idx[:-1] + out_shape.as_tuple()[k:]
        if not TensorShape._from_tuple(expected).is_compatible_with(updates.shape):
            raise ShapeError(f"Dimensions [{len(idx) - 1},{updates.shape.ndims}) of updates"
                             f"[shape={updates.shape.as_list()}] = "
                             f"{list(updates.shape.as_tuple()[len(idx) - 1:])} must match "
                             f"dimensions [{k},{out_shape.ndims}) of input[shape="
                             f"{out_shape.as_list()}] = {list(out_shape.as_tuple()[k:])}")
    return [(dtype, out_shape)]


def _scatter_nd_shape(op):
    shape_t = op.inputs[2]
    value = tensor_util.constant_value(shape_t)
    if value is not None:
        out = TensorShape._from_tuple(tuple(int(d) for d in np.asarray(value).reshape(-1)))
    elif shape_t.shape.ndims == 1 and shape_t.shape.as_tuple()[0] is not None:
        out = unknown_shape(shape_t.shape.as_tuple()[0])
    else:
        out = unknown_shape()
    return _scatter_shape(op.inputs[0], op.inputs[1], out)


def _scatter_into(kind: str, target: np.ndarray, indices, updates, op_name: str):
    indices, updates = np.asarray(indices), np.asarray(updates)
    k = indices.shape[-1]
    positions = _flat_positions(indices, target.shape, op_name)
    rows = target.reshape((-1,) + target.shape[k:])
    values = updates.reshape((len(positions),) + target.shape[k:])
    if kind == "update":
        rows[positions] = values
    else:
        {"add": np.add, "sub": np.subtract, "min": np.minimum,
         "max": np.maximum}[kind].at(rows, positions, values)
    return rows.reshape(target.shape)


def _scatter_nd_kernel(indices, updates, shape):
    updates = np.asarray(updates)
    target = np.zeros(tuple(int(d) for d in np.asarray(shape)), dtype=updates.dtype)
    return _scatter_into("add", target, indices, updates, "ScatterNd")


def _scatter_nd_grad(op, grad):
    indices = op.inputs[0]
    return None, gather_nd(grad, indices), None


register_op("ScatterNd", inputs=("indices: Tindices", "updates: T", "shape: Tindices"),
            kernel=_scatter_nd_kernel, shape_fn=_scatter_nd_shape,
            allowed={"Tindices": _INDEX}, value_inputs=(2,), grad=_scatter_nd_grad)


def scatter_nd(indices, updates, shape, name=None) -> Tensor:
    """A tensor of ``shape`` zeros with ``updates`` summed in at the index tuples."""
    return apply_op("ScatterNd", [indices, updates, shape], name=name)


# ---- TensorScatter* --------------------------------------------------------------------------

def _tensor_scatter_shape(op):
    tensor, indices, updates = op.inputs
    result = _scatter_shape(indices, updates, tensor.shape)
    return [(tensor.dtype.base_dtype, result[0][1])]


def _tensor_scatter_kernel(kind: str, op_name: str):
    def kernel(tensor, indices, updates):
        target = np.array(tensor, copy=True)
        return _scatter_into(kind, target, indices, updates, op_name)
    return kernel


def _update_grad(op, grad):
    indices = op.inputs[1]
    zeros = array_ops.zeros_like(op.inputs[2])
    return (apply_op("TensorScatterUpdate", [grad, indices, zeros]), None,
            gather_nd(grad, indices))


def _add_grad(op, grad):
    return grad, None, gather_nd(grad, op.inputs[1])


def _sub_grad(op, grad):
    return grad, None, -gather_nd(grad, op.inputs[1])


def _minmax_grad(op, grad):
    """The gradient goes to whichever of tensor / update is selected (ties: both)."""
    tensor, indices, updates = op.inputs
    out = op.outputs[0]
    x_selected = math_ops.cast(math_ops.equal(tensor, out), grad.dtype)
    y_selected = math_ops.cast(math_ops.equal(updates, gather_nd(out, indices)), grad.dtype)
    return grad * x_selected, None, gather_nd(grad, indices) * y_selected


_TENSOR_SCATTERS = {"Update": ("update", _update_grad), "Add": ("add", _add_grad),
                    "Sub": ("sub", _sub_grad), "Min": ("min", _minmax_grad),
                    "Max": ("max", _minmax_grad)}
for _suffix, (_kind, _grad) in _TENSOR_SCATTERS.items():
    _type = f"TensorScatter{_suffix}"
    register_op(_type, inputs=("tensor: T", "indices: Tindices", "updates: T"),
                kernel=_tensor_scatter_kernel(_kind, _type), shape_fn=_tensor_scatter_shape,
                allowed={"Tindices": _INDEX}, grad=_grad)


def _tensor_scatter_function(suffix: str):
    op_type = f"TensorScatter{suffix}"

    def fn(tensor, indices, updates, name=None) -> Tensor:
        return apply_op(op_type, [tensor, indices, updates], name=name)
    fn.__name__ = f"tensor_scatter_nd_{suffix.lower()}"
    fn.__doc__ = (f"Returns ``tensor`` with ``updates`` applied ({suffix.lower()}) at the "
                  "index tuples in ``indices``.")
    return fn


tensor_scatter_nd_update = _tensor_scatter_function("Update")
tensor_scatter_nd_add = _tensor_scatter_function("Add")
tensor_scatter_nd_sub = _tensor_scatter_function("Sub")
tensor_scatter_nd_min = _tensor_scatter_function("Min")
tensor_scatter_nd_max = _tensor_scatter_function("Max")
