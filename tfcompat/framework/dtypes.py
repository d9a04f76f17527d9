"""TensorFlow data types (``tf.DType``) and their numpy counterparts."""

from __future__ import annotations

import numpy as np

# TF's DataType enum values: reference types are the base value + 100.
_REF_OFFSET = 100


class DType:
    """Represents the type of the elements in a Tensor, as ``tf.DType``."""

    __slots__ = ("_name", "_enum", "_np", "_base")

    def __init__(self, name: str, enum: int, np_type: type | None, base: DType | None = None):
        self._name = name
        self._enum = enum
        self._np = np_type
        self._base = base

    @property
    def name(self) -> str:
        return self._name

    @property
    def as_datatype_enum(self) -> int:
        return self._enum

    @property
    def is_ref_dtype(self) -> bool:
        return self._base is not None

    @property
    def base_dtype(self) -> DType:
        return self._base if self._base is not None else self

    @property
    def real_dtype(self) -> DType:
        base = self.base_dtype
        if base is complex64:
            return float32
        if base is complex128:
            return float64
        return self

    @property
    def _as_ref(self) -> DType:
        return self if self._base is not None else _REF_OF[self]

    @property
    def as_numpy_dtype(self):
        """The numpy type of this dtype's values; for the quantized types, TF's one-field
        structured dtype (``np.dtype([("quint8", np.uint8)])``), which is what fed quantized
        values and ``tf.make_ndarray`` hold (kernels use ``storage_type``)."""
        base = self.base_dtype
        structured = _STRUCTURED.get(base._name)
        if structured is not None:
            return structured
        return object if base._np is np.object_ else base._np

    @property
    def is_bool(self) -> bool:
        return self.base_dtype is bool_

    @property
    def is_floating(self) -> bool:
        return self.base_dtype in _FLOATING

    @property
    def is_complex(self) -> bool:
        return self.base_dtype in (complex64, complex128)

    @property
    def is_integer(self) -> bool:
        return self.base_dtype in _INTEGER

    @property
    def is_unsigned(self) -> bool:
        return self.base_dtype in (uint8, uint16, uint32, uint64)

    @property
    def is_quantized(self) -> bool:
        return self.base_dtype in _QUANTIZED

    @property
    def is_numpy_compatible(self) -> bool:
        return self.base_dtype not in (resource, variant)

    def _limit(self, which: str):
        base = self.base_dtype
        if base is bfloat16:  # stored as float32, but bfloat16 has 8 bits of mantissa
            largest = np.float32((2 - 2 ** -7) * 2.0 ** 127)
            return largest if which == "max" else -largest
        if base.is_floating:
            return getattr(np.finfo(base._np), which)
        if base.is_integer:
            return getattr(np.iinfo(base._np), which)
        word = "minimum" if which == "min" else "maximum"
        kind = "quantized type" if base.is_quantized else "type"
        raise TypeError(f"Cannot find {word} value of {self} with {kind} {self}.")

    @property
    def min(self):
        return self._limit("min")

    @property
    def max(self):
        return self._limit("max")

    @property
    def limits(self) -> tuple:
        """(0, max) intensity limits of the dtype, as TF's (always clipped at 0)."""
        base = self.base_dtype
        if base is bool_:
            return 0, True
        if base in (float32, float64):
            return 0, 1
        if base.is_integer:
            return 0, int(np.iinfo(base._np).max)
        raise ValueError(f"{self} does not have defined limits.")

    @property
    def size(self) -> int:
        base = self.base_dtype
        if base in (string, resource, variant):
            return 0
        if base is bfloat16:
            return 2
        return np.dtype(base._np).itemsize

    def is_compatible_with(self, other) -> bool:
        other = as_dtype(other)
        return self._enum in (other._enum, other.base_dtype._enum)

    def __eq__(self, other) -> bool:
        if self is other:
            return True
        if other is None:
            return False
        try:
            return self._enum == as_dtype(other)._enum
        except TypeError:
            return False

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return self._enum

    def __repr__(self) -> str:
        return "tf." + self._name

    def __str__(self) -> str:
        return f"<dtype: '{self._name}'>"

    def __reduce__(self):
        return as_dtype, (self._name,)


