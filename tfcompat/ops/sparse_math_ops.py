"""Sparse reductions and products (``tf.sparse``): reduce_sum/max (dense and sparse results),
sparse-dense matmul, softmax, fill_empty_rows, slice, split, maximum/minimum."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.framework.tensor_util import constant_value, constant_value_as_shape
from tfcompat.ops import array_ops, math_ops, slicing_ops
from tfcompat.ops.sparse_ops import _convert, _rank_of, _sparse_out, gather_at


def _densify(indices, values, shape, fill=0):
    shape = tuple(int(d) for d in shape)
    out = np.full(shape, fill, dtype=np.asarray(values).dtype)
    indices = np.asarray(indices, dtype=np.int64).reshape(-1, len(shape))
    if len(indices):
        out[tuple(indices.T)] = values
    return out


def _axes(axes, rank):
    axes = np.asarray(axes).reshape(-1)
    if axes.size == 0:
        return tuple(range(rank))
    return tuple(sorted({int(a) % rank if rank else 0 for a in axes}))


# ---- reductions -------------------------------------------------------------------------------

def _reduce_shape(op):
    shape_value = constant_value(op.inputs[2])
    dense = TensorShape([int(d) for d in shape_value]) if shape_value is not None else \
        unknown_shape()
    axes = constant_value(op.inputs[3])
    keep = op._attrs["keep_dims"]
    dtype = op.inputs[1].dtype
    if dense.ndims is None or axes is None:
        return [(dtype, unknown_shape())]
    reduced = _axes(axes, dense.ndims)
    dims = [1 if i in reduced else d for i, d in enumerate(dense.as_list())
            if keep or i not in reduced]
    return [(dtype, TensorShape(dims))]


def _bind_reduce(reducer, fill):
    def bind(op, state):
        keep = op._attrs["keep_dims"]

        def kernel(indices, values, shape, axes):
            dense = _densify(indices, values, shape, fill(np.asarray(values).dtype))
            axes = _axes(axes, dense.ndim)
            if reducer is np.max:
                # Only the present values count (an all-missing row reduces to the fill).
                present = np.zeros(dense.shape, dtype=bool)
                idx = np.asarray(indices, dtype=np.int64).reshape(-1, dense.ndim)
                if len(idx):
                    present[tuple(idx.T)] = True
                masked = np.where(present, dense, fill(dense.dtype))
                result = reducer(masked, axis=axes, keepdims=keep)
                # An output with no present value is 0, as in TF.
                return np.asarray(np.where(np.any(present, axis=axes, keepdims=keep), result,
                                           0)).astype(dense.dtype)
            return np.asarray(reducer(dense, axis=axes, keepdims=keep))
        return kernel
    return bind


def _reduce_sum_grad(op, out_grad):
    sp_indices = op.inputs[0]
    sp_shape = op.inputs[2]
    rank = _rank_of(sp_shape)
    axes = constant_value(op.inputs[3])
    if rank is None or axes is None:
        raise ValueError("tfcompat differentiates SparseReduceSum for a known rank and "
                         "constant axes only")
    reduced = _axes(axes, rank)
    one = ops.convert_to_tensor(1, dtype=dtypes.int64)
    output_shape_kept_dims = array_ops.stack(
        [one if i in reduced else sp_shape[i] for i in range(rank)])
    out_grad_reshaped = array_ops.reshape(out_grad, output_shape_kept_dims)
    scale = sp_shape // math_ops.cast(output_shape_kept_dims, dtypes.int64)
    return (None, gather_at(out_grad_reshaped, sp_indices // scale), None, None)


def _lowest(dtype):
    dtype = np.dtype(dtype)
    return -np.inf if dtype.kind == "f" else np.iinfo(dtype).min


register_op("SparseReduceSum", inputs=("input_indices: int64", "input_values: T",
                                       "input_shape: int64", "reduction_axes: int32"),
            shape_fn=_reduce_shape, bind=_bind_reduce(np.sum, lambda d: 0),
            attr_defaults={"keep_dims": False}, value_inputs=(3,),
            foldable=False, grad=_reduce_sum_grad)
register_op("SparseReduceMax", inputs=("input_indices: int64", "input_values: T",
                                       "input_shape: int64", "reduction_axes: int32"),
            shape_fn=_reduce_shape, bind=_bind_reduce(np.max, _lowest),
            attr_defaults={"keep_dims": False}, value_inputs=(3,),
            foldable=False, grad=NOT_DIFFERENTIABLE)


def _reduce(op_type, sp_input, axis, keepdims, name):
    sp_input = _convert(sp_input)
    if axis is None:
        axis = []
    return ops.apply_op(op_type, [sp_input.indices, sp_input.values, sp_input.dense_shape,
                                  ops.convert_to_tensor(axis, dtype=dtypes.int32,
                                                        name="reduction_axes")],
                        name=name or op_type, attrs={"keep_dims": bool(keepdims)})


def sparse_reduce_sum(sp_input, axis=None, keepdims=None, reduction_axes=None, keep_dims=None,
                      name=None):
    """Sums a SparseTensor's values along ``axis`` into a dense tensor
    (``tf.sparse.reduce_sum``)."""
    axis = reduction_axes if axis is None else axis
    keepdims = keep_dims if keepdims is None else keepdims
    return _reduce("SparseReduceSum", sp_input, axis, keepdims, name)


def sparse_reduce_max(sp_input, axis=None, keepdims=None, reduction_axes=None, keep_dims=None,
                      name=None):
    """The maximum of a SparseTensor's present values along ``axis`` (``tf.sparse.reduce_max``)."""
    axis = reduction_axes if axis is None else axis
    keepdims = keep_dims if keepdims is None else keepdims
    return _reduce("SparseReduceMax", sp_input, axis, keepdims, name)


