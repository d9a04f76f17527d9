"""Tensor conversion: ``tf.convert_to_tensor`` and the registry of conversion functions."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from tfcompat.framework import dtypes
from tfcompat.framework.tensor import Tensor

# (type, fn(value, dtype, name, as_ref) -> Tensor) in the order they are tried: by priority
# (lower first, as in TF), and within one priority the later registration first, so that a
# more specific type registered after a general one wins.
_conversion_functions: list[tuple[type | tuple[type, ...], Callable]] = []
_sort_keys: list[tuple[int, int]] = []


def register_tensor_conversion_function(base_type, conversion_func, priority: int = 100) -> None:
    """Registers ``conversion_func(value, dtype=None, name=None, as_ref=False)`` for a type.

    It may return NotImplemented to let the next function try.
    """
    key = (priority, -len(_sort_keys))
    index = bisect.bisect(_sort_keys, key)
    _sort_keys.insert(index, key)
    _conversion_functions.insert(index, (base_type, conversion_func))


def convert_to_tensor(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None,
                      as_ref: bool = False) -> Tensor:
    """Converts ``value`` (Tensor, Variable, numpy array, Python value...) to a Tensor."""
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
    preferred_dtype = preferred_dtype or dtype_hint
    if isinstance(value, Tensor):
        if dtype is not None and not dtype.is_compatible_with(value._dtype):
            raise ValueError(f"Tensor conversion requested dtype {dtype.name} for Tensor with "
                             f"dtype {value._dtype.name}: {value!r}")
        return value
    if dtype is None and preferred_dtype is not None:
        try:
            return _convert(value, dtypes.as_dtype(preferred_dtype), name, as_ref)
        except (TypeError, ValueError):
            pass
    return _convert(value, dtype, name, as_ref)


def _convert(value, dtype, name, as_ref) -> Tensor:
    for base_type, fn in _conversion_functions:
        if isinstance(value, base_type):
            result = fn(value, dtype=dtype, name=name, as_ref=as_ref)
            if result is not NotImplemented:
                return result
    raise TypeError(f"Failed to convert object of type {type(value)} to Tensor. Contents: "
                    f"{value}. Consider casting elements to a supported type.")


def convert_n_to_tensor(values, dtype=None, name=None, preferred_dtype=None) -> list[Tensor]:
    return [convert_to_tensor(v, dtype, None if name is None else f"{name}_{i}", preferred_dtype)
            for i, v in enumerate(values)]


def is_tensor_like(value) -> bool:
    return isinstance(value, Tensor) or hasattr(value, "_as_graph_element")
