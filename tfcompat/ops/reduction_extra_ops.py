"""Reductions and scans beyond sum/mean/max: EuclideanNorm, CumulativeLogsumexp, count_nonzero,
reduce_variance/std, accumulate_n, polyval, and the monotonicity tests.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.op_helpers import FLOATS, INDEX_TYPES, NUMBERS


def reduced_static_shape(op):
    """Shape function of a (input, axes) reduction with a ``keep_dims`` attr."""
    x, axes_t = op.inputs
    keep = op._attrs["keep_dims"]
    dtype = x.dtype.base_dtype
    axes = tensor_util.constant_value(axes_t)
    rank = x.shape.ndims
    if rank is None or axes is None:
        return [(dtype, unknown_shape(rank) if keep and rank is not None else unknown_shape())]
    picked = set()
    for a in np.asarray(axes).reshape(-1):
        a = int(a)
        if a < -rank or a >= rank:
            raise ShapeError(f"Invalid reduction dimension {a} for input with {rank} "
                             "dimensions.")
        picked.add(a % rank)
    dims = x.shape.as_tuple()
    out = tuple(1 if i in picked else d for i, d in enumerate(dims) if keep or i not in picked)
    return [(dtype, TensorShape._from_tuple(out))]


def _all_axes(x: Tensor, axis):
    if axis is not None:
        return axis
    if x.shape.ndims is not None:
        return constant_op.constant(np.arange(x.shape.ndims, dtype=np.int32))
    return math_ops.range(0, array_ops.rank(x), 1)


def kept_dims(op) -> Tensor:
    """The output shape of a reduction op with its reduced dimensions kept as 1 (a tensor)."""
    x, axes_t = op.inputs
    rank = array_ops.rank(x)
    axes_mod = math_ops.floormod(math_ops.cast(axes_t, dtypes.int32), rank)
    positions = math_ops.range(0, rank, 1)
    hit = math_ops.reduce_any(math_ops.equal(array_ops.expand_dims(positions, 1),
                                             array_ops.reshape(axes_mod, [1, -1])), axis=1)
    shape = array_ops.shape(x)
    return array_ops.select_v2(hit, array_ops.ones_like(shape), shape)


# ---- EuclideanNorm ---------------------------------------------------------------------------

def _euclidean_norm_kernel(x, axes, keep_dims):
    x = np.asarray(x)
    axes = tuple(int(a) % max(x.ndim, 1) for a in np.asarray(axes).reshape(-1)) if x.ndim else ()
    if x.dtype.kind in "iu":
        total = np.sum(np.square(x.astype(np.float64)), axis=axes, keepdims=keep_dims)
        return np.sqrt(total).astype(x.dtype)
    wide = np.complex128 if x.dtype.kind == "c" else np.float64
    squares = np.abs(x.astype(wide)) ** 2
    return np.sqrt(np.sum(squares, axis=axes, keepdims=keep_dims)).astype(x.dtype)


def _euclidean_norm_grad(op, grad):
    x, norm = op.inputs[0], op.outputs[0]
    if not op._attrs["keep_dims"]:
        shape = kept_dims(op)
        norm = array_ops.reshape(norm, shape)
        grad = array_ops.reshape(grad, shape)
    return [math_ops.real_div(x * grad, norm), None]


register_op("EuclideanNorm", inputs=("input: T", "reduction_indices: Tidx"),
            kernel=_euclidean_norm_kernel, kernel_attrs=("keep_dims",),
            shape_fn=reduced_static_shape, allowed={"T": NUMBERS, "Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32}, attr_defaults={"keep_dims": False},
            value_inputs=(1,), grad=_euclidean_norm_grad)


def reduce_euclidean_norm(input_tensor, axis=None, keepdims=False, name=None) -> Tensor:
    """Computes sqrt(sum(x**2)) across dimensions (the EuclideanNorm op)."""
    x = convert_to_tensor(input_tensor)
    return apply_op("EuclideanNorm", [x, _all_axes(x, axis)], name=name,
                    attrs={"keep_dims": bool(keepdims)})


# ---- CumulativeLogsumexp ---------------------------------------------------------------------

def _cumulative_logsumexp_kernel(x, axis, exclusive, reverse):
    x = np.asarray(x)
    if x.ndim == 0 or x.size == 0:
        return x.copy()
    axis = int(axis) % x.ndim
    wide = x.astype(np.float64)
    if reverse:
        wide = np.flip(wide, axis)
    out = np.logaddexp.accumulate(wide, axis=axis)
    if exclusive:
        pad = np.full_like(np.take(out, [0], axis=axis), -np.inf)
        out = np.concatenate([pad, np.take(out, np.arange(out.shape[axis] - 1), axis=axis)],
                             axis=axis)
    if reverse:
        out = np.flip(out, axis)
    return out.astype(x.dtype)


def _cumulative_logsumexp_grad(op, grad):
    x, axis = op.inputs
    out = op.outputs[0]
    lowest = constant_op.constant(np.finfo(grad.dtype.as_numpy_dtype).min, dtype=grad.dtype)
    zero = array_ops.zeros_like(grad)
    # d out_j / d x_i = exp(x_i - out_j) for the j whose window holds i; split grad by sign so
    # every log is defined, then scan in the opposite direction.
    log_pos = array_ops.select_v2(math_ops.greater(grad, zero), math_ops.log(
        array_ops.select_v2(math_ops.greater(grad, zero), grad, array_ops.ones_like(grad))),
        array_ops.fill(array_ops.shape(grad), lowest))
    log_neg = array_ops.select_v2(math_ops.less(grad, zero), math_ops.log(
        array_ops.select_v2(math_ops.less(grad, zero), -grad, array_ops.ones_like(grad))),
        array_ops.fill(array_ops.shape(grad), lowest))
    flags = dict(exclusive=op._attrs["exclusive"], reverse=not op._attrs["reverse"])
    pos = math_ops.exp(cumulative_logsumexp(log_pos - out, axis, **flags) + x)
    neg = math_ops.exp(cumulative_logsumexp(log_neg - out, axis, **flags) + x)
    return [pos - neg, None]


def _unchanged_with_axis_check(op):
    x, axis = op.inputs
    if axis.shape.ndims not in (None, 0):
        raise ShapeError(f"Shape must be rank 0 but is rank {axis.shape.ndims}")
    return [(x.dtype.base_dtype, x.shape)]


register_op("CumulativeLogsumexp", inputs=("x: T", "axis: Tidx"),
            kernel=_cumulative_logsumexp_kernel, kernel_attrs=("exclusive", "reverse"),
            shape_fn=_unchanged_with_axis_check, allowed={"T": FLOATS, "Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32},
            attr_defaults={"exclusive": False, "reverse": False},
            grad=_cumulative_logsumexp_grad)


def cumulative_logsumexp(x, axis=0, exclusive=False, reverse=False, name=None) -> Tensor:
    """log(cumsum(exp(x))) along ``axis``, computed stably."""
    with ops.name_scope(name, "CumulativeLogsumexp", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        axis = convert_to_tensor(axis, name="axis")
        return apply_op("CumulativeLogsumexp", [x, axis], name=scope,
                        attrs={"exclusive": bool(exclusive), "reverse": bool(reverse)})


# ---- composites ------------------------------------------------------------------------------

def count_nonzero(input_tensor=None, axis=None, keepdims=None, dtype=dtypes.int64, name=None,
                  reduction_indices=None, keep_dims=None, input=None):  # noqa: A002
    """Counts the non-zero elements across dimensions (``tf.count_nonzero``)."""
    if input is not None:
        input_tensor = input
    if keep_dims is not None:
        keepdims = keep_dims
    if reduction_indices is not None:
        axis = reduction_indices
    with ops.name_scope(name, "count_nonzero", [input_tensor]):
        x = convert_to_tensor(input_tensor, name="input")
        zero = array_ops.zeros([], dtype=x.dtype)
        nonzero = math_ops.cast(math_ops.not_equal(x, zero), dtypes.int64)
        return math_ops.cast(math_ops.reduce_sum(nonzero, axis=axis, keepdims=bool(keepdims)),
                             dtype=dtype)


def reduce_variance(input_tensor, axis=None, keepdims=False, name=None) -> Tensor:
    """The variance of elements across dimensions."""
    name = name if name else "reduce_variance"
    with ops.name_scope(name):
        x = convert_to_tensor(input_tensor)
        means = math_ops.reduce_mean(x, axis=axis, keepdims=True)
        if x.dtype.is_integer:
            raise TypeError("Input must be either real or complex")
        squared = math_ops.square(math_ops.abs(x - means) if x.dtype.is_complex else x - means)
        return math_ops.reduce_mean(squared, axis=axis, keepdims=keepdims)


def reduce_std(input_tensor, axis=None, keepdims=False, name=None) -> Tensor:
    """The standard deviation of elements across dimensions."""
    name = name if name else "reduce_std"
    with ops.name_scope(name):
        x = convert_to_tensor(input_tensor)
        return math_ops.sqrt(reduce_variance(x, axis=axis, keepdims=keepdims))


def accumulate_n(inputs, shape=None, tensor_dtype=None, name=None) -> Tensor:
    """Sums a list of tensors (TF 2's ``accumulate_n`` is ``add_n`` after checking them)."""
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise ValueError("inputs must be a list of at least one Tensor with the same dtype "
                         "and shape")
    inputs = [convert_to_tensor(t) for t in inputs]
    if not all(t.dtype == inputs[0].dtype for t in inputs):
        raise ValueError("inputs must be a list of at least one Tensor with the same dtype "
                         "and shape")
    if tensor_dtype is not None and inputs[0].dtype != dtypes.as_dtype(tensor_dtype):
        raise TypeError(f"tensor_dtype is {tensor_dtype}, but input is of type "
                        f"{inputs[0].dtype}")
    if len(inputs) == 1 and name is None:
        return inputs[0]
    return math_ops.add_n(inputs, name=name)


def polyval(coeffs, x, name=None) -> Tensor:
    """Evaluates sum_i coeffs[i] * x^(n-1-i) by Horner's rule."""
    if not isinstance(coeffs, (list, tuple)):
        raise ValueError(f"Argument coeffs must be list type found {type(coeffs)}.")
    with ops.name_scope(name, "polyval", list(coeffs) + [x]):
        x = convert_to_tensor(x, name="x")
        if not coeffs:
            return array_ops.zeros_like(x, name=name)
        coeffs = [convert_to_tensor(c, name=f"coeff_{i}") for i, c in enumerate(coeffs)]
        p = coeffs[0]
        for c in coeffs[1:]:
            p = c + p * x
        return p


def arg_max(input, dimension, output_type=dtypes.int64, name=None) -> Tensor:  # noqa: A002
    """The index of the largest value along ``dimension`` (TF1's ``tf.arg_max``)."""
    return math_ops.argmax(input, axis=dimension, output_type=output_type, name=name)


def arg_min(input, dimension, output_type=dtypes.int64, name=None) -> Tensor:  # noqa: A002
    """The index of the smallest value along ``dimension`` (TF1's ``tf.arg_min``)."""
    return math_ops.argmin(input, axis=dimension, output_type=output_type, name=name)
