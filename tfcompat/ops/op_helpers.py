"""Registration helpers for the bulk of op types: one line per elementwise op.

``unary_op`` / ``binary_op`` / ``comparison_op`` / ``reduction_op`` register an op type with
its kernel, shape function and gradient, and return the public wrapper. The shared
broadcasting-gradient helper (``reduce_to_shape_of``) lives in tfcompat.ops.math_grad_util so
every binary gradient undoes broadcasting the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from tfcompat.framework import dispatch, dtypes, tensor_util
from tfcompat.framework.common_shapes import (
    broadcast_binary_shape,
    broadcast_shape,
    unchanged_shape,
)
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.intra_op_pool import run_split
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.eltwise_kernels import BlockBody, register_kernel, splittable, writes_into

FLOATS = (dtypes.bfloat16, dtypes.float16, dtypes.float32, dtypes.float64)
COMPLEX = (dtypes.complex64, dtypes.complex128)
FLOAT_COMPLEX = FLOATS + COMPLEX
SIGNED_INTS = (dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64)
UNSIGNED_INTS = (dtypes.uint8, dtypes.uint16, dtypes.uint32, dtypes.uint64)
INTS = SIGNED_INTS + UNSIGNED_INTS
REAL_NUMBERS = FLOATS + INTS
NUMBERS = REAL_NUMBERS + COMPLEX
INDEX_TYPES = (dtypes.int32, dtypes.int64)


def rounded_from_float64(fn: Callable) -> Callable:
    """A kernel computing ``fn`` in float64 (complex128 for complex) and rounding once to the
    inputs' dtype: float32 results are then correctly rounded, where numpy's float32 loops can be
    1-2 ulp off (numpy's exp(2.0)) and TF's up to 14 (betainc).

    A one-input ufunc on float32 runs buffered (the ufunc casts chunk by chunk; no float64
    temporary of the full size), split over the intra-op pool when large.
    """
    def wide_body(out, x):
        fn(x, out=out, dtype=np.float64, casting="unsafe")

    def kernel(*args, threads=0, out=None):
        arrays = [np.asarray(a) for a in args]
        dtype = arrays[0].dtype
        if isinstance(fn, np.ufunc) and len(arrays) == 1 and dtype == np.float32:
            x = arrays[0]
            if out is None:
                out = np.empty(x.shape, np.float32)
            return run_split(wide_body, out, (x,), threads, rows=False)
        wide = np.complex128 if dtype.kind == "c" else np.float64
        with np.errstate(all="ignore"):
            out = fn(*[a.astype(wide, copy=False) for a in arrays])
        return np.asarray(out).astype(dtype, copy=False)
    if not isinstance(fn, np.ufunc):
        return kernel
    # (float32 runs ``wide_body``; float16 and float64 take the float64 round trip above)
    float32 = frozenset({np.dtype(np.float32)})
    if fn.nin == 1:
        # (``out`` may be x: the one ufunc call reads each element before writing it)
        writes_into(kernel, (0,), float32)
    return splittable(kernel, BlockBody(wide_body, float32) if fn.nin == 1 else None)


def _input_specs(names, allowed) -> tuple[str, ...]:
    """Inputs typed by attr T, or by the one dtype an op accepts (TF's ``x: bool``)."""
    kind = allowed[0].name if len(allowed) == 1 else "T"
    return tuple(f"{name}: {kind}" for name in names)


def _allowed_attr(allowed):
    return None if len(allowed) == 1 else {"T": allowed}


def unary_op(op_type: str, kernel: Callable, allowed: Sequence[dtypes.DType] = FLOAT_COMPLEX,
             doc: str = "", grad: Callable | None = None) -> Callable:
    """Registers an elementwise op ``y = kernel(x)`` and returns ``fn(x, name=None)``.

    ``grad`` is the gradient rule ``fn(op, dy)`` (or ``NOT_DIFFERENTIABLE``), registered with it.
    """
    register_op(op_type, inputs=_input_specs(("x",), allowed), **register_kernel(kernel),
                shape_fn=unchanged_shape, allowed=_allowed_attr(allowed), grad=grad)

    def wrapper(x, name=None):
        if type(x) in dispatch.COMPOSITE_TYPES:
            return dispatch.call("unary", wrapper, x, name=name)
        return apply_op(op_type, [x], name=name)

    wrapper.__name__ = op_type.lower()
    wrapper.__doc__ = doc or f"Computes {op_type} of x element-wise."
    return wrapper


def binary_op(op_type: str, kernel: Callable, allowed: Sequence[dtypes.DType] = NUMBERS,
              doc: str = "", grad: Callable | None = None) -> Callable:
    """Registers a broadcasting op ``z = kernel(x, y)`` and returns ``fn(x, y, name=None)``.

    ``grad`` is the gradient rule ``fn(op, dz)`` returning ``(dx, dy)`` before broadcasting is
    undone (wrap it with ``math_grad_util.binary_op_grads``), or ``NOT_DIFFERENTIABLE``.
    """
    register_op(op_type, inputs=_input_specs(("x", "y"), allowed), **register_kernel(kernel),
                shape_fn=broadcast_binary_shape, allowed=_allowed_attr(allowed), grad=grad)

    def wrapper(x, y, name=None):
        if type(x) in dispatch.COMPOSITE_TYPES or type(y) in dispatch.COMPOSITE_TYPES:
            return dispatch.call("binary", wrapper, x, y, name=name)
        return apply_op(op_type, [x, y], name=name)

    wrapper.__name__ = op_type.lower()
    wrapper.__doc__ = doc or f"Returns {op_type}(x, y) element-wise, with broadcasting."
    return wrapper


def _bool_broadcast_shape(op):
    x, y = op.inputs
    return [(dtypes.bool_, broadcast_shape(x.shape, y.shape))]


def comparison_op(op_type: str, kernel: Callable,
                  allowed: Sequence[dtypes.DType] | None = REAL_NUMBERS,
                  attr_defaults: dict | None = None) -> Callable:
    """Registers a broadcasting op with a bool result and returns ``fn(x, y, name=None)``.

    Comparisons are not differentiable in TF; the mark is registered here.
    """
    register_op(op_type, inputs=("x: T", "y: T"), **register_kernel(kernel),
                shape_fn=_bool_broadcast_shape,
                allowed={"T": allowed} if allowed else None, attr_defaults=attr_defaults,
                grad=NOT_DIFFERENTIABLE)

    def wrapper(x, y, name=None):
        if type(x) in dispatch.COMPOSITE_TYPES or type(y) in dispatch.COMPOSITE_TYPES:
            return dispatch.call("binary", wrapper, x, y, name=name)
        return apply_op(op_type, [x, y], name=name)

    wrapper.__name__ = op_type.lower()
    wrapper.__doc__ = f"Returns the truth value of {op_type}(x, y) element-wise."
    return wrapper


def _reduction_shape(op):
    x, axes_t = op.inputs
    keep = op._attrs["keep_dims"]
    dtype = x.dtype.base_dtype
    axes = tensor_util.constant_value(axes_t)
    rank = x.shape.ndims
    if axes is None:
        if keep and rank is not None:
            return [(dtype, unknown_shape(rank))]
        return [(dtype, unknown_shape())]
    axes = [int(a) for a in np.asarray(axes).reshape(-1)]
    if rank is None:
        return [(dtype, unknown_shape())]
    norm = set()
    for a in axes:
        if a < -rank or a >= rank:
            raise ShapeError(f"Invalid reduction dimension {a} for input with {rank} "
                             "dimensions.")
        norm.add(a % rank)
    dims = x.shape.as_tuple()
    if keep:
        out = tuple(1 if i in norm else d for i, d in enumerate(dims))
    else:
        out = tuple(d for i, d in enumerate(dims) if i not in norm)
    return [(dtype, TensorShape._from_tuple(out))]


def _reduction_kernel(np_fn: Callable) -> Callable:
    def kernel(x, axes, keep_dims):
        x = np.asarray(x)
        rank = max(x.ndim, 1)
        axes = tuple(a % rank for a in np.asarray(axes).reshape(-1).tolist())
        if x.ndim == 0:
            return x
        return np.asarray(np_fn(x, axes, keep_dims)).astype(x.dtype, copy=False)
    return kernel


def reduction_op(op_type: str, np_fn: Callable, allowed: Sequence[dtypes.DType], doc: str,
                 all_axes: Callable, grad: Callable | None = None) -> Callable:
    """Registers a reduction ``y = np_fn(x, axes, keepdims)`` (Sum, Mean, Max...) and returns
    the TF1 wrapper ``fn(input_tensor, axis=None, keepdims=None, name=None,
    reduction_indices=None, keep_dims=None)``.

    ``all_axes(x)`` builds the axes input when ``axis`` is None; ``grad`` is the gradient rule
    ``fn(op, dy)`` (or ``NOT_DIFFERENTIABLE``).
    """
    bool_only = tuple(allowed) == (dtypes.bool_,)
    register_op(op_type, inputs=("input: bool" if bool_only else "input: T",
                                 "reduction_indices: Tidx"),
                kernel=_reduction_kernel(np_fn), kernel_attrs=("keep_dims",),
                shape_fn=_reduction_shape,
                allowed={"Tidx": INDEX_TYPES} if bool_only else {"T": allowed,
                                                                 "Tidx": INDEX_TYPES},
                type_defaults={"Tidx": dtypes.int32}, attr_defaults={"keep_dims": False},
                value_inputs=(1,), grad=grad)

    def reduce(input_tensor, axis=None, keepdims=None, name=None, reduction_indices=None,
               keep_dims=None):
        keepdims = deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims)
        axis = deprecated_argument_lookup("axis", axis, "reduction_indices", reduction_indices)
        if type(input_tensor) in dispatch.COMPOSITE_TYPES:
            return dispatch.call("reduce", op_type, input_tensor, axis, keepdims, name)
        x = convert_to_tensor(input_tensor)
        y = apply_op(op_type, [x, all_axes(x) if axis is None else axis], name=name,
                     attrs={"keep_dims": bool(keepdims)})
        if axis is None and not keepdims:
            y.set_shape(())  # reducing everything gives a scalar even when the rank is unknown
        return y

    reduce.__doc__ = doc
    return reduce
