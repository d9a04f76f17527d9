"""tf.logging: levels, formats and handlers, against output recorded on TensorFlow 2.21.

Each program runs in a fresh interpreter, because TF decides at import time whether its logger
gets its own handler (only when the root logger has none yet).
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys

import pytest

from tests.dropin.dropin_cases import tfcompat_env
from tfcompat.platform import tf_logging

# The oracle ran these with `import tensorflow.compat.v1 as tf` in place of IMPORT_TF.
IMPORT_TF = ("import types; from tfcompat.platform import app, tf_logging; "
             "tf = types.SimpleNamespace(logging=tf_logging, app=app)")

LEVELS_PROGRAM = """\
IMPORT_TF
tf.logging.warning("warn %d", 1)
tf.logging.info("info hidden")
print(tf.logging.get_verbosity(), tf.logging.DEBUG, tf.logging.INFO, tf.logging.WARN,
      tf.logging.ERROR, tf.logging.FATAL)
tf.logging.set_verbosity(tf.logging.INFO)
tf.logging.info("info %s", "shown")
tf.logging.debug("debug hidden")
tf.logging.error("err")
tf.logging.warn("warn2")
for i in range(5):
    tf.logging.log_every_n(tf.logging.INFO, "every %d", 2, i)
for i in range(5):
    tf.logging.log_first_n(tf.logging.INFO, "first %d", 2, i)
tf.logging.vlog(1, "vlog1")
tf.logging.vlog(20, "vlog20")
tf.logging.log(tf.logging.ERROR, "log err %s", "x")
tf.logging.log_if(tf.logging.INFO, "log if %s", True, "y")
tf.logging.log_if(tf.logging.INFO, "log if %s", False, "n")
tf.logging.set_verbosity(tf.logging.DEBUG)
tf.logging.debug("debug shown")
tf.logging.set_verbosity(15)
print(tf.logging.get_verbosity())
tf.logging.fatal("fatal msg")
tf.logging.TaskLevelStatusMessage("task")
try:
    tf.logging.flush()
except NotImplementedError as e:
    print("flush", repr(e))
"""
# TF counts log_every_n/log_first_n calls per first frame outside the calling file: at a
# script's top level that is one counter for every call site, so "first %d" never prints.
LEVELS_STDERR = """\
WARNING:tensorflow:warn 1
INFO:tensorflow:info shown
ERROR:tensorflow:err
WARNING:tensorflow:warn2
INFO:tensorflow:every 0
INFO:tensorflow:every 2
INFO:tensorflow:every 4
INFO:tensorflow:vlog20
ERROR:tensorflow:log err x
INFO:tensorflow:log if y
DEBUG:tensorflow:debug shown
CRITICAL:tensorflow:fatal msg
ERROR:tensorflow:task
"""
LEVELS_STDOUT = "30 10 20 30 40 50\n15\nflush NotImplementedError()\n"

APP_RUN_PROGRAM = """\
IMPORT_TF
import logging
tf.logging.warning("before run")
def main(argv):
    logging.getLogger("foo").info("foo info")
    logging.warning("root warning")
    tf.logging.info("tf info %s", argv[1:])
    tf.logging.error("two\\nlines")
    print(tf.logging.get_verbosity(), logging.getLogger().level)
    return 0
tf.app.run(main=main, argv=["prog", "a", "--b"])
"""
# Inside tf.app.run, absl's handler on the root logger prints every record again, in its format.
APP_RUN_STDERR = """\
WARNING:tensorflow:before run
I <string>:5] foo info
W <string>:6] root warning
INFO:tensorflow:tf info ['a', '--b']
I <string>:7] tf info ['a', '--b']
ERROR:tensorflow:two
lines
E <string>:8] two
lines
"""

ROOT_FIRST_PROGRAM = """\
import logging
logging.basicConfig(format="%(name)s|%(levelname)s|%(message)s")
IMPORT_TF
tf.logging.warning("root configured first: one line, root's format")
"""
ROOT_FIRST_STDERR = "tensorflow|WARNING|root configured first: one line, root's format\n"

_ABSL_PREFIX = re.compile(r"^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ ", re.MULTILINE)


def run_program(program: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", program.replace("IMPORT_TF", IMPORT_TF)],
                          capture_output=True, text=True, env=tfcompat_env(), timeout=60)


@pytest.mark.parametrize("program, stdout, stderr", [
    (LEVELS_PROGRAM, LEVELS_STDOUT, LEVELS_STDERR),
    (APP_RUN_PROGRAM, "20 20\n", APP_RUN_STDERR),
    (ROOT_FIRST_PROGRAM, "", ROOT_FIRST_STDERR),
], ids=["levels", "app_run", "root_configured_first"])
def test_output_matches_tensorflow(program, stdout, stderr):
    result = run_program(program)
    assert result.returncode == 0, result.stderr
    assert result.stdout == stdout
    assert _ABSL_PREFIX.sub(r"\1 ", result.stderr) == stderr


def test_absl_prefix_carries_date_time_and_thread():
    result = run_program(APP_RUN_PROGRAM)
    line = result.stderr.splitlines()[1]
    assert re.fullmatch(r"I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ <string>:5\] foo info", line)


def test_records_name_the_calling_line(caplog):
    tf_logging.set_verbosity(tf_logging.INFO)
    try:
        with caplog.at_level(logging.INFO, logger="tensorflow"):
            tf_logging.info("where %s", "am I")
        line = sys._getframe().f_lineno - 1
    finally:
        tf_logging.set_verbosity(logging.NOTSET)
    record = caplog.records[-1]
    assert (record.getMessage(), record.filename, record.lineno) == (
        "where am I", "test_logging.py", line)