_BASE_SPECS = [
    # name, DataType enum value and name (TF's types.proto), numpy type
    ("float32", 1, "DT_FLOAT", np.float32),
    ("float64", 2, "DT_DOUBLE", np.float64),
    ("int32", 3, "DT_INT32", np.int32),
    ("uint8", 4, "DT_UINT8", np.uint8),
    ("int16", 5, "DT_INT16", np.int16),
    ("int8", 6, "DT_INT8", np.int8),
    ("string", 7, "DT_STRING", np.object_),
    ("complex64", 8, "DT_COMPLEX64", np.complex64),
    ("int64", 9, "DT_INT64", np.int64),
    ("bool", 10, "DT_BOOL", np.bool_),
    # quantized types: the numpy type is their storage (see storage_type / as_numpy_dtype)
    ("qint8", 11, "DT_QINT8", np.int8),
    ("quint8", 12, "DT_QUINT8", np.uint8),
    ("qint32", 13, "DT_QINT32", np.int32),
    # numpy has no bfloat16: tfcompat stores bfloat16 tensors in float32 arrays.
    ("bfloat16", 14, "DT_BFLOAT16", np.float32),
    ("qint16", 15, "DT_QINT16", np.int16),
    ("quint16", 16, "DT_QUINT16", np.uint16),
    ("uint16", 17, "DT_UINT16", np.uint16),
    ("complex128", 18, "DT_COMPLEX128", np.complex128),
    ("float16", 19, "DT_HALF", np.float16),
    ("resource", 20, "DT_RESOURCE", np.object_),
    ("variant", 21, "DT_VARIANT", np.object_),
    ("uint32", 22, "DT_UINT32", np.uint32),
    ("uint64", 23, "DT_UINT64", np.uint64),
]

_BY_NAME: dict[str, DType] = {}
_BY_ENUM: dict[int, DType] = {}
_REF_OF: dict[DType, DType] = {}
_ENUM_NAMES: dict[str, str] = {}

for _name, _enum, _enum_name, _np_type in _BASE_SPECS:
    _ENUM_NAMES[_name] = _enum_name
    _ENUM_NAMES[_name + "_ref"] = _enum_name + "_REF"
    _base_dtype = DType(_name, _enum, _np_type)
    _ref_dtype = DType(_name + "_ref", _enum + _REF_OFFSET, _np_type, _base_dtype)
    _REF_OF[_base_dtype] = _ref_dtype
    for _d in (_base_dtype, _ref_dtype):
        _BY_NAME[_d.name] = _d
        _BY_ENUM[_d.as_datatype_enum] = _d

# TF's numpy form of the quantized types: a structured dtype with one field named after the type.
_STRUCTURED = {name: np.dtype([(name, np_type)]) for name, _, _, np_type in _BASE_SPECS
               if name.startswith(("qint", "quint"))}


def storage_type(dtype: DType):
    """The plain numpy type kernels hold ``dtype``'s values in: the integer storage type for the
    quantized dtypes (qint8 -> int8...), else ``as_numpy_dtype``."""
    base = dtype.base_dtype
    return base._np if base._name in _STRUCTURED else base.as_numpy_dtype


def storage_view(value: np.ndarray) -> np.ndarray:
    """A structured quantized array (``[("quint8", "u1")]``) as its plain storage array; any
    other array unchanged."""
    names = value.dtype.names
    if names is not None and len(names) == 1 and names[0] in _STRUCTURED:
        return value[names[0]]
    return value


def enum_name(dtype: DType) -> str:
    """TF's name of ``dtype``'s DataType enum value: ``DT_FLOAT``, ``DT_INT32_REF``..."""
    return _ENUM_NAMES[dtype.name]


