"""Ordering ops: TopKV2 (``tf.nn.top_k``), InTopKV2 (``tf.nn.in_top_k``), sort and argsort."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops, slicing_ops
from tfcompat.ops.op_helpers import INDEX_TYPES, REAL_NUMBERS


def _descending_order(x: np.ndarray) -> np.ndarray:
    """Indices sorting the last axis descending; ties keep the lower index first.

    A stable ascending sort of the reversed axis, read backwards (negating would overflow the
    smallest integer).
    """
    if x.dtype.kind == "b":
        x = x.astype(np.int8)
    n = x.shape[-1]
    ascending = np.argsort(x[..., ::-1], axis=-1, kind="stable")
    return (n - 1) - ascending[..., ::-1]


# ---- TopKV2 ----------------------------------------------------------------------------------

def _top_k_shape(op):
    x, k_t = op.inputs
    index_type = op._attrs.get("index_type", dtypes.int32)
    k = tensor_util.constant_value(k_t)
    if x.shape.ndims is None:
        shape = unknown_shape()
    else:
        if x.shape.ndims < 1:
            raise ShapeError(f"Shape must be at least rank 1 but is rank {x.shape.ndims}")
        last = x.shape.as_tuple()[-1]
        if k is not None:
            k = int(k)
            if k < 0:
                raise ShapeError(f"Input k must be >= 0 but is {k}")
            if last is not None and last < k:
                raise ShapeError(f"input must have last dimension >= k = {k} but is {last}")
        shape = TensorShape._from_tuple(x.shape.as_tuple()[:-1] + (k,))
    return [(x.dtype.base_dtype, shape), (index_type, shape)]


def _top_k_kernel(x, k, sorted, index_type):  # noqa: A002 - TF's attr name
    x = np.asarray(x)
    k = int(k)
    if x.ndim < 1:
        raise errors.InvalidArgumentError(None, None, "input must be >= 1-D, got shape []")
    if k < 0:
        raise errors.InvalidArgumentError(None, None, f"Need k >= 0, got {k}")
    if x.shape[-1] < k:
        raise errors.InvalidArgumentError(
            None, None, f"input must have at least k columns. Had {x.shape[-1]}, needed {k}")
    order = _descending_order(x)[..., :k]
    return np.take_along_axis(x, order, axis=-1), order.astype(index_type.as_numpy_dtype)


def _top_k_grad(op, grad, _indices_grad):
    """Scatters the gradient of the k values back to the positions they were taken from."""
    x, indices = op.inputs[0], op.outputs[1]
    in_shape = array_ops.shape(x)
    last = in_shape[-1]
    k = array_ops.shape(indices)[-1]
    rows = array_ops.reshape(math_ops.cast(indices, dtypes.int32), [-1, k])
    offsets = math_ops.range(0, array_ops.shape(rows)[0] * last, last)
    flat = array_ops.reshape(rows + array_ops.expand_dims(offsets, -1), [-1])
    scattered = slicing_ops.unsorted_segment_sum(array_ops.reshape(grad, [-1]), flat,
                                                 math_ops.reduce_prod(in_shape))
    return [array_ops.reshape(scattered, in_shape), array_ops.zeros([], dtype=dtypes.int32)]


register_op("TopKV2", inputs=("input: T", "k: Tk"), kernel=_top_k_kernel,
            kernel_attrs=("sorted", "index_type"), shape_fn=_top_k_shape,
            allowed={"T": REAL_NUMBERS, "Tk": (dtypes.int16,) + INDEX_TYPES},
            type_defaults={"Tk": dtypes.int32},
            attr_defaults={"sorted": True, "index_type": dtypes.int32}, value_inputs=(1,),
            grad=_top_k_grad)


def top_k(input, k=1, sorted=True, name=None, index_type=dtypes.int32):  # noqa: A002
    """The k largest entries of the last dimension and their indices: ``(values, indices)``."""
    return apply_op("TopKV2", [input, k], name=name,
                    attrs={"sorted": bool(sorted), "index_type": dtypes.as_dtype(index_type)})


# ---- InTopKV2 --------------------------------------------------------------------------------

def _in_top_k_shape(op):
    predictions, targets, k = op.inputs
    if predictions.shape.ndims not in (None, 2):
        raise ShapeError(f"Shape must be rank 2 but is rank {predictions.shape.ndims}")
    if targets.shape.ndims not in (None, 1):
        raise ShapeError(f"Shape must be rank 1 but is rank {targets.shape.ndims}")
    batch = predictions.shape.as_tuple()[0] if predictions.shape.ndims else None
    if batch is None and targets.shape.ndims:
        batch = targets.shape.as_tuple()[0]
    return [(dtypes.bool_, TensorShape._from_tuple((batch,)))]


def _in_top_k_kernel(predictions, targets, k):
    predictions, targets = np.asarray(predictions), np.asarray(targets)
    k = int(k)
    classes = predictions.shape[1]
    out = np.zeros(targets.shape, dtype=bool)
    for row, target in enumerate(targets):
        if not 0 <= target < classes or not np.isfinite(predictions[row]).all():
            continue
        value = predictions[row, target]
        out[row] = np.count_nonzero(predictions[row] > value) < k
    return out


register_op("InTopKV2", inputs=("predictions: float32", "targets: T", "k: T"),
            kernel=_in_top_k_kernel, shape_fn=_in_top_k_shape, allowed={"T": INDEX_TYPES},
            grad=NOT_DIFFERENTIABLE)


def in_top_k(predictions, targets, k, name=None) -> Tensor:
    """Whether each target is among the top k predictions of its row."""
    with ops.name_scope(name, "in_top_k"):
        targets = convert_to_tensor(targets, name="targets")
        k = convert_to_tensor(k, name="k", dtype=targets.dtype.base_dtype)
        return apply_op("InTopKV2", [predictions, targets, k])


# ---- sort / argsort --------------------------------------------------------------------------

def _descending(values: Tensor, axis: int, want_indices: bool) -> Tensor:
    """Sorts descending along ``axis`` with TopKV2 (transposing it last and back if needed)."""
    rank = values.shape.ndims
    perm = None
    if axis != rank - 1:
        perm = list(range(rank))
        perm[axis], perm[-1] = perm[-1], perm[axis]
        values = array_ops.transpose(values, perm)
    k = values.shape.as_tuple()[-1]
    if k is None:
        k = array_ops.shape(values)[-1]
    top_values, indices = top_k(values, k)
    result = indices if want_indices else top_values
    if perm is not None:
        result = array_ops.transpose(result, perm)
    return result


def _integer_order_reversal(dtype):
    if dtype.is_unsigned:
        top = constant_op.constant(dtype.max, dtype=dtype)
        return lambda t: top - t
    one = constant_op.constant(1, dtype=dtype)
    return lambda t: math_ops.negative(t) - one


def _sort_or_argsort(values, axis, direction, want_indices):
    if direction not in ("ASCENDING", "DESCENDING"):
        raise ValueError(f"Unknown direction: {direction}")
    values = convert_to_tensor(values, name="values")
    axis = int(axis)
    rank = values.shape.ndims
    if rank is None:
        raise ValueError("sort requires a tensor of known rank")
    if not -rank <= axis < rank:
        raise ValueError(f"axis must be within the range [{-rank}, {rank}): {axis}")
    axis %= rank
    if direction == "DESCENDING":
        return _descending(values, axis, want_indices)
    # Ascending: sort order-reversed values descending, then undo the reversal: -x for floats,
    # -x - 1 (== ~x, no overflow in wrapping arithmetic) for signed and max - x for unsigned
    # integers.
    if values.dtype.is_integer:
        reverse = _integer_order_reversal(values.dtype.base_dtype)
        result = _descending(reverse(values), axis, want_indices)
        return result if want_indices else reverse(result)
    result = _descending(math_ops.negative(values), axis, want_indices)
    return result if want_indices else math_ops.negative(result)


def sort(values, axis=-1, direction="ASCENDING", name=None) -> Tensor:
    """Sorts a tensor along ``axis``."""
    with ops.name_scope(name, "sort"):
        return _sort_or_argsort(values, axis, direction, want_indices=False)


def argsort(values, axis=-1, direction="ASCENDING", stable=False, name=None) -> Tensor:
    """The indices that sort a tensor along ``axis`` (ties keep index order, so always stable)."""
    del stable
    with ops.name_scope(name, "argsort"):
        return _sort_or_argsort(values, axis, direction, want_indices=True)


# ---- ApproxTopK ------------------------------------------------------------------------------

def _approx_top_k_shape(op):
    x = op.inputs[0]
    k = op._attrs["k"]
    if x.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape()), (dtypes.int32, unknown_shape())]
    dims = list(x.shape.as_tuple())
    axis = op._attrs["reduction_dimension"] % len(dims)
    dims[axis] = k
    shape = TensorShape._from_tuple(tuple(dims))
    return [(x.dtype.base_dtype, shape), (dtypes.int32, shape)]


def _approx_top_k_kernel(x, k, reduction_dimension, is_max_k, recall_target,
                         reduction_input_size_override, aggregate_to_topk):
    """Exact on CPU, as TF's kernel: the k largest entries along the last axis.

    TF's CPU build registers kernels only for is_max_k with reduction_dimension -1.
    """
    x = np.asarray(x)
    if not is_max_k or reduction_dimension != -1:
        raise errors.InvalidArgumentError(
            None, None, "No OpKernel was registered to support Op 'ApproxTopK' with "
            f"reduction_dimension={reduction_dimension}, is_max_k={str(is_max_k).lower()}")
    moved = np.moveaxis(x, reduction_dimension, -1)
    if moved.shape[-1] < k:
        raise errors.InvalidArgumentError(None, None, f"input must have at least k entries "
                                                      f"along the reduction dimension, got "
                                                      f"{moved.shape[-1]} < {k}")
    order = _descending_order(moved if is_max_k else -moved.astype(np.float64))[..., :k]
    values = np.take_along_axis(moved, order, axis=-1)
    return (np.moveaxis(values, -1, reduction_dimension),
            np.moveaxis(order, -1, reduction_dimension).astype(np.int32))


def _approx_top_k_grad(op, grad, _indices_grad):
    """Each selected entry's gradient goes back to its position (one_hot over the axis)."""
    x, indices = op.inputs[0], op.outputs[1]
    axis = op._attrs["reduction_dimension"]
    rank = x.shape.ndims
    axis %= rank
    perm = [i for i in range(rank) if i != axis] + [axis]
    inverse = [perm.index(i) for i in range(rank)]
    size = array_ops.shape(x)[axis]
    picked = slicing_ops.one_hot(array_ops.transpose(indices, perm), size, dtype=grad.dtype)
    spread = math_ops.reduce_sum(picked * array_ops.expand_dims(
        array_ops.transpose(grad, perm), -1), -2)
    return array_ops.transpose(spread, inverse)


