"""``tf.RaggedTensor``: ``values`` partitioned into rows of different lengths by ``row_splits``.

A composite of dense tensors: the flat values and one int32/int64 ``row_splits`` vector per
ragged dimension (``rt[i] = values[row_splits[i]:row_splits[i + 1]]``). ``Session.run`` returns
a ``RaggedTensorValue``; a RaggedTensor from ``tf.ragged.placeholder`` is fed one. Constructors
build TF's graph: the name scopes ``RaggedFromRowSplits`` / ``RowPartitionFromRowSplits`` ...,
and, with ``validate=True``, TF's checks of the partition as assert ops.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.ops import Tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, check_ops, control_flow_ops, math_ops
from tfcompat.ops.ragged import ragged_operators
from tfcompat.ops.ragged.ragged_checks import runtime_assert
from tfcompat.ops.ragged.ragged_tensor_value import RaggedTensorValue

_SPLIT_DTYPES = (dtypes.int32, dtypes.int64)


def is_ragged(value) -> bool:
    return isinstance(value, (RaggedTensor, RaggedTensorValue))


def _convert_partition(value, name: str, dtype=None) -> Tensor:
    """A row-partition vector (splits, lengths, ids...): int64 unless given as int32."""
    tensor = ops.convert_to_tensor(value, name=name, dtype=dtype,
                                   preferred_dtype=None if dtype else dtypes.int64)
    if tensor.dtype not in _SPLIT_DTYPES:
        raise ValueError(f"{name} must have dtype int32 or int64")
    return tensor


def _convert_values(values, name: str = "values"):
    if isinstance(values, RaggedTensorValue):
        values = RaggedTensor.from_nested_row_splits(values.flat_values, values.nested_row_splits,
                                                     validate=False)
    if isinstance(values, RaggedTensor):
        return values
    return ops.convert_to_tensor(values, name=name)


def _nvals(values) -> Tensor:
    if isinstance(values, RaggedTensor):
        return values.nrows(out_type=values.row_splits.dtype)
    return array_ops.shape(values, out_type=dtypes.int64)[0]


def _static_length(vector: Tensor) -> int | None:
    dims = vector.shape.as_list() if vector.shape.ndims is not None else [None]
    return dims[0]


def _with_checks(checks: list, tensor: Tensor) -> Tensor:
    checks = [c for c in checks if c is not None]
    return control_flow_ops.with_dependencies(checks, tensor) if checks else tensor


def _splits_checks(splits: Tensor) -> list:
    """TF's checks of a row_splits vector: starts at zero, never decreases."""
    return [runtime_assert(math_ops.equal(splits[:1], math_ops.cast(0, splits.dtype)),
                            "First element of row_splits must be zero", "assert_equal"),
            runtime_assert(math_ops.greater_equal(splits[1:] - splits[:-1], 0),
                            "row_splits must be monotonically increasing",
                            "assert_non_negative")]


def _check_static_nrows(rowids: Tensor, nrows) -> None:
    rowids_value = tensor_util.constant_value(rowids)
    nrows_value = None if nrows is None else tensor_util.constant_value(nrows)
    if rowids_value is None or nrows_value is None or not len(rowids_value):
        return
    if nrows_value < rowids_value[-1] + 1:
        raise ValueError(f"Expected nrows >= value_rowids[-1] + 1; got nrows={nrows_value}, "
                         f"value_rowids[-1]={rowids_value[-1]}")


