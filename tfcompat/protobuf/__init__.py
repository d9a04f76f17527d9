"""A minimal protobuf runtime and the TensorFlow messages tfcompat reads and writes.

No dependency on the ``protobuf`` package: ``wire`` holds the wire-format primitives,
``message`` the declarative message base, and the ``*_pb2`` modules the messages themselves,
with TensorFlow's field numbers so the bytes interoperate with TensorFlow and TensorBoard.
"""

from tfcompat.protobuf.config_pb2 import RunMetadata
from tfcompat.protobuf.event_pb2 import (
    Event,
    LogMessage,
    SessionLog,
    SourceMetadata,
    TaggedRunMetadata,
)
from tfcompat.protobuf.graph_pb2 import AttrValue, GraphDef, NameAttrList, NodeDef, VersionDef
from tfcompat.protobuf.message import EnumType, Field, MapField, Message
from tfcompat.protobuf.meta_graph_pb2 import (
    CollectionDef,
    MetaGraphDef,
    SaverDef,
    SignatureDef,
    TensorInfo,
)
from tfcompat.protobuf.summary_pb2 import (
    HistogramProto,
    Summary,
    SummaryDescription,
    SummaryMetadata,
)
from tfcompat.protobuf.tensor_pb2 import TensorProto, TensorShapeProto
from tfcompat.protobuf.types_pb2 import DataType
from tfcompat.protobuf.wire import DecodeError

__all__ = [
    "AttrValue",
    "CollectionDef",
    "DataType",
    "DecodeError",
    "EnumType",
    "Event",
    "Field",
    "GraphDef",
    "HistogramProto",
    "LogMessage",
    "MapField",
    "Message",
    "MetaGraphDef",
    "NameAttrList",
    "NodeDef",
    "RunMetadata",
    "SaverDef",
    "SessionLog",
    "SignatureDef",
    "SourceMetadata",
    "Summary",
    "SummaryDescription",
    "SummaryMetadata",
    "TaggedRunMetadata",
    "TensorInfo",
    "TensorProto",
    "TensorShapeProto",
    "VersionDef",
]
