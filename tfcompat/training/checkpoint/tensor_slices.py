"""Slices of partitioned tensors in V2 checkpoints.

A partitioned variable is saved as one index entry under its full name (dtype, full shape and
the list of stored slices as ``TensorSliceProto``s, no data) plus one entry per slice holding
the data. A slice entry's key sorts before every plain name: it is the "ordered code" of
``(0, full name, rank, start_0, length_0, ...)`` -- an unsigned 0, the name with ``\\x00`` and
``\\xff`` escaped and ``\\x00\\x01`` appended, the rank as an unsigned number, then each extent's
start and length as signed numbers (a length of -1 for a whole dimension).

Slice specs are Saver's text form: ``"<full dims> <extent>:<extent>..."`` where an extent is
``start,length`` or ``-`` (the whole dimension), e.g. ``"5 3 0,2:0,3"``.
"""

from __future__ import annotations

from collections.abc import Sequence

from tfcompat.framework import errors
from tfcompat.protobuf.tensor_bundle_pb2 import TensorSliceProto

Extents = tuple[tuple[int, int], ...]  # (start, length) per dimension; length -1: all of it


# ---- ordered code ----------------------------------------------------------------------------

def _unsigned(value: int) -> bytes:
    """An unsigned number: its byte count, then its bytes big-endian (0 is one zero byte)."""
    body = value.to_bytes((value.bit_length() + 7) // 8, "big") if value else b""
    return bytes([len(body)]) + body


def _signed(value: int) -> bytes:
    """A signed number in n bytes whose leading bits are n ones then the sign bit's complement
    (so byte order is numeric order): 7n - 1 payload bits, two's complement."""
    magnitude = ~value if value < 0 else value
    length = 1
    while magnitude.bit_length() > 7 * length - 1:
        length += 1
    encoded = bytearray((value & ((1 << (8 * length)) - 1)).to_bytes(length, "big"))
    # n leading one bits (for n = 9, 10 they run into the second byte), then a zero
    header_bytes = (((1 << length) - 1) << (7 * length)).to_bytes(length, "big")
    for i, bits in enumerate(header_bytes):
        encoded[i] ^= bits
    return bytes(encoded)


def _escaped(name: bytes) -> bytes:
    return name.replace(b"\xff", b"\xff\x00").replace(b"\x00", b"\x00\xff") + b"\x00\x01"


def slice_key(full_name: str, extents: Extents) -> bytes:
    """The index key the data of slice ``extents`` of tensor ``full_name`` is stored under."""
    parts = [_unsigned(0), _escaped(full_name.encode("utf-8", "surrogateescape")),
             _unsigned(len(extents))]
    for start, length in extents:
        parts.append(_signed(start))
        parts.append(_signed(length))
    return b"".join(parts)


# ---- slice specs -----------------------------------------------------------------------------

def parse_spec(spec: str) -> tuple[tuple[int, ...], Extents]:
    """``"5 3 0,2:-"`` -> ``((5, 3), ((0, 2), (0, -1)))``; InvalidArgumentError when malformed.
    """
    parts = spec.split(" ")
    if len(parts) < 2:
        raise errors.InvalidArgumentError(
            None, None, f"Need least two elements in shape_and_slice specification: {spec}")
    try:
        full_shape = tuple(int(p) for p in parts[:-1])
        extents = []
        for extent in parts[-1].split(":"):
            if extent == "-":
                extents.append((0, -1))
            else:
                start, length = (int(x) for x in extent.split(","))
                extents.append((start, length))
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Can't parse shape_and_slice specification: {spec}") from None
    if len(extents) != len(full_shape):
        raise errors.InvalidArgumentError(
            None, None, f"Expected {len(full_shape)} dimensions in slice specification: {spec}")
    return full_shape, tuple(extents)


def bounds(extents: Extents, full_shape: Sequence[int]) -> tuple[slice, ...]:
    """The numpy index selecting ``extents`` from a tensor of ``full_shape``."""
    return tuple(slice(0, size) if length < 0 else slice(start, start + length)
                 for (start, length), size in zip(extents, full_shape))


def slice_shape(extents: Extents, full_shape: Sequence[int]) -> tuple[int, ...]:
    return tuple(size if length < 0 else length for (_, length), size in zip(extents, full_shape))


def to_proto(extents: Extents) -> TensorSliceProto:
    """The ``TensorSliceProto`` of ``extents`` (a whole dimension is an empty extent)."""
    proto = TensorSliceProto()
    for start, length in extents:
        extent = proto.extent.add()
        if length >= 0:
            if start:
                extent.start = start
            extent.length = length
    return proto


def from_proto(proto: TensorSliceProto) -> Extents:
    return tuple((e.start, e.length if e.HasField("length") else -1) for e in proto.extent)
