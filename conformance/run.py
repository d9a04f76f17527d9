"""Conformance runner: executes the TF1 programs in ``conformance/cases`` and compares their stdout.

Usage::

    python conformance/run.py                      # all cases against tfcompat
    python conformance/run.py -k naming -v         # cases whose id contains "naming", with diffs
    /opt/tfvenv/bin/python conformance/run.py --backend tensorflow --record   # re-record

A case ``cases/<area>/<name>.py`` is a small TF1 program that uses the globals ``tf`` and ``np``
(injected, never imported) and prints what it checks. Its recorded output sits beside it in
``<name>.expected``: a header line naming the oracle, then the exact stdout.

All cases run in one process per backend. Each gets a fresh globals dict, a fresh default graph
and no default session, so cases cannot see each other's state.
"""

from __future__ import annotations

import argparse
import builtins
import contextlib
import difflib
import fnmatch
import importlib.util
import io
import os
import re
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

CONFORMANCE_DIR = Path(__file__).resolve().parent
REPO_ROOT = CONFORMANCE_DIR.parent
CASES_DIR = CONFORMANCE_DIR / "cases"
KNOWN_FAILURES_FILE = CONFORMANCE_DIR / "known_failures.txt"

HEADER = "# recorded with tensorflow 2.21.0 (tf.compat.v1, v2 behavior disabled)"
BACKENDS = ("tfcompat", "tensorflow")
CASE_TIMEOUT_SECONDS = 60

RTOL = 1e-5
ATOL = 1e-6


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    """One conformance program and the place its expected output lives."""

    id: str  # "<area>/<name>"
    path: Path

    @property
    def expected_path(self) -> Path:
        return self.path.with_suffix(".expected")


def discover_cases(patterns: Iterable[str] | None = None) -> list[Case]:
    """All cases sorted by id; with patterns, those whose id matches any of them.

    A pattern with glob characters (``*?[``) is matched with fnmatch, otherwise as a substring.
    """
    patterns = list(patterns or [])
    cases = [
        Case(f"{p.parent.name}/{p.stem}", p)
        for p in sorted(CASES_DIR.glob("*/*.py"))
        if not p.name.startswith("_")
    ]
    if not patterns:
        return cases
    return [c for c in cases if any(_id_matches(c.id, pat) for pat in patterns)]


def _id_matches(case_id: str, pattern: str) -> bool:
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatchcase(case_id, pattern)
    return pattern in case_id


def read_expected(case: Case) -> str | None:
    """The recorded stdout of a case (header stripped), or None when never recorded."""
    if not case.expected_path.exists():
        return None
    text = case.expected_path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return rest if first.startswith("# recorded with") else text


def write_expected(case: Case, output: str) -> None:
    case.expected_path.write_text(f"{HEADER}\n{output}", encoding="utf-8")


def load_known_failures(path: Path = KNOWN_FAILURES_FILE) -> dict[str, str]:
    """Case ids expected to fail against tfcompat, mapped to the reason after ``#``."""
    known: dict[str, str] = {}
    if not path.exists():
        return known
    for line in path.read_text(encoding="utf-8").splitlines():
        case_id, _, reason = line.partition("#")
        if case_id.strip():
            known[case_id.strip()] = reason.strip()
    return known


# --------------------------------------------------------------------------- backends


def load_backend(name: str) -> ModuleType:
    """Import the ``tf`` module a case sees: tfcompat, or TF's compat.v1 with v2 behaviour off."""
    if name == "tfcompat":
        if str(REPO_ROOT) not in sys.path:
            sys.path.insert(0, str(REPO_ROOT))
        import tfcompat

        return tfcompat
    if name == "tensorflow":
        return _load_tensorflow()
    raise ValueError(f"unknown backend {name!r}; expected one of {BACKENDS}")


def _load_tensorflow() -> ModuleType:
    # Quiet and deterministic: no C++ logs, no oneDNN reordering of float sums.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    # tf.compat.v1.layers needs Keras 2 (the tf-keras package) under TF 2.16+.
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
    warnings.filterwarnings("ignore")
    with _stderr_silenced():
        import tensorflow.compat.v1 as tf

        tf.disable_v2_behavior()
    # FATAL also hides ERROR-level notes such as tf_should_use's "Object was never used".
    tf.get_logger().setLevel("CRITICAL")
    return tf


@contextlib.contextmanager
def _stderr_silenced():
    """Send file descriptor 2 to /dev/null (C++ code writes there before logging is set up)."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


# --------------------------------------------------------------------------- running


def _first_line(exc: BaseException) -> str:
    return str(exc).split("\n", 1)[0]


def show_error(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Call fn; print ``ErrorClass: <first line of message>`` or ``no error: <repr(result)>``."""
    try:
        result = fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - reporting any error class is the point
        print(f"{type(exc).__name__}: {_first_line(exc)}")
    else:
        print(f"no error: {result!r}")


