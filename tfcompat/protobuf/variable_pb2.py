"""``VariableDef`` (``variable.proto``): how a MetaGraphDef's variable collections name a
variable's ops, so an importer can rebuild the Variable objects."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, Message


class SaveSliceInfoDef(Message):
    full_name = Field(1, "string")
    full_shape = Field(2, "int64", repeated=True)
    var_offset = Field(3, "int64", repeated=True)
    var_shape = Field(4, "int64", repeated=True)


class VariableDef(Message):
    variable_name = Field(1, "string")
    initializer_name = Field(2, "string")
    snapshot_name = Field(3, "string")
    save_slice_info_def = Field(4, "SaveSliceInfoDef")
    is_resource = Field(5, "bool")
    initial_value_name = Field(6, "string")
    trainable = Field(7, "bool")
    synchronization = Field(8, "enum")
    aggregation = Field(9, "enum")
