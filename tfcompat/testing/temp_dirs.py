"""The process-wide temporary directory behind ``tf.test.get_temp_dir``."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

_temp_dir: str | None = None


def process_temp_dir() -> str:
    """A directory created on first use, named after the program, removed when it exits."""
    global _temp_dir
    if _temp_dir is None:
        program = os.path.splitext(os.path.basename(sys.argv[0] or "tfcompat"))[0]
        _temp_dir = tempfile.mkdtemp(prefix=program)
        atexit.register(shutil.rmtree, _temp_dir, ignore_errors=True)
    return _temp_dir
