"""The ragged op types: RaggedTensorToTensor, RaggedTensorToSparse, RaggedRange and
RaggedFillEmptyRows(Grad), each with its numpy kernel, shape function and gradient."""

from __future__ import annotations

import collections

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.op_def_library import apply_op
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.op_helpers import INDEX_TYPES, REAL_NUMBERS
from tfcompat.ops.scatter_nd_ops import gather_nd


def _value_coordinates(nested_splits: list[np.ndarray]) -> tuple[list[np.ndarray], list[int]]:
    """For each value of the innermost ragged level, its index along every ragged dimension;
    and the size of each dimension (nrows, then the longest row at each level)."""
    nrows = len(nested_splits[0]) - 1
    coords: list[np.ndarray] = [np.arange(nrows, dtype=np.int64)]
    sizes = [nrows]
    for splits in nested_splits:
        splits = splits.astype(np.int64)
        lengths = np.diff(splits)
        if np.any(lengths < 0) or (len(splits) and splits[0] != 0):
            raise errors.InvalidArgumentError(None, None, "Invalid row_splits: splits must be "
                                                          "non-decreasing and start at zero")
        parent = np.repeat(np.arange(len(lengths)), lengths)
        position = np.arange(len(parent), dtype=np.int64) - splits[parent]
        coords = [c[parent] for c in coords] + [position]
        sizes.append(int(lengths.max()) if len(lengths) else 0)
    return coords, sizes


# ---- RaggedTensorToTensor ------------------------------------------------------------------------

def _to_tensor_kernel(shape, values, default_value, *partitions):
    coords, sizes = _value_coordinates(list(partitions))
    nvals = len(coords[-1])
    if values.shape[0] != nvals:
        raise errors.InvalidArgumentError(
            None, None, f"Expected row_splits[-1] == values.shape[0] ({nvals} vs "
                        f"{values.shape[0]})")
    inner = values.shape[1:]
    if shape.ndim == 0:  # -1: every dimension from the data
        out_shape = sizes + list(inner)
    else:
        out_shape = [s if d < 0 else int(d) for d, s in zip(shape, sizes + list(inner))]
    out = np.empty(out_shape, dtype=values.dtype)
    out[...] = np.broadcast_to(default_value, out_shape[len(sizes):]) if out.size else 0
    keep = np.ones(nvals, dtype=bool)
    for c, size in zip(coords, out_shape):
        keep &= c < size
    inner_cut = tuple(slice(0, n) for n in out_shape[len(sizes):])
    out[tuple(c[keep] for c in coords)] = values[keep][(slice(None),) + inner_cut]
    return out


def _to_tensor_shape(op):
    shape_t, values = op.inputs[0], op.inputs[1]
    ragged_rank = len(op.inputs) - 3
    first = op.inputs[3].shape[0]
    dims = [None if first is None else first - 1] + [None] * ragged_rank
    if values.shape.ndims is None:
        result = unknown_shape()
    else:
        result = TensorShape(dims[:-1] + [None]).concatenate(values.shape[1:])
    requested = tensor_util.constant_value(shape_t)
    if requested is not None and np.ndim(requested) == 1 and result.ndims is not None:
        result = TensorShape([None if d < 0 else int(d) for d in requested]).merge_with(
            TensorShape([None] * len(requested)))
    return [(values.dtype, result)]


def _to_tensor_grad(op, grad):
    """Values' gradient: ``grad`` at each value's position; the default value's gradient:
    what is left of ``grad``."""
    values, default_value = op.inputs[1], op.inputs[2]
    partitions = list(op.inputs[3:])
    # The positions of the values: the indices of a ragged tensor of the values' row numbers.
    positions = ragged_tensor_to_sparse(partitions, math_ops.range(array_ops.shape(values)[0]))[0]
    # Values cut off by an explicit ``shape`` get no gradient.
    outer_shape = array_ops.shape(grad, out_type=dtypes.int64)[:len(partitions) + 1]
    in_bounds = math_ops.reduce_all(math_ops.less(positions, outer_shape), axis=1)
    safe = math_ops.where_v2(array_ops.expand_dims(in_bounds, 1), positions,
                             array_ops.zeros_like(positions))
    gathered = gather_nd(grad, safe)
    inner_rank = values.shape.ndims - 1 if values.shape.ndims is not None else 0
    keep = array_ops.reshape(in_bounds, [-1] + [1] * inner_rank)
    values_grad = math_ops.where_v2(keep, gathered, array_ops.zeros_like(gathered))
    default_grad = None
    if default_value.shape.ndims == 0:
        default_grad = math_ops.reduce_sum(grad) - math_ops.reduce_sum(values_grad)
    # TF hands the values' gradient back as IndexedSlices over every row of the values.
    values_shape = array_ops.shape(values)
    values_grad = IndexedSlices(values_grad, math_ops.range(values_shape[0]), values_shape)
    return [None, values_grad, default_grad] + [None] * len(partitions)


