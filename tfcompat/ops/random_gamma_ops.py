"""Gamma-distributed samples (``tf.random.gamma`` / ``tf.random_gamma``: the RandomGamma op)
bit-identical to TF's CPU kernel, and their implicit-reparameterization gradient
(RandomGammaGrad).

Sample ``i`` of alpha ``j`` is output ``j * num_samples + i``; it starts its own Philox stream
256 blocks per output into the run's range and draws float64 uniforms and normals from it two
per block, each block's values used last-first (observed on TF 2.21). ``alpha == 1`` is an
exponential, ``-log1p(-u)``; otherwise Marsaglia and Tsang's method (ACM TOMS 26(3), 2000) with
``d = alpha - 1/3`` (``alpha + 2/3`` and a final factor ``u^(1/alpha)`` below 1). The kernel
computes in float64 and rounds once to the output dtype.
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import array_ops, c_math, math_ops
from tfcompat.ops import special_kernels as sk
from tfcompat.ops.array.select_broadcast import broadcast_to
from tfcompat.ops.array_extra_ops import broadcast_dynamic_shape
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.philox import philox_at, uint64_to_double
from tfcompat.ops.random_distributions import _normal_float64, samples_blocks
from tfcompat.ops.random_ops import _dims, _seed_attrs, _shape_tensor, _stream

_GAMMA_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64)
# The C library's log1p (numpy's differs from it in the last bit for some inputs).
_c_log1p = np.frompyfunc(math.log1p, 1, 1)


class PairStreams:
    """Per-output Philox streams yielding float64 uniforms or normals two per block, each
    block's pair consumed second value first."""

    def __init__(self, key: int, counter: int, offsets: np.ndarray, normal: bool):
        self._key, self._counter = key, counter
        self._next = offsets  # the next block of each output's stream (shared with the owner)
        self._normal = normal
        self._buffer = np.zeros((offsets.size, 2))
        self._left = np.zeros(offsets.size, dtype=np.int64)

    def draw(self, rows: np.ndarray) -> np.ndarray:
        """One value for each output in ``rows`` (indices), refilling empty buffers."""
        empty = rows[self._left[rows] == 0]
        if empty.size:
            words = philox_at(self._key, self._counter, self._next[empty])
            self._next[empty] += np.uint64(1)
            if self._normal:
                self._buffer[empty] = _normal_float64(words)
            else:
                self._buffer[empty] = uint64_to_double(words[:, 0::2], words[:, 1::2])
            self._left[empty] = 2
        self._left[rows] -= 1
        return self._buffer[rows, self._left[rows]]


