"""Element-wise numeric functions against TensorFlow 2.21's outputs on input sweeps.

The sweeps and TF's float32/float64 results are recorded in tests/ops/data/
special_math_oracle.json (see tests/ops/special_math_oracle.py). float64 results must agree
with TF to ~1e-13 relative; float32 results must be within one ulp of the correctly rounded
value (TF's own float32 kernels are up to 14 ulp away on these sweeps).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

import tfcompat as tf
from tests.ops.special_math_oracle import DATA_PATH

ORACLE = json.loads(DATA_PATH.read_text())


def _evaluate(entry, dtype):
    with tf.Graph().as_default():
        tensors = [tf.constant(np.asarray(x, dtype)) for x in entry["inputs"]]
        result = eval(entry["expression"], {"tf": tf}, dict(zip("abc", tensors)))  # noqa: S307
        with tf.Session() as sess:
            return np.asarray(sess.run(result))


def ulp_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance in float32 units in the last place (0 where equal or both NaN)."""
    a, b = np.asarray(a, np.float32), np.asarray(b, np.float32)
    ia, ib = (v.view(np.int32).astype(np.int64) for v in (a, b))
    ia = np.where(ia < 0, -(ia & 0x7FFFFFFF), ia)
    ib = np.where(ib < 0, -(ib & 0x7FFFFFFF), ib)
    same = (a == b) | (np.isnan(a) & np.isnan(b))
    return np.where(same, 0, np.abs(ia - ib))


@pytest.mark.parametrize("name", sorted(ORACLE))
def test_float64_matches_tensorflow(name):
    entry = ORACLE[name]
    got = _evaluate(entry, np.float64)
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, np.asarray(entry["float64"]), rtol=5e-14, atol=1e-14)


@pytest.mark.parametrize("name", sorted(ORACLE))
def test_float32_is_within_one_ulp_of_the_rounded_value(name):
    entry = ORACLE[name]
    got = _evaluate(entry, np.float32)
    assert got.dtype == np.float32
    exact = np.asarray(entry["float64"], np.float32)
    assert ulp_distance(got, exact).max() <= 1
    assert ulp_distance(got, exact).max() <= max(1, ulp_distance(entry["float32"], exact).max())
