"""``import tensorflow`` served by tfcompat: an import hook for unmodified TF1 programs.

``install()`` puts a finder at the front of ``sys.meta_path`` that resolves ``tensorflow``,
``tensorflow.compat.v1`` (tfcompat itself), their public submodules (``tensorflow.nn``,
``tensorflow.compat.v1.train``...) and the ``tensorflow.python`` internals TF1 code imports
(``tensorflow.python.framework.ops``, ``tensorflow.python.platform.gfile``...) to tfcompat
modules. A TF module tfcompat lacks fails to import with an ImportError naming it
(``tf.contrib is not supported by tfcompat yet``). Nothing is aliased until ``install()`` is
called, so a real TensorFlow installed alongside stays importable; ``uninstall()`` undoes it.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType

from tfcompat.tools.module_map import _ROOT, _packages, canonical_name, resolve, tf_symbol

__all__ = ["canonical_name", "install", "installed", "resolve", "tf_symbol", "uninstall"]


class _AliasLoader(importlib.abc.Loader):
    """Loads a ``tensorflow...`` name as an existing tfcompat module object."""

    def __init__(self, target: ModuleType, finder: _TensorFlowFinder):
        self._target = target
        self._finder = finder

    def create_module(self, spec) -> None:
        return None  # a throwaway module; exec_module puts the real one in its place

    def exec_module(self, module: ModuleType) -> None:
        # The import system returns whatever sys.modules holds after exec_module, so the
        # tfcompat module itself (with its own __spec__ intact) becomes tensorflow.<name>.
        sys.modules[module.__name__] = self._target
        self._finder.loaded.add(module.__name__)
        if not hasattr(self._target, "__path__"):
            # TF's modules are packages that TF1 code imports below (tensorflow.compat.v1);
            # an empty __path__ lets such imports reach this finder.
            self._target.__path__ = []
            self._finder.given_paths.append(self._target)


class _TensorFlowFinder(importlib.abc.MetaPathFinder):
    """Resolves ``tensorflow`` and ``tensorflow.*`` imports to tfcompat modules."""

    def __init__(self):
        self.loaded: set[str] = set()
        self.given_paths: list[ModuleType] = []

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname != _ROOT and not fullname.startswith(_ROOT + "."):
            return None
        module = resolve(fullname)
        return importlib.util.spec_from_loader(fullname, _AliasLoader(module, self),
                                               is_package=True)


_finder: _TensorFlowFinder | None = None


def installed() -> bool:
    """Whether ``install()`` is in effect."""
    return _finder is not None


def install() -> None:
    """Makes ``import tensorflow`` (and TF1's submodules) import tfcompat, in this process.

    Call it before anything imports TensorFlow: in a ``conftest.py``, at the top of a notebook,
    or let ``python -m tfcompat SCRIPT`` do it. Calling it again does nothing.
    """
    global _finder
    if _finder is not None:
        return
    existing = sys.modules.get(_ROOT)
    if existing is not None:
        raise RuntimeError(
            f"tensorflow is already imported from {getattr(existing, '__file__', existing)}; "
            "call tfcompat.alias.install() before anything imports tensorflow")
    _finder = _TensorFlowFinder()
    sys.meta_path.insert(0, _finder)


def uninstall() -> None:
    """Removes the import hook and forgets the ``tensorflow`` modules it provided."""
    global _finder
    if _finder is None:
        return
    finder, _finder = _finder, None
    sys.meta_path.remove(finder)
    for name in sorted(finder.loaded, reverse=True):  # children before their parents
        module = sys.modules.pop(name, None)
        parent_name, _, child = name.rpartition(".")
        parent = sys.modules.get(parent_name) if parent_name else None
        # Importing tensorflow.python set tfcompat.python; drop such attributes again.
        if parent is not None and module in _packages.values() and \
                parent.__dict__.get(child) is module:
            delattr(parent, child)
    for module in finder.given_paths:
        del module.__path__
