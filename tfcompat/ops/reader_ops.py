"""TF1 readers: ``tf.TextLineReader``, ``TFRecordReader``, ``FixedLengthRecordReader``,
``WholeFileReader``, ``IdentityReader``.

A reader is a per-session resource (``*ReaderV2`` ops). ``read(queue)`` returns the next
``(key, value)`` record, taking the next work item (a filename) from the queue when the current
one is exhausted; when the queue is closed and empty, the read fails with the queue's
``OutOfRangeError``, which ends an input pipeline.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable, Iterator

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.lib.io import tfrecord
from tfcompat.ops.resource_container import bind_resource_op, resource_of

Records = Iterator[tuple[bytes, bytes]]


def _open(filename: bytes):
    path = filename.decode()
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise errors.NotFoundError(None, None,
                                   f"{path}; No such file or directory") from None


def _text_lines(skip_header_lines: int) -> Callable[[bytes], Records]:
    def records(filename: bytes) -> Records:
        with _open(filename) as f:
            for number, line in enumerate(f, start=1):
                if number <= skip_header_lines:
                    continue
                if line.endswith(b"\n"):
                    line = line[:-1]
                    if line.endswith(b"\r"):
                        line = line[:-1]
                yield filename + b":" + str(number).encode(), line
    return records


def _tfrecords(compression: str) -> Callable[[bytes], Records]:
    def records(filename: bytes) -> Records:
        offset = 0
        path = filename.decode()
        _open(filename).close()
        try:
            for data in tfrecord.read_records(path, compression):
                yield filename + b":" + str(offset).encode(), data
                offset += len(data) + 16
        except errors.OpError:
            raise
        except (OSError, ValueError, zlib.error) as e:
            raise errors.DataLossError(None, None, f"{e} in file {path} at offset "
                                       f"{offset}") from None
    return records


def _fixed_length(header: int, record: int, footer: int, hop: int,
                  encoding: str) -> Callable[[bytes], Records]:
    step = hop if hop > 0 else record

    def records(filename: bytes) -> Records:
        with _open(filename) as f:
            data = f.read()
        if encoding == "ZLIB":
            data = zlib.decompress(data)
        elif encoding == "GZIP":
            data = zlib.decompress(data, 16 + zlib.MAX_WBITS)
        end = len(data) - footer
        position = header
        number = 0
        while position + record <= end:
            yield filename + b":" + str(number).encode(), data[position:position + record]
            position += step
            number += 1
    return records


def _whole_file(filename: bytes) -> Records:
    with _open(filename) as f:
        yield filename, f.read()


def _identity(work: bytes) -> Records:
    yield work, work


class ReaderResource:
    """One reader in one session: its current work item and the counters TF reports."""

    def __init__(self, records: Callable[[bytes], Records]):
        self._records = records
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self._current: Records | None = None
        self.produced = 0
        self.completed = 0

    def _next(self, queue) -> tuple[bytes, bytes]:
        while True:
            if self._current is None:
                work = queue.dequeue(1, False)[0][0]
                work = work.item() if isinstance(work, np.ndarray) else work
                if isinstance(work, str):
                    work = work.encode()
                self._current = self._records(work)
            try:
                record = next(self._current)
            except StopIteration:
                self._current = None
                self.completed += 1
                continue
            self.produced += 1
            return record

    def read(self, queue) -> tuple[bytes, bytes]:
        with self._lock:
            return self._next(queue)

    def read_up_to(self, queue, n: int) -> list[tuple[bytes, bytes]]:
        with self._lock:
            out: list[tuple[bytes, bytes]] = []
            while len(out) < n:
                try:
                    out.append(self._next(queue))
                except errors.OutOfRangeError:
                    if out:
                        break
                    raise
            return out


def _scalar_string(value: bytes) -> np.ndarray:
    out = np.empty((), dtype=object)
    out[()] = value
    return out


def _string_vector(values: list[bytes]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _bind_read(op, state):
    def kernel(reader_handle, queue_handle):
        key, value = resource_of(reader_handle).read(resource_of(queue_handle))
        return _scalar_string(key), _scalar_string(value)
    return kernel


def _bind_read_up_to(op, state):
    def kernel(reader_handle, queue_handle, num_records):
        n = int(num_records)
        if n <= 0:
            raise errors.InvalidArgumentError(
                None, None, f"num_records must be positive, but got {n}")
        records = resource_of(reader_handle).read_up_to(resource_of(queue_handle), n)
        return (_string_vector([k for k, _ in records]),
                _string_vector([v for _, v in records]))
    return kernel


def _scalar_out(dtype):
    return lambda op: [(dtype, TensorShape([]))]


_READER_ATTRS = {"container": "", "shared_name": ""}
_READER_TYPES = {
    "TextLineReaderV2": (lambda op: _text_lines(op._attrs["skip_header_lines"]),
                         {"skip_header_lines": 0}),
    "TFRecordReaderV2": (lambda op: _tfrecords(op._attrs["compression_type"]),
                         {"compression_type": ""}),
    "FixedLengthRecordReaderV2": (
        lambda op: _fixed_length(op._attrs["header_bytes"], op._attrs["record_bytes"],
                                 op._attrs["footer_bytes"], op._attrs["hop_bytes"],
                                 op._attrs["encoding"]),
        {"header_bytes": 0, "footer_bytes": 0, "hop_bytes": 0, "encoding": ""}),
    "WholeFileReaderV2": (lambda op: _whole_file, {}),
    "IdentityReaderV2": (lambda op: _identity, {}),
}
for _type, (_records_for, _attrs) in _READER_TYPES.items():
    register_op(_type, shape_fn=_scalar_out(dtypes.resource), foldable=False,
                bind=bind_resource_op(lambda op, unique, f=_records_for: ReaderResource(f(op))),
                attr_defaults={**_READER_ATTRS, **_attrs}, grad=NOT_DIFFERENTIABLE)

register_op("ReaderReadV2", inputs=("reader_handle: resource", "queue_handle: resource"),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))] * 2, bind=_bind_read,
            foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("ReaderReadUpToV2", inputs=("reader_handle: resource", "queue_handle: resource",
                                        "num_records: int64"),
            shape_fn=lambda op: [(dtypes.string, TensorShape([None]))] * 2,
            bind=_bind_read_up_to, foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("ReaderNumRecordsProducedV2", inputs=("reader_handle: resource",),
            shape_fn=_scalar_out(dtypes.int64), foldable=False, grad=NOT_DIFFERENTIABLE,
            bind=lambda op, state: lambda h: np.int64(resource_of(h).produced))
register_op("ReaderNumWorkUnitsCompletedV2", inputs=("reader_handle: resource",),
            shape_fn=_scalar_out(dtypes.int64), foldable=False, grad=NOT_DIFFERENTIABLE,
            bind=lambda op, state: lambda h: np.int64(resource_of(h).completed))
register_op("ReaderResetV2", inputs=("reader_handle: resource",), shape_fn=lambda op: [],
            foldable=False, grad=NOT_DIFFERENTIABLE,
            bind=lambda op, state: lambda h: resource_of(h).reset())


class ReaderBase:
    """Base class for readers (``tf.ReaderBase``): reads records from files named in a queue."""

    def __init__(self, reader_ref, supports_serialize: bool = False):
        self._reader_ref = reader_ref
        self._supports_serialize = supports_serialize

    @property
    def reader_ref(self):
        return self._reader_ref

    @property
    def supports_serialize(self) -> bool:
        return self._supports_serialize

    def read(self, queue, name=None):
        """Returns ``(key, value)``: the next record, dequeuing filenames from ``queue``."""
        queue_ref = queue.queue_ref if hasattr(queue, "queue_ref") else queue
        return tuple(ops.apply_op("ReaderReadV2", [self._reader_ref, queue_ref],
                                  name=name or "ReaderReadV2"))

    def read_up_to(self, queue, num_records, name=None):
        """Returns up to ``num_records`` ``(keys, values)`` (fewer at the end of input)."""
        queue_ref = queue.queue_ref if hasattr(queue, "queue_ref") else queue
        return tuple(ops.apply_op("ReaderReadUpToV2",
                                  [self._reader_ref, queue_ref,
                                   ops.convert_to_tensor(num_records, dtype=dtypes.int64,
                                                         name="num_records")],
                                  name=name or "ReaderReadUpToV2"))

    def num_records_produced(self, name=None):
        return ops.apply_op("ReaderNumRecordsProducedV2", [self._reader_ref],
                            name=name or "ReaderNumRecordsProducedV2")

    def num_work_units_completed(self, name=None):
        return ops.apply_op("ReaderNumWorkUnitsCompletedV2", [self._reader_ref],
                            name=name or "ReaderNumWorkUnitsCompletedV2")

    def reset(self, name=None):
        return ops.apply_op("ReaderResetV2", [self._reader_ref], name=name or "ReaderResetV2")


def _reader_op(op_type: str, name, attrs: dict):
    graph = ops.get_default_graph()
    with graph.name_scope(name or op_type) as scope:
        op = graph._create_op(op_type, [], attrs, scope)
    return op._outputs[0]


class TextLineReader(ReaderBase):
    """Outputs the lines of files (newline stripped), keyed ``filename:line_number``."""

    def __init__(self, skip_header_lines=None, name=None):
        super().__init__(_reader_op("TextLineReaderV2", name,
                                    {"skip_header_lines": int(skip_header_lines or 0)}))


class TFRecordReader(ReaderBase):
    """Outputs the records of TFRecord files, keyed ``filename:offset``."""

    def __init__(self, name=None, options=None):
        compression = tfrecord.TFRecordOptions.get_compression_type_string(options)
        super().__init__(_reader_op("TFRecordReaderV2", name,
                                    {"compression_type": compression}))


class FixedLengthRecordReader(ReaderBase):
    """Outputs fixed-length records of files (after ``header_bytes``, before
    ``footer_bytes``, every ``hop_bytes``), keyed ``filename:record_number``."""

    def __init__(self, record_bytes, header_bytes=None, footer_bytes=None, hop_bytes=None,
                 name=None, encoding=None):
        super().__init__(_reader_op("FixedLengthRecordReaderV2", name, {
            "record_bytes": int(record_bytes), "header_bytes": int(header_bytes or 0),
            "footer_bytes": int(footer_bytes or 0), "hop_bytes": int(hop_bytes or 0),
            "encoding": encoding or ""}))


class WholeFileReader(ReaderBase):
    """Outputs each file's whole contents as one record, keyed by the filename."""

    def __init__(self, name=None):
        super().__init__(_reader_op("WholeFileReaderV2", name, {}))


class IdentityReader(ReaderBase):
    """Outputs each work item as both key and value."""

    def __init__(self, name=None):
        super().__init__(_reader_op("IdentityReaderV2", name, {}))
