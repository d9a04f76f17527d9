"""Tensor bundles: the ``<prefix>.index`` + ``<prefix>.data-00000-of-00001`` pair of a V2
checkpoint, written and read byte-compatibly with TensorFlow.

The data file is the tensors' raw little-endian bytes, back to back in the order they were
added (no padding). A string tensor is stored as the varint64 length of every element, the
masked CRC-32C of those lengths (each taken as a little-endian uint32), then the element bytes.
The index is a table (see ``table``) mapping ``""`` to a ``BundleHeaderProto`` and each tensor
name, in sorted order, to a ``BundleEntryProto`` (dtype, shape, offset, size, masked CRC-32C of
the stored bytes). A partitioned tensor has an entry listing its slices and one entry per slice
under a binary key (see ``tensor_slices``).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.lib.io.crc32c import crc32c, masked_crc32c, unmask_crc32c
from tfcompat.protobuf import wire
from tfcompat.protobuf.tensor_bundle_pb2 import BundleEntryProto, BundleHeaderProto
from tfcompat.protobuf.tensor_pb2 import TensorShapeProto, VariantTensorDataProto
from tfcompat.training.checkpoint import table, tensor_slices
from tfcompat.training.checkpoint.atomic import (
    file_error,
    replace_all,
    sigint_deferred,
    write_group,
    write_temporary,
)

# Version of the bundle format TF 2.21 writes (``kTensorBundleVersion``).
BUNDLE_VERSION = 1


def data_filename(prefix: str, shard: int = 0, num_shards: int = 1) -> str:
    return f"{prefix}.data-{shard:05d}-of-{num_shards:05d}"


def index_filename(prefix: str) -> str:
    return f"{prefix}.index"


def _mask(crc: int) -> int:
    """TF's masking of an already computed CRC (``masked_crc32c`` takes the bytes instead)."""
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def _shape_proto(shape: Sequence[int]) -> TensorShapeProto:
    proto = TensorShapeProto()
    for size in shape:
        proto.dim.add(size=int(size))
    return proto


# ---- tensor bytes ----------------------------------------------------------------------------

