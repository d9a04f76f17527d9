"""Namespace attributes that import their module on first access (PEP 562), as TF's lazy loader.

``import tfcompat`` stays fast when the namespace does not import every rarely used part (tf.data,
tf.estimator, queues, Example parsing...) up front. A namespace module lists those names in a
table ``name -> "module"`` (the module itself) or ``"module:attr"`` (an attribute of it) and
installs the ``__getattr__`` / ``__dir__`` made here; the first access imports the module and
caches the value in the namespace's globals, so later accesses cost nothing.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

# Every lazy table made here, so that everything deferred can be loaded at once (load_all).
_TABLES: list[Mapping[str, str]] = []
# First loads happen one at a time: the op modules import each other in cycles, and two threads
# entering such a cycle at different modules would each find the other's module half made
# (Python's import reports a deadlock or hands out the partial module).
_LOADING = threading.RLock()


def resolve(target: str) -> Any:
    """The value named by ``"package.module"`` or ``"package.module:attr"``."""
    module_name, _, attr = target.partition(":")
    with _LOADING:
        module = importlib.import_module(module_name)
    return getattr(module, attr) if attr else module


def make_lazy_namespace(
    module_name: str,
    lazy: Mapping[str, str],
    missing: Callable[[str], Any],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Returns ``(__getattr__, __dir__)`` for the namespace module ``module_name``.

    ``__getattr__`` resolves a name of ``lazy`` and caches it in the module's globals; any other
    name goes to ``missing`` (the namespace's "not supported by tfcompat yet" error).
    ``__dir__`` lists the loaded names and the lazy ones, so ``dir(tf)`` shows both.
    """
    _TABLES.append(lazy)

    def __getattr__(name: str) -> Any:
        target = lazy.get(name)
        if target is None:
            return missing(name)
        value = resolve(target)
        setattr(sys.modules[module_name], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[module_name])) | set(lazy))

    return __getattr__, __dir__


def load_all() -> None:
    """Imports every module a lazy table names (their op registrations are import side effects),
    including the tables of the lazy namespaces this loads (``tf.nn``'s, ``tf.train``'s...)."""
    loaded: set[str] = set()
    while True:
        modules: Iterable[str] = [
            name for name in dict.fromkeys(
                target.partition(":")[0] for lazy in list(_TABLES) for target in lazy.values())
            if name not in loaded]
        if not modules:
            return
        for module_name in modules:
            with _LOADING:
                importlib.import_module(module_name)
            loaded.add(module_name)