def show_error_contains(fn: Callable[..., Any], needle: str) -> None:
    """Call fn; print ``ErrorClass: contains <needle>: True/False`` (for version-dependent text)."""
    try:
        result = fn()
    except Exception as exc:  # noqa: BLE001
        print(f"{type(exc).__name__}: contains {needle}: {needle in str(exc)}")
    else:
        print(f"no error: {result!r}")


@dataclass
class CaseRun:
    """What one execution of a case produced."""

    output: str
    error: str | None = None  # "ErrorClass: first line (line N)" for an uncaught exception


class CaseTimeout(Exception):
    """A case ran longer than CASE_TIMEOUT_SECONDS."""


def run_case(tf: ModuleType, case: Case) -> CaseRun:
    """Execute one case in fresh state and capture its stdout."""
    try:
        _reset_state(tf)
    except Exception as exc:  # noqa: BLE001 - a backend that cannot reset fails the case
        return CaseRun("", f"resetting state failed: {type(exc).__name__}: {_first_line(exc)}")
    source = case.path.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__file__": str(case.path),
        "__builtins__": builtins,
        "tf": tf,
        "np": np,
        "show_error": show_error,
        "show_error_contains": show_error_contains,
    }
    buffer = io.StringIO()
    printoptions = np.get_printoptions()
    error = None
    try:
        code = compile(source, str(case.path), "exec")
        with contextlib.redirect_stdout(buffer), _time_limit(CASE_TIMEOUT_SECONDS):
            exec(code, namespace)
    except BaseException as exc:  # noqa: BLE001 - a crashing case must not stop the run
        if isinstance(exc, KeyboardInterrupt):
            raise
        error = _describe_crash(exc, case)
    finally:
        np.set_printoptions(**printoptions)
    return CaseRun(buffer.getvalue(), error)


def _reset_state(tf: ModuleType) -> None:
    """Close sessions left installed as default (InteractiveSession) and start a fresh graph."""
    # A backend still without default sessions cannot have one left over.
    get_default_session = getattr(tf, "get_default_session", lambda: None)
    for _ in range(100):
        sess = get_default_session()
        if sess is None:
            break
        sess.close()
        if get_default_session() is sess:  # a `with sess.as_default()` cannot be left open
            break
    tf.reset_default_graph()


def _describe_crash(exc: BaseException, case: Case) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(case.path)]
    where = f" (line {frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {_first_line(exc)}{where}"


