"""``tf.random.Generator``: a counter-based RNG whose state lives in a variable.

Each sampling method reads the state and moves its counter past the samples it draws (one
RngReadAndSkip op), then runs the stateless (key, counter) sampler on the state it read, so
values match TF's generator bit for bit (Philox). The state variable is a TF1 reference
variable (VariableV2 ``random_generator/StateVar``) where TF 2.21 makes a resource variable.
"""

from __future__ import annotations

import os

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.array.concat_split import concat, stack
from tfcompat.ops.array.select_broadcast import bitcast
from tfcompat.ops.state_ops import assign
from tfcompat.ops.stateful_random_ops import rng_read_and_skip, stateful_random_binomial
from tfcompat.ops.stateless_random_extra_ops import (
    Algorithm,
    algorithm_id,
    create_rng_state,
)
from tfcompat.ops.stateless_random_ops import _shape_tensor
from tfcompat.variables.variables import Variable

_PHILOX = Algorithm.PHILOX.value
_FLOAT_TYPES = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64)


def _check_algorithm(alg) -> int:
    alg = _PHILOX if alg is None else algorithm_id(alg)
    if alg == Algorithm.THREEFRY.value:
        raise NotImplementedError("tf.random.Generator with the ThreeFry algorithm is not "
                                  "supported by tfcompat (Philox only)")
    return _PHILOX if alg == Algorithm.AUTO_SELECT.value else alg


