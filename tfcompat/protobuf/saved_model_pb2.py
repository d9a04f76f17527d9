"""``SavedModel`` (``saved_model.proto``): the ``saved_model.pb`` file."""

from __future__ import annotations

from tfcompat.protobuf import meta_graph_pb2  # noqa: F401 - registers MetaGraphDef
from tfcompat.protobuf.message import Field, Message


class SavedModel(Message):
    """The ``saved_model.pb`` file: a schema version and one MetaGraphDef per tag set."""

    saved_model_schema_version = Field(1, "int64")
    meta_graphs = Field(2, "MetaGraphDef", repeated=True)
