"""RngReadAndSkip and StatefulRandomBinomial, the ops behind ``tf.random.Generator``: they
read a counter-based RNG state held in a variable and advance its counter, so each sampling op
of a generator draws fresh numbers through the stateless (key, counter) samplers.
StatefulRandomBinomial samples as StatelessRandomBinomial from the state it read and moves
the counter ``12800 * batches * (samples_per_batch + 3)`` blocks on (observed on TF 2.21; TF
loses that update on the op's very first run after initialization, which tfcompat does not
copy).

A Philox state is three int64 words ``[counter_low, counter_high, key]``. Skipping ``delta``
samples adds ``256 * delta`` to the 128-bit counter, the range TF's samplers reserve per sample
(observed on TF 2.21), so a tfcompat generator continues TF's sample stream exactly.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.random_binomial_ops import as_output, binomial_samples, broadcast_parameters
from tfcompat.ops.random_distributions import samples_blocks
from tfcompat.ops.random_ops import _dims
from tfcompat.ops.state_ops import update_variable, variable_op_name

PHILOX_STATE_SIZE = 3
_MASK64 = (1 << 64) - 1


def advance_philox_state(state: np.ndarray, delta: int) -> np.ndarray:
    """The int64[3] Philox state with its 128-bit counter moved past ``delta`` samples."""
    return advance_philox_counter(state, samples_blocks(delta))


def advance_philox_counter(state: np.ndarray, blocks: int) -> np.ndarray:
    """The int64[3] Philox state with its 128-bit counter moved ``blocks`` on."""
    words = [int(w) & _MASK64 for w in np.asarray(state).reshape(-1)]
    counter = (words[0] | (words[1] << 64)) + blocks
    counter &= (1 << 128) - 1
    new = [counter & _MASK64, counter >> 64, words[2]]
    return np.asarray(new, dtype=np.uint64).view(np.int64)


def _bind_read_and_skip(op, state):
    name = variable_op_name(op.inputs[0])

    def kernel(alg, delta):
        if int(alg) not in (1, 3):
            raise errors.InvalidArgumentError(None, None, f"Unsupported algorithm id: {alg} "
                                                          "(tfcompat runs Philox only)")
        old = []

        def skip(value):
            value = np.asarray(value)
            if value.shape != (PHILOX_STATE_SIZE,):
                raise errors.InvalidArgumentError(
                    None, None, f"The size of the state must be at least {PHILOX_STATE_SIZE}; "
                                f"got {value.size}")
            old.append(value.copy())
            return advance_philox_state(value, int(delta))
        update_variable(state, name, skip)
        return old[0]
    return kernel


def _read_and_skip_shape(op):
    ref, alg, delta = op.inputs
    if alg.shape.ndims not in (None, 0) or delta.shape.ndims not in (None, 0):
        raise ShapeError("Shape must be rank 0 but is rank 1")
    return [(dtypes.int64, TensorShape._from_tuple(ref.shape.as_tuple()
                                                   if ref.shape.ndims == 1 else (None,)))]


register_op("RngReadAndSkip", inputs=("resource: &int64", "alg: int32", "delta: uint64"),
            shape_fn=_read_and_skip_shape, bind=_bind_read_and_skip, stateful=True,
            grad=NOT_DIFFERENTIABLE)


def rng_read_and_skip(state_ref: Tensor, alg: Tensor, delta: Tensor, name=None) -> Tensor:
    """The generator state before moving its counter past ``delta`` samples."""
    return apply_op("RngReadAndSkip", [state_ref, alg, delta], name=name)


# ---- StatefulRandomBinomial ------------------------------------------------------------------

def binomial_skip_blocks(batches: int, per_batch: int) -> int:
    """Counters a StatefulRandomBinomial run moves the state past (observed on TF 2.21)."""
    return 12800 * batches * (per_batch + 3)


def _bind_stateful_binomial(op, state):
    name = variable_op_name(op.inputs[0])
    dtype = op._attrs["dtype"]

    def kernel(algorithm, shape, counts, probs):
        if int(algorithm) not in (1, 3):
            raise errors.InvalidArgumentError(None, None, f"Unsupported algorithm id: "
                                                          f"{algorithm} (tfcompat runs Philox "
                                                          "only)")
        dims = _dims(shape)
        counts, probs, per_batch = broadcast_parameters(dims, counts, probs)
        read = []

        def skip(value):
            value = np.asarray(value)
            read.append(value.copy())
            return advance_philox_counter(value, binomial_skip_blocks(counts.size, per_batch))
        update_variable(state, name, skip)
        words = [int(w) & _MASK64 for w in read[0].reshape(-1)]
        values = binomial_samples(words[2], words[0] | (words[1] << 64), counts, probs,
                                  per_batch)
        return as_output(values, dims, dtype)
    return kernel


def _stateful_binomial_shape(op):
    return [(op._attrs["dtype"], tensor_util.constant_value_as_shape(op.inputs[2]))]


register_op("StatefulRandomBinomial",
            inputs=("resource: &int64", "algorithm: int64", "shape: S", "counts: T",
                    "probs: T"),
            shape_fn=_stateful_binomial_shape, bind=_bind_stateful_binomial, stateful=True,
            allowed={"S": (dtypes.int32, dtypes.int64),
                     "T": (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32,
                           dtypes.int64),
                     "dtype": (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32,
                               dtypes.int64)},
            attr_defaults={"dtype": dtypes.int64}, grad=NOT_DIFFERENTIABLE)


def stateful_random_binomial(state_ref: Tensor, algorithm: int, shape, counts, probs,
                             dtype, name=None) -> Tensor:
    """Binomial samples drawn from a generator's state, which moves past them."""
    with ops.name_scope(name, "binomial", [shape, counts, probs]) as scope:
        counts = convert_to_tensor(counts, name="counts")
        probs = convert_to_tensor(probs, name="probs", dtype=counts.dtype.base_dtype)
        shape = convert_to_tensor(shape, name="shape", dtype=dtypes.int32) \
            if isinstance(shape, (list, tuple)) else convert_to_tensor(shape, name="shape")
        algorithm = convert_to_tensor(algorithm, name="algorithm", dtype=dtypes.int64)
        return apply_op("StatefulRandomBinomial", [state_ref, algorithm, shape, counts, probs],
                        name=scope, attrs={"dtype": dtypes.as_dtype(dtype)})
