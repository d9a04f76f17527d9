"""``tf.io.RaggedFeature``: a feature of ``parse_example`` / ``parse_single_example`` parsed
into a RaggedTensor, its values partitioned by other features of the same Example.

The value and partition features are read as VarLenFeatures (one row per Example), then the
partitions are applied innermost first; a batch of Examples adds the outer batch dimension.
"""

from __future__ import annotations

import collections

from tfcompat.framework import dtypes
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.ragged.ragged_dispatch import _concat
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor


class RaggedFeature(collections.namedtuple(
        "RaggedFeature", ["dtype", "value_key", "partitions", "row_splits_dtype", "validate"])):
    """Parses the values at ``value_key`` (default: the feature's key) into a RaggedTensor
    whose rows are given by ``partitions`` (outermost first): RowSplits, RowLengths,
    RowStarts, RowLimits, ValueRowIds (each naming an int64 feature) or
    UniformRowLength."""

    RowSplits = collections.namedtuple("RowSplits", ["key"])
    RowLengths = collections.namedtuple("RowLengths", ["key"])
    RowStarts = collections.namedtuple("RowStarts", ["key"])
    RowLimits = collections.namedtuple("RowLimits", ["key"])
    ValueRowIds = collections.namedtuple("ValueRowIds", ["key"])
    UniformRowLength = collections.namedtuple("UniformRowLength", ["length"])

    def __new__(cls, dtype, value_key=None, partitions=(), row_splits_dtype=dtypes.int32,
                validate=False):
        dtype = dtypes.as_dtype(dtype)
        row_splits_dtype = dtypes.as_dtype(row_splits_dtype)
        if dtype not in (dtypes.int64, dtypes.float32, dtypes.string):
            raise ValueError(f"dtype must be int64, float32 or string; got {dtype!r}")
        if row_splits_dtype not in (dtypes.int32, dtypes.int64):
            raise ValueError(f"row_splits_dtype must be int32 or int64; got "
                             f"{row_splits_dtype!r}")
        if value_key is not None and not isinstance(value_key, str):
            raise ValueError(f"value_key must be a string; got {value_key!r}")
        partitions = tuple(partitions)
        kinds = (cls.RowSplits, cls.RowLengths, cls.RowStarts, cls.RowLimits, cls.ValueRowIds,
                 cls.UniformRowLength)
        for p in partitions:
            if not isinstance(p, kinds):
                raise TypeError(f"partitions must be a list of partition objects; got {p!r}")
        return super().__new__(cls, dtype, value_key, partitions, row_splits_dtype, validate)


def helper_features(key: str, feature: RaggedFeature, var_len_feature) -> dict:
    """The VarLenFeatures a RaggedFeature is read from: its values and partition keys."""
    needed = {feature.value_key or key: var_len_feature(feature.dtype)}
    for p in feature.partitions:
        if not isinstance(p, RaggedFeature.UniformRowLength):
            needed[p.key] = var_len_feature(dtypes.int64)
    return needed


def _per_example(sparse) -> RaggedTensor:
    """A batch's VarLen SparseTensor as one row per Example."""
    return RaggedTensor.from_value_rowids(sparse.values, sparse.indices[:, 0],
                                          nrows=sparse.dense_shape[0], validate=False)


def _one_per_row(values, nrows_dtype) -> RaggedTensor:
    """``values`` (a vector) as a RaggedTensor with one value in each row."""
    n = array_ops.shape(values, out_type=nrows_dtype)[0]
    return RaggedTensor.from_row_splits(values, math_ops.range(n + 1, dtype=nrows_dtype),
                                        validate=False)


def _batch_lengths(partition, part: RaggedTensor, counts):
    """Per Example, the lengths of the rows ``partition`` makes (a RaggedTensor); ``counts``
    holds each Example's number of items at the level being partitioned."""
    if isinstance(partition, RaggedFeature.RowLengths):
        return part
    if isinstance(partition, RaggedFeature.RowSplits):
        return part[:, 1:] - part[:, :-1]
    if isinstance(partition, RaggedFeature.RowLimits):
        zeros = _one_per_row(array_ops.zeros_like(counts), dtypes.int64)
        return part - _concat([zeros, part[:, :-1]], 1, None)
    if isinstance(partition, RaggedFeature.RowStarts):
        ends = _one_per_row(counts, dtypes.int64)
        return _concat([part[:, 1:], ends], 1, None) - part
    # ValueRowIds: each Example has max(id) + 1 rows; count its ids per row.
    nrows = math_ops.maximum(math_ops.reduce_max(part, axis=1) + 1, 0)
    offsets = array_ops.cumsum(nrows, exclusive=True)
    ids = part.values + array_ops.gather(offsets, part.value_rowids())
    total = math_ops.reduce_sum(nrows)
    from tfcompat.ops.count_ops import bincount
    lengths = bincount(math_ops.cast(ids, dtypes.int32), minlength=math_ops.cast(
        total, dtypes.int32), maxlength=math_ops.cast(total, dtypes.int32), dtype=dtypes.int64)
    return RaggedTensor.from_row_lengths(lengths, nrows, validate=False)


def build_batch(feature: RaggedFeature, key: str, parsed: dict,
                batch_size: int | None) -> RaggedTensor:
    """The RaggedFeature of a batch of Examples: [batch, (partitions...), (values)]."""
    values = _per_example(parsed[feature.value_key or key])
    flat = values.values
    batch_splits = values.row_splits
    for partition in reversed(feature.partitions):
        counts = batch_splits[1:] - batch_splits[:-1]
        if isinstance(partition, RaggedFeature.UniformRowLength):
            flat = _uniform(flat, partition.length)
            batch_splits = math_ops.floordiv(batch_splits, partition.length)
            continue
        lengths = _batch_lengths(partition, _per_example(parsed[partition.key]), counts)
        flat = RaggedTensor.from_row_lengths(flat, lengths.values, validate=feature.validate)
        batch_splits = lengths.row_splits
    if batch_size is not None:
        batch_splits.set_shape([batch_size + 1])
    result = RaggedTensor.from_row_splits(flat, batch_splits, validate=feature.validate)
    return result.with_row_splits_dtype(feature.row_splits_dtype)


def build_single(feature: RaggedFeature, key: str, parsed: dict):
    """The RaggedFeature of one Example: its values, partitioned (a Tensor without
    partitions)."""
    result = parsed[feature.value_key or key].values
    factories = {RaggedFeature.RowSplits: RaggedTensor.from_row_splits,
                 RaggedFeature.RowLengths: RaggedTensor.from_row_lengths,
                 RaggedFeature.RowStarts: RaggedTensor.from_row_starts,
                 RaggedFeature.RowLimits: RaggedTensor.from_row_limits,
                 RaggedFeature.ValueRowIds: RaggedTensor.from_value_rowids}
    for partition in reversed(feature.partitions):
        if isinstance(partition, RaggedFeature.UniformRowLength):
            result = _uniform(result, partition.length)
            continue
        factory = factories[type(partition)]
        result = factory(result, parsed[partition.key].values, validate=feature.validate)
    if isinstance(result, RaggedTensor):
        result = result.with_row_splits_dtype(feature.row_splits_dtype)
    return result


def _uniform(values, length: int):
    """Groups ``values`` into rows of ``length`` (a dense dimension for a Tensor)."""
    if isinstance(values, RaggedTensor):
        return RaggedTensor.from_uniform_row_length(values, length, validate=False)
    shape = array_ops.shape(values)
    return array_ops.reshape(values, array_ops.concat([[-1, length], shape[1:]], axis=0))
