"""SDCA helper ops of ``tf.train``: ``sdca_fprint`` (FarmHash Fingerprint128 of strings, the
feature ids SDCA hashes) and ``sdca_shrink_l1`` (the L1 soft-threshold SDCA applies to its
weights). ``sdca_optimizer`` itself is not built."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Operation, ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.state_ops import read_variable, variable_op_name, variables_locked
from tfcompat.ops.string_hash import (
    _K0,
    _K1,
    _M64,
    _hash16,
    _len0to16,
    _rot,
    _shift_mix,
    _u64,
    _weak32_at,
)

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


# ---- SdcaFprint -------------------------------------------------------------------------------

def _fprint_kernel(values):
    flat = np.asarray(values, dtype=object).reshape(-1)
    out = np.empty((flat.size, 2), np.uint64)
    for i, value in enumerate(flat):
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        out[i] = fingerprint128(data)
    return out.view(np.int64)


def _fprint_shape(op):
    shape = op.inputs[0].shape
    if shape.ndims is not None and shape.ndims != 1:
        raise ShapeError(f"Shape must be rank 1 but is rank {shape.ndims}")
    return [(dtypes.int64, TensorShape([shape[0] if shape.ndims else None, 2]))]


register_op("SdcaFprint", inputs=("input: string",), kernel=_fprint_kernel,
            shape_fn=_fprint_shape, grad=NOT_DIFFERENTIABLE)


def sdca_fprint(input, name=None) -> Tensor:  # noqa: A002 - TF's argument name
    """The FarmHash Fingerprint128 of each string of the 1-D ``input``: an int64 tensor
    ``[n, 2]`` of (low, high) 64-bit halves."""
    return apply_op("SdcaFprint", [input], name=name)


# ---- SdcaShrinkL1 -----------------------------------------------------------------------------

def _bind_shrink(op, state):
    names = [variable_op_name(t) for t in op.inputs]
    shrink = op._attrs["l1"] / op._attrs["l2"]

    def kernel(*_values):
        with variables_locked(state, names):
            for name in names:
                weights = read_variable(state.variables, name)
                state.variables[name] = (np.sign(weights) * np.maximum(
                    np.abs(weights) - shrink, 0)).astype(weights.dtype)
        return ()
    return kernel


register_op("SdcaShrinkL1", inputs=("weights: num_features*float",), bind=_bind_shrink,
            shape_fn=lambda op: [], stateful=True, grad=NOT_DIFFERENTIABLE)


def sdca_shrink_l1(weights, l1, l2, name=None) -> Operation:
    """Soft-thresholds each of the float variables ``weights`` in place by ``l1 / l2``
    (``sign(w) * max(|w| - l1 / l2, 0)``); returns the op."""
    refs = [w._ref() if hasattr(w, "_ref") else w for w in weights]
    return apply_op("SdcaShrinkL1", [refs], name=name,
                    attrs={"l1": float(l1), "l2": float(l2)})
