"""Unmodified TF1 scripts run through ``python -m tfcompat`` print what TensorFlow prints.

The expected transcripts were recorded on TensorFlow 2.21 (see dropin_cases.py, record.py).
"""

from __future__ import annotations

import pytest

import tfcompat
from tests.dropin.dropin_cases import CASES, read_expected, run_tfcompat

pytestmark = pytest.mark.skipif(
    not hasattr(tfcompat, "app"),
    reason="needs the drop-in exports (tf.app, tf.flags, tf.logging, tf.gfile...) in tfcompat")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_script_matches_tensorflow(case):
    assert run_tfcompat(case) == read_expected(case)
