"""The malloc tuning applied when the first plan compiles: on glibc, once per process, and not at
all with TFCOMPAT_RETAIN_FREED_MEMORY=0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import tfcompat as tf
from tfcompat.client import allocator
before = allocator._applied
with tf.Session() as sess:
    sess.run(tf.constant(1.0) + 1.0)
print(before, allocator._applied, allocator.retain_freed_memory())
"""


def _probe(**env) -> str:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env})
    return out.stdout.strip()


def _is_glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (AttributeError, ValueError, OSError):
        return False


@pytest.mark.skipif(not _is_glibc(), reason="malloc tuning is glibc-only")
def test_first_run_tunes_malloc_once():
    assert _probe() == "None True True"


def test_environment_opt_out():
    assert _probe(TFCOMPAT_RETAIN_FREED_MEMORY="0") == "None False False"
