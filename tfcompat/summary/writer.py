"""``tf.summary.FileWriter`` and ``tf.summary.FileWriterCache``."""

from __future__ import annotations

import threading
import time
import warnings
from typing import Any

from tfcompat.framework import graph_export, ops
from tfcompat.protobuf.config_pb2 import RunMetadata
from tfcompat.protobuf.event_pb2 import Event, SessionLog, TaggedRunMetadata
from tfcompat.protobuf.graph_pb2 import GraphDef
from tfcompat.protobuf.meta_graph_pb2 import MetaGraphDef
from tfcompat.protobuf.summary_pb2 import Summary
from tfcompat.summary.event_file_writer import EventFileWriter

_CLOSED_WARNING = (
    "Attempting to use a closed FileWriter. The operation will be a noop unless the FileWriter "
    "is explicitly reopened."
)


class FileWriter:
    """Writes ``Summary`` protocol buffers and graphs to event files in ``logdir``.

    Events are queued and written by a background thread, so ``add_summary`` returns at once;
    ``flush()`` and ``close()`` (and interpreter exit) put everything queued on disk. With
    ``graph``, the graph (``graph_def`` event) and a ``MetaGraphDef`` are written first, which
    TensorBoard's graph tab shows. ``session`` is accepted for compatibility; events are written
    by the same writer.
    """

    def __init__(self, logdir: str, graph: Any = None, max_queue: int = 10,
                 flush_secs: float = 120, graph_def: GraphDef | None = None,
                 filename_suffix: str | None = None, session: Any = None) -> None:
        self.event_writer = EventFileWriter(logdir, max_queue, flush_secs, filename_suffix)
        self._closed = False
        self._seen_summary_tags: set[str] = set()
        self._session_run_tags: set[str] = set()
        if graph is not None or graph_def is not None:
            self.add_graph(graph=graph, graph_def=graph_def)
            # As TF: a meta graph of the given graph def, with the default graph's collections.
            graph_as_def = (graph_export.graph_def_of(graph, add_shapes=True)
                            if isinstance(graph, ops.Graph) else graph)
            self.add_meta_graph(graph_export.create_meta_graph_def(
                ops.get_default_graph(), graph_def or graph_as_def))

    # -- adding events -------------------------------------------------------------------
    def add_summary(self, summary: Summary | bytes, global_step: int | None = None) -> None:
        """Adds a ``Summary`` (or its serialized bytes, as a summary op returns) at a step.

        Plugin metadata is kept only on the first value written with each tag, as TF does.
        """
        parsed = Summary.FromString(summary) if isinstance(summary, bytes) else Summary()
        if not isinstance(summary, bytes):
            parsed.CopyFrom(summary)
        for value in parsed.value:
            if value.tag in self._seen_summary_tags:
                value.ClearField("metadata")
            else:
                self._seen_summary_tags.add(value.tag)
        self._add_event(Event(summary=parsed), global_step)

    def add_session_log(self, session_log: SessionLog, global_step: int | None = None) -> None:
        """Adds a ``SessionLog`` (``START`` makes TensorBoard discard later steps of a restart)."""
        self._add_event(Event(session_log=session_log), global_step)

    def add_graph(self, graph: Any, global_step: int | None = None,
                  graph_def: GraphDef | None = None) -> None:
        """Adds a ``Graph`` (or a ``GraphDef``) for TensorBoard's graph tab."""
        if graph is not None and graph_def is not None:
            raise ValueError("Please pass only graph, or graph_def (deprecated), but not both.")
        if isinstance(graph_def, ops.Graph):  # a Graph passed under the old keyword
            graph, graph_def = graph_def, None
        if isinstance(graph, ops.Graph):
            true_graph_def = graph_export.graph_def_of(graph, add_shapes=True)
        elif isinstance(graph, GraphDef) or isinstance(graph_def, GraphDef):
            true_graph_def = graph if isinstance(graph, GraphDef) else graph_def
        else:
            raise TypeError(
                "The passed graph must be an instance of `Graph` or the deprecated `GraphDef`"
            )
        self._add_event(Event(graph_def=true_graph_def.SerializeToString()), global_step)

    def add_meta_graph(self, meta_graph_def: MetaGraphDef,
                       global_step: int | None = None) -> None:
        """Adds a ``MetaGraphDef``."""
        if not isinstance(meta_graph_def, MetaGraphDef):
            raise TypeError(
                f"meta_graph_def must be type MetaGraphDef, saw type: {type(meta_graph_def)}"
            )
        self._add_event(Event(meta_graph_def=meta_graph_def.SerializeToString()), global_step)

    def add_run_metadata(self, run_metadata: RunMetadata, tag: str,
                         global_step: int | None = None) -> None:
        """Adds the ``RunMetadata`` of one ``Session.run`` under a tag used only once."""
        if tag in self._session_run_tags:
            raise ValueError("The provided tag was already used for this event type")
        self._session_run_tags.add(tag)
        tagged = TaggedRunMetadata(tag=tag, run_metadata=run_metadata.SerializeToString())
        self._add_event(Event(tagged_run_metadata=tagged), global_step)

    def _add_event(self, event: Event, step: int | None) -> None:
        event.wall_time = time.time()
        if step is not None:
            event.step = int(step)
        self.add_event(event)

    def add_event(self, event: Event) -> None:
        """Adds an ``Event`` as given (no wall time or step filled in)."""
        if self._closed:
            warnings.warn(_CLOSED_WARNING, stacklevel=3)
        self.event_writer.add_event(event)

    # -- lifecycle -----------------------------------------------------------------------
    def get_logdir(self) -> str:
        """The directory the event files are written to."""
        return self.event_writer.get_logdir()

    def flush(self) -> None:
        """Writes every event added so far to disk."""
        self.event_writer.flush()

    def close(self) -> None:
        """Flushes and closes the event file; later events are ignored until ``reopen()``."""
        self.event_writer.close()
        self._closed = True

    def reopen(self) -> None:
        """Reopens a closed writer; events go to a new event file."""
        self.event_writer.reopen()
        self._closed = False

    def __enter__(self) -> FileWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class FileWriterCache:
    """One shared ``FileWriter`` per log directory (``tf.summary.FileWriterCache``)."""

    _cache: dict[str, FileWriter] = {}
    _lock = threading.RLock()

    @staticmethod
    def clear() -> None:
        """Closes and forgets every cached writer."""
        with FileWriterCache._lock:
            for writer in FileWriterCache._cache.values():
                writer.close()
            FileWriterCache._cache = {}

    @staticmethod
    def get(logdir: str) -> FileWriter:
        """The writer for ``logdir``, created (with the default graph) on first use."""
        with FileWriterCache._lock:
            writer = FileWriterCache._cache.get(logdir)
            if writer is None:
                writer = FileWriter(logdir, graph=ops.get_default_graph())
                FileWriterCache._cache[logdir] = writer
            return writer
