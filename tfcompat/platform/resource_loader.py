"""``tf.resource_loader``: paths of data files next to a script, and resources of the
package (relative to the tfcompat package directory, where TF's are relative to tensorflow/)."""

from __future__ import annotations

import inspect as _inspect
import os as _os
import sys as _sys

from tfcompat.platform.unsupported import make_getattr as _make_getattr

_PACKAGE_DIR = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))


def load_resource(path):
    """The bytes of the resource at ``path``, relative to the tfcompat package directory."""
    with open(_os.path.join(_PACKAGE_DIR, path), "rb") as f:
        return f.read()


def get_data_files_path():
    """The directory of the calling script (where its data files sit)."""
    return _os.path.dirname(_inspect.getfile(_sys._getframe(1)))


def get_root_dir_with_all_resources():
    """The directory holding every resource: the tfcompat package directory."""
    return _PACKAGE_DIR


def get_path_to_datafile(path):
    """``path`` relative to the calling script's directory."""
    return _os.path.join(_os.path.dirname(_inspect.getfile(_sys._getframe(1))), path)


def readahead_file_path(path, readahead="128M"):
    """Readahead is not implemented (as in TF): returns ``path``."""
    del readahead
    return path


__getattr__ = _make_getattr("tf.resource_loader", __name__)
