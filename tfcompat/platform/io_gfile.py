"""``tf.io.gfile``: the TF2 lower-case names of the file API (see ``file_io``)."""

from tfcompat.platform.file_io import (
    GFile,
    copy,
    exists,
    get_registered_schemes,
    glob,
    isdir,
    join,
    listdir,
    makedirs,
    mkdir,
    remove,
    rename,
    rmtree,
    stat,
    walk,
)
from tfcompat.platform.unsupported import make_getattr

__all__ = [
    "GFile", "copy", "exists", "get_registered_schemes", "glob", "isdir", "join", "listdir",
    "makedirs", "mkdir", "remove", "rename", "rmtree", "stat", "walk",
]

__getattr__ = make_getattr("tf.io.gfile", __name__)
