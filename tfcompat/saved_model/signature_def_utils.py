# ruff: noqa: F401
"""``tf.saved_model.signature_def_utils``: building and checking SignatureDefs."""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model.method_name_updater import MethodNameUpdater
from tfcompat.saved_model.signature_defs import (
    build_signature_def,
    classification_signature_def,
    is_valid_signature,
    predict_signature_def,
    regression_signature_def,
)

__getattr__ = _make_getattr("tf.saved_model.signature_def_utils", __name__)
