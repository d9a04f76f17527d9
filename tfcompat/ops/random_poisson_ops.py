"""Poisson-distributed samples (``tf.random.poisson`` / ``tf.random_poisson``: the
RandomPoissonV2 op), bit-identical to TF's CPU kernel.

Output ``j * num_samples + i`` (sample ``i`` of rate ``j``) draws float64 uniforms from its
own Philox stream, 256 blocks per output into the run's range, two per block used last-first
(as RandomGamma). Rates below 10 count arrivals: the least ``k`` whose product of ``k + 1``
uniforms is at most ``exp(-rate)``; larger rates use Hörmann's transformed rejection with
squeeze (PTRS, "The transformed rejection method for generating Poisson random variables",
Insurance: Mathematics and Economics 12, 1993).
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import c_math
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.random_distributions import samples_blocks
from tfcompat.ops.random_gamma_ops import PairStreams
from tfcompat.ops.random_ops import _dims, _seed_attrs, _shape_tensor, _stream

_RATE_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64)
_EXACT_BELOW = 10.0
_lgamma = np.frompyfunc(math.lgamma, 1, 1)


def _count_arrivals(uniforms: PairStreams, rows: np.ndarray, rates: np.ndarray) -> np.ndarray:
    limit = np.exp(-rates)
    product = np.ones(rows.size)
    count = np.zeros(rows.size)
    out = np.zeros(rows.size)
    pending = np.arange(rows.size)
    while pending.size:
        product[pending] *= uniforms.draw(rows[pending])
        done = product[pending] <= limit[pending]
        out[pending[done]] = count[pending[done]]
        pending = pending[~done]
        count[pending] += 1
    return out


def _transformed_rejection(uniforms: PairStreams, rows: np.ndarray,
                           rates: np.ndarray) -> np.ndarray:
    log_rate = c_math.log(rates)
    b = 0.931 + 2.53 * np.sqrt(rates)
    a = -0.059 + 0.02483 * b
    inv_alpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2)
    out = np.zeros(rows.size)
    pending = np.arange(rows.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        while pending.size:
            u = uniforms.draw(rows[pending]) - 0.5
            v = uniforms.draw(rows[pending])
            us = 0.5 - np.abs(u)
            ap, bp, rp = a[pending], b[pending], rates[pending]
            k = np.floor((2 * ap / us + bp) * u + rp + 0.43)
            squeeze = (us >= 0.07) & (v <= vr[pending])
            retry = ~squeeze & ((k < 0) | ((us < 0.013) & (v > us)))
            test = ~squeeze & ~retry
            accept = squeeze.copy()
            if test.any():
                s = c_math.log(v[test] * inv_alpha[pending][test] /
                               (ap[test] / (us[test] * us[test]) + bp[test]))
                t = -rp[test] + k[test] * log_rate[pending][test] - \
                    _lgamma(k[test] + 1).astype(np.float64)
                accept[np.flatnonzero(test)[s <= t]] = True
            out[pending[accept]] = k[accept]
            pending = pending[~accept]
    return out


def poisson_samples(key: int, counter: int, rates: np.ndarray, num_samples: int) -> np.ndarray:
    """``[num_samples, num_rates]`` float64 Poisson samples of one kernel run."""
    rates = np.asarray(rates, np.float64).reshape(-1)
    total = rates.size * num_samples
    rate = np.repeat(rates, num_samples)
    out = np.full(total, np.nan)
    uniforms = PairStreams(key, counter,
                           np.arange(total, dtype=np.uint64) * np.uint64(samples_blocks(1)),
                           normal=False)
    exact = np.flatnonzero(rate < _EXACT_BELOW)
    out[exact] = _count_arrivals(uniforms, exact, rate[exact])
    large = np.flatnonzero((rate >= _EXACT_BELOW) & np.isfinite(rate))
    out[large] = _transformed_rejection(uniforms, large, rate[large])
    return out.reshape(rates.size, num_samples).T


def _poisson_shape(op):
    shape_t, rate = op.inputs
    samples = tensor_util.constant_value_as_shape(shape_t)
    if rate.shape.ndims is None or samples.ndims is None:
        return [(op._attrs["dtype"], unknown_shape())]
    return [(op._attrs["dtype"], samples.concatenate(rate.shape))]


def _bind_poisson(op, state):
    stream = _stream(op, state)
    out_dtype = op._attrs["dtype"].as_numpy_dtype

    def kernel(shape, rate):
        rate = np.asarray(rate)
        dims = _dims(shape)
        num_samples = int(np.prod(dims, dtype=np.int64))
        counter = stream.reserve(samples_blocks(num_samples * rate.size))
        values = poisson_samples(stream.key, counter, rate, num_samples)
        if np.issubdtype(out_dtype, np.integer):
            values = np.where(np.isfinite(values), values, 0)
        return values.astype(out_dtype).reshape(dims + rate.shape)
    return kernel


register_op("RandomPoissonV2", inputs=("shape: S", "rate: R"), shape_fn=_poisson_shape,
            bind=_bind_poisson, stateful=True,
            allowed={"S": INDEX_TYPES, "R": _RATE_TYPES, "dtype": _RATE_TYPES},
            attr_defaults={"seed": 0, "seed2": 0, "dtype": dtypes.int64},
            grad=NOT_DIFFERENTIABLE)


def random_poisson(lam, shape, dtype=dtypes.float32, seed=None, name=None) -> Tensor:
    """Samples from Poisson(``lam``): a tensor of shape ``shape + lam.shape``."""
    with ops.name_scope(name, "random_poisson", [lam, shape]):
        shape = _shape_tensor(shape)
        return apply_op("RandomPoissonV2", [shape, lam],
                        attrs={**_seed_attrs(seed), "dtype": dtypes.as_dtype(dtype)})
