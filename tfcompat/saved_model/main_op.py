# ruff: noqa: F401
"""``tf.saved_model.main_op``: init ops run after a SavedModel's variables are restored."""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model.main_op_impl import main_op, main_op_with_restore

__getattr__ = _make_getattr("tf.saved_model.main_op", __name__)
