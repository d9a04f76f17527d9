"""RaggedTensor versions of TF API functions, registered with tfcompat.framework.dispatch:
element-wise ops on the flat values, reductions, concat, stack and gather."""

from __future__ import annotations

import contextlib

from tfcompat.framework import dispatch, dtypes, ops
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.ragged import ragged_kernels
from tfcompat.ops.ragged.ragged_operators import apply_binary
from tfcompat.ops.ragged.ragged_tensor import RaggedTensor


def _unary(fn, x, name=None):
    return x.with_flat_values(fn(x.flat_values, name=name))


def _cast(x, dtype, name=None):
    if name is None:
        return x.with_flat_values(math_ops.cast(x.flat_values, dtype))
    with ops.name_scope(name, "Cast", [x]):
        return x.with_flat_values(math_ops.cast(x.flat_values, dtype))


def _binary(fn, x, y, name=None):
    return apply_binary(lambda a, b: fn(a, b, name=name), x, y)


# ---- reductions ----------------------------------------------------------------------------------

def _segment_reducer(op_type: str):
    """``(data, segment_ids, num_segments) -> per-segment result`` for a reduction type."""
    if op_type in ("Sum", "Mean"):
        return array_ops.unsorted_segment_sum
    from tfcompat.ops import segment_ops
    if op_type == "Max":
        return segment_ops.unsorted_segment_max
    if op_type == "Min":
        return segment_ops.unsorted_segment_min
    if op_type == "Prod":
        return segment_ops.unsorted_segment_prod
    if op_type in ("All", "Any"):
        reduce = segment_ops.unsorted_segment_min if op_type == "All" \
            else segment_ops.unsorted_segment_max

        def logical(data, ids, num):
            as_int = reduce(math_ops.cast(data, dtypes.int32), ids, num)
            if op_type == "Any":  # an empty row's max is the lowest int32: false
                as_int = math_ops.maximum(as_int, 0)
            return math_ops.cast(as_int, dtypes.bool_)
        return logical
    raise NotImplementedError(f"tfcompat has no ragged reduce for {op_type}")


def _reduce_segments(op_type: str, data: Tensor, ids: Tensor, num) -> Tensor:
    reducer = _segment_reducer(op_type)
    total = reducer(data, ids, num)
    if op_type != "Mean":
        return total
    count = array_ops.unsorted_segment_sum(array_ops.ones_like(data), ids, num)
    return math_ops.truediv(total, count)  # an empty row's mean is nan, as in TF


def _reduce(op_type: str, rt: RaggedTensor, axis, keepdims, name):
    """``tf.reduce_<op>`` of a RaggedTensor (TF's scope ``RaggedReduce<Op>``)."""
    from tfcompat.ops.math.reductions import reduce_all, reduce_any, reduce_prod
    dense = {"Sum": math_ops.reduce_sum, "Mean": math_ops.reduce_mean,
             "Max": math_ops.reduce_max, "Min": math_ops.reduce_min, "Prod": reduce_prod,
             "All": reduce_all, "Any": reduce_any}[op_type]
    with ops.name_scope(name, f"RaggedReduce{op_type}", [rt]) as scope:
        if axis is None:
            return dense(rt.flat_values, name=scope)
        axes = list(axis) if isinstance(axis, (list, tuple)) else [axis]
        if len(axes) != 1 or not isinstance(axes[0], int):
            raise NotImplementedError("tfcompat reduces a RaggedTensor along one Python int "
                                      "axis at a time (or all axes)")
        rank = rt.shape.ndims
        axis = axes[0] + rank if axes[0] < 0 and rank is not None else axes[0]
        result = _reduce_axis(op_type, dense, rt, axis)
        if keepdims:
            result = (array_ops.expand_dims(result, axis) if isinstance(result, Tensor)
                      else _expand_ragged(result, axis))
        return result


def _reduce_axis(op_type, dense, rt, axis):
    if axis > rt.ragged_rank:  # a uniform inner dimension: reduce the flat values
        return rt.with_flat_values(dense(rt.flat_values, axis=axis - rt.ragged_rank))
    if axis >= 2:
        with ops.name_scope(None, "RaggedReduce"):
            return rt.with_values(_reduce_axis(op_type, dense, rt.values, axis - 1))
    values = rt.values
    if isinstance(values, RaggedTensor):
        raise NotImplementedError("tfcompat reduces a RaggedTensor with ragged_rank > 1 along "
                                  "axis 0 or 1 only through its flat values (axis=None)")
    if axis == 1:  # each row
        return _reduce_segments(op_type, values, rt.value_rowids(), rt.nrows())
    # axis 0: column j gathers the j-th value of every row long enough to have one
    splits = rt.row_splits
    positions = math_ops.range(array_ops.shape(values, out_type=splits.dtype)[0],
                               dtype=splits.dtype) - array_ops.gather(splits, rt.value_rowids())
    width = math_ops.reduce_max(array_ops.concat([rt.row_lengths(), array_ops.zeros(
        [1], splits.dtype)], axis=0))
    return _reduce_segments(op_type, values, positions, width)


