"""Random ops: uniform, normal, truncated normal, shuffle and categorical sampling.

Every op carries TF's ``seed``/``seed2`` attrs (from ``random_seed.get_seed``) and draws from
its own Philox stream in the running session, so the numbers match TF's CPU kernels: the same
seeds give the same values, each run of an op in a session draws new ones, and a new session
starts over. Ops built without any seed (``seed = seed2 = 0``) are seeded from the OS.
"""

from __future__ import annotations

import os

import numpy as np

from tfcompat.framework import dtypes, errors, ops, random_seed, tensor_util
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, no_gradient, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, dimension_value
from tfcompat.ops import math_ops
from tfcompat.ops import random_distributions as dist
from tfcompat.ops.op_helpers import FLOATS, INDEX_TYPES, REAL_NUMBERS
from tfcompat.ops.philox import PhiloxStream

_SHAPE = TensorShape._from_tuple
# TF's intra-op thread pool has one thread per usable CPU; Multinomial's output depends on it.
_THREADS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _stream(op, state) -> PhiloxStream:
    """The op's Philox stream in this session, created on its first run."""
    streams = state.random_streams
    stream = streams.get(id(op))
    if stream is None:  # threads racing here agree on one stream (setdefault is atomic)
        stream = streams.setdefault(id(op), PhiloxStream(op._attrs["seed"], op._attrs["seed2"]))
    return stream


def _dims(shape) -> tuple[int, ...]:
    shape = np.asarray(shape)
    if shape.ndim != 1:
        raise errors.InvalidArgumentError(
            None, None, "shape must be a vector of {int32,int64}, got shape "
                        f"[{','.join(str(d) for d in shape.shape)}]")
    dims = tuple(int(d) for d in shape)
    for d in dims:
        if d < 0:
            raise errors.InvalidArgumentError(None, None, f"Dimension {d} must be >= 0")
    return dims


def _output_shape_from(shape_tensor: Tensor) -> TensorShape:
    """The static shape named by a 1-D shape tensor; -1 entries are unknown dimensions."""
    rank = shape_tensor.shape.ndims
    if rank is not None and rank != 1:
        raise ShapeError(f"Shape must be rank 1 but is rank {rank}")
    value = tensor_util.constant_value(shape_tensor)
    if value is not None:
        for d in np.asarray(value).reshape(-1):
            if d < -1:
                raise ValueError(f"Invalid value in tensor used for shape: {d}")
    return tensor_util.constant_value_as_shape(shape_tensor)


def _sample_shape(op):
    return [(op._attrs["dtype"], _output_shape_from(op.inputs[0]))]


def _bind_sampler(sample):
    """Binds ``sample(key, counter, count, dtype)`` as a kernel taking the shape tensor."""
    def bind(op, state):
        stream = _stream(op, state)
        dtype = op._attrs["dtype"]

        def kernel(shape):
            dims = _dims(shape)
            count = int(np.prod(dims, dtype=np.int64))
            counter = stream.reserve(dist.samples_blocks(count))
            return sample(stream.key, counter, count, dtype).reshape(dims)
        return kernel
    return bind


_SEED_ATTRS = {"seed": 0, "seed2": 0}
for _type, _sample in (("RandomUniform", dist.uniform),
                       ("RandomStandardNormal", dist.normal),
                       ("TruncatedNormal", dist.truncated_normal)):
    register_op(_type, inputs=("shape: T",), shape_fn=_sample_shape, bind=_bind_sampler(_sample),
                stateful=True, allowed={"T": INDEX_TYPES, "dtype": FLOATS},
                attr_defaults=_SEED_ATTRS)
    no_gradient(_type)


def _uniform_int_shape(op):
    _, minval, maxval = op.inputs
    for name, t in (("minval", minval), ("maxval", maxval)):
        if t.shape.ndims is not None and t.shape.ndims != 0:
            dims = ",".join("?" if d is None else str(d) for d in t.shape.as_tuple())
            raise ShapeError(f"{name} must be a scalar; got a tensor of shape [{dims}]")
    return [(op._attrs["Tout"], _output_shape_from(op.inputs[0]))]


