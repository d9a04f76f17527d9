"""The tensor-bundle index records of a V2 checkpoint (``tensor_bundle.proto``,
``tensor_slice.proto``): one header under the empty key, one entry per saved tensor."""

from __future__ import annotations

from tfcompat.protobuf import tensor_pb2  # noqa: F401 - registers TensorShapeProto
from tfcompat.protobuf.graph_pb2 import VersionDef  # noqa: F401 - registers VersionDef
from tfcompat.protobuf.message import EnumType, Field, Message
from tfcompat.protobuf.types_pb2 import DataType


class BundleHeaderProto(Message):
    """How many data shards a bundle has and the byte order its tensors are stored in."""

    Endianness = EnumType("Endianness", [("LITTLE", 0), ("BIG", 1)])
    num_shards = Field(1, "int32")
    endianness = Field(2, "enum", enum=Endianness)
    version = Field(3, "VersionDef")


class TensorSliceProto(Message):
    """A slice of a partitioned tensor: per dimension a start and a length (or all of it)."""

    class Extent(Message):
        start = Field(1, "int64")
        length = Field(2, "int64", oneof="has_length_hack")

    extent = Field(1, "TensorSliceProto.Extent", repeated=True)


class BundleEntryProto(Message):
    """Where one tensor lives: dtype, shape, shard, byte offset and size, masked CRC-32C."""

    dtype = Field(1, "enum", enum=DataType)
    shape = Field(2, "TensorShapeProto")
    shard_id = Field(3, "int32")
    offset = Field(4, "int64")
    size = Field(5, "int64")
    crc32c = Field(6, "fixed32")
    slices = Field(7, "TensorSliceProto", repeated=True)
