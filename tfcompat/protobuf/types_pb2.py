"""``DataType``: TensorFlow's dtype enum as it appears in protos (``types.proto``)."""

from __future__ import annotations

from tfcompat.protobuf.message import EnumType

_BASE = (
    "INVALID", "FLOAT", "DOUBLE", "INT32", "UINT8", "INT16", "INT8", "STRING", "COMPLEX64",
    "INT64", "BOOL", "QINT8", "QUINT8", "QINT32", "BFLOAT16", "QINT16", "QUINT16", "UINT16",
    "COMPLEX128", "HALF", "RESOURCE", "VARIANT", "UINT32", "UINT64", "FLOAT8_E5M2",
    "FLOAT8_E4M3FN", "FLOAT8_E4M3FNUZ", "FLOAT8_E4M3B11FNUZ", "FLOAT8_E5M2FNUZ", "INT4", "UINT4",
    "INT2", "UINT2", "FLOAT4_E2M1FN",
)
# Reference dtypes are the base number + 100 (DT_INVALID has no reference form).
_VALUES = [(f"DT_{name}", number) for number, name in enumerate(_BASE)] + [
    (f"DT_{name}_REF", number + 100) for number, name in enumerate(_BASE) if number
]

DataType = EnumType("DataType", _VALUES)
globals().update(dict(_VALUES))