def _bfloat16_bits(values: np.ndarray) -> np.ndarray:
    """float32 values rounded (to nearest even) to bfloat16, as uint16 bit patterns."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32)
    rounded = bits + 0x7FFF + ((bits >> 16) & 1)
    out = (rounded >> 16).astype(np.uint16)
    nan = np.isnan(values)
    out[nan] = ((bits[nan] >> 16) | 0x40).astype(np.uint16)  # keep NaNs NaN (quiet)
    return out


def _storage_dtype(dtype: dtypes.DType) -> np.dtype:
    if dtype.is_quantized or dtype is dtypes.resource:
        raise errors.UnimplementedError(
            None, None, f"tfcompat cannot store tensors of type {dtype.name} in checkpoints")
    if dtype is dtypes.bfloat16:
        return np.dtype("<u2")
    return np.dtype(dtype.as_numpy_dtype).newbyteorder("<")


def _string_checksum(lengths: Sequence[int], length_check: bytes, body: bytes) -> int:
    # TF checksums each length as a uint32, then the stored length checksum, then the bytes.
    crc = crc32c(struct.pack(f"<{len(lengths)}I", *lengths))
    return crc32c(body, crc32c(length_check, crc))


def _encode_variants(value: np.ndarray) -> tuple[bytes, int]:
    """Variant elements (``VariantTensorDataProto``s): per element the varint64 length, the
    serialized proto and a masked CRC-32C. One CRC runs over every element's length (as a
    little-endian uint64), proto and stored CRC; each stored CRC is the running one so far."""
    chunks = []
    crc = 0
    for element in value.reshape(-1):
        if not isinstance(element, VariantTensorDataProto):
            raise errors.UnimplementedError(
                None, None, f"tfcompat cannot store variant elements of type "
                f"{type(element).__name__} in checkpoints")
        body = element.SerializeToString()
        length = struct.pack("<Q", len(body))
        crc = crc32c(body, crc32c(length, crc))
        check = struct.pack("<I", _mask(crc))
        crc = crc32c(check, crc)
        chunks.extend((wire.encode_varint(len(body)), body, check))
    return b"".join(chunks), _mask(crc)


def _decode_variants(data: bytes, count: int) -> tuple[np.ndarray, int]:
    items = np.empty(count, dtype=object)
    pos = 0
    crc = 0
    for i in range(count):
        size, pos = wire.decode_varint(data, pos)
        body = data[pos:pos + size]
        check = data[pos + size:pos + size + 4]
        crc = crc32c(check, crc32c(body, crc32c(struct.pack("<Q", size), crc)))
        items[i] = VariantTensorDataProto.FromString(bytes(body))
        pos += size + 4
    return items, _mask(crc)


def encode_tensor(value: np.ndarray, dtype: dtypes.DType) -> tuple[bytes, int]:
    """The bytes a tensor is stored as in a data file, and their masked CRC-32C."""
    if dtype is dtypes.variant:
        return _encode_variants(np.asarray(value, dtype=object))
    if dtype is dtypes.string:
        items = [v if isinstance(v, bytes) else str(v).encode() for v in value.reshape(-1)]
        lengths = [len(v) for v in items]
        length_check = struct.pack("<I", _mask(crc32c(struct.pack(f"<{len(items)}I",
                                                                  *lengths))))
        body = b"".join(items)
        encoded = b"".join(wire.encode_varint(n) for n in lengths) + length_check + body
        return encoded, _mask(_string_checksum(lengths, length_check, body))
    if dtype is dtypes.bfloat16:
        data = _bfloat16_bits(np.asarray(value)).tobytes()
    else:
        data = np.ascontiguousarray(value, dtype=_storage_dtype(dtype)).tobytes()
    return data, masked_crc32c(data)


def decode_tensor(data: bytes, dtype: dtypes.DType,
                  shape: tuple[int, ...]) -> tuple[np.ndarray, int]:
    """The tensor stored as ``data`` (the inverse of ``encode_tensor``) and the masked CRC-32C
    its bytes should have."""
    count = int(np.prod(shape, dtype=np.int64))
    if dtype is dtypes.variant:
        items, checksum = _decode_variants(data, count)
        return items.reshape(shape), checksum
    if dtype is dtypes.string:
        lengths = []
        pos = 0
        for _ in range(count):
            length, pos = wire.decode_varint(data, pos)
            lengths.append(length)
        length_check = data[pos:pos + 4]
        body = data[pos + 4:]
        items = np.empty(count, dtype=object)
        pos = 0
        for i, length in enumerate(lengths):
            items[i] = bytes(body[pos:pos + length])
            pos += length
        return items.reshape(shape), _mask(_string_checksum(lengths, length_check, body))
    checksum = masked_crc32c(data)
    if dtype is dtypes.bfloat16:
        bits = np.frombuffer(data, dtype="<u2").astype(np.uint32) << 16
        return bits.view(np.float32).reshape(shape), checksum
    array = np.frombuffer(data, dtype=_storage_dtype(dtype), count=count)
    return array.astype(dtype.as_numpy_dtype).reshape(shape), checksum


# ---- writing ---------------------------------------------------------------------------------

def _add_slice(entries: dict, name: str, dtype: dtypes.DType, spec: str,
               value: np.ndarray) -> tuple[bytes, tensor_slices.Extents]:
    """Records slice ``spec`` of ``name`` in its full entry; returns the slice's data key."""
    full_shape, extents = tensor_slices.parse_spec(spec)
    full = entries.get(name)
    if full is None:
        full = BundleEntryProto(dtype=dtype.as_datatype_enum, shape=_shape_proto(full_shape))
        entries[name] = full
    elif not full.slices:
        raise errors.InvalidArgumentError(None, None, f"Adding duplicate key: {name}")
    elif tuple(d.size for d in full.shape.dim) != full_shape or full.dtype != \
            dtype.as_datatype_enum:
        raise errors.InvalidArgumentError(
            None, None, f"Conflicting shapes or dtypes for the slices of {name}")
    expected = tensor_slices.slice_shape(extents, full_shape)
    if tuple(value.shape) != expected:
        raise errors.InvalidArgumentError(
            None, None, f"Shape of the slice {spec} of {name} is {list(value.shape)}, "
            f"expected {list(expected)}")
    full.slices.append(tensor_slices.to_proto(extents))
    return tensor_slices.slice_key(name, extents), extents


