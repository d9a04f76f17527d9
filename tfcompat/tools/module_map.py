"""Which tfcompat module serves each TensorFlow module name (``tensorflow.nn``,
``tensorflow.python.framework.ops``...).

Shared by the import hook (``tfcompat.alias``) and the symbol manifest (``tools.manifest``), which
must agree on what ``import tensorflow.X`` would give.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from tfcompat.platform.unsupported import make_getattr, unsupported_module_error

_ROOT = "tensorflow"
_V1 = "tensorflow.compat.v1"

# TensorFlow-internal modules TF1 programs import, and the tfcompat module serving each.
_INTERNAL_MODULES = {
    "tensorflow.python.framework.errors": "tfcompat.framework.errors",
    "tensorflow.python.framework.errors_impl": "tfcompat.framework.errors",
    "tensorflow.python.framework.test_util": "tfcompat.testing.test_util",
    "tensorflow.python.lib.io.file_io": "tfcompat.platform.file_io",
    "tensorflow.python.lib.io.tf_record": "tfcompat.lib.io.tfrecord",
    "tensorflow.python.ops.init_ops": "tfcompat.variables.init_ops",
    "tensorflow.python.ops.variable_scope": "tfcompat.variables.variable_scope",
    "tensorflow.python.ops.variables": "tfcompat.variables.variables",
    "tensorflow.python.platform.googletest": "tfcompat.testing",
    "tensorflow.python.platform.test": "tfcompat.testing",
    "tensorflow.python.util.compat": "tfcompat.platform.compat",
    "tensorflow.python.util.nest": "tfcompat.framework.nest",
}
# tfcompat packages laid out like TF's tensorflow/python/<package>: a module
# tensorflow.python.<package>.<mod> is tfcompat.<package>.<mod> when tfcompat has it.
_MIRRORED_PACKAGES = ("client", "framework", "ops", "platform", "summary", "training")


def tf_symbol(module_name: str) -> str:
    """The ``tf.`` spelling of a TensorFlow module name (``tensorflow.compat.v1.nn`` -> tf.nn)."""
    name = canonical_name(module_name)
    return "tf" + name[len(_ROOT):]


def canonical_name(module_name: str) -> str:
    """``tensorflow.compat.v1[.x]`` is ``tensorflow[.x]``: compat.v1 is the TF1 API itself."""
    if module_name == _V1 or module_name.startswith(_V1 + "."):
        return _ROOT + module_name[len(_V1):]
    return module_name


_packages: dict[str, ModuleType] = {}


def _internal_package(name: str) -> ModuleType:
    """A namespace module for a TF-internal package such as ``tensorflow.python.ops``.

    Its attributes are its submodules, resolved (and imported) on first access, so that
    ``from tensorflow.python.ops import variables`` finds the tfcompat module serving
    ``tensorflow.python.ops.variables`` even though it lives elsewhere in tfcompat.
    """
    if name not in _packages:
        package = ModuleType(name, f"TensorFlow's {name} package, as far as tfcompat serves it.")
        package.__path__ = []
        unsupported = make_getattr(tf_symbol(name), name)

        def __getattr__(attr: str) -> ModuleType:
            if not attr.startswith("_"):
                try:
                    return resolve(f"{name}.{attr}")
                except ImportError:
                    pass
            return unsupported(attr)

        package.__getattr__ = __getattr__
        _packages[name] = package
    return _packages[name]


def _is_package(module: ModuleType) -> bool:
    # The spec, not __path__: install() gives plain modules an empty __path__.
    return getattr(module.__spec__, "submodule_search_locations", None) is not None


def _import_if_present(module_name: str) -> ModuleType | None:
    try:
        spec = importlib.util.find_spec(module_name)
    except ModuleNotFoundError:  # a parent package is missing
        return None
    return None if spec is None else importlib.import_module(module_name)


def _resolve_internal(name: str, import_name: str) -> ModuleType:
    """``tensorflow.python[.x]``: mapped modules, mirrored tfcompat modules, or namespaces."""
    if name in _INTERNAL_MODULES:
        return importlib.import_module(_INTERNAL_MODULES[name])
    rest = name[len(_ROOT + ".python."):] if name != _ROOT + ".python" else ""
    target = None
    if rest.split(".")[0] in _MIRRORED_PACKAGES:
        target = _import_if_present("tfcompat." + rest)
    if target is not None and not _is_package(target):
        return target
    if target is not None or name == _ROOT + ".python" or any(
            internal.startswith(name + ".") for internal in _INTERNAL_MODULES):
        return _internal_package(name)
    raise unsupported_module_error(tf_symbol(name), import_name)


def resolve(module_name: str) -> ModuleType:
    """The tfcompat module serving TensorFlow module ``module_name``.

    Raises ImportError (naming the TF module) when tfcompat does not provide it.
    """
    name = canonical_name(module_name)
    tfcompat = importlib.import_module("tfcompat")
    if name == _ROOT:
        return tfcompat
    if name == _ROOT + ".python" or name.startswith(_ROOT + ".python."):
        return _resolve_internal(name, module_name)
    # Public API: tensorflow.a.b is the module tfcompat.a.b reached by attribute access.
    current: object = tfcompat
    reached = _ROOT
    for part in name.split(".")[1:]:
        reached += "." + part
        try:
            current = getattr(current, part)
        except AttributeError:
            raise unsupported_module_error(tf_symbol(reached), module_name) from None
    if not isinstance(current, ModuleType):
        raise ModuleNotFoundError(f"No module named {module_name!r}", name=module_name)
    return current
