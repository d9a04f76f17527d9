"""Segment reductions: Segment{Sum,Mean,Prod,Min,Max} (sorted ids) and UnsortedSegment{Prod,
Min,Max}, plus the composite unsorted_segment_mean / unsorted_segment_sqrt_n.

(UnsortedSegmentSum lives in slicing_ops beside gather, whose gradient produces it.)
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops, slicing_ops
from tfcompat.ops.op_helpers import INDEX_TYPES, NUMBERS, REAL_NUMBERS


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


_REDUCERS = {
    "Sum": (np.add, 0),
    "Prod": (np.multiply, 1),
    "Max": (np.maximum, "lowest"),
    "Min": (np.minimum, "highest"),
}


def _initial(kind: str, dtype: np.dtype):
    value = _REDUCERS[kind][1]
    # Empty unsorted segments hold the dtype's lowest/highest finite value, as in TF.
    if value == "lowest":
        return np.finfo(dtype).min if dtype.kind == "f" else np.iinfo(dtype).min
    if value == "highest":
        return np.finfo(dtype).max if dtype.kind == "f" else np.iinfo(dtype).max
    return value


def _reduce_rows(kind: str, data: np.ndarray, ids: np.ndarray, num: int) -> np.ndarray:
    rows = data.reshape((ids.size,) + data.shape[ids.ndim:])
    flat = ids.reshape(-1)
    out = np.full((num,) + data.shape[ids.ndim:], _initial(kind, data.dtype), dtype=data.dtype)
    keep = flat >= 0  # negative ids are dropped
    _REDUCERS[kind][0].at(out, flat[keep], rows[keep])
    return out


# ---- sorted segment reductions ---------------------------------------------------------------

def _segment_shape(op):
    data, ids = op.inputs
    if ids.shape.ndims not in (None, 1):
        raise ShapeError(f"Shape must be rank 1 but is rank {ids.shape.ndims}")
    if data.shape.ndims is None:
        return [(data.dtype.base_dtype, unknown_shape())]
    if data.shape.ndims < 1:
        raise ShapeError("Shape must be at least rank 1 but is rank 0")
    return [(data.dtype.base_dtype,
              TensorShape._from_tuple((None,) + data.shape.as_tuple()[1:]))]


def _segment_kernel(kind: str):
    def kernel(data, ids):
        data, ids = np.asarray(data), np.asarray(ids)
        if ids.shape[0] != data.shape[0]:
            raise _invalid(f"segment_ids should be the same size as dimension 0 of input, "
                           f"but got {ids.shape[0]} and {data.shape[0]}")
        if ids.size and (np.diff(ids) < 0).any():
            raise _invalid("segment ids are not increasing")
        if ids.size and ids[0] < 0:
            raise _invalid(f"segment ids must be >= 0, got {ids[0]}")
        num = int(ids[-1]) + 1 if ids.size else 0
        if kind == "Mean":
            total = _reduce_rows("Sum", data, ids, num)
            counts = np.bincount(ids, minlength=num).reshape((num,) + (1,) * (data.ndim - 1))
            with np.errstate(all="ignore"):
                mean = total / np.maximum(counts, 1)
            if data.dtype.kind in "iu":
                return np.trunc(mean).astype(data.dtype)
            return mean.astype(data.dtype)
        out = _reduce_rows(kind, data, ids, num)
        if kind in ("Max", "Min"):
            # Empty segments output 0 for the sorted ops (TF's SegmentMax/SegmentMin).
            counts = np.bincount(ids, minlength=num).reshape((num,) + (1,) * (data.ndim - 1))
            out = np.where(counts > 0, out, np.zeros((), data.dtype))
        return out
    return kernel


def _gather_by_ids(values: Tensor, ids: Tensor) -> Tensor:
    """values[ids] where ids >= 0, zeros where ids < 0 (dropped rows)."""
    clipped = math_ops.maximum(ids, array_ops.zeros_like(ids))
    gathered = slicing_ops.gather(values, clipped)
    kept = math_ops.greater_equal(ids, array_ops.zeros_like(ids))
    extra = array_ops.rank(gathered) - array_ops.rank(kept)
    kept = array_ops.reshape(kept, array_ops.concat(
        [array_ops.shape(kept), array_ops.ones(array_ops.expand_dims(extra, 0), dtypes.int32)],
        0))
    return array_ops.select_v2(kept, gathered, array_ops.zeros_like(gathered))


def _segment_sum_grad(op, grad):
    return slicing_ops.gather(grad, op.inputs[1]), None


def _segment_mean_grad(op, grad):
    data, ids = op.inputs
    ones_shape = array_ops.concat(
        [array_ops.shape(ids), array_ops.ones(
            array_ops.expand_dims(array_ops.rank(data) - 1, 0), dtypes.int32)], 0)
    ones = array_ops.fill(ones_shape, math_ops.cast(1, grad.dtype))
    counts = segment_sum(ones, ids)
    return slicing_ops.gather(math_ops.divide(grad, counts), ids), None


def _selection_grad(op, grad, reduce_sum_fn, num_segments=None):
    """Min/Max: the gradient goes to the selected entries, split evenly among ties."""
    data, ids = op.inputs[0], op.inputs[1]
    gathered_out = _gather_by_ids(op.outputs[0], ids)
    is_selected = math_ops.logical_and(math_ops.equal(data, gathered_out),
                                       _ids_kept_like(ids, data))
    selected = math_ops.cast(is_selected, grad.dtype)
    num_selected = reduce_sum_fn(selected, ids)
    weighted = math_ops.divide(grad, num_selected)
    gathered_grads = _gather_by_ids(weighted, ids)
    zeros = array_ops.zeros_like(gathered_grads)
    result = array_ops.select_v2(is_selected, gathered_grads, zeros)
    return (result, None) if num_segments is None else (result, None, None)


def _ids_kept_like(ids: Tensor, data: Tensor) -> Tensor:
    kept = math_ops.greater_equal(ids, array_ops.zeros_like(ids))
    extra = array_ops.rank(data) - array_ops.rank(ids)
    kept = array_ops.reshape(kept, array_ops.concat(
        [array_ops.shape(ids), array_ops.ones(array_ops.expand_dims(extra, 0), dtypes.int32)],
        0))
    return math_ops.logical_and(kept, array_ops.ones_like(data, dtype=dtypes.bool_))


def _segment_minmax_grad(op, grad):
    return _selection_grad(op, grad, segment_sum)


def _prod_grad(op, grad, num_segments):
    """Product: prod / x, with zeros handled by the product of the other (non-zero) entries."""
    data, ids = op.inputs[0], op.inputs[1]
    zero = array_ops.zeros_like(data)
    is_zero = math_ops.equal(data, zero)
    num_zeros = slicing_ops.unsorted_segment_sum(math_ops.cast(is_zero, dtypes.int32), ids,
                                                 num_segments)
    grad = array_ops.select_v2(math_ops.greater(num_zeros, 1), array_ops.zeros_like(grad), grad)
    non_zero_data = array_ops.select_v2(is_zero, array_ops.ones_like(data), data)
    non_zero_prod = unsorted_segment_prod(non_zero_data, ids, num_segments)
    # Dropped rows (negative ids) read segment 0 here; their gradient is masked to zero below.
    clipped = math_ops.maximum(ids, array_ops.zeros_like(ids))
    gathered_prod = slicing_ops.gather(op.outputs[0], clipped)
    gathered_non_zero_prod = slicing_ops.gather(non_zero_prod, clipped)
    prod_divided = gathered_prod / non_zero_data
    partial = array_ops.select_v2(is_zero, gathered_non_zero_prod, prod_divided)
    return _gather_by_ids(grad, ids) * partial


def _segment_prod_grad(op, grad):
    ids = op.inputs[1]
    num = math_ops.reduce_max(ids) + 1
    return _prod_grad(op, grad, num), None


_SEGMENT_GRADS = {"Sum": _segment_sum_grad, "Mean": _segment_mean_grad,
                  "Prod": _segment_prod_grad, "Min": _segment_minmax_grad,
                  "Max": _segment_minmax_grad}

for _kind, _grad in _SEGMENT_GRADS.items():
    register_op(f"Segment{_kind}", inputs=("data: T", "segment_ids: Tindices"),
                kernel=_segment_kernel(_kind), shape_fn=_segment_shape,
                allowed={"T": REAL_NUMBERS if _kind in ("Min", "Max") else NUMBERS,
                         "Tindices": INDEX_TYPES}, grad=_grad)


def _segment_function(kind: str):
    def segment(data, segment_ids, name=None) -> Tensor:
        return apply_op(f"Segment{kind}", [data, segment_ids], name=name)
    segment.__name__ = f"segment_{kind.lower()}"
    segment.__doc__ = (f"Computes the {kind.lower()} along segments of a tensor (segment_ids "
                       "sorted, dimension 0).")
    return segment


segment_sum = _segment_function("Sum")
segment_mean = _segment_function("Mean")
segment_prod = _segment_function("Prod")
segment_min = _segment_function("Min")
segment_max = _segment_function("Max")


# ---- unsorted segment reductions -------------------------------------------------------------

def _unsorted_shape(op):
    data, ids, num_t = op.inputs
    dtype = data.dtype.base_dtype
    if data.shape.ndims is not None and ids.shape.ndims is not None:
        head = data.shape.as_tuple()[:ids.shape.ndims]
        for a, b in zip(head, ids.shape.as_tuple()):
            if a is not None and b is not None and a != b:
                raise ShapeError(f"Dimensions must be equal, but are {a} and {b}")
    num = tensor_util.constant_value(num_t)
    lead = TensorShape._from_tuple((None if num is None else int(num),))
    if data.shape.ndims is None or ids.shape.ndims is None:
        return [(dtype, lead.concatenate(unknown_shape()))]
    return [(dtype, lead.concatenate(TensorShape._from_tuple(
        data.shape.as_tuple()[ids.shape.ndims:])))]


def _unsorted_kernel(kind: str):
    def kernel(data, ids, num_segments):
        data, ids = np.asarray(data), np.asarray(ids)
        num = int(num_segments)
        if data.shape[:ids.ndim] != ids.shape:
            raise _invalid(f"data.shape = {list(data.shape)} does not start with "
                           f"segment_ids.shape = {list(ids.shape)}")
        flat = ids.reshape(-1)
        bad = np.flatnonzero(flat >= num)
        if bad.size:
            i = int(bad[0])
            raise _invalid(f"segment_ids[{i}] = {flat[i]} is out of range [0, {num})")
        return _reduce_rows(kind, data, ids, num)
    return kernel


def _unsorted_minmax_grad(op, grad):
    num = op.inputs[2]
    return _selection_grad(op, grad,
                           lambda v, ids: slicing_ops.unsorted_segment_sum(v, ids, num), num)


def _unsorted_prod_grad(op, grad):
    return _prod_grad(op, grad, op.inputs[2]), None, None


for _kind, _grad in {"Prod": _unsorted_prod_grad, "Min": _unsorted_minmax_grad,
                     "Max": _unsorted_minmax_grad}.items():
    register_op(f"UnsortedSegment{_kind}",
                inputs=("data: T", "segment_ids: Tindices", "num_segments: Tnumsegments"),
                kernel=_unsorted_kernel(_kind), shape_fn=_unsorted_shape,
                allowed={"T": NUMBERS if _kind == "Prod" else REAL_NUMBERS,
                         "Tindices": INDEX_TYPES, "Tnumsegments": INDEX_TYPES},
                type_defaults={"Tnumsegments": dtypes.int32}, value_inputs=(2,), grad=_grad)


def _unsorted_function(kind: str):
    def segment(data, segment_ids, num_segments, name=None) -> Tensor:
        return apply_op(f"UnsortedSegment{kind}", [data, segment_ids, num_segments], name=name)
    segment.__name__ = f"unsorted_segment_{kind.lower()}"
    segment.__doc__ = (f"Computes the {kind.lower()} along segments of a tensor; ids need not "
                       "be sorted, negative ids are dropped.")
    return segment


unsorted_segment_prod = _unsorted_function("Prod")
unsorted_segment_min = _unsorted_function("Min")
unsorted_segment_max = _unsorted_function("Max")


def _segment_counts(data: Tensor, ids: Tensor, num_segments) -> Tensor:
    """Per-segment element counts (at least 1), shaped to broadcast against the result."""
    ids_rank = ids.shape.ndims
    ones_shape = array_ops.shape(ids) if ids_rank is None else ids.shape.as_list()
    ones = array_ops.ones(ones_shape, dtype=data.dtype)
    counts = slicing_ops.unsorted_segment_sum(ones, ids, num_segments)
    extra = array_ops.rank(data) - array_ops.rank(ids)
    shape = array_ops.concat([array_ops.shape(counts), array_ops.ones(
        array_ops.expand_dims(extra, 0), dtypes.int32)], 0)
    counts = array_ops.reshape(counts, shape)
    return math_ops.maximum(counts, array_ops.ones_like(counts))


def unsorted_segment_mean(data, segment_ids, num_segments, name=None) -> Tensor:
    """The mean of each segment (0 for empty segments)."""
    with ops.name_scope(name, "UnsortedSegmentMean"):
        data = convert_to_tensor(data)
        segment_ids = convert_to_tensor(segment_ids)
        counts = _segment_counts(data, segment_ids, num_segments)
        summed = slicing_ops.unsorted_segment_sum(data, segment_ids, num_segments)
        return summed / counts


def unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None) -> Tensor:
    """The sum of each segment divided by sqrt(its size)."""
    with ops.name_scope(name, "UnsortedSegmentSqrtN"):
        data = convert_to_tensor(data)
        segment_ids = convert_to_tensor(segment_ids)
        counts = _segment_counts(data, segment_ids, num_segments)
        summed = slicing_ops.unsorted_segment_sum(data, segment_ids, num_segments)
        return summed / math_ops.sqrt(counts)