# ---- sparse-dense matmul ----------------------------------------------------------------------

def _matmul_shape(op):
    a_shape = constant_value_as_shape(op.inputs[2]) if op.inputs[2].shape.ndims == 1 else \
        TensorShape([None, None])
    a_shape = a_shape.merge_with(TensorShape([None, None])) if a_shape.ndims is None else \
        a_shape
    b = op.inputs[3].shape.with_rank(2) if op.inputs[3].shape.ndims is not None else \
        TensorShape([None, None])
    rows = a_shape[1] if op._attrs["adjoint_a"] else a_shape[0]
    cols = b[0] if op._attrs["adjoint_b"] else b[1]
    return [(op.inputs[1].dtype, TensorShape([rows, cols]))]


def _bind_matmul(op, state):
    adjoint_a, adjoint_b = op._attrs["adjoint_a"], op._attrs["adjoint_b"]

    def kernel(a_indices, a_values, a_shape, b):
        a = _densify(a_indices, a_values, a_shape)
        a = a.conj().T if adjoint_a else a
        b = np.asarray(b)
        b = b.conj().T if adjoint_b else b
        if a.shape[1] != b.shape[0]:
            raise errors.InvalidArgumentError(
                None, None, f"Cannot multiply A and B because inner dimension does not match: "
                f"{a.shape[1]} vs. {b.shape[0]}.  Did you forget a transpose?  Dimensions of "
                f"A: [{a.shape[0]}, {a.shape[1]}).  Dimensions of B: {list(b.shape)}")
        return (a @ b).astype(b.dtype)
    return kernel


def _matmul_grad(op, grad):
    a_indices, a_values, a_shape, b = op.inputs
    adj_a, adj_b = op._attrs["adjoint_a"], op._attrs["adjoint_b"]
    # d/dB: A^T @ grad (or its adjoint for adjoint_b).
    b_grad = sparse_tensor_dense_matmul(SparseTensor(a_indices, a_values, a_shape), grad,
                                        adjoint_a=not adj_a)
    if adj_b:
        b_grad = array_ops.transpose(b_grad)
    # d/dA values: (grad @ B^T)[rows, cols] at each index.
    b_for_a = b if adj_b else array_ops.transpose(b)
    full = math_ops.matmul(grad, b_for_a)
    if adj_a:
        full = array_ops.transpose(full)
    return (None, gather_at(full, a_indices), None, b_grad)


