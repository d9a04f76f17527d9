"""TF1's deprecated argument spellings (``dim`` for ``axis``, ``keep_dims`` for ``keepdims``...)."""

from __future__ import annotations

from typing import Any


def deprecated_argument_lookup(new_name: str, new_value: Any, old_name: str,
                               old_value: Any) -> Any:
    """The value given under either name; ValueError when both are given (TF's rule and text)."""
    if old_value is not None:
        if new_value is not None:
            raise ValueError(f"Cannot specify both '{old_name}' and '{new_name}'.")
        return old_value
    return new_value