register_op("RaggedTensorToTensor",
            inputs=("shape: Tshape", "values: T", "default_value: T",
                    "row_partition_tensors: num_row_partition_tensors*Tindex"),
            kernel=_to_tensor_kernel, shape_fn=_to_tensor_shape,
            allowed={"Tshape": INDEX_TYPES, "Tindex": INDEX_TYPES}, value_inputs=(0,),
            attr_defaults={"row_partition_types": []}, grad=_to_tensor_grad)


def ragged_tensor_to_tensor(shape, values, default_value, row_partition_tensors, name=None):
    types = ["ROW_SPLITS"] * len(row_partition_tensors)
    return apply_op("RaggedTensorToTensor",
                    [shape, values, default_value, list(row_partition_tensors)],
                    name=name or "RaggedTensorToTensor", attrs={"row_partition_types": types})


# ---- RaggedTensorToSparse ------------------------------------------------------------------------

def _to_sparse_kernel(*args):
    partitions, values = list(args[:-1]), args[-1]
    coords, sizes = _value_coordinates(partitions)
    inner = values.shape[1:]
    inner_index = np.indices(inner).reshape(len(inner), -1).T if inner else np.zeros((1, 0),
                                                                                    np.int64)
    per_value = inner_index.shape[0]
    outer = np.stack(coords, axis=1) if coords else np.zeros((0, 0), np.int64)
    indices = np.concatenate([np.repeat(outer, per_value, axis=0),
                              np.tile(inner_index, (outer.shape[0], 1))], axis=1)
    return (indices.astype(np.int64), values.reshape(-1),
            np.asarray(sizes + list(inner), dtype=np.int64))


def _to_sparse_shape(op):
    values = op.inputs[-1]
    ragged_rank = len(op.inputs) - 1
    if values.shape.ndims is None:
        return [(dtypes.int64, TensorShape([None, None])), (values.dtype, TensorShape([None])),
                (dtypes.int64, TensorShape([None]))]
    rank = ragged_rank + values.shape.ndims
    nvals = values.shape.num_elements()
    return [(dtypes.int64, TensorShape([nvals, rank])), (values.dtype, TensorShape([nvals])),
            (dtypes.int64, TensorShape([rank]))]


def _to_sparse_grad(op, indices_grad, values_grad, shape_grad):
    values = op.inputs[-1]
    return [None] * (len(op.inputs) - 1) + [
        array_ops.reshape(values_grad, array_ops.shape(values))]


register_op("RaggedTensorToSparse",
            inputs=("rt_nested_splits: RAGGED_RANK*Tsplits", "rt_dense_values: T"),
            kernel=_to_sparse_kernel, shape_fn=_to_sparse_shape,
            allowed={"Tsplits": INDEX_TYPES}, grad=_to_sparse_grad)


def ragged_tensor_to_sparse(nested_splits, values, name=None):
    return apply_op("RaggedTensorToSparse", [list(nested_splits), values],
                    name=name or "RaggedTensorToSparse")


# ---- RaggedRange ---------------------------------------------------------------------------------

def _range_kernel(starts, limits, deltas, Tsplits):
    starts, limits, deltas = np.broadcast_arrays(starts, limits, deltas)
    if starts.ndim > 1:
        raise errors.InvalidArgumentError(None, None, "starts must be a scalar or vector")
    rows = []
    for start, limit, delta in zip(starts.reshape(-1), limits.reshape(-1), deltas.reshape(-1)):
        if delta == 0:
            raise errors.InvalidArgumentError(None, None, "Requires delta != 0")
        rows.append(np.arange(start, limit, delta, dtype=starts.dtype))
    lengths = [len(r) for r in rows]
    splits = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)]).astype(
        Tsplits.as_numpy_dtype)
    values = np.concatenate(rows) if rows else np.zeros([0], starts.dtype)
    return splits, values.astype(starts.dtype)


