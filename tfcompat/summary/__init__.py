"""``tf.summary``: summary ops, ``FileWriter`` and the summary protos (TF1 API).

Summary ops output serialized ``Summary`` protos byte for byte as TensorFlow's do; the
``FileWriter`` writes them to TensorBoard event files (TFRecord framing, masked CRC-32C) from a
background thread. ``python -m tfcompat.summary LOGDIR`` prints a digest of an event directory.
"""

from __future__ import annotations

import json

from tfcompat.protobuf.event_pb2 import Event, SessionLog, TaggedRunMetadata
from tfcompat.protobuf.summary_pb2 import Summary, SummaryDescription
from tfcompat.summary.summary_iterator import summary_iterator
from tfcompat.summary.summary_ops import (
    audio,
    histogram,
    image,
    merge,
    merge_all,
    scalar,
    tensor_summary,
    text,
)
from tfcompat.summary.writer import FileWriter, FileWriterCache


def get_summary_description(node_def) -> SummaryDescription:
    """The ``SummaryDescription`` stored (as JSON) on a ``TensorSummary`` node."""
    if node_def.op != "TensorSummary":
        raise ValueError(f"Can't get_summary_description on {node_def.op}")
    description = node_def.attr["description"].s
    fields = json.loads(description.decode() if isinstance(description, bytes) else description)
    return SummaryDescription(type_hint=fields.get("typeHint", fields.get("type_hint", "")))


__all__ = [
    "Event", "FileWriter", "FileWriterCache", "SessionLog", "Summary", "SummaryDescription",
    "TaggedRunMetadata", "audio", "get_summary_description", "histogram", "image", "merge",
    "merge_all", "scalar", "summary_iterator", "tensor_summary", "text",
]

# ---- training
# isort: split
from tfcompat.summary.v2_compat import all_v2_summary_ops, initialize  # noqa: E402

__all__ += ["all_v2_summary_ops", "initialize"]
