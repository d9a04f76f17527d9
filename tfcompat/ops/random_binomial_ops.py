"""Stateless binomial samples (``tf.random.stateless_binomial``: StatelessRandomBinomial),
bit-identical to TF's CPU kernel.

``counts`` and ``probs`` broadcast together to the trailing dimensions of ``shape``; output
``b * samples_per_batch + i`` (sample ``i`` of parameter ``b``) draws float64 uniforms, two per
Philox block used last-first, from its own stream: ``256 * output`` blocks into the range when
``count * p >= 10`` (Hörmann's BTRS, "The generation of binomial random variates", J. Statist.
Comput. Simul. 46, 1993) and ``42 * output`` otherwise (counting geometric waiting times).
Probabilities above 1/2 sample ``count - Binomial(count, 1 - p)``.
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import c_math
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.random_gamma_ops import PairStreams
from tfcompat.ops.stateless_random_ops import (
    _dims,
    _seed_pair,
    _shape_tensor,
    key_counter_from_seed,
)

_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64)
_BTRS_BLOCKS = 256
_INVERSION_BLOCKS = 42
_HALF_LOG_TWO_PI = 0.5 * math.log(2 * math.pi)
_lgamma = np.vectorize(math.lgamma, otypes=[float])
# The C library's log1p (numpy's can differ from it in the last bit).
_c_log1p = np.frompyfunc(math.log1p, 1, 1)


def _stirling_tail(k: np.ndarray) -> np.ndarray:
    """log(k!) minus its Stirling approximation (k + 1/2) log(k + 1) - (k + 1) + log(2π)/2."""
    return _lgamma(k + 1.0) - ((k + 0.5) * c_math.log(k + 1.0) - (k + 1.0) + _HALF_LOG_TWO_PI)


def _inversion(uniforms: PairStreams, rows, count, p) -> np.ndarray:
    """The number of geometric(p) waiting times that fit in ``count`` trials."""
    total = np.zeros(rows.size)
    found = np.zeros(rows.size)
    out = np.zeros(rows.size)
    pending = np.arange(rows.size)
    log_q = _c_log1p(-p).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        while pending.size:
            u = uniforms.draw(rows[pending])
            total[pending] += np.ceil(c_math.log(u) / log_q[pending])
            done = total[pending] > count[pending]
            out[pending[done]] = found[pending[done]]
            pending = pending[~done]
            found[pending] += 1
    return out


def _btrs(uniforms: PairStreams, rows, count, p) -> np.ndarray:
    stddev = np.sqrt(count * p * (1 - p))
    b = 1.15 + 2.53 * stddev
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = count * p + 0.5
    v_r = 0.92 - 4.2 / b
    r = p / (1 - p)
    alpha = (2.83 + 5.1 / b) * stddev
    m = np.floor((count + 1) * p)
    out = np.zeros(rows.size)
    pending = np.arange(rows.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        while pending.size:
            u = uniforms.draw(rows[pending]) - 0.5
            v = uniforms.draw(rows[pending])
            us = 0.5 - np.abs(u)
            n, ap, bp, mp, rp = count[pending], a[pending], b[pending], m[pending], r[pending]
            k = np.floor((2 * ap / us + bp) * u + c[pending])
            accept = (us >= 0.07) & (v <= v_r[pending])
            test = ~accept & (k >= 0) & (k <= n)
            if test.any():
                t = np.flatnonzero(test)
                nt, kt, mt, rt = n[t], k[t], mp[t], rp[t]
                log_v = c_math.log(v[t] * alpha[pending][t] / (ap[t] / (us[t] * us[t]) + bp[t]))
                bound = ((mt + 0.5) * c_math.log((mt + 1) / (rt * (nt - mt + 1))) +
                         (nt + 1) * c_math.log((nt - mt + 1) / (nt - kt + 1)) +
                         (kt + 0.5) * c_math.log(rt * (nt - kt + 1) / (kt + 1)) +
                         _stirling_tail(mt) + _stirling_tail(nt - mt) -
                         _stirling_tail(kt) - _stirling_tail(nt - kt))
                accept[t[log_v <= bound]] = True
            out[pending[accept]] = k[accept]
            pending = pending[~accept]
    return out


def binomial_samples(key: int, counter: int, counts: np.ndarray, probs: np.ndarray,
                     samples_per_batch: int) -> np.ndarray:
    """``[samples_per_batch, num_batches]`` float64 samples (parameters flattened)."""
    counts = np.asarray(counts, np.float64).reshape(-1)
    probs = np.asarray(probs, np.float64).reshape(-1)
    total = counts.size * samples_per_batch
    count = np.repeat(counts, samples_per_batch)
    prob = np.repeat(probs, samples_per_batch)
    flip = prob > 0.5
    p = np.where(flip, 1.0 - prob, prob)
    out = np.full(total, np.nan)
    outputs = np.arange(total, dtype=np.uint64)
    valid = ~np.isnan(p) & ~np.isnan(count)
    large = valid & (count * p >= 10)
    small = valid & ~large
    for mask, blocks, sampler in ((large, _BTRS_BLOCKS, _btrs),
                                  (small, _INVERSION_BLOCKS, _inversion)):
        rows = np.flatnonzero(mask)
        if rows.size:
            streams = PairStreams(key, counter, outputs * np.uint64(blocks), normal=False)
            out[rows] = sampler(streams, rows, count[rows], p[rows])
    out = np.where(flip, count - out, out)
    return out.reshape(counts.size, samples_per_batch).T


def broadcast_parameters(dims: tuple[int, ...], counts, probs):
    """(counts, probs) broadcast to the trailing dims of ``dims`` and flattened, and the
    number of samples per parameter pair."""
    counts, probs = np.broadcast_arrays(np.asarray(counts), np.asarray(probs))
    trailing = dims[len(dims) - counts.ndim:] if counts.ndim else ()
    if counts.ndim > len(dims) or np.broadcast_shapes(trailing, counts.shape) != trailing:
        raise errors.InvalidArgumentError(
            None, None, f"Shape passed in must end with broadcasted shape. Got {list(dims)} "
                        f"and {list(counts.shape)}")
    per_batch = int(np.prod(dims[:len(dims) - len(trailing)], dtype=np.int64))
    return (np.broadcast_to(counts, trailing).reshape(-1),
            np.broadcast_to(probs, trailing).reshape(-1), per_batch)


def as_output(values: np.ndarray, dims: tuple[int, ...], dtype: dtypes.DType) -> np.ndarray:
    if dtype.is_integer:
        values = np.where(np.isfinite(values), values, 0)
    return values.astype(dtype.as_numpy_dtype).reshape(dims)


def _binomial_kernel(shape, seed, counts, probs, dtype):
    dims = _dims(shape)
    counts, probs, per_batch = broadcast_parameters(dims, counts, probs)
    key, counter = key_counter_from_seed(*_seed_pair(seed))
    return as_output(binomial_samples(key, counter, counts, probs, per_batch), dims, dtype)


register_op("StatelessRandomBinomial",
            inputs=("shape: S", "seed: Tseed", "counts: T", "probs: T"),
            kernel=_binomial_kernel, kernel_attrs=("dtype",),
            shape_fn=lambda op: [(op._attrs["dtype"],
                                  tensor_util.constant_value_as_shape(op.inputs[0]))],
            allowed={"S": INDEX_TYPES, "Tseed": INDEX_TYPES, "T": _TYPES, "dtype": _TYPES},
            attr_defaults={"dtype": dtypes.int64}, grad=NOT_DIFFERENTIABLE)


def stateless_random_binomial(shape, seed, counts, probs, output_dtype=dtypes.int32,
                              name=None) -> Tensor:
    """Binomial(counts, probs) samples of shape ``shape`` (the parameters broadcast to its
    trailing dims), determined by ``seed`` alone."""
    with ops.name_scope(name, "stateless_random_binomial", [shape, seed, counts, probs]):
        shape = _shape_tensor(shape)
        probs = convert_to_tensor(probs, name="probs")
        counts = convert_to_tensor(counts, name="counts", dtype=probs.dtype.base_dtype)
        return apply_op("StatelessRandomBinomial", [shape, seed, counts, probs],
                        attrs={"dtype": dtypes.as_dtype(output_dtype)})