@contextlib.contextmanager
def _time_limit(seconds: int):
    """Interrupt a runaway case (only possible from the main thread, via SIGALRM)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _raise(signum, frame):
        raise CaseTimeout(f"case exceeded {seconds} s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- comparing

# A number not glued to an identifier: `1.5`, `-2e-05`, `nan`, `-inf`; not the 32 of `float32`
# nor the 1 of `Const_1` (those are compared as text, digits included).
_NUMBER = re.compile(
    r"(?<![\w.])[-+]?(?:(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|nan|inf)(?![\w.])"
)


def _numbers_close(a: str, b: str) -> bool:
    if a == b:
        return True
    if _is_integer(a) and _is_integer(b):
        return False  # integers (shapes, counts, indices) must match exactly
    x, y = float(a), float(b)
    if np.isnan(x) or np.isnan(y):
        return bool(np.isnan(x) and np.isnan(y))
    return bool(np.isclose(x, y, rtol=RTOL, atol=ATOL))


def _is_integer(token: str) -> bool:
    return token.lstrip("+-").isdigit()


def texts_match(expected: str, got: str) -> bool:
    """Numbers within tolerance and the text between them identical.

    Whitespace may differ only when some number is spelled differently, because numpy pads array
    elements to a common width that depends on the digits printed.
    """
    exp_numbers, got_numbers = _NUMBER.findall(expected), _NUMBER.findall(got)
    if len(exp_numbers) != len(got_numbers):
        return False
    if not all(_numbers_close(a, b) for a, b in zip(exp_numbers, got_numbers)):
        return False
    exp_rest, got_rest = _NUMBER.sub("#", expected), _NUMBER.sub("#", got)
    if exp_rest == got_rest:
        return True
    spelled_differently = exp_numbers != got_numbers
    return spelled_differently and "".join(exp_rest.split()) == "".join(got_rest.split())


def compare(expected: str, got: str) -> str | None:
    """None when got matches expected, else a one-line description of the first difference."""
    if expected == got:
        return None
    exp_lines, got_lines = expected.splitlines(), got.splitlines()
    if len(exp_lines) == len(got_lines):
        if all(texts_match(e, g) for e, g in zip(exp_lines, got_lines)):
            return None
    elif texts_match(expected, got):  # an array wrapped onto a different number of lines
        return None
    for index, (e, g) in enumerate(zip(exp_lines, got_lines), start=1):
        if not texts_match(e, g):
            return f"line {index}: expected {e!r}, got {g!r}"
    index = min(len(exp_lines), len(got_lines)) + 1
    if len(exp_lines) > len(got_lines):
        return f"line {index}: expected {exp_lines[index - 1]!r}, got end of output"
    if len(got_lines) > len(exp_lines):
        return f"line {index}: expected end of output, got {got_lines[index - 1]!r}"
    return "outputs differ only in trailing newline"


def diff(expected: str, got: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), got.splitlines(), "expected", "got", lineterm=""
    )
    return "\n".join(lines)


@dataclass
class Verdict:
    """Outcome of one case: PASS, FAIL, XFAIL, XPASS or SKIP, with a one-line detail."""

    status: str
    detail: str = ""
    diff: str = ""

    @property
    def counts_as_failure(self) -> bool:
        return self.status in ("FAIL", "XPASS")


_REQUIRES = re.compile(r"^# requires: (\S+) \((.*)\)$", re.M)


def missing_requirement(case: Case) -> str | None:
    """Why the case cannot run here: a ``# requires: MODULE (how to install)`` line naming an
    optional package (an extra of tfcompat's, e.g. Pillow for JPEG) that is not installed."""
    for module, how in _REQUIRES.findall(case.path.read_text()):
        if importlib.util.find_spec(module) is None:
            return f"needs {module}: {how}"
    return None


def check_case(tf: ModuleType, case: Case, known_failures: dict[str, str]) -> Verdict:
    """Run a case and judge it against its recording and the known-failures list."""
    missing = missing_requirement(case)
    if missing is not None:
        return Verdict("SKIP", missing)
    expected = read_expected(case)
    run = run_case(tf, case)
    if expected is None:
        problem, patch = "no expected output recorded", ""
    elif run.error is not None:
        problem, patch = f"raised {run.error}", diff(expected, run.output)
    else:
        problem, patch = compare(expected, run.output), diff(expected, run.output)
    if case.id in known_failures:
        if problem is None:
            return Verdict("XPASS", "listed in known_failures.txt but passes")
        return Verdict("XFAIL", known_failures[case.id] or problem)
    if problem is None:
        return Verdict("PASS")
    return Verdict("FAIL", problem, patch)


# --------------------------------------------------------------------------- command line


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=BACKENDS, default="tfcompat")
    parser.add_argument(
        "--record", action="store_true", help="write .expected files (tensorflow backend only)"
    )
    parser.add_argument(
        "-k", dest="patterns", action="append", metavar="PATTERN",
        help="run cases whose id contains PATTERN (or matches it as a glob); repeatable",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show diffs of failures")
    args = parser.parse_args(argv)
    if args.record and args.backend != "tensorflow":
        parser.error("--record needs --backend tensorflow (expectations come from the oracle)")
    return args


def _record(tf: ModuleType, cases: list[Case]) -> int:
    failed = 0
    for case in cases:
        run = run_case(tf, case)
        if run.error is not None:
            failed += 1
            print(f"FAIL {case.id}: raised {run.error}")
            continue
        write_expected(case, run.output)
        print(f"RECORDED {case.id}")
    print(f"{len(cases) - failed} recorded, {failed} failed")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    cases = discover_cases(args.patterns)
    try:
        tf = load_backend(args.backend)
    except Exception as exc:  # noqa: BLE001 - an unimportable backend fails every case
        reason = f"backend {args.backend} failed to import: {type(exc).__name__}: {exc}"
        for case in cases:
            print(f"FAIL {case.id}: {reason}")
        print(f"0 passed, {len(cases)} failed")
        return 1
    if args.record:
        return _record(tf, cases)

    # The list describes tfcompat's gaps; the oracle itself must pass everything.
    known = load_known_failures() if args.backend == "tfcompat" else {}
    passed = failed = xfailed = skipped = 0
    for case in cases:
        verdict = check_case(tf, case, known)
        if verdict.status == "PASS":
            passed += 1
            print(f"PASS {case.id}")
        elif verdict.status == "SKIP":
            skipped += 1
            print(f"SKIP {case.id}: {verdict.detail}")
        elif verdict.status == "XFAIL":
            xfailed += 1
            print(f"XFAIL {case.id}: {verdict.detail}")
        else:
            failed += 1
            print(f"{verdict.status} {case.id}: {verdict.detail}")
            if args.verbose and verdict.diff:
                print(verdict.diff)
    summary = f"{passed} passed, {failed} failed"
    summary += f", {skipped} skipped" if skipped else ""
    print(summary + (f", {xfailed} xfailed" if xfailed else ""))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
