"""``tf.contrib.layers`` initializers: Xavier/Glorot and variance scaling, as in TF 1.15.

``variance_scaling_initializer(factor, mode, uniform)`` draws from U(-limit, limit) with
``limit = sqrt(3 * factor / n)`` or from a normal truncated at two standard deviations with
``stddev = sqrt(1.3 * factor / n)``, where n is fan_in, fan_out or their average (``mode``).
For a ``[..., in, out]`` shape, fan_in is ``in`` and fan_out ``out``, each times the product of
the leading (receptive field) dimensions. ``xavier_initializer`` is factor 1, FAN_AVG: with
``uniform=True`` exactly ``glorot_uniform_initializer`` (same draws for the same seed).
"""

from __future__ import annotations

import math

from tfcompat.framework import dtypes
from tfcompat.ops import random_ops

__all__ = ["variance_scaling_initializer", "xavier_initializer", "xavier_initializer_conv2d"]

_MODES = ("FAN_IN", "FAN_OUT", "FAN_AVG")


def _fans(shape) -> tuple[float, float]:
    shape = [int(d) for d in shape]
    if not shape:
        return 1.0, 1.0
    fan_in = float(shape[-2]) if len(shape) > 1 else float(shape[-1])
    fan_out = float(shape[-1])
    for dim in shape[:-2]:
        fan_in *= dim
        fan_out *= dim
    return fan_in, fan_out


def variance_scaling_initializer(factor=2.0, mode="FAN_IN", uniform=False, seed=None,
                                 dtype=dtypes.float32):
    """An initializer whose variance is ``factor / n`` (He et al. by default: factor 2, FAN_IN).

    Raises TypeError for a non-floating dtype and ValueError for an unknown mode.
    """
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating:
        raise TypeError("Cannot create initializer for non-floating point type.")
    if mode not in _MODES:
        raise TypeError(f"Unknown mode {mode} [FAN_IN, FAN_OUT, FAN_AVG]")

    def _initializer(shape, dtype=dtype, partition_info=None):
        dtype = dtypes.as_dtype(dtype)
        if not dtype.is_floating:
            raise TypeError("Cannot create initializer for non-floating point type.")
        fan_in, fan_out = _fans(shape)
        n = {"FAN_IN": fan_in, "FAN_OUT": fan_out, "FAN_AVG": (fan_in + fan_out) / 2.0}[mode]
        if uniform:
            limit = math.sqrt(3.0 * factor / n)
            return random_ops.random_uniform(shape, -limit, limit, dtype, seed=seed)
        stddev = math.sqrt(1.3 * factor / n)
        return random_ops.truncated_normal(shape, 0.0, stddev, dtype, seed=seed)

    return _initializer


def xavier_initializer(uniform=True, seed=None, dtype=dtypes.float32):
    """Glorot & Bengio (2010): variance ``2 / (fan_in + fan_out)``, uniform by default."""
    return variance_scaling_initializer(factor=1.0, mode="FAN_AVG", uniform=uniform, seed=seed,
                                        dtype=dtype)


xavier_initializer_conv2d = xavier_initializer