register_op("ApproxTopK", inputs=("input: T",), kernel=_approx_top_k_kernel,
            kernel_attrs=("k", "reduction_dimension", "is_max_k", "recall_target",
                          "reduction_input_size_override", "aggregate_to_topk"),
            shape_fn=_approx_top_k_shape,
            allowed={"T": (dtypes.float16, dtypes.bfloat16, dtypes.float32)},
            attr_defaults={"reduction_dimension": -1, "recall_target": 0.95, "is_max_k": True,
                           "reduction_input_size_override": -1, "aggregate_to_topk": True},
            grad=_approx_top_k_grad)


def _approx(operand, k, reduction_dimension, recall_target, is_max_k,
            reduction_input_size_override, aggregate_to_topk, name):
    return tuple(apply_op("ApproxTopK", [operand], name=name, attrs={
        "k": int(k), "reduction_dimension": int(reduction_dimension),
        "recall_target": float(recall_target), "is_max_k": is_max_k,
        "reduction_input_size_override": int(reduction_input_size_override),
        "aggregate_to_topk": bool(aggregate_to_topk)}))


def approx_max_k(operand, k, reduction_dimension=-1, recall_target=0.95,
                 reduction_input_size_override=-1, aggregate_to_topk=True, name=None):
    """The k largest values along ``reduction_dimension`` and their indices (exact here)."""
    return _approx(operand, k, reduction_dimension, recall_target, True,
                   reduction_input_size_override, aggregate_to_topk, name)


def approx_min_k(operand, k, reduction_dimension=-1, recall_target=0.95,
                 reduction_input_size_override=-1, aggregate_to_topk=True, name=None):
    """The k smallest values along ``reduction_dimension`` and their indices (exact here)."""
    return _approx(operand, k, reduction_dimension, recall_target, False,
                   reduction_input_size_override, aggregate_to_topk, name)
