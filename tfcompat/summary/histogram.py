"""TF's histogram: fixed exponential buckets, double statistics, sparse ``HistogramProto``.

Bucket limits grow by a factor 1.1 from 1e-12 up to 1e20 and end with DBL_MAX; the negatives
mirror them (starting at -DBL_MAX) and 0 sits in the middle: 1551 limits. A value is counted
in the first bucket whose limit is strictly greater than it. The proto keeps every non-empty
bucket and collapses each run of empty buckets into one entry carrying the run's last limit.
"""

from __future__ import annotations

import sys

import numpy as np

from tfcompat.protobuf.summary_pb2 import HistogramProto

DBL_MAX = sys.float_info.max


def _default_bucket_limits() -> np.ndarray:
    positive = []
    limit = 1.0e-12
    while limit < 1.0e20:
        positive.append(limit)
        limit *= 1.1  # in double, one multiply at a time, as the edges are defined
    positive.append(DBL_MAX)
    negative = [-x for x in reversed(positive)]
    return np.array(negative + [0.0] + positive, dtype=np.float64)


BUCKET_LIMITS = _default_bucket_limits()


def histogram_proto(values: np.ndarray) -> HistogramProto:
    """The ``HistogramProto`` TF builds for ``values`` (any real dtype; NaN/Inf checked by the
    caller).

    Sums accumulate in double in element order (a cumulative sum, not numpy's pairwise sum),
    so they agree bit for bit with TF's.
    """
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    proto = HistogramProto()
    if flat.size:
        proto.min = float(flat.min())
        proto.max = float(flat.max())
        proto.sum = float(np.cumsum(flat)[-1])
        with np.errstate(over="ignore"):  # huge values square to inf, as in C
            proto.sum_squares = float(np.cumsum(flat * flat)[-1])
    else:
        proto.min = DBL_MAX
        proto.max = -DBL_MAX
    proto.num = float(flat.size)
    index = np.searchsorted(BUCKET_LIMITS, flat, side="right")
    # TF indexes past its last bucket for values >= DBL_MAX (and crashes); count them last.
    counts = np.bincount(np.minimum(index, len(BUCKET_LIMITS) - 1), minlength=len(BUCKET_LIMITS))
    nonzero = counts > 0
    # Each kept entry ends either at a non-empty bucket or at the end of a run of empty ones.
    run_end = ~nonzero & np.append(nonzero[1:], True)
    keep = np.flatnonzero(nonzero | run_end)
    proto.bucket_limit.extend(BUCKET_LIMITS[keep].tolist())
    proto.bucket.extend(counts[keep].astype(np.float64).tolist())
    return proto