register_op("SparseTensorDenseMatMul", inputs=("a_indices: Tindices", "a_values: T",
                                               "a_shape: int64", "b: T"),
            shape_fn=_matmul_shape, bind=_bind_matmul,
            attr_defaults={"adjoint_a": False, "adjoint_b": False},
            allowed={"Tindices": (dtypes.int32, dtypes.int64)},
            foldable=False, grad=_matmul_grad)


def sparse_tensor_dense_matmul(sp_a, b, adjoint_a=False, adjoint_b=False, name=None):
    """The dense product of a rank-2 SparseTensor and a dense matrix
    (``tf.sparse.sparse_dense_matmul``)."""
    sp_a = _convert(sp_a)
    with ops.name_scope(name, "SparseTensorDenseMatMul", [sp_a.indices, sp_a.values, b]) \
            as name:
        b = ops.convert_to_tensor(b, name="b", dtype=sp_a.dtype)
        return ops.apply_op("SparseTensorDenseMatMul",
                            [sp_a.indices, sp_a.values, sp_a.dense_shape, b],
                            name="SparseTensorDenseMatMul",
                            attrs={"adjoint_a": adjoint_a, "adjoint_b": adjoint_b})


# ---- softmax ----------------------------------------------------------------------------------

def _softmax_kernel(indices, values, shape):
    indices = np.asarray(indices, dtype=np.int64).reshape(-1, len(shape))
    values = np.asarray(values)
    out = np.empty_like(values)
    groups: dict = {}
    for k, row in enumerate(indices):
        groups.setdefault(tuple(row[:-1]), []).append(k)
    for members in groups.values():
        v = values[members]
        e = np.exp(v - v.max())
        out[members] = e / e.sum()
    return out


