"""Which TensorFlow 1 symbols tfcompat supports, computed from the live ``tfcompat`` namespace.

The known TF1 symbols are data (``known_symbols``); support is never stored, it is looked up: a
symbol is supported when the attribute chain it names resolves in tfcompat (through the same
module mapping ``import tensorflow`` uses, for ``tf.python.*`` internals).
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from tfcompat.tools import module_map

_MISSING = object()


@dataclass(frozen=True)
class Lookup:
    """The verdict on one ``tf.`` attribute chain.

    ``symbol`` is the API symbol the chain names: cut after the first non-module object when
    supported (``tf.GraphKeys.TRAINABLE_VARIABLES`` -> ``tf.GraphKeys``), otherwise the longest
    prefix that is a known TF1 symbol (or the whole chain if none is).
    """

    symbol: str
    supported: bool
    known: bool


def canonical(symbol: str) -> str:
    """``tf.compat.v1.x`` is ``tf.x``."""
    while symbol == "tf.compat.v1" or symbol.startswith("tf.compat.v1."):
        symbol = "tf" + symbol[len("tf.compat.v1"):]
    return symbol


# symbol<TAB>area rows, regenerated from the oracle by tools/regenerate_known_symbols.py.
_KNOWN_SYMBOLS_PATH = Path(__file__).with_name("known_symbols.tsv")


@functools.lru_cache(maxsize=1)
def _known_rows() -> tuple[tuple[str, str], ...]:
    lines = _KNOWN_SYMBOLS_PATH.read_text().splitlines()
    return tuple(tuple(line.split("\t")) for line in lines if line and not line.startswith("#"))


def known_symbols() -> dict[str, str]:
    """Every known TF1 symbol, mapped to where it comes from (``compat.v1`` or a TF1-only area)."""
    return dict(_known_rows())


def _known_prefix(parts: list[str], known: dict[str, str]) -> str | None:
    for end in range(len(parts), 1, -1):
        prefix = ".".join(parts[:end])
        if prefix in known:
            return prefix
    return None


def lookup(symbol: str, known: dict[str, str] | None = None) -> Lookup:
    """Resolves a ``tf.``-rooted attribute chain against tfcompat."""
    known = known_symbols() if known is None else known
    parts = canonical(symbol).split(".")
    current: object = importlib.import_module("tfcompat")
    module_name = "tensorflow"
    for index, part in enumerate(parts[1:], start=1):
        module_name += "." + part
        found = getattr(current, part, _MISSING)
        if found is _MISSING and isinstance(current, ModuleType):
            try:
                found = module_map.resolve(module_name)
            except ImportError:
                found = _MISSING
        if found is _MISSING:
            prefix = _known_prefix(parts, known)
            return Lookup(prefix or ".".join(parts), False, prefix is not None)
        if not isinstance(found, ModuleType):
            chain = ".".join(parts[:index + 1])
            return Lookup(chain, True, chain in known)
        current = found
    chain = ".".join(parts)
    return Lookup(chain, True, chain in known)


def _exported(module: ModuleType, name: str, value: object) -> bool:
    """Whether ``module.name`` is part of tfcompat's API rather than a helper import.

    ``__all__`` decides when a module has one; otherwise modules and callables must come from
    tfcompat (``np``, ``Any`` are helpers) and other values (dtypes, constants) count.
    """
    if hasattr(module, "__all__"):
        return name in module.__all__
    if name.startswith("_") or type(value).__module__ == "__future__":
        return False
    if isinstance(value, ModuleType):
        return value.__name__.startswith("tfcompat")
    owner = getattr(value, "__module__", None) if callable(value) else None
    # tfcompat.tools (make_getattr...) is tooling that namespace modules import, not API.
    if owner is None:
        return True
    return owner.startswith("tfcompat") and not owner.startswith("tfcompat.tools")


def namespace_symbols() -> list[str]:
    """Every public ``tf.`` symbol tfcompat defines, walking its namespace modules.

    A module attribute counts only where TF has a module of that name (``tf.nn``): tfcompat's
    own packages (``tfcompat.client``...) are attributes of the package but not API.
    """
    known = known_symbols()
    symbols: list[str] = []
    seen: set[int] = set()

    def walk(module: ModuleType, prefix: str) -> None:
        seen.add(id(module))
        names = getattr(module, "__all__", None) or dir(module)  # dir: lazy names too
        for name in names:
            value = getattr(module, name, _MISSING)
            symbol = f"{prefix}.{name}"
            if value is _MISSING or not _exported(module, name, value):
                continue
            if isinstance(value, ModuleType):
                if symbol not in known:
                    continue
                if id(value) not in seen and value.__name__.startswith("tfcompat"):
                    walk(value, symbol)
            symbols.append(symbol)

    walk(importlib.import_module("tfcompat"), "tf")
    return sorted(set(symbols))


@dataclass(frozen=True)
class SymbolRow:
    symbol: str
    supported: bool
    origin: str  # "compat.v1", a TF1-only area such as "contrib", or "tfcompat" (extra)


def symbol_table() -> list[SymbolRow]:
    """All known TF1 symbols with their support, plus tfcompat symbols TF1's list lacks."""
    known = known_symbols()
    rows = [SymbolRow(symbol, lookup(symbol, known).supported, origin)
            for symbol, origin in known.items()]
    rows += [SymbolRow(symbol, True, "tfcompat")
             for symbol in namespace_symbols() if symbol not in known]
    return sorted(rows, key=lambda row: row.symbol)


def coverage_by_namespace(rows: list[SymbolRow]) -> dict[str, tuple[int, int]]:
    """(supported, known) per TF namespace (``tf.nn``...) over TF 2.21's compat.v1 names."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        if row.origin != "compat.v1":
            continue
        namespace = row.symbol.rsplit(".", 1)[0]
        count = counts.setdefault(namespace, [0, 0])
        count[0] += row.supported
        count[1] += 1
    return {namespace: (done, total) for namespace, (done, total) in sorted(counts.items())}
