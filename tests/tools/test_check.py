"""``python -m tfcompat check``: static listing of the tf symbols scripts use, and their support."""

from __future__ import annotations

import subprocess
import sys

import pytest

import tfcompat
from tests.dropin.dropin_cases import SCRIPTS, tfcompat_env
from tfcompat.tools import check

MIXED = SCRIPTS / "mixed_support.py"


def uses(source: str) -> list[tuple[str, int]]:
    return [(use.symbol, use.line) for use in check.scan_source(source).uses]


def test_aliases_are_resolved():
    source = """\
import tensorflow as tf
import tensorflow.compat.v1 as tfv1
from tensorflow.compat import v1 as tf1
import tensorflow.contrib.slim as slim
from tensorflow.examples.tutorials.mnist import input_data
from tensorflow.python.platform import gfile
import tensorflow.python.framework.ops
tf.nn.relu(tfv1.constant(1.0)).eval()
tf1.train.AdamOptimizer(0.1).minimize(loss)
tf.compat.v1.Session
input_data.read_data_sets("x")
gfile.Exists("/tmp")
tensorflow.python.framework.ops.Graph
print(tf, gfile)
def f():
    return tf.GraphKeys.TRAINABLE_VARIABLES
"""
    assert uses(source) == [
        ("tf.contrib.slim", 4),
        ("tf.examples.tutorials.mnist.input_data", 5),
        ("tf.python.platform.gfile", 6),
        ("tf.python.framework.ops", 7),
        ("tf.nn.relu", 8), ("tf.constant", 8),
        ("tf.train.AdamOptimizer", 9),
        ("tf.Session", 10),
        ("tf.examples.tutorials.mnist.input_data.read_data_sets", 11),
        ("tf.python.platform.gfile.Exists", 12),
        ("tf.python.framework.ops.Graph", 13),
        ("tf.python.platform.gfile", 14),
        ("tf.GraphKeys.TRAINABLE_VARIABLES", 16),
    ]


def test_other_modules_and_local_names_are_ignored():
    assert uses("import numpy as tf\ntf.zeros(3)\n") == []
    assert uses("import tensorflow as tf\nflags = tf.app.flags\nflags.DEFINE_string\n") == [
        ("tf.app.flags", 2)]


def test_python2_scripts_are_scanned_as_text():
    report = check.scan_source(
        'import tensorflow as tf\nprint "hi"\nx = tf.placeholder(tf.int32)\n')
    assert report.parsed_as_text
    assert [(use.symbol, use.line) for use in report.uses] == [
        ("tf.placeholder", 3), ("tf.int32", 3)]


def test_verdicts_name_the_api_symbol():
    report = check.scan_source(
        "import tensorflow as tf\n"
        "tf.GraphKeys.TRAINABLE_VARIABLES\n"
        "tf.contrib.layers.flatten\n"
        "tf.contrib.learn.RunConfig\n"
        "tf.reduce_sume\n", "probe.py")
    text, all_supported = check.format_report([report])
    assert not all_supported
    assert text == (
        "probe.py:\n"
        "  supported    tf.GraphKeys  (line 2)\n"
        "  supported    tf.contrib.layers.flatten  (line 3)\n"
        "  UNSUPPORTED  tf.contrib.learn.RunConfig  (line 4)\n"
        "  UNSUPPORTED  tf.reduce_sume  (line 5; not a known TF1 symbol)\n"
        "summary: 4 distinct tf symbols in 1 file: 2 supported, 2 unsupported "
        "(tf.contrib.learn.RunConfig, tf.reduce_sume)\n"
        "contrib: 2 distinct tf.contrib symbols: 1 supported, 1 unsupported "
        "(tf.contrib.learn.RunConfig)\n")


def run_check(*paths: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tfcompat", "check", *paths],
                          capture_output=True, text=True, env=tfcompat_env(), timeout=60)


@pytest.mark.skipif(not hasattr(tfcompat, "app"), reason="needs the drop-in exports in tfcompat")
def test_check_a_script_mixing_supported_and_unsupported_symbols():
    result = run_check(str(MIXED))
    assert result.returncode == 1
    assert result.stdout == f"""\
{MIXED}:
  supported    tf.contrib.slim  (line 4)
  supported    tf.python.platform.gfile  (line 5)
  supported    tf.app.flags.DEFINE_integer  (line 7)
  supported    tf.app.flags.FLAGS  (line 8)
  supported    tf.nn.relu  (line 12)
  supported    tf.matmul  (line 12)
  supported    tf.Variable  (line 12)
  supported    tf.zeros  (line 12)
  supported    tf.contrib.slim.fully_connected  (line 13)
  supported    tf.contrib.layers.flatten  (line 14)
  supported    tf.placeholder  (line 18)
  supported    tf.float32  (line 18)
  supported    tf.reduce_mean  (line 19)
  supported    tf.square  (line 19)
  supported    tf.train.GradientDescentOptimizer  (line 20)
  supported    tf.python.platform.gfile.Exists  (line 21)
  supported    tf.logging.info  (line 22)
  supported    tf.Session  (line 23)
  supported    tf.global_variables_initializer  (line 24)
  supported    tf.GraphKeys  (line 27)
  UNSUPPORTED  tf.reduce_sume  (line 27; not a known TF1 symbol)
  supported    tf.app.run  (line 31)
summary: 22 distinct tf symbols in 1 file: 21 supported, 1 unsupported (tf.reduce_sume)
contrib: 3 distinct tf.contrib symbols: 3 supported, 0 unsupported
"""


def test_exit_status_and_errors(tmp_path):
    good = tmp_path / "good.py"
    good.write_text("import tensorflow as tf\nx = tf.constant(1.0)\n")
    result = run_check(str(good))
    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        0, "summary: 1 distinct tf symbols in 1 file: 1 supported, 0 unsupported")
    result = run_check(str(good), str(MIXED))
    assert result.returncode == 1 and " in 2 files: " in result.stdout
    result = run_check(str(tmp_path / "missing.py"))
    assert result.returncode == 2
    assert result.stderr == (f"tfcompat check: cannot read {tmp_path / 'missing.py'}: "
                             "No such file or directory\n")
    assert run_check().returncode == 2
