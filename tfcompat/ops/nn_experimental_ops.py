"""``tf.nn.experimental``: dropout with a caller's uniform sampler or a stateless seed."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.stateless_random_ops import stateless_random_uniform


def _dropout(x, rate, noise_shape, uniform_sampler, name: str, default_name: str) -> Tensor:
    with ops.name_scope(name, default_name, [x]):
        x = convert_to_tensor(x, name="x")
        if not x.dtype.is_floating:
            raise ValueError("x has to be a floating point tensor since it's going to be "
                             f"scaled. Got a {x.dtype} tensor instead.")
        if isinstance(rate, (int, float)):
            if not 0 <= rate < 1:
                raise ValueError("`rate` must be a scalar tensor or a float in the range "
                                 f"[0, 1). Received: rate={rate}")
            scale = constant_op.constant(1 / (1 - rate), dtype=x.dtype)
        else:
            rate = convert_to_tensor(rate, dtype=x.dtype, name="rate")
            scale = 1 / (1 - rate)
        scaled = math_ops.multiply(x, scale, name="Mul")
        shape = noise_shape if noise_shape is not None else array_ops.shape(x)
        keep = math_ops.greater_equal(uniform_sampler(shape=shape, dtype=x.dtype), rate)
        result = array_ops.select_v2(keep, scaled, constant_op.constant(0, dtype=x.dtype))
        result.set_shape(x.shape)
        return result


def stateless_dropout(x, rate, seed, rng_alg=None, noise_shape=None, name=None) -> Tensor:
    """Dropout whose mask is ``stateless_random_uniform(shape, seed) >= rate``: the same seed
    always drops the same elements. Kept elements are scaled by ``1 / (1 - rate)``."""
    alg = "auto_select" if rng_alg is None else rng_alg

    def sampler(shape, dtype):
        return stateless_random_uniform(shape, seed=seed, dtype=dtype, alg=alg)

    return _dropout(x, rate, noise_shape, sampler, name, "stateless_dropout")


def general_dropout(x, rate, uniform_sampler, noise_shape=None, name=None) -> Tensor:
    """Dropout whose mask is ``uniform_sampler(shape=..., dtype=...) >= rate``."""
    return _dropout(x, rate, noise_shape, uniform_sampler, name, "general_dropout")
