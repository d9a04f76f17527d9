"""Reshape, ExpandDims, Squeeze, Transpose/InvertPermutation, Fill/ZerosLike and
``tf.zeros``/``tf.ones``/``*_like``."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, errors, ops, tensor_util
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import constant_op
from tfcompat.ops.array.core import _as_input, rank, shape, shape_internal
from tfcompat.ops.array.slice_common import _SHAPE
from tfcompat.ops.op_helpers import INDEX_TYPES

# ---- reshape, expand_dims, squeeze, transpose ------------------------------------------------

def _known_elements(dims) -> tuple[int, int]:
    """(product of the known dims, number of unknown dims); a known 0 makes the count known."""
    if 0 in dims:
        return 0, 0
    return int(np.prod([d for d in dims if d is not None], dtype=np.int64)), dims.count(None)


def _reshape_shape(op):
    # TF's static checks: the element counts must agree where both sides are known up to at
    # most one unknown dim each, and a single -1 is inferred when the input is fully known.
    x, shape_t = op.inputs
    dtype = x.dtype.base_dtype
    value = tensor_util.constant_value(shape_t)
    if value is not None:
        for d in np.asarray(value).reshape(-1):
            if d < -1:
                raise ValueError(f"Invalid value in tensor used for shape: {int(d)}")
        dims = [None if d == -1 else int(d) for d in np.asarray(value).reshape(-1)]
    else:
        target = tensor_util.constant_value_as_shape(shape_t)
        if target.ndims is None:
            return [(dtype, unknown_shape())]
        dims = list(target.as_tuple())
    out_known, out_unknown = _known_elements(dims)
    if out_unknown > 1 or x.shape.ndims is None:
        return [(dtype, TensorShape(dims))]
    in_known, in_unknown = _known_elements(list(x.shape.as_tuple()))
    if in_unknown == 0 and out_unknown == 0:
        if in_known != out_known:
            raise ShapeError(f"Cannot reshape a tensor with {in_known} elements to shape "
                             f"{_partial_text(dims)} ({out_known} elements)")
    elif in_unknown == 0 and out_unknown == 1:
        if out_known == 0:
            if in_known != 0:
                raise ShapeError(f"Cannot reshape a tensor with {in_known} elements to shape "
                                 f"{_partial_text(dims)} (0 elements)")
        elif in_known % out_known:
            raise ShapeError(f"Dimension size must be evenly divisible by {out_known} but is "
                             f"{in_known}")
        else:
            dims = [in_known // out_known if d is None else d for d in dims]
    elif in_unknown == 1 and out_unknown == 0 and out_known % in_known:
        raise ShapeError(f"Dimension size must be evenly divisible by {in_known} but is "
                         f"{out_known}")
    return [(dtype, TensorShape(dims))]


def _partial_text(dims) -> str:
    return "[" + ",".join("?" if d is None else str(d) for d in dims) + "]"


def _reshape_kernel(x, shape):
    x = np.asarray(x)
    shape = tuple(np.asarray(shape).reshape(-1).tolist())  # Python ints (the shape is int32/64)
    if shape.count(-1) > 1:
        raise errors.InvalidArgumentError(
            None, None, "Only one input size may be -1, not both 0 and 1")
    try:
        return x.reshape(shape)
    except ValueError:
        product = int(np.prod([d for d in shape if d != -1], dtype=np.int64))
        if -1 in shape:
            raise errors.InvalidArgumentError(
                None, None, f"Input to reshape is a tensor with {x.size} values, but the "
                f"requested shape requires a multiple of {product}") from None
        raise errors.InvalidArgumentError(
            None, None, f"Input to reshape is a tensor with {x.size} values, but the requested "
            f"shape has {product}") from None


def _reshape_grad(op, grad):
    # (TF: the static input shape when exactly one dimension is unknown, else its Shape)
    dims = op.inputs[0].shape.as_tuple()
    if dims is not None and dims.count(None) == 1:
        return [reshape(grad, [-1 if d is None else d for d in dims]), None]
    return [reshape(grad, shape(op.inputs[0])), None]


register_op("Reshape", inputs=("tensor: T", "shape: Tshape"), kernel=_reshape_kernel,
            shape_fn=_reshape_shape, allowed={"Tshape": INDEX_TYPES}, shape_inputs=(1,),
            type_defaults={"Tshape": dtypes.int32},
            grad=_reshape_grad)


def reshape(tensor, shape, name=None) -> Tensor:  # noqa: F811 - TF's argument name
    """Reshapes a tensor (``tf.reshape``)."""
    return apply_op("Reshape", [tensor, shape], name=name)


def _expand_dims_shape(op):
    x, axis_t = op.inputs
    axis = tensor_util.constant_value(axis_t)
    if axis is None or x.shape.ndims is None:
        rank_ = x.shape.ndims
        return [(x.dtype.base_dtype, unknown_shape(None if rank_ is None else rank_ + 1))]
    axis = int(np.asarray(axis).reshape(-1)[0])
    dims = list(x.shape.as_tuple())
    rank_ = len(dims)
    if axis < -rank_ - 1 or axis > rank_:
        raise ShapeError(f"dim {axis} not in the interval [{-rank_ - 1}, {rank_}].")
    if axis < 0:
        axis += rank_ + 1
    dims.insert(axis, 1)
    return [(x.dtype.base_dtype, _SHAPE(tuple(dims)))]


def _expand_dims_kernel(x, axis):
    x = np.asarray(x)
    axis = int(np.asarray(axis).reshape(-1)[0])
    if -x.ndim - 1 <= axis <= x.ndim:
        if axis < 0:
            axis += x.ndim + 1
        return x.reshape(x.shape[:axis] + (1,) + x.shape[axis:])  # np.expand_dims's view
    return np.expand_dims(x, axis)  # its AxisError


def _expand_dims_grad(op, grad):
    return [reshape(grad, shape(op.inputs[0])), None]


register_op("ExpandDims", inputs=("input: T", "dim: Tdim"), kernel=_expand_dims_kernel,
            shape_fn=_expand_dims_shape, allowed={"Tdim": INDEX_TYPES}, value_inputs=(1,),
            type_defaults={"Tdim": dtypes.int32},
            grad=_expand_dims_grad)


def expand_dims(input, axis=None, name=None, dim=None) -> Tensor:  # noqa: A002
    """Inserts a dimension of 1 at ``axis`` (``tf.expand_dims``; ``dim`` is the TF1 alias)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    if type(input) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("expand_dims", input, axis, name)
    if axis is None:
        raise ValueError("Must specify an axis argument to tf.expand_dims()")
    return apply_op("ExpandDims", [input, axis], name=name)


