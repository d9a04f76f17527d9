"""TF's histogram buckets and sparse HistogramProto, checked against recorded facts and math."""

from __future__ import annotations

import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tfcompat.summary.histogram import BUCKET_LIMITS, histogram_proto

DBL_MAX = sys.float_info.max


def test_default_limits():
    assert len(BUCKET_LIMITS) == 1551
    assert BUCKET_LIMITS[0] == -DBL_MAX and BUCKET_LIMITS[-1] == DBL_MAX
    assert BUCKET_LIMITS[775] == 0.0 and BUCKET_LIMITS[776] == 1e-12
    assert np.all(np.diff(BUCKET_LIMITS) > 0)
    np.testing.assert_array_equal(BUCKET_LIMITS[:775], -BUCKET_LIMITS[776:][::-1])
    assert BUCKET_LIMITS[-2] < 1e20 <= BUCKET_LIMITS[-2] * 1.1


def test_recorded_example():
    """§1.8 of tf1-semantics: [1, 2, 3, 100] as float32."""
    h = histogram_proto(np.array([1, 2, 3, 100], np.float32))
    assert (h.min, h.max, h.num, h.sum, h.sum_squares) == (1, 100, 4, 106, 10014)
    assert list(h.bucket_limit) == [
        0.917246389039776, 1.0089710279437536, 1.9661990955585713, 2.1628190051144287,
        2.8787120958073054, 3.1665833053880363, 97.88757810018231, 107.67633591020055, DBL_MAX]
    assert list(h.bucket) == [0, 1, 0, 1, 0, 1, 0, 1, 0]


def test_empty_input():
    h = histogram_proto(np.zeros([0], np.float32))
    assert (h.min, h.max, h.num) == (DBL_MAX, -DBL_MAX, 0)
    assert list(h.bucket_limit) == [DBL_MAX] and list(h.bucket) == [0]


def test_sums_accumulate_float32_values_in_double_in_order():
    assert histogram_proto(np.array([0.3], np.float32)).sum == 0.30000001192092896
    # TF adds one value at a time: each 1.0 is lost against 1e16 (numpy's pairwise sum keeps
    # them), as the byte-exact histogram cases recorded from TF confirm on random data.
    values = np.array([1e16] + [1.0] * 1000)
    assert histogram_proto(values).sum == 1e16 != np.sum(values)


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 200),
                  elements=st.floats(-1e30, 1e30, allow_nan=False)))
def test_counts_and_sparse_runs(values):
    h = histogram_proto(values)
    limits, counts = np.array(h.bucket_limit), np.array(h.bucket)
    assert counts.sum() == values.size == h.num
    assert np.all(np.diff(limits) > 0) and limits[-1] == DBL_MAX
    assert not np.any((counts[:-1] == 0) & (counts[1:] == 0)), "empty runs are collapsed"
    for limit, count in zip(limits, counts):
        i = int(np.searchsorted(BUCKET_LIMITS, limit))
        lower = BUCKET_LIMITS[i - 1] if i else -np.inf
        in_bucket = np.sum((values >= lower) & (values < limit))
        if count:
            assert in_bucket == count
        else:
            assert in_bucket == 0
    assert h.min == values.min() and h.max == values.max()
