"""Event files on disk: naming, the ``brain.Event:2`` header, and the background writer thread.

``EventsFile`` is one ``events.out.tfevents.<seconds>.<hostname>[suffix]`` file, created when the
first event is written (at once when a suffix is given, as TF). ``EventFileWriter`` puts
``add_event`` calls on a bounded queue that a daemon thread drains, so a training loop never
waits on disk; the thread also flushes every ``flush_secs``. Every queued event reaches the file
on ``flush()``/``close()`` and at interpreter exit.

Where TF would truncate a file whose name collides (two writers opened in the same second in one
directory), tfcompat appends to it instead: no event is lost and every record stays whole.
"""

from __future__ import annotations

import logging
import os
import queue
import socket
import threading
import time
import weakref

from tfcompat.lib.io.tfrecord import encode_record
from tfcompat.protobuf.event_pb2 import Event, SourceMetadata

FILE_VERSION = "brain.Event:2"
SOURCE_WRITER = "tensorflow.core.util.events_writer"

_log = logging.getLogger("tfcompat.summary")


def event_file_name(file_prefix: str, seconds: int, suffix: str = "") -> str:
    """``<prefix>.out.tfevents.<seconds>.<hostname><suffix>``, TF's event file name."""
    return f"{file_prefix}.out.tfevents.{seconds:010d}.{socket.gethostname()}{suffix}"


class EventsFile:
    """Writes serialized events as TFRecords into one event file, opened lazily."""

    def __init__(self, file_prefix: str, filename_suffix: str = "") -> None:
        self._prefix = file_prefix
        self._suffix = filename_suffix
        self._file = None
        self._path: str | None = None

    def init_if_needed(self) -> None:
        """Opens the file (again, if it was deleted) and writes the header event."""
        if self._file is not None:
            if os.path.exists(self._path):
                return
            _log.warning("Event file %s was deleted; opening a new one.", self._path)
            self._file.close()
        seconds = int(time.time())
        self._path = event_file_name(self._prefix, seconds, self._suffix)
        os.makedirs(os.path.dirname(self._path) or ".", exist_ok=True)
        self._file = open(self._path, "ab")  # noqa: SIM115 - closed by close()
        header = Event(wall_time=float(seconds), file_version=FILE_VERSION,
                       source_metadata=SourceMetadata(writer=SOURCE_WRITER))
        self._file.write(encode_record(header.SerializeToString()))
        self._file.flush()

    def write_serialized(self, data: bytes) -> None:
        self.init_if_needed()
        self._file.write(encode_record(data))

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class _Sentinel:
    def __init__(self) -> None:
        self.done = threading.Event()


class _Close(_Sentinel):
    pass


class EventFileWriter:
    """Writes ``Event`` protos to an event file in ``logdir`` from a background thread.

    ``add_event`` blocks only when ``max_queue`` events are already waiting.
    """

    def __init__(self, logdir: str, max_queue: int = 10, flush_secs: float = 120,
                 filename_suffix: str | None = None) -> None:
        self._logdir = str(logdir)
        os.makedirs(self._logdir, exist_ok=True)
        self._max_queue = max_queue
        self._flush_secs = flush_secs
        self._suffix = filename_suffix or ""
        self._closed = True
        self._open()

    def _open(self) -> None:
        self._file = EventsFile(os.path.join(self._logdir, "events"), self._suffix)
        if self._suffix:
            self._file.init_if_needed()
        self._queue: queue.Queue = queue.Queue(max(self._max_queue, 1))
        self._thread = threading.Thread(
            target=_drain, args=(self._queue, self._file, self._flush_secs),
            name="EventLoggerThread", daemon=True,
        )
        self._thread.start()
        self._closed = False
        # Runs on close(), when the writer is garbage collected, or at interpreter exit,
        # whichever comes first, so queued events always reach the file.
        self._finalizer = weakref.finalize(self, _shut_down, self._queue, self._thread, self._file)

    def get_logdir(self) -> str:
        return self._logdir

    @property
    def closed(self) -> bool:
        return self._closed

    def add_event(self, event: Event) -> None:
        """Queues ``event``; ignored once the writer is closed."""
        if not self._closed:
            self._queue.put(event)

    def flush(self) -> None:
        """Returns once every event added so far is in the file."""
        if not self._closed:
            _wait_for(self._queue, _Sentinel())

    def close(self) -> None:
        """Flushes, stops the writer thread and closes the file. ``reopen()`` starts a new file."""
        if not self._closed:
            self._closed = True
            self._finalizer()

    def reopen(self) -> None:
        """Reopens a closed writer; its events go to a new event file."""
        if self._closed:
            self._open()


def _drain(events: queue.Queue, file: EventsFile, flush_secs: float) -> None:
    """The writer thread: write queued events, flush on request and every ``flush_secs``."""
    next_flush = time.monotonic() + flush_secs
    while True:
        timeout = max(next_flush - time.monotonic(), 0.0)
        try:
            item = events.get(timeout=timeout)
        except queue.Empty:
            item = None
        try:
            if isinstance(item, Event):
                file.write_serialized(item.SerializeToString())
            if item is None or isinstance(item, _Sentinel) or time.monotonic() >= next_flush:
                file.flush()
                next_flush = time.monotonic() + flush_secs
        except Exception as exc:  # noqa: BLE001 - a full disk must not kill the thread, or
            # every later flush() would wait forever for it
            _log.error("Failed to write events: %s", exc)
        if isinstance(item, _Sentinel):
            item.done.set()
            if isinstance(item, _Close):
                return


def _wait_for(events: queue.Queue, sentinel: _Sentinel) -> None:
    events.put(sentinel)
    sentinel.done.wait()


def _shut_down(events: queue.Queue, thread: threading.Thread, file: EventsFile) -> None:
    _wait_for(events, _Close())
    thread.join()
    file.close()
