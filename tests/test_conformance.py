"""Every conformance case as a pytest test against tfcompat (see conformance/README.md).

Cases listed in conformance/known_failures.txt are strict xfails: once one passes, the test fails
until the line is removed, so the list only ever shrinks honestly.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_RUNNER_PATH = Path(__file__).resolve().parent.parent / "conformance" / "run.py"


def _load_runner():
    spec = importlib.util.spec_from_file_location("conformance_run", _RUNNER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module through sys.modules
    spec.loader.exec_module(module)
    return module


runner = _load_runner()
_KNOWN_FAILURES = runner.load_known_failures()


def _params():
    for case in runner.discover_cases():
        marks = []
        if case.id in _KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(reason=_KNOWN_FAILURES[case.id], strict=True))
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.fixture(scope="module")
def tf():
    # Imported lazily so the cases stay collectible while tfcompat cannot be imported.
    return runner.load_backend("tfcompat")


@pytest.mark.parametrize("case", list(_params()))
def test_case(tf, case):
    missing = runner.missing_requirement(case)
    if missing is not None:
        pytest.skip(missing)
    expected = runner.read_expected(case)
    assert expected is not None, f"{case.id}: no expected output recorded"
    run = runner.run_case(tf, case)
    assert run.error is None, f"{case.id} raised {run.error}\n{runner.diff(expected, run.output)}"
    problem = runner.compare(expected, run.output)
    assert problem is None, f"{problem}\n{runner.diff(expected, run.output)}"
