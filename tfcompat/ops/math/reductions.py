"""Reductions (Sum, Mean, Max, Min, Prod, Any, All), ArgMax/ArgMin and ``reduce_logsumexp``.

Each reduction is one ``reduction_op(type, numpy_fn, dtypes, doc, all_axes, grad=rule)``.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.math.binary import (
    add_v2,
    divide,
    equal,
    floordiv,
    maximum,
    real_div,
    subtract,
)
from tfcompat.ops.math.cast import cast
from tfcompat.ops.math.sequences import range as _range
from tfcompat.ops.math.unary import exp, is_finite, log
from tfcompat.ops.op_helpers import INDEX_TYPES, NUMBERS, REAL_NUMBERS, reduction_op

_SHAPE = TensorShape._from_tuple


def _all_axes(x: Tensor):
    """The axes input reducing everything: a Const, or Rank/Range when the rank is unknown."""
    if x.shape.ndims:  # TF builds Rank/range for scalars too
        return constant_op.constant(np.arange(x.shape.ndims, dtype=np.int32))
    return _range(0, array_ops.rank(x), 1)


def _reduced_shape(input_shape: Tensor, axes: Tensor):
    """``input_shape`` with the ``axes`` dimensions set to 1, as TF's gradients build it: a
    numpy vector when both are constant, else ``DynamicStitch`` of the shape and ones."""
    from tfcompat.ops.partition_ops import dynamic_stitch  # (builds on this module's ops)
    shape_value = tensor_util.constant_value(input_shape)
    axes_value = tensor_util.constant_value(axes)
    if shape_value is not None and axes_value is not None:
        return _static_kept(shape_value, axes_value)
    input_rank = array_ops.size(input_shape)
    axes = (axes + input_rank) % input_rank
    axes_shape = array_ops.shape(axes)
    return dynamic_stitch([_range(0, input_rank, 1), axes],
                          [input_shape, array_ops.ones(axes_shape, dtypes.int32)])


def _static_kept(input_shape, axes) -> np.ndarray:
    kept = np.array(input_shape, np.int32).reshape(-1)
    for a in np.asarray(axes).reshape(-1):
        kept[int(a) % len(kept)] = 1
    return kept


def _static_tile_scaling(x: Tensor, axes) -> tuple[np.ndarray, np.ndarray]:
    """(kept dims, tile multiples) of a reduction of the fully known ``x`` over the constant
    ``axes``, remembered per graph as TF does: the first gradient of a (shape, axes) pair
    leaves in the graph the ``maximum``/``floordiv`` ops TF evaluates the multiples with."""
    cache = ops.get_default_graph()._reduced_shape_cache
    input_shape = x.shape.as_tuple()
    key = (input_shape, tuple(int(a) for a in np.asarray(axes).reshape(-1)))
    if key not in cache:
        kept = _static_kept(input_shape, axes)
        floordiv(np.array(input_shape, np.int32), maximum(kept, 1))  # (TF's _safe_shape_div)
        cache[key] = (kept, np.array(input_shape, np.int32) // np.maximum(kept, 1))
    return cache[key]


# ---- Sum -----------------------------------------------------------------------------------

def _sum_grad(op, grad):
    from tfcompat.ops import slicing_ops  # slicing_ops builds on this module (cycle)
    x, axes_t = op.inputs
    if x.shape.ndims is not None:
        axes = tensor_util.constant_value(axes_t)
        if axes is not None:
            rank = x.shape.ndims
            if np.array_equal(axes, np.arange(rank)):  # every dimension, in order
                grad = array_ops.reshape(grad, [1] * rank)
                input_shape = (constant_op.constant(np.array(x.shape.as_tuple(), np.int32))
                               if x.shape.is_fully_defined() else array_ops.shape(x))
                return [slicing_ops.tile(grad, input_shape), None]
            if x.shape.is_fully_defined():
                kept, multiples = _static_tile_scaling(x, axes)
                return [slicing_ops.tile(array_ops.reshape(grad, kept), multiples), None]
    input_shape = array_ops.shape(x)
    if not op.get_attr("keep_dims"):
        grad = array_ops.reshape(grad, _reduced_shape(input_shape, axes_t))
    return [array_ops.broadcast_to(grad, input_shape), None]


reduce_sum = reduction_op(
    "Sum", lambda x, a, k: np.add.reduce(x, axis=a, dtype=x.dtype, keepdims=k), NUMBERS,
    "Computes the sum of elements across dimensions.", _all_axes, grad=_sum_grad)


# ---- Mean ----------------------------------------------------------------------------------

def _np_mean(x, axes, keep):
    if x.dtype.kind in "iu":  # TF truncates the integer mean toward zero
        count = int(np.prod([x.shape[a] for a in axes], dtype=np.int64)) or 1
        total = np.sum(x, axis=axes, keepdims=keep, dtype=np.int64)
        return np.asarray(np.trunc(total / count)).astype(x.dtype)
    return np.mean(x, axis=axes, keepdims=keep, dtype=x.dtype)


def _mean_grad(op, grad):
    from tfcompat.ops import slicing_ops  # slicing_ops builds on this module (cycle)
    sum_grad = _sum_grad(op, grad)[0]
    x, y = op.inputs[0], op.outputs[0]
    if x.shape.is_fully_defined() and y.shape.is_fully_defined():
        factor = x.shape.num_elements() // max(y.shape.num_elements(), 1)
        factor = constant_op.constant(factor, dtype=sum_grad.dtype)
        return [real_div(sum_grad, factor, name="truediv"), None]
    input_shape = array_ops.shape(x)
    input_rank = array_ops.size(input_shape)
    axes = (op.inputs[1] + input_rank) % input_rank
    factor = reduce_prod(slicing_ops.gather(input_shape, axes))
    return [real_div(sum_grad, cast(factor, sum_grad.dtype), name="truediv"), None]


reduce_mean = reduction_op("Mean", _np_mean, NUMBERS,
                           "Computes the mean of elements across dimensions.", _all_axes,
                           grad=_mean_grad)


# ---- Max, Min ------------------------------------------------------------------------------

def _kept_shape(x, axes, keep):
    return tuple(1 if i in axes else d for i, d in enumerate(x.shape) if keep or i not in axes)


def _np_max(x, axes, keep):
    if x.size == 0:
        lowest = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
        return np.full(_kept_shape(x, axes, keep), lowest, x.dtype)
    return np.maximum.reduce(x, axis=axes, keepdims=keep)


def _np_min(x, axes, keep):
    if x.size == 0:
        highest = np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).max
        return np.full(_kept_shape(x, axes, keep), highest, x.dtype)
    return np.minimum.reduce(x, axis=axes, keepdims=keep)


def _min_or_max_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    input_shape = array_ops.shape(x)
    if op.get_attr("keep_dims"):
        kept = array_ops.shape(y)
    else:
        kept = _reduced_shape(input_shape, op.inputs[1])
        y = array_ops.reshape(y, kept)
        grad = array_ops.reshape(grad, kept)
    indicators = cast(equal(y, x), grad.dtype)
    num_selected = array_ops.reshape(reduce_sum(indicators, op.inputs[1]), kept)
    return [divide(indicators, num_selected) * grad, None]


reduce_max = reduction_op("Max", _np_max, REAL_NUMBERS,
                          "Computes the maximum of elements across dimensions.", _all_axes,
                          grad=_min_or_max_grad)
reduce_min = reduction_op("Min", _np_min, REAL_NUMBERS,
                          "Computes the minimum of elements across dimensions.", _all_axes,
                          grad=_min_or_max_grad)


# ---- Prod ----------------------------------------------------------------------------------

def _prod_grad(op, grad):
    # d(prod)/dx_i is the product of all other elements of x_i's reduction group: computed
    # without division (so zeros are handled) as exclusive cumulative products from the left
    # and from the right, after moving the reduced axes to the front and flattening them.
    from tfcompat.ops import slicing_ops  # slicing_ops builds on this module (cycle)
    x, axes_t = op.inputs
    input_shape = array_ops.shape(x)
    reduction_indices = array_ops.reshape(axes_t, [-1])
    if not op.get_attr("keep_dims"):
        grad = array_ops.reshape(grad, _reduced_shape(input_shape, axes_t))
    grad = array_ops.broadcast_to(grad, input_shape)
    rank_ = array_ops.rank(x)
    reduced = cast((reduction_indices + rank_) % rank_, dtypes.int32)
    other, _ = slicing_ops.list_diff(_range(0, rank_, 1), reduced)
    perm = array_ops.concat([reduced, other], 0)
    reduced_num = reduce_prod(slicing_ops.gather(input_shape, reduced))
    other_num = reduce_prod(slicing_ops.gather(input_shape, other))
    permuted = array_ops.transpose(x, perm)
    permuted_shape = array_ops.shape(permuted)
    flat = array_ops.reshape(permuted, [reduced_num, other_num])
    left = slicing_ops.cumprod(flat, axis=0, exclusive=True)
    right = slicing_ops.cumprod(flat, axis=0, exclusive=True, reverse=True)
    if left.dtype.is_complex:  # grad * conj(d prod / dx), as TF's
        left, right = apply_op("Conj", [left]), apply_op("Conj", [right])
    others = array_ops.reshape(left * right, permuted_shape)
    out = grad * array_ops.transpose(others, array_ops.invert_permutation(perm))
    return [array_ops.reshape(out, input_shape), None]


reduce_prod = reduction_op(
    "Prod", lambda x, a, k: np.multiply.reduce(x, axis=a, dtype=x.dtype, keepdims=k), NUMBERS,
    "Computes the product of elements across dimensions.", _all_axes, grad=_prod_grad)


# ---- Any, All: not differentiable ----------------------------------------------------------

reduce_any = reduction_op("Any", lambda x, a, k: np.any(x, axis=a, keepdims=k), (dtypes.bool_,),
                          "Computes logical OR of elements across dimensions.", _all_axes,
                          grad=NOT_DIFFERENTIABLE)
reduce_all = reduction_op("All", lambda x, a, k: np.all(x, axis=a, keepdims=k), (dtypes.bool_,),
                          "Computes logical AND of elements across dimensions.", _all_axes,
                          grad=NOT_DIFFERENTIABLE)

for _fn, _name in [(reduce_sum, "reduce_sum"), (reduce_mean, "reduce_mean"),
                   (reduce_max, "reduce_max"), (reduce_min, "reduce_min"),
                   (reduce_prod, "reduce_prod"), (reduce_any, "reduce_any"),
                   (reduce_all, "reduce_all")]:
    _fn.__name__ = _fn.__qualname__ = _name


def reduce_logsumexp(input_tensor, axis=None, keepdims=None, name=None,
                     reduction_indices=None, keep_dims=None) -> Tensor:
    """log(sum(exp(x))) computed stably by subtracting the (gradient-stopped) maximum."""
    keepdims = bool(deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims))
    axis = deprecated_argument_lookup("axis", axis, "reduction_indices", reduction_indices)
    with ops.name_scope(name, "ReduceLogSumExp", [input_tensor]) as scope:
        x = convert_to_tensor(input_tensor)
        raw_max = reduce_max(x, axis=axis, keepdims=True)
        my_max = array_ops.stop_gradient(
            array_ops.select_v2(is_finite(raw_max), raw_max,
                                constant_op.constant(0, dtype=raw_max.dtype)))
        result = log(reduce_sum(exp(subtract(x, my_max)), axis=axis, keepdims=keepdims))
        if not keepdims:
            my_max = array_ops.reshape(my_max, array_ops.shape(result))
        return add_v2(result, my_max, name=scope)


# ---- ArgMax, ArgMin ------------------------------------------------------------------------

def _arg_shape(op):
    x, axis_t = op.inputs
    out_type = op._attrs["output_type"]
    axis = tensor_util.constant_value(axis_t)
    if x.shape.ndims is None:
        return [(out_type, unknown_shape())]
    rank_ = x.shape.ndims
    if axis is None:
        return [(out_type, unknown_shape(max(rank_ - 1, 0)))]
    axis = int(axis)
    if axis < -rank_ or axis >= rank_:
        raise ShapeError(f"Dimension ({axis}) must be in the range [{-rank_}, {rank_}), where "
                         f"{rank_} is the number of dimensions in the input.")
    axis %= rank_
    dims = x.shape.as_tuple()
    return [(out_type, _SHAPE(dims[:axis] + dims[axis + 1:]))]


def _arg_kernel(np_fn):
    def kernel(x, axis, output_type):
        x = np.asarray(x)
        if x.size == 0:
            raise errors.InvalidArgumentError(
                None, None, "Reduction axis 0 is empty in shape " + str(list(x.shape)))
        return np_fn(x, axis=int(axis)).astype(output_type.as_numpy_dtype)
    return kernel


register_op("ArgMax", inputs=("input: T", "dimension: Tidx"), kernel=_arg_kernel(np.argmax),
            kernel_attrs=("output_type",), shape_fn=_arg_shape,
            allowed={"T": REAL_NUMBERS + (dtypes.bool_,), "Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32}, value_inputs=(1,), grad=NOT_DIFFERENTIABLE)
register_op("ArgMin", inputs=("input: T", "dimension: Tidx"), kernel=_arg_kernel(np.argmin),
            kernel_attrs=("output_type",), shape_fn=_arg_shape,
            allowed={"T": REAL_NUMBERS + (dtypes.bool_,), "Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32}, value_inputs=(1,), grad=NOT_DIFFERENTIABLE)


def _arg(op_type, input, axis, name, dimension, output_type):  # noqa: A002
    axis = deprecated_argument_lookup("axis", axis, "dimension", dimension)
    if axis is None:
        axis = 0
    return apply_op(op_type, [input, axis], name=name,
                    attrs={"output_type": dtypes.as_dtype(output_type)})


def argmax(input, axis=None, name=None, dimension=None, output_type=dtypes.int64):  # noqa: A002
    """Index of the largest value across an axis (``dimension`` is the TF1 alias)."""
    return _arg("ArgMax", input, axis, name, dimension, output_type)


def argmin(input, axis=None, name=None, dimension=None, output_type=dtypes.int64):  # noqa: A002
    """Index of the smallest value across an axis (``dimension`` is the TF1 alias)."""
    return _arg("ArgMin", input, axis, name, dimension, output_type)
