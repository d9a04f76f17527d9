"""The package keeps its shape: imports point one way between layers, and modules stay small.

Layers, lowest first (a module may import from its own layer and the layers below it):

    protobuf                     the protobuf wire format and message classes
    framework                    dtypes, shapes, Graph/Operation/Tensor, registries, errors, nest
    platform, lib                files, logging, flags, TFRecord framing, CRC32C
    ops                          op families and the gradient engine
    variables                    tf.Variable, variable scopes, initializers
    layers                       tf.layers
    client                       Session and the executor
    training, summary            optimizers, Saver and checkpoints; summary ops and event files
    testing, tools               tf.test, the symbol manifest and `check`
    everything else              alias, __main__ and the public namespace modules

Every import counts, also one inside a function: a function-level import hides a cycle, it does
not remove the dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tfcompat"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("protobuf",),
    ("framework",),
    ("platform", "lib"),
    ("ops",),
    ("variables",),
    ("layers", "rnn"),
    ("client",),
    ("training", "summary", "data"),
    ("estimator",),
    ("testing", "tools"),
)
_TOP = len(LAYERS)  # alias, __main__ and the namespace modules (tfcompat/*.py)

# (importing module, imported package) -> why the import may run against the layers.
ALLOWED: dict[tuple[str, str], str] = {}

MAX_MODULE_LINES = 600

# module path (relative to the repo) -> why it may be longer than MAX_MODULE_LINES.
LONG_MODULES: dict[str, str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer_of(module: str) -> int:
    package = _package_of(module)
    for rank, packages in enumerate(LAYERS):
        if package in packages:
            return rank
    return _TOP


def _package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else "tfcompat"


def _imported_modules(module: str, path: Path):
    """(imported tfcompat module, line) for every import statement in ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if path.name != "__init__.py":
                    base = base[:-1]
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                yield (candidate if candidate in MODULES else source), node.lineno


def _violations() -> list[str]:
    found = []
    for module, path in MODULES.items():
        own = _layer_of(module)
        for imported, line in _imported_modules(module, path):
            if not imported.startswith("tfcompat.") or imported == "tfcompat":
                if imported == "tfcompat" and own < _TOP:
                    found.append(f"{path.relative_to(ROOT)}:{line} imports tfcompat")
                continue
            if _layer_of(imported) <= own:
                continue
            if (module, _package_of(imported)) in ALLOWED:
                continue
            found.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    return found


def test_imports_point_down_the_layers():
    violations = _violations()
    assert not violations, "imports against the layers (see tests/test_layering.py):\n" + \
        "\n".join(violations)


def test_layering_allowlist_is_short_and_used():
    assert len(ALLOWED) <= 5
    used = set()
    for module, path in MODULES.items():
        for imported, _ in _imported_modules(module, path):
            if imported.startswith("tfcompat.") and _layer_of(imported) > _layer_of(module):
                used.add((module, _package_of(imported)))
    assert set(ALLOWED) <= used, f"allowlist entries no longer needed: {set(ALLOWED) - used}"


@pytest.mark.parametrize("path", sorted(MODULES.values()), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_size(path: Path):
    relative = str(path.relative_to(ROOT))
    lines = len(path.read_text().splitlines())
    if relative in LONG_MODULES:
        return
    assert lines <= MAX_MODULE_LINES, (
        f"{relative} has {lines} lines; split it along a seam (limit {MAX_MODULE_LINES})")


def test_long_module_allowlist_is_current():
    for relative in LONG_MODULES:
        path = ROOT / relative
        assert path.exists() and len(path.read_text().splitlines()) > MAX_MODULE_LINES, (
            f"{relative} is no longer over {MAX_MODULE_LINES} lines: drop it from LONG_MODULES")