def _expand_ragged(rt: RaggedTensor, axis: int) -> RaggedTensor:
    if axis == 0:
        nrows = rt.nrows()
        return RaggedTensor(rt, array_ops.stack([array_ops.zeros([], nrows.dtype), nrows]),
                            internal=True)
    if axis == 1:
        nrows = rt.nrows()
        return RaggedTensor(rt, math_ops.range(nrows + 1, dtype=nrows.dtype), internal=True,
                            uniform_row_length=ops.convert_to_tensor(1, dtype=nrows.dtype))
    return rt.with_values(_expand_ragged(rt.values, axis - 1))


# ---- concat, stack, gather -----------------------------------------------------------------------

def _as_ragged(values, ragged_rank: int, splits_dtype):
    out = []
    for v in values:
        if isinstance(v, RaggedTensor):
            out.append(v.with_row_splits_dtype(splits_dtype))
        else:
            out.append(RaggedTensor.from_tensor(v, ragged_rank=ragged_rank,
                                                row_splits_dtype=splits_dtype))
    return out


def _concat_rows(rts: list):
    """The rows of ``rts`` one after another (axis 0)."""
    if isinstance(rts[0], Tensor):
        return array_ops.concat(rts, axis=0)
    values = _concat_rows([rt.values for rt in rts])
    # Each input's splits shifted by the values before it (TF's running offset).
    parts = [rts[0].row_splits]
    offset = rts[0].row_splits[-1]
    for rt in rts[1:]:
        parts.append(rt.row_splits[1:] + offset)
        offset = offset + rt.row_splits[-1]
    return RaggedTensor(values, array_ops.concat(parts, axis=0), internal=True)


def _gather_rows(rt, indices):
    """Rows ``indices`` of ``rt`` through a RaggedGather op."""
    with ops.name_scope(None, "RaggedGather"):
        outputs = ragged_kernels.ragged_gather(rt.nested_row_splits, rt.flat_values, indices)
    result = outputs[-1]  # a scalar index gives one row: one level less
    for splits in reversed(outputs[:-1]):
        result = RaggedTensor(result, splits, internal=True)
    return result


def _concat(values, axis, name):
    """``tf.concat`` with RaggedTensor inputs (TF's scope ``RaggedConcat``)."""
    with ops.name_scope(None if name == "concat" else name, "RaggedConcat", values):
        ragged = [v for v in values if isinstance(v, RaggedTensor)]
        ragged_rank = max(r.ragged_rank for r in ragged)
        splits_dtype = (dtypes.int64 if any(r.row_splits.dtype == dtypes.int64 for r in ragged)
                        else dtypes.int32)
        rts = _as_ragged(values, ragged_rank, splits_dtype)
        if any(r.ragged_rank != ragged_rank for r in rts):
            raise ValueError("tfcompat concatenates RaggedTensors of one ragged_rank only")
        if axis < 0:
            rank = rts[0].shape.ndims
            if rank is None:
                raise ValueError("axis may only be negative if ndims is statically known.")
            axis += rank
        if axis == 0:
            return _concat_rows(rts)
        if axis == 1:
            return _interleave_rows(rts)
        raise NotImplementedError("tfcompat concatenates RaggedTensors along axis 0 or 1")


def _interleaved_order(nrows: Tensor, count: int) -> Tensor:
    """Row indices into ``count`` stacked inputs of ``nrows`` rows: row 0 of each input, then
    row 1 of each..."""
    return array_ops.reshape(array_ops.transpose(array_ops.reshape(
        math_ops.range(nrows * count), array_ops.stack([count, nrows]))), [-1])


def _interleave_rows(rts):
    """Row ``i`` of the result is row ``i`` of every input joined (axis 1)."""
    count = len(rts)
    stacked = _concat_rows(rts)
    nrows = rts[0].nrows(out_type=dtypes.int64)
    gathered = _gather_rows(stacked, _interleaved_order(nrows, count))
    splits = gathered.row_splits[::count]
    splits.set_shape(rts[0].row_splits.shape)
    return RaggedTensor(gathered.values, splits, internal=True)


