"""A fast reader of serialized ``tf.train.Example`` protos: name -> (kind, values).

Parsing every record through the generic message runtime dominates an input pipeline's cost;
this walks the wire format of ``example.proto``/``feature.proto`` directly (packed and
unpacked repeated fields, unknown fields skipped).
"""

from __future__ import annotations

import struct

_KINDS = {1: "bytes_list", 2: "float_list", 3: "int64_list"}


class WireError(ValueError):
    pass


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = 0
    shift = 0
    while True:
        if pos >= len(data):
            raise WireError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 70:
            raise WireError("varint too long")


def _fields(data: bytes):
    """Yields (field number, wire type, value) with LEN values as bytes."""
    pos = 0
    end = len(data)
    while pos < end:
        # One-byte varints (keys and short lengths, nearly all of an Example) inline.
        key = data[pos]
        if key < 0x80:
            pos += 1
        else:
            key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            if pos < end and data[pos] < 0x80:
                size = data[pos]
                pos += 1
            else:
                size, pos = _varint(data, pos)
            if pos + size > end:
                raise WireError("truncated field")
            value = data[pos:pos + size]
            pos += size
        elif wire == 5:
            value = data[pos:pos + 4]
            pos += 4
        elif wire == 1:
            value = data[pos:pos + 8]
            pos += 8
        else:
            raise WireError(f"bad wire type {wire}")
        if pos > end:
            raise WireError("truncated field")
        yield number, wire, value


def _signed64(v: int) -> int:
    return v - (1 << 64) if v >= 1 << 63 else v


def _list_values(kind: str, data: bytes) -> list:
    values: list = []
    for number, wire, value in _fields(data):
        if number != 1:
            continue
        if kind == "bytes_list":
            values.append(value)
        elif kind == "float_list":
            if wire == 2:
                values.extend(struct.unpack(f"<{len(value) // 4}f", value))
            else:
                values.append(struct.unpack("<f", value)[0])
        elif wire == 2:
            pos = 0
            while pos < len(value):
                v, pos = _varint(value, pos)
                values.append(_signed64(v))
        else:
            values.append(_signed64(value))
    return values


def _feature(data: bytes) -> tuple[str | None, list]:
    kind, values = None, []
    for number, _, value in _fields(data):
        if number in _KINDS:
            kind = _KINDS[number]
            values = _list_values(kind, value)
    return kind, values


def features_of(data: bytes) -> dict[str, tuple[str | None, list]]:
    """The features of a serialized Example, by name (the last entry of a name wins)."""
    out: dict[str, tuple[str | None, list]] = {}
    for number, _, features in _fields(data):
        if number != 1:
            continue
        for entry_number, _, entry in _fields(features):
            if entry_number != 1:
                continue
            key = b""
            feature: tuple[str | None, list] = (None, [])
            for n, _, v in _fields(entry):
                if n == 1:
                    key = v
                elif n == 2:
                    feature = _feature(v)
            out[key.decode("utf-8", "surrogateescape")] = feature
    return out
