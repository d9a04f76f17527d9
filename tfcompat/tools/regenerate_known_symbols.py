"""Regenerates ``known_symbols.tsv`` from TensorFlow 2.21: run it with the oracle's python.

    /opt/tfvenv/bin/python tfcompat/tools/regenerate_known_symbols.py

(without TF_USE_LEGACY_KERAS: tf.layers is then a stub, and its classes stay TF1-only rows).

Walks ``tf.compat.v1`` (every public name, into submodules; tf.keras, tf.estimator, tf.raw_ops
and tf.test.mock are listed as modules without their contents) and writes one ``symbol<TAB>area``
line per name, area ``compat.v1``. The TF1-only rows (symbols TF 2.21 no longer has: tf.contrib,
tf.layers internals, ``tensorflow.python`` paths...) are curated by hand and kept as they are.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

DATA_PATH = Path(__file__).resolve().parent / "known_symbols.tsv"
COMPAT_AREA = "compat.v1"
# Listed as modules without their contents: other API versions and the huge or foreign ones.
_NOT_WALKED = {"tf.compat.v1", "tf.compat.v2", "tf.keras", "tf.estimator", "tf.raw_ops",
               "tf.test.mock"}
_API_PACKAGE = "tensorflow._api."


def walk(root: types.ModuleType) -> set[str]:
    """Every public name reachable from ``root``, breadth first so each module is listed once,
    at its shortest path. Only TF's generated API modules are walked into: a module they
    re-export (the flags module as tf.flags and tf.app.flags) is listed with its names, at each
    path, but not walked further."""
    out: set[str] = set()
    seen = {id(root)}
    queue = [("tf", root)]
    while queue:
        prefix, module = queue.pop(0)
        descend = module is root or module.__name__.startswith(_API_PACKAGE)
        for name in dir(module):
            if name.startswith("_"):
                continue
            symbol = f"{prefix}.{name}"
            out.add(symbol)
            try:
                value = getattr(module, name)
            except Exception:  # a lazy loader failing on this install still names a symbol
                continue
            if not descend or not isinstance(value, types.ModuleType) or symbol in _NOT_WALKED:
                continue
            try:
                module_name = value.__name__
            except AttributeError:  # tf.layers under Keras 3: a stub without contents
                continue
            if not module_name.startswith(_API_PACKAGE):
                out.update(f"{symbol}.{n}" for n in dir(value) if not n.startswith("_"))
            elif id(value) not in seen:
                seen.add(id(value))
                queue.append((symbol, value))
    return out


def read_rows(path: Path = DATA_PATH) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            symbol, area = line.split("\t")
            rows.append((symbol, area))
    return rows


def write_rows(compat: set[str], tf1_only: dict[str, str], path: Path = DATA_PATH) -> None:
    lines = ["# Known TensorFlow 1 symbols: symbol<TAB>area (see regenerate_known_symbols.py)."]
    lines += [f"{s}\t{COMPAT_AREA}" for s in sorted(compat)]
    lines += [f"{s}\t{area}" for s, area in sorted(tf1_only.items())]
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    import tensorflow.compat.v1 as tf

    symbols = walk(tf)
    tf1_only = {s: area for s, area in read_rows() if area != COMPAT_AREA}
    write_rows(symbols, tf1_only)
    print(f"wrote {len(symbols)} compat.v1 and {len(tf1_only)} TF1-only symbols to {DATA_PATH}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
