"""``tf.TypeSpec`` and its graph-mode kinds: TensorSpec, SparseTensorSpec, IndexedSlicesSpec,
TensorArraySpec, NoneTensorSpec, OptionalSpec; ``tf.type_spec_from_value``.

A spec is a value object described by its components (``_serialize()``): two specs are equal
when their types and components are, and a spec's repr is its class name and components (as
TF prints them). Shapes compare by compatibility in ``is_compatible_with``.
"""

from __future__ import annotations

import abc

import numpy as np

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor import Tensor
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops.tensor_array_ops import TensorArray


def _shape_key(shape: TensorShape):
    return None if shape.ndims is None else tuple(shape.as_tuple())


def _component_key(value):
    if isinstance(value, TensorShape):
        return ("shape", _shape_key(value))
    if isinstance(value, tuple):
        return tuple(_component_key(v) for v in value)
    if isinstance(value, TypeSpec):
        return (type(value), _component_key(value._serialize()))
    return value


def _compatible(a, b) -> bool:
    if isinstance(a, TensorShape) and isinstance(b, TensorShape):
        return a.is_compatible_with(b)
    if isinstance(a, TypeSpec):
        return a.is_compatible_with(b)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_compatible(x, y) for x, y in zip(a, b))
    return a == b


def _subtype(a, b) -> bool:
    if isinstance(a, TensorShape) and isinstance(b, TensorShape):
        if b.ndims is None:
            return True
        return a.ndims == b.ndims and all(
            y is None or x == y for x, y in zip(a.as_tuple(), b.as_tuple()))
    if isinstance(a, TypeSpec):
        return a.is_subtype_of(b)
    return a == b


def _common_shape(shapes: list[TensorShape]) -> TensorShape | None:
    if any(s.ndims is None for s in shapes):
        return TensorShape(None)
    if len({s.ndims for s in shapes}) > 1:
        return None
    dims = [d if all(s.as_tuple()[i] == d for s in shapes) else None
            for i, d in enumerate(shapes[0].as_tuple())]
    return TensorShape(dims)


class TypeSpec(abc.ABC):
    """Describes a value's type: the kind of value plus its components (shape, dtype...)."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def value_type(self):
        """The Python type of values this spec describes."""

    @abc.abstractmethod
    def _serialize(self) -> tuple:
        """The components describing this spec (what equality and repr use)."""

    @classmethod
    def _deserialize(cls, components: tuple):
        return cls(*components)

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and \
            _component_key(self._serialize()) == _component_key(other._serialize())

    def __ne__(self, other) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((type(self), _component_key(self._serialize())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._serialize()!r}"

    def is_compatible_with(self, spec_or_value) -> bool:
        """Whether ``spec_or_value`` (a spec or a value) could have this spec: same kind,
        compatible shapes, equal other components."""
        if not isinstance(spec_or_value, TypeSpec):
            try:
                spec_or_value = type_spec_from_value(spec_or_value)
            except TypeError:
                return False
        return type(spec_or_value) is type(self) and _compatible(self._serialize(),
                                                                 spec_or_value._serialize())

    def is_subtype_of(self, other) -> bool:
        """Whether every value of this spec is also one of ``other``."""
        return type(other) is type(self) and len(self._serialize()) == len(
            other._serialize()) and all(_subtype(a, b) for a, b in zip(self._serialize(),
                                                                         other._serialize()))

    def most_specific_common_supertype(self, others):
        """The most specific spec every one of ``self`` and ``others`` is a subtype of; None
        when they differ in anything but shape dimensions."""
        specs = [self] + list(others)
        if any(type(s) is not type(self) for s in specs):
            return None
        components = []
        for parts in zip(*(s._serialize() for s in specs)):
            if isinstance(parts[0], TensorShape):
                shape = _common_shape(list(parts))
                if shape is None:
                    return None
                components.append(shape)
            elif isinstance(parts[0], TypeSpec):
                common = parts[0].most_specific_common_supertype(parts[1:])
                if common is None:
                    return None
                components.append(common)
            elif all(_component_key(p) == _component_key(parts[0]) for p in parts):
                components.append(parts[0])
            else:
                return None
        return self._deserialize(tuple(components))

    def most_specific_compatible_type(self, other):
        """Deprecated (use most_specific_common_supertype): the most specific spec compatible
        with both; ValueError when there is none."""
        common = self.most_specific_common_supertype([other])
        if common is None:
            raise ValueError(f"No TypeSpec is compatible with both {self} and {other}")
        return common


class TensorSpec(TypeSpec):
    """The shape, dtype and optional name of a Tensor."""

    __slots__ = ("_shape", "_dtype", "_name")

    def __init__(self, shape, dtype=dtypes.float32, name=None):
        self._shape = as_shape(shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._name = name

    shape = property(lambda self: self._shape)
    dtype = property(lambda self: self._dtype)
    name = property(lambda self: self._name)

    @property
    def value_type(self):
        return Tensor

    def _serialize(self) -> tuple:
        return (self._shape, self._dtype, self._name)

    def __repr__(self) -> str:
        return f"TensorSpec(shape={self._shape}, dtype={self._dtype!r}, name={self._name!r})"

    def is_compatible_with(self, spec_or_tensor) -> bool:
        """Same dtype and a compatible shape (the name does not matter)."""
        if isinstance(spec_or_tensor, TensorSpec) or isinstance(spec_or_tensor, Tensor):
            return spec_or_tensor.dtype.base_dtype == self._dtype and \
                self._shape.is_compatible_with(spec_or_tensor.shape)
        return False

    @classmethod
    def from_spec(cls, spec, name=None) -> TensorSpec:
        """A TensorSpec with ``spec``'s shape and dtype (and name, unless ``name`` is given)."""
        return cls(spec.shape, spec.dtype, name or getattr(spec, "name", None))

    @classmethod
    def from_tensor(cls, tensor, name=None) -> TensorSpec:
        """The spec of ``tensor``, named ``name`` or after the tensor's op."""
        if isinstance(tensor, Tensor):
            return cls(tensor.shape, tensor.dtype.base_dtype, name or tensor.op.name)
        array = np.asarray(tensor)
        return cls(array.shape, dtypes.as_dtype(array.dtype), name)


