"""``tf.random.stateless_parameterized_truncated_normal`` (StatelessParameterizedTruncatedNormal):
normal samples restricted to ``[minvals, maxvals]`` per batch of parameters, bit-identical to
TF's CPU kernel.

Batches of parameters (broadcast to the trailing dimensions of ``shape``) read the Philox
stream one after another from the seed's counter, each starting at the block after the last
one the previous batch used (observed on TF 2.21 for tensors one CPU thread samples), and keep
accepted candidates, with one of three methods chosen from the
standardized bounds ``a = (min - mean) / std``, ``b = (max - mean) / std`` (both negative:
sample ``[-b, -a]`` and negate):

- ``a < -1.3 <= 0 <= b`` or ``a <= 0 < 1.3 < b``: standard normals (two per block in float64,
  four in float32), kept when inside ``[a, b]``;
- ``b - a`` below Robert's cutoff: uniform candidates ``z`` on ``[a, b]`` from one block and
  acceptance uniforms from the next, ``u <= exp((max(a, 0)^2 - z^2) / 2)``;
- otherwise Robert's exponential proposal (C. P. Robert, "Simulation of truncated normal
  variables", Statistics and Computing 5, 1995): ``z = a - log(u1) / alpha``, accepted when
  ``u2 <= exp(-(z - alpha)^2 / 2)`` and ``z < b``; ``(u1, u2)`` are consecutive uniforms.
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import c_math
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.philox import philox_blocks, uint32_to_float, uint64_to_double
from tfcompat.ops.random_distributions import _normal_float32, _normal_float64
from tfcompat.ops.stateless_random_ops import (
    _dims,
    _seed_pair,
    _shape_tensor,
    key_counter_from_seed,
)

_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64)
_NORMAL_SAMPLER_BOUND = 1.3
_CHUNK_BLOCKS = 64


def _uniforms(words: np.ndarray, wide: bool) -> np.ndarray:
    if wide:
        return uint64_to_double(words[:, 0::2], words[:, 1::2])
    return uint32_to_float(words)


def _normals(words: np.ndarray, wide: bool) -> np.ndarray:
    return _normal_float64(words) if wide else _normal_float32(words)


def _batch_samples(key: int, counter: int, count: int, a: float, b: float,
                   wide: bool) -> tuple[np.ndarray, int]:
    """``count`` standardized samples of one batch in TF's acceptance order, and the number
    of Philox blocks the batch used (the next batch starts after them)."""
    real = np.float64 if wide else np.float32
    per_block = 2 if wide else 4
    flip = a < 0 and b <= 0
    if flip:
        a, b = -b, -a
    a, b = real(a), real(b)
    use_normals = (a < -_NORMAL_SAMPLER_BOUND and b >= 0) or \
        (b > _NORMAL_SAMPLER_BOUND and a <= 0)
    root = math.sqrt(float(a) * float(a) + 4.0)
    cutoff = 2.0 * math.exp(0.5 + float(a) * (float(a) - root) / 4.0) / (float(a) + root)
    use_uniform = not use_normals and float(b - a) < cutoff
    accepted: list[np.ndarray] = []
    positions: list[np.ndarray] = []  # the candidate index of each accepted sample
    found = 0
    block = 0
    with np.errstate(all="ignore"):
        while found < count:
            words = philox_blocks(key, counter + block, _CHUNK_BLOCKS)
            if use_normals:
                z = _normals(words, wide).reshape(-1).astype(real)
                keep = (z >= a) & (z <= b)
                first = block * per_block
            elif use_uniform:
                values = _uniforms(words, wide).astype(real)  # [blocks, per_block]
                z = (values[0::2] * (b - a) + a).reshape(-1)
                plus = real(0) if a < 0 else a * a
                keep = values[1::2].reshape(-1) <= np.exp((plus - z * z) / real(2))
                first = block // 2 * per_block
            else:
                alpha = (a + np.sqrt(a * a + real(4))) / real(2)
                pairs = _uniforms(words, wide).astype(real).reshape(-1, 2)
                z = -c_math.log(pairs[:, 0]) / alpha + a
                x = alpha - z if a < alpha else a - alpha
                keep = (pairs[:, 1] <= np.exp(-x * x / real(2))) & (z < b)
                first = block * per_block // 2
            accepted.append(z[keep])
            positions.append(first + np.flatnonzero(keep))
            found += int(keep.sum())
            block += _CHUNK_BLOCKS
    samples = np.concatenate(accepted)[:count]
    last = int(np.concatenate(positions)[count - 1]) if count else -1
    if use_normals:
        used = last // per_block + 1
    elif use_uniform:
        used = 2 * (last // per_block) + 2
    else:
        used = last // (per_block // 2) + 1
    return (-samples if flip else samples), (used if count else 0)


def _kernel(shape, seed, means, stddevs, minvals, maxvals, dtype):
    dims = _dims(shape)
    params = np.broadcast_arrays(*(np.asarray(p) for p in (means, stddevs, minvals, maxvals)))
    trailing = dims[len(dims) - params[0].ndim:] if params[0].ndim else ()
    if params[0].ndim > len(dims) or \
            np.broadcast_shapes(trailing, params[0].shape) != trailing:
        raise errors.InvalidArgumentError(None, None,
                                          "Shape passed in must end with broadcasted shape.")
    mean, std, low, high = (np.broadcast_to(p, trailing).reshape(-1).astype(np.float64)
                            for p in params)
    batches = mean.size
    per_batch = int(np.prod(dims, dtype=np.int64)) // max(batches, 1)
    wide = dtype == dtypes.float64
    key, counter = key_counter_from_seed(*_seed_pair(seed))
    out = np.empty((per_batch, batches), dtype=np.float64 if wide else np.float32)
    block = 0  # batches read the stream one after another
    for j in range(batches):
        if not (std[j] > 0 and low[j] < high[j]) or \
                (np.isinf(low[j]) and np.isinf(high[j])):
            raise errors.InvalidArgumentError(None, None, "Invalid parameters")
        a = (low[j] - mean[j]) / std[j]
        b = (high[j] - mean[j]) / std[j]
        z, used = _batch_samples(key, counter + block, per_batch, a, b, wide)
        block += used
        out[:, j] = z * out.dtype.type(std[j]) + out.dtype.type(mean[j])
    return out.astype(dtype.as_numpy_dtype).reshape(dims)


register_op("StatelessParameterizedTruncatedNormal",
            inputs=("shape: S", "seed: Tseed", "means: dtype", "stddevs: dtype",
                    "minvals: dtype", "maxvals: dtype"),
            kernel=_kernel, kernel_attrs=("dtype",),
            shape_fn=lambda op: [(op._attrs["dtype"],
                                  tensor_util.constant_value_as_shape(op.inputs[0]))],
            allowed={"S": INDEX_TYPES, "Tseed": INDEX_TYPES, "dtype": _TYPES},
            grad=NOT_DIFFERENTIABLE)


def stateless_parameterized_truncated_normal(shape, seed, means=0.0, stddevs=1.0,
                                             minvals=-2.0, maxvals=2.0, name=None) -> Tensor:
    """Normal samples restricted to ``[minvals, maxvals]``, the parameters broadcast to the
    trailing dimensions of ``shape``; determined by ``seed`` alone."""
    with ops.name_scope(name, "stateless_parameterized_truncated_normal",
                        [shape, means, stddevs, minvals, maxvals]):
        shape = _shape_tensor(shape)
        means = convert_to_tensor(means, name="means")
        dtype = means.dtype.base_dtype
        stddevs = convert_to_tensor(stddevs, dtype=dtype, name="stddevs")
        minvals = convert_to_tensor(minvals, dtype=dtype, name="minvals")
        maxvals = convert_to_tensor(maxvals, dtype=dtype, name="maxvals")
        return apply_op("StatelessParameterizedTruncatedNormal",
                        [shape, seed, means, stddevs, minvals, maxvals])
