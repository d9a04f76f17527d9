"""``tf.compat``: string and number helpers, and ``tf.compat.v1`` (tfcompat itself)."""

from __future__ import annotations

import importlib
import numbers
import os
from types import ModuleType
from typing import Any

import numpy as np

from tfcompat.framework import tensor_shape
from tfcompat.framework.tensor_shape import dimension_value
from tfcompat.platform.forward_compat import forward_compatibility_horizon, forward_compatible
from tfcompat.platform.unsupported import make_getattr

__all__ = [
    "as_bytes", "as_str", "as_str_any", "as_text", "bytes_or_text_types", "complex_types",
    "dimension_at_index", "dimension_value", "integral_types", "path_to_str", "real_types",
    "forward_compatibility_horizon", "forward_compatible",
]

bytes_or_text_types = (bytes, str)
integral_types = (numbers.Integral, np.integer)
real_types = (numbers.Real, np.integer, np.floating)
complex_types = (numbers.Complex, np.number)


def as_bytes(bytes_or_text: Any, encoding: str = "utf-8") -> bytes:
    """Converts bytes, bytearray or str (encoded with ``encoding``) to bytes."""
    if isinstance(bytes_or_text, bytearray):
        return bytes(bytes_or_text)
    if isinstance(bytes_or_text, str):
        return bytes_or_text.encode(encoding)
    if isinstance(bytes_or_text, bytes):
        return bytes_or_text
    raise TypeError(f"Expected binary or unicode string, got {bytes_or_text!r}")


def as_text(bytes_or_text: Any, encoding: str = "utf-8") -> str:
    """Converts str or bytes (decoded with ``encoding``) to str."""
    if isinstance(bytes_or_text, str):
        return bytes_or_text
    if isinstance(bytes_or_text, bytes):
        return bytes_or_text.decode(encoding)
    raise TypeError(f"Expected binary or unicode string, got {bytes_or_text!r}")


as_str = as_text


def as_str_any(value: Any, encoding: str = "utf-8") -> str:
    """``as_str`` for bytes, ``str()`` for anything else."""
    if isinstance(value, bytes):
        return as_str(value, encoding)
    return str(value)


def path_to_str(path: Any) -> Any:
    """Returns an os.PathLike as its string path; anything else unchanged."""
    if isinstance(path, os.PathLike):
        return os.fspath(path)
    return path


def dimension_at_index(shape, index: int) -> tensor_shape.Dimension:
    """Returns ``shape[index]`` as a Dimension; Dimension(None) when the rank is unknown."""
    shape = tensor_shape.as_shape(shape)
    if shape.rank is None:
        return tensor_shape.Dimension(None)
    return tensor_shape.Dimension(shape.as_list()[index])


_getattr_unsupported = make_getattr("tf.compat", __name__)


def __getattr__(name: str) -> ModuleType:
    # tf.compat.v1 is the whole tfcompat namespace, imported on first use: this module is part
    # of that namespace and cannot import it while it is being built.
    if name == "v1":
        return importlib.import_module("tfcompat")
    return _getattr_unsupported(name)
