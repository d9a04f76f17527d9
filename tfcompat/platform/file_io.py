"""TensorFlow's file API over the local filesystem, with TF's errors (TF's ``file_io``).

Served to users as ``tf.gfile`` (CamelCase names, ``tfcompat.platform.gfile``) and ``tf.io.gfile``
(lower-case names, ``tfcompat.platform.io_gfile``). Paths may be str, bytes or os.PathLike, and may
carry the ``file://`` scheme; any other scheme (``gs://``, ``s3://``...) raises UnimplementedError,
as TF does when no filesystem is registered for it. OS failures become ``tf.errors`` exceptions
worded ``"<path>; <strerror>"``, as TF's are.
"""

from __future__ import annotations

import contextlib
import errno
import os
import posixpath
import re
import shutil
from collections.abc import Callable, Iterator
from typing import Any

from tfcompat.framework import errors

_SCHEME = re.compile(r"^([a-zA-Z][0-9a-zA-Z.]*)://")

# errno -> TF error class, following how TF maps POSIX errors onto its status codes.
_ERRNO_TO_ERROR = {
    errno.ENOENT: errors.NotFoundError,
    errno.ENODEV: errors.NotFoundError,
    errno.ENXIO: errors.NotFoundError,
    errno.EEXIST: errors.AlreadyExistsError,
    errno.EPERM: errors.PermissionDeniedError,
    errno.EACCES: errors.PermissionDeniedError,
    errno.EROFS: errors.PermissionDeniedError,
    errno.EISDIR: errors.FailedPreconditionError,
    errno.ENOTDIR: errors.FailedPreconditionError,
    errno.ENOTEMPTY: errors.FailedPreconditionError,
    errno.EBUSY: errors.FailedPreconditionError,
    errno.ETXTBSY: errors.FailedPreconditionError,
    errno.EINVAL: errors.InvalidArgumentError,
    errno.ENAMETOOLONG: errors.InvalidArgumentError,
    errno.ENOSPC: errors.ResourceExhaustedError,
    errno.EMFILE: errors.ResourceExhaustedError,
    errno.ENFILE: errors.ResourceExhaustedError,
    errno.ENOMEM: errors.ResourceExhaustedError,
    errno.EFBIG: errors.OutOfRangeError,
    errno.EXDEV: errors.UnimplementedError,
    errno.ENOSYS: errors.UnimplementedError,
    errno.EAGAIN: errors.UnavailableError,
    errno.EINTR: errors.UnavailableError,
}


def _as_str(path: Any) -> str:
    return os.fsdecode(os.fspath(path))


def _local(path: Any) -> str:
    """The local filesystem path for a TF path; rejects schemes other than ``file://``."""
    path = _as_str(path)
    match = _SCHEME.match(path)
    if match is None:
        return path
    if match.group(1) != "file":
        raise errors.UnimplementedError(
            None, None,
            f"File system scheme '{match.group(1)}' not implemented (file: '{path}')")
    return path[match.end():]


@contextlib.contextmanager
def _tf_errors(path: str) -> Iterator[None]:
    """Re-raises OSError as the TF error for its errno, worded ``"<path>; <strerror>"``."""
    try:
        yield
    except OSError as e:
        if e.errno is None:
            raise errors.UnknownError(None, None, str(e)) from e
        cls = _ERRNO_TO_ERROR.get(e.errno, errors.UnknownError)
        raise cls(None, None, f"{e.filename or path}; {os.strerror(e.errno)}") from e


class FileStatistics:
    """What ``Stat`` returns: size in bytes, modification time in ns, and whether a directory."""

    def __init__(self, length: int, mtime_nsec: int, is_directory: bool):
        self.length = length
        self.mtime_nsec = mtime_nsec
        self.is_directory = is_directory


