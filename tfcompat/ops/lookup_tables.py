"""``tf.lookup``: table initializers (KeyValueTensorInitializer, TextFileInitializer), tables
(StaticHashTable, StaticVocabularyTable, experimental MutableHashTable / DenseHashTable) and
``tf.tables_initializer``, with TF's op names (``hash_table``, ``hash_table_Lookup/...``)."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import (
    control_flow_ops,
    lookup_ops,  # noqa: F401 - registers the table ops built here
    math_ops,
    string_ops,
)
from tfcompat.ops.math.sequences import where_v2


class TextFileIndex:
    """Special key/value columns of a text file: the whole line, or its line number."""

    WHOLE_LINE = -2
    LINE_NUMBER = -1


class _TableInitializer:
    def __init__(self, key_dtype, value_dtype):
        self._key_dtype = dtypes.as_dtype(key_dtype)
        self._value_dtype = dtypes.as_dtype(value_dtype)

    @property
    def key_dtype(self):
        return self._key_dtype

    @property
    def value_dtype(self):
        return self._value_dtype

    _shared_name = ""


class KeyValueTensorInitializer(_TableInitializer):
    """Initializes a table from a tensor of keys and a tensor of values."""

    def __init__(self, keys, values, key_dtype=None, value_dtype=None, name=None):
        self._keys = convert_to_tensor(keys, dtype=key_dtype, name="keys")
        self._values = convert_to_tensor(values, dtype=value_dtype, name="values")
        self._name = name or "key_value_init"
        super().__init__(self._keys.dtype, self._values.dtype)

    def initialize(self, table) -> ops.Operation:
        with ops.name_scope(self._name, values=(table.resource_handle, self._keys,
                                                self._values)):
            init_op = apply_op("LookupTableImportV2",
                               [table.resource_handle, self._keys, self._values])
        ops.get_default_graph().add_to_collection(GraphKeys.TABLE_INITIALIZERS, init_op)
        return init_op


class TextFileInitializer(_TableInitializer):
    """Initializes a table from a text file: keys and values from columns of each line
    (split by ``delimiter``), the whole line (-2) or the line number (-1)."""

    def __init__(self, filename, key_dtype, key_index, value_dtype, value_index,
                 vocab_size=None, delimiter="\t", name=None, value_index_offset=0):
        if not isinstance(filename, Tensor) and not filename:
            raise ValueError("`filename` argument required for tf.lookup.TextFileInitializer")
        self._filename_arg = filename
        key_dtype, value_dtype = dtypes.as_dtype(key_dtype), dtypes.as_dtype(value_dtype)
        if key_index < -2:
            raise ValueError(f"`key_index` should be >= -2, received: {key_index}.")
        if key_index == TextFileIndex.LINE_NUMBER and key_dtype != dtypes.int64:
            raise ValueError(f"`key_dtype` must be int64 if `key_index` is "
                             f"{TextFileIndex.LINE_NUMBER}, received: {key_dtype}")
        if key_index == TextFileIndex.WHOLE_LINE and not key_dtype.is_integer and \
                key_dtype != dtypes.string:
            raise ValueError(f"`key_dtype` should be either integer or string for `key_index` "
                             f"{TextFileIndex.WHOLE_LINE}, received: {key_dtype}")
        if value_index < -2:
            raise ValueError(f"`value_index` should be >= -2, received: {value_index}")
        if value_index == TextFileIndex.LINE_NUMBER and value_dtype != dtypes.int64:
            raise ValueError(f"`value_dtype` must be int64 for `value_index` "
                             f"{TextFileIndex.LINE_NUMBER}, received: {value_dtype}")
        if vocab_size is not None and vocab_size <= 0:
            raise ValueError(f"`vocab_size` should be > 0, received: {vocab_size}")
        self._key_index, self._value_index = key_index, value_index
        self._vocab_size = vocab_size
        self._delimiter = delimiter
        self._name = name or "text_file_init"
        self._offset = value_index_offset
        # Tables over the same file and columns share one resource, as in TF.
        self._shared_name = (f"hash_table_{filename}_{vocab_size or -1}_{key_index}_"
                             f"{value_index}" if not isinstance(filename, Tensor) else "")
        super().__init__(key_dtype, value_dtype)

    def initialize(self, table) -> ops.Operation:
        filename = convert_to_tensor(self._filename_arg, dtypes.string, name="asset_path") \
            if not isinstance(self._filename_arg, Tensor) else self._filename_arg
        with ops.name_scope(self._name, values=(table.resource_handle,)):
            init_op = apply_op("InitializeTableFromTextFileV2", [table.resource_handle, filename],
                               attrs={
                                   "key_index": self._key_index,
                                   "value_index": self._value_index,
                                   "vocab_size": -1 if self._vocab_size is None
                                   else self._vocab_size,
                                   "delimiter": self._delimiter, "offset": self._offset})
        ops.get_default_graph().add_to_collection(GraphKeys.TABLE_INITIALIZERS, init_op)
        if filename.op.type == "Const":  # as TF: SavedModel builders copy these as assets
            ops.get_default_graph().add_to_collection(GraphKeys.ASSET_FILEPATHS, filename)
        return init_op


# ---- tables ---------------------------------------------------------------------------------

class _LookupTable:
    """What every table has: its dtypes, resource handle, name, and ``size``."""

    def __init__(self, key_dtype, value_dtype, name: str):
        self._key_dtype = dtypes.as_dtype(key_dtype)
        self._value_dtype = dtypes.as_dtype(value_dtype)
        self._name = name

    @property
    def key_dtype(self):
        return self._key_dtype

    @property
    def value_dtype(self):
        return self._value_dtype

    @property
    def name(self) -> str:
        return self._name

    @property
    def resource_handle(self) -> Tensor:
        return self._resource_handle

    def _check_keys(self, keys):
        if isinstance(keys, SparseTensor):
            values = keys.values
        else:
            values = keys = convert_to_tensor(keys, dtype=self._key_dtype, name="keys") \
                if not isinstance(keys, Tensor) else keys
        if values.dtype.base_dtype != self._key_dtype:
            raise TypeError(f"Dtype of argument `keys` must be {self._key_dtype}, received: "
                            f"{values.dtype}")
        return keys, values

    def size(self, name=None) -> Tensor:
        """The number of entries of the table (int64)."""
        with ops.name_scope(name, f"{self._name}_Size", [self._resource_handle]):
            return apply_op("LookupTableSizeV2", [self._resource_handle])

    def _find(self, keys, default_value, scope_name: str, name):
        keys, values = self._check_keys(keys)
        with ops.name_scope(name, scope_name, [self._resource_handle, values]):
            found = apply_op("LookupTableFindV2", [self._resource_handle, values,
                                                  default_value])
        if isinstance(keys, SparseTensor):
            return SparseTensor(keys.indices, found, keys.dense_shape)
        return found


class StaticHashTable(_LookupTable):
    """An immutable table filled by its initializer (run ``tf.tables_initializer()``);
    unknown keys map to ``default_value``."""

    def __init__(self, initializer, default_value, name=None, experimental_is_anonymous=False):
        del experimental_is_anonymous
        super().__init__(initializer.key_dtype, initializer.value_dtype, name or "hash_table")
        self._initializer = initializer
        # TF converts the default value before it creates the table (op order and names).
        self._default_value = convert_to_tensor(default_value, dtype=self._value_dtype)
        self._default_value.shape.merge_with(TensorShape([]))
        self._resource_handle = apply_op("HashTableV2", [], name=self._name, attrs={
            "key_dtype": self._key_dtype, "value_dtype": self._value_dtype,
            "shared_name": initializer._shared_name})
        self._name = self._resource_handle.op.name.split("/")[-1]
        with ops.get_default_graph().control_dependencies(None):
            self._init_op = initializer.initialize(self)

    @property
    def default_value(self) -> Tensor:
        return self._default_value

    @property
    def initializer(self) -> ops.Operation:
        return self._init_op

    def lookup(self, keys, name=None):
        """The values of ``keys`` (a Tensor or SparseTensor), ``default_value`` if absent."""
        return self._find(keys, self._default_value, f"{self._name}_Lookup", name)

    def export(self, name=None):
        """(keys, values) tensors of every entry."""
        with ops.name_scope(name, f"{self._name}_Export", [self._resource_handle]):
            return tuple(apply_op("LookupTableExportV2", [self._resource_handle],
                                  attrs={"Tkeys": self._key_dtype,
                                         "Tvalues": self._value_dtype}))


class StaticVocabularyTable(_LookupTable):
    """A vocabulary (string or integer keys -> int64 ids) whose out-of-vocabulary keys hash
    into ``num_oov_buckets`` extra ids after the vocabulary's."""

    def __init__(self, initializer, num_oov_buckets, lookup_key_dtype=None, name=None,
                 experimental_is_anonymous=False):
        del experimental_is_anonymous
        if num_oov_buckets <= 0:
            raise ValueError("`num_oov_buckets` must be > 0; use StaticHashTable.")
        if initializer.key_dtype not in (dtypes.int32, dtypes.int64, dtypes.string):
            raise TypeError(f"Invalid `key_dtype`, expected one of (tf.int32, tf.int64, "
                            f"tf.string), but got {initializer.key_dtype}.")
        if initializer.value_dtype != dtypes.int64:
            raise TypeError(f"Invalid `value_dtype`, expected {dtypes.int64} but got "
                            f"{initializer.value_dtype}.")
        self._table = StaticHashTable(initializer, default_value=-1)
        self._num_oov_buckets = num_oov_buckets
        key_dtype = lookup_key_dtype or initializer.key_dtype
        super().__init__(key_dtype, dtypes.int64, (name or self._table.name).rstrip("/"))
        self._resource_handle = self._table.resource_handle

    @property
    def initializer(self) -> ops.Operation:
        return self._table.initializer

    def size(self, name=None) -> Tensor:
        """Vocabulary size plus the out-of-vocabulary buckets."""
        with ops.name_scope(name, f"{self._name}_Size"):
            return self._table.size() + self._num_oov_buckets  # TF's op name: "add"

    def lookup(self, keys, name=None):
        """Each key's id: its vocabulary id, or vocabulary size + hash bucket."""
        keys, values = self._check_keys(keys)
        with ops.name_scope(name, f"{self._name}_Lookup", [values]):
            if self._table.key_dtype == dtypes.int64 and values.dtype != dtypes.int64:
                values = math_ops.cast(values, dtypes.int64)
            text = values if values.dtype == dtypes.string else string_ops.as_string(values)
            buckets = string_ops.string_to_hash_bucket_fast(
                text, num_buckets=self._num_oov_buckets, name="hash_bucket")
            ids = self._table.lookup(values)
            buckets = math_ops.add(buckets, self._table.size())
            known = math_ops.not_equal(ids, self._table.default_value)
            ids = where_v2(known, ids, buckets)
        if isinstance(keys, SparseTensor):
            return SparseTensor(keys.indices, ids, keys.dense_shape)
        return ids