def gamma_samples(key: int, counter: int, alphas: np.ndarray, num_samples: int) -> np.ndarray:
    """``[num_samples, num_alphas]`` float64 Gamma(alpha, 1) samples of one kernel run."""
    alphas = np.asarray(alphas, np.float64).reshape(-1)
    total = alphas.size * num_samples
    alpha = np.repeat(alphas, num_samples)  # output j * num_samples + i has alpha j
    out = np.full(total, np.nan)
    next_block = np.arange(total, dtype=np.uint64) * np.uint64(samples_blocks(1))
    normals = PairStreams(key, counter, next_block, normal=True)
    uniforms = PairStreams(key, counter, next_block, normal=False)
    out[np.isposinf(alpha)] = np.inf

    exponential = np.flatnonzero(alpha == 1.0)
    if exponential.size:
        out[exponential] = -_c_log1p(-uniforms.draw(exponential))

    rejection = np.flatnonzero((alpha >= 0) & (alpha != 1.0) & np.isfinite(alpha))
    boosted = alpha[rejection] < 1.0
    d = np.where(boosted, alpha[rejection] + 2.0 / 3.0, alpha[rejection] - 1.0 / 3.0)
    c = (1.0 / 3.0) / np.sqrt(d)
    pending = np.arange(rejection.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        while pending.size:
            rows = rejection[pending]
            x = normals.draw(rows)
            v = 1.0 + c[pending] * x
            positive = v > 0
            tried, x, v = pending[positive], x[positive], v[positive]
            v = v * v * v
            u = uniforms.draw(rejection[tried])
            dt = d[tried]
            accept = (u < 1.0 - 0.0331 * (x * x) * (x * x)) | \
                (c_math.log(u) < 0.5 * x * x + dt * (1.0 - v + c_math.log(v)))
            out[rejection[tried[accept]]] = dt[accept] * v[accept]
            done = np.zeros(pending.size, dtype=bool)
            done[np.flatnonzero(positive)[accept]] = True
            pending = pending[~done]
        small = rejection[boosted]
        if small.size:
            out[small] *= uniforms.draw(small) ** (1.0 / alpha[small])
    return out.reshape(alphas.size, num_samples).T


# ---- RandomGamma -----------------------------------------------------------------------------

def _gamma_shape(op):
    shape_t, alpha = op.inputs
    samples = tensor_util.constant_value_as_shape(shape_t)
    if alpha.shape.ndims is None or samples.ndims is None:
        return [(alpha.dtype.base_dtype, unknown_shape())]
    return [(alpha.dtype.base_dtype, samples.concatenate(alpha.shape))]


def _bind_gamma(op, state):
    stream = _stream(op, state)

    def kernel(shape, alpha):
        alpha = np.asarray(alpha)
        dims = _dims(shape)
        num_samples = int(np.prod(dims, dtype=np.int64))
        counter = stream.reserve(samples_blocks(num_samples * alpha.size))
        values = gamma_samples(stream.key, counter, alpha.astype(np.float64), num_samples)
        return values.astype(alpha.dtype).reshape(dims + alpha.shape)
    return kernel


def _gamma_grad(op, grad):
    """Implicit reparameterization: d sample / d alpha, summed over the sample dimensions."""
    shape_t, alpha = op.inputs
    sample = op.outputs[0]
    sample_rank = array_ops.size(shape_t)
    alpha_shape = array_ops.shape(alpha)
    ones = array_ops.ones(array_ops.reshape(sample_rank, [1]), dtype=dtypes.int32)
    broadcastable = array_ops.reshape(alpha, array_ops.concat([ones, alpha_shape], 0))
    partial_a = apply_op("RandomGammaGrad", [broadcastable, sample])
    return None, math_ops.reduce_sum(grad * partial_a, axis=math_ops.range(sample_rank))


register_op("RandomGamma", inputs=("shape: S", "alpha: T"), shape_fn=_gamma_shape,
            bind=_bind_gamma, stateful=True,
            allowed={"S": INDEX_TYPES, "T": _GAMMA_TYPES},
            attr_defaults={"seed": 0, "seed2": 0}, grad=_gamma_grad)


# ---- RandomGammaGrad -------------------------------------------------------------------------

def _gamma_grad_kernel(alpha, sample):
    """d sample / d alpha = -(dP(alpha, x)/d alpha) / pdf(x; alpha) at x = sample."""
    alpha = np.asarray(alpha)
    a, x = np.broadcast_arrays(alpha.astype(np.float64), np.asarray(sample, np.float64))
    with np.errstate(all="ignore"):
        log_pdf = (a - 1.0) * np.log(x) - x - np.vectorize(math.lgamma, otypes=[float])(a) \
            if a.size else a
        result = -sk.igamma_grad_a(a, x) / np.exp(log_pdf) if a.size else a
    return np.asarray(result).astype(alpha.dtype)


def _gamma_grad_shape(op):
    alpha, sample = op.inputs
    return [(alpha.dtype.base_dtype, broadcast_shape(alpha.shape, sample.shape))]


# TF registers no gradient for RandomGammaGrad (second derivatives raise LookupError).
register_op("RandomGammaGrad", inputs=("alpha: T", "sample: T"), kernel=_gamma_grad_kernel,
            shape_fn=_gamma_grad_shape, allowed={"T": (dtypes.float32, dtypes.float64)})


# ---- public API ------------------------------------------------------------------------------

def random_gamma(shape, alpha, beta=None, dtype=dtypes.float32, seed=None,
                 name=None) -> Tensor:
    """Samples of Gamma(alpha, beta) (rate ``beta``, default 1): a tensor of shape
    ``shape + broadcast(alpha, beta).shape``, clamped below at the dtype's smallest normal."""
    dtype = dtypes.as_dtype(dtype)
    with ops.name_scope(name, "random_gamma", [shape, alpha, beta]):
        shape = _shape_tensor(shape)
        alpha = convert_to_tensor(alpha, name="alpha", dtype=dtype)
        beta = convert_to_tensor(beta if beta is not None else 1, name="beta", dtype=dtype)
        broadcast = broadcast_dynamic_shape(array_ops.shape(alpha), array_ops.shape(beta))
        alpha_broadcast = broadcast_to(alpha, broadcast)
        sample = apply_op("RandomGamma", [shape, alpha_broadcast], attrs=_seed_attrs(seed))
        tiny = np.finfo(dtype.as_numpy_dtype).tiny
        return math_ops.maximum(tiny, sample / beta)

