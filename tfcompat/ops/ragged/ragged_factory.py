"""``tf.ragged`` constructors: constant, constant_value, placeholder, range, map_flat_values."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.ragged import ragged_kernels
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor
from tfcompat.ops.ragged.ragged_tensor_value import RaggedTensorValue


def _depth(item) -> tuple[int | None, int]:
    """``(depth, minimum)``: the nesting depth of the scalars under ``item`` (None when it
    holds none: empty lists fit any depth) and the least depth its empty lists allow.
    ValueError when scalars sit at mixed depths."""
    if not isinstance(item, (list, tuple)):
        return 0, 0
    children = [_depth(x) for x in item]
    exact = {d + 1 for d, _ in children if d is not None}
    if len(exact) > 1:
        raise ValueError("all scalar values must have the same nesting depth")
    minimum = max((m for _, m in children), default=0) + 1
    return (exact.pop() if exact else None), minimum


def _scalar_depth(pylist) -> int:
    exact, minimum = _depth(pylist)
    return minimum if exact is None else exact


def _partition(pylist, ragged_rank: int | None, inner_shape):
    """The nested row splits (outer first) and the flat values list of ``pylist``."""
    depth = _scalar_depth(pylist)
    if inner_shape is not None:
        inner_rank = len(inner_shape)
        if ragged_rank is None:
            ragged_rank = depth - 1 - inner_rank
    elif ragged_rank is None:
        ragged_rank = max(depth - 1, 0)
    if depth and ragged_rank > depth - 1:
        raise ValueError(f"Invalid pylist={pylist!r}, max depth smaller than "
                         f"ragged_rank={ragged_rank}")
    nested_splits = []
    rows = list(pylist)
    for _ in range(ragged_rank):
        splits = [0]
        flat = []
        for row in rows:
            flat.extend(row)
            splits.append(len(flat))
        nested_splits.append(splits)
        rows = flat
    return nested_splits, rows, ragged_rank


def _check_dtypes(dtype, row_splits_dtype):
    row_splits_dtype = dtypes.as_dtype(row_splits_dtype)
    if row_splits_dtype not in (dtypes.int32, dtypes.int64):
        raise ValueError("row_splits_dtype must be int32 or int64")
    return None if dtype is None else dtypes.as_dtype(dtype), row_splits_dtype


def constant(pylist, dtype=None, ragged_rank=None, inner_shape=None, name=None,
             row_splits_dtype=dtypes.int64):
    """A constant RaggedTensor from a nested Python list (a Tensor for a scalar)."""
    dtype, row_splits_dtype = _check_dtypes(dtype, row_splits_dtype)
    with ops.name_scope(name, "RaggedConstant"):
        if not isinstance(pylist, (list, tuple)):
            return constant_op.constant(pylist, dtype=dtype)
        nested_splits, flat, ragged_rank = _partition(pylist, ragged_rank, inner_shape)
        if ragged_rank == 0:
            return constant_op.constant(pylist, dtype=dtype)
        if inner_shape is not None and not flat:
            values = constant_op.constant(np.zeros([0] + list(inner_shape)), dtype=dtype,
                                          name="values")
        else:
            values = constant_op.constant(flat, dtype=dtype, name="values")
        # TF builds the splits constants innermost first.
        splits = [constant_op.constant(s, dtype=row_splits_dtype)
                  for s in reversed(nested_splits)]
        result = values
        for s in splits:
            result = RaggedTensor(result, s, internal=True)
        return result


def constant_value(pylist, dtype=None, ragged_rank=None, inner_shape=None,
                   row_splits_dtype="int64"):
    """A RaggedTensorValue (numpy) from a nested Python list."""
    dtype, row_splits_dtype = _check_dtypes(dtype, row_splits_dtype)
    if not isinstance(pylist, (list, tuple)):
        return np.array(pylist, dtype=None if dtype is None else dtype.as_numpy_dtype)
    nested_splits, flat, ragged_rank = _partition(pylist, ragged_rank, inner_shape)
    np_dtype = None if dtype is None else dtype.as_numpy_dtype
    values = np.array(flat, dtype=np_dtype)
    if not flat and inner_shape is not None:
        values = values.reshape([0] + list(inner_shape))
    result = values
    for s in reversed(nested_splits):
        result = RaggedTensorValue(result, np.array(s, dtype=row_splits_dtype.as_numpy_dtype))
    return result


def placeholder(dtype, ragged_rank, value_shape=None, name=None):
    """A RaggedTensor fed a RaggedTensorValue in ``Session.run``: flat values of shape
    ``[None] + value_shape`` and ``ragged_rank`` int64 row_splits placeholders."""
    if ragged_rank == 0:
        return array_ops.placeholder(dtype, value_shape, name)
    with ops.name_scope(name, "RaggedPlaceholder", []):
        flat_shape = [None] + list(value_shape or [])
        result = array_ops.placeholder(dtype, flat_shape, "flat_values")
        for axis in reversed(range(ragged_rank)):
            splits = array_ops.placeholder(dtypes.int64, [None], f"row_splits_{axis}")
            result = RaggedTensor(result, splits, internal=True)
        return result


def ragged_range(starts, limits=None, deltas=1, dtype=None, name=None,
                 row_splits_dtype=dtypes.int64):
    """Row ``i`` is ``range(starts[i], limits[i], deltas[i])`` (``tf.ragged.range``)."""
    row_splits_dtype = dtypes.as_dtype(row_splits_dtype)
    if limits is None:
        starts, limits = 0, starts
    with ops.name_scope(name, "RaggedRange", [starts, limits, deltas]) as scope:
        starts = ops.convert_to_tensor(starts, dtype=dtype, name="starts")
        limits = ops.convert_to_tensor(limits, dtype=dtype or starts.dtype, name="limits")
        deltas = ops.convert_to_tensor(deltas, dtype=dtype or starts.dtype, name="deltas")
        splits, values = ragged_kernels.ragged_range_op(starts, limits, deltas,
                                                        row_splits_dtype, name=scope)
        return RaggedTensor(values, splits, internal=True)


def map_flat_values(op, *args, **kwargs):
    """``op`` applied to the flat values of the RaggedTensor arguments (which must share one
    row partition); the result keeps that partition."""
    ragged = [a for a in list(args) + list(kwargs.values()) if isinstance(a, RaggedTensor)]
    if not ragged:
        return op(*args, **kwargs)
    template = ragged[0]

    def flat(x):
        if isinstance(x, RaggedTensor):
            if x.ragged_rank != template.ragged_rank:
                raise ValueError("Inputs must have identical ragged splits.")
            return x.flat_values
        if isinstance(x, (list, tuple)):
            return type(x)(flat(v) for v in x)
        return x

    result = op(*[flat(a) for a in args], **{k: flat(v) for k, v in kwargs.items()})
    return template.with_flat_values(result)
