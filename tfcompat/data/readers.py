"""File datasets: ``TextLineDataset``, ``TFRecordDataset``, ``FixedLengthRecordDataset``, and
``tf.io.matching_files``."""

from __future__ import annotations

import numpy as np

from tfcompat.data import sources
from tfcompat.data.dataset_kernels import _register_dataset, _value_of
from tfcompat.data.dataset_ops import Dataset
from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.lib.io.tfrecord import TFRecordOptions, TFRecordWriter
from tfcompat.ops.csv_ops import CsvFormat
from tfcompat.variables.variables import Variable

_register_dataset("TextLineDataset", ("filenames: string", "compression_type: string",
                                      "buffer_size: int64"),
                  lambda op, state: lambda f, c, b: sources.text_lines(f, _text(c)))
_register_dataset("TFRecordDataset", ("filenames: string", "compression_type: string",
                                      "buffer_size: int64"),
                  lambda op, state: lambda f, c, b: sources.tfrecords(f, _text(c)))
_register_dataset("FixedLengthRecordDatasetV2", (
    "filenames: string", "header_bytes: int64", "record_bytes: int64", "footer_bytes: int64",
    "buffer_size: int64", "compression_type: string"),
    lambda op, state: lambda f, h, r, ft, b, c: sources.fixed_length_records(
        f, int(h), int(r), int(ft), int(b), _text(c)))


def _csv_records(op, state):
    types = op._attrs["output_types"]

    def kernel(filenames, compression, buffer_size, header, delim, use_quote, na_value,
               select_cols, *rest):
        defaults = rest[:len(types)]
        fmt = CsvFormat(types, _text(delim), bool(use_quote), _text(na_value),
                        [int(c) for c in np.asarray(select_cols).reshape(-1)])
        lines = sources.text_lines(filenames, _text(compression), skip_first=bool(header))

        def gen():
            for index, (line,) in enumerate(lines):
                values = fmt.parse(line[()], index, defaults)
                yield tuple(np.asarray(v, dtype=t.as_numpy_dtype) if t is not dtypes.string
                            else _bytes_scalar(v) for v, t in zip(values, types))
        return sources.FromGenerator(gen)
    return kernel


def _bytes_scalar(value) -> np.ndarray:
    out = np.empty((), dtype=object)
    out[()] = value
    return out


_register_dataset("CSVDatasetV2", (
    "filenames: string", "compression_type: string", "buffer_size: int64", "header: bool",
    "field_delim: string", "use_quote_delim: bool", "na_value: string", "select_cols: int64",
    "record_defaults: list(output_types)", "exclude_cols: int64"), _csv_records)


class CsvDataset(Dataset):
    """The records of CSV files as tuples of scalars (``tf.data.experimental.CsvDataset``)."""

    def __init__(self, filenames, record_defaults, compression_type=None, buffer_size=None,
                 header=False, field_delim=",", use_quote_delim=True, na_value="",
                 select_cols=None, exclude_cols=None, name=None):
        if exclude_cols is not None:
            raise NotImplementedError("CsvDataset(exclude_cols=...) is not supported by "
                                      "tfcompat yet")
        defaults = [ops.convert_to_tensor(d, name=f"record_default_{i}")
                    if not isinstance(d, dtypes.DType)
                    else ops.convert_to_tensor(np.zeros(0, d.as_numpy_dtype)
                                               if d is not dtypes.string
                                               else np.zeros(0, object), dtype=d,
                                               name=f"record_default_{i}")
                    for i, d in enumerate(record_defaults)]
        types = tuple(d.dtype.base_dtype for d in defaults)

        def string(v, n):
            return ops.convert_to_tensor(v, dtype=dtypes.string, name=n)
        variant = ops.apply_op("CSVDatasetV2", [
            string(filenames, "filenames"), string(_compression(compression_type),
                                                   "compression_type"),
            ops.convert_to_tensor(buffer_size or 4 * 1024 * 1024, dtype=dtypes.int64,
                                  name="buffer_size"),
            ops.convert_to_tensor(bool(header), dtype=dtypes.bool_, name="header"),
            string(field_delim, "field_delim"),
            ops.convert_to_tensor(bool(use_quote_delim), dtype=dtypes.bool_,
                                  name="use_quote_delim"),
            string(na_value, "na_value"),
            ops.convert_to_tensor(np.asarray(select_cols or [], np.int64), name="select_cols"),
            defaults, ops.convert_to_tensor(np.zeros(0, np.int64), name="exclude_cols")],
            name=name or "CSVDatasetV2", attrs={
                "output_types": list(types), "output_shapes": [TensorShape([])] * len(types)})
        super().__init__(variant, types, tuple(TensorShape([]) for _ in types))


def _text(value) -> str:
    value = value[()] if hasattr(value, "shape") else value
    return value.decode() if isinstance(value, bytes) else str(value)


register_op("MatchingFiles", inputs=("pattern: string",),
            shape_fn=lambda op: [(dtypes.string, TensorShape([None]))],
            kernel=sources.matching_files, foldable=False, grad=NOT_DIFFERENTIABLE)


