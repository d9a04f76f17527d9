"""Lookup-table ops: the table resources (HashTableV2, MutableHashTableV2,
MutableHashTableOfTensorsV2, MutableDenseHashTableV2), their initializers
(LookupTableImportV2, InitializeTableFromTextFileV2) and LookupTableFind/Insert/Remove/Size/
ExportV2.

A table lives in the session's resource container (tfcompat/ops/resource_container.py),
created on first use of its op; ops take its resource handle. Like TF, a static table
(HashTableV2) must be initialized before use ("Table not initialized.") and ignores a second
initialization; a mutable one starts empty.
"""

from __future__ import annotations

import threading

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.resource_container import bind_resource_op, resource_of
from tfcompat.platform import file_io


def _key(value):
    return value.item() if isinstance(value, np.generic) else value


class TableResource:
    """One table of a session: key -> value (an array for tables of tensors)."""

    def __init__(self, name: str, key_dtype, value_dtype, static: bool,
                 value_shape=(), empty_key=None, deleted_key=None):
        self.name = name
        self.key_dtype, self.value_dtype = key_dtype, value_dtype
        self.static = static
        self.value_shape = tuple(value_shape)
        self.empty_key, self.deleted_key = empty_key, deleted_key
        self.initialized = not static
        self.entries: dict = {}
        self.lock = threading.Lock()

    def check_ready(self) -> None:
        if not self.initialized:
            raise errors.FailedPreconditionError(None, None, "Table not initialized.")

    def check_keys(self, keys: np.ndarray) -> None:
        for special, what in ((self.empty_key, "empty_key"), (self.deleted_key, "deleted_key")):
            if special is not None and any(_key(k) == special for k in keys.reshape(-1)):
                raise errors.InvalidArgumentError(
                    None, None, f"Using the {what} as a table key is not allowed")

    def insert(self, keys: np.ndarray, values: np.ndarray) -> None:
        flat_keys = keys.reshape(-1)
        flat_values = values.reshape((flat_keys.size,) + self.value_shape)
        self.check_keys(keys)
        with self.lock:
            for k, v in zip(flat_keys, flat_values):
                self.entries[_key(k)] = np.array(v, copy=True) if self.value_shape else _key(v)

    def initialize(self, keys: np.ndarray, values: np.ndarray) -> None:
        with self.lock:
            if self.initialized and self.static:
                return
        if keys.shape != values.shape[:keys.ndim]:
            raise errors.InvalidArgumentError(
                None, None, f"Expected shape {list(keys.shape)} for value, got "
                f"{list(values.shape)}")
        self.insert(keys, values)
        self.initialized = True

    def find(self, keys: np.ndarray, default: np.ndarray) -> np.ndarray:
        self.check_ready()
        default = np.asarray(default)
        out = np.empty(keys.shape + self.value_shape, dtype=default.dtype)
        flat = out.reshape((keys.size,) + self.value_shape)
        fallback = default.item() if default.ndim == 0 else default
        with self.lock:
            for i, k in enumerate(keys.reshape(-1)):
                flat[i] = self.entries.get(_key(k), fallback)
        return out


def _np_type(dtype):
    return object if dtype is dtypes.string else dtype.as_numpy_dtype


def _array(values: list, dtype, shape=()) -> np.ndarray:
    out = np.empty((len(values),) + tuple(shape), dtype=_np_type(dtype))
    for i, v in enumerate(values):
        out[i] = v
    return out


# ---- table resources ----------------------------------------------------------------------

def _handle_shape(op):
    return [(dtypes.resource, TensorShape([]))]


def _make_hash_table(op, name):
    return TableResource(name, op._attrs["key_dtype"], op._attrs["value_dtype"], static=True)


def _make_mutable(op, name):
    shape = op._attrs.get("value_shape", TensorShape([]))
    return TableResource(name, op._attrs["key_dtype"], op._attrs["value_dtype"], static=False,
                         value_shape=tuple(shape.as_list()))


