"""DynamicPartition / DynamicStitch (each the other's gradient), HistogramFixedWidth, and
searchsorted (LowerBound / UpperBound)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.op_helpers import REAL_NUMBERS


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


# ---- DynamicPartition ------------------------------------------------------------------------

def _dynamic_partition_shape(op):
    data, partitions = op.inputs
    n = op._attrs["num_partitions"]
    dtype = data.dtype.base_dtype
    if data.shape.ndims is None or partitions.shape.ndims is None:
        return [(dtype, unknown_shape())] * n
    rest = data.shape.as_tuple()[partitions.shape.ndims:]
    return [(dtype, TensorShape._from_tuple((None,) + rest))] * n


def _dynamic_partition_kernel(data, partitions, num_partitions):
    data, partitions = np.asarray(data), np.asarray(partitions)
    if data.shape[:partitions.ndim] != partitions.shape:
        raise _invalid(f"data.shape must start with partitions.shape, got data.shape = "
                       f"{list(data.shape)}, partitions.shape = {list(partitions.shape)}")
    flat = partitions.reshape(-1)
    bad = np.flatnonzero((flat < 0) | (flat >= num_partitions))
    if bad.size:
        i = int(bad[0])
        raise _invalid(f"partitions[{i}] = {flat[i]} is not in [0, {num_partitions})")
    rows = data.reshape((flat.size,) + data.shape[partitions.ndim:])
    return tuple(rows[flat == p] for p in range(num_partitions))


def _dynamic_partition_grad(op, *grads):
    data, partitions = op.inputs
    num = op._attrs["num_partitions"]
    original_indices = array_ops.reshape(
        math_ops.range(0, array_ops.size(partitions), 1), array_ops.shape(partitions))
    partitioned_indices = dynamic_partition(original_indices, partitions, num)
    grads = [g if g is not None else array_ops.zeros_like(out)
             for g, out in zip(grads, op.outputs)]
    stitched = dynamic_stitch(partitioned_indices, grads)
    return array_ops.reshape(stitched, array_ops.shape(data)), None


register_op("DynamicPartition", inputs=("data: T", "partitions: int32"),
            kernel=_dynamic_partition_kernel, kernel_attrs=("num_partitions",),
            shape_fn=_dynamic_partition_shape,
            grad=_dynamic_partition_grad)


def dynamic_partition(data, partitions, num_partitions, name=None) -> list[Tensor]:
    """Splits ``data`` into ``num_partitions`` tensors by the partition of each row."""
    result = apply_op("DynamicPartition", [data, partitions], name=name,
                      attrs={"num_partitions": int(num_partitions)})
    return result if isinstance(result, list) else [result]


# ---- DynamicStitch ---------------------------------------------------------------------------

def _dynamic_stitch_shape(op):
    n = len(op.inputs) // 2
    indices, data = op.inputs[:n], op.inputs[n:]
    dtype = data[0].dtype.base_dtype
    total = 0
    for t in indices:
        value = tensor_util.constant_value(t)
        if value is None:
            total = None
            break
        total = max(total, int(np.max(value)) + 1 if np.size(value) else 0)
    rest = None
    for i, d in zip(indices, data):
        if i.shape.ndims is None or d.shape.ndims is None:
            continue
        tail = TensorShape._from_tuple(d.shape.as_tuple()[i.shape.ndims:])
        if rest is not None and not rest.is_compatible_with(tail):
            raise ShapeError(f"Dimensions must be equal, but are {rest} and {tail}")
        rest = tail if rest is None else rest.merge_with(tail)
    if rest is None:
        return [(dtype, unknown_shape())]
    return [(dtype, TensorShape._from_tuple((total,)).concatenate(rest))]


def _dynamic_stitch_kernel(*args):
    n = len(args) // 2
    indices, data = [np.asarray(a) for a in args[:n]], [np.asarray(a) for a in args[n:]]
    size = max((int(i.max()) + 1 for i in indices if i.size), default=0)
    tail = data[0].shape[indices[0].ndim:]
    out = np.zeros((size,) + tail, dtype=data[0].dtype)
    for i, d in zip(indices, data):
        if d.shape[:i.ndim] != i.shape:
            raise _invalid(f"data[...].shape = {list(d.shape)} does not start with "
                           f"indices[...].shape = {list(i.shape)}")
        out[i.reshape(-1)] = d.reshape((i.size,) + tail)
    return out


def _dynamic_stitch_grad(op, grad):
    n = len(op.inputs) // 2
    indices = op.inputs[:n]
    return [None] * n + [array_ops.reshape(
        _gather(grad, i), array_ops.shape(d)) for i, d in zip(indices, op.inputs[n:])]


def _gather(params, indices):
    from tfcompat.ops import slicing_ops
    return slicing_ops.gather(params, indices)


register_op("DynamicStitch", inputs=("indices: N*int32", "data: N*T"),
            kernel=_dynamic_stitch_kernel, shape_fn=_dynamic_stitch_shape,
            grad=_dynamic_stitch_grad)


def dynamic_stitch(indices, data, name=None) -> Tensor:
    """Interleaves the rows of ``data`` tensors into one tensor at ``indices``."""
    return apply_op("DynamicStitch", [list(indices), list(data)], name=name)


# ---- HistogramFixedWidth ---------------------------------------------------------------------

def _histogram_shape(op):
    nbins = tensor_util.constant_value(op.inputs[2])
    return [(op._attrs["dtype"], TensorShape._from_tuple(
        (None if nbins is None else int(nbins),)))]


def _bin_indices(values: np.ndarray, value_range: np.ndarray, nbins: int) -> np.ndarray:
    low, high = (float(v) for v in np.asarray(value_range, np.float64))
    scaled = (np.asarray(values, np.float64) - low) / (high - low)
    return np.clip(np.floor(scaled * nbins), 0, nbins - 1).astype(np.int64)


def _histogram_kernel(values, value_range, nbins, dtype):
    nbins = int(nbins)
    if nbins <= 0:
        raise _invalid(f"nbins should be a positive number, but got '{nbins}'")
    value_range = np.asarray(value_range)
    if value_range[0] >= value_range[1]:
        raise _invalid("value_range should satisfy value_range[0] < value_range[1], but got "
                       f"'[{value_range[0]}, {value_range[1]}]'")
    bins = _bin_indices(np.asarray(values).reshape(-1), value_range, nbins)
    return np.bincount(bins, minlength=nbins).astype(dtype.as_numpy_dtype)


register_op("HistogramFixedWidth", inputs=("values: T", "value_range: T", "nbins: int32"),
            kernel=_histogram_kernel, kernel_attrs=("dtype",), shape_fn=_histogram_shape,
            allowed={"T": REAL_NUMBERS}, attr_defaults={"dtype": dtypes.int32},
            value_inputs=(2,), grad=NOT_DIFFERENTIABLE)


def histogram_fixed_width(values, value_range, nbins=100, dtype=dtypes.int32,
                          name=None) -> Tensor:
    """Counts of ``values`` in ``nbins`` equal-width bins over ``value_range`` (values outside
    fall in the first or last bin)."""
    with ops.name_scope(name, "histogram_fixed_width", [values, value_range, nbins]) as scope:
        return apply_op("HistogramFixedWidth", [values, value_range, nbins], name=scope,
                        attrs={"dtype": dtypes.as_dtype(dtype)})


def histogram_fixed_width_bins(values, value_range, nbins=100, dtype=dtypes.int32,
                               name=None) -> Tensor:
    """The bin index of each value for the bins of ``histogram_fixed_width``."""
    with ops.name_scope(name, "histogram_fixed_width_bins", [values, value_range, nbins]):
        values = convert_to_tensor(values, name="values")
        shape = array_ops.shape(values)
        flat = array_ops.reshape(values, [-1])
        value_range = convert_to_tensor(value_range, name="value_range", dtype=values.dtype)
        nbins = convert_to_tensor(nbins, dtype=dtypes.int32, name="nbins")
        scaled = math_ops.truediv(flat - value_range[0], value_range[1] - value_range[0])
        indices = math_ops.floor(math_ops.cast(nbins, scaled.dtype) * scaled)
        indices = math_ops.clip_by_value(math_ops.cast(indices, dtypes.int32), 0, nbins - 1)
        return array_ops.reshape(math_ops.cast(indices, dtype), shape)


# ---- searchsorted ----------------------------------------------------------------------------

def _bound_shape(op):
    sorted_inputs, values = op.inputs
    return [(op._attrs["out_type"], values.shape)]


def _bound_kernel(side: str):
    def kernel(sorted_inputs, values, out_type):
        sorted_inputs, values = np.asarray(sorted_inputs), np.asarray(values)
        if sorted_inputs.shape[:-1] != values.shape[:-1]:
            raise _invalid("Leading dim_size of both tensors must match.")
        rows_sorted = sorted_inputs.reshape(-1, sorted_inputs.shape[-1])
        rows_values = values.reshape(-1, values.shape[-1])
        out = np.stack([np.searchsorted(s, v, side=side)
                        for s, v in zip(rows_sorted, rows_values)]) if rows_values.size else \
            np.zeros(rows_values.shape, np.int64)
        return out.reshape(values.shape).astype(out_type.as_numpy_dtype)
    return kernel


for _op_type, _side in (("LowerBound", "left"), ("UpperBound", "right")):
    register_op(_op_type, inputs=("sorted_inputs: T", "values: T"),
                kernel=_bound_kernel(_side), kernel_attrs=("out_type",), shape_fn=_bound_shape,
                attr_defaults={"out_type": dtypes.int32}, grad=NOT_DIFFERENTIABLE)


def searchsorted(sorted_sequence, values, side="left", out_type=dtypes.int32,
                 name=None) -> Tensor:
    """Indices where ``values`` would be inserted into the last axis of ``sorted_sequence``."""
    if side not in ("left", "right"):
        raise ValueError(f"Argument `side` must be either 'right' or 'left'. Received: "
                         f"`side` = '{side}'.")
    sorted_sequence = convert_to_tensor(sorted_sequence)
    values = convert_to_tensor(values, dtype=sorted_sequence.dtype.base_dtype)
    op_type = "LowerBound" if side == "left" else "UpperBound"
    if sorted_sequence.shape.ndims is not None and sorted_sequence.shape.ndims < 1:
        raise ValueError("sorted_sequence must have rank >= 1")
    # As TF: search row by row on 2-D views, then restore the shape of ``values``.
    sequence_2d = array_ops.reshape(sorted_sequence, [-1, array_ops.shape(sorted_sequence)[-1]])
    values_2d = array_ops.reshape(values, [-1, array_ops.shape(values)[-1]])
    result = apply_op(op_type, [sequence_2d, values_2d],
                      attrs={"out_type": dtypes.as_dtype(out_type)})
    return array_ops.reshape(result, array_ops.shape(values), name=name)

