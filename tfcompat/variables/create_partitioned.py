"""``tf.create_partitioned_variables`` (deprecated): the pieces of a partitioned variable as a
list, made through ``get_variable`` with a fixed slicing."""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.variables import variable_scope as vs


def create_partitioned_variables(shape, slicing, initializer, dtype=dtypes.float32,
                                 trainable=True, collections=None, name=None, reuse=None):
    """Creates the pieces of a variable of ``shape`` cut per ``slicing`` (pieces per axis)
    in the variable scope ``name`` (default "PartitionedVariable"); returns them as a list."""
    if len(shape) != len(slicing):
        raise ValueError(f"The 'shape' and 'slicing' of a partitioned Variable must have the "
                         f"length: shape: {shape}, slicing: {slicing}")
    if len(shape) < 1:
        raise ValueError(f"A partitioned Variable must have rank at least 1: shape: {shape}")
    with vs.variable_scope(name, "PartitionedVariable", reuse=reuse) as scope:
        store = vs._store()
        partitioned = scope.get_variable(
            store, None, shape=shape, dtype=dtype, initializer=initializer, trainable=trainable,
            collections=collections, partitioner=lambda **unused: list(slicing))
    return list(partitioned)