class GFile:
    """File I/O wrappers without thread locking (TF's ``tf.gfile.GFile``).

    Modes are ``r``, ``w``, ``a``, ``r+``, ``w+``, ``a+``, each optionally with ``b``; text modes
    read ``str`` (UTF-8, no newline translation) and binary modes read ``bytes``. As in TF the file
    is opened lazily, and reading and writing use separate handles: a write opens the file for
    writing (truncating unless the mode contains ``a``), a read opens it for reading.
    """

    def __init__(self, name: Any, mode: str = "r"):
        self._name = _as_str(name)
        self._mode = mode
        self._binary = "b" in mode
        plain_mode = mode.replace("b", "")
        if plain_mode not in ("r", "w", "a", "r+", "w+", "a+"):
            raise errors.InvalidArgumentError(
                None, None, "mode is not 'r' or 'w' or 'a' or 'r+' or 'w+' or 'a+'")
        self._readable = plain_mode in ("r", "r+", "w+", "a+")
        self._writable = plain_mode != "r"
        self._append = "a" in plain_mode
        self._reader = None
        self._writer = None

    @property
    def name(self) -> str:
        """Returns the file name."""
        return self._name

    @property
    def mode(self) -> str:
        """Returns the mode in which the file was opened."""
        return self._mode

    def _read_handle(self):
        if not self._readable:
            raise errors.PermissionDeniedError(None, None, "File isn't open for reading")
        if self._reader is None:
            path = _local(self._name)
            with _tf_errors(path):
                self._reader = open(path, "rb")
        return self._reader

    def _write_handle(self):
        if not self._writable:
            raise errors.PermissionDeniedError(None, None, "File isn't open for writing")
        if self._writer is None:
            path = _local(self._name)
            with _tf_errors(path):
                self._writer = open(path, "ab" if self._append else "wb")
        return self._writer

    def _decoded(self, data: bytes):
        return data if self._binary else data.decode("utf-8")

    def size(self) -> int:
        """Returns the size of the file in bytes."""
        return stat(self._name).length

    def write(self, file_content) -> None:
        """Writes ``file_content`` (str, encoded as UTF-8, or bytes) to the end of the file."""
        if isinstance(file_content, str):
            file_content = file_content.encode("utf-8")
        elif not isinstance(file_content, (bytes, bytearray)):
            raise TypeError(f"Expected binary or unicode string, got {file_content!r}")
        handle = self._write_handle()
        with _tf_errors(self._name):
            handle.write(file_content)

    def read(self, n: int = -1):
        """Returns ``n`` bytes (decoded in text mode), or the rest of the file if ``n`` is -1."""
        handle = self._read_handle()
        with _tf_errors(self._name):
            return self._decoded(handle.read(None if n == -1 else n))

    def readline(self):
        """Reads the next line, keeping its newline; empty at end of file.

        As TF's line reader does, every carriage return in the line is dropped.
        """
        handle = self._read_handle()
        with _tf_errors(self._name):
            return self._decoded(handle.readline().replace(b"\r", b""))

    def readlines(self) -> list:
        """Returns all remaining lines."""
        return list(iter(self.readline, self._decoded(b"")))

    def seek(self, offset: int | None = None, whence: int = 0, position: int | None = None):
        """Seeks the read position to ``offset`` relative to ``whence`` (0 start, 1 here, 2 end).

        ``position`` is the deprecated spelling of ``offset``.
        """
        if position is not None:
            if offset is not None:
                raise ValueError("offset and position cannot both be set")
            offset = position
        handle = self._read_handle()
        with _tf_errors(self._name):
            handle.seek(offset or 0, whence)

    def tell(self) -> int:
        """Returns the current position in the file (the read position when readable)."""
        handle = self._read_handle() if self._readable else self._write_handle()
        return handle.tell()

    def seekable(self) -> bool:
        return True

    def flush(self) -> None:
        """Flushes written data to the file."""
        if self._writer is not None:
            self._writer.flush()

    def close(self) -> None:
        """Flushes and closes the file."""
        for handle in (self._writer, self._reader):
            if handle is not None:
                handle.close()
        self._reader = self._writer = None

    def __enter__(self) -> GFile:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __iter__(self) -> GFile:
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    next = __next__


class FastGFile(GFile):
    """File I/O wrappers without thread locking (deprecated in TF: use GFile)."""


# --- filesystem functions ---------------------------------------------------------------------


def exists(path: Any) -> bool:
    """Returns whether ``path`` exists."""
    return os.path.exists(_local(path))


def isdir(path: Any) -> bool:
    """Returns whether ``path`` is a directory."""
    return os.path.isdir(_local(path))


def listdir(path: Any) -> list[str]:
    """Returns the entry names in directory ``path`` (not ``.`` and ``..``), unsorted."""
    local = _local(path)
    if not os.path.isdir(local):
        raise errors.NotFoundError(None, None, f"Could not find directory {_as_str(path)}")
    with _tf_errors(local):
        return os.listdir(local)


def makedirs(path: Any) -> None:
    """Creates ``path`` and any missing parents; succeeds if it already is a directory."""
    local = _local(path)
    parts = local.split(os.sep)
    for i in range(1, len(parts) + 1):
        prefix = os.sep.join(parts[:i])
        if prefix and os.path.exists(prefix) and not os.path.isdir(prefix):
            raise errors.FailedPreconditionError(None, None, f"{prefix} is not a directory")
    with _tf_errors(local):
        os.makedirs(local, exist_ok=True)


def mkdir(path: Any) -> None:
    """Creates directory ``path``, whose parent must exist. Nothing happens if ``path`` exists."""
    local = _local(path)
    if os.path.exists(local):
        return
    with _tf_errors(local):
        os.mkdir(local)


def remove(path: Any) -> None:
    """Deletes the file ``path``."""
    local = _local(path)
    with _tf_errors(local):
        os.remove(local)


def rename(src: Any, dst: Any, overwrite: bool = False) -> None:
    """Renames ``src`` to ``dst``; fails if ``dst`` exists unless ``overwrite``."""
    local_src, local_dst = _local(src), _local(dst)
    if not overwrite and os.path.exists(local_dst):
        raise errors.AlreadyExistsError(None, None, "file already exists")
    with _tf_errors(local_src):
        os.replace(local_src, local_dst)


