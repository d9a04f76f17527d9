"""Nested element structures of ``tf.data``: tuples, namedtuples and dicts of tensors.

As in TF, a list is not a structure: it becomes one tensor. Dict entries are flattened in
sorted key order.
"""

from __future__ import annotations

# registers the ragged variant ops at import, so op lookups (import_graph_def) find them
from tfcompat.data import ragged_elements  # noqa: F401
from tfcompat.framework import dtypes, ops
from tfcompat.framework.tensor_shape import TensorShape, as_shape


class DatasetSpec:
    """The type of an element that is itself a dataset (``window`` produces them)."""

    def __init__(self, types, shapes):
        self.types = types
        self.shapes = shapes

    def __repr__(self) -> str:
        return f"DatasetSpec({self.types}, {self.shapes})"

    def __eq__(self, other) -> bool:
        return (isinstance(other, DatasetSpec) and self.types == other.types
                and self.shapes == other.shapes)

    __hash__ = None


class SparseType:
    """The type of a SparseTensor component: its values' dtype and its dense shape.

    A sparse component travels through a pipeline as one variant tensor holding its
    (indices, values, dense_shape), made by ``SerializeSparse`` and read back by
    ``DeserializeSparse`` (as TF does).
    """

    def __init__(self, dtype, shape):
        self.dtype = dtype
        self.shape = shape

    def __repr__(self) -> str:
        return f"SparseType({self.dtype.name}, {self.shape})"


class RaggedType:
    """The type of a RaggedTensor component: values dtype, static shape, ragged rank and
    row-splits dtype. It travels as one variant (tfcompat.data.ragged_elements); a ragged
    rank of 0 stands for a dense tensor (what slicing a ragged rank 1 tensor gives)."""

    def __init__(self, dtype, shape, ragged_rank: int, row_splits_dtype=dtypes.int64):
        self.dtype = dtype
        self.shape = shape
        self.ragged_rank = ragged_rank
        self.row_splits_dtype = row_splits_dtype

    def with_rank_change(self, shape, delta: int) -> RaggedType:
        return RaggedType(self.dtype, shape, self.ragged_rank + delta, self.row_splits_dtype)

    def __repr__(self) -> str:
        return f"RaggedType({self.dtype.name}, {self.shape}, {self.ragged_rank})"


_ENCODED = (SparseType, RaggedType)


def is_ragged(value) -> bool:
    return hasattr(value, "nested_row_splits") and hasattr(value, "flat_values")


def component_types(types) -> list:
    """The flat per-tensor dtypes of an element (a sparse or ragged leaf is one variant)."""
    return [dtypes.variant if isinstance(t, _ENCODED) else t for t in flatten(types)]


def component_shapes(types, shapes) -> list:
    return [TensorShape([3]) if isinstance(t, SparseType) else
            TensorShape(None) if isinstance(t, RaggedType) else s
            for t, s in zip(flatten(types), flatten(shapes))]


def pack_components(types, flat: list):
    """The element structure from its flat tensors (sparse and ragged leaves decoded)."""
    from tfcompat.ops.sparse_extra_ops import deserialize_sparse
    leaves = iter(flat)

    def take(t):
        if isinstance(t, SparseType):
            return deserialize_sparse(next(leaves), t.dtype, t.shape)
        if isinstance(t, RaggedType):
            return _decode_ragged(next(leaves), t)
        return next(leaves)
    return map_structure(take, types)


def _decode_ragged(variant, t: RaggedType):
    from tfcompat.ops.ragged.ragged_tensor import RaggedTensor
    if t.shape.ndims is None:
        inner = TensorShape(None)
    else:  # the flat values' shape after their first dimension (all of it when rank 0)
        inner = t.shape if t.ragged_rank == 0 else t.shape[t.ragged_rank + 1:]
    out = ops.apply_op("RaggedTensorFromVariant", [variant], name="RaggedFromVariant", attrs={
        "input_ragged_rank": -1, "output_ragged_rank": t.ragged_rank, "Tvalues": t.dtype,
        "Tsplits": t.row_splits_dtype, "values_inner_shape": inner})
    out = out if isinstance(out, list) else [out]
    if t.ragged_rank == 0:
        return out[0]
    return RaggedTensor.from_nested_row_splits(out[-1], out[:-1], validate=False)


