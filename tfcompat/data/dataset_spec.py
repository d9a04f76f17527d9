"""``tf.data.DatasetSpec`` (the type of a dataset-valued element) and ``tf.data.NumpyIterator``
(Python iteration, which TF allows only in eager mode)."""

from __future__ import annotations

from tfcompat.framework.tensor_shape import as_shape


class DatasetSpec:
    """The type of a dataset: its ``element_spec`` structure (of TensorSpecs) and its shape
    (``[]`` for one dataset). tfcompat's datasets track types and shapes instead of specs, so
    ``DatasetSpec.from_value`` is not provided."""

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

    def is_compatible_with(self, spec_or_value) -> bool:
        if not isinstance(spec_or_value, DatasetSpec):
            return False
        other = spec_or_value
        if not self._dataset_shape.is_compatible_with(other._dataset_shape):
            return False
        from tfcompat.data import structure
        mine, theirs = self._element_spec, other._element_spec
        try:
            structure.check_same_structure(mine, theirs)
        except TypeError:
            return False
        return all(a.is_compatible_with(b) if hasattr(a, "is_compatible_with") else a == b
                   for a, b in zip(structure.flatten(mine), structure.flatten(theirs)))

    def __eq__(self, other) -> bool:
        return (isinstance(other, DatasetSpec) and self._element_spec == other._element_spec
                and self._dataset_shape == other._dataset_shape)

    def __hash__(self):
        return hash((type(self), repr(self._element_spec), self._dataset_shape))

    def __repr__(self) -> str:
        return f"DatasetSpec({self._element_spec!r}, {self._dataset_shape!r})"


_ITERATION_ERROR = ("`tf.data.Dataset` only supports Python-style iteration in eager mode or "
                    "within tf.function.")


class NumpyIterator:
    """Iterates a dataset as numpy values; like TF, only in eager mode, so in TF1's graph
    mode constructing one raises ``RuntimeError`` (use an iterator and ``Session.run``)."""

    def __init__(self, dataset):
        raise RuntimeError(_ITERATION_ERROR)


