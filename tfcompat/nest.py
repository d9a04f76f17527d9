"""``tf.nest``: flattening and rebuilding nested structures (lists, tuples, namedtuples, dicts)."""
# ruff: noqa: F401

from tfcompat.framework.nest import (
    assert_same_structure,
    flatten,
    is_nested,
    map_structure,
    pack_sequence_as,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.nest", __name__)
