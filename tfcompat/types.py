# ruff: noqa: F401
"""``tf.types``: type annotations for TF values (``tf.types.experimental.TensorLike``)."""

import types as _types
import typing as _typing

import numpy as _np

from tfcompat.framework.ops import Tensor as _Tensor
from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.variables.variables import Variable as _Variable

experimental = _types.ModuleType("tfcompat.types.experimental",
                                 "``tf.types.experimental``: the TensorLike annotation.")
# A typing.Union (with __args__), as TF's is; `X | Y` would make a types.UnionType.
experimental.TensorLike = _typing.Union[  # noqa: UP007
    _Tensor, _Variable, int, float, bool, str, bytes, complex, tuple, list, _np.ndarray,
    _np.generic]
experimental.__getattr__ = _make_getattr("tf.types.experimental", experimental.__name__)

__getattr__ = _make_getattr("tf.types", __name__)
