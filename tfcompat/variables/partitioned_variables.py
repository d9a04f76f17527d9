"""Partitioned variables: the partitioners (``tf.fixed_size_partitioner``,
``tf.variable_axis_size_partitioner``, ``tf.min_max_variable_partitioner``),
``PartitionedVariable`` and the store logic behind ``tf.get_variable(partitioner=...)``.

A partitioner maps (shape, dtype) to a number of pieces per axis; at most one axis may be cut.
The pieces are ordinary variables named ``<name>/part_<i>``; along the cut axis the first
``size % pieces`` of them get one extra row; each carries a ``SaveSliceInfo`` so Saver saves
them as slices of one ``<name>`` checkpoint entry, as TF does. Difference from TF: an
initializer receives no partition info (each piece is initialized on its own shape).
"""

from __future__ import annotations

import math

from tfcompat.framework import dtypes, ops
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops import array_ops

# ---- partitioners -----------------------------------------------------------------------------


def fixed_size_partitioner(num_shards, axis=0):
    """A partitioner cutting ``axis`` into ``num_shards`` pieces (fewer for a short axis)."""

    def _partitioner(shape, dtype):
        del dtype
        partitions = [1] * len(shape)
        partitions[axis] = min(num_shards, as_shape(shape).as_tuple()[axis])
        return partitions
    return _partitioner


def _element_bytes(dtype, bytes_per_string_element: int) -> int:
    dtype = dtypes.as_dtype(dtype)
    return bytes_per_string_element if dtype.base_dtype == dtypes.string else dtype.size


def _check_shape(shape) -> None:
    if not isinstance(shape, TensorShape):
        raise ValueError(f"shape is not a TensorShape: {shape}")
    if not shape.is_fully_defined():
        raise ValueError(f"shape is not fully defined: {shape}")


def variable_axis_size_partitioner(max_shard_bytes, axis=0, bytes_per_string_element=16,
                                   max_shards=None):
    """A partitioner cutting ``axis`` so each piece holds at most ``max_shard_bytes`` (at
    least one slice of ``axis`` per piece; at most ``max_shards`` pieces)."""
    if max_shard_bytes < 1 or bytes_per_string_element < 1:
        raise ValueError(f"Both max_shard_bytes and bytes_per_string_element must be positive. "
                         f"Currently, max_shard_bytes is {max_shard_bytes} andbytes_per_string_"
                         f"element is {bytes_per_string_element}")

    def _partitioner(shape, dtype):
        _check_shape(shape)
        axis_size = shape.as_tuple()[axis]
        slice_bytes = shape.num_elements() / axis_size * _element_bytes(
            dtype, bytes_per_string_element)
        slices_per_shard = max(1, math.floor(max_shard_bytes / slice_bytes))
        shards = int(math.ceil(axis_size / slices_per_shard))
        if max_shards:
            shards = min(max_shards, shards)
        partitions = [1] * shape.ndims
        partitions[axis] = shards
        return partitions
    return _partitioner


def min_max_variable_partitioner(max_partitions=1, axis=0, min_slice_size=256 << 10,
                                 bytes_per_string_element=16):
    """A partitioner cutting ``axis`` into pieces of at least ``min_slice_size`` bytes, at most
    ``max_partitions`` of them (and no more than the axis has)."""

    def _partitioner(shape, dtype):
        total_bytes = shape.num_elements() * _element_bytes(dtype, bytes_per_string_element)
        partitions = [1] * len(shape)
        partitions[axis] = max(1, min(shape.as_tuple()[axis], max_partitions,
                                      int(math.ceil(total_bytes / min_slice_size))))
        return partitions
    return _partitioner


# ---- PartitionedVariable ----------------------------------------------------------------------

