"""``python -m tfcompat doctor`` and the drop-in needing no manual: ``tfcompat.alias`` after
``import tfcompat``."""

from __future__ import annotations

import subprocess
import sys

import numpy

import tfcompat
from tests.dropin.dropin_cases import tfcompat_env
from tfcompat.tools import doctor


def test_doctor_reports_versions_and_tensorflow_status():
    result = subprocess.run([sys.executable, "-m", "tfcompat", "doctor", "--no-diff"],
                            capture_output=True, text=True, env=tfcompat_env(), timeout=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"python      {sys.version.split()[0]}")
    assert lines[1] == f"numpy       {numpy.__version__}"
    assert lines[2].startswith(f"tfcompat    {tfcompat.__version__}")
    assert lines[3].startswith("tensorflow  ")
    assert "`import tensorflow` here:" in lines[4]


def test_doctor_sees_past_the_drop_in_hook(monkeypatch):
    from tfcompat import alias

    alias.install()
    try:
        lines = doctor.report(tfcompat.__version__, check_diff=False)
    finally:
        alias.uninstall()
    assert "drop-in     tfcompat.alias is installed in this process" in lines
    # tfcompat serving `tensorflow` is not reported as a real TensorFlow.
    assert not any(line.startswith("tensorflow  ") and "tfcompat" in line for line in lines)


def test_doctor_usage_error():
    assert doctor.main(["--bogus"], tfcompat.__version__) == 2


def test_alias_is_an_attribute_right_after_import():
    program = ("import tfcompat\ntfcompat.alias.install()\nimport tensorflow as tf\n"
               "print(tf is tfcompat, tf.compat.v1 is tfcompat)")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            env=tfcompat_env(), timeout=60)
    assert result.stdout.strip() == "True True", result.stderr
