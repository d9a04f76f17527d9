"""Stateless random ops (``tf.random.stateless_*``): the same samples for the same seed on every
run, bit-identical to TF's Philox kernels.

A ``[2]`` seed becomes a Philox key and counter (StatelessRandomGetKeyCounter): one Philox
block, keyed with fixed constants at counter ``(seed0, seed1)``, yields the key (words 0-1)
and the counter's high half (words 2-3). The V2 samplers then lay samples over the stream
from that counter exactly as the stateful ops do from theirs.
"""

from __future__ import annotations

import os

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, dimension_value
from tfcompat.ops import constant_op, math_ops
from tfcompat.ops import random_distributions as dist
from tfcompat.ops.op_helpers import FLOATS, INDEX_TYPES
from tfcompat.ops.philox import philox_at

_SCRAMBLE_KEY = (0x02461E29 << 32) | 0x3EC8F720
_ALGORITHMS = {"philox": 1, "threefry": 2, "auto_select": 3}


def key_counter_from_seed(seed0: int, seed1: int) -> tuple[int, int]:
    """The Philox (key, 128-bit counter) TF derives from a stateless seed pair."""
    seed0 &= (1 << 64) - 1
    seed1 &= (1 << 64) - 1
    mix = philox_at(_SCRAMBLE_KEY, seed0 | (seed1 << 64), np.zeros(1, np.uint64))[0]
    key = int(mix[0]) | (int(mix[1]) << 32)
    counter = (int(mix[2]) << 64) | (int(mix[3]) << 96)
    return key, counter


def _seed_pair(seed) -> tuple[int, int]:
    seed = np.asarray(seed).reshape(-1)
    if seed.shape != (2,):
        raise errors.InvalidArgumentError(None, None, f"seed must have shape [2], not "
                                                      f"{list(seed.shape)}")
    return int(seed[0]), int(seed[1])


def _dims(shape) -> tuple[int, ...]:
    dims = tuple(int(d) for d in np.asarray(shape).reshape(-1))
    if any(d < 0 for d in dims):
        raise errors.InvalidArgumentError(None, None, f"Shape {list(dims)} has negative "
                                                      "dimensions")
    return dims


def _output_shape_from(shape_tensor: Tensor) -> TensorShape:
    return tensor_util.constant_value_as_shape(shape_tensor)


def _shape_tensor(shape) -> Tensor:
    if isinstance(shape, (tuple, list)):
        if not shape:
            return convert_to_tensor(shape, dtype=dtypes.int32, name="shape")
        shape = tuple(dimension_value(d) for d in shape)
    return convert_to_tensor(shape, name="shape")


# ---- StatelessRandomGetKeyCounter ------------------------------------------------------------

def _key_counter_kernel(seed):
    key, counter = key_counter_from_seed(*_seed_pair(seed))
    return (np.asarray([key], np.uint64),
            np.asarray([counter & ((1 << 64) - 1), counter >> 64], np.uint64))


def _key_counter_shape(op):
    seed = op.inputs[0]
    if seed.shape.ndims not in (None, 1):
        raise ShapeError(f"Shape must be rank 1 but is rank {seed.shape.ndims}")
    if seed.shape.ndims == 1 and seed.shape.as_tuple()[0] not in (None, 2):
        raise ShapeError(f"Dimension must be 2 but is {seed.shape.as_tuple()[0]}")
    return [(dtypes.uint64, TensorShape._from_tuple((1,))),
            (dtypes.uint64, TensorShape._from_tuple((2,)))]


register_op("StatelessRandomGetKeyCounter", inputs=("seed: Tseed",), kernel=_key_counter_kernel,
            shape_fn=_key_counter_shape, allowed={"Tseed": INDEX_TYPES},
            grad=NOT_DIFFERENTIABLE)


def _key_and_counter(key, counter) -> tuple[int, int]:
    key = int(np.asarray(key).reshape(-1)[0])
    words = np.asarray(counter).reshape(-1)
    return key, int(words[0]) | (int(words[1]) << 64)


# ---- V2 samplers -----------------------------------------------------------------------------

def _sample_shape(op):
    return [(op._attrs["dtype"], _output_shape_from(op.inputs[0]))]


