"""Runs the summary conformance cases in ``tests/summary/cases`` with the conformance runner.

The cases have the format of ``conformance/cases`` (a TF1 program printing what it checks, its
oracle output beside it in ``<name>.expected``). Re-record them against real TensorFlow with::

    /opt/tfvenv/bin/python tests/summary/summary_cases.py --record
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CASES_DIR = Path(__file__).resolve().parent / "cases"
_RUNNER_PATH = Path(__file__).resolve().parents[2] / "conformance" / "run.py"


def load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("conformance_run", _RUNNER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module through sys.modules
    spec.loader.exec_module(module)
    return module


def discover(runner: ModuleType) -> list:
    return [runner.Case(f"summary/{p.stem}", p) for p in sorted(CASES_DIR.glob("*.py"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--record", action="store_true", help="record with tensorflow")
    parser.add_argument("-k", dest="pattern", default="", help="only case ids containing this")
    args = parser.parse_args(argv)
    runner = load_runner()
    tf = runner.load_backend("tensorflow" if args.record else "tfcompat")
    failed = 0
    for case in discover(runner):
        if args.pattern not in case.id:
            continue
        if args.record:
            run = runner.run_case(tf, case)
            if run.error is not None:
                failed += 1
                print(f"FAIL {case.id}: raised {run.error}")
            else:
                runner.write_expected(case, run.output)
                print(f"RECORDED {case.id}")
            continue
        verdict = runner.check_case(tf, case, {})
        failed += verdict.counts_as_failure
        print(f"{verdict.status} {case.id} {verdict.detail}")
        if verdict.diff:
            print(verdict.diff)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
