"""Random ops built from the seeded primitives: random_crop."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, random_ops, slicing_ops


def random_crop(value, size, seed=None, name=None) -> Tensor:
    """A random ``size`` slice of ``value`` (same offsets stream as TF for a given seed)."""
    with ops.name_scope(name, "random_crop", [value, size]) as scope:
        value = convert_to_tensor(value, name="value")
        size = convert_to_tensor(size, dtype=dtypes.int32, name="size")
        shape = array_ops.shape(value)
        limit = shape - size + 1
        offset = random_ops.random_uniform(array_ops.shape(shape), dtype=size.dtype,
                                           maxval=size.dtype.max, seed=seed) % limit
        return slicing_ops.slice(value, offset, size, name=scope)


