"""Log handlers: a stream handler that follows ``sys.stderr``, and absl's line format.

``tf.app.run`` puts absl's handler on the root logger, as absl's ``app.run`` does in TF, so inside
``main`` every record also prints as ``I1127 01:25:10.146815 139727732669312 train.py:16] msg``.
"""

from __future__ import annotations

import logging
import sys
import time


class StandardStreamHandler(logging.StreamHandler):
    """A StreamHandler writing to whatever ``sys.<stream_name>`` is when a record is emitted.

    TF binds the stream once; resolving it per record prints the same in a plain run and also
    follows redirections (``contextlib.redirect_stderr``, test capture).
    """

    def __init__(self, stream_name: str = "stderr"):
        super().__init__()
        self._stream_name = stream_name

    @property
    def stream(self):
        return getattr(sys, self._stream_name)

    @stream.setter
    def stream(self, value) -> None:
        # StreamHandler.__init__ assigns a stream; the property resolves it anew every time.
        pass


def _severity(levelno: int) -> str:
    if levelno < logging.WARNING:
        return "I"
    if levelno < logging.ERROR:
        return "W"
    return "E"


class AbslFormatter(logging.Formatter):
    """absl's format: severity letter, date, time, thread id, file:line, then the message.

    Records at CRITICAL that did not come from absl itself print as errors prefixed
    ``CRITICAL - ``, as absl shows ``tf.logging.fatal``.
    """

    def __init__(self):
        super().__init__("%(message)s")

    def format(self, record: logging.LogRecord) -> str:
        created = time.localtime(record.created)
        micros = int(record.created % 1.0 * 1e6)
        critical = "CRITICAL - " if record.levelno >= logging.CRITICAL else ""
        prefix = (f"{_severity(record.levelno)}{created.tm_mon:02d}{created.tm_mday:02d} "
                  f"{created.tm_hour:02d}:{created.tm_min:02d}:{created.tm_sec:02d}.{micros:06d} "
                  f"{record.thread or 0:5d} {record.filename}:{record.lineno}] ")
        return prefix + critical + super().format(record)


_absl_handler = StandardStreamHandler("stderr")
_absl_handler.setFormatter(AbslFormatter())


def use_absl_handler() -> None:
    """Adds absl's handler to the root logger and logs INFO and above, as absl's app.run does."""
    root = logging.getLogger()
    if _absl_handler not in root.handlers:
        root.addHandler(_absl_handler)
    root.setLevel(logging.INFO)