def matching_files(pattern, name=None):
    """The sorted file names matching a glob pattern (or each of a list of patterns)."""
    return ops.apply_op("MatchingFiles", [pattern], name=name or "MatchingFiles")


def _string_dataset(op_type, inputs) -> Dataset:
    variant = ops.apply_op(op_type, inputs, name=op_type, attrs={
        "output_types": [dtypes.string], "output_shapes": [TensorShape([])]})
    return Dataset(variant, dtypes.string, TensorShape([]))


def _compression(compression_type) -> str:
    return TFRecordOptions.get_compression_type_string(compression_type)


class TextLineDataset(Dataset):
    """The lines of text files (without line endings), file after file."""

    def __init__(self, filenames, compression_type=None, buffer_size=None,
                 num_parallel_reads=None, name=None):
        filenames = ops.convert_to_tensor(filenames, dtype=dtypes.string, name="filenames")
        ds = _string_dataset("TextLineDataset", [
            filenames, ops.convert_to_tensor(_compression(compression_type),
                                             dtype=dtypes.string, name="compression_type"),
            ops.convert_to_tensor(buffer_size or 256 * 1024, dtype=dtypes.int64,
                                  name="buffer_size")])
        super().__init__(ds._variant_tensor, ds._types, ds._shapes)


class TFRecordDataset(Dataset):
    """The records of TFRecord files (optionally GZIP or ZLIB compressed)."""

    def __init__(self, filenames, compression_type=None, buffer_size=None,
                 num_parallel_reads=None, name=None):
        filenames = ops.convert_to_tensor(filenames, dtype=dtypes.string, name="filenames")
        ds = _string_dataset("TFRecordDataset", [
            filenames, ops.convert_to_tensor(_compression(compression_type),
                                             dtype=dtypes.string, name="compression_type"),
            ops.convert_to_tensor(buffer_size or 256 * 1024, dtype=dtypes.int64,
                                  name="buffer_size")])
        super().__init__(ds._variant_tensor, ds._types, ds._shapes)


class FixedLengthRecordDataset(Dataset):
    """Fixed-length records of binary files, after ``header_bytes`` and before
    ``footer_bytes``."""

    def __init__(self, filenames, record_bytes, header_bytes=None, footer_bytes=None,
                 buffer_size=None, compression_type=None, num_parallel_reads=None, name=None):
        filenames = ops.convert_to_tensor(filenames, dtype=dtypes.string, name="filenames")

        def int64(v, n):
            return ops.convert_to_tensor(v, dtype=dtypes.int64, name=n)
        ds = _string_dataset("FixedLengthRecordDatasetV2", [
            filenames, int64(header_bytes or 0, "header_bytes"),
            int64(record_bytes, "record_bytes"), int64(footer_bytes or 0, "footer_bytes"),
            int64(buffer_size or 256 * 1024, "buffer_size"),
            ops.convert_to_tensor(_compression(compression_type), dtype=dtypes.string,
                                  name="compression_type")])
        super().__init__(ds._variant_tensor, ds._types, ds._shapes)


def match_filenames_once(pattern, name=None):
    """A local variable holding the files matching ``pattern``, matched once at
    initialization (``tf.train.match_filenames_once``)."""
    with ops.name_scope(name, "matching_filenames", [pattern]) as name:
        return Variable(name=name, initial_value=matching_files(pattern), trainable=False,
                        validate_shape=False, collections=[ops.GraphKeys.LOCAL_VARIABLES])


def _bind_dataset_to_tfrecord(op, state):
    def kernel(dataset, filename, compression):
        path = _text(filename)
        with TFRecordWriter(path, TFRecordOptions(_text(compression) or None)) as writer:
            for (record,) in _value_of(dataset):
                record = record[()] if isinstance(record, np.ndarray) else record
                writer.write(record)
    return kernel


register_op("DatasetToTFRecord", inputs=("input_dataset: variant", "filename: string",
                                         "compression_type: string"),
            shape_fn=lambda op: [], bind=_bind_dataset_to_tfrecord, stateful=True,
            grad=NOT_DIFFERENTIABLE)


class DatasetTFRecordWriter:
    """Writes a dataset of scalar strings to a TFRecord file
    (``tf.data.experimental.TFRecordWriter``)."""

    def __init__(self, filename, compression_type=None):
        self._filename = ops.convert_to_tensor(filename, dtype=dtypes.string, name="filename")
        self._compression = ops.convert_to_tensor(_compression(compression_type),
                                                  dtype=dtypes.string,
                                                  name="compression_type")

    def write(self, dataset):
        """The op writing every element of ``dataset`` (scalar strings) to the file."""
        if dataset._flat_types() != [dtypes.string] or \
                not dataset._flat_shapes()[0].is_compatible_with([]):
            raise TypeError("`dataset` must produce scalar `DT_STRING` tensors whereas it "
                            f"produces shape {dataset.output_shapes} and types "
                            f"{dataset.output_types}")
        return ops.apply_op("DatasetToTFRecord", [dataset._variant_tensor, self._filename,
                                                  self._compression],
                            name="DatasetToTFRecord")