def stack(values, axis=0, name=None):
    """``tf.ragged.stack``: stacks tensors (ragged or dense) along a new ``axis``."""
    if not isinstance(values, (list, tuple)):
        values = [values]
    with ops.name_scope(name, "RaggedConcat", values):
        if not any(isinstance(v, RaggedTensor) for v in values):
            # Dense inputs: one row each, int32 partitions as in TF.
            values = [ops.convert_to_tensor(v) for v in values]
            lengths = [array_ops.shape(v)[0] for v in values]
            return RaggedTensor.from_row_lengths(array_ops.concat(values, axis=0),
                                                 array_ops.stack(lengths))
        ragged = [v for v in values if isinstance(v, RaggedTensor)]
        ragged_rank = max(r.ragged_rank for r in ragged)
        rts = _as_ragged(values, ragged_rank, dtypes.int64)
        if axis == 0:
            rows = _concat_rows(rts)
            lengths = array_ops.stack([r.nrows(out_type=dtypes.int64) for r in rts])
            return RaggedTensor(rows, array_ops.concat(
                [array_ops.zeros([1], dtypes.int64), array_ops.cumsum(lengths)], axis=0),
                internal=True)
        if axis == 1:  # rows interleaved, then grouped by input count
            count = len(rts)
            nrows = rts[0].nrows(out_type=dtypes.int64)
            rows = _gather_rows(_concat_rows(rts), _interleaved_order(nrows, count))
            splits = math_ops.range(0, nrows * count + 1, count)
            splits.set_shape(rts[0].row_splits.shape)
            return RaggedTensor(rows, splits, internal=True,
                                uniform_row_length=ops.convert_to_tensor(count, dtypes.int64))
        raise NotImplementedError("tfcompat stacks RaggedTensors along axis 0 or 1")


def _stack(values, axis, name):
    return stack(values, axis, None if name == "stack" else name)


@contextlib.contextmanager
def _no_scope():
    yield


def _gather(params, indices, axis, batch_dims, name):
    if axis not in (None, 0) or batch_dims:
        raise NotImplementedError("tfcompat gathers RaggedTensor rows (axis 0) only")
    indices = ops.convert_to_tensor(indices, name="indices")
    if indices.shape.ndims != 1 and indices.shape.ndims != 0:
        raise NotImplementedError("tfcompat gathers RaggedTensor rows with a scalar or a "
                                  "vector of indices")
    with ops.name_scope(name, "RaggedGather", [params, indices]) if name else _no_scope():
        return _gather_rows(params, indices)


# ---- like, identity, size, rank, where, expand_dims ------------------------------------------

def _like(fn, rt, dtype, name):
    if name is None:
        return rt.with_flat_values(fn(rt.flat_values, dtype=dtype))
    with ops.name_scope(name, None, [rt]):
        return rt.with_flat_values(fn(rt.flat_values, dtype=dtype))


def _identity(rt, name):
    """Every component passed through an Identity (TF's ragged tf.identity)."""
    with ops.name_scope(name, None, [rt]) if name else contextlib.nullcontext():
        flat = array_ops.identity(rt.flat_values)
        splits = [array_ops.identity(s) for s in rt.nested_row_splits]
    result = flat
    for s in reversed(splits):
        result = RaggedTensor(result, s, internal=True)
    return result


def _size(rt, name, out_type):
    return array_ops.size(rt.flat_values, name=name, out_type=out_type)


def _rank(rt, name):
    with ops.name_scope(name, "RaggedRank", [rt]):
        return array_ops.rank(rt.flat_values) + rt.ragged_rank


def _where(condition, x, y, name):
    """TF1 ``tf.where(condition, x, y)`` on RaggedTensors sharing one row partition."""
    if x is None and y is None:
        raise NotImplementedError("tfcompat's tf.where(condition) has no RaggedTensor version")
    with ops.name_scope(name, "RaggedWhere", [condition, x, y]):
        template = next(v for v in (condition, x, y) if isinstance(v, RaggedTensor))
        flat = [v.flat_values if isinstance(v, RaggedTensor) else v for v in (condition, x, y)]
        return template.with_flat_values(math_ops.where(*flat))


def _expand_dims(rt, axis, name):
    with ops.name_scope(name, "RaggedExpandDims", [rt]):
        rank = rt.shape.ndims
        if axis < 0:
            if rank is None:
                raise ValueError("axis may only be negative if ndims is statically known.")
            axis += rank + 1
        if axis == 0:
            return RaggedTensor.from_uniform_row_length(rt, rt.nrows(), nrows=1, validate=False)
        if axis == 1:
            return RaggedTensor.from_uniform_row_length(rt, 1, nrows=rt.nrows(),
                                                        validate=False)
        values = rt.values
        inner = (array_ops.expand_dims(values, axis - 1) if isinstance(values, Tensor)
                 else _expand_dims(values, axis - 1, None))
        return rt.with_values(inner)


dispatch.register(RaggedTensor, {
    "unary": _unary, "binary": _binary, "cast": _cast, "reduce": _reduce, "concat": _concat,
    "stack": _stack, "gather": _gather, "like": _like, "identity": _identity, "size": _size,
    "rank": _rank, "where": _where, "expand_dims": _expand_dims})