def _bind_uniform_int(op, state):
    stream = _stream(op, state)
    dtype = op._attrs["Tout"]

    def kernel(shape, minval, maxval):
        dims = _dims(shape)
        lo, hi = int(minval), int(maxval)
        if lo >= hi:
            raise errors.InvalidArgumentError(None, None,
                                              f"Need minval < maxval, got {lo} >= {hi}")
        count = int(np.prod(dims, dtype=np.int64))
        counter = stream.reserve(dist.samples_blocks(count))
        return dist.uniform_int(stream.key, counter, count, lo, hi, dtype).reshape(dims)
    return kernel


# TF registers no gradient at all for RandomUniformInt (its outputs are integers anyway).
register_op("RandomUniformInt", inputs=("shape: T", "minval: Tout", "maxval: Tout"),
            shape_fn=_uniform_int_shape, bind=_bind_uniform_int, stateful=True,
            allowed={"T": INDEX_TYPES, "Tout": INDEX_TYPES}, attr_defaults=_SEED_ATTRS)


def _bind_shuffle(op, state):
    stream = _stream(op, state)

    def kernel(value):
        value = np.asarray(value)
        if value.ndim == 0 or value.shape[0] <= 1:
            return value.copy()
        count = value.shape[0]
        counter = stream.reserve(dist.shuffle_blocks(count))
        return value[dist.permutation(stream.key, counter, count)]
    return kernel


register_op("RandomShuffle", inputs=("value: T",), shape_fn=unchanged_shape, bind=_bind_shuffle,
            stateful=True, attr_defaults=_SEED_ATTRS,
            grad=NOT_DIFFERENTIABLE)


def _multinomial_shape(op):
    logits, num_samples = op.inputs
    if logits.shape.ndims is not None and logits.shape.ndims != 2:
        raise ShapeError(f"Shape must be rank 2 but is rank {logits.shape.ndims}")
    if num_samples.shape.ndims is not None and num_samples.shape.ndims != 0:
        raise ShapeError(f"Shape must be rank 0 but is rank {num_samples.shape.ndims}")
    value = tensor_util.constant_value(num_samples)
    samples = None
    if value is not None:
        samples = int(value)
        if samples < 0:
            raise ShapeError("Dimension size, given by scalar input 1, must be non-negative but "
                             f"is {samples}")
    rows = logits.shape.as_tuple()[0] if logits.shape.ndims == 2 else None
    return [(op._attrs["output_dtype"], _SHAPE((rows, samples)))]


def _bind_multinomial(op, state):
    stream = _stream(op, state)
    out_type = op._attrs["output_dtype"].as_numpy_dtype

    def kernel(logits, num_samples):
        logits = np.asarray(logits)
        num_samples = int(num_samples)
        if logits.ndim != 2:
            raise errors.InvalidArgumentError(
                None, None, "logits should be a matrix, got shape "
                            f"[{','.join(str(d) for d in logits.shape)}]")
        if num_samples < 0:
            raise errors.InvalidArgumentError(
                None, None, f"num_samples should be non-negative, got {num_samples}")
        rows, classes = logits.shape
        if classes == 0:
            raise errors.InvalidArgumentError(
                None, None, f"num_classes should be positive, got {classes}")
        counter = stream.reserve(dist.categorical_blocks(rows, num_samples))
        return dist.categorical(stream.key, counter, logits, num_samples,
                                _THREADS).astype(out_type)
    return kernel


register_op("Multinomial", inputs=("logits: T", "num_samples: int32"),
            shape_fn=_multinomial_shape, bind=_bind_multinomial, stateful=True,
            allowed={"T": REAL_NUMBERS, "output_dtype": INDEX_TYPES},
            attr_defaults={**_SEED_ATTRS, "output_dtype": dtypes.int64},
            grad=NOT_DIFFERENTIABLE)


# ---- public API ------------------------------------------------------------------------------

_UNIFORM_DTYPES = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64, dtypes.int32,
                   dtypes.int64)


def _shape_tensor(shape) -> Tensor:
    """Converts a shape argument as TF does: lists may mix ints, Dimensions and Tensors."""
    dtype = None
    if isinstance(shape, (tuple, list)):
        if not shape:
            dtype = dtypes.int32
        else:
            shape = tuple(dimension_value(d) for d in shape)
    return convert_to_tensor(shape, dtype=dtype, name="shape")


def _seed_attrs(seed) -> dict:
    seed1, seed2 = random_seed.get_seed(seed)
    return {"seed": int(seed1 or 0), "seed2": int(seed2 or 0)}


