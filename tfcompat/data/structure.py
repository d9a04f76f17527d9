"""Nested element structures of ``tf.data``: tuples, namedtuples and dicts of tensors.

As in TF, a list is not a structure: it becomes one tensor. Dict entries are flattened in
sorted key order.
"""

from __future__ import annotations

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


def component_types(types) -> list:
    """The flat per-tensor dtypes of an element (a sparse leaf is one variant)."""
    return [dtypes.variant if isinstance(t, SparseType) else t for t in flatten(types)]


def component_shapes(types, shapes) -> list:
    return [TensorShape([3]) if isinstance(t, SparseType) else s
            for t, s in zip(flatten(types), flatten(shapes))]


def pack_components(types, flat: list):
    """The element structure from its flat tensors (a sparse leaf is deserialized)."""
    from tfcompat.ops.sparse_extra_ops import deserialize_sparse
    leaves = iter(flat)

    def take(t):
        if isinstance(t, SparseType):
            return deserialize_sparse(next(leaves), t.dtype, t.shape)
        return next(leaves)
    return map_structure(take, types)


def flat_components(value) -> list:
    """The flat tensors of an element (a SparseTensor is serialized to one variant)."""
    from tfcompat.ops.sparse_extra_ops import serialize_sparse
    return [serialize_sparse(leaf, out_type=dtypes.variant)
            if hasattr(leaf, "dense_shape") and hasattr(leaf, "indices") else leaf
            for leaf in flatten(value)]


def types_of(value):
    return map_structure(lambda t: SparseType(t.dtype.base_dtype, t.shape)
                         if hasattr(t, "dense_shape") else t.dtype.base_dtype, value)


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
        if isinstance(v, ops.Tensor) or (hasattr(v, "dense_shape") and hasattr(v, "indices")):
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
