"""The string hashes of TF's ``StringToHashBucket*`` ops, bit-exact in pure Python.

- ``fingerprint64``: FarmHash's Fingerprint64 (the "na" variant of FarmHash64), used by
  ``to_hash_bucket_fast``.
- ``murmur64``: TF's legacy ``Hash64`` (MurmurHash64A with TF's seed), used by
  ``to_hash_bucket``.
- ``siphash24``: SipHash-2-4 with a 128-bit key, used by ``to_hash_bucket_strong``.
- ``fingerprint128``: FarmHash's Fingerprint128, used by ``sdca_fprint``.
"""

from __future__ import annotations

import struct

_M64 = (1 << 64) - 1
_K0 = 0xC3A5C85C97CB3127
_K1 = 0xB492B66FBE98F273
_K2 = 0x9AE16A3B2F90404F
_K_MUL = 0x9DDFEA08EB382D69


def _u64(data: bytes, i: int) -> int:
    return struct.unpack_from("<Q", data, i)[0]


def _u32(data: bytes, i: int) -> int:
    return struct.unpack_from("<I", data, i)[0]


def _rot(v: int, s: int) -> int:
    return v if s == 0 else ((v >> s) | (v << (64 - s))) & _M64


def _shift_mix(v: int) -> int:
    return v ^ (v >> 47)


def _hash16(u: int, v: int, mul: int = _K_MUL) -> int:
    a = ((u ^ v) * mul) & _M64
    a ^= a >> 47
    b = ((v ^ a) * mul) & _M64
    b ^= b >> 47
    return (b * mul) & _M64


def _len0to16(s: bytes) -> int:
    n = len(s)
    if n >= 8:
        mul = (_K2 + n * 2) & _M64
        a = (_u64(s, 0) + _K2) & _M64
        b = _u64(s, n - 8)
        c = (_rot(b, 37) * mul + a) & _M64
        d = ((_rot(a, 25) + b) * mul) & _M64
        return _hash16(c, d, mul)
    if n >= 4:
        mul = (_K2 + n * 2) & _M64
        a = _u32(s, 0)
        return _hash16((n + (a << 3)) & _M64, _u32(s, n - 4), mul)
    if n > 0:
        y = (s[0] + (s[n >> 1] << 8)) & 0xFFFFFFFF
        z = (n + (s[n - 1] << 2)) & 0xFFFFFFFF
        return (_shift_mix(((y * _K2) ^ (z * _K0)) & _M64) * _K2) & _M64
    return _K2


def _len17to32(s: bytes) -> int:
    n = len(s)
    mul = (_K2 + n * 2) & _M64
    a = (_u64(s, 0) * _K1) & _M64
    b = _u64(s, 8)
    c = (_u64(s, n - 8) * mul) & _M64
    d = (_u64(s, n - 16) * _K2) & _M64
    return _hash16((_rot((a + b) & _M64, 43) + _rot(c, 30) + d) & _M64,
                   (a + _rot((b + _K2) & _M64, 18) + c) & _M64, mul)


def _weak32(w: int, x: int, y: int, z: int, a: int, b: int) -> tuple[int, int]:
    a = (a + w) & _M64
    b = _rot((b + a + z) & _M64, 21)
    c = a
    a = (a + x + y) & _M64
    b = (b + _rot(a, 44)) & _M64
    return (a + z) & _M64, (b + c) & _M64


def _weak32_at(s: bytes, i: int, a: int, b: int) -> tuple[int, int]:
    return _weak32(_u64(s, i), _u64(s, i + 8), _u64(s, i + 16), _u64(s, i + 24), a, b)


def _len33to64(s: bytes) -> int:
    n = len(s)
    mul = (_K2 + n * 2) & _M64
    a = (_u64(s, 0) * _K2) & _M64
    b = _u64(s, 8)
    c = (_u64(s, n - 8) * mul) & _M64
    d = (_u64(s, n - 16) * _K2) & _M64
    y = (_rot((a + b) & _M64, 43) + _rot(c, 30) + d) & _M64
    z = _hash16(y, (a + _rot((b + _K2) & _M64, 18) + c) & _M64, mul)
    e = (_u64(s, 16) * mul) & _M64
    f = _u64(s, 24)
    g = ((y + _u64(s, n - 32)) * mul) & _M64
    h = ((z + _u64(s, n - 24)) * mul) & _M64
    return _hash16((_rot((e + f) & _M64, 43) + _rot(g, 30) + h) & _M64,
                   (e + _rot((f + a) & _M64, 18) + g) & _M64, mul)


