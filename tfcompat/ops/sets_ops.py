"""Set operations along the last dimension (``tf.sets``): DenseToDenseSetOperation,
DenseToSparseSetOperation, SparseToSparseSetOperation and SetSize.

Each position of the leading dimensions holds one set: the distinct values of that row (dense)
or of that row's sparse entries. The result is a SparseTensor of each row's result set, sorted
ascending, with ``dense_shape`` = leading dimensions + [largest result set].
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.sparse_tensor import SparseTensor, convert_to_tensor_or_sparse_tensor
from tfcompat.framework.tensor_shape import TensorShape, merge_error, unknown_shape

_VALID = (dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64, dtypes.uint8, dtypes.uint16,
          dtypes.string)
_OPERATIONS = {
    "intersection": lambda a, b: a & b,
    "union": lambda a, b: a | b,
    "a-b": lambda a, b: a - b,
    "b-a": lambda a, b: b - a,
}


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


def _dims(values) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"


# ---- the sets of each row ---------------------------------------------------------------------

def _key(value):
    return value if not isinstance(value, np.generic) else value.item()


def _dense_rows(dense: np.ndarray) -> tuple[tuple, list[set]]:
    dense = np.asarray(dense)
    if dense.ndim < 2:
        raise _invalid(f"Invalid rank {dense.ndim}.")
    flat = dense.reshape(int(np.prod(dense.shape[:-1], dtype=np.int64)), dense.shape[-1])
    return dense.shape[:-1], [{_key(v) for v in row} for row in flat]


def _sparse_rows(indices, values, shape, validate: bool) -> tuple[tuple, list[set]]:
    indices, values, shape = np.asarray(indices), np.asarray(values), np.asarray(shape)
    if shape.size < 2:
        raise _invalid(f"Invalid rank {shape.size}.")
    if validate:
        for i, index in enumerate(indices):
            if np.any(index < 0) or np.any(index >= shape):
                raise _invalid(f"indices[{i}] = {_dims(index)} is out of bounds: need 0 <= "
                               f"index < {_dims(shape)}")
            if i:
                previous = tuple(indices[i - 1])
                if tuple(index) == previous:
                    raise _invalid(f"indices[{i}] = {_dims(index)} is repeated")
                if tuple(index) < previous:
                    raise _invalid(f"indices[{i}] = {_dims(index)} is out of order")
    leading = tuple(int(d) for d in shape[:-1])
    rows = [set() for _ in range(int(np.prod(leading, dtype=np.int64)))]
    if indices.size:
        positions = np.ravel_multi_index(tuple(indices[:, :-1].T), leading)
        for position, value in zip(positions, values):
            rows[position].add(_key(value))
    return leading, rows


def _result(leading: tuple, sets: list[set], dtype: np.dtype):
    ordered = [sorted(s) for s in sets]
    width = max((len(s) for s in ordered), default=0)
    indices = [list(np.unravel_index(r, leading)) + [j] if leading else [j]
               for r, s in enumerate(ordered) for j in range(len(s))]
    values = [v for s in ordered for v in s]
    rank = len(leading) + 1
    out_values = np.array(values, dtype=object if dtype.kind in "OSU" else dtype)
    if dtype.kind in "OSU":
        out_values = out_values.reshape(-1)
    return (np.array(indices, np.int64).reshape(-1, rank), out_values.reshape(-1),
            np.array(list(leading) + [width], np.int64))


def _combine(operation: str, a: tuple, b: tuple, dtype):
    (lead_a, rows_a), (lead_b, rows_b) = a, b
    if lead_a != lead_b:
        raise _invalid(f"Mismatched shapes {_dims(lead_a)} vs {_dims(lead_b)}")
    op = _OPERATIONS[operation]
    return _result(lead_a, [op(x, y) for x, y in zip(rows_a, rows_b)], dtype)


def _dense_to_dense_kernel(set1, set2, set_operation, validate_indices):
    set1 = np.asarray(set1)
    return _combine(set_operation, _dense_rows(set1), _dense_rows(set2), set1.dtype)


def _dense_to_sparse_kernel(set1, indices, values, shape, set_operation, validate_indices):
    set1 = np.asarray(set1)
    return _combine(set_operation, _dense_rows(set1),
                    _sparse_rows(indices, values, shape, validate_indices), set1.dtype)


def _sparse_to_sparse_kernel(i1, v1, s1, i2, v2, s2, set_operation, validate_indices):
    return _combine(set_operation, _sparse_rows(i1, v1, s1, validate_indices),
                    _sparse_rows(i2, v2, s2, validate_indices), np.asarray(v1).dtype)


def _set_size_kernel(indices, values, shape, validate_indices):
    leading, rows = _sparse_rows(indices, values, shape, validate_indices)
    return np.array([len(r) for r in rows], np.int32).reshape(leading)


# ---- static shapes ----------------------------------------------------------------------------

def _outputs(dtype, rank):
    return [(dtypes.int64, TensorShape([None, rank])), (dtype, TensorShape([None])),
            (dtypes.int64, TensorShape([rank]))]


def _check_dense(shape: TensorShape) -> None:
    if shape.ndims is not None and shape.ndims < 2:
        raise ShapeError(f"Shape must be at least rank 2 but is rank {shape.ndims}")


def _sparse_rank(index_shape: TensorShape, shape_shape: TensorShape):
    for dims in (shape_shape.as_tuple() if shape_shape.ndims else (None,),
                 index_shape.as_tuple()[1:] if index_shape.ndims == 2 else (None,)):
        if dims and dims[0] is not None:
            return dims[0]
    return None


def _dense_to_dense_shape(op):
    a, b = (t.shape for t in op.inputs)
    _check_dense(a)
    if a.ndims is not None and b.ndims is not None:
        if b.ndims != a.ndims:
            raise ShapeError(f"Shape must be rank {a.ndims} but is rank {b.ndims}")
        lead_a, lead_b = TensorShape(a.as_tuple()[:-1]), TensorShape(b.as_tuple()[:-1])
        if not lead_a.is_compatible_with(lead_b):
            raise ShapeError(merge_error(lead_a, lead_b))
    return _outputs(op.inputs[0].dtype.base_dtype, a.ndims if a.ndims is not None else b.ndims)


def _dense_to_sparse_shape(op):
    dense = op.inputs[0].shape
    _check_dense(dense)
    return _outputs(op.inputs[0].dtype.base_dtype, dense.ndims)


def _sparse_to_sparse_shape(op):
    for i, (index, shape) in enumerate(((0, 2), (3, 5))):
        rank = _sparse_rank(op.inputs[index].shape, op.inputs[shape].shape)
        if rank is not None and rank < 2:
            raise ShapeError(f"Input {i}, expected rank >= 2, got {rank}.")
    rank = _sparse_rank(op.inputs[0].shape, op.inputs[2].shape)
    return _outputs(op.inputs[1].dtype.base_dtype, rank)


_ATTRS = ("set_operation", "validate_indices")
_SPARSE = ("indices: int64", "values: T", "shape: int64")
for _type, _inputs, _kernel, _shape in (
        ("DenseToDenseSetOperation", ("set1: T", "set2: T"), _dense_to_dense_kernel,
         _dense_to_dense_shape),
        ("DenseToSparseSetOperation", ("set1: T",) + tuple("set2_" + s for s in _SPARSE),
         _dense_to_sparse_kernel, _dense_to_sparse_shape),
        ("SparseToSparseSetOperation", tuple("set1_" + s for s in _SPARSE) +
         tuple("set2_" + s for s in _SPARSE), _sparse_to_sparse_kernel,
         _sparse_to_sparse_shape)):
    register_op(_type, inputs=_inputs, kernel=_kernel, kernel_attrs=_ATTRS, shape_fn=_shape,
                allowed={"T": _VALID}, attr_defaults={"validate_indices": True},
                grad=NOT_DIFFERENTIABLE)

register_op("SetSize", inputs=tuple("set_" + s for s in _SPARSE), kernel=_set_size_kernel,
            kernel_attrs=("validate_indices",),
            shape_fn=lambda op: [(dtypes.int32, unknown_shape())], allowed={"T": _VALID},
            attr_defaults={"validate_indices": True}, grad=NOT_DIFFERENTIABLE)


# ---- public functions ---------------------------------------------------------------------------

def _valid_dtypes_text() -> str:
    return "frozenset({" + ", ".join(f"tf.{d.name}" for d in _VALID) + "})"


def _convert(a, b):
    a = convert_to_tensor_or_sparse_tensor(a, name="a")
    if a.dtype.base_dtype not in _VALID:
        raise TypeError(f"'a' has invalid dtype `{a.dtype}` not in supported dtypes: "
                        f"`{_valid_dtypes_text()}`.")
    b = convert_to_tensor_or_sparse_tensor(b, name="b")
    if a.dtype.base_dtype != b.dtype.base_dtype:
        raise TypeError(f"Types don't match, {a.dtype} vs {b.dtype}.")
    if b.dtype.base_dtype not in _VALID:
        raise TypeError(f"'b' has invalid dtype `{b.dtype}` not in supported dtypes: "
                        f"`{_valid_dtypes_text()}`.")
    flipped = isinstance(a, SparseTensor) and not isinstance(b, SparseTensor)
    return (b, a, True) if flipped else (a, b, False)


def _set_operation(a, b, operation: str, validate_indices: bool) -> SparseTensor:
    attrs = {"set_operation": operation, "validate_indices": bool(validate_indices)}
    if isinstance(a, SparseTensor):
        outputs = apply_op("SparseToSparseSetOperation", [
            a.indices, a.values, a.dense_shape, b.indices, b.values, b.dense_shape],
            attrs=attrs)
    elif isinstance(b, SparseTensor):
        outputs = apply_op("DenseToSparseSetOperation",
                           [a, b.indices, b.values, b.dense_shape], attrs=attrs)
    else:
        outputs = apply_op("DenseToDenseSetOperation", [a, b], attrs=attrs)
    return SparseTensor(*outputs)


def set_intersection(a, b, validate_indices=True) -> SparseTensor:
    """The intersection of the sets in the last dimension of ``a`` and ``b`` (dense or
    SparseTensor; same leading dimensions), as a SparseTensor of sorted rows."""
    a, b, _ = _convert(a, b)
    return _set_operation(a, b, "intersection", validate_indices)


def set_union(a, b, validate_indices=True) -> SparseTensor:
    """The union of the sets in the last dimension of ``a`` and ``b``."""
    a, b, _ = _convert(a, b)
    return _set_operation(a, b, "union", validate_indices)


def set_difference(a, b, aminusb=True, validate_indices=True) -> SparseTensor:
    """``a - b`` (or ``b - a`` when ``aminusb`` is False) of the sets in the last dimension."""
    a, b, flipped = _convert(a, b)
    if flipped:
        aminusb = not aminusb
    return _set_operation(a, b, "a-b" if aminusb else "b-a", validate_indices)


def set_size(a, validate_indices=True):
    """The number of distinct values in each set (last dimension) of the SparseTensor ``a``."""
    a = convert_to_tensor_or_sparse_tensor(a, name="a")
    if not isinstance(a, SparseTensor):
        raise TypeError(f"Expected `SparseTensor`, got {a}.")
    if a.values.dtype.base_dtype not in _VALID:
        raise TypeError(f"Invalid dtype {a.values.dtype}.")
    return apply_op("SetSize", [a.indices, a.values, a.dense_shape],
                    attrs={"validate_indices": bool(validate_indices)})
