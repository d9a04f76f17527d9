"""Protocol-buffer wire format: the primitive encoders and decoders.

Only what TF's messages use: varints (int32/int64/uint32/uint64/bool/enum), zigzag varints
(sint32/sint64), little-endian fixed32/fixed64 (float/double/fixed*), and length-delimited
bytes.  Every decoder takes ``(buf, pos)`` and returns ``(value, new_pos)`` so a parser walks
one buffer without slicing it.
"""

from __future__ import annotations

import struct

VARINT = 0
FIXED64 = 1
LENGTH_DELIMITED = 2
START_GROUP = 3
END_GROUP = 4
FIXED32 = 5

_MASK64 = (1 << 64) - 1

_double = struct.Struct("<d")
_float = struct.Struct("<f")
_u32 = struct.Struct("<I")
_u64 = struct.Struct("<Q")
_i32 = struct.Struct("<i")
_i64 = struct.Struct("<q")


class DecodeError(Exception):
    """Raised when bytes are not a valid encoding of the message being parsed."""


def encode_varint(value: int) -> bytes:
    """Base-128 varint of a non-negative integer (negatives are taken modulo 2**64, as int64)."""
    value &= _MASK64
    if value < 0x80:
        return bytes((value,))
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def decode_varint(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    """Reads an unsigned varint of at most 10 bytes."""
    result = 0
    shift = 0
    try:
        while True:
            b = buf[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if b < 0x80:
                return result & _MASK64, pos
            shift += 7
            if shift >= 70:
                raise DecodeError("Too many bytes when decoding varint.")
    except IndexError:
        raise DecodeError("Truncated message.") from None


def to_signed64(value: int) -> int:
    return value - (1 << 64) if value >= (1 << 63) else value


def to_signed32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >= (1 << 31) else value


def zigzag_encode(value: int) -> int:
    return (value << 1) ^ (value >> 63) if value < 0 else value << 1


def zigzag_decode(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


def encode_tag(number: int, wire_type: int) -> bytes:
    return encode_varint((number << 3) | wire_type)


def decode_length_delimited(buf: bytes | memoryview, pos: int) -> tuple[bytes, int]:
    length, pos = decode_varint(buf, pos)
    end = pos + length
    if end > len(buf):
        raise DecodeError("Truncated message.")
    return bytes(buf[pos:end]), end


def skip_field(buf: bytes | memoryview, pos: int, wire_type: int) -> int:
    """Returns the position after a field value of ``wire_type`` starting at ``pos``."""
    if wire_type == VARINT:
        return decode_varint(buf, pos)[1]
    if wire_type == FIXED64:
        end = pos + 8
    elif wire_type == FIXED32:
        end = pos + 4
    elif wire_type == LENGTH_DELIMITED:
        length, pos = decode_varint(buf, pos)
        end = pos + length
    elif wire_type == START_GROUP:
        while True:
            tag, pos = decode_varint(buf, pos)
            if tag & 7 == END_GROUP:
                return pos
            pos = skip_field(buf, pos, tag & 7)
    else:
        raise DecodeError(f"Unsupported wire type {wire_type}.")
    if end > len(buf):
        raise DecodeError("Truncated message.")
    return end


def pack_doubles(values: list[float]) -> bytes:
    return struct.pack(f"<{len(values)}d", *values)


def pack_floats(values: list[float]) -> bytes:
    return struct.pack(f"<{len(values)}f", *values)


def unpack_doubles(data: bytes) -> list[float]:
    if len(data) % 8:
        raise DecodeError("Truncated packed double field.")
    return list(struct.unpack(f"<{len(data) // 8}d", data))


def unpack_floats(data: bytes) -> list[float]:
    if len(data) % 4:
        raise DecodeError("Truncated packed float field.")
    return list(struct.unpack(f"<{len(data) // 4}f", data))


DOUBLE = _double
FLOAT = _float
UINT32 = _u32
UINT64 = _u64
INT32 = _i32
INT64 = _i64