def fingerprint64(s: bytes) -> int:
    """FarmHash Fingerprint64 of ``s`` (an unsigned 64-bit int)."""
    n = len(s)
    if n <= 16:
        return _len0to16(s)
    if n <= 32:
        return _len17to32(s)
    if n <= 64:
        return _len33to64(s)
    seed = 81
    x = seed
    y = (seed * _K1 + 113) & _M64
    z = (_shift_mix((y * _K2 + 113) & _M64) * _K2) & _M64
    v = (0, 0)
    w = (0, 0)
    x = (x * _K2 + _u64(s, 0)) & _M64
    end = ((n - 1) // 64) * 64
    last64 = n - 64
    i = 0
    while True:
        x = (_rot((x + y + v[0] + _u64(s, i + 8)) & _M64, 37) * _K1) & _M64
        y = (_rot((y + v[1] + _u64(s, i + 48)) & _M64, 42) * _K1) & _M64
        x ^= w[1]
        y = (y + v[0] + _u64(s, i + 40)) & _M64
        z = (_rot((z + w[0]) & _M64, 33) * _K1) & _M64
        v = _weak32_at(s, i, (v[1] * _K1) & _M64, (x + w[0]) & _M64)
        w = _weak32_at(s, i + 32, (z + w[1]) & _M64, (y + _u64(s, i + 16)) & _M64)
        z, x = x, z
        i += 64
        if i == end:
            break
    mul = (_K1 + ((z & 0xFF) << 1)) & _M64
    i = last64
    w = ((w[0] + ((n - 1) & 63)) & _M64, w[1])
    v = ((v[0] + w[0]) & _M64, v[1])
    w = ((w[0] + v[0]) & _M64, w[1])
    x = (_rot((x + y + v[0] + _u64(s, i + 8)) & _M64, 37) * mul) & _M64
    y = (_rot((y + v[1] + _u64(s, i + 48)) & _M64, 42) * mul) & _M64
    x ^= (w[1] * 9) & _M64
    y = (y + v[0] * 9 + _u64(s, i + 40)) & _M64
    z = (_rot((z + w[0]) & _M64, 33) * mul) & _M64
    v = _weak32_at(s, i, (v[1] * mul) & _M64, (x + w[0]) & _M64)
    w = _weak32_at(s, i + 32, (z + w[1]) & _M64, (y + _u64(s, i + 16)) & _M64)
    z, x = x, z
    return _hash16((_hash16(v[0], w[0], mul) + _shift_mix(y) * _K0 + z) & _M64,
                   (_hash16(v[1], w[1], mul) + x) & _M64, mul)


def murmur64(s: bytes, seed: int = 0xDECAFCAFFE) -> int:
    """TF's ``Hash64``: MurmurHash64A over little-endian 8-byte words."""
    m = 0xC6A4A7935BD1E995
    n = len(s)
    h = (seed ^ (n * m)) & _M64
    i = 0
    while n - i >= 8:
        k = (_u64(s, i) * m) & _M64
        k ^= k >> 47
        k = (k * m) & _M64
        h ^= k
        h = (h * m) & _M64
        i += 8
    rest = n - i
    if rest:
        for j in range(rest - 1, -1, -1):
            h ^= s[i + j] << (8 * j)
        h = (h * m) & _M64
    h ^= h >> 47
    h = (h * m) & _M64
    h ^= h >> 47
    return h


def _sip_round(v0, v1, v2, v3):
    v0 = (v0 + v1) & _M64
    v1 = _rotl(v1, 13) ^ v0
    v0 = _rotl(v0, 32)
    v2 = (v2 + v3) & _M64
    v3 = _rotl(v3, 16) ^ v2
    v0 = (v0 + v3) & _M64
    v3 = _rotl(v3, 21) ^ v0
    v2 = (v2 + v1) & _M64
    v1 = _rotl(v1, 17) ^ v2
    v2 = _rotl(v2, 32)
    return v0, v1, v2, v3


def _rotl(v: int, s: int) -> int:
    return ((v << s) | (v >> (64 - s))) & _M64


def siphash24(key0: int, key1: int, s: bytes) -> int:
    """SipHash-2-4 of ``s`` under the 128-bit key ``(key0, key1)``."""
    v0 = key0 ^ 0x736F6D6570736575
    v1 = key1 ^ 0x646F72616E646F6D
    v2 = key0 ^ 0x6C7967656E657261
    v3 = key1 ^ 0x7465646279746573
    n = len(s)
    full = n - n % 8
    for i in range(0, full, 8):
        m = _u64(s, i)
        v3 ^= m
        v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
        v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
        v0 ^= m
    last = (n & 0xFF) << 56
    for j, byte in enumerate(s[full:]):
        last |= byte << (8 * j)
    v3 ^= last
    v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
    v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
    v0 ^= last
    v2 ^= 0xFF
    for _ in range(4):
        v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
    return v0 ^ v1 ^ v2 ^ v3


# ---- Fingerprint128 (FarmHash's, i.e. CityHash128 v1.1 with FarmHash's short-string hash) ----


def _city_murmur(s: bytes, a: int, b: int) -> tuple[int, int]:
    """The 128-bit hash of a string shorter than 128 bytes under the seed ``(a, b)``."""
    n = len(s)
    if n <= 16:
        a = (_shift_mix((a * _K1) & _M64) * _K1) & _M64
        c = (b * _K1 + _len0to16(s)) & _M64
        d = _shift_mix((a + (_u64(s, 0) if n >= 8 else c)) & _M64)
    else:
        c = _hash16((_u64(s, n - 8) + _K1) & _M64, a)
        d = _hash16((b + n) & _M64, (c + _u64(s, n - 16)) & _M64)
        a = (a + d) & _M64
        pos, left = 0, n - 16
        while left > 0:
            a ^= (_shift_mix((_u64(s, pos) * _K1) & _M64) * _K1) & _M64
            a = (a * _K1) & _M64
            b ^= a
            c ^= (_shift_mix((_u64(s, pos + 8) * _K1) & _M64) * _K1) & _M64
            c = (c * _K1) & _M64
            d ^= c
            pos += 16
            left -= 16
    a = _hash16(a, c)
    b = _hash16(d, b)
    return a ^ b, _hash16(b, a)


def _hash128_with_seed(s: bytes, x: int, y: int) -> tuple[int, int]:
    n = len(s)
    if n < 128:
        return _city_murmur(s, x, y)
    z = (n * _K1) & _M64
    v0 = (_rot(y ^ _K1, 49) * _K1 + _u64(s, 0)) & _M64
    v1 = (_rot(v0, 42) * _K1 + _u64(s, 8)) & _M64
    w0 = (_rot((y + z) & _M64, 35) * _K1 + x) & _M64
    w1 = (_rot((x + _u64(s, 88)) & _M64, 53) * _K1) & _M64
    pos, left = 0, n
    while True:
        for _ in range(2):
            x = (_rot((x + y + v0 + _u64(s, pos + 8)) & _M64, 37) * _K1) & _M64
            y = (_rot((y + v1 + _u64(s, pos + 48)) & _M64, 42) * _K1) & _M64
            x ^= w1
            y = (y + v0 + _u64(s, pos + 40)) & _M64
            z = (_rot((z + w0) & _M64, 33) * _K1) & _M64
            v0, v1 = _weak32_at(s, pos, (v1 * _K1) & _M64, (x + w0) & _M64)
            w0, w1 = _weak32_at(s, pos + 32, (z + w1) & _M64, (y + _u64(s, pos + 16)) & _M64)
            z, x = x, z
            pos += 64
        left -= 128
        if left < 128:
            break
    x = (x + _rot((v0 + z) & _M64, 49) * _K0) & _M64
    y = (y * _K0 + _rot(w1, 37)) & _M64
    z = (z * _K0 + _rot(w0, 27)) & _M64
    w0 = (w0 * 9) & _M64
    v0 = (v0 * _K0) & _M64
    done = 0
    while done < left:
        done += 32
        y = (_rot((x + y) & _M64, 42) * _K0 + v1) & _M64
        w0 = (w0 + _u64(s, pos + left - done + 16)) & _M64
        x = (x * _K0 + w0) & _M64
        z = (z + w1 + _u64(s, pos + left - done)) & _M64
        w1 = (w1 + v0) & _M64
        v0, v1 = _weak32_at(s, pos + left - done, (v0 + z) & _M64, v1)
        v0 = (v0 * _K0) & _M64
    x = _hash16(x, v0)
    y = _hash16((y + z) & _M64, w0)
    return ((_hash16((x + v1) & _M64, w1) + y) & _M64,
            _hash16((x + w1) & _M64, (y + v1) & _M64))


def fingerprint128(s: bytes) -> tuple[int, int]:
    """FarmHash Fingerprint128 of ``s`` as (low 64 bits, high 64 bits), unsigned."""
    if len(s) >= 16:
        return _hash128_with_seed(s[16:], _u64(s, 0), (_u64(s, 8) + _K0) & _M64)
    return _hash128_with_seed(s, _K0, _K1)
