"""Run-time checks of ragged partitions."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.ops import math_ops
from tfcompat.ops.logging_ops import Assert


def runtime_assert(condition: Tensor, message: str, name: str):
    """An Assert op checked when run: TF's partition checks compare slices of the
    partitions, which TF does not evaluate at build time, so they never fail while building."""
    with ops.name_scope(None, name, [condition]):
        return Assert(math_ops.reduce_all(condition), [message])
