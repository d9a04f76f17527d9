"""Sparse tensor ops (``tf.sparse``): conversion to and from dense, reorder, reshape, concat,
add, retain, transpose, placeholders.

Every op takes a SparseTensor as its three tensors (indices, values, dense_shape) and returns
new ones; index order is row-major ("canonical") where TF's kernels produce it, and the input
order otherwise, as TF does.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.sparse_tensor import (
    SparseTensor,
    SparseTensorValue,
)
from tfcompat.framework.tensor_shape import TensorShape, as_shape, unknown_shape
from tfcompat.framework.tensor_util import constant_value, constant_value_as_shape
from tfcompat.ops import array_ops, math_ops, slicing_ops

_INDEX = (dtypes.int32, dtypes.int64)


def _convert(sp_input, name="sp_input") -> SparseTensor:
    if isinstance(sp_input, SparseTensorValue):
        return SparseTensor.from_value(sp_input)
    if not isinstance(sp_input, SparseTensor):
        raise TypeError("Input must be a SparseTensor.")
    return sp_input


def _rank_of(shape_tensor) -> int | None:
    return shape_tensor.shape[0].value if shape_tensor.shape.ndims == 1 else None


def _sparse_out(rank, dtype):
    return [(dtypes.int64, TensorShape([None, rank])), (dtype, TensorShape([None])),
            (dtypes.int64, TensorShape([rank]))]


def gather_at(dense, indices):
    """``dense[indices[i]]`` for each index row, from graph ops (TF's gather_nd)."""
    dense_shape = array_ops.shape(dense, out_type=dtypes.int64)
    rank = indices.shape[1].value
    if rank is None:
        raise ValueError("tfcompat needs the rank of sparse indices to be known here")
    linear = indices[:, 0]
    for d in range(1, rank):
        linear = linear * dense_shape[d] + indices[:, d]
    return slicing_ops.gather(array_ops.reshape(dense, [-1]), linear)


# ---- SparseToDense ----------------------------------------------------------------------------

def _sparse_to_dense_shape(op):
    indices, output_shape, values, default = op.inputs
    shape = constant_value_as_shape(output_shape) if output_shape.shape.ndims == 1 else (
        TensorShape([]) if output_shape.shape.ndims == 0 and constant_value(output_shape)
        is not None else unknown_shape())
    if output_shape.shape.ndims == 0:
        value = constant_value(output_shape)
        shape = TensorShape([int(value)]) if value is not None else TensorShape([None])
    return [(values.dtype.base_dtype, shape)]


def _sparse_to_dense_kernel(indices, output_shape, values, default, validate_indices):
    shape = tuple(int(d) for d in np.asarray(output_shape).reshape(-1))
    indices = np.asarray(indices, dtype=np.int64)
    if indices.ndim < 2:  # a scalar or vector: indices into a 1-D output
        indices = indices.reshape(-1, 1)
    values = np.broadcast_to(np.asarray(values), (indices.shape[0],))
    out = np.empty(shape, dtype=values.dtype)
    out[...] = default
    if validate_indices and len(indices):
        for i, row in enumerate(indices):
            if any(r < 0 or r >= s for r, s in zip(row, shape)):
                raise errors.InvalidArgumentError(
                    None, None, f"indices[{i}] = [{','.join(map(str, row))}] is out of bounds: "
                    f"need 0 <= index < [{','.join(map(str, shape))}]")
            if i and tuple(row) <= tuple(indices[i - 1]):
                kind = "repeated" if tuple(row) == tuple(indices[i - 1]) else "out of order"
                raise errors.InvalidArgumentError(
                    None, None, f"indices[{i}] = [{','.join(map(str, row))}] is {kind}. Many "
                    "sparse ops require sorted indices.\n    Use `tf.sparse.reorder` to create "
                    "a correctly ordered copy.\n\n")
    if len(indices):
        out[tuple(indices.T)] = values
    return out


def _sparse_to_dense_grad(op, grad):
    indices, output_shape, _, _ = op.inputs
    values_grad = gather_at(grad, array_ops.reshape(math_ops.cast(indices, dtypes.int64),
                                                    [-1, max(len(op.outputs[0].shape), 1)]))
    default_grad = math_ops.reduce_sum(grad) - math_ops.reduce_sum(values_grad)
    return [None, None, values_grad, default_grad]


register_op("SparseToDense", inputs=("sparse_indices: Tindices", "output_shape: Tindices",
                                     "sparse_values: T", "default_value: T"),
            shape_fn=_sparse_to_dense_shape, kernel=_sparse_to_dense_kernel,
            kernel_attrs=("validate_indices",), attr_defaults={"validate_indices": True},
            allowed={"Tindices": _INDEX}, value_inputs=(1,),
            foldable=False, grad=_sparse_to_dense_grad)


def sparse_to_dense(sparse_indices, output_shape, sparse_values, default_value=0,
                    validate_indices=True, name=None):
    """A dense tensor with ``sparse_values`` at ``sparse_indices`` (``tf.sparse_to_dense``)."""
    sparse_values = ops.convert_to_tensor(sparse_values, name="sparse_values")
    return ops.apply_op("SparseToDense", [sparse_indices, output_shape, sparse_values,
                                          ops.convert_to_tensor(default_value,
                                                                dtype=sparse_values.dtype,
                                                                name="default_value")],
                        name=name or "SparseToDense",
                        attrs={"validate_indices": validate_indices})


def sparse_tensor_to_dense(sp_input, default_value=None, validate_indices=True, name=None):
    """The dense tensor of a SparseTensor (``tf.sparse.to_dense``)."""
    sp_input = _convert(sp_input)
    if default_value is None:
        default_value = np.zeros((), dtype=sp_input.dtype.as_numpy_dtype) \
            if sp_input.dtype is not dtypes.string else b""
    # As TF's generated op: the default value is converted inside the op's own name scope.
    with ops.name_scope(name, "SparseToDense") as scope:
        default = ops.convert_to_tensor(default_value, dtype=sp_input.dtype, name="default_value")
        return ops.apply_op("SparseToDense", [
            sp_input.indices, sp_input.dense_shape, sp_input.values, default],
            name=scope, attrs={"validate_indices": validate_indices})


def sparse_to_indicator(sp_input, vocab_size, name=None):
    """A bool tensor, true at ``[..., id]`` for each id in the last dimension's values
    (``tf.sparse.to_indicator``)."""
    sp_input = _convert(sp_input)
    with ops.name_scope(name, "SparseToIndicator", [sp_input]) as name:
        num_entries = array_ops.shape(sp_input.indices)[0]
        new_values = array_ops.fill(array_ops.expand_dims(num_entries, 0), True)
        sp_values = SparseTensor(sp_input.indices, new_values, sp_input.dense_shape)
        sp_new = sparse_merge_impl(sp_input, sp_values, vocab_size, name)
        return sparse_tensor_to_dense(sp_new, default_value=False, validate_indices=False,
                                      name=name)


def sparse_merge_impl(sp_ids, sp_values, vocab_size, name=None, already_sorted=False):
    """Moves the values of ``sp_ids`` into a new last dimension of size ``vocab_size``."""
    ids = math_ops.cast(sp_ids.values, dtypes.int64)
    indices_columns_to_preserve = sp_ids.indices[:, :-1]
    new_indices = array_ops.concat(
        [indices_columns_to_preserve, array_ops.expand_dims(ids, 1)], 1)
    shape = array_ops.concat(
        [sp_ids.dense_shape[:-1], math_ops.cast(array_ops.reshape(vocab_size, [1]),
                                                dtypes.int64)], 0)
    result = SparseTensor(new_indices, sp_values.values, shape)
    return result if already_sorted else sparse_reorder(result)


def sparse_merge(sp_ids, sp_values, vocab_size, name=None, already_sorted=False):
    """Combines ids and values SparseTensors into one with the ids as last index
    (``tf.sparse.merge``)."""
    with ops.name_scope(name, "SparseMerge", [sp_ids, sp_values]):
        return sparse_merge_impl(_convert(sp_ids), _convert(sp_values), vocab_size, name,
                                 already_sorted)


# ---- SparseReorder ----------------------------------------------------------------------------

def _reorder_kernel(indices, values, shape):
    indices = np.asarray(indices, dtype=np.int64).reshape(len(values), len(shape))
    order = np.lexsort(indices.T[::-1]) if len(indices) else np.arange(0)
    return indices[order], np.asarray(values)[order]


def _reorder_grad(op, output_indices_grad, output_values_grad):
    input_indices = op.inputs[0]
    input_shape = op.inputs[2]
    num_entries = array_ops.shape(input_indices)[0]
    entry_indices = math_ops.range(num_entries)
    sp_unordered = SparseTensor(input_indices, entry_indices, input_shape)
    sp_ordered = sparse_reorder(sp_unordered)
    inverted_permutation = array_ops.invert_permutation(sp_ordered.values)
    return (None, slicing_ops.gather(output_values_grad, inverted_permutation), None)


register_op("SparseReorder", inputs=("input_indices: int64", "input_values: T",
                                     "input_shape: int64"),
            shape_fn=lambda op: [(dtypes.int64, op.inputs[0].shape),
                                 (op.inputs[1].dtype, op.inputs[1].shape)],
            kernel=_reorder_kernel,
            foldable=False, grad=_reorder_grad)


def sparse_reorder(sp_input, name=None):
    """The SparseTensor with its entries in row-major order (``tf.sparse.reorder``)."""
    sp_input = _convert(sp_input)
    indices, values = ops.apply_op("SparseReorder", [sp_input.indices, sp_input.values,
                                                     sp_input.dense_shape],
                                   name=name or "SparseReorder")
    if sp_input.shape.is_fully_defined():
        dense_shape = sp_input.shape.as_list()
        return SparseTensor(indices, values, dense_shape)
    return SparseTensor(indices, values, sp_input.dense_shape)


# ---- SparseReshape ----------------------------------------------------------------------------

def _reshape_kernel(indices, shape, new_shape):
    shape = np.asarray(shape, dtype=np.int64)
    new_shape = np.asarray(new_shape, dtype=np.int64).copy()
    total = int(np.prod(shape))
    unknown = np.flatnonzero(new_shape == -1)
    if len(unknown) > 1:
        raise errors.InvalidArgumentError(None, None, "only one output dimension may be -1, "
                                          f"not both {unknown[0]} and {unknown[1]}")
    if len(unknown):
        known = int(np.prod(new_shape[new_shape != -1]))
        if known == 0 or total % known:
            raise errors.InvalidArgumentError(
                None, None, f"Input to reshape is a SparseTensor with {total} dense values, "
                f"but the requested shape requires a multiple of {known}.")
        new_shape[unknown[0]] = total // known
    if int(np.prod(new_shape)) != total:
        raise errors.InvalidArgumentError(
            None, None, f"Input to reshape is a tensor with {total} dense values, but the "
            f"requested shape has {int(np.prod(new_shape))}.")
    indices = np.asarray(indices, dtype=np.int64).reshape(-1, len(shape))
    linear = np.ravel_multi_index(tuple(indices.T), tuple(shape)) if len(indices) else \
        np.zeros(0, dtype=np.int64)
    new_indices = np.stack(np.unravel_index(linear, tuple(new_shape)), axis=1) \
        if len(indices) else np.zeros((0, len(new_shape)), dtype=np.int64)
    return new_indices.astype(np.int64), new_shape


register_op("SparseReshape", inputs=("input_indices: int64", "input_shape: int64",
                                     "new_shape: int64"),
            shape_fn=lambda op: [(dtypes.int64, TensorShape([op.inputs[0].shape[0],
                                                             _rank_of(op.inputs[2])])),
                                 (dtypes.int64, TensorShape([_rank_of(op.inputs[2])]))],
            kernel=_reshape_kernel,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def sparse_reshape(sp_input, shape, name=None):
    """The SparseTensor reshaped (row-major order kept) (``tf.sparse.reshape``)."""
    sp_input = _convert(sp_input)
    shape = math_ops.cast(ops.convert_to_tensor(shape), dtypes.int64) if not isinstance(
        shape, (list, tuple)) else ops.convert_to_tensor(shape, dtype=dtypes.int64)
    with ops.name_scope(name, "SparseReshape", [sp_input]) as name:
        reshaped_ind, reshaped_shape = ops.apply_op(
            "SparseReshape", [sp_input.indices, sp_input.dense_shape, shape], name=name)
        static = constant_value(shape)
        known_total = sp_input.shape.num_elements() if sp_input.shape.is_fully_defined() \
            else None
        if static is not None and known_total is not None:
            static = [int(d) for d in static]
            if static.count(-1) == 1:
                rest = int(np.prod([d for d in static if d != -1]))
                static[static.index(-1)] = known_total // rest if rest else 0
            if int(np.prod(static)) != known_total:
                raise ValueError(f"Cannot reshape a tensor with {known_total} elements to "
                                 f"shape {static} ({int(np.prod(static))} elements).")
            reshaped_shape = ops.convert_to_tensor(np.asarray(static, dtype=np.int64),
                                                   name="Const")
        return SparseTensor(reshaped_ind, array_ops.identity(sp_input.values), reshaped_shape)


# ---- SparseConcat -----------------------------------------------------------------------------

def _concat_shape(op):
    n = op._attrs["N"]
    rank = None
    for t in op.inputs[2 * n:]:
        rank = rank if rank is not None else _rank_of(t)
    counts = [t.shape[0].value for t in op.inputs[:n]]
    total = None if None in counts else sum(counts)
    return [(dtypes.int64, TensorShape([total, rank])),
            (op.inputs[n].dtype, TensorShape([total])), (dtypes.int64, TensorShape([rank]))]


def _bind_concat(op, state):
    n = op._attrs["N"]
    axis = op._attrs["concat_dim"]

    def kernel(*args):
        indices = [np.asarray(a, dtype=np.int64) for a in args[:n]]
        values = [np.asarray(a) for a in args[n:2 * n]]
        shapes = [np.asarray(a, dtype=np.int64) for a in args[2 * n:]]
        rank = len(shapes[0])
        dim = axis + rank if axis < 0 else axis
        for s in shapes[1:]:
            if len(s) != rank:
                raise errors.InvalidArgumentError(None, None, "Ranks of all input tensors "
                                                  "should match")
        offset = 0
        out_ind, out_val = [], []
        for ind, val, shape in zip(indices, values, shapes):
            moved = ind.reshape(-1, rank).copy()
            moved[:, dim] += offset
            out_ind.append(moved)
            out_val.append(val)
            offset += shape[dim]
        all_ind = np.concatenate(out_ind)
        all_val = np.concatenate(out_val)
        order = np.lexsort(all_ind.T[::-1]) if len(all_ind) else np.arange(0)
        out_shape = shapes[0].copy()
        out_shape[dim] = offset
        return all_ind[order], all_val[order], out_shape
    return kernel


register_op("SparseConcat", inputs=("indices: N*int64", "values: N*T", "shapes: N*int64"),
            shape_fn=_concat_shape, bind=_bind_concat,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def sparse_concat(axis, sp_inputs, name=None, expand_nonconcat_dim=False, concat_dim=None,
                  expand_nonconcat_dims=None):
    """Concatenates SparseTensors along ``axis`` (``tf.sparse.concat``)."""
    axis = concat_dim if concat_dim is not None else axis
    sp_inputs = [_convert(s) for s in sp_inputs]
    if len(sp_inputs) == 1:
        return sp_inputs[0]
    if expand_nonconcat_dim or expand_nonconcat_dims:
        raise NotImplementedError("tf.sparse.concat(expand_nonconcat_dims=True) is not "
                                  "supported by tfcompat yet")
    output_ind, output_val, output_shape = ops.apply_op(
        "SparseConcat", [[s.indices for s in sp_inputs], [s.values for s in sp_inputs],
                         [s.dense_shape for s in sp_inputs]],
        name=name or "SparseConcat", attrs={"concat_dim": int(axis)})
    shapes = [s.shape for s in sp_inputs]
    if all(s.is_fully_defined() for s in shapes):
        dims = shapes[0].as_list()
        dim = axis + len(dims) if axis < 0 else axis
        dims[dim] = sum(s.as_list()[dim] for s in shapes)
        output_shape = ops.convert_to_tensor(np.asarray(dims, dtype=np.int64), name="Const")
    return SparseTensor(output_ind, output_val, output_shape)


# ---- SparseAdd and SparseTensorDenseAdd -------------------------------------------------------

def _add_kernel(a_indices, a_values, a_shape, b_indices, b_values, b_shape, thresh):
    if not np.array_equal(a_shape, b_shape):
        raise errors.InvalidArgumentError(
            None, None, f"Operands do not have the same ranks; got shapes: "
            f"[{','.join(map(str, a_shape))}] and [{','.join(map(str, b_shape))}]")
    rank = len(a_shape)
    a_ind = np.asarray(a_indices, dtype=np.int64).reshape(-1, rank)
    b_ind = np.asarray(b_indices, dtype=np.int64).reshape(-1, rank)
    out_ind, out_val = [], []
    i = j = 0
    # A merge walk of two (assumed sorted) lists, as TF's kernel does for any input order.
    while i < len(a_ind) and j < len(b_ind):
        ka, kb = tuple(a_ind[i]), tuple(b_ind[j])
        if ka < kb:
            out_ind.append(a_ind[i])
            out_val.append(a_values[i])
            i += 1
        elif kb < ka:
            out_ind.append(b_ind[j])
            out_val.append(b_values[j])
            j += 1
        else:
            s = a_values[i] + b_values[j]
            if thresh <= abs(s):
                out_ind.append(a_ind[i])
                out_val.append(s)
            i += 1
            j += 1
    for k in range(i, len(a_ind)):
        out_ind.append(a_ind[k])
        out_val.append(a_values[k])
    for k in range(j, len(b_ind)):
        out_ind.append(b_ind[k])
        out_val.append(b_values[k])
    values = np.asarray(out_val, dtype=np.asarray(a_values).dtype).reshape(-1)
    return (np.asarray(out_ind, dtype=np.int64).reshape(-1, rank), values,
            np.asarray(a_shape, dtype=np.int64))


def _add_grad(op, *grads):
    val_grad = grads[1]
    a_indices, b_indices, sum_indices = op.inputs[0], op.inputs[3], op.outputs[0]
    a_val_grad, b_val_grad = ops.apply_op("SparseAddGrad",
                                          [val_grad, a_indices, b_indices, sum_indices])
    a_val_grad.set_shape(op.inputs[1].shape)
    b_val_grad.set_shape(op.inputs[4].shape)
    return (None, a_val_grad, None, None, b_val_grad, None, None)


register_op("SparseAdd", inputs=("a_indices: int64", "a_values: T", "a_shape: int64",
                                 "b_indices: int64", "b_values: T", "b_shape: int64",
                                 "thresh: Treal"),
            shape_fn=lambda op: _sparse_out(_rank_of(op.inputs[2]), op.inputs[1].dtype),
            kernel=_add_kernel,
            foldable=False, grad=_add_grad)


def _add_grad_kernel(backprop, a_indices, b_indices, sum_indices):
    position = {tuple(row): k for k, row in enumerate(np.asarray(sum_indices))}
    backprop = np.asarray(backprop)
    a_grad = np.asarray([backprop[position[tuple(r)]] if tuple(r) in position else 0
                         for r in np.asarray(a_indices)], dtype=backprop.dtype)
    b_grad = np.asarray([backprop[position[tuple(r)]] if tuple(r) in position else 0
                         for r in np.asarray(b_indices)], dtype=backprop.dtype)
    return a_grad.reshape(-1), b_grad.reshape(-1)


register_op("SparseAddGrad", inputs=("backprop_val_grad: T", "a_indices: int64",
                                     "b_indices: int64", "sum_indices: int64"),
            shape_fn=lambda op: [(op.inputs[0].dtype, TensorShape([op.inputs[1].shape[0]])),
                                 (op.inputs[0].dtype, TensorShape([op.inputs[2].shape[0]]))],
            kernel=_add_grad_kernel,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def _dense_add_kernel(indices, values, shape, dense):
    out = np.array(dense, copy=True)
    indices = np.asarray(indices, dtype=np.int64)
    if len(indices):
        np.add.at(out, tuple(indices.T), values)
    return out


def _dense_add_grad(op, grad):
    indices = op.inputs[0]
    return (None, gather_at(grad, indices), None, grad)


register_op("SparseTensorDenseAdd", inputs=("a_indices: Tindices", "a_values: T",
                                            "a_shape: Tindices", "b: T"),
            shape_fn=lambda op: [(op.inputs[3].dtype, op.inputs[3].shape)],
            kernel=_dense_add_kernel, allowed={"Tindices": _INDEX},
            foldable=False, grad=_dense_add_grad)


def sparse_add(a, b, threshold=None, thresh=None):
    """Adds two SparseTensors (a SparseTensor) or a SparseTensor and a dense tensor (a dense
    tensor) (``tf.sparse.add``)."""
    threshold = thresh if thresh is not None else (threshold or 0)
    sparse_a = isinstance(a, (SparseTensor, SparseTensorValue))
    sparse_b = isinstance(b, (SparseTensor, SparseTensorValue))
    if not sparse_a and not sparse_b:
        raise TypeError("At least one input should be SparseTensor; do you mean to use "
                        "tf.add()?")
    if sparse_a and sparse_b:
        a, b = _convert(a), _convert(b)
        thresh_t = ops.convert_to_tensor(threshold, dtype=a.values.dtype.real_dtype,
                                         name="threshold")
        indices, values, shape = ops.apply_op("SparseAdd", [
            a.indices, a.values, a.dense_shape, b.indices, b.values, b.dense_shape,
            thresh_t], name="SparseAdd")
        if a.shape.is_fully_defined():
            shape = a.dense_shape
        return SparseTensor(indices, values, shape)
    if sparse_b:
        a, b = b, a
    a = _convert(a)
    b = ops.convert_to_tensor(b, dtype=a.dtype)
    return ops.apply_op("SparseTensorDenseAdd", [a.indices, a.values, a.dense_shape, b],
                        name="SparseTensorDenseAdd")


# ---- composites: retain, transpose, from_dense, placeholder -----------------------------------

def sparse_retain(sp_input, to_retain):
    """The entries of ``sp_input`` where the bool vector ``to_retain`` is true
    (``tf.sparse.retain``)."""
    sp_input = _convert(sp_input)
    to_retain = ops.convert_to_tensor(to_retain)
    retain_shape = to_retain.shape
    retain_shape.assert_has_rank(1)
    if sp_input.values.shape[0].value is not None:
        sp_input.values.shape[0].assert_is_compatible_with(retain_shape[0])
    where_true = array_ops.reshape(math_ops.where(to_retain), [-1])
    new_indices = slicing_ops.gather(sp_input.indices, where_true)
    new_values = slicing_ops.gather(sp_input.values, where_true)
    return SparseTensor(new_indices, new_values, array_ops.identity(sp_input.dense_shape))


def sparse_transpose(sp_input, perm=None, name=None):
    """The SparseTensor with its dimensions permuted (reversed by default)
    (``tf.sparse.transpose``)."""
    sp_input = _convert(sp_input)
    with ops.name_scope(name, "SparseTranspose", [sp_input]):
        rank = _rank_of(sp_input.dense_shape)
        if perm is None:
            if rank is None:
                raise ValueError("tfcompat needs the rank of a SparseTensor to transpose it")
            perm = list(range(rank - 1, -1, -1))
        perm_t = ops.convert_to_tensor(perm, dtype=dtypes.int32, name="perm")
        indices = array_ops.transpose(
            slicing_ops.gather(array_ops.transpose(sp_input.indices), perm_t))
        static = sp_input.shape
        perm_value = constant_value(perm_t)
        if static.is_fully_defined() and perm_value is not None:
            dims = static.as_list()
            dense_shape = [dims[int(p)] for p in perm_value]
        else:
            dense_shape = slicing_ops.gather(sp_input.dense_shape, perm_t)
        transposed = SparseTensor(indices, sp_input.values, dense_shape)
        return sparse_reorder(transposed)


def from_dense(tensor, name=None):
    """The SparseTensor of the non-zero (non-empty) entries of a dense tensor
    (``tf.sparse.from_dense``)."""
    with ops.name_scope(name, "dense_to_sparse"):
        tensor = ops.convert_to_tensor(tensor)
        zero = np.zeros((), dtype=tensor.dtype.as_numpy_dtype) \
            if tensor.dtype is not dtypes.string else b""
        indices = math_ops.where(math_ops.not_equal(tensor, ops.convert_to_tensor(
            zero, dtype=tensor.dtype)))
        values = gather_at(tensor, indices) if tensor.shape.ndims else \
            array_ops.reshape(tensor, [-1])
        shape = array_ops.shape(tensor, out_type=dtypes.int64)
        return SparseTensor(indices, values, shape)


def sparse_placeholder(dtype, shape=None, name=None):
    """A SparseTensor to be fed (``tf.sparse.placeholder``)."""
    dtype = dtypes.as_dtype(dtype)
    if shape is None or as_shape(shape).ndims is None:
        rank = None if shape is None else as_shape(shape).ndims
        dense_shape = array_ops.placeholder(dtypes.int64, shape=[rank],
                                            name=None if name is None else name + "/shape")
    else:
        static = as_shape(shape)
        rank = static.ndims
        default = np.asarray([-1 if d is None else d for d in static.as_list()],
                             dtype=np.int64)
        dense_shape = array_ops.placeholder_with_default(
            default, shape=[rank], name=None if name is None else name + "/shape")
    result = SparseTensor(
        values=array_ops.placeholder(dtype, shape=[None],
                                     name=None if name is None else name + "/values"),
        indices=array_ops.placeholder(dtypes.int64, shape=[None, rank],
                                      name=None if name is None else name + "/indices"),
        dense_shape=dense_shape)
    if shape is not None and as_shape(shape).ndims is not None:
        result._dense_shape_default = as_shape(shape)
    return result

