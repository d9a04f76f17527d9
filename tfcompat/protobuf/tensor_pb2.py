"""``TensorProto`` and ``TensorShapeProto`` (``tensor.proto``, ``tensor_shape.proto``)."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, Message
from tfcompat.protobuf.types_pb2 import DataType


class TensorShapeProto(Message):
    """A tensor shape: ``dim`` sizes (-1 for unknown) or ``unknown_rank``."""

    class Dim(Message):
        size = Field(1, "int64")
        name = Field(2, "string")

    dim = Field(2, "TensorShapeProto.Dim", repeated=True)
    unknown_rank = Field(3, "bool")


class ResourceHandleProto(Message):
    """A handle to a resource (only carried through; tfcompat never creates one)."""

    device = Field(1, "string")
    container = Field(2, "string")
    name = Field(3, "string")
    hash_code = Field(4, "uint64")
    maybe_type_name = Field(5, "string")


class TensorProto(Message):
    """A tensor value: dtype, shape, and either ``tensor_content`` or one typed ``*_val`` list."""

    dtype = Field(1, "enum", enum=DataType)
    tensor_shape = Field(2, "TensorShapeProto")
    version_number = Field(3, "int32")
    tensor_content = Field(4, "bytes")
    float_val = Field(5, "float", repeated=True)
    double_val = Field(6, "double", repeated=True)
    int_val = Field(7, "int32", repeated=True)
    string_val = Field(8, "bytes", repeated=True)
    scomplex_val = Field(9, "float", repeated=True)
    int64_val = Field(10, "int64", repeated=True)
    bool_val = Field(11, "bool", repeated=True)
    dcomplex_val = Field(12, "double", repeated=True)
    half_val = Field(13, "int32", repeated=True)
    resource_handle_val = Field(14, "ResourceHandleProto", repeated=True)
    uint32_val = Field(16, "uint32", repeated=True)
    uint64_val = Field(17, "uint64", repeated=True)
    float8_val = Field(18, "bytes")


class VariantTensorDataProto(Message):
    """One element of a variant tensor as stored: its type's name, metadata bytes, tensors."""

    type_name = Field(1, "string")
    metadata = Field(2, "bytes")
    tensors = Field(3, "TensorProto", repeated=True)