register_op("SparseSoftmax", inputs=("sp_indices: int64", "sp_values: T", "sp_shape: int64"),
            shape_fn=lambda op: [(op.inputs[1].dtype, op.inputs[1].shape)],
            kernel=_softmax_kernel,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def sparse_softmax(sp_input, name=None):
    """Softmax over the last dimension of a SparseTensor's present entries
    (``tf.sparse.softmax``)."""
    sp_input = _convert(sp_input)
    with ops.name_scope(name, "SparseSoftmax", [sp_input.indices, sp_input.values]) as name:
        out_vals = ops.apply_op("SparseSoftmax", [sp_input.indices, sp_input.values,
                                                  sp_input.dense_shape], name=name)
        return SparseTensor(sp_input.indices, out_vals, sp_input.dense_shape)


# ---- fill_empty_rows --------------------------------------------------------------------------

def _fill_kernel(indices, values, dense_shape, default):
    dense_shape = np.asarray(dense_shape, dtype=np.int64)
    indices = np.asarray(indices, dtype=np.int64).reshape(-1, len(dense_shape))
    values = np.asarray(values)
    rows = int(dense_shape[0]) if len(dense_shape) else 0
    present = np.zeros(rows, dtype=bool)
    if len(indices):
        present[indices[:, 0]] = True
    empty = ~present
    extra = np.flatnonzero(empty)
    new_idx = np.zeros((len(extra), len(dense_shape)), dtype=np.int64)
    new_idx[:, 0] = extra
    all_idx = np.concatenate([indices, new_idx])
    all_val = np.concatenate([values, np.full(len(extra), default, dtype=values.dtype)])
    order = np.argsort(all_idx[:, 0], kind="stable") if len(all_idx) else np.arange(0)
    reverse = np.empty(len(all_idx), dtype=np.int64)
    reverse[order] = np.arange(len(all_idx))
    return all_idx[order], all_val[order], empty, reverse[:len(indices)]


def _fill_grad(op, unused_indices_grad, values_grad, unused_empty, unused_reverse):
    reverse_map = op.outputs[3]
    d_values = slicing_ops.gather(values_grad, reverse_map)
    d_default = math_ops.reduce_sum(values_grad) - math_ops.reduce_sum(d_values)
    return (None, d_values, None, d_default)


register_op("SparseFillEmptyRows", inputs=("indices: int64", "values: T",
                                           "dense_shape: int64", "default_value: T"),
            shape_fn=lambda op: [(dtypes.int64, TensorShape([None, _rank_of(op.inputs[2])])),
                                 (op.inputs[1].dtype, TensorShape([None])),
                                 (dtypes.bool_, TensorShape([_rows(op.inputs[2])])),
                                 (dtypes.int64, TensorShape([None]))],
            kernel=_fill_kernel,
            foldable=False, grad=_fill_grad)


def _rows(dense_shape):
    value = constant_value(dense_shape)
    return int(value[0]) if value is not None and len(value) else None


def sparse_fill_empty_rows(sp_input, default_value, name=None):
    """Adds ``default_value`` at ``[row, 0, ...]`` for each empty row; returns the new
    SparseTensor and the bool vector of rows that were empty (``tf.sparse.fill_empty_rows``)."""
    sp_input = _convert(sp_input)
    with ops.name_scope(name, "SparseFillEmptyRows", [sp_input]):
        default_value = ops.convert_to_tensor(default_value, dtype=sp_input.values.dtype)
        out_indices, out_values, empty, _ = ops.apply_op(
            "SparseFillEmptyRows", [sp_input.indices, sp_input.values, sp_input.dense_shape,
                                    default_value])
        return SparseTensor(out_indices, out_values, sp_input.dense_shape), empty


# ---- slice and split --------------------------------------------------------------------------

def _slice_kernel(indices, values, shape, start, size):
    shape = np.asarray(shape, dtype=np.int64)
    start = np.asarray(start, dtype=np.int64)
    size = np.asarray(size, dtype=np.int64)
    end = np.minimum(start + size, shape)
    indices = np.asarray(indices, dtype=np.int64).reshape(-1, len(shape))
    keep = np.all((indices >= start) & (indices < end), axis=1) if len(indices) else \
        np.zeros(0, dtype=bool)
    out_shape = np.maximum(end - start, 0)
    return indices[keep] - start, np.asarray(values)[keep], out_shape


register_op("SparseSlice", inputs=("indices: int64", "values: T", "shape: int64",
                                   "start: int64", "size: int64"),
            shape_fn=lambda op: _sparse_out(_rank_of(op.inputs[2]), op.inputs[1].dtype),
            kernel=_slice_kernel,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def sparse_slice(sp_input, start, size, name=None):
    """The entries of a SparseTensor inside ``[start, start + size)``, re-based at 0
    (``tf.sparse.slice``)."""
    sp_input = _convert(sp_input)
    start = ops.convert_to_tensor(start, dtype=dtypes.int64)
    size = ops.convert_to_tensor(size, dtype=dtypes.int64)
    with ops.name_scope(name, "SparseSlice", [sp_input]) as name:
        out = ops.apply_op("SparseSlice", [sp_input.indices, sp_input.values,
                                           sp_input.dense_shape, start, size], name=name)
        return SparseTensor(*out)


def _bind_split(op, state):
    num_split = op._attrs["num_split"]

    def kernel(split_dim, indices, values, shape):
        shape = np.asarray(shape, dtype=np.int64)
        dim = int(split_dim) % len(shape)
        total = int(shape[dim])
        base, extra = divmod(total, num_split)
        sizes = [base + (1 if i < extra else 0) for i in range(num_split)]
        starts = np.cumsum([0] + sizes[:-1])
        pieces = []
        for start, size in zip(starts, sizes):
            lo = np.zeros(len(shape), dtype=np.int64)
            lo[dim] = start
            extent = shape.copy()
            extent[dim] = size
            pieces.append(_slice_kernel(indices, values, shape, lo, extent))
        return (tuple(p[0] for p in pieces) + tuple(p[1] for p in pieces)
                + tuple(p[2] for p in pieces))
    return kernel


def _split_shape(op):
    n = op._attrs["num_split"]
    rank = _rank_of(op.inputs[3])
    return ([(dtypes.int64, TensorShape([None, rank]))] * n
            + [(op.inputs[2].dtype, TensorShape([None]))] * n
            + [(dtypes.int64, TensorShape([rank]))] * n)


register_op("SparseSplit", inputs=("split_dim: int64", "indices: int64", "values: T",
                                   "shape: int64"),
            shape_fn=_split_shape, bind=_bind_split,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def sparse_split(keyword_required=None, sp_input=None, num_split=None, axis=None, name=None,
                 split_dim=None):
    """Splits a SparseTensor into ``num_split`` along ``axis`` (``tf.sparse.split``)."""
    if keyword_required is not None:
        raise ValueError("Keyword arguments are required for this function.")
    if sp_input is None:
        raise ValueError("sp_input is required")
    if num_split is None:
        raise ValueError("num_split is required")
    axis = split_dim if axis is None else axis
    if axis is None:
        raise ValueError("axis is required")
    sp_input = _convert(sp_input)
    out = ops.apply_op("SparseSplit", [
        ops.convert_to_tensor(axis, dtype=dtypes.int64, name="split_dim"), sp_input.indices,
        sp_input.values, sp_input.dense_shape], name=name or "SparseSplit",
        attrs={"num_split": int(num_split)})
    n = int(num_split)
    return [SparseTensor(out[i], out[n + i], out[2 * n + i]) for i in range(n)]


# ---- elementwise maximum / minimum ------------------------------------------------------------

def _bind_extremum(fn):
    def bind(op, state):
        def kernel(a_indices, a_values, a_shape, b_indices, b_values, b_shape):
            rank = len(a_shape)
            a_ind = np.asarray(a_indices, dtype=np.int64).reshape(-1, rank)
            b_ind = np.asarray(b_indices, dtype=np.int64).reshape(-1, rank)
            union = sorted({tuple(r) for r in a_ind} | {tuple(r) for r in b_ind})
            a_map = {tuple(r): v for r, v in zip(a_ind, a_values)}
            b_map = {tuple(r): v for r, v in zip(b_ind, b_values)}
            dtype = np.asarray(a_values).dtype
            values = np.asarray([fn(a_map.get(k, dtype.type(0)), b_map.get(k, dtype.type(0)))
                                 for k in union], dtype=dtype).reshape(-1)
            return np.asarray(union, dtype=np.int64).reshape(-1, rank), values
        return kernel
    return bind


for _type, _fn in (("SparseSparseMaximum", max), ("SparseSparseMinimum", min)):
    register_op(_type, inputs=("a_indices: int64", "a_values: T", "a_shape: int64",
                               "b_indices: int64", "b_values: T", "b_shape: int64"),
                shape_fn=lambda op: [(dtypes.int64, TensorShape([None, None])),
                                     (op.inputs[1].dtype, TensorShape([None]))],
                bind=_bind_extremum(_fn),
                foldable=False, grad=NOT_DIFFERENTIABLE)


def _extremum(op_type, sp_a, sp_b, name):
    sp_a, sp_b = _convert(sp_a), _convert(sp_b)
    with ops.name_scope(name, op_type, [sp_a.indices, sp_a.values, sp_b.indices,
                                        sp_b.values]) as name:
        out_indices, out_values = ops.apply_op(op_type, [
            sp_a.indices, sp_a.values, sp_a.dense_shape, sp_b.indices, sp_b.values,
            sp_b.dense_shape], name=name)
        return SparseTensor(out_indices, out_values, sp_a.dense_shape)


def sparse_maximum(sp_a, sp_b, name=None):
    """The element-wise maximum of two SparseTensors (missing entries count as 0)."""
    return _extremum("SparseSparseMaximum", sp_a, sp_b, name)


def sparse_minimum(sp_a, sp_b, name=None):
    """The element-wise minimum of two SparseTensors (missing entries count as 0)."""
    return _extremum("SparseSparseMinimum", sp_a, sp_b, name)
