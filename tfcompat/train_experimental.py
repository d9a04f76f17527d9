# ruff: noqa: F401
"""``tf.train.experimental``: loss scaling for mixed precision."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.training.loss_scale import (
    DynamicLossScale,
    FixedLossScale,
    LossScale,
    MixedPrecisionLossScaleOptimizer,
)

__getattr__ = make_getattr("tf.train.experimental", __name__)
