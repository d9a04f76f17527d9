"""``tf.data.experimental.Optional``: a value that may be absent, and
``get_next_as_optional`` (the next element of an iterator, or none at its end).

An optional travels as a variant tensor whose run-time value is an ``OptionalValue``.
"""

from __future__ import annotations

import numpy as np

from tfcompat.data import structure
from tfcompat.data.iterator_ops import resource_of
from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape

_SCALAR = TensorShape([])


class OptionalValue:
    """The run-time value of an optional: its components, or None."""

    def __init__(self, components):
        self.components = components


def _variant(value) -> np.ndarray:
    out = np.empty((), dtype=object)
    out[()] = value
    return out


def _get_next_as_optional(handle):
    try:
        element = resource_of(handle).next()
    except errors.OutOfRangeError:
        return _variant(OptionalValue(None))
    return _variant(OptionalValue(tuple(element)))


def _get_value(optional):
    components = np.asarray(optional, dtype=object)[()].components
    if components is None:
        raise errors.InvalidArgumentError(None, None, "The given optional does not have a "
                                          "value.")
    return components[0] if len(components) == 1 else components


def _components_shape(op):
    return list(zip(op._attrs["output_types"], op._attrs["output_shapes"]))


_VARIANT_SHAPE = [(dtypes.variant, _SCALAR)]
register_op("IteratorGetNextAsOptional", inputs=("iterator: resource",),
            shape_fn=lambda op: _VARIANT_SHAPE, kernel=_get_next_as_optional, foldable=False,
            grad=NOT_DIFFERENTIABLE)
register_op("OptionalHasValue", inputs=("optional: variant",),
            shape_fn=lambda op: [(dtypes.bool_, _SCALAR)], foldable=False,
            kernel=lambda o: np.bool_(np.asarray(o, dtype=object)[()].components is not None),
            grad=NOT_DIFFERENTIABLE)
register_op("OptionalGetValue", inputs=("optional: variant",), shape_fn=_components_shape,
            kernel=_get_value, foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("OptionalFromValue", inputs=("components: list(Toutput_types)",),
            shape_fn=lambda op: _VARIANT_SHAPE, foldable=False, grad=NOT_DIFFERENTIABLE,
            kernel=lambda *c: _variant(OptionalValue(tuple(np.asarray(x) for x in c))))


class Optional:
    """A structure of tensors that may be absent (``tf.data.experimental.Optional``)."""

    def __init__(self, variant_tensor, types, shapes):
        self._variant_tensor = variant_tensor
        self._types = types
        self._shapes = shapes

    @property
    def element_spec(self):
        """The structure of TypeSpecs of the value this optional may hold."""
        from tfcompat.data.element_specs import spec_of
        return spec_of(self._types, self._shapes)

    @staticmethod
    def from_value(value):
        """An optional holding ``value`` (a structure of tensors)."""
        with ops.name_scope("optional") as scope:
            with ops.name_scope("value"):
                element = structure.to_tensors(value)
            flat = structure.flat_components(element)
            variant = ops.apply_op("OptionalFromValue", [flat], name=scope)
        return Optional(variant, structure.types_of(element), structure.shapes_of(element))

    def has_value(self, name=None):
        """A bool scalar: whether this optional holds a value."""
        return ops.apply_op("OptionalHasValue", [self._variant_tensor],
                            name=name or "OptionalHasValue")

    def get_value(self, name=None):
        """The value (``InvalidArgumentError`` at run time if there is none)."""
        out = ops.apply_op("OptionalGetValue", [self._variant_tensor],
                           name=name or "OptionalGetValue", attrs={
                               "output_types": structure.component_types(self._types),
                               "output_shapes": structure.component_shapes(self._types,
                                                                           self._shapes)})
        return structure.pack_components(self._types, out if isinstance(out, list) else [out])


def get_next_as_optional(iterator):
    """The iterator's next element as an ``Optional`` (empty at the end of the dataset)."""
    variant = ops.apply_op("IteratorGetNextAsOptional", [iterator._iterator_resource],
                           name="IteratorGetNextAsOptional", attrs={
                               "output_types": structure.component_types(iterator._types),
                               "output_shapes": structure.component_shapes(iterator._types,
                                                                           iterator._shapes)})
    return Optional(variant, iterator._types, iterator._shapes)
