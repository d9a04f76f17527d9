"""More of ``tf.sparse``: expand_dims, eye, reset_shape, sparse-result reductions, mask,
segment reductions over a dense tensor's selected rows, and SparseTensor serialization."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_protos import tensor_proto
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.ops import array_ops, math_ops, slicing_ops
from tfcompat.ops.record_ops import _proto_array
from tfcompat.ops.sparse_math_ops import _axes
from tfcompat.ops.sparse_ops import _convert
from tfcompat.protobuf.tensor_pb2 import TensorProto

_INDEX = (dtypes.int32, dtypes.int64)


def sparse_expand_dims(sp_input, axis=None, name=None):
    """Inserts a dimension of size 1 at ``axis`` (``tf.sparse.expand_dims``)."""
    sp_input = _convert(sp_input)
    with ops.name_scope(name, "expand_dims", [sp_input]):
        rank = sp_input.dense_shape.shape[0].value
        axis = -1 if axis is None else axis
        if rank is None:
            raise ValueError("tfcompat needs the rank of the SparseTensor to expand it")
        position = axis + rank + 1 if axis < 0 else axis
        n = array_ops.shape(sp_input.indices, out_type=dtypes.int64)[:1]
        zeros = array_ops.zeros(array_ops.concat([n, [1]], 0), dtype=dtypes.int64)
        indices = array_ops.concat([sp_input.indices[:, :position], zeros,
                                    sp_input.indices[:, position:]], axis=1)
        one = ops.convert_to_tensor([1], dtype=dtypes.int64)
        shape = array_ops.concat([sp_input.dense_shape[:position], one,
                                  sp_input.dense_shape[position:]], axis=0)
        return SparseTensor(indices, sp_input.values, shape)


def sparse_eye(num_rows, num_columns=None, dtype=dtypes.float32, name=None):
    """The sparse identity matrix ``[num_rows, num_columns]``."""
    with ops.name_scope(name, "eye", [num_rows, num_columns]):
        num_rows = ops.convert_to_tensor(num_rows, dtype=dtypes.int64, name="num_rows")
        num_columns = num_rows if num_columns is None else ops.convert_to_tensor(
            num_columns, dtype=dtypes.int64, name="num_columns")
        diag = math_ops.minimum(num_rows, num_columns)
        diag_range = math_ops.range(diag, dtype=dtypes.int64)
        indices = array_ops.stack([diag_range, diag_range], axis=1)
        values = array_ops.ones(array_ops.expand_dims(diag, 0), dtype=dtype)
        return SparseTensor(indices, values, array_ops.stack([num_rows, num_columns]))


def sparse_reset_shape(sp_input, new_shape=None):
    """The SparseTensor with a new dense shape (the tightest one when None)."""
    sp_input = _convert(sp_input)
    indices = array_ops.identity(sp_input.indices)
    values = array_ops.identity(sp_input.values)
    if new_shape is None:
        shape = math_ops.reduce_max(indices, axis=0) + 1
        return SparseTensor(indices, values, shape)
    shape = ops.convert_to_tensor(new_shape, dtype=dtypes.int64)
    value = constant_value(shape)
    if value is not None and sp_input.shape.is_fully_defined():
        old = sp_input.shape.as_list()
        if len(old) != len(value) or any(int(n) < o for n, o in zip(value, old)):
            raise ValueError("Shape of new shape must be compatible with and no smaller than "
                             "the shape of the input")
    return SparseTensor(indices, values, array_ops.identity(shape))


# ---- reductions with sparse results -----------------------------------------------------------

def _bind_reduce_sparse(reducer):
    def bind(op, state):
        keep = op._attrs["keep_dims"]

        def kernel(indices, values, shape, axes):
            idx = np.asarray(indices, dtype=np.int64).reshape(-1, len(shape))
            axes = _axes(axes, len(shape))
            kept = [d for d in range(len(shape)) if d not in axes]
            groups: dict = {}
            for row, value in zip(idx, np.asarray(values)):
                key = tuple(0 if (d in axes) else int(row[d]) for d in range(len(shape))) \
                    if keep else tuple(int(row[d]) for d in kept)
                groups.setdefault(key, []).append(value)
            keys = sorted(groups)
            out_values = np.asarray([reducer(groups[k]) for k in keys],
                                    dtype=np.asarray(values).dtype).reshape(-1)
            out_rank = len(shape) if keep else len(kept)
            out_shape = [1 if d in axes else int(shape[d]) for d in range(len(shape))] if keep \
                else [int(shape[d]) for d in kept]
            return (np.asarray(keys, dtype=np.int64).reshape(-1, out_rank), out_values,
                    np.asarray(out_shape, dtype=np.int64))
        return kernel
    return bind


for _type, _reducer in (("SparseReduceSumSparse", sum), ("SparseReduceMaxSparse", max)):
    register_op(_type, inputs=("input_indices: int64", "input_values: T",
                               "input_shape: int64", "reduction_axes: int32"),
                shape_fn=lambda op: [(dtypes.int64, unknown_shape()),
                                     (op.inputs[1].dtype, unknown_shape()),
                                     (dtypes.int64, unknown_shape())],
                bind=_bind_reduce_sparse(_reducer), attr_defaults={"keep_dims": False},
                foldable=False, grad=NOT_DIFFERENTIABLE)


def _reduce_sparse(op_type, sp_input, axis, keepdims, name):
    sp_input = _convert(sp_input)
    axis = [] if axis is None else axis
    out = ops.apply_op(op_type, [sp_input.indices, sp_input.values, sp_input.dense_shape,
                                 ops.convert_to_tensor(axis, dtype=dtypes.int32,
                                                       name="reduction_axes")],
                       name=name or op_type, attrs={"keep_dims": bool(keepdims)})
    return SparseTensor(*out)


def sparse_reduce_sum_sparse(sp_input, axis=None, keepdims=None, reduction_axes=None,
                             keep_dims=None, name=None):
    """Like ``reduce_sum``, returning a SparseTensor of the non-empty results."""
    axis = reduction_axes if axis is None else axis
    return _reduce_sparse("SparseReduceSumSparse", sp_input, axis,
                          keep_dims if keepdims is None else keepdims, name)


def sparse_reduce_max_sparse(sp_input, axis=None, keepdims=None, reduction_axes=None,
                             keep_dims=None, name=None):
    """Like ``reduce_max``, returning a SparseTensor of the non-empty results."""
    axis = reduction_axes if axis is None else axis
    return _reduce_sparse("SparseReduceMaxSparse", sp_input, axis,
                          keep_dims if keepdims is None else keepdims, name)


def sparse_mask(a, mask_indices, name=None):
    """The slices of IndexedSlices ``a`` whose indices are not in ``mask_indices``."""
    with ops.name_scope(name, "sparse_mask", [a, mask_indices]) as name:
        indices = a.indices
        mask_indices = ops.convert_to_tensor(mask_indices, dtype=indices.dtype)
        hit = math_ops.reduce_any(math_ops.equal(array_ops.expand_dims(indices, 1),
                                                 array_ops.expand_dims(mask_indices, 0)), 1)
        keep = array_ops.reshape(math_ops.where(math_ops.logical_not(hit)), [-1])
        out_indices = slicing_ops.gather(indices, keep)
        out_values = slicing_ops.gather(a.values, keep, name=name)
        return IndexedSlices(out_values, out_indices, a.dense_shape)


# ---- segment reductions over selected rows ----------------------------------------------------

def _segment_kernel(mode: str):
    def kernel(data, indices, segment_ids, num_segments=None):
        data = np.asarray(data)
        indices = np.asarray(indices).reshape(-1)
        segment_ids = np.asarray(segment_ids).reshape(-1)
        if len(indices) != len(segment_ids):
            raise errors.InvalidArgumentError(None, None, "segment_ids and indices should have "
                                              "same size.")
        if np.any(indices < 0) or np.any(indices >= data.shape[0]):
            bad = int(np.flatnonzero((indices < 0) | (indices >= data.shape[0]))[0])
            raise errors.InvalidArgumentError(
                None, None, f"Index {indices[bad]} out of range [0, {data.shape[0]}).")
        if len(segment_ids) and np.any(np.diff(segment_ids) < 0):
            raise errors.InvalidArgumentError(None, None, "segment ids are not increasing")
        rows = int(num_segments) if num_segments is not None else (
            int(segment_ids[-1]) + 1 if len(segment_ids) else 0)
        out = np.zeros((rows,) + data.shape[1:], dtype=data.dtype)
        np.add.at(out, segment_ids, data[indices])
        if mode != "sum":
            counts = np.bincount(segment_ids, minlength=rows)[:rows].astype(data.dtype)
            # Multiplied by the reciprocal (computed in the data's precision), as TF does.
            divisor = np.where(counts > 0, counts if mode == "mean" else np.sqrt(counts), 1)
            scale = (np.ones((), data.dtype) / divisor.astype(data.dtype))
            out = (out * scale.reshape((rows,) + (1,) * (data.ndim - 1))).astype(data.dtype)
        return out
    return kernel


def _segment_shape(op, with_num: bool):
    data = op.inputs[0].shape
    rows = None
    if with_num:
        value = constant_value(op.inputs[3])
        rows = int(value) if value is not None else None
    rest = data[1:] if data.ndims is not None else unknown_shape()
    return [(op.inputs[0].dtype, TensorShape([rows]).concatenate(rest))]


def _segment_grad(mode: str):
    def grad(op, dy):
        data, indices, segment_ids = op.inputs[:3]
        rows_out = array_ops.shape(dy)[0]
        picked = slicing_ops.gather(dy, segment_ids)
        if mode != "sum":
            ones = array_ops.ones_like(segment_ids, dtype=data.dtype)
            counts = slicing_ops.unsorted_segment_sum(ones, segment_ids, rows_out)
            counts = math_ops.maximum(counts, ops.convert_to_tensor(1, dtype=data.dtype))
            scale = 1.0 / (counts if mode == "mean" else math_ops.sqrt(counts))
            shape = array_ops.concat([[-1], array_ops.ones_like(array_ops.shape(data)[1:])], 0)
            picked = picked * array_ops.reshape(slicing_ops.gather(scale, segment_ids), shape)
        rows_in = array_ops.shape(data)[0]
        data_grad = slicing_ops.unsorted_segment_sum(picked, indices, rows_in)
        return [data_grad, None, None] + [None] * (len(op.inputs) - 3)
    return grad


_SEGMENT_ALLOWED = {"Tidx": _INDEX, "Tsegmentids": _INDEX}
for _base, _mode in (("SparseSegmentSum", "sum"), ("SparseSegmentMean", "mean"),
                     ("SparseSegmentSqrtN", "sqrt_n")):
    register_op(_base, inputs=("data: T", "indices: Tidx", "segment_ids: Tsegmentids"),
                shape_fn=lambda op: _segment_shape(op, False), kernel=_segment_kernel(_mode),
                allowed=_SEGMENT_ALLOWED, foldable=False, grad=_segment_grad(_mode))
    register_op(_base + "WithNumSegments",
                inputs=("data: T", "indices: Tidx", "segment_ids: Tsegmentids",
                        "num_segments: Tnumsegments"),
                shape_fn=lambda op: _segment_shape(op, True), kernel=_segment_kernel(_mode),
                allowed={**_SEGMENT_ALLOWED, "Tnumsegments": _INDEX}, value_inputs=(3,),
                foldable=False, grad=_segment_grad(_mode))


def _segment(base, data, indices, segment_ids, name, num_segments):
    if num_segments is None:
        return ops.apply_op(base, [data, indices, segment_ids], name=name or base)
    return ops.apply_op(base + "WithNumSegments", [data, indices, segment_ids, num_segments],
                        name=name or base + "WithNumSegments")


def sparse_segment_sum(data, indices, segment_ids, name=None, num_segments=None):
    """Sums the rows ``data[indices]`` per segment id (ids sorted)."""
    return _segment("SparseSegmentSum", data, indices, segment_ids, name, num_segments)


def sparse_segment_mean(data, indices, segment_ids, name=None, num_segments=None):
    """Averages the rows ``data[indices]`` per segment id."""
    return _segment("SparseSegmentMean", data, indices, segment_ids, name, num_segments)


def sparse_segment_sqrt_n(data, indices, segment_ids, name=None, num_segments=None):
    """Sums the rows ``data[indices]`` per segment, divided by sqrt(segment size)."""
    return _segment("SparseSegmentSqrtN", data, indices, segment_ids, name, num_segments)


# ---- serialization ----------------------------------------------------------------------------

def _proto_bytes(value, dtype) -> bytes:
    return tensor_proto(np.asarray(value), dtype, as_content=True).SerializeToString()


def _bind_serialize(op, state):
    dtype = op._attrs["T"]
    as_variant = op._attrs["out_type"] is dtypes.variant

    def kernel(indices, values, shape):
        if as_variant:  # kept as arrays: a variant never leaves the process
            out = np.empty((), dtype=object)
            out[()] = (np.asarray(indices, np.int64), np.asarray(values),
                       np.asarray(shape, np.int64))
            return out
        out = np.empty(3, dtype=object)
        out[:] = [_proto_bytes(np.asarray(indices, np.int64), dtypes.int64),
                  _proto_bytes(values, dtype), _proto_bytes(np.asarray(shape, np.int64),
                                                            dtypes.int64)]
        return out
    return kernel


register_op("SerializeSparse", inputs=("sparse_indices: int64", "sparse_values: T",
                                       "sparse_shape: int64"),
            shape_fn=lambda op: [(op._attrs["out_type"], TensorShape([3]))],
            bind=_bind_serialize,
            attr_defaults={"out_type": dtypes.string}, foldable=False,
            grad=NOT_DIFFERENTIABLE)


def _bind_serialize_many(op, state):
    dtype = op._attrs["T"]

    def kernel(indices, values, shape):
        indices = np.asarray(indices, np.int64).reshape(-1, len(shape))
        values = np.asarray(values)
        rows = int(shape[0])
        out = np.empty((rows, 3), dtype=object)
        for r in range(rows):
            keep = indices[:, 0] == r
            out[r] = [_proto_bytes(indices[keep][:, 1:], dtypes.int64),
                      _proto_bytes(values[keep], dtype),
                      _proto_bytes(np.asarray(shape[1:], np.int64), dtypes.int64)]
        return out
    return kernel


register_op("SerializeManySparse", inputs=("sparse_indices: int64", "sparse_values: T",
                                           "sparse_shape: int64"),
            shape_fn=lambda op: [(dtypes.string, TensorShape([None, 3]))],
            bind=_bind_serialize_many, attr_defaults={"out_type": dtypes.string},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def _parse_proto(data: bytes, dtype) -> np.ndarray:
    return _proto_array(TensorProto.FromString(bytes(data)), dtype)


def _bind_deserialize_many(op, state):
    dtype = op._attrs["dtype"]

    def kernel(serialized):
        serialized = np.asarray(serialized, dtype=object).reshape(-1, 3)
        all_indices, all_values, shape = [], [], None
        for r, (i, v, s) in enumerate(serialized):
            sub = _parse_proto(s, dtypes.int64)
            idx = _parse_proto(i, dtypes.int64).reshape(-1, len(sub))
            vals = _parse_proto(v, dtype)
            shape = sub if shape is None else np.maximum(shape, sub)
            all_indices.append(np.hstack([np.full((len(idx), 1), r, np.int64), idx]))
            all_values.append(vals)
        indices = np.concatenate(all_indices) if all_indices else np.zeros((0, 1), np.int64)
        values = np.concatenate(all_values) if all_values else np.zeros(0, dtype.as_numpy_dtype)
        dense = np.concatenate([[len(serialized)], shape if shape is not None else []])
        order = np.lexsort(indices.T[::-1]) if len(indices) else np.arange(0)
        return indices[order], values[order], dense.astype(np.int64)
    return kernel


register_op("DeserializeManySparse", inputs=("serialized_sparse: string",),
            shape_fn=lambda op: [(dtypes.int64, TensorShape([None, None])),
                                 (op._attrs["dtype"], TensorShape([None])),
                                 (dtypes.int64, TensorShape([None]))],
            bind=_bind_deserialize_many, foldable=False, grad=NOT_DIFFERENTIABLE)


def serialize_sparse(sp_input, name=None, out_type=dtypes.string):
    """A SparseTensor as 3 serialized TensorProtos (indices, values, shape)."""
    sp_input = _convert(sp_input)
    return ops.apply_op("SerializeSparse", [sp_input.indices, sp_input.values,
                                            sp_input.dense_shape],
                        name=name or "SerializeSparse", attrs={"out_type": out_type})


def _bind_deserialize(op, state):
    dtype = op._attrs["dtype"]

    def kernel(serialized):
        value = np.asarray(serialized, dtype=object)
        if value.ndim == 0:  # a variant triple
            indices, values, shape = value[()]
            return (np.asarray(indices, np.int64), np.asarray(values, dtype.as_numpy_dtype),
                    np.asarray(shape, np.int64))
        i, v, s = value.reshape(3)
        shape = _parse_proto(s, dtypes.int64)
        return (_parse_proto(i, dtypes.int64).reshape(-1, len(shape)), _parse_proto(v, dtype),
                shape)
    return kernel


register_op("DeserializeSparse", inputs=("serialized_sparse: Tserialized",),
            shape_fn=lambda op: [(dtypes.int64, TensorShape([None, None])),
                                 (op._attrs["dtype"], TensorShape([None])),
                                 (dtypes.int64, TensorShape([None]))],
            bind=_bind_deserialize, allowed={"Tserialized": (dtypes.string, dtypes.variant)},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def deserialize_sparse(serialized_sparse, dtype, shape=None, name=None):
    """The SparseTensor of a ``serialize_sparse`` output (``shape``: its static dense shape)."""
    out = ops.apply_op("DeserializeSparse", [serialized_sparse],
                       name=name or "DeserializeSparse",
                       attrs={"dtype": dtypes.as_dtype(dtype)})
    result = SparseTensor(*out)
    if shape is not None and shape.ndims is not None:
        result.indices.set_shape([None, shape.ndims])
        result.dense_shape.set_shape([shape.ndims])
        result._dense_shape_default = shape
    return result


def serialize_many_sparse(sp_input, name=None, out_type=dtypes.string):
    """Each row of a rank-N SparseTensor serialized as a rank-(N-1) one: ``[rows, 3]``."""
    sp_input = _convert(sp_input)
    return ops.apply_op("SerializeManySparse", [sp_input.indices, sp_input.values,
                                                sp_input.dense_shape],
                        name=name or "SerializeManySparse", attrs={"out_type": out_type})


def deserialize_many_sparse(serialized_sparse, dtype, rank=None, name=None):
    """The SparseTensor batching the rows of ``serialize_many_sparse`` output."""
    out = ops.apply_op("DeserializeManySparse", [serialized_sparse],
                       name=name or "DeserializeManySparse",
                       attrs={"dtype": dtypes.as_dtype(dtype)})
    result = SparseTensor(*out)
    if rank is not None:
        result.indices.set_shape([None, rank])
        result.dense_shape.set_shape([rank])
    return result

