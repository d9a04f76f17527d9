# ruff: noqa: F401
"""``tf.saved_model.utils``: TensorInfo protos for graph tensors."""

from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.saved_model.tensor_info import build_tensor_info, get_tensor_from_tensor_info

__getattr__ = _make_getattr("tf.saved_model.utils", __name__)