def _squeeze_shape(op):
    x = op.inputs[0]
    axes = op._attrs["squeeze_dims"]
    if x.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape())]
    dims = x.shape.as_tuple()
    rank_ = len(dims)
    norm = set()
    for a in axes:
        if a < -rank_ or a >= rank_:
            raise ShapeError(f"squeeze_dims[{axes.index(a)}] not in [{-rank_},{rank_}).")
        a = a + rank_ if a < 0 else a
        if dims[a] is not None and dims[a] != 1:
            raise ShapeError(f"Can not squeeze dim[{a}], expected a dimension of 1, got "
                             f"{dims[a]}")
        norm.add(a)
    if axes:
        out = [d for i, d in enumerate(dims) if i not in norm]
    else:
        if any(d is None for d in dims):
            return [(x.dtype.base_dtype, unknown_shape())]
        out = [d for d in dims if d != 1]
    return [(x.dtype.base_dtype, _SHAPE(tuple(out)))]


def _squeeze_kernel(x, squeeze_dims):
    x = np.asarray(x)
    if squeeze_dims:
        for a in squeeze_dims:
            if x.shape[a] != 1:
                raise errors.InvalidArgumentError(
                    None, None, f"Can not squeeze dim[{a % x.ndim}], expected a dimension of 1, "
                    f"got {x.shape[a]}")
        return np.squeeze(x, tuple(squeeze_dims))
    return np.squeeze(x)


