"""Reading TFRecord files for ``TFRecordDataset`` a block at a time, checking the CRCs of
all records of a block together with numpy (each record a lane), which costs a fraction of
checking them one by one. Records come out in order; a corrupted or truncated record raises
TF's ``DataLossError`` after the records before it, as the one-by-one reader
(tfcompat.lib.io.tfrecord.read_records) does.
"""

from __future__ import annotations

import gzip
import io
import struct
import zlib
from collections.abc import Iterator

import numpy as np

from tfcompat.framework import errors
from tfcompat.lib.io import crc32c

_HEADER = 12  # uint64 length + masked CRC of the length
_FOOTER = 4  # masked CRC of the data
_BLOCK = 1 << 20
_LANE_MAX = 1 << 14  # longer records: one by one (crc32c's own numpy path)
_MASK_DELTA = 0xA282EAD8
_T0, _T1, _T2, _T3 = (np.array(t, dtype=np.uint32) for t in crc32c._TABLES[:4])
_length_and_crc = struct.Struct("<QI").unpack_from
_crc_at = struct.Struct("<I").unpack_from


def _lane_crcs(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Raw CRC-32C of ``data[start:start + length]`` for every pair (lengths >= 4).

    Each record is a lane, right-aligned in a zero-padded row: leading zero bytes leave a
    zero register unchanged, and the initial register (all ones) is folded into the first
    four data bytes, so every lane's register ends as its record's CRC.
    """
    width = (int(lengths.max()) + 3) & ~3
    rows = len(starts)
    grid = np.zeros((rows, width), dtype=np.uint8)
    offsets = width - lengths
    ends = np.cumsum(lengths)
    within = np.arange(int(ends[-1])) - np.repeat(ends - lengths, lengths)
    grid[np.repeat(np.arange(rows), lengths), np.repeat(offsets, lengths) + within] = \
        data[np.repeat(starts, lengths) + within]
    grid[np.arange(rows)[:, None], offsets[:, None] + np.arange(4)] ^= np.uint8(0xFF)
    state = np.zeros(rows, dtype=np.uint32)
    for column in grid.view("<u4").T:
        x = state ^ column
        state = _T3[x & 0xFF] ^ _T2[(x >> 8) & 0xFF] ^ _T1[(x >> 16) & 0xFF] ^ _T0[x >> 24]
    return state ^ np.uint32(0xFFFFFFFF)


def masked_crcs(buffer: bytes, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """TF's masked CRC-32C of ``buffer[start:start + length]`` for every pair.

    Lanes are grouped by length (within a factor of 2, so padding at most doubles the work);
    tiny and large records go one by one.
    """
    crc = np.zeros(len(starts), dtype=np.uint32)
    data = np.frombuffer(buffer, dtype=np.uint8)
    group = np.where((lengths < 4) | (lengths > _LANE_MAX), -1,
                     np.log2(np.maximum(lengths, 1)).astype(np.int64))
    for g in np.unique(group):
        members = np.flatnonzero(group == g)
        if g >= 0:
            crc[members] = _lane_crcs(data, starts[members], lengths[members])
            continue
        for i in members:
            start = int(starts[i])
            crc[i] = crc32c.crc32c(buffer[start:start + int(lengths[i])])
    return ((crc >> np.uint32(15)) | (crc << np.uint32(17))) + np.uint32(_MASK_DELTA)


def _open(path: str, compression: str):
    try:
        if compression == "GZIP":
            return gzip.open(path, "rb")
        if compression == "ZLIB":
            with open(path, "rb") as f:
                return io.BytesIO(zlib.decompressobj().decompress(f.read()))
        return open(path, "rb")  # noqa: SIM115 - closed by the reader
    except FileNotFoundError:
        raise errors.NotFoundError(None, None, f"{path}; No such file or directory") from None


def read_records(path: str, compression: str = "") -> Iterator[bytes]:
    """The records of a TFRecord file, in order, both CRCs of each checked."""
    f = _open(path, compression)
    try:
        pending = b""
        offset = 0  # file offset of ``pending[0]``
        at_end = False
        while not at_end:
            chunk = f.read(_BLOCK)
            at_end = not chunk
            buffer = pending + chunk
            starts, lengths, stored_len_crc, positions = [], [], [], []
            pos = 0
            size = len(buffer)
            while pos + _HEADER <= size:
                length, len_crc = _length_and_crc(buffer, pos)
                if pos + _HEADER + length + _FOOTER > size and not at_end and \
                        crc32c.masked_crc32c(buffer[pos:pos + 8]) == len_crc:
                    break  # the rest of the record is in the next block
                positions.append(pos)
                stored_len_crc.append(len_crc)
                starts.append(pos + _HEADER)
                lengths.append(length)
                if pos + _HEADER + length + _FOOTER > size:
                    break  # corrupted length or truncated record: reported when reached
                pos += _HEADER + length + _FOOTER
            yield from _checked(buffer, offset, positions, starts, lengths, stored_len_crc)
            if at_end:
                return
            pending = buffer[pos:]
            offset += pos
    finally:
        f.close()


def _checked(buffer, offset, positions, starts, lengths, stored_len_crc):
    if not positions:
        return
    length_starts = np.asarray(positions, dtype=np.int64)
    length_ok = masked_crcs(buffer, length_starts, np.full(len(positions), 8)) == \
        np.asarray(stored_len_crc, dtype=np.uint32)
    complete = np.array([s + n + _FOOTER <= len(buffer) for s, n in zip(starts, lengths)])
    starts_a = np.asarray(starts, dtype=np.int64)
    # An incomplete record's length may be garbage (a corrupted header): never used.
    lengths_a = np.asarray([n if ok else 0 for n, ok in zip(lengths, complete)],
                           dtype=np.int64)
    data_ok = np.zeros(len(starts), dtype=bool)
    long_enough = complete & (lengths_a >= 4)
    if long_enough.any():
        stored = np.array([_crc_at(buffer, s + n)[0] for s, n in zip(
            starts_a[long_enough], lengths_a[long_enough])], dtype=np.uint32)
        data_ok[long_enough] = masked_crcs(buffer, starts_a[long_enough],
                                           lengths_a[long_enough]) == stored
    for i in np.flatnonzero(complete & ~long_enough):
        start, n = int(starts_a[i]), int(lengths_a[i])
        data_ok[i] = crc32c.masked_crc32c(buffer[start:start + n]) == \
            _crc_at(buffer, start + n)[0]
    for i, (start, n) in enumerate(zip(starts, lengths)):
        at = offset + positions[i]
        if not length_ok[i]:
            hint = " (Is this even a TFRecord file?)" if at == 0 else ""
            raise errors.DataLossError(None, None, f"corrupted record at {at}{hint}")
        if not complete[i]:
            raise errors.DataLossError(
                None, None,
                f"truncated record at {at}' failed with Read less bytes than requested")
        if not data_ok[i]:
            raise errors.DataLossError(None, None, f"corrupted record at {at + _HEADER}")
        yield buffer[start:start + n]
