"""RaggedTensor ``bounding_shape`` and ``merge_dims``."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.ops import array_ops, math_ops


def bounding_shape(rt, axis=None, name=None, out_type=None):
    """The shape of the smallest box holding ``rt``: nrows, then the longest row of each
    ragged dimension, then the uniform inner dimensions."""
    out_type = rt.row_splits.dtype if out_type is None else dtypes.as_dtype(out_type)
    with ops.name_scope(name, "RaggedBoundingBox", [rt, axis]):
        dims = [math_ops.cast(rt.nrows(), out_type)]
        level = rt
        while hasattr(level, "row_splits"):
            lengths = level.row_splits[1:] - level.row_splits[:-1]
            # No rows: the lowest integer, clipped to a length of zero.
            longest = math_ops.maximum(math_ops.reduce_max(math_ops.cast(lengths, out_type)),
                                       math_ops.cast(0, out_type))
            dims.append(longest)
            level = level.values
        if isinstance(axis, int) and 0 <= axis < len(dims):
            return dims[axis]
        inner = array_ops.shape(level, out_type=out_type)[1:]
        shape = array_ops.concat([array_ops.stack(dims), inner], axis=0)
        return shape if axis is None else array_ops.gather(shape, axis)


def merge_dims(rt, outer_axis: int, inner_axis: int):
    """``rt`` with dimensions ``outer_axis`` through ``inner_axis`` (ragged ones) merged into
    one."""
    rank = rt.shape.ndims
    if rank is not None:
        outer_axis += rank if outer_axis < 0 else 0
        inner_axis += rank if inner_axis < 0 else 0
    if not 0 <= outer_axis <= inner_axis:
        raise ValueError(f"Expected outer_axis ({outer_axis}) to be less than or equal to "
                         f"inner_axis ({inner_axis}).")
    if inner_axis > rt.ragged_rank:
        raise NotImplementedError("tfcompat merges ragged dimensions only (not the flat "
                                  "values' uniform dimensions)")
    if outer_axis == inner_axis:
        return rt
    if outer_axis > 0:
        if outer_axis > 1:
            return rt.with_values(merge_dims(rt.values, outer_axis - 1, inner_axis - 1))
        # Row i of the result spans row i's elements down to ``inner_axis``.
        splits = rt.row_splits
        values = rt.values
        for _ in range(inner_axis - outer_axis):
            splits = array_ops.gather(values.row_splits, splits)
            values = values.values
        return type(rt).from_row_splits(values, splits)
    values = rt
    for _ in range(inner_axis):
        values = values.values
    return values
