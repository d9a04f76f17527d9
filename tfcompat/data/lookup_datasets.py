"""``tf.lookup`` tables filled from a ``tf.data`` dataset of (key, value) pairs:
``tf.data.experimental.DatasetInitializer``, ``table_from_dataset`` and
``index_table_from_dataset``.

The table's initializer op ``InitializeTableFromDataset`` runs the dataset to its end and
inserts every pair, so the dataset's own run-time errors (``assert_cardinality``) surface
when the table is initialized.
"""

from __future__ import annotations

import numpy as np

from tfcompat.data.dataset_kernels import _value_of
from tfcompat.data.experimental_ops import assert_cardinality
from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.ops.lookup_ops import _array
from tfcompat.ops.lookup_tables import (
    StaticHashTable,
    StaticVocabularyTable,
    _LookupTable,
    _TableInitializer,
)
from tfcompat.ops.resource_container import resource_of

# ---- InitializeTableFromDataset ----------------------------------------------------------------


def _key(value):
    return value.item() if isinstance(value, np.generic) else value


def _bind_initialize_from_dataset(op, state):
    def kernel(handle, dataset):
        table = resource_of(handle)
        pairs: dict = {}
        for key, value in _value_of(dataset):
            key, value = _key(np.asarray(key)[()]), _key(np.asarray(value)[()])
            if key in pairs and pairs[key] != value:
                raise errors.FailedPreconditionError(
                    None, None, f"HashTable has different value for same key. Key "
                    f"{_text(key)} has {_text(pairs[key])} and trying to add value "
                    f"{_text(value)}")
            pairs[key] = value
        table.initialize(_array(list(pairs), table.key_dtype),
                         _array(list(pairs.values()), table.value_dtype))
    return kernel


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


register_op("InitializeTableFromDataset", inputs=("table_handle: resource", "dataset: variant"),
            shape_fn=lambda op: [], bind=_bind_initialize_from_dataset, stateful=True,
            grad=NOT_DIFFERENTIABLE)


# ---- the initializer ---------------------------------------------------------------------------

class DatasetInitializer(_TableInitializer):
    """Initializes a table from ``dataset``, whose elements are (key, value) pairs of
    scalars."""

    def __init__(self, dataset):
        spec = dataset.element_spec
        if len(spec) != 2:
            raise ValueError(f"Datasets used to initialize lookup tables must produce elements "
                             f"in the form (key, value), where the keys and values are scalar "
                             f"tensors. However, the given dataset produces {len(spec)} "
                             f"components instead of two (key, value) components. Full "
                             f"dataset element spec: {spec}.")
        key, value = spec
        for what, part in (("key", key), ("value", value)):
            if part.shape.ndims != 0:
                raise ValueError(f"Datasets used to initialize lookup tables must produce "
                                 f"elements in the form (key, value), where the keys and "
                                 f"values are scalar tensors. However, the given dataset "
                                 f"produces non-scalar {what} Tensors of rank "
                                 f"{part.shape.ndims}.")
        self.dataset = dataset
        super().__init__(key.dtype, value.dtype)

    def initialize(self, table) -> ops.Operation:
        init_op = ops.apply_op("InitializeTableFromDataset",
                               [table.resource_handle, self.dataset._variant_tensor],
                               name="InitializeTableFromDataset")
        ops.get_default_graph().add_to_collection(GraphKeys.TABLE_INITIALIZERS, init_op)
        return init_op


# ---- tables ------------------------------------------------------------------------------------

class IdTableWithHashBuckets(StaticVocabularyTable):
    """``table``'s ids, with keys it lacks hashed (TF's fast string hash) into
    ``num_oov_buckets`` ids after its size (TF's internal ``IdTableWithHashBuckets``)."""

    def __init__(self, table: StaticHashTable, num_oov_buckets: int, key_dtype):
        key_dtype = dtypes.as_dtype(key_dtype)
        if table.key_dtype not in (dtypes.int64, dtypes.string):
            raise TypeError(f"Invalid `key_dtype`, expected one of (tf.int64, tf.string), "
                            f"received {table.key_dtype}.")
        if key_dtype.is_integer and not table.key_dtype.is_integer:
            raise TypeError(f"Invalid `key dtype`, expected integer but got "
                            f"{table.key_dtype}.")
        self._table = table
        self._num_oov_buckets = num_oov_buckets
        _LookupTable.__init__(self, key_dtype, table.value_dtype, table.name)
        self._resource_handle = table.resource_handle


def table_from_dataset(dataset=None, num_oov_buckets=0, vocab_size=None, default_value=None,
                       hasher_spec=None, key_dtype=dtypes.string, name=None):
    """A table of the (key, value) pairs of ``dataset``; with ``num_oov_buckets`` > 0, keys
    not in it hash into that many extra ids after the table's size. ``vocab_size`` takes that
    many pairs and requires the dataset to have at least as many (checked when the table is
    initialized); ``default_value`` (-1 when None) is the value of missing keys."""
    if num_oov_buckets < 0:
        raise ValueError(f"`num_oov_buckets` must be greater than or equal to 0, got "
                         f"{num_oov_buckets}.")
    if vocab_size is not None and vocab_size < 1:
        raise ValueError(f"`vocab_size` must be greater than 0, got {vocab_size}.")
    key_dtype = dtypes.as_dtype(key_dtype)
    if not key_dtype.is_integer and key_dtype != dtypes.string:
        raise TypeError(f"`key_dtype` must be either an integer or string type, but got "
                        f"{key_dtype}")
    if hasher_spec is not None:
        raise NotImplementedError("table_from_dataset(hasher_spec=...) is not supported by "
                                  "tfcompat: out-of-vocabulary keys use TF's default fast "
                                  "hash")
    if vocab_size:
        dataset = dataset.take(vocab_size).apply(assert_cardinality(vocab_size))
    with ops.name_scope(name, "string_to_index"):
        initializer = DatasetInitializer(dataset)
        with ops.name_scope(None, "hash_table"):
            table = StaticHashTable(initializer, -1 if default_value is None else default_value)
        if num_oov_buckets:
            table = IdTableWithHashBuckets(table, num_oov_buckets, key_dtype)
        return table


def index_table_from_dataset(dataset=None, num_oov_buckets=0, vocab_size=None,
                             default_value=-1, hasher_spec=None, key_dtype=dtypes.string,
                             name=None):
    """A table mapping each element of ``dataset`` to its position (int64); see
    ``table_from_dataset`` for the other arguments."""
    return table_from_dataset(dataset.enumerate().map(lambda index, key: (key, index)),
                              num_oov_buckets, vocab_size, default_value, hasher_spec,
                              key_dtype, name)
