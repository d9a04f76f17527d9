"""``python -m tfcompat doctor``: the environment tfcompat runs in, for bug reports and setup.

Reports Python and numpy, where tfcompat is imported from, whether a real TensorFlow is also
installed (found without importing it, so this stays fast), what a plain ``import tensorflow``
resolves to in this interpreter and what it resolves to under tfcompat's drop-in, and which
interpreter ``python -m tfcompat diff`` would compare against.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import sys
from collections.abc import Sequence

import numpy

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The drop-in's import hook, recognised by its module (doctor sits below the drop-in's layer).
_ALIAS_MODULE = "tfcompat.alias"


def _drop_in_hooks() -> list:
    return [finder for finder in sys.meta_path if type(finder).__module__ == _ALIAS_MODULE]


def _distribution_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _real_tensorflow() -> tuple[str | None, str | None]:
    """(location, version) of the tensorflow an import would find, ignoring tfcompat's hook."""
    hooks = _drop_in_hooks()
    for finder in hooks:  # look past the drop-in hook, then put it back
        sys.meta_path.remove(finder)
    try:
        spec = importlib.util.find_spec("tensorflow") if "tensorflow" not in sys.modules \
            else getattr(sys.modules["tensorflow"], "__spec__", None)
    except (ImportError, ValueError):
        spec = None
    finally:
        for finder in reversed(hooks):
            sys.meta_path.insert(0, finder)
    if spec is None or (spec.origin or "").startswith(PACKAGE_DIR):
        return None, None
    location = spec.origin or ", ".join(spec.submodule_search_locations or [])
    return location, _distribution_version("tensorflow") or _distribution_version(
        "tensorflow-cpu") or "unknown version"


def report(tfcompat_version: str, check_diff: bool = True) -> list[str]:
    """The doctor's lines (``tfcompat_version``: ``tfcompat.__version__``)."""
    lines = [
        f"python      {platform.python_version()} ({sys.executable})",
        f"numpy       {numpy.__version__}",
        f"tfcompat    {tfcompat_version} ({PACKAGE_DIR})",
    ]
    location, version = _real_tensorflow()
    if location is None:
        lines.append("tensorflow  not installed in this interpreter")
        lines.append("`import tensorflow` here: fails (ModuleNotFoundError) unless run under "
                     "`python -m tfcompat` or after tfcompat.alias.install(), which serve "
                     "tfcompat")
    else:
        lines.append(f"tensorflow  {version} ({location})")
        lines.append("`import tensorflow` here: the real TensorFlow above; under "
                     "`python -m tfcompat` or after tfcompat.alias.install(): tfcompat")
    if _drop_in_hooks():
        lines.append("drop-in     tfcompat.alias is installed in this process")
    if check_diff:
        from tfcompat.tools.diff import find_tensorflow_python

        tf_python = find_tensorflow_python()
        lines.append(f"diff        compares against {tf_python}" if tf_python else
                     "diff        no interpreter with TensorFlow found (python -m tfcompat diff "
                     "needs --tf-python PATH)")
    return lines


def main(argv: Sequence[str], tfcompat_version: str) -> int:
    if argv and argv[0] not in ("--no-diff",):
        sys.stderr.write("usage: python -m tfcompat doctor [--no-diff]\n")
        return 2
    for line in report(tfcompat_version, check_diff=not argv):
        sys.stdout.write(line + "\n")
    return 0
