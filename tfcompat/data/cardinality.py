"""Dataset cardinality as TF computes it for graph-mode (``DatasetV1``) pipelines.

Each dataset op's run-time value records its number of elements, derived from its inputs by
the op type's rule below: -1 is infinite, -2 unknown. As in TF1's graph mode, ``map``
(``preserve_cardinality`` unset) and every data-dependent transformation make it unknown.
Also ``DatasetCardinality`` (``tf.data.experimental.cardinality``) and
``AssertCardinalityDataset``.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors

INFINITE = -1
UNKNOWN = -2


def of(value) -> int:
    """The cardinality recorded on a dataset's run-time value (unknown if none)."""
    return getattr(value, "cardinality", UNKNOWN)


def _int(x) -> int:
    return int(np.asarray(x))


def _range(start, stop, step) -> int:
    start, stop, step = _int(start), _int(stop), _int(step)
    return len(range(start, stop, step)) if step else UNKNOWN


def _slices(*components) -> int:
    return int(np.shape(components[0])[0]) if components and np.ndim(components[0]) else 0


def _repeat(source, count) -> int:
    n, count = of(source), _int(count)
    if count == 0 or n == 0:
        return 0
    if n == INFINITE or count < 0:
        return INFINITE
    return UNKNOWN if n == UNKNOWN else n * count


def _take(source, count) -> int:
    n, count = of(source), _int(count)
    if count < 0:
        return n
    if n == INFINITE:
        return count
    return UNKNOWN if n == UNKNOWN else min(n, count)


def _skip(source, count) -> int:
    n, count = of(source), _int(count)
    if n in (INFINITE, UNKNOWN):
        return n
    return 0 if count < 0 else max(n - count, 0)


def _batch(source, size, *rest) -> int:
    n, size, drop = of(source), _int(size), bool(np.asarray(rest[-1]))
    if n in (INFINITE, UNKNOWN) or size <= 0:
        return n
    return n // size if drop else -(-n // size)


def _concatenate(a, b) -> int:
    cards = (of(a), of(b))
    if INFINITE in cards:
        return INFINITE
    return UNKNOWN if UNKNOWN in cards else sum(cards)


def _zip(*datasets) -> int:
    result = INFINITE
    for d in datasets:
        n = of(d)
        if n == UNKNOWN:
            return UNKNOWN
        if n != INFINITE:
            result = n if result == INFINITE else min(result, n)
    return result


def _window(source, size, shift, stride, drop) -> int:
    n, size, shift, stride = of(source), _int(size), _int(shift), _int(stride)
    if n in (INFINITE, UNKNOWN) or shift <= 0:
        return n
    if not bool(np.asarray(drop)):
        return -(-n // shift)
    span = (size - 1) * stride + 1
    return 0 if n < span else (n - span) // shift + 1


def _same(source, *_) -> int:
    return of(source)


def _asserted(source, count) -> int:
    return _int(count)


RULES = {
    "TensorDataset": lambda *c: 1,
    "TensorSliceDataset": _slices,
    "RangeDataset": _range,
    "ZipDataset": _zip,
    "ConcatenateDataset": _concatenate,
    "BatchDatasetV2": _batch,
    "PaddedBatchDatasetV2": _batch,
    "RepeatDataset": _repeat,
    "TakeDataset": _take,
    "SkipDataset": _skip,
    "PrefetchDataset": _same,
    "CacheDataset": _same,
    "ShuffleDataset": _same,
    "WindowDataset": _window,
    "ScanDataset": _same,
    "AssertCardinalityDataset": _asserted,
    "OptionsDataset": _same,
}


def _element_count(n: int) -> str:
    return f"{n} element" if n == 1 else f"{n} elements"


def asserted(source, count: int):
    """The elements of ``source``, failing if there are not exactly ``count`` of them."""
    from tfcompat.data.sources import FromGenerator

    def gen():
        seen = 0
        for element in source:
            seen += 1
            if seen > count:
                raise errors.FailedPreconditionError(
                    None, None, f"Input dataset was expected to contain "
                    f"{_element_count(count)} but contained at least "
                    f"{_element_count(seen)}.")
            yield element
        if seen < count:
            raise errors.FailedPreconditionError(
                None, None, f"Input dataset was expected to contain {_element_count(count)} "
                f"but contained only {_element_count(seen)}.")
    return FromGenerator(gen)
