"""The TF1 scripts the drop-in tests run, and how their output is compared with TensorFlow's.

Each case runs a script from ``scripts/`` with arguments, as ``python -m tfcompat SCRIPT ARGS``
under test, and on the oracle (TensorFlow 2.21, ``tensorflow`` bound to ``tensorflow.compat.v1``
with v2 behaviour disabled) when recording. The transcript compared is the exit status, stdout and
stderr, after ``normalize``: TensorFlow's start-up noise and deprecation warnings dropped, absl
log prefixes without time and thread id, and a traceback reduced to its final line with the
exception's module path removed (``IllegalFlagValueError: flag --steps=-1: ...``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "scripts"
EXPECTED = HERE / "expected"
HEADER = "# recorded with tensorflow 2.21.0 (tf.compat.v1, v2 behavior disabled)"
ORACLE = "/opt/tfvenv/bin/python"

# Runs a TF1 script on real TensorFlow 2.x the way TF1 ran it: graph mode, TF1 API as `tensorflow`.
ORACLE_BOOTSTRAP = """\
import os, runpy, sys
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
sys.modules["tensorflow"] = tf
sys.argv = sys.argv[1:]
sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@dataclass(frozen=True)
class Case:
    id: str
    script: str
    args: tuple[str, ...] = ()


CASES = (
    Case("flags_defaults", "flags_and_logging.py"),
    Case("flags_values", "flags_and_logging.py",
         ("--name=tf1", "--steps", "5", "--shout", "--layers=8,4", "extra", "--unknown=1")),
    Case("flags_exit_status", "flags_and_logging.py", ("--mode=eval", "--noshout")),
    Case("flags_help", "flags_and_logging.py", ("--help",)),
    Case("flags_helpshort", "flags_and_logging.py", ("--helpshort",)),
    Case("flags_bad_bound", "flags_and_logging.py", ("--steps=-1",)),
    Case("flags_bad_enum", "flags_and_logging.py", ("--mode=test",)),
    Case("flags_bad_bool", "flags_and_logging.py", ("--shout=maybe",)),
    Case("flags_missing_value", "flags_and_logging.py", ("--name",)),
    Case("linear_regression", "linear_regression.py"),
    Case("linear_regression_flags", "linear_regression.py",
         ("--train_steps=30", "--log_every=10", "--learning_rate", "0.1")),
    Case("mnist_softmax", "mnist_softmax_synthetic.py"),
    Case("mnist_softmax_steps", "mnist_softmax_synthetic.py", ("--steps=51",)),
    Case("gfile_roundtrip", "gfile_roundtrip.py", ("{tmp}",)),
)

_NOISE = re.compile(
    r"oneDNN|TF_ENABLE_ONEDNN_OPTS|cuda|cpu_feature_guard|rebuild TensorFlow|absl::InitializeLog"
    r"|mlir_graph_optimization_pass|Could not find TensorRT")
_ABSL_PREFIX = re.compile(r"^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ ", re.MULTILINE)
_EXCEPTION_LINE = re.compile(r"^(?:\w+\.)*(\w*(?:Error|Exception|Exit|Interrupt)\b.*)$")


def _drop_deprecations(lines: list[str]) -> list[str]:
    """Drops TF's deprecation warnings: "From f.py:N: ... is deprecated" and its instructions."""
    kept: list[str] = []
    skipping = False
    for line in lines:
        if re.match(r"^(WARNING:tensorflow:|W )From .*deprecated", line):
            skipping = True
            continue
        if skipping and (line.startswith("Instructions for updating:") or
                         not re.match(r"^([A-Z]+:|[IWEF] |Traceback)", line)):
            continue
        skipping = False
        kept.append(line)
    return kept


def normalize_stderr(text: str) -> str:
    text = _ABSL_PREFIX.sub(r"\1 ", text)
    lines = [line for line in text.splitlines() if not _NOISE.search(line)]
    lines = _drop_deprecations(lines)
    if "Traceback (most recent call last):" in lines:
        head = lines[:lines.index("Traceback (most recent call last):")]
        final = next(line for line in reversed(lines) if line.strip())
        match = _EXCEPTION_LINE.match(final)
        lines = head + ["Traceback (last line): " + (match.group(1) if match else final)]
    return "\n".join(lines)


def transcript(returncode: int, stdout: str, stderr: str) -> str:
    return (f"exit status: {returncode}\n--- stdout\n{stdout.rstrip()}\n"
            f"--- stderr\n{normalize_stderr(stderr).rstrip()}\n")


def run(case: Case, command: list[str], env: dict[str, str] | None = None) -> str:
    """Runs ``command + [script, *args]`` in the scripts directory; returns the transcript."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [arg.replace("{tmp}", tmp) for arg in case.args]
        result = subprocess.run(command + [case.script, *args], cwd=SCRIPTS, env=env,
                                capture_output=True, text=True, timeout=120)
    return transcript(result.returncode, result.stdout, result.stderr)


def tfcompat_env() -> dict[str, str]:
    """The environment for a subprocess that must import the same tfcompat as this process."""
    import tfcompat

    location = str(Path(tfcompat.__file__).parent.parent)
    path = [location, *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(path))


def run_tfcompat(case: Case) -> str:
    return run(case, [sys.executable, "-m", "tfcompat"], tfcompat_env())


def run_oracle(case: Case) -> str:
    return run(case, [ORACLE, "-c", ORACLE_BOOTSTRAP])


def expected_path(case: Case) -> Path:
    return EXPECTED / f"{case.id}.txt"


def read_expected(case: Case) -> str:
    text = expected_path(case).read_text()
    header, _, body = text.partition("\n")
    assert header == HEADER, f"{expected_path(case)}: unexpected header {header!r}"
    return body.split("\n", 1)[1]  # drop the "# $ command" line
