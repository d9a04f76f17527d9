"""``python -m tfcompat diff SCRIPT.py``: run a TF1 script on tfcompat and on TensorFlow, compare.

    python -m tfcompat diff SCRIPT.py [--tf-python PATH] [--rtol R] [--atol A] [-- ARGS...]

Both runs go through ``diff_recorder`` (each in its own process): every ``Session.run`` fetch
(name, producing op, dtype, shape, values) and everything printed, in order. The first event
where the runs disagree is reported with the op that produced the differing value and the line
of the script that fetched it. Exit status: 0 when the runs agree, 1 at a divergence, 2 when no
TensorFlow interpreter is available (or the command is misused).

The TensorFlow interpreter is ``--tf-python``, else ``$TFCOMPAT_TF_PYTHON``, else the first
interpreter that can import tensorflow among this one, ``$VIRTUAL_ENV``'s and the
``python3``/``python`` on PATH.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

RECORDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "diff_recorder.py")
# The directory holding the tfcompat package (tfcompat/tools/diff.py -> its grandparent's parent).
TFCOMPAT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|inf)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tfcompat diff",
        description="Run a TF1 script under tfcompat and under TensorFlow; report the first "
                    "divergence (exit 1), or agreement (exit 0).")
    parser.add_argument("script")
    parser.add_argument("--tf-python", help="the Python interpreter with TensorFlow installed")
    parser.add_argument("--tfcompat-python", default=sys.executable,
                        help="the interpreter for the tfcompat run (default: this one); it is "
                             "run as `PYTHON -m tfcompat RECORDER ...`")
    parser.add_argument("--rtol", type=float, default=1e-5)
    parser.add_argument("--atol", type=float, default=1e-6)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--no-trace", action="store_true",
                        help="do not re-run a diverging Session.run to find the first op "
                             "whose output differs")
    return parser


def _can_import_tensorflow(python: str) -> bool:
    try:
        result = subprocess.run(
            [python, "-c", "import importlib.util, sys; "
                           "sys.exit(importlib.util.find_spec('tensorflow') is None)"],
            capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def find_tensorflow_python() -> str | None:
    """An interpreter that has a real TensorFlow, or None."""
    given = os.environ.get("TFCOMPAT_TF_PYTHON")
    if given:
        return given
    candidates = [sys.executable]
    if os.environ.get("VIRTUAL_ENV"):
        candidates.append(os.path.join(os.environ["VIRTUAL_ENV"], "bin", "python"))
    candidates += [shutil.which(name) for name in ("python3", "python")]
    seen = set()
    for python in candidates:
        if python and os.path.exists(python) and os.path.realpath(python) not in seen:
            seen.add(os.path.realpath(python))
            if _can_import_tensorflow(python):
                return python
    return None


@dataclass
class RunRecord:
    backend: str
    events: list[dict]
    stderr: str


def record(python: str, backend: str, script: str, args: Sequence[str],
           timeout: float, trace_run: int = 0) -> RunRecord:
    """Runs ``script`` under ``python`` through the recorder and returns its events.

    The tfcompat run is ``python -m tfcompat RECORDER ...``: the recorder's ``import
    tensorflow`` is then served by tfcompat, as the script's is.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "events.jsonl")
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2",
                   TF_USE_LEGACY_KERAS=os.environ.get("TF_USE_LEGACY_KERAS", "1"),
                   TFCOMPAT_DIFF_TRACE_RUN=str(trace_run))
        command = [python, RECORDER]
        if backend == "tfcompat":
            env["PYTHONPATH"] = os.pathsep.join(
                [TFCOMPAT_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])])
            command = [python, "-m", "tfcompat", RECORDER]
        result = subprocess.run([*command, "--backend", backend, "--out", out, script, *args],
                                capture_output=True, text=True, env=env, timeout=timeout)
        if not os.path.exists(out):
            raise RuntimeError(f"the {backend} run ({python}) recorded nothing; its stderr:\n"
                               + result.stderr[-3000:])
        with open(out, encoding="utf-8") as f:
            events = [json.loads(line) for line in f]
    return RunRecord(backend, events, result.stderr)


def _close(a, b, rtol: float, atol: float) -> bool:
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(
            _close(x, y, rtol, atol) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, int) and isinstance(b, int):
        return a == b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= atol + rtol * abs(b)