def _range_shape(op):
    sizes = [t.shape[0] for t in op.inputs if t.shape.ndims == 1]
    known = [s for s in sizes if s is not None]
    if all(t.shape.ndims == 0 for t in op.inputs):
        nrows = 1
    else:
        nrows = known[0] if known else None
    return [(op._attrs["Tsplits"], TensorShape([None if nrows is None else nrows + 1])),
            (op.inputs[0].dtype, TensorShape([None]))]


register_op("RaggedRange", inputs=("starts: T", "limits: T", "deltas: T"),
            kernel=_range_kernel, kernel_attrs=("Tsplits",), shape_fn=_range_shape,
            allowed={"T": (dtypes.bfloat16, dtypes.float32, dtypes.float64, dtypes.int32,
                           dtypes.int64)},
            attr_defaults={"Tsplits": dtypes.int64}, grad=NOT_DIFFERENTIABLE)


def ragged_range_op(starts, limits, deltas, row_splits_dtype, name=None):
    return apply_op("RaggedRange", [starts, limits, deltas], name=name or "RaggedRange",
                    attrs={"Tsplits": dtypes.as_dtype(row_splits_dtype)})


# ---- RaggedFillEmptyRows -------------------------------------------------------------------------

RaggedFillEmptyRows = collections.namedtuple(
    "RaggedFillEmptyRows",
    ["output_value_rowids", "output_values", "empty_row_indicator", "reverse_index_map"])


def _fill_empty_rows_kernel(value_rowids, values, nrows, default_value):
    nrows = int(nrows)
    counts = np.bincount(value_rowids, minlength=nrows)[:nrows] if len(value_rowids) \
        else np.zeros(nrows, np.int64)
    empty = counts == 0
    # Output row r holds its values, or one default value when it has none.
    out_counts = np.where(empty, 1, counts)
    out_starts = np.concatenate([[0], np.cumsum(out_counts)[:-1]]).astype(np.int64)
    in_starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    reverse = (out_starts[value_rowids] + np.arange(len(value_rowids))
               - in_starts[value_rowids]).astype(np.int64)
    total = int(out_counts.sum())
    out_values = np.empty((total,) + values.shape[1:], values.dtype)
    out_values[out_starts[empty]] = default_value
    out_values[reverse] = values
    out_rowids = np.repeat(np.arange(nrows, dtype=np.int64), out_counts)
    return out_rowids, out_values, empty, reverse


def _fill_empty_rows_shape(op):
    values = op.inputs[1]
    return [(dtypes.int64, TensorShape([None])),
            (values.dtype, TensorShape([None]).concatenate(values.shape[1:])
             if values.shape.ndims else TensorShape([None])),
            (dtypes.bool_, TensorShape([None])),
            (dtypes.int64, TensorShape([values.shape[0]] if values.shape.ndims else [None]))]


def _fill_empty_rows_grad(op, rowids_grad, values_grad, indicator_grad, reverse_grad):
    values_in_grad, default_grad = ragged_fill_empty_rows_grad(op.outputs[3], values_grad)
    return [None, values_in_grad, None, default_grad]


register_op("RaggedFillEmptyRows",
            inputs=("value_rowids: int64", "values: T", "nrows: int64", "default_value: T"),
            kernel=_fill_empty_rows_kernel, shape_fn=_fill_empty_rows_shape,
            grad=_fill_empty_rows_grad)


def ragged_fill_empty_rows(value_rowids, values, nrows, default_value, name=None):
    """Fills each row without values with one ``default_value`` (``tf.ragged_fill_empty_rows``:
    rows given by sorted ``value_rowids``)."""
    outputs = apply_op("RaggedFillEmptyRows", [value_rowids, values, nrows, default_value],
                       name=name or "RaggedFillEmptyRows")
    return RaggedFillEmptyRows(*outputs)


def _fill_empty_rows_grad_kernel(reverse_index_map, grad_values):
    values_grad = grad_values[reverse_index_map]
    return values_grad, np.asarray(grad_values.sum() - values_grad.sum(), grad_values.dtype)