class MutableHashTable(_LookupTable):
    """A table updated with ``insert`` / ``remove``; values may be tensors (the default
    value's shape)."""

    _RESOURCE = "MutableHashTableV2"
    _DEFAULT_NAME = "MutableHashTable"

    def __init__(self, key_dtype, value_dtype, default_value, name=None, checkpoint=True,
                 experimental_is_anonymous=False):
        del checkpoint, experimental_is_anonymous
        super().__init__(key_dtype, value_dtype, name or self._DEFAULT_NAME)
        self._default_value = convert_to_tensor(default_value, dtype=self._value_dtype)
        self._value_shape = self._default_value.shape
        self._resource_handle = self._create_resource()
        self._name = self._resource_handle.op.name.split("/")[-1]

    def _create_resource(self) -> Tensor:
        attrs = {"key_dtype": self._key_dtype, "value_dtype": self._value_dtype}
        if self._value_shape.ndims == 0:
            return apply_op(self._RESOURCE, [], name=self._name, attrs=attrs)
        return apply_op("MutableHashTableOfTensorsV2", [], name=self._name,
                        attrs={**attrs, "value_shape": self._value_shape})

    def lookup(self, keys, dynamic_default_values=None, name=None):
        """The values of ``keys``; the default value for absent keys."""
        default = self._default_value if dynamic_default_values is None else \
            convert_to_tensor(dynamic_default_values, self._value_dtype)
        return self._find(keys, default, f"{self._name}_lookup_table_find", name)

    def insert(self, keys, values, name=None) -> ops.Operation:
        """Sets ``keys`` to ``values`` (replacing existing entries)."""
        keys, _ = self._check_keys(keys)
        values = convert_to_tensor(values, self._value_dtype, name="values")
        with ops.name_scope(name, f"{self._name}_lookup_table_insert",
                            [self._resource_handle, keys, values]):
            return apply_op("LookupTableInsertV2", [self._resource_handle, keys, values])

    def remove(self, keys, name=None) -> ops.Operation:
        """Removes ``keys`` (absent keys are ignored)."""
        keys, _ = self._check_keys(keys)
        with ops.name_scope(name, f"{self._name}_lookup_table_remove",
                            [self._resource_handle, keys]):
            return apply_op("LookupTableRemoveV2", [self._resource_handle, keys])

    def export(self, name=None):
        """(keys, values) tensors of every entry."""
        with ops.name_scope(name, f"{self._name}_lookup_table_export_values",
                            [self._resource_handle]):
            return tuple(apply_op("LookupTableExportV2", [self._resource_handle],
                                  attrs={"Tkeys": self._key_dtype,
                                         "Tvalues": self._value_dtype}))


