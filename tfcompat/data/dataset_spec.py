"""``tf.data.DatasetSpec`` (the type of a dataset-valued element) and ``tf.data.NumpyIterator``
(Python iteration, which TF allows only in eager mode)."""

from __future__ import annotations

from tfcompat.framework import nest
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops.type_specs import TypeSpec


class DatasetSpec(TypeSpec):
    """The type of a dataset: its ``element_spec`` (a structure of TypeSpecs) and its shape
    (``[]`` for one dataset)."""

    __slots__ = ("_element_spec", "_dataset_shape")

    def __init__(self, element_spec, dataset_shape=()):
        self._element_spec = element_spec
        self._dataset_shape = as_shape(dataset_shape)

    @property
    def element_spec(self):
        return self._element_spec

    @property
    def value_type(self):
        from tfcompat.data.dataset_ops import Dataset
        return Dataset

    def _serialize(self) -> tuple:
        return (self._element_spec, self._dataset_shape)

    @staticmethod
    def from_value(value) -> DatasetSpec:
        """The spec of the dataset ``value``."""
        return DatasetSpec(value.element_spec)

    def is_compatible_with(self, spec_or_value) -> bool:
        if not isinstance(spec_or_value, DatasetSpec):
            if not hasattr(spec_or_value, "_variant_tensor"):
                return False
            spec_or_value = DatasetSpec.from_value(spec_or_value)
        other = spec_or_value
        if not self._dataset_shape.is_compatible_with(other._dataset_shape):
            return False
        try:
            nest.assert_same_structure(self._element_spec, other._element_spec)
        except (TypeError, ValueError):
            return False
        return all(a.is_compatible_with(b) for a, b in zip(
            nest.flatten(self._element_spec), nest.flatten(other._element_spec)))

    def __eq__(self, other) -> bool:
        if not isinstance(other, DatasetSpec) or _shape_key(self._dataset_shape) != \
                _shape_key(other._dataset_shape):
            return False
        try:
            nest.assert_same_structure(self._element_spec, other._element_spec)
        except (TypeError, ValueError):
            return False
        return nest.flatten(self._element_spec) == nest.flatten(other._element_spec)

    def __hash__(self) -> int:
        return hash((DatasetSpec, tuple(nest.flatten(self._element_spec)),
                     _shape_key(self._dataset_shape)))


def _shape_key(shape: TensorShape):
    return None if shape.ndims is None else tuple(shape.as_tuple())


_ITERATION_ERROR = ("`tf.data.Dataset` only supports Python-style iteration in eager mode or "
                    "within tf.function.")


class NumpyIterator:
    """Iterates a dataset as numpy values; like TF, only in eager mode, so in TF1's graph
    mode constructing one raises ``RuntimeError`` (use an iterator and ``Session.run``)."""

    def __init__(self, dataset):
        raise RuntimeError(_ITERATION_ERROR)