def write_bundle(prefix: str, tensors: Sequence[tuple]) -> None:
    """Writes ``tensors`` (name, dtype, value[, slice spec]) as the bundle ``prefix`` (what
    SaveV2 does); values with a non-empty slice spec are slices of the partitioned ``name``.

    The prefix's directory is created if its parent exists, as TensorFlow does; otherwise
    NotFoundError. A repeated name is an InvalidArgumentError.
    """
    directory = os.path.dirname(prefix)
    if directory and not os.path.isdir(directory):
        try:
            os.mkdir(directory)
        except FileExistsError:
            pass
        except OSError as e:
            raise file_error(e, directory) from None
    entries: dict[str, BundleEntryProto] = {}
    slice_entries: dict[bytes, BundleEntryProto] = {}
    chunks = []
    offset = 0
    for name, dtype, value, *spec in tensors:
        value = np.asarray(value)
        spec = spec[0] if spec else ""
        if spec:
            key, _ = _add_slice(entries, name, dtype, spec, value)
        elif name in entries:
            raise errors.InvalidArgumentError(None, None, f"Adding duplicate key: {name}")
        data, crc = encode_tensor(value, dtype)
        entry = BundleEntryProto(dtype=dtype.as_datatype_enum, shape=_shape_proto(value.shape),
                                 offset=offset, size=len(data), crc32c=crc)
        if spec:
            slice_entries[key] = entry
        else:
            entries[name] = entry
        chunks.append(data)
        offset += len(data)
    header = BundleHeaderProto(num_shards=1)
    header.version.producer = BUNDLE_VERSION
    # Data and index change together: a reader never pairs new data with an old index.
    write_group([(data_filename(prefix), b"".join(chunks)),
                 (index_filename(prefix), _index(header, entries, slice_entries))])


def _index(header: BundleHeaderProto, entries: dict[str, BundleEntryProto],
           slice_entries: dict[bytes, BundleEntryProto]) -> bytes:
    items = {name.encode(): entry for name, entry in entries.items()}
    items.update(slice_entries)
    return table.build_table([(b"", header.SerializeToString())] + [
        (key, items[key].SerializeToString()) for key in sorted(items)])


# ---- reading ---------------------------------------------------------------------------------

def _corrupt(path: str, detail: str) -> errors.DataLossError:
    return errors.DataLossError(
        None, None, f"Unable to read file ({path}). Perhaps the file is corrupt or was produced "
        f"by a newer version of TensorFlow with format changes (failed to seek to header "
        f"entry): {detail}")