def _squeeze_grad(op, grad):
    return reshape(grad, shape(op.inputs[0]))


register_op("Squeeze", inputs=("input: T",), kernel=_squeeze_kernel,
            kernel_attrs=("squeeze_dims",), shape_fn=_squeeze_shape,
            grad=_squeeze_grad)


def squeeze(input, axis=None, name=None, squeeze_dims=None) -> Tensor:  # noqa: A002
    """Removes dimensions of size 1 (``tf.squeeze``; ``squeeze_dims`` is the TF1 alias)."""
    axis = deprecated_argument_lookup("axis", axis, "squeeze_dims", squeeze_dims)
    if axis is None:
        axis = []
    elif np.ndim(axis) == 0:
        axis = [axis]
    return apply_op("Squeeze", [input], name=name,
                    attrs={"squeeze_dims": [int(a) for a in axis]})


def _transpose_shape(op):
    x, perm_t = op.inputs
    perm = tensor_util.constant_value(perm_t)
    rank_ = x.shape.ndims
    if perm is None:
        if rank_ is None and perm_t.shape.ndims == 1 and perm_t.shape.as_tuple()[0] is not None:
            rank_ = perm_t.shape.as_tuple()[0]
        return [(x.dtype.base_dtype, unknown_shape(rank_))]
    perm = [int(p) for p in np.asarray(perm).reshape(-1)]
    if rank_ is None:
        return [(x.dtype.base_dtype, unknown_shape(len(perm)))]
    if len(perm) != rank_:
        raise ShapeError(f"Dimension must be {rank_} but is {len(perm)}")
    dims = x.shape.as_tuple()
    return [(x.dtype.base_dtype, _SHAPE(tuple(dims[p] for p in perm)))]


def _transpose_grad(op, grad):
    perm = op.inputs[1]
    return [transpose(grad, invert_permutation(perm)), None]


register_op("Transpose", inputs=("x: T", "perm: Tperm"),
            kernel=lambda x, perm: np.transpose(x, [int(p) for p in np.asarray(perm)]),
            shape_fn=_transpose_shape, allowed={"Tperm": INDEX_TYPES},
            type_defaults={"Tperm": dtypes.int32},
            grad=_transpose_grad)


register_op("InvertPermutation", inputs=("x: T",),
            kernel=lambda x: np.argsort(np.asarray(x)).astype(np.asarray(x).dtype),
            shape_fn=unchanged_shape, allowed={"T": INDEX_TYPES},
            grad=NOT_DIFFERENTIABLE)


def invert_permutation(x, name=None) -> Tensor:
    return apply_op("InvertPermutation", [x], name=name)


def transpose(a, perm=None, name="transpose", conjugate=False) -> Tensor:
    """Permutes the dimensions of ``a``; reverses them when ``perm`` is None."""
    with ops.name_scope(name, "transpose", [a]) as scope:
        a = _as_input(a)
        if perm is None:
            if a.shape.ndims is not None:
                perm = list(range(a.shape.ndims - 1, -1, -1))
            else:
                from tfcompat.ops import math_ops
                rank_ = rank(a)
                perm = (rank_ - 1) - math_ops.range(0, rank_, 1)
        if conjugate and a.dtype.is_complex:
            return apply_op("ConjugateTranspose", [a, perm], name=scope)
        return apply_op("Transpose", [a, perm], name=scope)


# ---- fill, zeros, ones -----------------------------------------------------------------------

def _fill_shape(op):
    dims_t, value = op.inputs
    return [(value.dtype.base_dtype, tensor_util.constant_value_as_shape(dims_t))]


def _fill_kernel(dims, value):
    return np.full(tuple(int(d) for d in np.asarray(dims).reshape(-1)), value,
                   dtype=np.asarray(value).dtype)


def _fill_grad(op, grad):
    from tfcompat.ops import math_ops
    return None, math_ops.reduce_sum(grad)


register_op("Fill", inputs=("dims: index_type", "value: T"), kernel=_fill_kernel,
            shape_fn=_fill_shape, allowed={"index_type": INDEX_TYPES},
            type_defaults={"index_type": dtypes.int32},
            grad=_fill_grad)


