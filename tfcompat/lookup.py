# ruff: noqa: F401
"""``tf.lookup``: static and vocabulary lookup tables and their initializers
(``tf.lookup.experimental``: the mutable tables)."""

import types as _types

from tfcompat.ops.lookup_tables import DenseHashTable as _DenseHashTable
from tfcompat.ops.lookup_tables import (
    KeyValueTensorInitializer,
    StaticHashTable,
    StaticVocabularyTable,
    TextFileIndex,
    TextFileInitializer,
)
from tfcompat.ops.lookup_tables import MutableHashTable as _MutableHashTable
from tfcompat.platform.unsupported import make_getattr as _make_getattr

experimental = _types.ModuleType("tfcompat.lookup.experimental",
                                 "``tf.lookup.experimental``: mutable lookup tables.")
experimental.DenseHashTable = _DenseHashTable
experimental.MutableHashTable = _MutableHashTable
experimental.__getattr__ = _make_getattr("tf.lookup.experimental", experimental.__name__)

__getattr__ = _make_getattr("tf.lookup", __name__)
