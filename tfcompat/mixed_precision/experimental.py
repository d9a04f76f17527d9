# ruff: noqa: F401
"""``tf.mixed_precision.experimental``: the loss scale classes of ``tf.train.experimental``."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.train_experimental import DynamicLossScale, FixedLossScale, LossScale

__getattr__ = make_getattr("tf.mixed_precision.experimental", __name__)