class DenseHashTable(MutableHashTable):
    """A mutable table reserving two keys: ``empty_key`` and ``deleted_key`` (neither may be
    inserted, looked up or removed). tfcompat's table is a dict: buckets are not simulated."""

    _DEFAULT_NAME = "MutableDenseHashTable"

    def __init__(self, key_dtype, value_dtype, default_value, empty_key, deleted_key,
                 initial_num_buckets=None, name="MutableDenseHashTable", checkpoint=True,
                 experimental_is_anonymous=False):
        self._empty_key = empty_key
        self._deleted_key = deleted_key
        self._initial_num_buckets = initial_num_buckets
        super().__init__(key_dtype, value_dtype, default_value, name=name, checkpoint=checkpoint)

    def _create_resource(self) -> Tensor:
        empty = convert_to_tensor(self._empty_key, self._key_dtype, name="empty_key")
        deleted = convert_to_tensor(self._deleted_key, self._key_dtype, name="deleted_key")
        attrs = {"key_dtype": self._key_dtype, "value_dtype": self._value_dtype,
                 "value_shape": self._value_shape}
        if self._initial_num_buckets is not None:
            attrs["initial_num_buckets"] = int(self._initial_num_buckets)
        return apply_op("MutableDenseHashTableV2", [empty, deleted], name=self._name,
                        attrs=attrs)


def tables_initializer(name="init_all_tables") -> ops.Operation:
    """An op running every table initializer of the default graph (a NoOp when none)."""
    initializers = ops.get_default_graph().get_collection(GraphKeys.TABLE_INITIALIZERS)
    if initializers:
        return control_flow_ops.group(*initializers, name=name)
    return control_flow_ops.no_op(name=name)


initialize_all_tables = tables_initializer