def _check_dtype(dtype, allowed) -> dtypes.DType:
    dtype = dtypes.as_dtype(dtype)
    if dtype not in allowed:
        raise ValueError(f"Argument `dtype` got invalid value {dtype}. Accepted dtypes are "
                         f"({', '.join(f'tf.{d.name}' for d in allowed)}).")
    return dtype


def random_uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None,
                   name=None) -> Tensor:
    """Outputs random values from a uniform distribution in ``[minval, maxval)``.

    For floats the default range is [0, 1); integer dtypes need ``maxval`` and are uniform
    over the integers in the range. ``seed`` works with the graph seed as described in
    ``tf.set_random_seed``.
    """
    dtype = _check_dtype(dtype, _UNIFORM_DTYPES)
    if maxval is None:
        if dtype.is_integer:
            raise ValueError(f"Must specify maxval for integer dtype {dtype!r}")
        maxval = 1
    with ops.name_scope(name, "random_uniform", [shape, minval, maxval]) as scope:
        shape = _shape_tensor(shape)
        # TF skips the rescaling only for the Python ints 0 and 1.
        minval_is_zero = isinstance(minval, int) and minval == 0
        maxval_is_one = isinstance(maxval, int) and maxval == 1
        if not minval_is_zero or not maxval_is_one or dtype.is_integer:
            minval = convert_to_tensor(minval, dtype=dtype, name="min")
            maxval = convert_to_tensor(maxval, dtype=dtype, name="max")
        attrs = _seed_attrs(seed)
        if dtype.is_integer:
            return apply_op("RandomUniformInt", [shape, minval, maxval], name=scope, attrs=attrs)
        result = apply_op("RandomUniform", [shape], attrs={**attrs, "dtype": dtype})
        if minval_is_zero:
            if not maxval_is_one:
                result = math_ops.multiply(result, maxval)
            return result
        return math_ops.add(result * (maxval - minval), minval, name=scope)


def _scaled_normal(op_type: str, default_name: str, shape, mean, stddev, dtype, seed,
                   name) -> Tensor:
    dtype = dtypes.as_dtype(dtype)
    with ops.name_scope(name, default_name, [shape, mean, stddev]) as scope:
        shape = _shape_tensor(shape)
        mean = convert_to_tensor(mean, dtype=dtype, name="mean")
        stddev = convert_to_tensor(stddev, dtype=dtype, name="stddev")
        attrs = _seed_attrs(seed)
        sample = apply_op(op_type, [shape], attrs={**attrs, "dtype": dtype})
        return math_ops.add(sample * stddev, mean, name=scope)


def random_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None,
                  name=None) -> Tensor:
    """Outputs random values from a normal distribution (``mean + stddev * N(0, 1)``)."""
    return _scaled_normal("RandomStandardNormal", "random_normal", shape, mean, stddev, dtype,
                          seed, name)


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None,
                     name=None) -> Tensor:
    """Outputs random values from a normal distribution truncated to within 2 stddevs."""
    return _scaled_normal("TruncatedNormal", "truncated_normal", shape, mean, stddev, dtype,
                          seed, name)


def random_shuffle(value, seed=None, name=None) -> Tensor:
    """Randomly shuffles a tensor along its first dimension."""
    return apply_op("RandomShuffle", [value], name=name, attrs=_seed_attrs(seed))


def multinomial(logits, num_samples, seed=None, name=None, output_dtype=None) -> Tensor:
    """Draws ``num_samples`` class indices per row of ``[batch, classes]`` logits."""
    with ops.name_scope(name, "multinomial", [logits]):
        return _multinomial(logits, num_samples, seed, output_dtype)


def categorical(logits, num_samples, dtype=None, seed=None, name=None) -> Tensor:
    """Draws ``num_samples`` class indices per row of ``[batch, classes]`` logits."""
    with ops.name_scope(name, "categorical", [logits]):
        return _multinomial(logits, num_samples, seed, dtype)


def _multinomial(logits, num_samples, seed, output_dtype) -> Tensor:
    logits = convert_to_tensor(logits, name="logits")
    attrs = _seed_attrs(seed)
    attrs["output_dtype"] = dtypes.as_dtype(output_dtype or dtypes.int64)
    return apply_op("Multinomial", [logits, num_samples], attrs=attrs)
