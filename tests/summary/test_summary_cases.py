"""The summary conformance cases (oracle output recorded beside each program) against tfcompat."""

from __future__ import annotations

import pytest
import summary_cases

runner = summary_cases.load_runner()


@pytest.fixture(autouse=True)
def fresh_graph():
    """Cases reset the default graph themselves (the runner calls tf.reset_default_graph)."""
    yield


@pytest.fixture(scope="module")
def tf():
    return runner.load_backend("tfcompat")


@pytest.mark.parametrize("case", summary_cases.discover(runner), ids=lambda c: c.id)
def test_case(tf, case):
    expected = runner.read_expected(case)
    assert expected is not None, f"{case.id}: no expected output recorded"
    run = runner.run_case(tf, case)
    assert run.error is None, f"{case.id} raised {run.error}\n{runner.diff(expected, run.output)}"
    problem = runner.compare(expected, run.output)
    assert problem is None, f"{problem}\n{runner.diff(expected, run.output)}"
