"""``tf.data.experimental.SqlDataset``: the rows of a SQLite query (Python's sqlite3), each
column converted to its output type as SQLite's typed column reads do."""

from __future__ import annotations

import re
import sqlite3

import numpy as np

from tfcompat.data import sources, structure
from tfcompat.data.dataset_kernels import _register_dataset
from tfcompat.data.dataset_ops import Dataset
from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.tensor_shape import TensorShape

_SUPPORTED = (dtypes.string, dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64,
              dtypes.uint8, dtypes.uint16, dtypes.bool_, dtypes.float64)
_INT_PREFIX = re.compile(r"\s*[+-]?\d+")
_REAL_PREFIX = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _as_int(value) -> int:
    """SQLite's integer read of a column value (text: its leading integer, else 0)."""
    if value is None:
        return 0
    if isinstance(value, (bytes, str)):
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        match = _INT_PREFIX.match(text)
        return int(match.group()) if match else 0
    return int(value)


def _as_real(value) -> float:
    if value is None:
        return 0.0
    if isinstance(value, (bytes, str)):
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        match = _REAL_PREFIX.match(text)
        return float(match.group()) if match else 0.0
    return float(value)


def _as_text(value) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    if isinstance(value, float):
        return repr(value).encode()
    return str(value).encode()


def _converter(dtype):
    if dtype is dtypes.string:
        def text(v):
            out = np.empty((), dtype=object)
            out[()] = _as_text(v)
            return out
        return text
    if dtype is dtypes.float64:
        return lambda v: np.float64(_as_real(v))
    if dtype is dtypes.bool_:
        return lambda v: np.bool_(_as_int(v) != 0)
    np_dtype = dtype.as_numpy_dtype
    return lambda v: np.array(_as_int(v)).astype(np_dtype)[()]


def _rows(driver: str, source: str, query: str, types: list):
    if driver != "sqlite":
        raise errors.InvalidArgumentError(
            None, None, f"The database type, {driver}, is not supported by SqlDataset. The "
            "set of supported databases is: {'sqlite'}.")
    for t in types:
        if t not in _SUPPORTED:
            raise errors.InvalidArgumentError(
                None, None, "Each element of `output_types_` must be one of: DT_STRING, "
                "DT_INT8, DT_INT16, DT_INT32, DT_INT64, DT_UINT8, DT_UINT16, DT_BOOL, "
                "DT_DOUBLE ")
    convert = [_converter(t) for t in types]

    def gen():
        connection = sqlite3.connect(source)
        try:
            try:
                cursor = connection.execute(query)
            except sqlite3.Error as e:
                raise errors.UnknownError(None, None, f"Prepare() failed: [1] {e}: "
                                          f"{query}") from None
            columns = len(cursor.description or ())
            if columns != len(types):
                raise errors.InvalidArgumentError(
                    None, None, f"The number of columns in query ({columns}) must match the "
                    f"number of elements in output_types ({len(types)}).")
            for row in cursor:
                yield tuple(c(v) for c, v in zip(convert, row))
        finally:
            connection.close()
    return sources.FromGenerator(gen)


def _text(value) -> str:
    value = np.asarray(value, dtype=object)[()]
    return value.decode() if isinstance(value, bytes) else str(value)


_register_dataset("SqlDataset", ("driver_name: string", "data_source_name: string",
                                 "query: string"),
                  lambda op, state: lambda d, s, q: _rows(
                      _text(d), _text(s), _text(q), op._attrs["output_types"]))


def SqlDataset(driver_name, data_source_name, query, output_types):  # noqa: N802 - TF's name
    """The rows of ``query`` on the database ``data_source_name`` (driver 'sqlite'), one
    scalar per column of type ``output_types`` (a dtype or a tuple of them)."""
    types = structure.normalize_types(output_types)
    shapes = structure.map_structure(lambda _: TensorShape([]), types)
    inputs = [ops.convert_to_tensor(v, dtype=dtypes.string, name=n) for v, n in (
        (driver_name, "driver_name"), (data_source_name, "data_source_name"),
        (query, "query"))]
    variant = ops.apply_op("SqlDataset", inputs, name="SqlDataset", attrs={
        "output_types": structure.flatten(types), "output_shapes": structure.flatten(shapes)})
    return Dataset(variant, types, shapes)
