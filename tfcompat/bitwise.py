# ruff: noqa: F401
"""``tf.bitwise``: bitwise operations on integer tensors."""

from tfcompat.ops.bitwise_ops import (
    bitwise_and,
    bitwise_or,
    bitwise_xor,
    invert,
    left_shift,
    right_shift,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.bitwise", __name__)
