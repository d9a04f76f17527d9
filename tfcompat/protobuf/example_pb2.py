"""``tf.train.Example`` and friends (``feature.proto``, ``example.proto``).

A Feature holds one list (bytes, float or int64); Features maps names to Features; an Example
is one Features; a SequenceExample adds FeatureLists (named sequences of Features).
"""

from __future__ import annotations

from tfcompat.protobuf.message import Field, MapField, Message


class BytesList(Message):
    value = Field(1, "bytes", repeated=True)


class FloatList(Message):
    value = Field(1, "float", repeated=True)


class Int64List(Message):
    value = Field(1, "int64", repeated=True)


class Feature(Message):
    bytes_list = Field(1, "BytesList", oneof="kind")
    float_list = Field(2, "FloatList", oneof="kind")
    int64_list = Field(3, "Int64List", oneof="kind")


class Features(Message):
    feature = MapField(1, "string", "Feature")


class FeatureList(Message):
    feature = Field(1, "Feature", repeated=True)


class FeatureLists(Message):
    feature_list = MapField(1, "string", "FeatureList")


class Example(Message):
    features = Field(1, "Features")


class SequenceExample(Message):
    context = Field(1, "Features")
    feature_lists = Field(2, "FeatureLists")
