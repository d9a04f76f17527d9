# ruff: noqa: F401
"""``tf.saved_model.loader``: loading TF1 SavedModels into a session."""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model.loader_impl import load, maybe_saved_model_directory

__getattr__ = _make_getattr("tf.saved_model.loader", __name__)
