# ruff: noqa: F401
"""``tf.nn.experimental``."""

from tfcompat.ops.nn_experimental_ops import general_dropout, stateless_dropout
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.nn.experimental", __name__)