class RaggedTensor:
    """A tensor with one or more ragged dimensions: ``values`` (a Tensor or another
    RaggedTensor) partitioned into rows by ``row_splits``. Build one with a factory method
    (``from_row_splits``, ``from_row_lengths``, ``tf.ragged.constant``...)."""

    def __init__(self, values, row_splits, internal=False, uniform_row_length=None):
        if not internal:
            raise ValueError("RaggedTensor constructor is private; please use one of the factory "
                             "methods instead (e.g., RaggedTensor.from_row_lengths())")
        if isinstance(values, RaggedTensor) and values.row_splits.dtype != row_splits.dtype:
            raise ValueError("dtype mismatch: row_splits have dtype "
                             f"{row_splits.dtype.name} but values.row_splits have dtype "
                             f"{values.row_splits.dtype.name}")
        self._values = values
        self._row_splits = row_splits
        self._uniform_row_length = uniform_row_length

    # ---- factories ---------------------------------------------------------------------------

    @classmethod
    def _from_partition(cls, values, row_splits: Tensor, validate: bool) -> RaggedTensor:
        """Wraps already-converted parts; with ``validate``, checks nvals == row_splits[-1]."""
        values = _convert_values(values)
        row_splits.shape.with_rank(1)
        if validate:
            nvals = math_ops.cast(_nvals(values), row_splits.dtype)
            checks = [runtime_assert(
                math_ops.equal(row_splits[-1:], array_ops.reshape(nvals, [1])),
                "Last row partition does not match flat_values.", "assert_equal")]
            row_splits = _with_checks(checks, row_splits)
        if isinstance(values, Tensor):
            values.shape.with_rank_at_least(1)
        return cls(values, row_splits, internal=True)

    @classmethod
    def from_row_splits(cls, values, row_splits, name=None, validate=True) -> RaggedTensor:
        """``result[i] = values[row_splits[i]:row_splits[i + 1]]``."""
        with ops.name_scope(name, "RaggedFromRowSplits", [values, row_splits]):
            with ops.name_scope(None, "RowPartitionFromRowSplits"):
                splits = _convert_partition(row_splits, "row_splits")
                splits.shape.with_rank(1)
                if validate:
                    splits = _with_checks(_splits_checks(splits), splits)
            return cls._from_partition(values, splits, validate)

    @classmethod
    def from_row_lengths(cls, values, row_lengths, name=None, validate=True) -> RaggedTensor:
        """``result[i]`` has ``row_lengths[i]`` values, taken in order from ``values``."""
        with ops.name_scope(name, "RaggedFromRowLengths", [values, row_lengths]):
            with ops.name_scope(None, "RowPartitionFromRowLengths"):
                lengths = _convert_partition(row_lengths, "row_lengths")
                lengths.shape.with_rank(1)
                checks = [check_ops.assert_non_negative(
                    lengths, message="Arguments to from_row_lengths do not form a valid "
                                     "RowPartition")] if validate else []
                cumsum = array_ops.cumsum(_with_checks(checks, lengths), axis=0)
                splits = array_ops.concat([array_ops.zeros([1], lengths.dtype), cumsum], axis=0)
            return cls._from_partition(values, splits, validate)

    @classmethod
    def from_value_rowids(cls, values, value_rowids, nrows=None, name=None,
                          validate=True) -> RaggedTensor:
        """``result[i]`` holds the values whose ``value_rowids`` is ``i`` (ids sorted)."""
        with ops.name_scope(name, "RaggedFromValueRowIds", [values, value_rowids, nrows]):
            with ops.name_scope(None, "RowPartitionFromValueRowIds"):
                rowids = _convert_partition(value_rowids, "value_rowids")
                rowids.shape.with_rank(1)
                if nrows is not None:
                    nrows = _convert_partition(nrows, "nrows", dtype=rowids.dtype)
                if validate:
                    _check_static_nrows(rowids, nrows)
                    checks = [runtime_assert(math_ops.greater_equal(rowids[:1], 0),
                                              "value_rowids must be non-negative",
                                              "assert_non_negative"),
                              runtime_assert(math_ops.greater_equal(rowids[1:] - rowids[:-1], 0),
                                              "value_rowids must be sorted in ascending order",
                                              "assert_non_negative")]
                    if nrows is not None:
                        checks.append(runtime_assert(
                            math_ops.less(rowids[-1:], array_ops.reshape(nrows, [1])),
                            "row_ids must be less than nrows", "assert_less"))
                    rowids = _with_checks(checks, rowids)
                splits = _segment_ids_to_splits(rowids, nrows, rowids.dtype)
            return cls._from_partition(values, splits, validate)

    @classmethod
    def from_row_starts(cls, values, row_starts, name=None, validate=True) -> RaggedTensor:
        """``result[i] = values[row_starts[i]:row_starts[i + 1]]`` (the last row ends at
        ``nvals``)."""
        with ops.name_scope(name, "RaggedFromRowStarts", [values, row_starts]):
            values = _convert_values(values)
            with ops.name_scope(None, "RowPartitionFromRowStarts"):
                starts = _convert_partition(row_starts, "row_starts")
                starts.shape.with_rank(1)
                nvals = array_ops.reshape(math_ops.cast(_nvals(values), starts.dtype), [1])
                splits = array_ops.concat([starts, nvals], axis=0)
                if validate:
                    splits = _with_checks(_splits_checks(splits), splits)
            return cls._from_partition(values, splits, validate)

    @classmethod
    def from_row_limits(cls, values, row_limits, name=None, validate=True) -> RaggedTensor:
        """``result[i] = values[row_limits[i - 1]:row_limits[i]]`` (the first row starts at
        zero)."""
        with ops.name_scope(name, "RaggedFromRowLimits", [values, row_limits]):
            with ops.name_scope(None, "RowPartitionFromRowLimits"):
                limits = _convert_partition(row_limits, "row_limits")
                limits.shape.with_rank(1)
                splits = array_ops.concat([array_ops.zeros([1], limits.dtype), limits], axis=0)
                if validate:
                    splits = _with_checks(_splits_checks(splits), splits)
            return cls._from_partition(values, splits, validate)

    @classmethod
    def from_uniform_row_length(cls, values, uniform_row_length, nrows=None, validate=True,
                                name=None) -> RaggedTensor:
        """Rows of ``uniform_row_length`` values each (``nrows`` of them, by default
        ``nvals // uniform_row_length``)."""
        with ops.name_scope(name, "RaggedFromUniformRowLength",
                            [values, uniform_row_length, nrows]):
            values = _convert_values(values)
            length = _convert_partition(uniform_row_length, "UniformRowLength")
            length.shape.with_rank(0)
            static_nvals = (_static_length(values) if isinstance(values, Tensor)
                            else _static_length(values.row_splits))
            if isinstance(values, RaggedTensor) and static_nvals is not None:
                static_nvals -= 1
            nvals = (ops.convert_to_tensor(static_nvals, dtype=length.dtype)
                     if static_nvals is not None
                     else math_ops.cast(_nvals(values), length.dtype))
            with ops.name_scope(None, "RowPartitionFromUniformRowLength"):
                static_length = tensor_util.constant_value(length)
                if nrows is not None:
                    nrows = _convert_partition(nrows, "nrows", dtype=length.dtype)
                static_nrows = None if nrows is None else tensor_util.constant_value(nrows)
                if static_nrows is not None and static_length is not None:
                    splits = ops.convert_to_tensor(
                        [i * int(static_length) for i in range(int(static_nrows) + 1)],
                        dtype=length.dtype)
                else:
                    if nrows is None:
                        nrows = math_ops.floordiv(nvals, math_ops.maximum(length, 1)) \
                            if static_length == 0 else math_ops.floordiv(nvals, length)
                    splits = math_ops.range(nrows + 1, dtype=length.dtype) * length
                if validate:
                    checks = [runtime_assert(math_ops.equal(splits[-1:], array_ops.reshape(
                        nvals, [1])), "uniform_row_length must divide nvals", "assert_equal")]
                    splits = _with_checks(checks, splits)
            result = cls._from_partition(values, splits, validate)
            result._uniform_row_length = length
            return result

    @classmethod
    def from_nested_row_splits(cls, flat_values, nested_row_splits, name=None,
                               validate=True) -> RaggedTensor:
        """``from_row_splits`` applied once per ``nested_row_splits`` entry, innermost
        first."""
        if isinstance(nested_row_splits, Tensor):
            raise TypeError("nested_row_splits must be a list of Tensors")
        with ops.name_scope(name, "RaggedFromNestedRowSplits",
                            [flat_values] + list(nested_row_splits)):
            result = flat_values
            for splits in reversed(nested_row_splits):
                result = cls.from_row_splits(result, splits, validate=validate)
            return result

    @classmethod
    def from_nested_value_rowids(cls, flat_values, nested_value_rowids, nested_nrows=None,
                                 name=None, validate=True) -> RaggedTensor:
        """``from_value_rowids`` applied once per ``nested_value_rowids`` entry (with the
        matching ``nested_nrows``), innermost first."""
        if nested_nrows is None:
            nested_nrows = [None] * len(nested_value_rowids)
        if len(nested_nrows) != len(nested_value_rowids):
            raise ValueError("Argument `nested_nrows` must have the same length as argument "
                             "`nested_value_rowids`.")
        with ops.name_scope(name, "RaggedFromNestedValueRowIds",
                            [flat_values] + list(nested_value_rowids)):
            result = flat_values
            for rowids, nrows in reversed(list(zip(nested_value_rowids, nested_nrows))):
                result = cls.from_value_rowids(result, rowids, nrows, validate=validate)
            return result

    @classmethod
    def from_nested_row_lengths(cls, flat_values, nested_row_lengths, name=None,
                                validate=True) -> RaggedTensor:
        """``from_row_lengths`` applied once per ``nested_row_lengths`` entry, innermost
        first."""
        with ops.name_scope(name, "RaggedFromNestedRowlengths",
                            [flat_values] + list(nested_row_lengths)):
            result = flat_values
            for lengths in reversed(nested_row_lengths):
                result = cls.from_row_lengths(result, lengths, validate=validate)
            return result

    @classmethod
    def from_tensor(cls, tensor, lengths=None, padding=None, ragged_rank=1, name=None,
                    row_splits_dtype=dtypes.int64) -> RaggedTensor:
        """The rows of a dense ``tensor``, each cut at its ``lengths`` entry or after its last
        element that is not ``padding`` (whole rows when neither is given)."""
        from tfcompat.ops.ragged import ragged_conversion
        return ragged_conversion.from_tensor(cls, tensor, lengths, padding, ragged_rank, name,
                                             dtypes.as_dtype(row_splits_dtype))

    @classmethod
    def from_sparse(cls, st_input, name=None, row_splits_dtype=dtypes.int64) -> RaggedTensor:
        """The rows of a 2-D right-ragged SparseTensor (each row's values at columns 0..n-1)."""
        from tfcompat.ops.ragged import ragged_conversion
        return ragged_conversion.from_sparse(cls, st_input, name,
                                             dtypes.as_dtype(row_splits_dtype))

    # ---- accessors ---------------------------------------------------------------------------

    values = property(lambda self: self._values, doc="The concatenated rows.")
    row_splits = property(lambda self: self._row_splits, doc="The row-split indices.")

    @property
    def flat_values(self) -> Tensor:
        values = self._values
        while isinstance(values, RaggedTensor):
            values = values.values
        return values

    @property
    def nested_row_splits(self) -> tuple:
        splits = [self._row_splits]
        values = self._values
        while isinstance(values, RaggedTensor):
            splits.append(values.row_splits)
            values = values.values
        return tuple(splits)

    @property
    def ragged_rank(self) -> int:
        values = self._values
        return values.ragged_rank + 1 if isinstance(values, RaggedTensor) else 1

    @property
    def dtype(self):
        return self._values.dtype

    @property
    def uniform_row_length(self):
        """The length of every row, when the rows are built uniform; else None."""
        return self._uniform_row_length

    @property
    def row_splits_dtype(self):
        return self._row_splits.dtype

    @property
    def shape(self) -> TensorShape:
        """``[nrows, None, ...]``: the ragged dimension has no single size."""
        nsplits = _static_length(self._row_splits)
        nrows = None if nsplits is None else nsplits - 1
        row_length = None
        if self._uniform_row_length is not None:
            static = tensor_util.constant_value(self._uniform_row_length)
            row_length = None if static is None else int(static)
        return TensorShape([nrows, row_length]).concatenate(self._values.shape[1:])

    def get_shape(self) -> TensorShape:
        return self.shape

    def nrows(self, out_type=None, name=None) -> Tensor:
        """The number of rows, ``len(row_splits) - 1``."""
        out_type = self._row_splits.dtype if out_type is None else dtypes.as_dtype(out_type)
        with ops.name_scope(name, "RaggedNRows", [self]):
            nsplits = _static_length(self._row_splits)
            if nsplits is not None:
                from tfcompat.ops import constant_op
                return constant_op.constant(nsplits - 1, dtype=out_type)
            return math_ops.cast(array_ops.shape(self._row_splits, out_type=out_type)[0] - 1,
                                 out_type)

    def row_starts(self, name=None) -> Tensor:
        with ops.name_scope(name, "RaggedRowStarts", [self]):
            return self._row_splits[:-1]

    def row_limits(self, name=None) -> Tensor:
        with ops.name_scope(name, "RaggedRowLimits", [self]):
            return self._row_splits[1:]

    def row_lengths(self, axis=1, name=None):
        """The length of each row along ``axis`` (a RaggedTensor for ``axis > 1``)."""
        if axis == 0:
            return self.nrows(name=name)
        if axis == 1:
            splits = self._row_splits
            return splits[1:] - splits[:-1]
        if isinstance(self._values, RaggedTensor):
            return self.with_values(self._values.row_lengths(axis - 1))
        shape = array_ops.shape(self._values, out_type=self._row_splits.dtype)
        return self.with_values(array_ops.ones(shape[:1], self._row_splits.dtype) * shape[axis - 1])

    def value_rowids(self, name=None) -> Tensor:
        """The row index of each value."""
        with ops.name_scope(name, "RaggedValueRowIds", [self]):
            return row_splits_to_segment_ids(self._row_splits)

    def nested_value_rowids(self, name=None) -> tuple:
        with ops.name_scope(name, "RaggedNestedValueRowIds", [self]):
            rowids = []
            rt = self
            while isinstance(rt, RaggedTensor):
                rowids.append(rt.value_rowids())
                rt = rt.values
            return tuple(rowids)

    def nested_row_lengths(self, name=None) -> tuple:
        with ops.name_scope(name, "RaggedNestedRowLengths", [self]):
            lengths = []
            rt = self
            while isinstance(rt, RaggedTensor):
                lengths.append(rt.row_lengths())
                rt = rt.values
            return tuple(lengths)

    def with_values(self, new_values) -> RaggedTensor:
        """This partition with ``new_values`` (same number of values) in place of values."""
        new_values = _convert_values(new_values)
        return RaggedTensor(new_values, self._row_splits, internal=True,
                            uniform_row_length=self._uniform_row_length)

    def with_flat_values(self, new_values) -> RaggedTensor:
        """This nested partition with ``new_values`` in place of the flat values."""
        if isinstance(self._values, RaggedTensor):
            return self.with_values(self._values.with_flat_values(new_values))
        return self.with_values(new_values)

    def with_row_splits_dtype(self, dtype) -> RaggedTensor:
        dtype = dtypes.as_dtype(dtype)
        if dtype not in _SPLIT_DTYPES:
            raise ValueError(f"dtype must be int32 or int64, got {dtype}")
        if dtype == self._row_splits.dtype:
            return self
        values = self._values
        if isinstance(values, RaggedTensor):
            values = values.with_row_splits_dtype(dtype)
        return RaggedTensor(values, math_ops.cast(self._row_splits, dtype), internal=True)

    # ---- conversions -------------------------------------------------------------------------

    def to_tensor(self, default_value=None, name=None, shape=None) -> Tensor:
        """The dense tensor, rows padded with ``default_value`` (zero) to the longest row or
        cut to ``shape``."""
        from tfcompat.ops.ragged import ragged_conversion
        return ragged_conversion.to_tensor(self, default_value, name, shape)

    def to_sparse(self, name=None):
        """The SparseTensor with this tensor's values at their (row, column...) positions."""
        from tfcompat.ops.ragged import ragged_conversion
        return ragged_conversion.to_sparse(self, name)

    def to_list(self):
        raise ValueError("to_list can only be used in eager mode.")

    def numpy(self):
        raise ValueError("RaggedTensor.numpy() is only supported in eager mode.")

    def bounding_shape(self, axis=None, name=None, out_type=None) -> Tensor:
        """The shape of the smallest dense box holding this tensor (int64 by default)."""
        from tfcompat.ops.ragged import ragged_shape_ops
        return ragged_shape_ops.bounding_shape(self, axis, name, out_type)

    def merge_dims(self, outer_axis, inner_axis):
        """This tensor with the ragged dimensions ``outer_axis..inner_axis`` merged."""
        from tfcompat.ops.ragged import ragged_shape_ops
        return ragged_shape_ops.merge_dims(self, outer_axis, inner_axis)

    def _composite_parts(self) -> list:
        """The dense tensors that make this tensor, as fetched and fed: flat values first."""
        return [self.flat_values, *self.nested_row_splits]

    @staticmethod
    def _composite_value(parts: list) -> RaggedTensorValue:
        result = parts[0]
        for splits in reversed(parts[1:]):
            result = RaggedTensorValue(result, splits)
        return result

    def _composite_feed(self, value) -> list:
        """Pairs (part, array) feeding this tensor ``value`` (a RaggedTensorValue)."""
        if not isinstance(value, RaggedTensorValue):
            raise TypeError(f"The value of a RaggedTensor feed must be a "
                            f"tf.compat.v1.ragged.RaggedTensorValue, got {value!r}.")
        if value.ragged_rank != self.ragged_rank:
            raise ValueError(f"Cannot feed a RaggedTensorValue of ragged_rank "
                             f"{value.ragged_rank} to a RaggedTensor of ragged_rank "
                             f"{self.ragged_rank}.")
        return list(zip(self._composite_parts(),
                        [value.flat_values, *value.nested_row_splits]))

    def consumers(self) -> list:
        seen = []
        for t in self._composite_parts():
            for op in t.consumers():
                if op not in seen:
                    seen.append(op)
        return seen

    def __repr__(self) -> str:
        return f"tf.RaggedTensor(values={self._values}, row_splits={self._row_splits})"

    __str__ = __repr__

    def __bool__(self):
        raise TypeError("RaggedTensor may not be used as a boolean.")

    def __getitem__(self, key):
        from tfcompat.ops.ragged import ragged_getitem
        return ragged_getitem.ragged_getitem(self, key)


