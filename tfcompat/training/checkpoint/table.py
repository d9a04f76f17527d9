"""The sorted string table (LevelDB's ``.ldb`` table format) a V2 checkpoint's ``.index`` is.

Layout, as TensorFlow writes it (uncompressed, no filter block)::

    data block* | metaindex block (empty) | index block | footer (48 bytes)

A block holds prefix-compressed entries (``varint shared, varint unshared, varint value_len,
key suffix, value``) with a full key every 16 entries (a *restart*; index blocks restart at every
entry), then the restart offsets and their count as little-endian uint32. Each block is followed
by a one-byte compression type (0) and the masked CRC-32C of block + type byte. A data block is
closed once its estimated size reaches 256 KiB; the index block maps, for each data block, a
short key between its last key and the next block's first key to the block's (offset, size).
The footer holds the metaindex and index handles (varints, zero-padded to 40 bytes) and the
magic number ``0xdb4775248b80fb57``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

from tfcompat.lib.io.crc32c import masked_crc32c, unmask_crc32c
from tfcompat.protobuf import wire

MAGIC = 0xDB4775248B80FB57
FOOTER_SIZE = 48
_HANDLES_SIZE = 40  # two block handles, each at most 2 * 10 varint bytes
BLOCK_SIZE = 256 * 1024
RESTART_INTERVAL = 16
_TRAILER_SIZE = 5
_NO_COMPRESSION = b"\x00"


class TableError(Exception):
    """The bytes are not a well-formed table (bad magic, checksum or block layout)."""


# ---- writing ---------------------------------------------------------------------------------

class _BlockBuilder:
    def __init__(self, restart_interval: int):
        self._interval = restart_interval
        self._buffer = bytearray()
        self._restarts = [0]
        self._counter = 0
        self._last_key = b""

    def empty(self) -> bool:
        return not self._buffer

    def add(self, key: bytes, value: bytes) -> None:
        shared = 0
        if self._counter < self._interval:
            limit = min(len(key), len(self._last_key))
            while shared < limit and key[shared] == self._last_key[shared]:
                shared += 1
        else:
            self._restarts.append(len(self._buffer))
            self._counter = 0
        self._buffer += (wire.encode_varint(shared) + wire.encode_varint(len(key) - shared)
                         + wire.encode_varint(len(value)))
        self._buffer += key[shared:]
        self._buffer += value
        self._last_key = key
        self._counter += 1

    def size_estimate(self) -> int:
        return len(self._buffer) + 4 * len(self._restarts) + 4

    def finish(self) -> bytes:
        restarts = struct.pack(f"<{len(self._restarts)}I", *self._restarts)
        return bytes(self._buffer) + restarts + struct.pack("<I", len(self._restarts))


def _shortest_separator(start: bytes, limit: bytes) -> bytes:
    """A short key k with start <= k < limit (LevelDB's bytewise FindShortestSeparator)."""
    common = 0
    n = min(len(start), len(limit))
    while common < n and start[common] == limit[common]:
        common += 1
    if common < n:
        byte = start[common]
        if byte < 0xFF and byte + 1 < limit[common]:
            return start[:common] + bytes([byte + 1])
    return start


def _short_successor(key: bytes) -> bytes:
    """A short key >= ``key`` (LevelDB's bytewise FindShortSuccessor)."""
    for i, byte in enumerate(key):
        if byte != 0xFF:
            return key[:i] + bytes([byte + 1])
    return key


def _handle(offset: int, size: int) -> bytes:
    return wire.encode_varint(offset) + wire.encode_varint(size)


def build_table(items: Iterable[tuple[bytes, bytes]]) -> bytes:
    """The table file holding ``items``, which must be sorted by key (bytewise) and unique."""
    out = bytearray()
    index = _BlockBuilder(restart_interval=1)
    block = _BlockBuilder(RESTART_INTERVAL)
    pending: tuple[bytes, bytes] | None = None  # (last key, handle) of the block just written
    last_key = None

    def write_block(builder: _BlockBuilder) -> bytes:
        contents = builder.finish()
        handle = _handle(len(out), len(contents))
        out.extend(contents)
        out.extend(_NO_COMPRESSION)
        out.extend(struct.pack("<I", masked_crc32c(contents + _NO_COMPRESSION)))
        return handle

    for key, value in items:
        if last_key is not None and key <= last_key:
            raise ValueError(f"table keys must be added in increasing order: {key!r} after "
                             f"{last_key!r}")
        if pending is not None:
            index.add(_shortest_separator(pending[0], key), pending[1])
            pending = None
        block.add(key, value)
        last_key = key
        if block.size_estimate() >= BLOCK_SIZE:
            pending = (key, write_block(block))
            block = _BlockBuilder(RESTART_INTERVAL)
    if not block.empty():
        pending = (last_key, write_block(block))
    metaindex_handle = write_block(_BlockBuilder(RESTART_INTERVAL))
    if pending is not None:
        index.add(_short_successor(pending[0]), pending[1])
    index_handle = write_block(index)
    handles = metaindex_handle + index_handle
    out.extend(handles + b"\x00" * (_HANDLES_SIZE - len(handles)))
    out.extend(struct.pack("<Q", MAGIC))
    return bytes(out)


# ---- reading ---------------------------------------------------------------------------------

def _block_entries(data: bytes, offset: int, size: int, verify: bool) -> list[tuple[bytes, bytes]]:
    end = offset + size
    if end + _TRAILER_SIZE > len(data):
        raise TableError("block handle points past the end of the file")
    contents = data[offset:end]
    if data[end:end + 1] != _NO_COMPRESSION:
        raise TableError(f"unsupported block compression type {data[end]}")
    if verify:
        (stored,) = struct.unpack_from("<I", data, end + 1)
        if masked_crc32c(data[offset:end + 1]) != stored:
            raise TableError(f"block checksum mismatch (stored {unmask_crc32c(stored):#x})")
    if size < 4:
        raise TableError("block too short")
    (num_restarts,) = struct.unpack_from("<I", contents, size - 4)
    limit = size - 4 - 4 * num_restarts
    if limit < 0:
        raise TableError("bad restart count")
    entries = []
    key = b""
    pos = 0
    while pos < limit:
        shared, pos = wire.decode_varint(contents, pos)
        unshared, pos = wire.decode_varint(contents, pos)
        value_len, pos = wire.decode_varint(contents, pos)
        if shared > len(key) or pos + unshared + value_len > limit:
            raise TableError("corrupted block entry")
        key = key[:shared] + contents[pos:pos + unshared]
        pos += unshared
        entries.append((key, contents[pos:pos + value_len]))
        pos += value_len
    return entries


def _footer_handles(data: bytes) -> tuple[int, int]:
    if len(data) < FOOTER_SIZE:
        raise TableError("file is too short to be a table")
    (magic,) = struct.unpack_from("<Q", data, len(data) - 8)
    if magic != MAGIC:
        raise TableError("not a table (bad magic number)")
    footer = data[len(data) - FOOTER_SIZE:]
    pos = 0
    values = []
    for _ in range(4):  # metaindex offset, size; index offset, size
        value, pos = wire.decode_varint(footer, pos)
        values.append(value)
    return values[2], values[3]


def data_blocks(data: bytes, verify_checksums: bool = True) -> list[tuple[bytes, int, int]]:
    """The index of a table file: per data block, its separator key, offset and size."""
    index_offset, index_size = _footer_handles(data)
    blocks = []
    for key, handle in _block_entries(data, index_offset, index_size, verify_checksums):
        offset, pos = wire.decode_varint(handle, 0)
        size, _ = wire.decode_varint(handle, pos)
        blocks.append((key, offset, size))
    return blocks


def read_table(data: bytes, verify_checksums: bool = True) -> list[tuple[bytes, bytes]]:
    """All (key, value) entries of a table file, in key order."""
    entries: list[tuple[bytes, bytes]] = []
    for _, offset, size in data_blocks(data, verify_checksums):
        entries.extend(_block_entries(data, offset, size, verify_checksums))
    return entries
