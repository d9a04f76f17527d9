"""TFRecord framing: the container format of event files (and of ``tf.python_io``).

Each record is ``uint64 length | uint32 masked_crc32c(length) | data | uint32 masked_crc32c(data)``,
all little-endian.
"""

from __future__ import annotations

import gzip
import io
import os
import struct
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from tfcompat.framework import errors
from tfcompat.lib.io.crc32c import masked_crc32c

_LENGTH = struct.Struct("<Q")
_CRC = struct.Struct("<I")
_HEADER_SIZE = _LENGTH.size + _CRC.size


def encode_record(data: bytes) -> bytes:
    """One framed record holding ``data``."""
    header = _LENGTH.pack(len(data))
    return b"".join(
        (header, _CRC.pack(masked_crc32c(header)), data, _CRC.pack(masked_crc32c(data)))
    )


class TFRecordCompressionType:
    """The compression of a TFRecord file (``tf.python_io.TFRecordCompressionType``)."""

    NONE = 0
    ZLIB = 1
    GZIP = 2


class TFRecordOptions:
    """How a TFRecord file is compressed (``tf.python_io.TFRecordOptions``)."""

    def __init__(self, compression_type: str | int | None = None,
                 compression_level: int | None = None) -> None:
        self.compression_type = compression_type
        self.compression_level = compression_level

    @classmethod
    def get_compression_type_string(cls, options: object) -> str:
        """``''``, ``'ZLIB'`` or ``'GZIP'`` for options, a compression type, or None."""
        return _compression(options)


def _compression(options: object) -> str:
    """'', 'GZIP' or 'ZLIB' from a compression type or a ``TFRecordOptions``-like object."""
    kind = getattr(options, "compression_type", options)
    kind = getattr(kind, "name", kind)  # an enum member
    if kind is None:
        return ""
    if isinstance(kind, int):  # TFRecordCompressionType values: NONE, ZLIB, GZIP
        return ("", "ZLIB", "GZIP")[kind]
    kind = str(kind).upper()
    if kind in ("", "NONE"):
        return ""
    if kind not in ("GZIP", "ZLIB"):
        raise ValueError(f"Unknown compression type: {kind}")
    return kind


class _ZlibWriter:
    """A write-only file compressing everything into one zlib stream."""

    def __init__(self, path: str, level: int) -> None:
        self._file = open(path, "wb")  # noqa: SIM115 - closed by close()
        self._compressor = zlib.compressobj(level)

    def write(self, data: bytes) -> int:
        self._file.write(self._compressor.compress(data))
        return len(data)

    def flush(self) -> None:
        if not self._file.closed:
            self._file.write(self._compressor.flush(zlib.Z_SYNC_FLUSH))
            self._file.flush()

    def close(self) -> None:
        if not self._file.closed:
            self._file.write(self._compressor.flush())
            self._file.close()


def _open_for_write(path: str, compression: str, level: int | None) -> BinaryIO:
    level = zlib.Z_DEFAULT_COMPRESSION if level is None else level
    if compression == "GZIP":
        return gzip.open(path, "wb", compresslevel=9 if level < 0 else level)
    if compression == "ZLIB":
        return _ZlibWriter(path, level)  # type: ignore[return-value]
    return open(path, "wb")  # noqa: SIM115 - the caller closes it


class TFRecordWriter:
    """Writes records to a TFRecord file (``tf.python_io.TFRecordWriter``).

    ``options``: a ``TFRecordOptions`` or a compression type (``'GZIP'``, ``'ZLIB'``, ``''``,
    a ``TFRecordCompressionType``).
    """

    def __init__(self, path: str, options: object = None) -> None:
        level = getattr(options, "compression_level", None)
        self._file = _open_for_write(os.fspath(path), _compression(options), level)

    def write(self, record: bytes) -> None:
        """Appends one record."""
        self._file.write(encode_record(bytes(record)))

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> TFRecordWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _open_for_read(path: str, compression: str) -> BinaryIO:
    try:
        if compression == "GZIP":
            return gzip.open(path, "rb")
        if compression == "ZLIB":
            with open(path, "rb") as f:
                return io.BytesIO(zlib.decompressobj().decompress(f.read()))
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise errors.NotFoundError(None, None, f"{path}; No such file or directory") from None


def read_records(path: str, compression: str = "") -> Iterator[bytes]:
    """Yields the data of each record in a TFRecord file, checking both CRCs.

    A trailing partial header ends the iteration (the writer may be mid-record); a short or
    corrupted record raises ``DataLossError`` with TF's text.
    """
    f = _open_for_read(path, compression)
    try:
        offset = 0
        while True:
            header = f.read(_HEADER_SIZE)
            if len(header) < _HEADER_SIZE:
                return
            length_bytes = header[: _LENGTH.size]
            if _CRC.unpack_from(header, _LENGTH.size)[0] != masked_crc32c(length_bytes):
                hint = " (Is this even a TFRecord file?)" if offset == 0 else ""
                raise errors.DataLossError(None, None, f"corrupted record at {offset}{hint}")
            (length,) = _LENGTH.unpack(length_bytes)
            body = f.read(length + _CRC.size)
            if len(body) < length + _CRC.size:
                raise errors.DataLossError(
                    None, None,
                    f"truncated record at {offset}' failed with Read less bytes than requested",
                )
            data = body[:length]
            if _CRC.unpack_from(body, length)[0] != masked_crc32c(data):
                raise errors.DataLossError(
                    None, None, f"corrupted record at {offset + _HEADER_SIZE}"
                )
            yield data
            offset += _HEADER_SIZE + length + _CRC.size
    finally:
        f.close()


def tf_record_iterator(path: str, options: object = None) -> Iterator[bytes]:
    """An iterator over the records of a TFRecord file (``tf.python_io.tf_record_iterator``)."""
    return read_records(os.fspath(path), _compression(options))
