# ruff: noqa: F401
"""``tf.autograph``: AutoGraph's helpers; conversion itself is not supported (see
``tfcompat/platform/autograph_api.py``)."""

from tfcompat import autograph_experimental as experimental
from tfcompat.platform.autograph_api import set_verbosity, to_code, to_graph, trace
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.autograph", __name__)
