"""Clear errors for TensorFlow symbols that tfcompat does not implement.

A TF1 program that touches a missing symbol should fail at that symbol, naming it as the user wrote
it (``tf.contrib.layers``), not later with a confusing error from deep inside tfcompat.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import NoReturn


def unsupported_message(tf_symbol: str) -> str:
    """The one wording used for every TensorFlow symbol tfcompat lacks."""
    return f"{tf_symbol} is not supported by tfcompat yet"


# Areas whose symbols the known-symbol list holds only in part: anything below them is TF's.
_PARTLY_LISTED = ("tf.contrib", "tf.keras", "tf.estimator", "tf.raw_ops", "tf.python",
                  "tf.compat.v2", "tf.test.mock")
# The known TF1 symbols live with the tools, a layer above: the public namespace hands over a
# loader (use_known_symbols). Without one, every missing name counts as TensorFlow's.
_known_loader: Callable[[], Iterable[str]] | None = None
_known: frozenset[str] | None = None


def use_known_symbols(loader: Callable[[], Iterable[str]]) -> None:
    """Sets where the known TF1 symbols come from (called once, lazily, when first needed)."""
    global _known_loader, _known
    _known_loader, _known = loader, None


def is_tensorflow_symbol(tf_symbol: str) -> bool:
    """Whether ``tf_symbol`` (``tf.nn.relu``) names something TensorFlow 1 has."""
    global _known
    if _known_loader is None:
        return True
    if _known is None:
        _known = frozenset(_known_loader())
    return tf_symbol in _known or tf_symbol in _PARTLY_LISTED or tf_symbol.startswith(
        tuple(p + "." for p in _PARTLY_LISTED))


def missing_name_message(tf_symbol: str) -> str:
    """TF's symbols are "not supported yet"; other names do not exist in tfcompat or TF."""
    if is_tensorflow_symbol(tf_symbol):
        return unsupported_message(tf_symbol)
    own = "tfcompat" + tf_symbol[len("tf"):]
    return f"{own} does not exist ({tf_symbol} is not a TensorFlow 1 symbol either)"


def make_getattr(tf_path: str, module_name: str) -> Callable[[str], NoReturn]:
    """Returns a module ``__getattr__`` for the module ``module_name`` that serves ``tf_path``.

    Usage, at the end of a namespace module: ``__getattr__ = make_getattr("tf.nn", __name__)``.
    Looking up a missing public name raises ``AttributeError("tf.nn.foo is not supported by
    tfcompat yet")`` when TF has ``tf.nn.foo``, else ``AttributeError("tfcompat.nn.foo does not
    exist (tf.nn.foo is not a TensorFlow 1 symbol either)")``; dunder and private names get
    Python's usual message, because tools probe modules for them (``__path__``,
    ``__wrapped__``, ``_pytestfixturefunction``...) and expect a plain miss.
    """

    def __getattr__(name: str) -> NoReturn:
        module = sys.modules.get(module_name)
        if name.startswith("_"):
            message = f"module {module_name!r} has no attribute {name!r}"
        else:
            message = missing_name_message(f"{tf_path}.{name}")
        # name/obj let Python append "Did you mean: ...?" for near misses (3.10+).
        raise AttributeError(message, name=name, obj=module)

    return __getattr__


def unsupported_module_error(tf_module: str, import_name: str) -> ImportError:
    """The ImportError for importing TF module ``tf_module`` (``tf.contrib``) as ``import_name``.

    A plain ImportError, not ModuleNotFoundError: for ``from package import submodule``, Python
    replaces a ModuleNotFoundError about the submodule with its generic "cannot import name".
    """
    return ImportError(unsupported_message(tf_module), name=import_name)
