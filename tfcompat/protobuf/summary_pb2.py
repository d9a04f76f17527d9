"""``Summary``, ``HistogramProto``, ``SummaryMetadata`` (``summary.proto``, ``histogram.proto``)."""

from __future__ import annotations

from tfcompat.protobuf.message import EnumType, Field, Message

DataClass = EnumType(
    "DataClass",
    [("DATA_CLASS_UNKNOWN", 0), ("DATA_CLASS_SCALAR", 1), ("DATA_CLASS_TENSOR", 2),
     ("DATA_CLASS_BLOB_SEQUENCE", 3)],
)
globals().update(DataClass.items())


class HistogramProto(Message):
    """A histogram: statistics plus parallel ``bucket_limit``/``bucket`` lists (all doubles).

    Bucket ``i`` counts values in ``[bucket_limit[i-1], bucket_limit[i])``.
    """

    min = Field(1, "double")
    max = Field(2, "double")
    num = Field(3, "double")
    sum = Field(4, "double")
    sum_squares = Field(5, "double")
    bucket_limit = Field(6, "double", repeated=True)
    bucket = Field(7, "double", repeated=True)


class SummaryDescription(Message):
    type_hint = Field(1, "string")


class SummaryMetadata(Message):
    """Which TensorBoard plugin owns a summary value, and how to show it."""

    class PluginData(Message):
        plugin_name = Field(1, "string")
        content = Field(2, "bytes")

    plugin_data = Field(1, "SummaryMetadata.PluginData")
    display_name = Field(2, "string")
    summary_description = Field(3, "string")
    data_class = Field(4, "enum", enum=DataClass)


class Summary(Message):
    """A list of tagged values written to an event file: scalars, histograms, images, audio,
    tensors."""

    class Image(Message):
        height = Field(1, "int32")
        width = Field(2, "int32")
        colorspace = Field(3, "int32")
        encoded_image_string = Field(4, "bytes")

    class Audio(Message):
        sample_rate = Field(1, "float")
        num_channels = Field(2, "int64")
        length_frames = Field(3, "int64")
        encoded_audio_string = Field(4, "bytes")
        content_type = Field(5, "string")

    class Value(Message):
        node_name = Field(7, "string")
        tag = Field(1, "string")
        metadata = Field(9, "SummaryMetadata")
        simple_value = Field(2, "float", oneof="value")
        obsolete_old_style_histogram = Field(3, "bytes", oneof="value")
        image = Field(4, "Summary.Image", oneof="value")
        histo = Field(5, "HistogramProto", oneof="value")
        audio = Field(6, "Summary.Audio", oneof="value")
        tensor = Field(8, "TensorProto", oneof="value")

    value = Field(1, "Summary.Value", repeated=True)