def copy(src: Any, dst: Any, overwrite: bool = False) -> None:
    """Copies file ``src`` to ``dst``; fails if ``dst`` exists unless ``overwrite``."""
    local_src, local_dst = _local(src), _local(dst)
    if not overwrite and os.path.exists(local_dst):
        raise errors.AlreadyExistsError(None, None, "file already exists")
    if os.path.isdir(local_src):
        # TF reports copying a directory against the destination, as EINVAL.
        raise errors.InvalidArgumentError(
            None, None, f"{local_dst}; {os.strerror(errno.EINVAL)}")
    with _tf_errors(local_src), open(local_src, "rb") as source, open(local_dst, "wb") as target:
        shutil.copyfileobj(source, target)


def rmtree(path: Any) -> None:
    """Deletes ``path`` and everything under it (a file is simply deleted)."""
    local = _local(path)
    if not os.path.lexists(local):
        raise errors.NotFoundError(None, None, f"{local} not found")
    with _tf_errors(local):
        if os.path.isdir(local) and not os.path.islink(local):
            shutil.rmtree(local)
        else:
            os.remove(local)


def stat(path: Any) -> FileStatistics:
    """Returns the FileStatistics of ``path``."""
    local = _local(path)
    with _tf_errors(local):
        result = os.stat(local)
    # TF reports whole seconds, in nanoseconds.
    mtime_nsec = result.st_mtime_ns // 1_000_000_000 * 1_000_000_000
    return FileStatistics(result.st_size, mtime_nsec, os.path.isdir(local))


def walk(top: Any, topdown: bool = True,
         onerror: Callable[[errors.OpError], Any] | None = None) -> Iterator:
    """Yields ``(dirname, subdirs, files)`` for each directory under ``top``, like os.walk.

    Nothing is yielded if ``top`` is not a directory; ``onerror`` is then called with the
    NotFoundError.
    """
    top = _as_str(top)
    try:
        listing = listdir(top)
    except errors.NotFoundError as e:
        if onerror is not None:
            onerror(e)
        return
    subdirs, files = [], []
    for name in listing:
        (subdirs if isdir(join(top, name)) else files).append(name)
    if topdown:
        yield top, subdirs, files
    for name in subdirs:
        yield from walk(join(top, name), topdown, onerror)
    if not topdown:
        yield top, subdirs, files


def join(path: Any, *paths: Any) -> str:
    """Joins path components; paths with a scheme (``file://``) are joined with ``/``."""
    path = _as_str(path)
    parts = [_as_str(p) for p in paths]
    if _SCHEME.match(path):
        return posixpath.join(path, *parts)
    return os.path.join(path, *parts)


def get_registered_schemes() -> list[str]:
    """The filesystem schemes tfcompat serves: local paths, plain or as ``file://``."""
    return ["file", ""]


_WILDCARD = re.compile(r"(?<!\\)[*?\[]")


def _component_regex(pattern: str) -> re.Pattern:
    """fnmatch(3) for one path component: ``*``, ``?``, ``[...]``/``[!...]``, ``\\`` escapes.

    Unlike Python's glob, ``*`` also matches names starting with a dot, as in TF.
    """
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1:i + 2] in ("!", "]") else i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1:end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                out.append(f"[{'^' if negate else ''}{body.replace(chr(92), chr(92) * 2)}]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _unescape(pattern: str) -> str:
    return re.sub(r"\\(.)", r"\1", pattern)


def _glob_one(pattern: str) -> list[str]:
    wildcard = _WILDCARD.search(pattern)
    if wildcard is None:
        literal = _unescape(pattern)
        return [literal] if literal and exists(literal) else []
    start = pattern.rfind("/", 0, wildcard.start()) + 1
    end = pattern.find("/", wildcard.start())
    prefix, component = pattern[:start], pattern[start:end if end != -1 else None]
    rest = pattern[end + 1:] if end != -1 else None
    # A relative pattern whose first component has a wildcard matches as "./name", as in TF.
    directory = _unescape(prefix) if prefix else "."
    output_prefix = prefix if prefix else "./"
    regex = _component_regex(component)
    try:
        names = listdir(directory)
    except errors.NotFoundError:
        return []
    matches = []
    for name in names:
        if not regex.fullmatch(name):
            continue
        if rest is None:
            matches.append(output_prefix + name)
        elif isdir(_unescape(prefix) + name if prefix else name):
            matches.extend(_glob_one(output_prefix + name + "/" + rest))
    return matches


def glob(pattern: Any) -> list[str]:
    """Returns the paths matching ``pattern`` (or any pattern of a list), in directory order."""
    patterns = pattern if isinstance(pattern, (list, tuple)) else [pattern]
    results: list[str] = []
    for one in patterns:
        one = _as_str(one)
        match = _SCHEME.match(one)
        scheme = one[:match.end()] if match else ""
        local = _local(one)
        results.extend(scheme + path for path in _glob_one(local) if path not in results)
    return results


