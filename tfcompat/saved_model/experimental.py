# ruff: noqa: F401
"""``tf.saved_model.experimental``: only ``VariablePolicy`` (object-based TF2 saving, with
``save`` and ``TrackableResource``, is not built by tfcompat)."""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model.save_options import VariablePolicy

__getattr__ = _make_getattr("tf.saved_model.experimental", __name__)