class SparseTensorSpec(TypeSpec):
    """The dense shape and values dtype of a SparseTensor."""

    __slots__ = ("_shape", "_dtype")

    def __init__(self, shape=None, dtype=dtypes.float32):
        self._shape = as_shape(shape)
        self._dtype = dtypes.as_dtype(dtype)

    shape = property(lambda self: self._shape)
    dtype = property(lambda self: self._dtype)

    @property
    def value_type(self):
        return SparseTensor

    def _serialize(self) -> tuple:
        return (self._shape, self._dtype)

    @classmethod
    def from_value(cls, value) -> SparseTensorSpec:
        return cls(tensor_util.constant_value_as_shape(value.dense_shape),
                   value.values.dtype.base_dtype)


class IndexedSlicesSpec(TypeSpec):
    """The dense shape, dtypes and indices shape of IndexedSlices."""

    __slots__ = ("_shape", "_values_dtype", "_indices_dtype", "_dense_shape_dtype",
                 "_indices_shape")

    def __init__(self, shape=None, dtype=dtypes.float32, indices_dtype=dtypes.int64,
                 dense_shape_dtype=None, indices_shape=None):
        self._shape = as_shape(shape)
        self._values_dtype = dtypes.as_dtype(dtype)
        self._indices_dtype = dtypes.as_dtype(indices_dtype)
        self._dense_shape_dtype = None if dense_shape_dtype is None else \
            dtypes.as_dtype(dense_shape_dtype)
        self._indices_shape = as_shape(indices_shape).with_rank(1) if indices_shape is not None \
            else TensorShape([None])

    @property
    def value_type(self):
        return IndexedSlices

    def _serialize(self) -> tuple:
        return (self._shape, self._values_dtype, self._indices_dtype, self._dense_shape_dtype,
                self._indices_shape)


class TensorArraySpec(TypeSpec):
    """The element shape, dtype and growth flags of a TensorArray."""

    __slots__ = ("_element_shape", "_dtype", "_dynamic_size", "_infer_shape")

    def __init__(self, element_shape=None, dtype=dtypes.float32, dynamic_size=False,
                 infer_shape=True):
        self._element_shape = as_shape(element_shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._dynamic_size = dynamic_size
        self._infer_shape = infer_shape

    @property
    def value_type(self):
        return TensorArray

    def _serialize(self) -> tuple:
        return (self._element_shape, self._dtype, self._dynamic_size, self._infer_shape)


class NoneTensorSpec(TypeSpec):
    """The spec of None (no value)."""

    __slots__ = ()

    @property
    def value_type(self):
        return type(None)

    def _serialize(self) -> tuple:
        return ()


class OptionalSpec(TypeSpec):
    """The spec of an optional value (``tf.experimental.Optional``) of ``element_spec``."""

    __slots__ = ("_element_spec",)

    def __init__(self, element_spec):
        self._element_spec = element_spec

    @property
    def element_spec(self):
        return self._element_spec

    @property
    def value_type(self):
        raise NotImplementedError("tf.experimental.Optional is not supported by tfcompat")

    def _serialize(self) -> tuple:
        return (self._element_spec,)


def type_spec_from_value(value) -> TypeSpec:
    """The TypeSpec of ``value``: a Tensor, SparseTensor, IndexedSlices, variable, or anything
    ``tf.convert_to_tensor`` accepts (numpy arrays, Python numbers and lists)."""
    if isinstance(value, Tensor):
        return TensorSpec(value.shape, value.dtype.base_dtype)
    if isinstance(value, SparseTensor):
        return SparseTensorSpec.from_value(value)
    if isinstance(value, IndexedSlices):
        dense_shape = value.dense_shape
        shape = tensor_util.constant_value_as_shape(dense_shape) if dense_shape is not None \
            else TensorShape([None]).concatenate(value.values.shape[1:])
        return IndexedSlicesSpec(shape, value.values.dtype.base_dtype,
                                 value.indices.dtype.base_dtype,
                                 None if dense_shape is None else dense_shape.dtype.base_dtype,
                                 value.indices.shape)
    if value is None:
        return NoneTensorSpec()
    if hasattr(value, "_ref") and hasattr(value, "dtype") and hasattr(value, "shape"):
        return TensorSpec(value.shape, value.dtype.base_dtype)  # a variable: its value's spec
    try:
        array = tensor_util.make_ndarray(value)
    except (TypeError, ValueError):
        raise TypeError(f"Could not build a TypeSpec for {value!r} of unsupported type "
                        f"{type(value)}.") from None
    return TensorSpec(array.shape, dtypes.as_dtype(array.dtype))
