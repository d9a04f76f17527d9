"""Philox4x32-10, the counter-based generator behind TF's CPU random kernels, and TF's
conversions of its 32-bit words into samples.

Philox (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011) maps a 128-bit
counter and a 64-bit key to four 32-bit words through ten rounds of multiply/xor. Because block
``i`` depends only on ``counter + i``, a whole tensor is generated at once with numpy: every
operation below works on arrays of counters.

A TF op seeded with ``(seed, seed2)`` keys Philox with ``seed`` and starts its counter at
``seed2 << 64``. Each kernel run reserves a range of counters and moves the op's counter past
it (``PhiloxStream.reserve``), so repeated runs draw new numbers and a fresh stream (a new
session) repeats them.
"""

from __future__ import annotations

import os
import threading

import numpy as np

# Round multipliers and Weyl key increments from the Philox paper.
_M0 = np.uint64(0xD2511F53)
_M1 = np.uint64(0xCD9E8D57)
_W0 = 0x9E3779B9
_W1 = 0xBB67AE85
_ROUNDS = 10
_LOW32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)
_MASK64 = (1 << 64) - 1
_MASK128 = (1 << 128) - 1


def philox_blocks(key: int, counter: int, count: int) -> np.ndarray:
    """Philox4x32-10 outputs for counters ``counter, counter + 1, ...`` (``count`` of them).

    ``key`` is 64 bits, ``counter`` 128 bits (word 0 least significant). Returns a
    ``[count, 4]`` uint32 array.
    """
    return philox_at(key, counter, np.arange(count, dtype=np.uint64))


def philox_at(key: int, counter: int, offsets: np.ndarray) -> np.ndarray:
    """Philox4x32-10 outputs for counters ``counter + offsets[i]`` (offsets: uint64 array)."""
    lo_start = np.uint64(counter & _MASK64)
    lo = offsets + lo_start  # wraps modulo 2**64; a wrapped entry carries into the high half
    hi = np.full(offsets.shape, (counter >> 64) & _MASK64, dtype=np.uint64)
    hi += lo < lo_start
    # Words held in uint64 so each 32x32 multiply keeps its high half.
    c0 = lo & _LOW32
    c1 = lo >> _SHIFT32
    c2 = hi & _LOW32
    c3 = hi >> _SHIFT32
    k0 = key & 0xFFFFFFFF
    k1 = (key >> 32) & 0xFFFFFFFF
    for round_index in range(_ROUNDS):
        p0 = c0 * _M0
        p1 = c2 * _M1
        p1_hi = p1 >> _SHIFT32
        p1_hi ^= c1
        p1_hi ^= np.uint64(k0)
        p0_hi = p0 >> _SHIFT32
        p0_hi ^= c3
        p0_hi ^= np.uint64(k1)
        c0, c1, c2, c3 = p1_hi, p1 & _LOW32, p0_hi, p0 & _LOW32
        if round_index < _ROUNDS - 1:
            k0 = (k0 + _W0) & 0xFFFFFFFF
            k1 = (k1 + _W1) & 0xFFFFFFFF
    out = np.empty(offsets.shape + (4,), dtype=np.uint32)
    out[..., 0] = c0
    out[..., 1] = c1
    out[..., 2] = c2
    out[..., 3] = c3
    return out


class PhiloxStream:
    """One stateful op's generator in one session: a key and the next unreserved counter."""

    def __init__(self, seed: int, seed2: int):
        if seed == 0 and seed2 == 0:
            # TF's unseeded ops (seed = seed2 = 0) draw a fresh key and counter from the OS.
            seed = int.from_bytes(os.urandom(8), "little")
            seed2 = int.from_bytes(os.urandom(8), "little")
        self.key = seed & _MASK64
        self.counter = (seed2 & _MASK64) << 64
        self._lock = threading.Lock()

    def reserve(self, blocks: int) -> int:
        """Returns the first counter of ``blocks`` fresh blocks and skips past them.

        Atomic: runs of one op in threads sharing a session draw disjoint blocks, as TF's
        guarded generator does."""
        with self._lock:
            start = self.counter
            self.counter = (start + blocks) & _MASK128
        return start


# ---- conversions of Philox words to samples ---------------------------------------------------

_FLOAT_ONE = np.uint32(0x3F800000)
_FLOAT_MANTISSA = np.uint32(0x7FFFFF)
_DOUBLE_ONE = np.uint64(0x3FF0000000000000)
_DOUBLE_MANTISSA = np.uint64((1 << 52) - 1)
_HALF_ONE = np.uint16(0x3C00)
_HALF_MANTISSA = np.uint16(0x3FF)
_BFLOAT_ONE = np.uint32(0x3F800000)
_BFLOAT_MANTISSA = np.uint32(0x7F << 16)


def uint32_to_float(words: np.ndarray) -> np.ndarray:
    """Uniform float32 in [0, 1): 23 random mantissa bits on 1.0, minus 1."""
    bits = (words & _FLOAT_MANTISSA) | _FLOAT_ONE
    return bits.view(np.float32) - np.float32(1.0)


def uint64_to_double(high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """Uniform float64 in [0, 1) from two words: the low 52 bits of ``high:low`` on 1.0."""
    bits = (high.astype(np.uint64) << _SHIFT32) | low.astype(np.uint64)
    bits &= _DOUBLE_MANTISSA
    bits |= _DOUBLE_ONE
    return bits.view(np.float64) - 1.0


def uint32_to_half(words: np.ndarray) -> np.ndarray:
    """Uniform float16 in [0, 1) from the low 10 bits of each word."""
    bits = (words.astype(np.uint16) & _HALF_MANTISSA) | _HALF_ONE
    return bits.view(np.float16) - np.float16(1.0)


def uint32_to_bfloat16(words: np.ndarray) -> np.ndarray:
    """Uniform bfloat16 in [0, 1) from the low 7 bits of each word, held as float32."""
    bits = ((words << np.uint32(16)) & _BFLOAT_MANTISSA) | _BFLOAT_ONE
    return bits.view(np.float32) - np.float32(1.0)