def _text_close(a: str, b: str, rtol: float, atol: float) -> bool:
    """Printed text agrees when equal, or when only numbers differ, within the tolerances."""
    if a == b:
        return True
    la, lb = a.splitlines(), b.splitlines()
    if len(la) != len(lb):
        return False
    for x, y in zip(la, lb):
        if x == y:
            continue
        if _NUMBER.sub("#", x).split() != _NUMBER.sub("#", y).split():
            return False
        nx, ny = _NUMBER.findall(x), _NUMBER.findall(y)
        if not all(_close(float(p), float(q), rtol, atol) for p, q in zip(nx, ny)):
            return False
    return True


def _show(values: list, limit: int = 8) -> str:
    shown = ", ".join(str(v) for v in values[:limit])
    return f"[{shown}{', ...' if len(values) > limit else ''}]"


@dataclass
class Divergence:
    """Where two records first disagree (``run``: the 1-based Session.run, if at a fetch)."""

    index: int
    what: str
    details: list[str]
    run: int = 0


def locate(ours: list[dict], theirs: list[dict], rtol: float, atol: float) -> list[str]:
    """From traced runs: the first op whose output differs while all its inputs agree."""
    trace_a = next((e for e in ours if e["event"] == "trace"), None)
    trace_b = next((e for e in theirs if e["event"] == "trace"), None)
    if trace_a is None or trace_b is None:
        return ["(the run could not be traced to an op)"]
    for trace, backend in ((trace_a, "tfcompat"), (trace_b, "tensorflow")):
        if "error" in trace:
            return [f"(tracing the run failed on {backend}: {trace['error']})"]
    theirs_by_name = {t["name"]: t for t in trace_b["tensors"]}
    differs: set[str] = set()
    missing = []
    for tensor in trace_a["tensors"]:  # inputs come before their consumers
        other = theirs_by_name.get(tensor["name"])
        if other is None:
            missing.append(tensor["name"])
            continue
        if _compare_fetch(tensor, other, rtol, atol) is None:
            continue
        differs.add(tensor["name"])
        if not any(i in differs for i in tensor["inputs"]):
            lines = [f"traced to op {tensor['op']} ({tensor['op_type']}): its inputs agree, "
                     f"its output {tensor['name']} does not"]
            lines += _compare_fetch(tensor, other, rtol, atol)
            if missing:
                lines.append(f"({len(missing)} tensors exist only in tfcompat's graph, e.g. "
                             f"{missing[0]}: names differ there)")
            return lines
    return ["(no traced tensor differs alone: the difference comes from state or ops "
            "TensorFlow names differently)"]


def _compare_fetch(ours: dict, theirs: dict, rtol: float, atol: float) -> list[str] | None:
    problems = []
    for key in ("name", "kind", "dtype", "shape"):
        if ours.get(key) != theirs.get(key):
            problems.append(f"{key}: tfcompat {ours.get(key)!r}, tensorflow {theirs.get(key)!r}")
    if not problems and not _close(ours.get("value"), theirs.get("value"), rtol, atol):
        a, b = ours["value"], theirs["value"]
        detail = f"values differ beyond rtol={rtol}, atol={atol}"
        numeric = [(x, y) for x, y in zip(a, b) if isinstance(x, (int, float))
                   and isinstance(y, (int, float)) and not isinstance(x, bool)]
        if numeric:
            worst = max(numeric, key=lambda p: abs(p[0] - p[1]))
            detail += f" (largest difference {abs(worst[0] - worst[1]):.6g})"
        problems += [detail, f"tfcompat:   {_show(a)}", f"tensorflow: {_show(b)}"]
    return problems or None


