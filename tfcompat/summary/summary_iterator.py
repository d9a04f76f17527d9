"""``tf.train.summary_iterator``: the events of an event file, in order."""

from __future__ import annotations

from collections.abc import Iterator

from tfcompat.lib.io.tfrecord import tf_record_iterator
from tfcompat.protobuf.event_pb2 import Event


def summary_iterator(path: str) -> Iterator[Event]:
    """Yields each ``Event`` of the event file at ``path``.

    A corrupted or cut-short record raises ``DataLossError``; a cut-short record header (a
    writer caught mid-write) ends the iteration.
    """
    for record in tf_record_iterator(path):
        yield Event.FromString(record)