_TABLE_ATTRS = {"container": "", "shared_name": "", "use_node_name_sharing": False}
register_op("HashTableV2", shape_fn=_handle_shape, bind=bind_resource_op(_make_hash_table),
            stateful=True, attr_defaults=_TABLE_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("MutableHashTableV2", shape_fn=_handle_shape, bind=bind_resource_op(_make_mutable),
            stateful=True, attr_defaults=_TABLE_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("MutableHashTableOfTensorsV2", shape_fn=_handle_shape,
            bind=bind_resource_op(_make_mutable), stateful=True,
            attr_defaults={**_TABLE_ATTRS, "value_shape": TensorShape([])},
            grad=NOT_DIFFERENTIABLE)


def _bind_dense_table(op, state):
    make_handle = bind_resource_op(lambda o, name: _make_mutable(o, name))(op, state)

    def kernel(empty_key, deleted_key):
        handle = make_handle()
        table = resource_of(handle)
        table.empty_key, table.deleted_key = _key(np.asarray(empty_key).item()), \
            _key(np.asarray(deleted_key).item())
        if table.empty_key == table.deleted_key:
            raise errors.InvalidArgumentError(None, None,
                                              "Empty and deleted keys must have different values")
        return handle
    return kernel


register_op("MutableDenseHashTableV2", inputs=("empty_key: key_dtype", "deleted_key: key_dtype"),
            shape_fn=_handle_shape, bind=_bind_dense_table, stateful=True,
            attr_defaults={**_TABLE_ATTRS, "value_shape": TensorShape([]),
                           "initial_num_buckets": 131072, "max_load_factor": 0.8},
            grad=NOT_DIFFERENTIABLE)


# ---- initializers -------------------------------------------------------------------------

def _bind_import(op, state):
    def kernel(handle, keys, values):
        resource_of(handle).initialize(np.asarray(keys), np.asarray(values))
    return kernel


register_op("LookupTableImportV2", inputs=("table_handle: resource", "keys: Tin",
                                           "values: Tout"),
            shape_fn=lambda op: [], bind=_bind_import, stateful=True, grad=NOT_DIFFERENTIABLE)


def _text_column(line: str, index: int, line_number: int, dtype, delimiter: str, path: str):
    if index == -2:
        text = line
    elif index == -1:
        return line_number
    else:
        columns = line.split(delimiter) if delimiter else line.split()
        if index >= len(columns):
            raise errors.InvalidArgumentError(
                None, None, f"Invalid number of columns in {path} line {line_number} "
                f"({line}) for lookup column: {index}")
        text = columns[index]
    if dtype is dtypes.string:
        return text.encode()
    try:
        return int(text) if dtype.is_integer else float(text)
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Field {text} in line {line_number} is not a valid "
            f"{'int64' if dtype.is_integer else 'float'}.") from None


def _bind_text_file(op, state):
    a = op._attrs

    def kernel(handle, filename):
        table = resource_of(handle)
        path = np.asarray(filename).item()
        path = path.decode() if isinstance(path, bytes) else str(path)
        if not file_io.exists(path):
            raise errors.NotFoundError(None, None, f"{path}; No such file or directory")
        with file_io.GFile(path, "rb") as f:
            lines = f.read().decode().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        vocab_size = a["vocab_size"]
        if vocab_size != -1:
            if len(lines) < vocab_size:
                raise errors.InvalidArgumentError(
                    None, None, f"Invalid vocab_size in {path}: expected {vocab_size} but got "
                    f"{len(lines)}")
            lines = lines[:vocab_size]
        keys, values = [], []
        for n, line in enumerate(lines):
            keys.append(_text_column(line, a["key_index"], n, table.key_dtype, a["delimiter"],
                                     path))
            value = _text_column(line, a["value_index"], n, table.value_dtype, a["delimiter"],
                                 path)
            values.append(value + a["offset"] if a["value_index"] == -1 else value)
        table.initialize(_array(keys, table.key_dtype), _array(values, table.value_dtype))
    return kernel


register_op("InitializeTableFromTextFileV2", inputs=("table_handle: resource",
                                                     "filename: string"),
            shape_fn=lambda op: [], bind=_bind_text_file, stateful=True,
            attr_defaults={"vocab_size": -1, "delimiter": "\t", "offset": 0},
            grad=NOT_DIFFERENTIABLE)


# ---- find / insert / remove / size / export -----------------------------------------------------

def _find_shape(op):
    keys, default = op.inputs[1].shape, op.inputs[2].shape
    value_shape = _value_shape_of(op.inputs[0])
    if value_shape is None:
        value_shape = default
    if keys.ndims is None or value_shape.ndims is None:
        return [(op.inputs[2].dtype.base_dtype, unknown_shape())]
    return [(op.inputs[2].dtype.base_dtype, keys.concatenate(value_shape))]


def _value_shape_of(handle) -> TensorShape | None:
    op = handle.op
    if op.type in ("HashTableV2", "MutableHashTableV2"):
        return TensorShape([])
    if op.type in ("MutableHashTableOfTensorsV2", "MutableDenseHashTableV2"):
        return op._attrs["value_shape"]
    return None


def _bind_find(op, state):
    def kernel(handle, keys, default):
        return resource_of(handle).find(np.asarray(keys), default)
    return kernel


def _bind_insert(op, state):
    def kernel(handle, keys, values):
        table = resource_of(handle)
        table.check_ready()
        table.insert(np.asarray(keys), np.asarray(values))
    return kernel


def _bind_remove(op, state):
    def kernel(handle, keys):
        table = resource_of(handle)
        keys = np.asarray(keys)
        table.check_keys(keys)
        with table.lock:
            for k in keys.reshape(-1):
                table.entries.pop(_key(k), None)
    return kernel


def _bind_size(op, state):
    def kernel(handle):
        table = resource_of(handle)
        table.check_ready()
        return np.asarray(len(table.entries), np.int64)
    return kernel


def _bind_export(op, state):
    key_dtype, value_dtype = op._attrs["Tkeys"], op._attrs["Tvalues"]

    def kernel(handle):
        table = resource_of(handle)
        table.check_ready()
        with table.lock:
            items = list(table.entries.items())
        return (_array([k for k, _ in items], key_dtype),
                _array([v for _, v in items], value_dtype, table.value_shape))
    return kernel


def _export_shape(op):
    return [(op._attrs["Tkeys"], unknown_shape()), (op._attrs["Tvalues"], unknown_shape())]


_LOOKUP = ("table_handle: resource",)
register_op("LookupTableFindV2", inputs=_LOOKUP + ("keys: Tin", "default_value: Tout"),
            shape_fn=_find_shape, bind=_bind_find, stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("LookupTableInsertV2", inputs=_LOOKUP + ("keys: Tin", "values: Tout"),
            shape_fn=lambda op: [], bind=_bind_insert, stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("LookupTableRemoveV2", inputs=_LOOKUP + ("keys: Tin",),
            shape_fn=lambda op: [], bind=_bind_remove, stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("LookupTableSizeV2", inputs=_LOOKUP,
            shape_fn=lambda op: [(dtypes.int64, TensorShape([]))], bind=_bind_size,
            stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("LookupTableExportV2", inputs=_LOOKUP, shape_fn=_export_shape, bind=_bind_export,
            stateful=True, grad=NOT_DIFFERENTIABLE)
