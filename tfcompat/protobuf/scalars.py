"""Scalar field kinds: how each protobuf scalar type is checked, encoded and decoded.

The checks mirror what the protobuf Python runtime accepts on assignment, with its error texts,
so user code that builds ``tf.Summary``/``tf.Event`` by hand fails (or not) the same way.
"""

from __future__ import annotations

import math
import numbers
import operator
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tfcompat.protobuf import wire


@dataclass(frozen=True)
class ScalarKind:
    """One protobuf scalar type."""

    name: str
    wire_type: int
    default: Any
    check: Callable[[Any, str], Any]  # (value, field full name) -> stored value
    encode: Callable[[Any], bytes]  # value bytes, without the tag
    decode: Callable[[bytes | memoryview, int], tuple[Any, int]]
    packable: bool = True


def _int_checker(lo: int, hi: int) -> Callable[[Any, str], int]:
    def check(value: Any, full_name: str) -> int:
        if isinstance(value, bool):
            raise TypeError(f"Field {full_name}: Expected an int, got a boolean.")
        value = operator.index(value)
        if not lo <= value <= hi:
            raise ValueError(f"Value out of range: {value}")
        return value

    return check


def _check_double(value: Any, full_name: str) -> float:
    if not isinstance(value, numbers.Real):
        raise TypeError(f"must be real number, not {type(value).__name__}")
    return float(value)


def round_to_float32(value: float) -> float:
    """The float32 nearest to ``value``, as a Python float (overflow rounds to +-inf, as C)."""
    try:
        return wire.FLOAT.unpack(wire.FLOAT.pack(value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def _check_float(value: Any, full_name: str) -> float:
    return round_to_float32(_check_double(value, full_name))


def _check_bool(value: Any, full_name: str) -> bool:
    if isinstance(value, (str, bytes, float)):
        raise TypeError(f"Field {full_name}: Expected a bool, got {type(value).__name__}.")
    return bool(operator.index(value))


def _check_string(value: Any, full_name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    raise TypeError("bad argument type for built-in operation")


def _check_bytes(value: Any, full_name: str) -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"expected bytes, {type(value).__name__} found")


def _decode_signed64(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    value, pos = wire.decode_varint(buf, pos)
    return wire.to_signed64(value), pos


def _decode_signed32(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    value, pos = wire.decode_varint(buf, pos)
    return wire.to_signed32(value), pos


def _decode_uint32(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    value, pos = wire.decode_varint(buf, pos)
    return value & 0xFFFFFFFF, pos


def _decode_zigzag(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    value, pos = wire.decode_varint(buf, pos)
    return wire.zigzag_decode(value), pos


def _decode_bool(buf: bytes | memoryview, pos: int) -> tuple[bool, int]:
    value, pos = wire.decode_varint(buf, pos)
    return value != 0, pos


def _fixed_decoder(st: struct.Struct) -> Callable[[bytes | memoryview, int], tuple[Any, int]]:
    size = st.size

    def decode(buf: bytes | memoryview, pos: int) -> tuple[Any, int]:
        end = pos + size
        if end > len(buf):
            raise wire.DecodeError("Truncated message.")
        return st.unpack_from(buf, pos)[0], end

    return decode


def _decode_string(buf: bytes | memoryview, pos: int) -> tuple[str, int]:
    data, pos = wire.decode_length_delimited(buf, pos)
    try:
        return data.decode("utf-8"), pos
    except UnicodeDecodeError:
        raise wire.DecodeError("Error parsing message: invalid UTF-8 in a string field.") from None


def _encode_bytes(value: bytes) -> bytes:
    return wire.encode_varint(len(value)) + value


def _encode_string(value: str) -> bytes:
    return _encode_bytes(value.encode("utf-8"))


_I32 = (-(1 << 31), (1 << 31) - 1)
_I64 = (-(1 << 63), (1 << 63) - 1)
_U32 = (0, (1 << 32) - 1)
_U64 = (0, (1 << 64) - 1)


def _encode_zigzag(value: int) -> bytes:
    return wire.encode_varint(wire.zigzag_encode(value))


def _enum_checker(value: Any, full_name: str) -> int:
    return _int_checker(*_I32)(value, full_name)


KINDS: dict[str, ScalarKind] = {
    k.name: k
    for k in (
        ScalarKind("double", wire.FIXED64, 0.0, _check_double, wire.DOUBLE.pack,
                   _fixed_decoder(wire.DOUBLE)),
        ScalarKind("float", wire.FIXED32, 0.0, _check_float, wire.FLOAT.pack,
                   _fixed_decoder(wire.FLOAT)),
        ScalarKind("int32", wire.VARINT, 0, _int_checker(*_I32), wire.encode_varint,
                   _decode_signed32),
        ScalarKind("int64", wire.VARINT, 0, _int_checker(*_I64), wire.encode_varint,
                   _decode_signed64),
        ScalarKind("uint32", wire.VARINT, 0, _int_checker(*_U32), wire.encode_varint,
                   _decode_uint32),
        ScalarKind("uint64", wire.VARINT, 0, _int_checker(*_U64), wire.encode_varint,
                   wire.decode_varint),
        ScalarKind("sint32", wire.VARINT, 0, _int_checker(*_I32), _encode_zigzag,
                   _decode_zigzag),
        ScalarKind("sint64", wire.VARINT, 0, _int_checker(*_I64), _encode_zigzag,
                   _decode_zigzag),
        ScalarKind("fixed32", wire.FIXED32, 0, _int_checker(*_U32), wire.UINT32.pack,
                   _fixed_decoder(wire.UINT32)),
        ScalarKind("fixed64", wire.FIXED64, 0, _int_checker(*_U64), wire.UINT64.pack,
                   _fixed_decoder(wire.UINT64)),
        ScalarKind("sfixed32", wire.FIXED32, 0, _int_checker(*_I32), wire.INT32.pack,
                   _fixed_decoder(wire.INT32)),
        ScalarKind("sfixed64", wire.FIXED64, 0, _int_checker(*_I64), wire.INT64.pack,
                   _fixed_decoder(wire.INT64)),
        ScalarKind("bool", wire.VARINT, False, _check_bool, lambda v: b"\x01" if v else b"\x00",
                   _decode_bool),
        ScalarKind("enum", wire.VARINT, 0, _enum_checker, wire.encode_varint, _decode_signed32),
        ScalarKind("string", wire.LENGTH_DELIMITED, "", _check_string, _encode_string,
                   _decode_string, packable=False),
        ScalarKind("bytes", wire.LENGTH_DELIMITED, b"", _check_bytes, _encode_bytes,
                   wire.decode_length_delimited, packable=False),
    )
}


def is_default(value: Any) -> bool:
    """Whether a proto3 implicit-presence scalar holds its default and so is not serialized.

    Floats compare by bit pattern: -0.0 is not the default and is written.
    """
    if isinstance(value, float):
        return value == 0.0 and math.copysign(1.0, value) > 0
    return not value