def _sampler_kernel(sample):
    def kernel(shape, key, counter, alg, dtype):
        dims = _dims(shape)
        count = int(np.prod(dims, dtype=np.int64))
        k, c = _key_and_counter(key, counter)
        return sample(k, c, count, dtype).reshape(dims)
    return kernel


_STATELESS_INPUTS = ("shape: Tshape", "key: uint64", "counter: uint64", "alg: int32")
for _type, _sample in (("StatelessRandomUniformV2", dist.uniform),
                       ("StatelessRandomNormalV2", dist.normal),
                       ("StatelessTruncatedNormalV2", dist.truncated_normal)):
    register_op(_type, inputs=_STATELESS_INPUTS, kernel=_sampler_kernel(_sample),
                kernel_attrs=("dtype",), shape_fn=_sample_shape,
                allowed={"Tshape": INDEX_TYPES, "dtype": FLOATS},
                attr_defaults={"dtype": dtypes.float32}, grad=NOT_DIFFERENTIABLE)


def _uniform_int_kernel(shape, key, counter, alg, minval, maxval):
    dims = _dims(shape)
    lo, hi = int(minval), int(maxval)
    if lo >= hi:
        raise errors.InvalidArgumentError(None, None, f"Need minval < maxval, got {lo} >= {hi}")
    count = int(np.prod(dims, dtype=np.int64))
    k, c = _key_and_counter(key, counter)
    dtype = dtypes.as_dtype(np.asarray(minval).dtype)
    return dist.uniform_int(k, c, count, lo, hi, dtype).reshape(dims)


register_op("StatelessRandomUniformIntV2",
            inputs=_STATELESS_INPUTS + ("minval: dtype", "maxval: dtype"),
            kernel=_uniform_int_kernel,
            shape_fn=lambda op: [(op.inputs[4].dtype.base_dtype,
                                  _output_shape_from(op.inputs[0]))],
            allowed={"Tshape": INDEX_TYPES, "dtype": INDEX_TYPES}, grad=NOT_DIFFERENTIABLE)


# ---- public API ------------------------------------------------------------------------------

def _prepare(seed, alg):
    if alg not in _ALGORITHMS:
        raise ValueError(f"Unsupported algorithm id: {alg}")
    seed = convert_to_tensor(seed, name="seed")
    key, counter = apply_op("StatelessRandomGetKeyCounter", [seed])
    alg_t = constant_op.constant(_ALGORITHMS[alg], dtype=dtypes.int32, name="alg")
    return key, counter, alg_t


def stateless_random_uniform(shape, seed, minval=0, maxval=None, dtype=dtypes.float32,
                             name=None, alg="auto_select") -> Tensor:
    """Uniform samples determined by ``seed`` (a [2] int tensor) alone."""
    dtype = dtypes.as_dtype(dtype)
    if dtype.is_integer and (minval is None) != (maxval is None):
        raise ValueError(f"For integer `dtype` argument <dtype: '{dtype.name}'>, argument "
                         "`minval` and `maxval` must be both None or not None. Got `minval`="
                         f"{minval} and `maxval`={maxval}.")
    if dtype.is_unsigned and minval is not None:
        raise ValueError(f"Argument `dtype` got invalid value <dtype: '{dtype.name}'> when "
                         "argument `minval` is not None. Please don't use unsigned integers "
                         "in this case.")
    if dtype.is_integer and minval is None:
        # Full-range integers (tf.random.split draws its seeds this way).
        from tfcompat.ops.stateless_random_extra_ops import stateless_random_uniform_full_int
        return stateless_random_uniform_full_int(shape, seed, dtype, name, alg)
    if maxval is None:
        maxval = 1
    with ops.name_scope(name, "stateless_random_uniform", [shape, seed, minval, maxval]) as sc:
        shape = _shape_tensor(shape)
        minval = convert_to_tensor(minval, dtype=dtype, name="min")
        maxval = convert_to_tensor(maxval, dtype=dtype, name="max")
        key, counter, alg_t = _prepare(seed, alg)
        if dtype.is_integer:
            return apply_op("StatelessRandomUniformIntV2",
                            [shape, key, counter, alg_t, minval, maxval], name=sc)
        rnd = apply_op("StatelessRandomUniformV2", [shape, key, counter, alg_t],
                       attrs={"dtype": dtype})
        return math_ops.add(rnd * (maxval - minval), minval, name=sc)


