"""The checkpoint file ops: ``SaveV2`` writes a tensor bundle, ``RestoreV2`` reads one and
``MergeV2Checkpoints`` merges shards; plus the string ops a sharded Saver names its temporary
shards with (``StaticRegexFullMatch``, ``StringJoin``, ``ShardedFilename``).

The file ops are stateful (they touch the file system, so they are never constant-folded or
cached); none is differentiable. They take the checkpoint prefix and the tensor names as string
tensors, as TensorFlow's kernels do, so a Saver's ``save/Const`` filename can be fed at run time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import no_gradient, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.string_ops import (  # noqa: F401 - the string ops naming shards
    static_regex_full_match,
    string_join,
)
from tfcompat.training.checkpoint import bundle, tensor_slices

# TensorFlow's C++ spelling of dtype names in kernel messages (DataTypeString).
_CPP_DTYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}


def cpp_dtype_name(dtype: dtypes.DType) -> str:
    return _CPP_DTYPE_NAMES.get(dtype.name, dtype.name)


def as_text(value) -> str:
    """A scalar string tensor value (bytes, str or 0-d array) as str."""
    value = np.asarray(value).reshape(()).item() if isinstance(value, np.ndarray) else value
    return value.decode("utf-8", "surrogateescape") if isinstance(value, bytes) else str(value)


def _texts(value) -> list[str]:
    return [as_text(v) for v in np.asarray(value, dtype=object).reshape(-1)]


# ---- slice specs ("dim0 dim1 ... start,length:-:...") ----------------------------------------

def _slice_of(spec: str, stored_shape: tuple[int, ...], name: str) -> tuple[slice, ...] | None:
    """The index selecting the ``shape_and_slices`` entry from a full stored tensor."""
    if not spec:
        return None
    full_shape, extents = tensor_slices.parse_spec(spec)
    if tuple(full_shape) != tuple(stored_shape):
        raise errors.InvalidArgumentError(
            None, None, f"tensor_name = {name}; shape in shape_and_slice spec "
            f"[{','.join(map(str, full_shape))}] does not match the shape stored in checkpoint: "
            f"[{','.join(map(str, stored_shape))}]")
    return tensor_slices.bounds(extents, full_shape)


# ---- SaveV2 ----------------------------------------------------------------------------------

def _bind_save(op, state):
    del state
    dtype_list = op._attrs["dtypes"]

    def save(prefix, tensor_names, shape_and_slices, *tensors):
        names = _texts(tensor_names)
        slices = _texts(shape_and_slices)
        if len(names) != len(tensors):
            raise errors.InvalidArgumentError(
                None, None, f"Got {len(names)} tensor names but {len(tensors)} tensors.")
        if len(slices) != len(names):
            raise errors.InvalidArgumentError(
                None, None, f"Expected {len(names)} elements in shapes_and_slices, but got "
                f"{len(slices)}")
        bundle.write_bundle(as_text(prefix), list(zip(names, dtype_list, tensors, slices)))
    return save


register_op("SaveV2", inputs=("prefix: string", "tensor_names: string",
                              "shape_and_slices: string", "tensors: list(dtypes)"),
            shape_fn=lambda op: [], bind=_bind_save, stateful=True)
no_gradient("SaveV2")


def save_v2(prefix, tensor_names: Sequence[str], shape_and_slices: Sequence[str],
            tensors: Sequence[Tensor], name=None):
    """Saves ``tensors`` under ``tensor_names`` in the V2 checkpoint ``prefix``; returns the op."""
    return apply_op("SaveV2", [prefix, list(tensor_names), list(shape_and_slices),
                               list(tensors)], name=name)


# ---- RestoreV2 -------------------------------------------------------------------------------

def _restore_shape(op):
    return [(dtype, unknown_shape()) for dtype in op._attrs["dtypes"]]


def _bind_restore(op, state):
    del state
    dtype_list = op._attrs["dtypes"]

    def restore(prefix, tensor_names, shape_and_slices):
        names = _texts(tensor_names)
        slices = _texts(shape_and_slices)
        if len(names) != len(slices):
            raise errors.InvalidArgumentError(
                None, None, "tensor_names and shape_and_slices have different number of "
                f"elements: {len(names)} vs. {len(slices)}")
        if len(names) != len(dtype_list):
            raise errors.InvalidArgumentError(
                None, None, f"Expected {len(dtype_list)} tensor names, got {len(names)}")
        reader = bundle.BundleReader(as_text(prefix))
        values = []
        for name, spec, dtype in zip(names, slices, dtype_list):
            stored = reader.dtype(name)
            if stored is not dtype:
                raise errors.InvalidArgumentError(
                    None, None, f"tensor_name = {name}; expected dtype {cpp_dtype_name(dtype)} "
                    f"does not equal original dtype {cpp_dtype_name(stored)}")
            index = _slice_of(spec, tuple(reader.shape(name).as_list()), name)
            value = reader.read(name)
            values.append(value if index is None else np.ascontiguousarray(value[index]))
        return values[0] if len(values) == 1 else tuple(values)
    return restore


register_op("RestoreV2", inputs=("prefix: string", "tensor_names: string",
                                 "shape_and_slices: string"),
            shape_fn=_restore_shape, bind=_bind_restore, stateful=True)
no_gradient("RestoreV2")


def restore_v2(prefix, tensor_names: Sequence[str], shape_and_slices: Sequence[str],
               dtype_list: Sequence[dtypes.DType], name=None) -> list[Tensor]:
    """The tensors ``tensor_names`` read from the V2 checkpoint ``prefix``, one per dtype."""
    result = apply_op("RestoreV2", [prefix, list(tensor_names), list(shape_and_slices)],
                      name=name, attrs={"dtypes": [dtypes.as_dtype(d) for d in dtype_list]})
    return result if isinstance(result, list) else [result]


# ---- MergeV2Checkpoints ----------------------------------------------------------------------

def _bind_merge(op, state):
    del state
    delete_old_dirs = op._attrs["delete_old_dirs"]
    allow_missing_files = op._attrs["allow_missing_files"]

    def merge(checkpoint_prefixes, destination_prefix):
        bundle.merge_bundles(_texts(checkpoint_prefixes), as_text(destination_prefix),
                             delete_old_dirs, allow_missing_files)
    return merge


register_op("MergeV2Checkpoints", inputs=("checkpoint_prefixes: string",
                                          "destination_prefix: string"),
            shape_fn=lambda op: [], bind=_bind_merge, stateful=True,
            attr_defaults={"delete_old_dirs": True, "allow_missing_files": False})
no_gradient("MergeV2Checkpoints")


def merge_v2_checkpoints(checkpoint_prefixes, destination_prefix, delete_old_dirs=True,
                         allow_missing_files=False, name=None):
    """Merges the V2 checkpoints ``checkpoint_prefixes`` into ``destination_prefix``."""
    return apply_op("MergeV2Checkpoints", [checkpoint_prefixes, destination_prefix], name=name,
                    attrs={"delete_old_dirs": bool(delete_old_dirs),
                           "allow_missing_files": bool(allow_missing_files)})


def _sharded_filename(basename, shard, num_shards) -> np.ndarray:
    name = f"{as_text(basename)}-{int(shard):05d}-of-{int(num_shards):05d}"
    return np.array(name.encode("utf-8", "surrogateescape"), dtype=object)


register_op("ShardedFilename", inputs=("basename: string", "shard: int32", "num_shards: int32"),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))], kernel=_sharded_filename)
no_gradient("ShardedFilename")


def sharded_filename(basename, shard, num_shards, name=None) -> Tensor:
    """``<basename>-<shard>-of-<num_shards>``, both numbers as 5 digits."""
    return apply_op("ShardedFilename", [basename, shard, num_shards], name=name)
