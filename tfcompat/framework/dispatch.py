"""Dispatch of TF API functions on composite tensors (RaggedTensor).

A composite tensor type registers itself and handlers by API kind ("unary", "binary",
"reduce", "concat", "stack", "gather", "cast"); the API functions check argument types against
``COMPOSITE_TYPES`` (one set lookup on the dense path) and hand composite arguments to the
handler. Nothing registers until the composite module is imported, which happens before any
composite value can exist.
"""

from __future__ import annotations

from collections.abc import Callable

COMPOSITE_TYPES: set[type] = set()
_HANDLERS: dict[str, Callable] = {}


def register(cls: type, handlers: dict[str, Callable]) -> None:
    """Makes values of ``cls`` dispatch to ``handlers`` (API kind -> handler)."""
    COMPOSITE_TYPES.add(cls)
    _HANDLERS.update(handlers)


def any_composite(values) -> bool:
    """True when some element of the list ``values`` is a composite tensor."""
    return bool(COMPOSITE_TYPES) and any(type(v) in COMPOSITE_TYPES for v in values)


def call(kind: str, *args, **kwargs):
    """Runs the handler of ``kind`` (the composite's version of the API function)."""
    return _HANDLERS[kind](*args, **kwargs)