def compare(ours: list[dict], theirs: list[dict], rtol: float, atol: float
            ) -> Divergence | None:
    """The first divergence between the tfcompat record and the TensorFlow one."""
    ours = [e for e in ours if e["event"] not in ("start", "trace")]
    theirs = [e for e in theirs if e["event"] not in ("start", "trace")]
    runs = 0
    for index, (a, b) in enumerate(zip(ours, theirs)):
        if a["event"] == "run":
            runs += 1
        if a["event"] != b["event"]:
            return Divergence(index, "the runs take different courses",
                              [f"tfcompat:   {_describe_event(a)}",
                               f"tensorflow: {_describe_event(b)}"])
        if a["event"] == "print" and not _text_close(a["text"], b["text"], rtol, atol):
            return Divergence(index, "printed output differs", _first_line_diff(a["text"],
                                                                                 b["text"]))
        if a["event"] == "run":
            where = f"Session.run #{runs}" + (f" (line {a['line']})" if a.get("line") else "")
            if len(a["fetches"]) != len(b["fetches"]):
                return Divergence(index, f"{where} fetched a different number of values",
                                  [f"tfcompat {len(a['fetches'])}, "
                                   f"tensorflow {len(b['fetches'])}"])
            for fa, fb in zip(a["fetches"], b["fetches"]):
                problems = _compare_fetch(fa, fb, rtol, atol)
                if problems:
                    producer = f"op {fa['op']} ({fa['op_type']})" if fa.get("op") else "no op"
                    return Divergence(index, f"{where}: fetch {fa['name']} produced by "
                                             f"{producer}", problems, runs)
        if a["event"] in ("error", "exit") and a != b:
            return Divergence(index, "the runs end differently",
                              [f"tfcompat:   {_describe_event(a)}",
                               f"tensorflow: {_describe_event(b)}"])
    if len(ours) != len(theirs):
        return Divergence(min(len(ours), len(theirs)), "one run recorded more events",
                          [f"tfcompat {len(ours)} events, tensorflow {len(theirs)}"])
    return None


def _describe_event(event: dict) -> str:
    kind = event["event"]
    if kind == "print":
        return f"printed {event['text'].splitlines()[0] if event['text'] else ''!r}"
    if kind == "run":
        return f"Session.run at line {event.get('line')} of {len(event['fetches'])} fetches"
    if kind == "error":
        return f"raised {event['type']}: {event['message']} (line {event.get('line')})"
    return f"exited with status {event.get('status')}"


def _first_line_diff(a: str, b: str) -> list[str]:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return [f"line {i + 1} of this output:", f"tfcompat:   {x!r}", f"tensorflow: {y!r}"]
    return [f"tfcompat printed {len(la)} lines, tensorflow {len(lb)}"]


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    split = argv.index("--") if "--" in argv else len(argv)
    options = _parser().parse_args(argv[:split])
    script_args = argv[split + 1:]
    if not os.path.isfile(options.script):
        sys.stderr.write(f"tfcompat diff: can't open file {options.script!r}: No such file\n")
        return 2
    tf_python = options.tf_python or find_tensorflow_python()
    if tf_python is None:
        sys.stdout.write("tfcompat diff: no TensorFlow found to compare with (give "
                         "--tf-python PATH or set TFCOMPAT_TF_PYTHON); nothing was compared\n")
        return 2
    try:
        ours = record(options.tfcompat_python, "tfcompat", options.script, script_args,
                      options.timeout)
        theirs = record(tf_python, "tensorflow", options.script, script_args, options.timeout)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        sys.stdout.write(f"tfcompat diff: {error}\n")
        return 2
    versions = [next((e.get("version") for e in r.events if e["event"] == "start"), "?")
                for r in (ours, theirs)]
    runs = sum(e["event"] == "run" for e in ours.events)
    sys.stdout.write(f"tfcompat {versions[0]} vs tensorflow {versions[1]} ({tf_python})\n")
    divergence = compare(ours.events, theirs.events, options.rtol, options.atol)
    if divergence is None:
        sys.stdout.write(f"no divergence: {runs} Session.run calls and all printed output "
                         f"agree (rtol={options.rtol}, atol={options.atol})\n")
        return 0
    sys.stdout.write(f"first divergence: {divergence.what}\n")
    details = list(divergence.details)
    if divergence.run and not options.no_trace:
        try:
            traced = [record(python, backend, options.script, script_args, options.timeout,
                             divergence.run).events
                      for python, backend in ((options.tfcompat_python, "tfcompat"),
                                              (tf_python, "tensorflow"))]
            details += locate(*traced, options.rtol, options.atol)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            details.append(f"(tracing the run failed: {error})")
    for line in details:
        sys.stdout.write(f"  {line}\n")
    return 1
