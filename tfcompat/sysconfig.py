# ruff: noqa: F401
"""``tf.sysconfig``: build information. tfcompat is pure Python: there are no headers or
libraries to compile custom ops against, so the include and library paths are the tfcompat
package directory and the compile and link flags are empty."""

import collections as _collections
import os as _os

from tfcompat.framework_utils import CXX11_ABI_FLAG, CXX_VERSION, MONOLITHIC_BUILD
from tfcompat.platform.unsupported import make_getattr as _make_getattr

_PACKAGE_DIR = _os.path.dirname(_os.path.abspath(__file__))


def get_include() -> str:
    """The directory of the tfcompat package (tfcompat ships no C++ headers)."""
    return _PACKAGE_DIR


def get_lib() -> str:
    """The directory of the tfcompat package (tfcompat ships no shared libraries)."""
    return _PACKAGE_DIR


def get_compile_flags() -> list:
    """No flags: there is no C++ API to compile against."""
    return []


def get_link_flags() -> list:
    """No flags: there is no framework library to link."""
    return []


def get_build_info() -> _collections.OrderedDict:
    """A CPU-only, pure-Python build."""
    return _collections.OrderedDict([("cpu_compiler", "python"), ("is_cuda_build", False),
                                    ("is_rocm_build", False), ("is_tensorrt_build", False)])


__getattr__ = _make_getattr("tf.sysconfig", __name__)