def fill(dims, value, name=None) -> Tensor:
    """A tensor of shape ``dims`` filled with the scalar ``value`` (``tf.fill``)."""
    return apply_op("Fill", [dims, value], name=name)


_SMALL_CONSTANT = 1000


def _filled(value, shape_arg, dtype, name, default_name):
    dtype = dtypes.as_dtype(dtype).base_dtype
    with ops.name_scope(name, default_name, [shape_arg]) as scope:
        if isinstance(shape_arg, TensorShape):
            shape_arg = shape_arg.as_list()
        if not isinstance(shape_arg, Tensor):
            try:
                static = TensorShape(shape_arg)
                if static.is_fully_defined() and static.num_elements() < _SMALL_CONSTANT:
                    return constant_op.constant(value, dtype=dtype, shape=static.as_list(),
                                                name=scope)
                index_type = (dtypes.int32 if ops.ints_fit(shape_arg, dtypes.int32)
                              else dtypes.int64)
                shape_arg = constant_op.constant(
                    shape_arg, dtype=index_type, name="shape_as_tensor")
            except (TypeError, ValueError):
                # A list holding Tensors: autopacked, as in TF.
                shape_arg = convert_to_tensor(shape_arg, dtype=dtypes.int32)
        return fill(shape_arg, constant_op.constant(value, dtype=dtype), name=scope)


def zeros(shape, dtype=dtypes.float32, name=None) -> Tensor:
    """A tensor of zeros (``tf.zeros``); empty strings for string dtype."""
    base = dtypes.as_dtype(dtype).base_dtype
    zero = False if base is dtypes.bool_ else "" if base is dtypes.string else 0
    if base.is_quantized:  # a quantized constant takes only numpy values
        zero = np.zeros([], dtypes.storage_type(base))
    return _filled(zero, shape, dtype, name, "zeros")


def ones(shape, dtype=dtypes.float32, name=None) -> Tensor:
    """A tensor of ones (``tf.ones``)."""
    base = dtypes.as_dtype(dtype).base_dtype
    one = True if base is dtypes.bool_ else 1
    if base.is_quantized:  # a quantized constant takes only numpy values
        one = np.ones([], dtypes.storage_type(base))
    return _filled(one, shape, dtype, name, "ones")


register_op("ZerosLike", inputs=("x: T",), kernel=np.zeros_like, shape_fn=unchanged_shape,
            grad=NOT_DIFFERENTIABLE)


def zeros_like(tensor, dtype=None, name=None, optimize=True) -> Tensor:
    """A tensor of zeros with the shape of ``tensor`` (``tf.zeros_like``)."""
    if type(tensor) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("like", zeros_like, tensor, dtype, name)
    with ops.name_scope(name, "zeros_like", [tensor]) as scope:
        tensor = _as_input(tensor)
        out_dtype = dtypes.as_dtype(dtype).base_dtype if dtype else tensor.dtype.base_dtype
        if optimize and tensor.shape.is_fully_defined() and out_dtype is not dtypes.variant:
            return zeros(tensor.shape.as_list(), out_dtype, name=scope)
        if out_dtype is not tensor.dtype.base_dtype:
            return zeros(shape_internal(tensor, optimize=optimize), out_dtype, name=scope)
        return apply_op("ZerosLike", [tensor], name=scope)


def ones_like(tensor, dtype=None, name=None, optimize=True) -> Tensor:
    """A tensor of ones with the shape of ``tensor`` (``tf.ones_like``)."""
    if type(tensor) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("like", ones_like, tensor, dtype, name)
    with ops.name_scope(name, "ones_like", [tensor]) as scope:
        tensor = _as_input(tensor)
        ones_shape = shape_internal(tensor, optimize=optimize)
        out_dtype = dtypes.as_dtype(dtype).base_dtype if dtype else tensor.dtype.base_dtype
        result = ones(ones_shape, out_dtype, name=scope)
        if not tensor.shape.is_fully_defined() or not optimize:
            result.set_shape(tensor.shape)
        return result