class PartitionedVariable:
    """A variable stored as pieces along one axis; converts to their concatenation."""

    def __init__(self, name: str, shape: TensorShape, dtype, variable_list: list,
                 partitions: list):
        self._name = name
        self._shape = shape
        self._dtype = dtypes.as_dtype(dtype)
        self._variable_list = list(variable_list)
        self._partitions = list(partitions)

    name = property(lambda self: self._name)
    dtype = property(lambda self: self._dtype)
    shape = property(lambda self: self._shape)

    def get_shape(self) -> TensorShape:
        return self._shape

    def __iter__(self):
        return iter(self._variable_list)

    def __len__(self) -> int:
        return len(self._variable_list)

    def _get_variable_list(self) -> list:
        return self._variable_list

    def _get_partitions(self) -> list:
        return self._partitions

    def _partition_axis(self) -> int:
        axes = [i for i, p in enumerate(self._partitions) if p > 1]
        return axes[0] if axes else 0

    def as_tensor(self):
        """The full value: the pieces concatenated (``<name>/ConcatPartitions/concat``)."""
        graph = ops.get_default_graph()
        with graph.control_dependencies(None):
            if len(self._variable_list) == 1:
                with graph.name_scope(None):
                    return array_ops.identity(self._variable_list[0], name=self._name)
            with graph.name_scope(self._name + "/ConcatPartitions/"):
                whole = array_ops.concat(self._variable_list, self._partition_axis())
            with graph.name_scope(None):
                return array_ops.identity(whole, name=self._name)

    def _apply(self, method: str, value, use_locking, name, read_value):
        value = ops.convert_to_tensor(value, dtype=self._dtype)
        sizes = [v.shape.as_tuple()[self._partition_axis()] for v in self._variable_list]
        pieces = array_ops.split(value, sizes, axis=self._partition_axis())
        return [getattr(v, method)(piece, use_locking=use_locking, name=name,
                                   read_value=read_value)
                for v, piece in zip(self._variable_list, pieces)]

    def assign(self, value, use_locking=False, name=None, read_value=True) -> list:
        """Assigns the matching slice of ``value`` to each piece; one op per piece."""
        return self._apply("assign", value, use_locking, name, read_value)

    def assign_add(self, value, use_locking=False, name=None, read_value=True) -> list:
        return self._apply("assign_add", value, use_locking, name, read_value)

    def assign_sub(self, value, use_locking=False, name=None, read_value=True) -> list:
        return self._apply("assign_sub", value, use_locking, name, read_value)


def _conversion(value, dtype=None, name=None, as_ref=False):
    if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(value.dtype):
        raise ValueError(f"Incompatible type conversion requested to type '{dtype.name}' for "
                         f"variable of type '{value.dtype.name}'")
    if as_ref:
        raise NotImplementedError("PartitionedVariable doesn't support being used as a "
                                  "reference.")
    return value.as_tensor()


ops.register_tensor_conversion_function(PartitionedVariable, _conversion)


# ---- the store's partitioned get_variable ------------------------------------------------

def _piece_shapes(shape: TensorShape, partitions: list) -> tuple[int, list[tuple]]:
    dims = shape.as_tuple()
    if len(partitions) != len(dims):
        raise ValueError(f"Partitioner returned a partition list that does not match the "
                         f"Variable's rank: {partitions} vs. {shape}")
    if any(p < 1 for p in partitions):
        raise ValueError(f"Partitioner returned zero partitions for some axes: {partitions}")
    cut = [i for i, p in enumerate(partitions) if p > 1]
    if len(cut) > 1:
        raise ValueError(f"Can only slice a variable along one dimension: shape: {shape}, "
                         f"partitioning: {partitions}")
    axis = cut[0] if cut else 0
    pieces = partitions[axis]
    base, extra = divmod(dims[axis], pieces)
    shapes = []
    for i in range(pieces):
        piece = list(dims)
        piece[axis] = base + (1 if i < extra else 0)
        shapes.append(tuple(piece))
    return axis, shapes


def get_partitioned_variable(var_store, name: str, shape, dtype, partitioner, reuse,
                             **piece_kwargs) -> PartitionedVariable:
    """``get_variable`` of a partitioned variable in ``var_store`` (the variable scope's store):
    creates (or, reusing, finds) the pieces ``name/part_i``."""
    existing = var_store.partitioned_vars.get(name)
    if existing is not None:
        if reuse is False:
            raise ValueError(f"Partitioned variable with name {name} already exists. Did you "
                             "mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
        shape_arg = as_shape(shape)
        if not shape_arg.is_compatible_with(existing.shape):
            raise ValueError(f"Trying to reuse partitioned variable {name}, but specified "
                             f"shape {shape_arg} and found shape {existing.shape}.")
        return existing
    if reuse is True:
        raise ValueError(f"PartitionedVariable {name} does not exist, or was not created with "
                         "tf.get_variable(). Did you mean to set reuse=False or "
                         "reuse=tf.AUTO_REUSE in VarScope?")
    shape = as_shape(shape)
    if not shape.is_fully_defined():
        raise ValueError(f"Shape of a new partitioned variable ({name}) must be fully defined, "
                         f"but instead was {shape}.")
    if shape.ndims < 1:
        raise ValueError(f"A partitioned Variable must have rank at least 1, shape: {shape}")
    dtype = dtypes.as_dtype(dtype)
    partitions = list(partitioner(shape=shape, dtype=dtype))
    axis, shapes = _piece_shapes(shape, partitions)
    pieces = []
    offset = 0
    for i, piece_shape in enumerate(shapes):
        piece = var_store.get_variable(f"{name}/part_{i}", shape=piece_shape, dtype=dtype,
                                       reuse=reuse, **piece_kwargs)
        var_offset = [0] * len(piece_shape)
        var_offset[axis] = offset
        offset += piece_shape[axis]
        piece._set_save_slice_info(piece.SaveSliceInfo(name, shape.as_list(), var_offset,
                                                       list(piece_shape)))
        pieces.append(piece)
    result = PartitionedVariable(name, shape, dtype, pieces, partitions)
    var_store.partitioned_vars[name] = result
    return result
