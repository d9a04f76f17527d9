# ruff: noqa: F401
"""``tf.saved_model.builder``: the TF1 SavedModel builder."""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model.builder_impl import SavedModelBuilder

__getattr__ = _make_getattr("tf.saved_model.builder", __name__)