register_op("RaggedFillEmptyRowsGrad", inputs=("reverse_index_map: int64", "grad_values: T"),
            kernel=_fill_empty_rows_grad_kernel, allowed={"T": REAL_NUMBERS},
            shape_fn=lambda op: [(op.inputs[1].dtype, op.inputs[0].shape),
                                 (op.inputs[1].dtype, TensorShape([]))],
            grad=NOT_DIFFERENTIABLE)


RaggedFillEmptyRowsGrad = collections.namedtuple("RaggedFillEmptyRowsGrad",
                                                 ["d_values", "d_default_value"])


def ragged_fill_empty_rows_grad(reverse_index_map, grad_values, name=None):
    """The gradients of RaggedFillEmptyRows' values and default value
    (``tf.ragged_fill_empty_rows_grad``)."""
    return RaggedFillEmptyRowsGrad(*apply_op(
        "RaggedFillEmptyRowsGrad", [reverse_index_map, grad_values],
        name=name or "RaggedFillEmptyRowsGrad"))


# ---- RaggedGather --------------------------------------------------------------------------------

def _gather_kernel(*args):
    """Rows ``indices`` (a vector) of the ragged tensor given by its nested splits and dense
    values: the splits of the gathered rows at every level, and their dense values."""
    partitions, values, indices = list(args[:-2]), args[-2], args[-1]
    nrows = len(partitions[0]) - 1
    bad = (indices < 0) | (indices >= nrows)
    if np.any(bad):
        i = int(np.argmax(bad))
        raise errors.InvalidArgumentError(
            None, None, f"indices[{i}] = {indices[i]} is not in [0, {nrows})")
    scalar = indices.ndim == 0
    rows = indices.astype(np.int64).reshape(-1)
    out_splits = []
    for splits in partitions:
        starts, limits = splits[rows], splits[rows + 1]
        lengths = limits - starts
        out_splits.append(np.concatenate([[0], np.cumsum(lengths)]).astype(splits.dtype))
        rows = (np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
                + np.arange(int(lengths.sum()))).astype(np.int64)
    if scalar:  # one row: its own splits are dropped
        out_splits = out_splits[1:]
    outputs = tuple(out_splits) + (values[rows],)
    return outputs if len(outputs) > 1 else outputs[0]


def _gather_shape(op):
    nsplits = op._attrs["OUTPUT_RAGGED_RANK"]
    values = op.inputs[-2]
    splits_dtype = op.inputs[0].dtype
    inner = values.shape[1:] if values.shape.ndims else unknown_shape()
    return [(splits_dtype, TensorShape([None]))] * nsplits + [
        (values.dtype, TensorShape([None]).concatenate(inner))]


def _gather_grad(op, *grads):
    """The values' gradient: each gathered value's gradient summed into the value it copies
    (found by gathering the values' own positions)."""
    partitions, values, indices = list(op.inputs[:-2]), op.inputs[-2], op.inputs[-1]
    values_shape = array_ops.shape(values)
    nvals = math_ops.cast(values_shape[0], dtypes.int64)
    positions = ragged_gather(partitions, math_ops.range(nvals), indices)[-1]
    # TF hands back IndexedSlices: each gathered value's gradient at the value it copies.
    return [None] * len(partitions) + [IndexedSlices(grads[-1], positions, values_shape),
                                       None]


register_op("RaggedGather",
            inputs=("params_nested_splits: PARAMS_RAGGED_RANK*Tsplits",
                    "params_dense_values: Tvalues", "indices: Tindices"),
            kernel=_gather_kernel, shape_fn=_gather_shape,
            allowed={"Tsplits": INDEX_TYPES, "Tindices": INDEX_TYPES},
            grad=_gather_grad)


def ragged_gather(nested_splits, values, indices, name=None) -> list:
    """``[*output_nested_splits, output_dense_values]`` of a RaggedGather op."""
    indices = ops.convert_to_tensor(indices, name="indices")
    if indices.shape.ndims is None or indices.shape.ndims > 1:
        raise NotImplementedError("tfcompat's RaggedGather takes a scalar or vector of indices")
    outputs = apply_op("RaggedGather", [list(nested_splits), values, indices],
                       name=name or "RaggedGather",
                       attrs={"OUTPUT_RAGGED_RANK": len(nested_splits) - 1
                              + indices.shape.ndims})
    return outputs if isinstance(outputs, list) else [outputs]
