"""Seed arithmetic and the rest of the stateless random family: full-range integers
(StatelessRandomUniformFullIntV2), ``tf.random.split`` / ``fold_in``, ``stateless_shuffle``,
``create_rng_state`` and the ``Algorithm`` enum. Bit-identical to TF's Philox kernels.
"""

from __future__ import annotations

import enum

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops import random_distributions as dist
from tfcompat.ops.array.concat_split import concat, stack
from tfcompat.ops.op_helpers import INDEX_TYPES
from tfcompat.ops.philox import philox_blocks
from tfcompat.ops.stateless_random_ops import (
    _ALGORITHMS,
    _dims,
    _key_and_counter,
    _output_shape_from,
    _prepare,
    _shape_tensor,
)


class Algorithm(enum.Enum):
    """The counter-based RNG algorithms of ``tf.random``."""

    PHILOX = 1
    THREEFRY = 2
    AUTO_SELECT = 3


# Words of state each algorithm keeps (Philox: a 128-bit counter and a 64-bit key).
_STATE_SIZES = {1: 3, 2: 2, 3: 3}
_FULL_INT_TYPES = (dtypes.int32, dtypes.int64, dtypes.uint32, dtypes.uint64)


def algorithm_id(alg) -> int:
    """The numeric id of ``alg`` given as a name, an ``Algorithm`` or an int."""
    if isinstance(alg, Algorithm):
        return alg.value
    if isinstance(alg, str):
        if alg.lower() not in _ALGORITHMS:
            raise ValueError(f"Argument `alg` got unsupported value {alg}. Supported values are "
                             "philox for the Philox algorithm, threefry for the ThreeFry "
                             "algorithm, and auto_select for auto-selection.")
        return _ALGORITHMS[alg.lower()]
    alg = int(alg)
    if alg not in _STATE_SIZES:
        raise ValueError(f"Argument `alg` got unsupported value {alg}.")
    return alg


def algorithm_name(alg) -> str:
    return {1: "philox", 2: "threefry", 3: "auto_select"}[algorithm_id(alg)]


# ---- StatelessRandomUniformFullIntV2 ---------------------------------------------------------

def full_int_samples(key: int, counter: int, count: int, dtype: dtypes.DType) -> np.ndarray:
    """``count`` integers over the whole range of ``dtype``: one Philox word each for 32-bit
    types, two (low word first) for 64-bit ones."""
    if dtype.size == 8:
        words = philox_blocks(key, counter, -(-count // 2)).reshape(-1)[:2 * count]
        return words.view(np.uint64).view(dtype.as_numpy_dtype)
    words = philox_blocks(key, counter, -(-count // 4)).reshape(-1)[:count]
    return words.view(dtype.as_numpy_dtype)


def _full_int_kernel(shape, key, counter, alg, dtype):
    dims = _dims(shape)
    count = int(np.prod(dims, dtype=np.int64))
    k, c = _key_and_counter(key, counter)
    return full_int_samples(k, c, count, dtype).reshape(dims)


register_op("StatelessRandomUniformFullIntV2",
            inputs=("shape: Tshape", "key: uint64", "counter: uint64", "alg: int32"),
            kernel=_full_int_kernel, kernel_attrs=("dtype",),
            shape_fn=lambda op: [(op._attrs["dtype"], _output_shape_from(op.inputs[0]))],
            allowed={"Tshape": INDEX_TYPES, "dtype": _FULL_INT_TYPES},
            attr_defaults={"dtype": dtypes.uint64}, grad=NOT_DIFFERENTIABLE)


def stateless_random_uniform_full_int(shape, seed, dtype=dtypes.uint64, name=None,
                                      alg="auto_select") -> Tensor:
    """Integers over the full range of ``dtype``, determined by ``seed`` alone (what
    ``stateless_uniform(..., minval=None, maxval=None)`` gives for integer dtypes)."""
    dtype = dtypes.as_dtype(dtype)
    with ops.name_scope(name, "stateless_random_uniform", [shape, seed]) as scope:
        shape = _shape_tensor(shape)
        key, counter, alg_t = _prepare(seed, alg)
        return apply_op("StatelessRandomUniformFullIntV2", [shape, key, counter, alg_t],
                        name=scope, attrs={"dtype": dtype})


# ---- split and fold_in -----------------------------------------------------------------------

def split(seed, num=2, alg="auto_select") -> Tensor:
    """``num`` new ``[2]`` seeds derived from ``seed``: a ``[num, 2]`` tensor of its dtype."""
    seed = convert_to_tensor(seed)
    return stateless_random_uniform_full_int([num, 2], seed, dtype=seed.dtype.base_dtype,
                                             alg=alg)


def fold_in(seed, data, alg="auto_select") -> Tensor:
    """A new seed from ``seed`` and the integer ``data``: ``[draw(seed), data]``."""
    data = convert_to_tensor(data)
    seed1 = stateless_random_uniform_full_int([], seed, dtype=data.dtype.base_dtype, alg=alg)
    return stack([seed1, data])


# ---- StatelessShuffle ------------------------------------------------------------------------

def _shuffle_kernel(value, key, counter, alg):
    value = np.asarray(value)
    if value.ndim == 0 or value.shape[0] <= 1:
        return value.copy()
    k, c = _key_and_counter(key, counter)
    return value[dist.permutation(k, c, value.shape[0])]


def _shuffle_shape(op):
    return [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)]


register_op("StatelessShuffle", inputs=("value: T", "key: uint64", "counter: uint64",
                                        "alg: int32"),
            kernel=_shuffle_kernel, shape_fn=_shuffle_shape, grad=NOT_DIFFERENTIABLE)


def stateless_shuffle(value, seed, alg="auto_select", name=None) -> Tensor:
    """Shuffles ``value`` along its first dimension, determined by ``seed`` alone."""
    with ops.name_scope(name, "stateless_shuffle", [value, seed]):
        key, counter, alg_t = _prepare(seed, alg)
        return apply_op("StatelessShuffle", [value, key, counter, alg_t])


# ---- create_rng_state ------------------------------------------------------------------------

def _int_to_words(seed: int, size: int) -> list[int]:
    """A Python int as ``size`` little-endian 64-bit words (two's complement), as int64s."""
    words = []
    for _ in range(size):
        word = seed & ((1 << 64) - 1)
        words.append(word - (1 << 64) if word >= 1 << 63 else word)
        seed >>= 64
    return words


def create_rng_state(seed, alg) -> Tensor:
    """The int64 RNG state ``tf.random.Generator`` keeps for ``seed`` under ``alg``.

    An int becomes the state's little-endian 64-bit words; a list or tensor is cast to int64,
    cut to the state size, and zero-filled at the front when shorter.
    """
    size = _STATE_SIZES[algorithm_id(alg)]
    if isinstance(seed, (int, np.integer)):
        seed = _int_to_words(int(seed), size)
    state = math_ops.cast(seed, dtypes.int64)
    state = array_ops.reshape(state, [-1])
    state = state[0:size]
    length = state.shape.as_tuple()[0]
    if length is None:
        length = array_ops.shape(state)[0]
    missing = math_ops.maximum(size - length, 0)
    return concat([array_ops.zeros([missing], dtype=dtypes.int64), state], 0)
