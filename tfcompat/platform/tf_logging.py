"""``tf.logging``: TensorFlow 1's logging functions over Python's ``logging`` ("tensorflow" logger).

Output is TF's: ``INFO:tensorflow:message`` on stderr from the logger's own handler, attached only
when the root logger had no handlers yet (so a program that configured logging first keeps its
format). Verbosity is the logger's effective level, so the default is WARN until ``tf.app.run``
(which sets the root logger to INFO, as absl does) or ``set_verbosity``.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from types import FrameType

from tfcompat.platform.log_handlers import StandardStreamHandler
from tfcompat.platform.unsupported import make_getattr

__all__ = [
    "DEBUG", "ERROR", "FATAL", "INFO", "WARN", "TaskLevelStatusMessage", "debug", "error",
    "fatal", "flush", "get_verbosity", "info", "log", "log_every_n", "log_first_n", "log_if",
    "set_verbosity", "vlog", "warn", "warning",
]

DEBUG = logging.DEBUG
INFO = logging.INFO
WARN = logging.WARN
ERROR = logging.ERROR
FATAL = logging.FATAL

_LOGGER_NAME = "tensorflow"
# Frames from these files are logging plumbing, not the caller a record should name.
_PLUMBING_FILES = frozenset(
    os.path.normcase(path) for path in (__file__, logging.__file__)
)


def _find_caller(stack_info: bool = False, stacklevel: int = 1):
    """``Logger.findCaller`` that skips this module's frames as well as ``logging``'s own."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and os.path.normcase(frame.f_code.co_filename) in _PLUMBING_FILES:
        frame = frame.f_back
    if frame is None:
        return "(unknown file)", 0, "(unknown function)", None
    sinfo = None
    if stack_info:
        sinfo = "Stack (most recent call last):\n" + "".join(traceback.format_stack(frame))
        sinfo = sinfo.rstrip("\n")
    return frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name, sinfo


def _is_interactive() -> bool:
    return hasattr(sys, "ps1") or bool(sys.flags.interactive)


def _create_logger() -> logging.Logger:
    logger = logging.getLogger(_LOGGER_NAME)
    logger.findCaller = _find_caller
    if not logging.getLogger().handlers:
        # As TF: interactive sessions (Jupyter, python -i) log INFO and above to stdout.
        if _is_interactive():
            logger.setLevel(INFO)
            handler = StandardStreamHandler("stdout")
        else:
            handler = StandardStreamHandler("stderr")
        handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT, None))
        logger.addHandler(handler)
    return logger


# TF creates its logger while `import tensorflow` runs, so its handler is decided then too.
_logger = _create_logger()


def get_logger() -> logging.Logger:
    """Returns the ``tensorflow`` Python logger that ``tf.logging`` writes to."""
    return _logger


def log(level: int, msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at ``level``."""
    _logger.log(level, msg, *args, **kwargs)


def debug(msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at level DEBUG."""
    _logger.debug(msg, *args, **kwargs)


def info(msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at level INFO."""
    _logger.info(msg, *args, **kwargs)


def warning(msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at level WARN."""
    _logger.warning(msg, *args, **kwargs)


def warn(msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at level WARN (same as ``warning``)."""
    _logger.warning(msg, *args, **kwargs)


def error(msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at level ERROR."""
    _logger.error(msg, *args, **kwargs)


def fatal(msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at level FATAL. Like TF, it does not exit the program."""
    _logger.fatal(msg, *args, **kwargs)


def vlog(level: int, msg, *args, **kwargs) -> None:
    """Logs ``msg % args`` at the numeric Python logging ``level``."""
    _logger.log(level, msg, *args, **kwargs)


def log_if(level: int, msg, condition, *args) -> None:
    """Logs ``msg % args`` at ``level`` only if ``condition`` is true."""
    if condition:
        vlog(level, msg, *args)


_counts_lock = threading.Lock()
_counts: dict[tuple[str, int], int] = {}


def _counter_token() -> tuple[str, int]:
    """The key that ``log_every_n``/``log_first_n`` count under.

    Matches TF, which keys the counter on the first frame *outside the calling file*: every call
    site in a script (run directly, or through ``python -m tfcompat``) shares one counter.
    """
    caller = sys._getframe(3)  # 0 this, 1 _next_count, 2 log_every_n/log_first_n, 3 the caller
    caller_file = caller.f_code.co_filename
    frame = caller.f_back
    while frame is not None:
        if frame.f_code.co_filename != caller_file:
            return frame.f_code.co_filename, frame.f_lineno
        frame = frame.f_back
    return "<unknown>", 0


def _next_count() -> int:
    token = _counter_token()
    with _counts_lock:
        count = _counts.get(token, 0)
        _counts[token] = count + 1
    return count


def log_every_n(level: int, msg, n: int, *args) -> None:
    """Logs ``msg % args`` at ``level`` on the 1st call and every ``n``-th call after it."""
    count = _next_count()
    log_if(level, msg, not count % n, *args)


def log_first_n(level: int, msg, n: int, *args) -> None:
    """Logs ``msg % args`` at ``level`` only on the first ``n`` calls."""
    count = _next_count()
    log_if(level, msg, count < n, *args)


def TaskLevelStatusMessage(msg) -> None:  # noqa: N802 - TF's name
    """Logs a task-level status message (at level ERROR, as TF does)."""
    error(msg)


def flush() -> None:
    """Not implemented, as in TF: raises NotImplementedError."""
    raise NotImplementedError()


def get_verbosity() -> int:
    """Returns how much logging output is produced: the logger's effective level."""
    return _logger.getEffectiveLevel()


def set_verbosity(v: int) -> None:
    """Sets the threshold for what messages are logged (DEBUG, INFO, WARN, ERROR or FATAL)."""
    _logger.setLevel(v)


__getattr__ = make_getattr("tf.logging", __name__)