def _scaled(op_type, default_name, shape, seed, mean, stddev, dtype, name, alg) -> Tensor:
    dtype = dtypes.as_dtype(dtype)
    with ops.name_scope(name, default_name, [shape, seed, mean, stddev]) as scope:
        shape = _shape_tensor(shape)
        mean = convert_to_tensor(mean, dtype=dtype, name="mean")
        stddev = convert_to_tensor(stddev, dtype=dtype, name="stddev")
        key, counter, alg_t = _prepare(seed, alg)
        rnd = apply_op(op_type, [shape, key, counter, alg_t], attrs={"dtype": dtype})
        return math_ops.add(rnd * stddev, mean, name=scope)


def stateless_random_normal(shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32,
                            name=None, alg="auto_select") -> Tensor:
    """Normal samples determined by ``seed`` alone."""
    return _scaled("StatelessRandomNormalV2", "stateless_random_normal", shape, seed, mean,
                   stddev, dtype, name, alg)


def stateless_truncated_normal(shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32,
                               name=None, alg="auto_select") -> Tensor:
    """Normal samples within two standard deviations, determined by ``seed`` alone."""
    return _scaled("StatelessTruncatedNormalV2", "stateless_truncated_normal", shape, seed,
                   mean, stddev, dtype, name, alg)


# ---- StatelessMultinomial --------------------------------------------------------------------

# TF's CPU thread count shapes how rows are split over the stream (see
# random_distributions.categorical): the CPUs this process may run on, as for Multinomial.
_THREADS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
    os.cpu_count() or 1


def _multinomial_kernel(logits, num_samples, seed, output_dtype):
    logits = np.asarray(logits)
    num_samples = int(num_samples)
    if logits.ndim != 2:
        raise errors.InvalidArgumentError(None, None, "logits should be a matrix, got shape "
                                          f"[{','.join(str(d) for d in logits.shape)}]")
    if num_samples < 0:
        raise errors.InvalidArgumentError(None, None, "num_samples should be non-negative, got "
                                                      f"{num_samples}")
    key, counter = key_counter_from_seed(*_seed_pair(seed))
    return dist.categorical(key, counter, logits, num_samples, _THREADS).astype(
        output_dtype.as_numpy_dtype)


def _multinomial_shape(op):
    logits, num_samples = op.inputs[0], op.inputs[1]
    samples = tensor_util.constant_value(num_samples)
    rows = logits.shape.as_tuple()[0] if logits.shape.ndims == 2 else None
    return [(op._attrs["output_dtype"], TensorShape._from_tuple(
        (rows, None if samples is None else int(samples))))]


register_op("StatelessMultinomial", inputs=("logits: T", "num_samples: int32", "seed: Tseed"),
            kernel=_multinomial_kernel, kernel_attrs=("output_dtype",),
            shape_fn=_multinomial_shape, allowed={"Tseed": INDEX_TYPES},
            attr_defaults={"output_dtype": dtypes.int64}, value_inputs=(1,),
            grad=NOT_DIFFERENTIABLE)


def stateless_multinomial(logits, num_samples, seed, output_dtype=dtypes.int64, name=None):
    """Class indices drawn from ``softmax(logits)`` rows, determined by ``seed`` alone."""
    with ops.name_scope(name, "stateless_multinomial", [logits, seed]):
        return _stateless_categorical(logits, num_samples, seed, output_dtype)


def stateless_categorical(logits, num_samples, seed, dtype=dtypes.int64, name=None):
    """Class indices drawn from ``softmax(logits)`` rows, determined by ``seed`` alone."""
    with ops.name_scope(name, "stateless_categorical", [logits, seed]):
        return _stateless_categorical(logits, num_samples, seed, dtype)


def _stateless_categorical(logits, num_samples, seed, dtype):
    logits = convert_to_tensor(logits, name="logits")
    return apply_op("StatelessMultinomial", [logits, num_samples, seed],
                    attrs={"output_dtype": dtypes.as_dtype(dtype)})
