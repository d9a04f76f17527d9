"""``RaggedTensor.__getitem__``: integers and slices along the outer dimension, slices along
ragged dimensions, any index along the uniform dimensions of the flat values."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.ragged import ragged_kernels


def _is_full_slice(key) -> bool:
    return isinstance(key, slice) and key.start is None and key.stop is None and \
        key.step is None


def ragged_getitem(rt, key):
    if not isinstance(key, (list, tuple)):
        key = (key,)
    key = list(key)
    if any(k is Ellipsis or k is None for k in key):
        raise ValueError("tfcompat's RaggedTensor indexing supports integers and slices only "
                         "(no Ellipsis or tf.newaxis)")
    with ops.name_scope(None, "RaggedGetItem", [rt, key]):
        return _getitem(rt, key)


def _getitem(rt, key: list):
    if not key:
        return rt
    if isinstance(rt, Tensor):  # a row of a ragged_rank-1 tensor: dense from here
        return rt[tuple(key)]
    first, rest = key[0], key[1:]
    if isinstance(first, slice):
        if first.step not in (None, 1):
            raise ValueError("tfcompat's RaggedTensor indexing supports slices with step 1 only")
        rows = rt if _is_full_slice(first) else _slice_rows(rt, first)
        return _inner_getitem(rows, rest) if rest else rows
    # An integer (or scalar tensor) index picks one row.
    splits = rt.row_splits
    index = ops.convert_to_tensor(first)
    index.shape.with_rank(0)
    starts, limits = splits[:-1], splits[1:]
    row = _slice_values(rt.values, starts[index], limits[index])
    if isinstance(row, Tensor) and not rest:
        return row[...]  # TF's getitem ends with the (empty) rest of the key applied
    return _getitem(row, rest)


def _slice_values(values, start: Tensor, limit: Tensor):
    """``values[start:limit]`` for a Tensor or a RaggedTensor."""
    if isinstance(values, Tensor):
        return values[start:limit]
    splits = values.row_splits[start:limit + 1]
    return type(values)(_slice_values(values.values, splits[0], splits[-1]),
                        splits - splits[0], internal=True)


def _slice_rows(rt, key: slice):
    """Rows ``key.start:key.stop`` of ``rt`` (Python slice rules): the sliced row starts and
    limits give the new splits (``[0]`` when no row is left)."""
    splits = rt.row_splits
    starts = splits[:-1][key.start:key.stop]
    limits = splits[1:][key.start:key.stop]
    # One leading zero only when the slice is empty.
    lead = array_ops.zeros([1], splits.dtype)[array_ops.size(starts):1]
    new_splits = array_ops.concat([lead, starts[:1], limits], axis=0)
    first, last = new_splits[0], new_splits[-1]
    return type(rt)(_slice_values(rt.values, first, last), new_splits - first, internal=True)


def _inner_getitem(rt, key: list):
    """``rt[:, key...]``: ``key[0]`` indexes the ragged dimension."""
    inner = key[0]
    if not isinstance(inner, slice):
        raise ValueError("Cannot index into an inner ragged dimension.")
    if inner.step not in (None, 1):
        raise ValueError("tfcompat's RaggedTensor indexing supports slices with step 1 only")
    if not _is_full_slice(inner):
        rt = _slice_columns(rt, inner)
    if len(key) == 1:
        return rt
    values = rt.values
    if isinstance(values, Tensor):
        return rt.with_values(values[(slice(None),) + tuple(key[1:])])
    return rt.with_values(_inner_getitem(values, key[1:]))


def _slice_columns(rt, key: slice):
    """``rt[:, start:stop]``: each row cut to ``row[start:stop]`` (Python slice rules)."""
    dtype = rt.row_splits.dtype
    starts, limits = rt.row_starts(), rt.row_limits()

    def position(bound, default):
        if bound is None:
            return default
        bound = math_ops.cast(ops.convert_to_tensor(bound), dtype)
        from_end = math_ops.maximum(limits + bound, starts)
        from_start = math_ops.minimum(starts + bound, limits)
        return math_ops.where_v2(bound < 0, from_end, from_start)

    new_starts = position(key.start, starts)
    new_limits = math_ops.maximum(position(key.stop, limits), new_starts)
    splits, indices = ragged_kernels.ragged_range_op(new_starts, new_limits,
                                                     math_ops.cast(1, dtype), dtype)
    values = rt.values
    if isinstance(values, Tensor):
        new_values = array_ops.gather(values, indices)
    else:
        new_values = _gather_rows(values, indices)
    return type(rt)(new_values, splits, internal=True)


def _gather_rows(rt, indices: Tensor):
    """Rows ``indices`` of a RaggedTensor (the outer dimension), keeping their inner rows."""
    dtype = rt.row_splits.dtype
    starts = array_ops.gather(rt.row_starts(), indices)
    limits = array_ops.gather(rt.row_limits(), indices)
    splits, value_indices = ragged_kernels.ragged_range_op(starts, limits,
                                                           math_ops.cast(1, dtype), dtype)
    values = rt.values
    new_values = (array_ops.gather(values, value_indices) if isinstance(values, Tensor)
                  else _gather_rows(values, value_indices))
    return type(rt)(new_values, splits, internal=True)