float32 = _BY_NAME["float32"]
float64 = _BY_NAME["float64"]
float16 = _BY_NAME["float16"]
bfloat16 = _BY_NAME["bfloat16"]
half = float16
double = float64
int8 = _BY_NAME["int8"]
int16 = _BY_NAME["int16"]
int32 = _BY_NAME["int32"]
int64 = _BY_NAME["int64"]
uint8 = _BY_NAME["uint8"]
uint16 = _BY_NAME["uint16"]
uint32 = _BY_NAME["uint32"]
uint64 = _BY_NAME["uint64"]
bool_ = _BY_NAME["bool"]
string = _BY_NAME["string"]
complex64 = _BY_NAME["complex64"]
complex128 = _BY_NAME["complex128"]
qint8 = _BY_NAME["qint8"]
quint8 = _BY_NAME["quint8"]
qint16 = _BY_NAME["qint16"]
quint16 = _BY_NAME["quint16"]
qint32 = _BY_NAME["qint32"]
resource = _BY_NAME["resource"]
variant = _BY_NAME["variant"]

float32_ref = float32._as_ref
float64_ref = float64._as_ref
int32_ref = int32._as_ref
int64_ref = int64._as_ref

_FLOATING = frozenset([float16, bfloat16, float32, float64])
_INTEGER = frozenset([int8, int16, int32, int64, uint8, uint16, uint32, uint64])
_QUANTIZED = frozenset([qint8, quint8, qint16, quint16, qint32])

_NUMPY_TO_DTYPE = {
    np.dtype(np.float32): float32,
    np.dtype(np.float64): float64,
    np.dtype(np.float16): float16,
    np.dtype(np.int8): int8,
    np.dtype(np.int16): int16,
    np.dtype(np.int32): int32,
    np.dtype(np.int64): int64,
    np.dtype(np.uint8): uint8,
    np.dtype(np.uint16): uint16,
    np.dtype(np.uint32): uint32,
    np.dtype(np.uint64): uint64,
    np.dtype(np.bool_): bool_,
    np.dtype(np.complex64): complex64,
    np.dtype(np.complex128): complex128,
    np.dtype(np.object_): string,
}

# Python types TF accepts in as_dtype: float means float32, object means string.
_PYTHON_TO_DTYPE = {float: float32, bool: bool_, object: string}
_NAME_ALIASES = {"float": float32, "double": float64, "half": float16}


def as_dtype(type_value) -> DType:
    """Converts the given ``type_value`` to a ``DType`` (as ``tf.as_dtype``)."""
    if isinstance(type_value, DType):
        return type_value
    if isinstance(type_value, str):
        found = _BY_NAME.get(type_value)
        if found is not None:
            return found
        if type_value in _NAME_ALIASES:
            return _NAME_ALIASES[type_value]
    elif isinstance(type_value, int) and not isinstance(type_value, bool):
        found = _BY_ENUM.get(type_value)
        if found is not None:
            return found
    elif isinstance(type_value, type) and type_value.__module__ == "builtins":
        if type_value in _PYTHON_TO_DTYPE:
            return _PYTHON_TO_DTYPE[type_value]
    elif type_value is not None:
        try:
            np_dtype = np.dtype(type_value)
        except TypeError:
            np_dtype = None
        if np_dtype is not None:
            if np_dtype.kind in ("U", "S"):
                return string
            if np_dtype.names is not None and len(np_dtype.names) == 1:
                quantized = _BY_NAME.get(np_dtype.names[0])
                if quantized is not None and _STRUCTURED.get(quantized.name) == np_dtype:
                    return quantized
            found = _NUMPY_TO_DTYPE.get(np_dtype)
            if found is not None:
                return found
    raise TypeError(f"Cannot convert the argument `type_value`: {type_value!r} to a TensorFlow "
                    "DType.")


__all__ = [
    "DType", "as_dtype", "float16", "half", "bfloat16", "float32", "float64", "double", "int8",
    "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool_", "string",
    "complex64", "complex128", "qint8", "quint8", "qint16", "quint16", "qint32", "resource",
    "variant",
]
