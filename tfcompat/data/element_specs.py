"""Element specs of ``tf.data``: the TypeSpec structure (``element_spec``) of a dataset or
iterator, built from the element types and shapes tfcompat tracks, and back; and the
``tf.data.experimental`` structure names (TF's deprecated aliases of the TypeSpecs)."""

from __future__ import annotations

from tfcompat.data import structure
from tfcompat.data.dataset_spec import DatasetSpec
from tfcompat.framework import dtypes
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops.type_specs import (
    OptionalSpec,
    SparseTensorSpec,
    TensorArraySpec,
    TensorSpec,
    TypeSpec,
)


def spec_of(types, shapes):
    """The element spec of an element with ``types`` (dtypes, SparseTypes, RaggedTypes or the
    DatasetSpecs of nested datasets) and ``shapes``."""
    def leaf(t, s):
        if isinstance(t, structure.SparseType):
            return SparseTensorSpec(t.shape, t.dtype)
        if isinstance(t, structure.DatasetSpec):
            return DatasetSpec(spec_of(t.types, t.shapes))
        if isinstance(t, structure.RaggedType):
            from tfcompat.ops.ragged.ragged_tensor_spec import RaggedTensorSpec
            return RaggedTensorSpec(t.shape, t.dtype, t.ragged_rank, t.row_splits_dtype)
        return TensorSpec(s, t)
    return structure.pack_as(types, [leaf(t, s) for t, s in zip(
        structure.flatten(types), structure.flatten(shapes))])


def types_and_shapes(element_spec) -> tuple:
    """The (types, shapes) structures tfcompat tracks for ``element_spec``."""
    from tfcompat.ops.ragged.ragged_tensor_spec import RaggedTensorSpec
    leaves = structure.flatten(element_spec)
    for spec in leaves:
        if not isinstance(spec, (TensorSpec, SparseTensorSpec, DatasetSpec, RaggedTensorSpec)):
            raise TypeError(f"tfcompat's datasets hold Tensors, SparseTensors, RaggedTensors "
                            f"and datasets; the element spec {spec!r} is not supported")

    def type_of(spec):
        if isinstance(spec, SparseTensorSpec):
            return structure.SparseType(spec.dtype, spec.shape)
        if isinstance(spec, DatasetSpec):
            return structure.DatasetSpec(*types_and_shapes(spec.element_spec))
        if isinstance(spec, RaggedTensorSpec):
            return structure.RaggedType(spec.dtype, spec.shape, spec.ragged_rank,
                                        spec.row_splits_dtype)
        return spec.dtype

    def shape_of(spec):
        return TensorShape([]) if isinstance(spec, DatasetSpec) else spec.shape
    return (structure.pack_as(element_spec, [type_of(s) for s in leaves]),
            structure.pack_as(element_spec, [shape_of(s) for s in leaves]))


def get_structure(dataset_or_iterator):
    """The element spec of a dataset or iterator (``tf.data.experimental.get_structure``)."""
    try:
        return dataset_or_iterator.element_spec
    except AttributeError:
        raise TypeError(f"Invalid `dataset_or_iterator`. `dataset_or_iterator` must be a "
                        f"`tf.data.Dataset` or tf.data.Iterator object, but got "
                        f"{type(dataset_or_iterator)}.") from None


def from_variant(variant, structure):
    """The dataset that the variant tensor ``variant`` (from ``to_variant``) stands for, whose
    elements have the spec ``structure``."""
    from tfcompat.data.dataset_ops import Dataset
    types, shapes = types_and_shapes(structure)
    return Dataset(variant, types, shapes)


Structure = TypeSpec
DatasetStructure = DatasetSpec
OptionalStructure = OptionalSpec


def TensorStructure(dtype, shape):  # noqa: N802 - TF's name
    """Deprecated alias: ``tf.TensorSpec(shape, dtype)``."""
    return TensorSpec(shape, dtype)


def SparseTensorStructure(dtype, shape):  # noqa: N802 - TF's name
    """Deprecated alias: ``tf.SparseTensorSpec(shape, dtype)``."""
    return SparseTensorSpec(shape, dtype)


def TensorArrayStructure(dtype, element_shape, dynamic_size, infer_shape):  # noqa: N802
    """Deprecated alias: ``tf.TensorArraySpec(element_shape, dtype, dynamic_size,
    infer_shape)``."""
    return TensorArraySpec(as_shape(element_shape), dtypes.as_dtype(dtype), dynamic_size,
                           infer_shape)
