"""Conversions between RaggedTensor and dense / sparse tensors (``to_tensor``, ``to_sparse``,
``RaggedTensor.from_tensor``, ``RaggedTensor.from_sparse``)."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.sparse_tensor import SparseTensor, SparseTensorValue
from tfcompat.ops import (
    array_extra_ops,
    array_ops,
    constant_op,
    control_flow_ops,
    math_ops,
)
from tfcompat.ops.ragged import ragged_kernels
from tfcompat.ops.ragged.ragged_checks import runtime_assert


def to_tensor(rt, default_value, name, shape):
    with ops.name_scope(name, "RaggedToTensor", [rt, default_value, shape]):
        splits_dtype = rt.row_splits.dtype
        if shape is None:
            shape_t = constant_op.constant(-1, dtype=splits_dtype)
        else:
            shape_t = ops.convert_to_tensor(
                [-1 if d is None else d for d in shape] if isinstance(shape, (list, tuple))
                else shape, dtype=splits_dtype)
        values = rt.flat_values
        if default_value is None:
            default_value = array_ops.zeros((), dtype=values.dtype)
        else:
            default_value = ops.convert_to_tensor(default_value, name="default_value",
                                                  dtype=values.dtype)
        return ragged_kernels.ragged_tensor_to_tensor(shape_t, values, default_value,
                                                      rt.nested_row_splits)


def to_sparse(rt, name):
    with ops.name_scope(name, "RaggedToSparse", [rt]):
        indices, values, dense_shape = ragged_kernels.ragged_tensor_to_sparse(
            rt.nested_row_splits, rt.flat_values)
        return SparseTensor(indices, values, dense_shape)


def from_tensor(cls, tensor, lengths, padding, ragged_rank, name, row_splits_dtype):
    if lengths is not None and padding is not None:
        raise ValueError("Specify argument `lengths` or `padding`, but not both.")
    if not isinstance(ragged_rank, int):
        raise TypeError(f"Argument `ragged_rank` must be an int. Received {ragged_rank}.")
    if lengths is None and padding is None:
        return _from_uniform_tensor(cls, tensor, ragged_rank, name, row_splits_dtype)
    if ragged_rank != 1:
        raise NotImplementedError("tfcompat's RaggedTensor.from_tensor supports ragged_rank=1 "
                                  "only with lengths or padding")
    with ops.name_scope(name, "RaggedFromTensor", [tensor, lengths, padding]):
        tensor = ops.convert_to_tensor(tensor, name="tensor")
        tensor.shape.with_rank_at_least(2)
        ncols = array_ops.shape(tensor, out_type=row_splits_dtype)[1]
        if padding is not None:
            padding = ops.convert_to_tensor(padding, name="padding", dtype=tensor.dtype)
            is_value = math_ops.not_equal(tensor, padding)
            for _ in range(tensor.shape.ndims - 2):
                is_value = math_ops.reduce_any(is_value, axis=-1)
            # A row ends after its last non-padding element.
            positions = math_ops.range(1, ncols + 1, dtype=row_splits_dtype)
            lengths = math_ops.reduce_max(
                math_ops.where_v2(is_value, array_ops.broadcast_to(positions, array_ops.shape(
                    is_value, out_type=row_splits_dtype)), array_ops.zeros_like(
                    is_value, dtype=row_splits_dtype)), axis=1)
        else:
            lengths = math_ops.cast(ops.convert_to_tensor(lengths, name="lengths"),
                                    row_splits_dtype)
            lengths = math_ops.minimum(lengths, ncols)
        mask = array_extra_ops.sequence_mask(lengths, ncols)
        values = array_ops.boolean_mask(tensor, mask)
        return cls.from_row_lengths(values, lengths, validate=False)


def _from_uniform_tensor(cls, tensor, ragged_rank, name, row_splits_dtype):
    """Every row whole: the outer ``ragged_rank + 1`` dimensions of ``tensor`` flattened into
    the values, then regrouped by uniform row lengths (static where the shape is known)."""
    with ops.name_scope(name, "RaggedFromTensor", [tensor]):
        tensor = ops.convert_to_tensor(tensor, name="tensor")
        if tensor.shape.ndims is not None and ragged_rank >= tensor.shape.ndims:
            raise ValueError(f"ragged_rank must be less than rank(tensor); got "
                             f"ragged_rank={ragged_rank}, rank={tensor.shape.ndims}")
        static = tensor.shape.as_list() if tensor.shape.ndims is not None else None
        dims = array_ops.shape(tensor, out_type=row_splits_dtype)
        outer = 1
        for axis in range(ragged_rank + 1):
            outer = outer * dims[axis]
        values = array_ops.reshape(tensor, array_ops.concat(
            [array_ops.reshape(outer, [1]), dims[ragged_rank + 1:]], axis=0))
        result = values
        for axis in range(ragged_rank, 0, -1):
            known = static is not None and all(d is not None for d in static[:axis + 1])
            length = static[axis] if known else dims[axis]
            nrows = 1
            for d in range(axis):
                nrows = nrows * (static[d] if known else dims[d])
            result = cls.from_uniform_row_length(result, length, nrows=nrows, validate=False)
        return result


def from_sparse(cls, st_input, name, row_splits_dtype):
    if isinstance(st_input, SparseTensorValue):
        st_input = SparseTensor.from_value(st_input)
    if not isinstance(st_input, SparseTensor):
        raise TypeError(f"st_input must be a SparseTensor; got {st_input!r}")
    with ops.name_scope(name, "RaggedFromSparse", [st_input]):
        if st_input.indices.shape[1] not in (None, 2):
            raise ValueError("rank(st_input) must be 2.")
        rows = st_input.indices[:, 0]
        cols = st_input.indices[:, 1]
        # Right-ragged: each value's column is its position within its row.
        first = math_ops.cast(array_ops.concat([[True], math_ops.not_equal(
            rows[1:], rows[:-1])], axis=0), dtypes.int64)
        segment_starts = array_ops.cumsum(first) - 1
        expected = math_ops.range(array_ops.shape(rows, out_type=dtypes.int64)[0]) - \
            array_ops.gather(array_ops.boolean_mask(
                math_ops.range(array_ops.shape(rows, out_type=dtypes.int64)[0]),
                math_ops.cast(first, dtypes.bool_)), segment_starts)
        check = runtime_assert(math_ops.equal(cols, expected), "SparseTensor is not right-ragged",
                               "Assert")
        values = control_flow_ops.with_dependencies([check], st_input.values)
        return cls.from_value_rowids(values, math_ops.cast(rows, row_splits_dtype),
                                     math_ops.cast(st_input.dense_shape[0], row_splits_dtype),
                                     validate=False)
