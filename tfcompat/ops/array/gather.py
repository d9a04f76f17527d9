"""GatherV2 and UnsortedSegmentSum, each other's gradients."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, tensor_util
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.array.slice_common import (
    _GATHER_INDEX_TYPES,
    _SHAPE,
    _invalid,
    _shape_str,
    _stack,
    _with_rank,
    _with_rank_at_least,
)
from tfcompat.ops.op_helpers import INDEX_TYPES

# ---- GatherV2 and UnsortedSegmentSum ---------------------------------------------------------

def _gather_shape(op):
    params, indices, axis_t = op.inputs
    batch_dims = op._attrs["batch_dims"]
    dtype = params.dtype.base_dtype
    _with_rank_at_least(params.shape, 1)
    _with_rank(axis_t.shape, 0)
    p_rank, i_rank = params.shape.ndims, indices.shape.ndims
    axis = tensor_util.constant_value(axis_t)
    if axis is None:
        if p_rank is not None and i_rank is not None:
            return [(dtype, unknown_shape(p_rank + i_rank - 1 - batch_dims))]
        return [(dtype, unknown_shape())]
    axis = int(axis)
    _with_rank_at_least(params.shape, -axis if axis < 0 else axis + 1)
    _with_rank_at_least(indices.shape, abs(batch_dims))
    if p_rank is None or i_rank is None:
        return [(dtype, unknown_shape())]
    if batch_dims < 0:
        batch_dims += i_rank
    _with_rank_at_least(params.shape, batch_dims + 1)
    axis %= p_rank
    p_dims, i_dims = params.shape.as_tuple(), indices.shape.as_tuple()
    return [(dtype, _SHAPE(p_dims[:axis] + i_dims[batch_dims:] + p_dims[axis + 1:]))]


def _gather_kernel(params, indices, axis, batch_dims):
    params, indices = np.asarray(params), np.asarray(indices)
    axis = int(axis)
    rank = params.ndim
    if not -rank <= axis < rank:
        raise _invalid(f"Shape must be at least rank {-axis if axis < 0 else axis + 1} but is "
                       f"rank {rank}")
    axis %= rank
    if batch_dims < 0:
        batch_dims += indices.ndim
    for i in range(batch_dims):
        if params.shape[i] != indices.shape[i]:
            raise _invalid(f"params.shape[{i}]: {params.shape[i]} should be equal to "
                           f"indices.shape[{i}]: {indices.shape[i]}")
    limit = params.shape[axis]
    bad = (indices < 0) | (indices >= limit)
    if np.any(bad):
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        label = "indices" if indices.ndim == 0 else f"indices[{','.join(map(str, where))}]"
        raise _invalid(f"{label} = {indices[where]} is not in [0, {limit})")
    if batch_dims == 0:
        return np.take(params, indices, axis=axis)
    out_shape = (params.shape[:axis] + indices.shape[batch_dims:] + params.shape[axis + 1:])
    batch = int(np.prod(params.shape[:batch_dims], dtype=np.int64))
    flat_params = params.reshape((batch,) + params.shape[batch_dims:])
    flat_indices = indices.reshape((batch,) + indices.shape[batch_dims:])
    pieces = [np.take(p, i, axis=axis - batch_dims) for p, i in zip(flat_params, flat_indices)]
    if not pieces:
        return np.zeros(out_shape, params.dtype)
    return np.stack(pieces).reshape(out_shape)


def _index_list(*parts) -> list | Tensor:
    """Concatenates int lists, ints and int32 Tensors into a permutation: a plain list when all
    parts are static, else a ConcatV2."""
    parts = [[p] if isinstance(p, int) else p for p in parts]
    if all(isinstance(p, list) for p in parts):
        return [i for p in parts for i in p]
    return array_ops.concat(
        [array_ops.reshape(p, [-1]) if isinstance(p, Tensor) else
         constant_op.constant(p, dtype=dtypes.int32) for p in parts], 0)


def _range_part(start, limit) -> list | Tensor:
    if isinstance(start, int) and isinstance(limit, int):
        return list(range(start, limit))
    return math_ops.range(start, limit)


def _gather_grad_general(params_shape: Tensor, indices: Tensor, grad: Tensor, axis,
                         batch_dims: int, params_rank) -> Tensor:
    """Dense gather gradient for any axis (int, or int32 Tensor) and batch_dims.

    The gathered dim is moved next to the batch dims, batches are folded into the segment ids
    (each batch gets its own block of ``params_shape[axis]`` segments), UnsortedSegmentSum adds
    the contributions, and the result is moved back.
    """
    b = batch_dims
    outer, inner = params_shape[:axis], params_shape[axis + 1:]
    values = array_ops.reshape(grad, array_ops.concat([outer, [-1], inner], 0))
    to_front = _index_list(_range_part(0, b), axis, _range_part(b, axis),
                           _range_part(axis + 1, params_rank))
    values = array_ops.transpose(values, to_front)
    axis_size = params_shape[axis]
    if b:
        batch = math_ops.reduce_prod(params_shape[:b])
        values = array_ops.reshape(values, array_ops.concat(
            [[-1], params_shape[b:axis], inner], 0))
        offsets = math_ops.cast(math_ops.range(0, batch) * axis_size, indices.dtype.base_dtype)
        ids = (array_ops.reshape(indices, _stack([batch, -1]))
               + array_ops.reshape(offsets, [-1, 1]))
        summed = unsorted_segment_sum(values, array_ops.reshape(ids, [-1]), batch * axis_size)
        summed = array_ops.reshape(summed, array_ops.concat(
            [params_shape[:b], _stack([axis_size]), params_shape[b:axis], inner], 0))
    else:
        summed = unsorted_segment_sum(values, array_ops.reshape(indices, [-1]), axis_size)
    back = _index_list(_range_part(0, b), _range_part(b + 1, axis + 1), b,
                       _range_part(axis + 1, params_rank))
    return array_ops.transpose(summed, back)


def _gather_v2_grad(op, grad):
    """The gathered rows' gradient: an IndexedSlices for axis-0 gathers (densified by
    UnsortedSegmentSum when a consumer needs a Tensor), a dense scatter otherwise."""
    params, indices, axis_t = op.inputs
    params_shape = array_ops.shape(params)
    batch_dims = op._attrs["batch_dims"]
    if batch_dims < 0:
        batch_dims += indices.shape.ndims
    axis_static = tensor_util.constant_value(axis_t)
    if axis_static is not None and int(axis_static) == 0 and batch_dims == 0:
        indices_size = array_ops.expand_dims(array_ops.size(indices), 0)
        values_shape = array_ops.concat([indices_size, params_shape[1:]], 0)
        values = array_ops.reshape(grad, values_shape)
        flat_indices = array_ops.reshape(indices, indices_size)
        return IndexedSlices(values, flat_indices, params_shape), None, None
    if axis_static is not None and params.shape.ndims is not None:
        axis = int(axis_static) % params.shape.ndims
        params_rank = params.shape.ndims
    else:
        params_rank = array_ops.rank(params)
        axis = math_ops.floormod(math_ops.cast(axis_t, dtypes.int32), params_rank)
    return (_gather_grad_general(params_shape, indices, grad, axis, batch_dims, params_rank),
            None, None)


register_op("GatherV2", inputs=("params: Tparams", "indices: Tindices", "axis: Taxis"),
            kernel=_gather_kernel, kernel_attrs=("batch_dims",), shape_fn=_gather_shape,
            allowed={"Tindices": _GATHER_INDEX_TYPES, "Taxis": INDEX_TYPES},
            attr_defaults={"batch_dims": 0},
            grad=_gather_v2_grad)


def gather(params, indices, validate_indices=None, name=None, axis=None,
           batch_dims=0) -> Tensor:
    """Gathers slices of ``params`` along ``axis`` at ``indices`` (``tf.gather``)."""
    del validate_indices  # TF ignores it as well
    if type(params) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("gather", params, indices, axis, batch_dims, name)
    if axis is None:
        axis = batch_dims
    axis_value = tensor_util.constant_value(axis) if isinstance(axis, Tensor) else axis
    if axis_value is None or np.asarray(axis_value) != 0:
        return apply_op("GatherV2", [params, indices, axis], name=name,
                        attrs={"batch_dims": int(batch_dims)})
    # TF drops batch_dims when the axis is 0.
    return apply_op("GatherV2", [params, indices, axis], name=name, attrs={"batch_dims": 0})


def _unsorted_segment_sum_shape(op):
    data, ids, num_t = op.inputs
    dtype = data.dtype.base_dtype
    _with_rank(num_t.shape, 0)
    if ids.shape.ndims is None:
        return [(dtype, unknown_shape())]
    k = ids.shape.ndims
    _with_rank_at_least(data.shape, k)
    if data.shape.ndims is not None:
        for a, b in zip(data.shape.as_tuple()[:k], ids.shape.as_tuple()):
            if a is not None and b is not None and a != b:
                raise ShapeError(f"Dimensions must be equal, but are {a} and {b}")
    num = tensor_util.constant_value(num_t)
    if num is not None and int(num) < 0:
        raise ShapeError(f"Dimension size, given by scalar input 2, must be non-negative but is "
                         f"{int(num)}")
    head = _SHAPE((None if num is None else int(num),))
    if data.shape.ndims is None:
        return [(dtype, head.concatenate(unknown_shape()))]
    return [(dtype, head.concatenate(_SHAPE(data.shape.as_tuple()[k:])))]


def _unsorted_segment_sum_kernel(data, ids, num_segments):
    data, ids = np.asarray(data), np.asarray(ids)
    num = int(num_segments)
    if num < 0:
        raise _invalid(f"Input num_segments == {num} must not be negative.")
    if data.shape[:ids.ndim] != ids.shape:
        raise _invalid(f"data.shape = {_shape_str(data.shape)} does not start with "
                       f"segment_ids.shape = {_shape_str(ids.shape)}")
    flat_ids = ids.reshape(-1)
    too_big = np.flatnonzero(flat_ids >= num)
    if too_big.size:
        i = int(too_big[0])
        raise _invalid(f"segment_ids[{i}] = {flat_ids[i]} is out of range [0, {num})")
    rows = data.reshape((flat_ids.size,) + data.shape[ids.ndim:])
    out = np.zeros((num,) + data.shape[ids.ndim:], dtype=data.dtype)
    keep = flat_ids >= 0  # negative ids are dropped
    np.add.at(out, flat_ids[keep], rows[keep])
    return out


def _unsorted_segment_sum_grad(op, grad):
    """Gathers the gradient at each segment id; rows with negative ids (dropped) get zeros."""
    ids = op.inputs[1]
    clipped = math_ops.maximum(ids, array_ops.zeros_like(ids))
    gathered = gather(grad, clipped)
    kept = math_ops.greater_equal(ids, 0)
    extra = array_ops.rank(gathered) - array_ops.rank(kept)
    kept = array_ops.reshape(kept, array_ops.concat(
        [array_ops.shape(kept), array_ops.ones(_stack([extra]), dtype=dtypes.int32)], 0))
    return array_ops.select_v2(kept, gathered, array_ops.zeros_like(gathered)), None, None


register_op("UnsortedSegmentSum",
            inputs=("data: T", "segment_ids: Tindices", "num_segments: Tnumsegments"),
            kernel=_unsorted_segment_sum_kernel, shape_fn=_unsorted_segment_sum_shape,
            allowed={"Tindices": _GATHER_INDEX_TYPES, "Tnumsegments": INDEX_TYPES},
            type_defaults={"Tnumsegments": dtypes.int32},
            grad=_unsorted_segment_sum_grad)


def unsorted_segment_sum(data, segment_ids, num_segments, name=None) -> Tensor:
    """Sums the rows of ``data`` that share a segment id (``tf.math.unsorted_segment_sum``)."""
    return apply_op("UnsortedSegmentSum", [data, segment_ids, num_segments], name=name)