class Generator:
    """A random number generator whose state (a [3] int64 Philox counter and key) is a
    variable: every sampling op draws new numbers, determined by the initial state."""

    def __init__(self, copy_from=None, state=None, alg=None):
        if copy_from is not None:
            if state is not None or alg is not None:
                raise ValueError("When `copy_from` is not None, neither `state` nor `alg` can "
                                 "be set")
            state, alg = copy_from.state.initialized_value(), copy_from.algorithm
        elif state is None:
            raise ValueError("When `copy_from` is None, `state` must not be None")
        self._alg = _check_algorithm(alg)
        with ops.name_scope("random_generator"):
            initial = convert_to_tensor(state, dtype=dtypes.int64)
            self._state_var = Variable(initial, trainable=False, name="StateVar",
                                       dtype=dtypes.int64)

    # ---- construction ------------------------------------------------------------------------

    @classmethod
    def from_state(cls, state, alg) -> Generator:
        """A generator starting from ``state`` (for Philox ``[counter_lo, counter_hi, key]``)."""
        return cls(state=state, alg=alg)

    @classmethod
    def from_seed(cls, seed, alg=None) -> Generator:
        """A generator whose state is ``create_rng_state(seed, alg)``."""
        alg = _check_algorithm(alg)
        return cls(state=create_rng_state(seed, alg), alg=alg)

    @classmethod
    def from_non_deterministic_state(cls, alg=None) -> Generator:
        """A generator seeded from the operating system's entropy."""
        alg = _check_algorithm(alg)
        words = np.frombuffer(os.urandom(8 * 3), dtype=np.int64)
        return cls(state=words, alg=alg)

    @classmethod
    def from_key_counter(cls, key, counter, alg) -> Generator:
        """A generator from a Philox key (a scalar) and counter (two words)."""
        counter = convert_to_tensor(counter, dtype=dtypes.int64)
        key = array_ops.reshape(convert_to_tensor(key, dtype=dtypes.int64), [1])
        return cls(state=concat([counter, key], 0), alg=alg)

    # ---- state -------------------------------------------------------------------------------

    @property
    def state(self) -> Variable:
        """The variable holding the RNG state."""
        return self._state_var

    @property
    def algorithm(self) -> int:
        """The RNG algorithm id (1: Philox)."""
        return self._alg

    @property
    def key(self) -> Tensor:
        """The Philox key: the last word of the state."""
        return self._state_var.value()[-1]

    def reset(self, state) -> Tensor:
        """Sets the state (an assign op)."""
        return assign(self._state_var, convert_to_tensor(state, dtype=dtypes.int64))

    def reset_from_seed(self, seed) -> Tensor:
        """Sets the state to ``create_rng_state(seed, alg)``."""
        return self.reset(create_rng_state(seed, self._alg))

    def reset_from_key_counter(self, key, counter) -> Tensor:
        """Sets the state to the given Philox key and counter."""
        counter = convert_to_tensor(counter, dtype=dtypes.int64)
        key = array_ops.reshape(convert_to_tensor(key, dtype=dtypes.int64), [1])
        return self.reset(concat([counter, key], 0))

    def skip(self, delta) -> Tensor:
        """Moves the counter past ``delta`` samples; returns the state before."""
        with ops.name_scope(None, "skip"):
            delta = math_ops.cast(delta, dtypes.uint64)
            return self._read_and_skip(delta)

    def _read_and_skip(self, delta: Tensor) -> Tensor:
        alg = constant_op.constant(self._alg, dtype=dtypes.int32)
        return rng_read_and_skip(self._state_var._ref(), alg, delta)

    def _prepare_key_counter(self, shape: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        count = math_ops.reduce_prod(shape)
        state = self._read_and_skip(math_ops.cast(count, dtypes.uint64))
        counter = bitcast(state[:2], dtypes.uint64)
        key = bitcast(state[2:3], dtypes.uint64)
        alg = constant_op.constant(self._alg, dtype=dtypes.int32, name="alg")
        return key, counter, alg

    # ---- sampling ----------------------------------------------------------------------------

    def _scaled(self, op_type, default_name, shape, mean, stddev, dtype, name) -> Tensor:
        dtype = dtypes.as_dtype(dtype)
        with ops.name_scope(name, default_name, [shape, mean, stddev]) as scope:
            shape = _shape_tensor(shape)
            mean = convert_to_tensor(mean, dtype=dtype, name="mean")
            stddev = convert_to_tensor(stddev, dtype=dtype, name="stddev")
            key, counter, alg = self._prepare_key_counter(shape)
            rnd = apply_op(op_type, [shape, key, counter, alg], attrs={"dtype": dtype})
            return math_ops.add(rnd * stddev, mean, name=scope)

    def normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None) -> Tensor:
        """Normal samples ``mean + stddev * N(0, 1)``."""
        return self._scaled("StatelessRandomNormalV2", "stateful_normal", shape, mean, stddev,
                            dtype, name)

    def truncated_normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32,
                         name=None) -> Tensor:
        """Normal samples redrawn until within two standard deviations of the mean."""
        return self._scaled("StatelessTruncatedNormalV2", "truncated_normal", shape, mean,
                            stddev, dtype, name)

    def uniform(self, shape, minval=0, maxval=None, dtype=dtypes.float32, name=None) -> Tensor:
        """Uniform samples in ``[minval, maxval)`` (integers need both bounds, or neither for
        the full range)."""
        dtype = dtypes.as_dtype(dtype)
        if dtype.is_integer:
            if (minval is None) != (maxval is None):
                raise ValueError(f"For integer dtype {dtype!r}, minval and maxval must be both "
                                 f"`None` or not `None`. Got minval={minval} and "
                                 f"maxval={maxval}.")
            if minval is None:
                return self._full_int(shape, dtype, name, "stateful_uniform")
        elif maxval is None:
            maxval = 1
        with ops.name_scope(name, "stateful_uniform", [shape, minval, maxval]) as scope:
            shape = _shape_tensor(shape)
            minval = convert_to_tensor(minval, dtype=dtype, name="min")
            maxval = convert_to_tensor(maxval, dtype=dtype, name="max")
            key, counter, alg = self._prepare_key_counter(shape)
            if dtype.is_integer:
                return apply_op("StatelessRandomUniformIntV2",
                                [shape, key, counter, alg, minval, maxval], name=scope)
            rnd = apply_op("StatelessRandomUniformV2", [shape, key, counter, alg],
                           attrs={"dtype": dtype})
            return math_ops.add(rnd * (maxval - minval), minval, name=scope)

    def uniform_full_int(self, shape, dtype=dtypes.uint64, name=None) -> Tensor:
        """Integers over the full range of ``dtype``."""
        return self._full_int(shape, dtype, name, "stateful_uniform_full_int")

    def _full_int(self, shape, dtype, name, default_name: str) -> Tensor:
        dtype = dtypes.as_dtype(dtype)
        with ops.name_scope(name, default_name, [shape]) as scope:
            shape = _shape_tensor(shape)
            key, counter, alg = self._prepare_key_counter(shape)
            return apply_op("StatelessRandomUniformFullIntV2", [shape, key, counter, alg],
                            name=scope, attrs={"dtype": dtype})

    def binomial(self, shape, counts, probs, dtype=dtypes.int32, name=None) -> Tensor:
        """Binomial(counts, probs) samples of ``shape`` (the parameters broadcast to its
        trailing dimensions)."""
        return stateful_random_binomial(self._state_var._ref(), self._alg, shape, counts,
                                        probs, dtype, name)

    def make_seeds(self, count=1) -> Tensor:
        """``count`` seeds for the stateless ops: a ``[2, count]`` int64 tensor."""
        keys = self.uniform_full_int([count], dtype=dtypes.int64)
        return stack([keys, array_ops.zeros_like(keys)])

    def split(self, count=1) -> list[Generator]:
        """``count`` new generators, each keyed by a draw of this one."""
        keys = self.uniform_full_int([count], dtype=dtypes.int64)
        zeros = array_ops.zeros([2], dtype=dtypes.int64)
        return [Generator(state=concat([zeros, array_ops.reshape(keys[i], [1])], 0),
                          alg=self._alg) for i in range(count)]


# ---- the global generator ----------------------------------------------------------------------

_GLOBAL_GENERATORS: dict[int, Generator] = {}


def get_global_generator() -> Generator:
    """The default graph's global generator, created from non-deterministic state on first use
    (one per graph: a TF1 graph's variables cannot be shared with another graph)."""
    graph = ops.get_default_graph()
    generator = _GLOBAL_GENERATORS.get(id(graph))
    if generator is None or generator.state.graph is not graph:
        generator = Generator.from_non_deterministic_state()
        _GLOBAL_GENERATORS[id(graph)] = generator
    return generator


def set_global_generator(generator: Generator) -> None:
    """Replaces the default graph's global generator."""
    _GLOBAL_GENERATORS[id(ops.get_default_graph())] = generator
