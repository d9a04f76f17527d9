"""Records the oracle's transcripts for the drop-in script cases (run when a case changes).

    /opt/tfvenv/bin/python -m tests.dropin.record [CASE_ID...]     (from the repository root)

Runs each case on real TensorFlow (/opt/tfvenv/bin/python) and writes expected/<id>.txt.
"""

from __future__ import annotations

import sys

from tests.dropin.dropin_cases import CASES, EXPECTED, HEADER, expected_path, run_oracle


def main(ids: list[str]) -> None:
    EXPECTED.mkdir(exist_ok=True)
    for case in CASES:
        if ids and case.id not in ids:
            continue
        command = " ".join(["$", case.script, *case.args])
        expected_path(case).write_text(f"{HEADER}\n# {command}\n{run_oracle(case)}")
        print("recorded", case.id)


if __name__ == "__main__":
    main(sys.argv[1:])
