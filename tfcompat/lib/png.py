"""A PNG encoder for image summaries (8-bit gray, gray+alpha, RGB, RGBA), zlib from stdlib.

The output is byte-identical to TensorFlow's (libpng) encoding, as observed:

- each row gets the filter (none, sub, up, average, Paeth) whose output has the smallest sum of
  absolute values read as signed bytes, ties going to the simpler filter;
- the filtered rows are deflated at level 6 with memLevel 9 and the Z_FILTERED strategy;
- for at most 16 KiB of row data, the zlib header announces the smallest window (at least
  256 bytes) that holds the data; the deflate stream itself does not depend on it;
- the stream is split into IDAT chunks of at most 8192 bytes.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOR_TYPES = {1: 0, 2: 4, 3: 2, 4: 6}  # channels -> PNG color type
_IDAT_SIZE = 8192
_SMALL_DATA = 16384


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(
        ">I", zlib.crc32(kind + body) & 0xFFFFFFFF
    )


def _paeth(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    p = a + b - c
    pa, pb, pc = np.abs(p - a), np.abs(p - b), np.abs(p - c)
    return np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))


def _filtered_rows(pixels: np.ndarray) -> bytes:
    """Filter type byte + filtered bytes for each row, choosing the filter per row."""
    height, width, channels = pixels.shape
    rows = pixels.reshape(height, width * channels).astype(np.int16)
    up = np.vstack([np.zeros((1, rows.shape[1]), np.int16), rows[:-1]])
    left = np.hstack([np.zeros((height, channels), np.int16), rows[:, :-channels]])
    up_left = np.hstack([np.zeros((height, channels), np.int16), up[:, :-channels]])
    candidates = np.stack([
        rows,
        rows - left,
        rows - up,
        rows - (left + up) // 2,
        rows - _paeth(left, up, up_left),
    ]).astype(np.uint8)  # modulo 256, as PNG defines the filters
    signed = candidates.astype(np.int16)
    cost = np.minimum(signed, 256 - signed).sum(axis=2)  # |byte| read as a signed byte
    best = np.argmin(cost, axis=0)  # ties go to the simplest filter
    chosen = candidates[best, np.arange(height)]
    return np.hstack([best.astype(np.uint8)[:, None], chosen]).tobytes()


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 15, 9, zlib.Z_FILTERED)
    stream = compressor.compress(data) + compressor.flush()
    if len(data) > _SMALL_DATA:
        return stream
    window_log = 8
    while (1 << window_log) < len(data):
        window_log += 1
    cmf = ((window_log - 8) << 4) | zlib.DEFLATED
    flg = stream[1] & 0xE0  # keep the compression-level bits, recompute the check bits
    flg += (31 - (cmf * 256 + flg) % 31) % 31
    return bytes((cmf, flg)) + stream[2:]


def encode_png(pixels: np.ndarray) -> bytes:
    """PNG bytes of a ``[height, width, channels]`` uint8 image with 1 to 4 channels."""
    height, width, channels = pixels.shape
    header = struct.pack(">IIBBBBB", width, height, 8, _COLOR_TYPES[channels], 0, 0, 0)
    stream = _deflate(_filtered_rows(np.ascontiguousarray(pixels, dtype=np.uint8)))
    idats = [
        _chunk(b"IDAT", stream[i:i + _IDAT_SIZE]) for i in range(0, len(stream), _IDAT_SIZE)
    ]
    return b"".join((_SIGNATURE, _chunk(b"IHDR", header), *idats, _chunk(b"IEND", b"")))
