"""Stateless Gamma and Poisson samples (``tf.random.stateless_gamma`` / ``stateless_poisson``:
StatelessRandomGammaV3 and StatelessRandomPoisson), bit-identical to TF: the samplers of
RandomGamma / RandomPoissonV2 run on the Philox key and counter derived from the seed.

``shape`` is the whole output shape; alpha (or lam) broadcasts to its trailing dimensions and
the leading ones count samples.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.array.select_broadcast import broadcast_to
from tfcompat.ops.array_extra_ops import broadcast_dynamic_shape
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.random_gamma_ops import gamma_samples
from tfcompat.ops.random_poisson_ops import poisson_samples
from tfcompat.ops.stateless_random_ops import (
    _dims,
    _key_and_counter,
    _prepare,
    _seed_pair,
    _shape_tensor,
    key_counter_from_seed,
)

_GAMMA_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64)
_POISSON_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64)


def _per_sample(dims: tuple[int, ...], params: np.ndarray) -> tuple[np.ndarray, int]:
    """Parameters broadcast to the trailing dims of ``dims`` and the number of samples each."""
    trailing = dims[len(dims) - params.ndim:] if params.ndim else ()
    if params.ndim > len(dims) or np.broadcast_shapes(trailing, params.shape) != trailing:
        raise errors.InvalidArgumentError(
            None, None, f"Shape passed in must end with broadcasted shape. Got {list(dims)} "
                        f"and {list(params.shape)}")
    count = int(np.prod(dims[:len(dims) - params.ndim], dtype=np.int64))
    return np.broadcast_to(params, trailing), count


def _sample_shape(op):
    return [(op._attrs["dtype"], tensor_util.constant_value_as_shape(op.inputs[0]))]


# ---- StatelessRandomGammaV3 ------------------------------------------------------------------

def _gamma_kernel(shape, key, counter, alg, alpha, dtype):
    dims = _dims(shape)
    alpha, count = _per_sample(dims, np.asarray(alpha))
    k, c = _key_and_counter(key, counter)
    values = gamma_samples(k, c, alpha.astype(np.float64), count)
    return values.astype(dtype.as_numpy_dtype).reshape(dims)


def _gamma_grad(op, grad):
    """Implicit reparameterization, summed over the leading (sample) dimensions."""
    shape_t, alpha, sample = op.inputs[0], op.inputs[4], op.outputs[0]
    sample_rank = array_ops.size(shape_t) - array_ops.rank(alpha)
    ones = array_ops.ones(array_ops.reshape(sample_rank, [1]), dtype=dtypes.int32)
    broadcastable = array_ops.reshape(alpha, array_ops.concat(
        [ones, array_ops.shape(alpha)], 0))
    partial_a = apply_op("RandomGammaGrad", [broadcastable, sample])
    return (None, None, None, None,
            math_ops.reduce_sum(grad * partial_a, axis=math_ops.range(sample_rank)))


register_op("StatelessRandomGammaV3",
            inputs=("shape: shape_dtype", "key: uint64", "counter: uint64", "alg: int32",
                    "alpha: dtype"),
            kernel=_gamma_kernel, kernel_attrs=("dtype",), shape_fn=_sample_shape,
            allowed={"shape_dtype": INDEX_TYPES, "dtype": _GAMMA_TYPES}, grad=_gamma_grad)


def stateless_random_gamma(shape, seed, alpha, beta=None, dtype=dtypes.float32,
                           name=None) -> Tensor:
    """Gamma(alpha, beta) samples of shape ``shape`` (alpha and beta broadcast to its trailing
    dims), determined by ``seed`` alone; clamped below at the dtype's smallest normal."""
    dtype = dtypes.as_dtype(dtype)
    with ops.name_scope(name, "stateless_random_gamma", [shape, seed, alpha, beta]):
        shape = _shape_tensor(shape)
        alpha = convert_to_tensor(alpha, dtype=dtype, name="alpha")
        beta = convert_to_tensor(beta if beta is not None else 1, name="beta", dtype=dtype)
        broadcast = broadcast_dynamic_shape(array_ops.shape(alpha), array_ops.shape(beta))
        alpha_broadcast = broadcast_to(alpha, broadcast)
        key, counter, alg = _prepare(seed, "auto_select")
        sample = apply_op("StatelessRandomGammaV3", [shape, key, counter, alg, alpha_broadcast])
        tiny = np.finfo(dtype.as_numpy_dtype).tiny
        return math_ops.maximum(tiny, sample / beta)


# ---- StatelessRandomPoisson ------------------------------------------------------------------

def _poisson_kernel(shape, seed, lam, dtype):
    dims = _dims(shape)
    lam, count = _per_sample(dims, np.asarray(lam))
    key, counter = key_counter_from_seed(*_seed_pair(seed))
    values = poisson_samples(key, counter, lam, count)
    if dtype.is_integer:
        values = np.where(np.isfinite(values), values, 0)
    return values.astype(dtype.as_numpy_dtype).reshape(dims)


register_op("StatelessRandomPoisson", inputs=("shape: T", "seed: Tseed", "lam: Rtype"),
            kernel=_poisson_kernel, kernel_attrs=("dtype",), shape_fn=_sample_shape,
            allowed={"T": INDEX_TYPES, "Tseed": INDEX_TYPES, "Rtype": _POISSON_TYPES,
                     "dtype": _POISSON_TYPES}, grad=NOT_DIFFERENTIABLE)


def stateless_random_poisson(shape, seed, lam, dtype=dtypes.int32, name=None) -> Tensor:
    """Poisson(lam) samples of shape ``shape`` (lam broadcast to its trailing dims),
    determined by ``seed`` alone."""
    with ops.name_scope(name, "stateless_random_poisson", [shape, seed, lam]):
        shape = _shape_tensor(shape)
        return apply_op("StatelessRandomPoisson", [shape, seed, lam],
                        attrs={"dtype": dtypes.as_dtype(dtype)})
