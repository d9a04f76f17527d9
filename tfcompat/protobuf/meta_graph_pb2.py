"""``MetaGraphDef`` and its parts (``meta_graph.proto``, ``saver.proto``)."""

from __future__ import annotations

from tfcompat.protobuf import any_pb2  # noqa: F401 - registers Any (CollectionDef.AnyList)
from tfcompat.protobuf.message import EnumType, Field, MapField, Message
from tfcompat.protobuf.types_pb2 import DataType


class SaverDef(Message):
    CheckpointFormatVersion = EnumType(
        "CheckpointFormatVersion", [("LEGACY", 0), ("V1", 1), ("V2", 2)]
    )
    filename_tensor_name = Field(1, "string")
    save_tensor_name = Field(2, "string")
    restore_op_name = Field(3, "string")
    max_to_keep = Field(4, "int32")
    sharded = Field(5, "bool")
    keep_checkpoint_every_n_hours = Field(6, "float")
    version = Field(7, "enum", enum=CheckpointFormatVersion)


class CollectionDef(Message):
    """A graph collection: node names, bytes (serialized protos), ints or floats."""

    class NodeList(Message):
        value = Field(1, "string", repeated=True)

    class BytesList(Message):
        value = Field(1, "bytes", repeated=True)

    class Int64List(Message):
        value = Field(1, "int64", repeated=True)

    class FloatList(Message):
        value = Field(1, "float", repeated=True)

    node_list = Field(1, "CollectionDef.NodeList", oneof="kind")
    bytes_list = Field(2, "CollectionDef.BytesList", oneof="kind")
    int64_list = Field(3, "CollectionDef.Int64List", oneof="kind")
    class AnyList(Message):
        value = Field(1, "Any", repeated=True)

    float_list = Field(4, "CollectionDef.FloatList", oneof="kind")
    any_list = Field(5, "CollectionDef.AnyList", oneof="kind")


class TensorInfo(Message):
    class CooSparse(Message):
        """The three dense tensors of a SparseTensor (``coo_sparse`` encoding)."""

        values_tensor_name = Field(1, "string")
        indices_tensor_name = Field(2, "string")
        dense_shape_tensor_name = Field(3, "string")

    name = Field(1, "string", oneof="encoding")
    coo_sparse = Field(4, "TensorInfo.CooSparse", oneof="encoding")
    dtype = Field(2, "enum", enum=DataType)
    tensor_shape = Field(3, "TensorShapeProto")


class SignatureDef(Message):
    inputs = MapField(1, "string", "TensorInfo")
    outputs = MapField(2, "string", "TensorInfo")
    method_name = Field(3, "string")


class AssetFileDef(Message):
    tensor_info = Field(1, "TensorInfo")
    filename = Field(2, "string")


class MetaGraphDef(Message):
    """A graph plus what is needed to reuse it: saver, collections, signatures."""

    class MetaInfoDef(Message):
        meta_graph_version = Field(1, "string")
        tags = Field(4, "string", repeated=True)
        tensorflow_version = Field(5, "string")
        tensorflow_git_version = Field(6, "string")
        stripped_default_attrs = Field(7, "bool")
        function_aliases = MapField(8, "string", "string")

    meta_info_def = Field(1, "MetaGraphDef.MetaInfoDef")
    graph_def = Field(2, "GraphDef")
    saver_def = Field(3, "SaverDef")
    collection_def = MapField(4, "string", "CollectionDef")
    signature_def = MapField(5, "string", "SignatureDef")
    asset_file_def = Field(6, "AssetFileDef", repeated=True)
