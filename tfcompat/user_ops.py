# ruff: noqa: F401
"""``tf.user_ops``: TF's example of a user-defined op."""

from tfcompat.ops.misc_ops import my_fact
from tfcompat.platform.unsupported import make_getattr as _make_getattr

__getattr__ = _make_getattr("tf.user_ops", __name__)
