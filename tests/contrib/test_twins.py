"""Classic TF1 programs using tf.contrib give the numbers (and names) the oracle gives for the
same model built from core ops: each ``programs/<name>.py`` runs on tfcompat and must print what
``conformance/cases/contrib/<name>.py`` printed on TensorFlow 2.21 (its ``.expected``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import tfcompat

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = Path(__file__).resolve().parent / "programs"


def _runner():
    name = "conformance_run"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "conformance" / "run.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.mark.parametrize("name", sorted(p.stem for p in PROGRAMS.glob("*.py")))
def test_contrib_program_matches_the_oracle_core_op_twin(name):
    runner = _runner()
    twin = runner.Case(f"contrib/{name}", ROOT / "conformance" / "cases" / "contrib" /
                       f"{name}.py")
    expected = runner.read_expected(twin)
    assert expected is not None, f"record {twin.id} from the oracle first"
    run = runner.run_case(tfcompat, runner.Case(f"contrib-program/{name}", PROGRAMS /
                                                f"{name}.py"))
    assert run.error is None, run.error
    difference = runner.compare(expected, run.output)
    assert difference is None, f"{difference}\n{runner.diff(expected, run.output)}"