ragged_operators.install(RaggedTensor)


# ---- segment ids <-> row splits ----------------------------------------------------------------

def segment_ids_to_row_splits(segment_ids, num_segments=None, out_type=None, name=None):
    """The row_splits for sorted ``segment_ids`` (``tf.ragged.segment_ids_to_row_splits``)."""
    with ops.name_scope(name, "SegmentIdsToRaggedSplits", [segment_ids]):
        segment_ids = _convert_partition(segment_ids, "segment_ids")
        out_type = segment_ids.dtype if out_type is None else dtypes.as_dtype(out_type)
        return _segment_ids_to_splits(segment_ids, num_segments, out_type)


def _segment_ids_to_splits(segment_ids: Tensor, num_segments, out_type) -> Tensor:
    """Counts each id (at least ``num_segments`` rows) and accumulates the counts."""
    from tfcompat.ops.count_ops import bincount
    segment_ids.shape.with_rank(1)
    if num_segments is not None:
        num_segments = math_ops.cast(num_segments, dtypes.int32)
    lengths = bincount(math_ops.cast(segment_ids, dtypes.int32), minlength=num_segments,
                       maxlength=num_segments, dtype=out_type)
    splits = array_ops.concat([array_ops.zeros([1], out_type), array_ops.cumsum(lengths)],
                              axis=0)
    static_rows = None if num_segments is None else tensor_util.constant_value(num_segments)
    if static_rows is not None:
        splits.set_shape([int(static_rows) + 1])
    return splits


def row_splits_to_segment_ids(splits, name=None, out_type=None):
    """The row index of each value for ``splits`` (``tf.ragged.row_splits_to_segment_ids``)."""
    from tfcompat.ops.array_extra_ops import repeat
    with ops.name_scope(name, "RaggedSplitsToSegmentIds", [splits]):
        splits = _convert_partition(splits, "splits")
        out_type = splits.dtype if out_type is None else dtypes.as_dtype(out_type)
        splits.shape.with_rank(1)
        lengths = splits[1:] - splits[:-1]
        nrows = array_ops.shape(splits, out_type=out_type)[-1] - 1
        return repeat(math_ops.range(nrows, dtype=out_type), lengths, axis=0)
