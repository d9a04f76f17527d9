"""CRC-32C (Castagnoli), the checksum of TFRecord framing, and TF's masked form of it.

Small buffers (every scalar event) use table-driven slicing-by-8 in plain Python. Large buffers
(graphs, images) are split into equal chunks whose CRCs numpy computes side by side; the chunk
CRCs are then folded pairwise, shifting the left one over the right one's length with a
precomputed GF(2) operator. CRC is linear, so the result is exactly the sequential CRC.
"""

from __future__ import annotations

import numpy as np

_POLY = 0x82F63B78  # reflected Castagnoli polynomial
_MASK_DELTA = 0xA282EAD8


def _byte_table() -> list[int]:
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ _POLY if c & 1 else c >> 1
        table.append(c)
    return table


def _slicing_tables(t0: list[int], count: int) -> list[list[int]]:
    """tables[k][b]: the CRC register after byte b is followed by k zero bytes."""
    tables = [t0]
    for _ in range(1, count):
        prev = tables[-1]
        tables.append([(prev[i] >> 8) ^ t0[prev[i] & 0xFF] for i in range(256)])
    return tables


_TABLES = _slicing_tables(_byte_table(), 8)


def _update_python(crc: int, data: bytes | memoryview) -> int:
    """Raw register update (no pre/post inversion), slicing-by-8."""
    t0, t1, t2, t3, t4, t5, t6, t7 = _TABLES
    n8 = len(data) & ~7
    if n8:
        for q in memoryview(data)[:n8].cast("Q"):
            x = q ^ crc
            crc = (
                t7[x & 0xFF] ^ t6[(x >> 8) & 0xFF] ^ t5[(x >> 16) & 0xFF]
                ^ t4[(x >> 24) & 0xFF] ^ t3[(x >> 32) & 0xFF] ^ t2[(x >> 40) & 0xFF]
                ^ t1[(x >> 48) & 0xFF] ^ t0[x >> 56]
            )
    for b in bytes(data[n8:]):
        crc = t0[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc


# -- numpy path ---------------------------------------------------------------------------
_NUMPY_MIN = 1 << 12  # below this, the per-column numpy overhead outweighs the lanes
_NUMPY_BLOCK = 1 << 20  # larger inputs go block by block to stay in cache
_NP_TABLES = [np.array(t, dtype=np.uint32) for t in _TABLES[:4]]


def _apply(columns: list[int], x: int) -> int:
    out = 0
    i = 0
    while x:
        if x & 1:
            out ^= columns[i]
        x >>= 1
        i += 1
    return out


class _ShiftOperator:
    """Byte tables of the linear map 'register after n more zero bytes'."""

    def __init__(self, columns: list[int]) -> None:
        self.columns = columns
        tables = []
        for k in range(4):
            table = [0] * 256
            for v in range(1, 256):
                low = v & -v
                table[v] = table[v ^ low] ^ columns[8 * k + low.bit_length() - 1]
            tables.append(np.array(table, dtype=np.uint32))
        self.tables = tables

    def squared(self) -> _ShiftOperator:
        return _ShiftOperator([_apply(self.columns, c) for c in self.columns])

    def __call__(self, x: np.ndarray) -> np.ndarray:
        t0, t1, t2, t3 = self.tables
        return t0[x & 0xFF] ^ t1[(x >> 8) & 0xFF] ^ t2[(x >> 16) & 0xFF] ^ t3[x >> 24]


_SHIFTS: list[_ShiftOperator] = []  # _SHIFTS[k]: shift by 2**k zero bytes


def _shift(log2_bytes: int) -> _ShiftOperator:
    if not _SHIFTS:
        t0 = _TABLES[0]
        _SHIFTS.append(_ShiftOperator([t0[(1 << i) & 0xFF] ^ ((1 << i) >> 8) for i in range(32)]))
    while len(_SHIFTS) <= log2_bytes:
        _SHIFTS.append(_SHIFTS[-1].squared())
    return _SHIFTS[log2_bytes]


def _update_numpy(crc: int, data: bytes | memoryview) -> int:
    n = len(data)
    log2_chunk = 6 if n <= (1 << 17) else 8  # fewer columns for mid sizes, fewer lanes for big
    chunk = 1 << log2_chunk
    lanes = -(-n // chunk)
    pad = lanes * chunk - n
    # Leading zero bytes leave a zero register unchanged, so pad at the front; the initial
    # register is folded into the first four data bytes (the register is XORed with them).
    buf = np.zeros(lanes * chunk, dtype=np.uint8)
    buf[pad:] = np.frombuffer(data, dtype=np.uint8)
    buf[pad:pad + 4] ^= np.frombuffer(crc.to_bytes(4, "little"), dtype=np.uint8)
    words = np.ascontiguousarray(buf.view("<u4").reshape(lanes, chunk // 4).T)
    t0, t1, t2, t3 = _NP_TABLES
    state = np.zeros(lanes, dtype=np.uint32)
    for column in words:
        x = state ^ column
        state = t3[x & 0xFF] ^ t2[(x >> 8) & 0xFF] ^ t1[(x >> 16) & 0xFF] ^ t0[x >> 24]
    # Fold lanes pairwise; zero lanes in front (up to a power-of-two count) change nothing.
    width = 1 << (lanes - 1).bit_length()
    state = np.concatenate([np.zeros(width - lanes, dtype=np.uint32), state])
    level = log2_chunk
    while len(state) > 1:
        state = _shift(level)(state[0::2]) ^ state[1::2]
        level += 1
    return int(state[0])


def crc32c(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """CRC-32C of ``data``; pass a previous result as ``crc`` to continue it."""
    register = crc ^ 0xFFFFFFFF
    if len(data) < _NUMPY_MIN:
        return _update_python(register, data) ^ 0xFFFFFFFF
    view = memoryview(data).cast("B")
    for start in range(0, len(view), _NUMPY_BLOCK):
        block = view[start:start + _NUMPY_BLOCK]
        if len(block) < _NUMPY_MIN:
            register = _update_python(register, block)
        else:
            register = _update_numpy(register, block)
    return register ^ 0xFFFFFFFF


def masked_crc32c(data: bytes | bytearray | memoryview) -> int:
    """TF's masked CRC: rotate right by 15 bits and add a constant, so a CRC of bytes that
    themselves contain CRCs does not degenerate."""
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def unmask_crc32c(masked: int) -> int:
    rot = (masked - _MASK_DELTA) & 0xFFFFFFFF
    return ((rot >> 17) | (rot << 15)) & 0xFFFFFFFF
