"""``tf.gfile``: TF1's CamelCase file API over the local filesystem (see ``file_io``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tfcompat.platform import file_io as _file_io
from tfcompat.platform.file_io import FastGFile, GFile
from tfcompat.platform.file_io import copy as Copy
from tfcompat.platform.file_io import exists as Exists
from tfcompat.platform.file_io import glob as Glob
from tfcompat.platform.file_io import isdir as IsDirectory
from tfcompat.platform.file_io import listdir as ListDirectory
from tfcompat.platform.file_io import makedirs as MakeDirs
from tfcompat.platform.file_io import mkdir as MkDir
from tfcompat.platform.file_io import remove as Remove
from tfcompat.platform.file_io import rename as Rename
from tfcompat.platform.file_io import rmtree as DeleteRecursively
from tfcompat.platform.file_io import stat as Stat
from tfcompat.platform.unsupported import make_getattr

__all__ = [
    "Copy", "DeleteRecursively", "Exists", "FastGFile", "GFile", "Glob", "IsDirectory",
    "ListDirectory", "MakeDirs", "MkDir", "Open", "Remove", "Rename", "Stat", "Walk",
]

Open = GFile


def Walk(top: Any, in_order: bool = True) -> Iterator:
    """Yields ``(dirname, subdirs, files)`` under ``top``; parents first if ``in_order``."""
    return _file_io.walk(top, topdown=in_order)


__getattr__ = make_getattr("tf.gfile", __name__)