class BundleReader:
    """Reads the tensors of the bundle ``prefix``: index entries, then values on demand."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        path = index_filename(prefix)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            raise errors.NotFoundError(None, None, "Unsuccessful TensorSliceReader constructor: "
                                       f"Failed to find any matching files for {prefix}") from None
        except OSError as e:
            raise file_error(e, path) from None
        try:
            items = table.read_table(data)
        except table.TableError as e:
            raise _corrupt(path, str(e)) from None
        if not items or items[0][0] != b"":
            raise _corrupt(path, "no header entry")
        header = BundleHeaderProto.FromString(items[0][1])
        if header.version.producer > BUNDLE_VERSION:
            raise errors.InvalidArgumentError(
                None, None, f"Checkpoint bundle {prefix} has version {header.version.producer}; "
                f"tfcompat reads up to version {BUNDLE_VERSION}")
        if header.endianness != BundleHeaderProto.LITTLE:
            raise errors.UnimplementedError(
                None, None, "Reading a bundle with different endianness from the reader is "
                "unsupported")
        self.header = header
        # Slice keys start with a zero byte (an encoded 0); plain tensor names never do.
        self.entries: dict[str, BundleEntryProto] = {
            key.decode("utf-8", "surrogateescape"): BundleEntryProto.FromString(value)
            for key, value in items[1:] if not key.startswith(b"\x00")
        }
        self.slice_entries: dict[bytes, BundleEntryProto] = {
            key: BundleEntryProto.FromString(value)
            for key, value in items[1:] if key.startswith(b"\x00")
        }

    def dtype(self, name: str) -> dtypes.DType:
        return dtypes.as_dtype(self.entry(name).dtype)

    def shape(self, name: str) -> TensorShape:
        return TensorShape([d.size for d in self.entry(name).shape.dim])

    def entry(self, name: str) -> BundleEntryProto:
        try:
            return self.entries[name]
        except KeyError:
            raise errors.NotFoundError(None, None,
                                       f"Key {name} not found in checkpoint") from None

    def read(self, name: str) -> np.ndarray:
        """The value of tensor ``name`` (a partitioned one assembled from its slices);
        DataLossError when a checksum does not match."""
        entry = self.entry(name)
        if not entry.slices:
            return self._read_entry(entry, self.dtype(name))
        dtype = self.dtype(name)
        full_shape = tuple(d.size for d in entry.shape.dim)
        value = np.zeros(full_shape, dtype=np.dtype(object) if dtype is dtypes.string
                         else dtype.as_numpy_dtype)
        for proto in entry.slices:
            extents = tensor_slices.from_proto(proto)
            key = tensor_slices.slice_key(name, extents)
            if key not in self.slice_entries:
                raise errors.NotFoundError(
                    None, None, f"Key {name} slice {proto} not found in checkpoint")
            value[tensor_slices.bounds(extents, full_shape)] = self._read_entry(
                self.slice_entries[key], dtype)
        return value

    def _read_entry(self, entry: BundleEntryProto, dtype: dtypes.DType) -> np.ndarray:
        path = data_filename(self.prefix, entry.shard_id, self.header.num_shards)
        try:
            with open(path, "rb") as f:
                f.seek(entry.offset)
                data = f.read(entry.size)
        except OSError as e:
            raise file_error(e, path) from None
        if len(data) != entry.size:  # a truncated data file: TF's error and text
            raise errors.OutOfRangeError(None, None, "Read less bytes than requested")
        value, calculated = decode_tensor(data, dtype, tuple(d.size for d in entry.shape.dim))
        if calculated != entry.crc32c:
            raise errors.DataLossError(
                None, None, f"TensorBundle at {self.prefix} shard {entry.shard_id} "
                f"({entry.size} bytes): Checksum does not match: stored "
                f"{unmask_crc32c(entry.crc32c)} vs. calculated on the restored bytes "
                f"{unmask_crc32c(calculated)}")
        return value


# ---- merging shards --------------------------------------------------------------------------

def merge_bundles(prefixes: Sequence[str], destination: str, delete_old_dirs: bool = True,
                  allow_missing_files: bool = False) -> None:
    """Merges the bundles ``prefixes`` into one bundle ``destination`` (MergeV2Checkpoints).

    Data files are renamed, not copied: shard k of the merged bundle is the k-th data file in
    ``prefixes`` order. The source index files are deleted, and with ``delete_old_dirs`` their
    directories too when left empty.
    """
    readers = []
    for prefix in prefixes:
        if allow_missing_files and not os.path.exists(index_filename(prefix)):
            continue
        readers.append(BundleReader(prefix))
    if not readers:
        raise errors.InvalidArgumentError(
            None, None, f"Expected at least one checkpoint prefix to merge into {destination}")
    total = sum(r.header.num_shards for r in readers)
    entries: dict[str, BundleEntryProto] = {}
    slice_entries: dict[bytes, BundleEntryProto] = {}
    renames = []
    first_shard = 0
    for reader in readers:
        for name, entry in reader.entries.items():
            known = entries.get(name)
            if known is not None and known.slices and entry.slices:
                known.slices.extend(entry.slices)  # slices of one tensor saved on two devices
                continue
            if known is not None:
                raise errors.InvalidArgumentError(
                    None, None, f"Duplicate tensor keyed by {name} encountered, when merging "
                    f"prefix: {reader.prefix}")
            entries[name] = _shifted(entry, first_shard)
        for key, entry in reader.slice_entries.items():
            slice_entries[key] = _shifted(entry, first_shard)
        for shard in range(reader.header.num_shards):
            renames.append((data_filename(reader.prefix, shard, reader.header.num_shards),
                            data_filename(destination, first_shard + shard, total)))
        first_shard += reader.header.num_shards
    header = BundleHeaderProto(num_shards=total)
    header.version.producer = BUNDLE_VERSION
    index = index_filename(destination)
    # The shards and the merged index switch together (see atomic.replace_all).
    with sigint_deferred():
        index_tmp = write_temporary(index, _index(header, entries, slice_entries))
        replace_all([*renames, (index_tmp, index)], [index_tmp])
    for reader in readers:
        os.remove(index_filename(reader.prefix))
        if delete_old_dirs:
            try:
                os.rmdir(os.path.dirname(reader.prefix) or os.curdir)
            except OSError:
                pass  # not empty (or the working directory): TF leaves it too


def _shifted(entry: BundleEntryProto, first_shard: int) -> BundleEntryProto:
    merged = BundleEntryProto()
    merged.CopyFrom(entry)
    if entry.size or not entry.slices:  # a full entry of slices has no data, so no shard
        merged.shard_id = entry.shard_id + first_shard
    return merged
