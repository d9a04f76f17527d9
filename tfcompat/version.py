# ruff: noqa: F401
"""``tf.version``: the version of the TensorFlow API tfcompat implements and of its GraphDefs."""

import tfcompat as _tf
from tfcompat.framework.graph_export import GRAPH_DEF_VERSION
from tfcompat.framework_utils import (
    GRAPH_DEF_VERSION_MIN_CONSUMER,
    GRAPH_DEF_VERSION_MIN_PRODUCER,
)
from tfcompat.platform.unsupported import make_getattr as _make_getattr

# The same objects as tf.VERSION & co. (tf.version.VERSION is tf.VERSION in TF).
VERSION = _tf.VERSION
GIT_VERSION = _tf.GIT_VERSION
COMPILER_VERSION = _tf.COMPILER_VERSION

__getattr__ = _make_getattr("tf.version", __name__)
