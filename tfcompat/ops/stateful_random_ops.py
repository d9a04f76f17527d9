"""RngReadAndSkip, the op behind ``tf.random.Generator``: reads a counter-based RNG state held
in a variable and advances its counter, so each sampling op of a generator draws fresh numbers
through the stateless (key, counter) samplers.

A Philox state is three int64 words ``[counter_low, counter_high, key]``. Skipping ``delta``
samples adds ``256 * delta`` to the 128-bit counter, the range TF's samplers reserve per sample
(observed on TF 2.21), so a tfcompat generator continues TF's sample stream exactly.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.random_distributions import samples_blocks
from tfcompat.ops.state_ops import update_variable, variable_op_name

PHILOX_STATE_SIZE = 3
_MASK64 = (1 << 64) - 1


def advance_philox_state(state: np.ndarray, delta: int) -> np.ndarray:
    """The int64[3] Philox state with its 128-bit counter moved past ``delta`` samples."""
    words = [int(w) & _MASK64 for w in np.asarray(state).reshape(-1)]
    counter = (words[0] | (words[1] << 64)) + samples_blocks(delta)
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
