"""``Event`` and the records it carries (``event.proto``): one record of an event file."""

from __future__ import annotations

from tfcompat.protobuf.message import EnumType, Field, Message


class LogMessage(Message):
    Level = EnumType(
        "Level",
        [("UNKNOWN", 0), ("DEBUGGING", 10), ("INFO", 20), ("WARN", 30), ("ERROR", 40),
         ("FATAL", 50)],
    )
    level = Field(1, "enum", enum=Level)
    message = Field(2, "string")


class SessionLog(Message):
    """Session lifecycle markers; ``START`` tells TensorBoard to discard steps after a restart."""

    SessionStatus = EnumType(
        "SessionStatus",
        [("STATUS_UNSPECIFIED", 0), ("START", 1), ("STOP", 2), ("CHECKPOINT", 3)],
    )
    status = Field(1, "enum", enum=SessionStatus)
    checkpoint_path = Field(2, "string")
    msg = Field(3, "string")


class TaggedRunMetadata(Message):
    tag = Field(1, "string")
    run_metadata = Field(2, "bytes")


class SourceMetadata(Message):
    writer = Field(1, "string")


class Event(Message):
    """A timestamped, stepped record: a summary, a graph, a log message or a file header."""

    wall_time = Field(1, "double")
    step = Field(2, "int64")
    file_version = Field(3, "string", oneof="what")
    graph_def = Field(4, "bytes", oneof="what")
    summary = Field(5, "Summary", oneof="what")
    log_message = Field(6, "LogMessage", oneof="what")
    session_log = Field(7, "SessionLog", oneof="what")
    tagged_run_metadata = Field(8, "TaggedRunMetadata", oneof="what")
    meta_graph_def = Field(9, "bytes", oneof="what")
    source_metadata = Field(10, "SourceMetadata")
