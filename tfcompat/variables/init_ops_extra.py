"""More TF1 initializers: He and LeCun variance scaling, Identity, UniformUnitScaling."""

from __future__ import annotations

import math

from tfcompat.framework import dtypes
from tfcompat.variables.init_ops import Initializer, VarianceScaling, _float_dtype


def he_normal(seed=None) -> VarianceScaling:
    """Truncated normal with stddev sqrt(2 / fan_in)."""
    return VarianceScaling(scale=2.0, mode="fan_in", distribution="truncated_normal", seed=seed)


def he_uniform(seed=None) -> VarianceScaling:
    """Uniform in [-l, l] with l = sqrt(6 / fan_in)."""
    return VarianceScaling(scale=2.0, mode="fan_in", distribution="uniform", seed=seed)


def lecun_normal(seed=None) -> VarianceScaling:
    """Truncated normal with stddev sqrt(1 / fan_in)."""
    return VarianceScaling(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=seed)


def lecun_uniform(seed=None) -> VarianceScaling:
    """Uniform in [-l, l] with l = sqrt(3 / fan_in)."""
    return VarianceScaling(scale=1.0, mode="fan_in", distribution="uniform", seed=seed)


class Identity(Initializer):
    """The identity matrix (times ``gain``) for 2-D shapes."""

    def __init__(self, gain=1.0, dtype=dtypes.float32):
        self.gain = gain
        self.dtype = _float_dtype(dtype, dtypes.float32)

    def __call__(self, shape, dtype=None, partition_info=None):
        from tfcompat.ops.matrix_diag_ops import eye
        full_shape = [int(d) for d in shape] if partition_info is None else \
            [int(d) for d in partition_info.full_shape]
        if len(full_shape) != 2:
            raise ValueError("The tensor to initialize, specified by argument `shape` must be "
                             f"at least two-dimensional. Received shape={full_shape}")
        dtype = _float_dtype(dtype, self.dtype)
        return self.gain * eye(*full_shape, dtype=dtype)

    def get_config(self):
        return {"gain": self.gain, "dtype": self.dtype.name}


class UniformUnitScaling(Initializer):
    """Uniform in [-l, l], l = factor * sqrt(3 / input_size), keeping activations' scale."""

    def __init__(self, factor=1.0, seed=None, dtype=dtypes.float32):
        self.factor, self.seed = factor, seed
        self.dtype = _float_dtype(dtype, dtypes.float32)

    def __call__(self, shape, dtype=None, partition_info=None):
        from tfcompat.ops import random_ops
        dtype = _float_dtype(dtype, self.dtype)
        scale_shape = [int(d) for d in (shape if partition_info is None else
                                        partition_info.full_shape)]
        input_size = 1.0
        for dim in scale_shape[:-1]:
            input_size *= float(dim)
        input_size = max(input_size, 1.0)
        max_val = math.sqrt(3 / input_size) * self.factor
        return random_ops.random_uniform(shape, -max_val, max_val, dtype, seed=self.seed)

    def get_config(self):
        return {"factor": self.factor, "seed": self.seed, "dtype": self.dtype.name}


identity_initializer = Identity
uniform_unit_scaling_initializer = UniformUnitScaling
