"""Files replaced atomically, singly or as a group (a checkpoint's data + index pair).

A file is written under a temporary name in its directory and renamed into place, so a reader
sees the old file or the new one, never a partial one. A group of files is written to
temporaries first, then renamed back to back. SIGINT is held while files are written and
switched (KeyboardInterrupt arrives once they are), as TF's C++ save cannot be interrupted
either: an interrupted save never leaves new data beside an old index, nor temporaries.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence

from tfcompat.framework import errors


def file_error(error: OSError, path: str) -> errors.OpError:
    """An OSError as the TensorFlow error its file system reports (``<path>; <reason>``)."""
    if isinstance(error, FileNotFoundError):
        return errors.NotFoundError(None, None, f"{path}; No such file or directory")
    if isinstance(error, PermissionError):
        return errors.PermissionDeniedError(None, None, f"{path}; Permission denied")
    return errors.UnknownError(None, None, f"{path}; {error.strerror or error}")


def write_temporary(path: str, data: bytes) -> str:
    """Writes ``data`` to a new temporary file beside ``path``; returns its name.

    Nothing is left behind when writing fails or is interrupted; OSErrors as TF errors.
    """
    directory = os.path.dirname(path) or os.curdir
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=os.path.basename(path) + ".tempstate")
    except OSError as e:
        raise file_error(e, path) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    except BaseException as e:
        _discard(tmp)
        if isinstance(e, OSError):
            raise file_error(e, path) from None
        raise
    return tmp


def replace_all(renames: Sequence[tuple[str, str]], temporaries: Sequence[str] = ()) -> None:
    """Renames each (source, target) pair into place, as one step for KeyboardInterrupt.

    When a rename fails, the ``temporaries`` still present are removed and the error raised.
    """
    with sigint_deferred():
        for source, target in renames:
            try:
                os.replace(source, target)
            except OSError as e:
                for tmp in temporaries:
                    _discard(tmp)
                raise file_error(e, target) from None


def write_atomically(path: str, data: bytes) -> None:
    """Writes ``path`` through a temporary file renamed into place; OSErrors as TF errors."""
    write_group([(path, data)])


def write_group(files: Sequence[tuple[str, bytes]]) -> None:
    """Writes several files so that they change together: all temporaries first, then the
    renames back to back (see ``replace_all``). An error or interrupt while writing the
    temporaries leaves every file as it was."""
    with sigint_deferred():
        written: list[tuple[str, str]] = []
        try:
            for path, data in files:
                written.append((write_temporary(path, data), path))
        except BaseException:
            for tmp, _ in written:
                _discard(tmp)
            raise
        replace_all(written, [tmp for tmp, _ in written])


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


_deferring = threading.local()


@contextlib.contextmanager
def sigint_deferred() -> Iterator[None]:
    """Holds SIGINT (KeyboardInterrupt) until the block ends; other threads cannot install
    signal handlers, and there the block runs as is. Nests."""
    if (threading.current_thread() is not threading.main_thread()
            or getattr(_deferring, "active", False)):
        yield
        return
    received: list[tuple[int, object]] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(
            (signum, frame)))
    except ValueError:  # not the main interpreter
        yield
        return
    _deferring.active = True
    try:
        yield
    finally:
        _deferring.active = False
        signal.signal(signal.SIGINT, previous)
        if received and callable(previous):
            previous(*received[0])
