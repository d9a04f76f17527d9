"""tfcompat: the TensorFlow 1 graph API (``tf.compat.v1``) in pure Python on numpy.

``import tfcompat as tf`` and write TF1 graph code: this module is the public ``tf`` namespace.
Its names are re-exports listed in two tables, ``_core_names.py`` (graphs, sessions, variables,
basic array and math ops) and ``_lazy_names.py`` (everything else); each loads its module on first
access (``platform/lazy_loader.py``), so ``import tfcompat`` costs numpy and the graph core only
and a program pays for the parts it uses (issue 13). Op types of modules not loaded yet are found
by op and gradient lookups, which load the rest (``op_registry.use_deferred_loader``). A TF symbol
that tfcompat does not implement raises an AttributeError naming it.
"""

from tfcompat._core_names import CORE_NAMES as _CORE_NAMES
from tfcompat._lazy_names import LAZY_NAMES as _LAZY_NAMES
from tfcompat.framework.op_registry import use_deferred_loader as _use_deferred_loader
from tfcompat.framework.ops import get_default_graph as _get_default_graph

# TF's "tensorflow" logger gets its own handler only if the root logger has none when it is made,
# which TF decides at import: made later (after tf.app.run or logging.basicConfig), it would not.
from tfcompat.platform import tf_logging as _tf_logging  # noqa: F401, I001 - for that side effect
from tfcompat.platform import unsupported as _unsupported
from tfcompat.platform.lazy_loader import load_all as _load_all
from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr as _make_getattr
from tfcompat.tools.notebook_reprs import attach_reprs as _attach_reprs

__version__ = "1.15.0-tfcompat0.1.0"
VERSION = __version__
GRAPH_DEF_VERSION = 2474  # = framework.graph_export.GRAPH_DEF_VERSION, what GraphDefs carry
GIT_VERSION = "tfcompat"
COMPILER_VERSION = "python"

newaxis = None


def device(device_name_or_function):
    """Ops created in the block get this device (``tf.device``), e.g. ``/cpu:0``."""
    return _get_default_graph().device(device_name_or_function)


def colocate_with(op, ignore_existing=False):
    """Ops created in the block are placed with ``op``."""
    return _get_default_graph().colocate_with(op, ignore_existing)


def control_dependencies(control_inputs):
    """Ops created in the block run after ``control_inputs`` (``tf.control_dependencies``)."""
    return _get_default_graph().control_dependencies(control_inputs)


def get_collection(key, scope=None):
    return _get_default_graph().get_collection(key, scope)


def get_collection_ref(key):
    return _get_default_graph().get_collection_ref(key)


def add_to_collection(name, value):
    _get_default_graph().add_to_collection(name, value)


def add_to_collections(names, value):
    _get_default_graph().add_to_collections(names, value)


__getattr__, __dir__ = _make_lazy_namespace(
    __name__, {**_CORE_NAMES, **_LAZY_NAMES}, _make_getattr("tf", __name__))


def _known_tf1_symbols():
    from tfcompat.tools import manifest  # lazy: the symbol table is read on the first miss

    return list(manifest.known_symbols())


_unsupported.use_known_symbols(_known_tf1_symbols)
_use_deferred_loader(_load_all)
_attach_reprs()
