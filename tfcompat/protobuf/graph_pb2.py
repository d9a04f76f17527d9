"""``GraphDef``, ``NodeDef`` and ``AttrValue`` (``graph.proto``, ``node_def.proto``,
``attr_value.proto``, ``versions.proto``)."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, MapField, Message
from tfcompat.protobuf.types_pb2 import DataType


class NameAttrList(Message):
    name = Field(1, "string")
    attr = MapField(2, "string", "AttrValue")


class AttrValue(Message):
    """An op attribute: exactly one of a string, int, float, bool, dtype, shape, tensor, list."""

    class ListValue(Message):
        s = Field(2, "bytes", repeated=True)
        i = Field(3, "int64", repeated=True)
        f = Field(4, "float", repeated=True)
        b = Field(5, "bool", repeated=True)
        type = Field(6, "enum", repeated=True, enum=DataType)
        shape = Field(7, "TensorShapeProto", repeated=True)
        tensor = Field(8, "TensorProto", repeated=True)
        func = Field(9, "NameAttrList", repeated=True)

    list = Field(1, "AttrValue.ListValue", oneof="value")
    s = Field(2, "bytes", oneof="value")
    i = Field(3, "int64", oneof="value")
    f = Field(4, "float", oneof="value")
    b = Field(5, "bool", oneof="value")
    type = Field(6, "enum", oneof="value", enum=DataType)
    shape = Field(7, "TensorShapeProto", oneof="value")
    tensor = Field(8, "TensorProto", oneof="value")
    placeholder = Field(9, "string", oneof="value")
    func = Field(10, "NameAttrList", oneof="value")


class NodeDef(Message):
    """One operation of a graph: name, op type, inputs (``^name`` for control inputs), attrs."""

    name = Field(1, "string")
    op = Field(2, "string")
    input = Field(3, "string", repeated=True)
    device = Field(4, "string")
    attr = MapField(5, "string", "AttrValue")


class VersionDef(Message):
    producer = Field(1, "int32")
    min_consumer = Field(2, "int32")
    bad_consumers = Field(3, "int32", repeated=True)


class GraphDef(Message):
    """A serialized graph, as ``Graph.as_graph_def()`` returns and TensorBoard's graph tab reads."""

    node = Field(1, "NodeDef", repeated=True)
    version = Field(3, "int32")
    versions = Field(4, "VersionDef")