def _encode_ragged(value, batched: bool = False):
    splits = list(value.nested_row_splits)
    return ops.apply_op("RaggedTensorToVariant", [splits, value.flat_values],
                        name="RaggedToVariant", attrs={"batched_input": batched,
                                                       "RAGGED_RANK": len(splits)})


def flat_components(value) -> list:
    """The flat tensors of an element (a SparseTensor or RaggedTensor becomes one variant)."""
    from tfcompat.ops.sparse_extra_ops import serialize_sparse
    return [serialize_sparse(leaf, out_type=dtypes.variant)
            if hasattr(leaf, "dense_shape") and hasattr(leaf, "indices") else
            _encode_ragged(leaf) if is_ragged(leaf) else leaf
            for leaf in flatten(value)]


def _type_of(t):
    if hasattr(t, "dense_shape"):
        return SparseType(t.dtype.base_dtype, t.shape)
    if is_ragged(t):
        return RaggedType(t.dtype.base_dtype, t.shape, t.ragged_rank,
                          dtypes.as_dtype(t.row_splits_dtype))
    return t.dtype.base_dtype


def types_of(value):
    return map_structure(_type_of, value)


def shapes_of(value):
    return map_structure(lambda t: t.shape, value)


def is_structure(x) -> bool:
    return isinstance(x, (tuple, dict))


def _children(x) -> list:
    if isinstance(x, dict):
        return [x[k] for k in sorted(x)]
    return list(x)


def _rebuild(x, children: list):
    if isinstance(x, dict):
        keyed = dict(zip(sorted(x), children))
        return type(x)((k, keyed[k]) for k in x)
    if hasattr(x, "_fields"):
        return type(x)(*children)
    return tuple(children)


def flatten(x) -> list:
    if not is_structure(x):
        return [x]
    return [leaf for child in _children(x) for leaf in flatten(child)]


def map_structure(fn, x):
    if not is_structure(x):
        return fn(x)
    return _rebuild(x, [map_structure(fn, child) for child in _children(x)])


def pack_as(structure, flat: list):
    leaves = iter(flat)
    return map_structure(lambda _: next(leaves), structure)


def to_tensors(value, name: str = "component"):
    """Converts every leaf of a structure to a Tensor (lists become tensors; SparseTensors
    stay)."""
    counter = iter(range(1 << 30))

    def convert(v):
        if isinstance(v, ops.Tensor) or (hasattr(v, "dense_shape") and hasattr(v, "indices")) \
                or is_ragged(v):
            return v
        return ops.convert_to_tensor(v, name=f"{name}_{next(counter)}")
    return map_structure(convert, value)


def check_same_structure(a, b) -> None:
    if _signature(a) != _signature(b):
        raise TypeError(f"The two structures don't have the same nested structure.\n\n"
                        f"First structure: {a}\n\nSecond structure: {b}")


def _signature(x):
    if not is_structure(x):
        return None
    keys = tuple(sorted(x)) if isinstance(x, dict) else len(x)
    return (keys, tuple(_signature(c) for c in _children(x)))


def normalize_types(types):
    return map_structure(dtypes.as_dtype, types)


def normalize_shapes(shapes, types):
    if shapes is None:
        return map_structure(lambda _: TensorShape(None), types)
    if not is_structure(types):
        return as_shape(shapes)
    return pack_as(types, [as_shape(s) for s in _flat_shapes(shapes)])


def _flat_shapes(shapes) -> list:
    """Leaves of a shape structure (a TensorShape, or a list/tuple of ints, is one leaf)."""
    if isinstance(shapes, dict):
        return [leaf for k in sorted(shapes) for leaf in _flat_shapes(shapes[k])]
    if isinstance(shapes, tuple) and not all(isinstance(d, (int, type(None))) for d in shapes):
        return [leaf for s in shapes for leaf in _flat_shapes(s)]
    return [shapes]
