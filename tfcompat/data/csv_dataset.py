"""``tf.data.experimental.make_csv_dataset``: batches of CSV rows as ordered dicts of column
tensors (with an optional label), the column names read from the header and the column types
inferred from the first rows when not given."""

from __future__ import annotations

import collections
import csv
import gzip
import io
import zlib

import numpy as np

from tfcompat.data.dataset_ops import Dataset
from tfcompat.data.readers import CsvDataset
from tfcompat.framework import dtypes
from tfcompat.platform.file_io import glob as _glob


def _file_names(pattern) -> list[str]:
    patterns = [pattern] if isinstance(pattern, (str, bytes)) else list(pattern)
    names = []
    for p in patterns:
        p = p.decode() if isinstance(p, bytes) else p
        names.extend(sorted(_glob(p)))
    if not names:
        raise ValueError(f"No files match `file_pattern` {pattern}.")
    return names


def _rows(name: str, delim: str, quote: bool, compression: str | None, encoding: str):
    with open(name, "rb") as f:
        data = f.read()
    if compression == "GZIP":
        data = gzip.decompress(data)
    elif compression == "ZLIB":
        data = zlib.decompress(data)
    text = io.StringIO(data.decode(encoding))
    return csv.reader(text, delimiter=delim, quoting=csv.QUOTE_MINIMAL if quote else
                      csv.QUOTE_NONE)


def _first_row(name, delim, quote, compression, encoding) -> list[str]:
    for row in _rows(name, delim, quote, compression, encoding):
        return row
    raise ValueError(f"Received empty file {name}.")


def _column_type(values: list[str]):
    """The narrowest of int32, int64, float32, float64, string holding every value."""
    def fits(convert) -> bool:
        try:
            for v in values:
                convert(v)
        except (ValueError, OverflowError):
            return False
        return True

    def int_in(lo, hi):
        def convert(v):
            x = int(v)
            if not lo <= x <= hi:
                raise OverflowError(v)
        return convert

    def finite_float32(v):
        if not np.isfinite(np.float32(float(v))) and np.isfinite(float(v)):
            raise OverflowError(v)

    for dtype, convert in ((dtypes.int32, int_in(-(1 << 31), (1 << 31) - 1)),
                           (dtypes.int64, int_in(-(1 << 63), (1 << 63) - 1)),
                           (dtypes.float32, finite_float32), (dtypes.float64, float)):
        if fits(convert):
            return dtype
    return dtypes.string


def _infer_types(names, columns, delim, quote, na_value, header, rows_wanted, compression,
                 encoding):
    seen: list[list[str]] = [[] for _ in columns]
    count = 0
    for name in names:
        rows = _rows(name, delim, quote, compression, encoding)
        if header:
            next(rows, None)
        for row in rows:
            if count >= rows_wanted:
                break
            for j, c in enumerate(columns):
                if c < len(row) and row[c] not in ("", na_value):
                    seen[j].append(row[c])
            count += 1
    return [_column_type(v) for v in seen]


def make_csv_dataset(file_pattern, batch_size, column_names=None, column_defaults=None,
                     label_name=None, select_columns=None, field_delim=",",
                     use_quote_delim=True, na_value="", header=True, num_epochs=None,
                     shuffle=True, shuffle_buffer_size=10000, shuffle_seed=None,
                     prefetch_buffer_size=None, num_parallel_reads=None, sloppy=False,
                     num_rows_for_inference=100, compression_type=None, ignore_errors=False,
                     encoding="utf-8"):
    """Batches of ``batch_size`` CSV rows as ``OrderedDict(column name -> [batch] tensor)``
    (``(features, label)`` with ``label_name``). Column names come from the first file's
    header unless given; column types are inferred from the first
    ``num_rows_for_inference`` rows unless ``column_defaults`` is given. Shuffled orders are
    reproducible with a seed but are not TF's."""
    names = _file_names(file_pattern)
    compression = compression_type or None
    if column_names is None:
        if not header:
            raise ValueError("Expected `column_names` or `header` arguments. Neither is "
                             "provided.")
        column_names = _first_row(names[0], field_delim, use_quote_delim, compression,
                                  encoding)
    column_names = list(column_names)
    if len(set(column_names)) != len(column_names):
        raise ValueError("Either `column_names` argument or CSV header row contains "
                         "duplicate column names.")
    if select_columns is None:
        columns = list(range(len(column_names)))
    elif all(isinstance(c, int) for c in select_columns):
        columns = sorted(select_columns)
    else:
        missing = [c for c in select_columns if c not in column_names]
        if missing:
            raise ValueError(f"Value(s) {missing} in `select_columns` do not exist in "
                             f"`column_names`.")
        columns = sorted(column_names.index(c) for c in select_columns)
    selected = [column_names[c] for c in columns]
    if label_name is not None and label_name not in selected:
        raise ValueError(f"`label_name` provided must be one of the columns: {selected}. "
                         f"Received: {label_name}.")
    if column_defaults is None:
        column_defaults = _infer_types(names, columns, field_delim, use_quote_delim,
                                       na_value, header, num_rows_for_inference, compression,
                                       encoding)
    elif len(column_defaults) != len(columns):
        raise ValueError(f"If specified, `column_defaults` must have the same number of "
                         f"elements as the selected columns ({len(columns)}); got "
                         f"{len(column_defaults)}.")

    def read(filename):
        return CsvDataset(filename, column_defaults, compression_type=compression_type,
                          header=header, field_delim=field_delim,
                          use_quote_delim=use_quote_delim, na_value=na_value,
                          select_cols=columns if select_columns is not None else None)

    dataset = Dataset.from_tensor_slices(names)
    if shuffle:
        dataset = dataset.shuffle(len(names), seed=shuffle_seed)
    dataset = dataset.interleave(read, cycle_length=num_parallel_reads or 1, block_length=1)
    if ignore_errors:
        dataset = dataset.ignore_errors()
    if shuffle:
        dataset = dataset.shuffle(shuffle_buffer_size, seed=shuffle_seed)
    if num_epochs != 1:
        dataset = dataset.repeat(num_epochs)
    dataset = dataset.batch(batch_size, drop_remainder=num_epochs is None)

    def to_dict(*values):
        features = collections.OrderedDict(zip(selected, values))
        if label_name is None:
            return features
        label = features.pop(label_name)
        return features, label
    dataset = dataset.map(to_dict)
    return dataset.prefetch(prefetch_buffer_size or 1)
