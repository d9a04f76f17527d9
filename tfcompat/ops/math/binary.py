"""Elementwise binary math ops with broadcasting, one section per op, and comparisons.

Each op is ``binary_op(type, kernel, dtypes, doc, grad=rule)``; a rule returns the gradients
before broadcasting is undone and wraps them in ``binary_op_grads``.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.math.cast import cast
from tfcompat.ops.math.unary import _conj, log, logical_not, negative
from tfcompat.ops.math_grad_util import binary_op_grads
from tfcompat.ops.op_helpers import (
    FLOAT_COMPLEX,
    NUMBERS,
    REAL_NUMBERS,
    binary_op,
    comparison_op,
)


def _same_static_shape(*tensors) -> bool:
    first = tensors[0].shape
    return first.is_fully_defined() and all(t.shape == first for t in tensors[1:])


def _fast_path(op, grad) -> bool:
    """TF skips broadcast reduction when x, y and grad have the same, fully known shape."""
    x, y = op.inputs
    return (isinstance(grad, Tensor) and _same_static_shape(x, y, grad)
            and grad.dtype.base_dtype in (dtypes.int32, dtypes.float32))


def _integer_division(ufunc, x, y):
    """``ufunc(x, y)``; integer division by zero is an error for each output element that
    divides by zero, as TF checks (so an empty result divides by nothing)."""
    x, y = np.asarray(x), np.asarray(y)
    result = ufunc(x, y)  # (kernels run under np.errstate(all="ignore"): no warning)
    if x.dtype.kind in "iu" and result.size and np.count_nonzero(y) != y.size:
        raise errors.InvalidArgumentError(None, None, "Integer division by zero")
    return result


# ---- AddV2 (tf.add is AddV2 named "Add") ---------------------------------------------------

def _add_grad(op, grad):
    return binary_op_grads(op, grad, grad, grad, skip_equal_shapes=True)


add_v2 = binary_op("AddV2", np.add, NUMBERS, "Returns x + y element-wise.", grad=_add_grad)


def add(x, y, name=None) -> Tensor:
    """Returns x + y element-wise (an AddV2 op named ``Add``)."""
    if type(x) in dispatch.COMPOSITE_TYPES or type(y) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("binary", add, x, y, name=name)
    return apply_op("AddV2", [x, y], name=name or "Add")


# ---- Sub -----------------------------------------------------------------------------------

def _sub_grad(op, grad):
    return binary_op_grads(op, grad, grad, lambda: -grad, skip_equal_shapes=True)


subtract = binary_op("Sub", np.subtract, NUMBERS, "Returns x - y element-wise.", grad=_sub_grad)


# ---- Mul -----------------------------------------------------------------------------------

def _mul_grad(op, grad):
    x, y = op.inputs
    if _fast_path(op, grad):
        return multiply(grad, y), multiply(grad, x)
    x, y = _conj(x), _conj(y)
    return binary_op_grads(op, grad, lambda: multiply(grad, y), lambda: multiply(x, grad),
                           skip_equal_shapes=True)


multiply = binary_op("Mul", np.multiply, NUMBERS, "Returns x * y element-wise.", grad=_mul_grad)


def scalar_mul(scalar, x, name=None) -> Tensor:
    with ops.name_scope(name, "scalar_mul", [x]) as scope:
        return multiply(scalar, x, name=scope)


# ---- RealDiv, and the division functions built on it ---------------------------------------

def _real_div_grad(op, grad):
    x, y = (_conj(t) for t in op.inputs)
    return binary_op_grads(op, grad, lambda: real_div(grad, y),
                           lambda: grad * real_div(real_div(-x, y), y))


real_div = binary_op("RealDiv", np.true_divide, FLOAT_COMPLEX, "Returns x / y for real types.",
                     grad=_real_div_grad)
realdiv = real_div

_TRUEDIV_TARGET = {
    dtypes.uint8: dtypes.float32, dtypes.int8: dtypes.float32, dtypes.uint16: dtypes.float32,
    dtypes.int16: dtypes.float32, dtypes.int32: dtypes.float64, dtypes.int64: dtypes.float64,
}


def truediv(x, y, name=None) -> Tensor:
    """Divides x / y elementwise; integers are first cast to float (``tf.truediv``)."""
    with ops.name_scope(name, "truediv", [x, y]) as scope:
        x = convert_to_tensor(x, name="x")
        y = convert_to_tensor(y, name="y", dtype_hint=x.dtype.base_dtype)
        x_dtype, y_dtype = x.dtype.base_dtype, y.dtype.base_dtype
        if x_dtype is not y_dtype:
            raise TypeError(f"`x` and `y` must have the same dtype, got {x_dtype!r} != "
                            f"{y_dtype!r}.")
        target = _TRUEDIV_TARGET.get(x_dtype)
        if target is not None:
            x = cast(x, target)
            y = cast(y, target)
        return real_div(x, y, name=scope)


def divide(x, y, name=None) -> Tensor:
    """Computes Python style division of x by y (``tf.divide``)."""
    if name is not None:
        with ops.name_scope(name) as scope:
            return truediv(x, y, name=scope)
    return truediv(x, y)


def div(x, y, name=None) -> Tensor:
    """TF1 division: Python-2 style (floor) for integers, true division for floats."""
    with ops.name_scope(name, "div", [x, y]) as scope:
        x = convert_to_tensor(x, name="x")
        y = convert_to_tensor(y, name="y", dtype=x.dtype.base_dtype)
        if x.dtype.base_dtype.is_floating or x.dtype.base_dtype.is_complex:
            return real_div(x, y, name=scope)
        return floor_div(x, y, name=scope)


# ---- FloorDiv ------------------------------------------------------------------------------

def _floordiv_kernel(x, y):
    return _integer_division(np.floor_divide, x, y)


floor_div = binary_op("FloorDiv", _floordiv_kernel, REAL_NUMBERS,
                      "Divides x / y elementwise, rounding toward the most negative integer.",
                      grad=NOT_DIFFERENTIABLE)


def floordiv(x, y, name=None) -> Tensor:
    """Divides x / y elementwise, rounding toward the most negative integer."""
    with ops.name_scope(name, "floordiv", [x, y]) as scope:
        return floor_div(x, y, name=scope)


# ---- FloorMod ------------------------------------------------------------------------------

def _floormod_kernel(x, y):
    return _integer_division(np.mod, x, y)


def _floor_mod_grad(op, grad):
    x, y = op.inputs
    return binary_op_grads(op, grad, grad, lambda: grad * negative(floordiv(x, y)))


floormod = binary_op("FloorMod", _floormod_kernel, REAL_NUMBERS,
                     "Returns element-wise remainder of division (Python semantics).",
                     grad=_floor_mod_grad)
mod = floormod


# ---- Pow -----------------------------------------------------------------------------------

def _pow_kernel(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.dtype.kind in "iu" and np.any(y < 0):
        raise errors.InvalidArgumentError(
            None, None, "Integers to negative integer powers are not allowed")
    return np.power(x, y)


def _pow_grad(op, grad):
    x, y = (_conj(t) for t in op.inputs)
    z = _conj(op.outputs[0])

    def grad_y():
        # log is defined off the non-positive reals only for real x; for complex x off 0.
        mask = not_equal(x, 0) if x.dtype.is_complex else x > 0
        safe_x = array_ops.select(mask, x, array_ops.ones_like(x))
        log_x = array_ops.select(mask, log(safe_x), array_ops.zeros_like(x))
        return grad * z * log_x
    return binary_op_grads(op, grad, lambda: grad * y * pow(x, y - 1), grad_y)


pow = binary_op("Pow", _pow_kernel, NUMBERS, "Computes x ** y element-wise.",  # noqa: A001
                grad=_pow_grad)


# ---- Maximum, Minimum ----------------------------------------------------------------------

def _max_min_grad(op, grad, selector):
    x, y = op.inputs
    zeros_ = array_ops.zeros_like(grad)
    xmask = selector(x, y)
    return binary_op_grads(op, grad, lambda: array_ops.select_v2(xmask, grad, zeros_),
                           lambda: array_ops.select_v2(xmask, zeros_, grad))


maximum = binary_op("Maximum", np.maximum, REAL_NUMBERS, "Returns max(x, y) element-wise.",
                    grad=lambda op, grad: _max_min_grad(op, grad, greater_equal))
minimum = binary_op("Minimum", np.minimum, REAL_NUMBERS, "Returns min(x, y) element-wise.",
                    grad=lambda op, grad: _max_min_grad(op, grad, less_equal))


# ---- SquaredDifference ---------------------------------------------------------------------

def _squared_difference(x, y):
    d = np.subtract(x, y)
    return d * np.conj(d) if np.iscomplexobj(d) else d * d


def _squared_difference_grad(op, grad):
    x, y = op.inputs
    x_grad = multiply(constant_op.constant(2.0, dtype=grad.dtype, name="scalar"), grad) * (x - y)
    return binary_op_grads(op, grad, x_grad, lambda: -x_grad, skip_equal_shapes=True)


squared_difference = binary_op("SquaredDifference", _squared_difference, NUMBERS,
                               "Returns (x - y)(x - y) element-wise.",
                               grad=_squared_difference_grad)


# ---- DivNoNan ------------------------------------------------------------------------------

def _div_no_nan_kernel(x, y):
    x, y = np.asarray(x), np.asarray(y)
    safe_y = np.where(y == 0, np.ones((), y.dtype), y)
    return np.where(y == 0, np.zeros((), x.dtype), x / safe_y).astype(x.dtype, copy=False)


def _div_no_nan_grad(op, grad):
    x, y = (_conj(t) for t in op.inputs)
    return binary_op_grads(
        op, grad, lambda: div_no_nan(grad, y, name="div_no_nan"),
        lambda: grad * div_no_nan(div_no_nan(-x, y, name="div_no_nan"), y, name="div_no_nan"))


div_no_nan = binary_op("DivNoNan", _div_no_nan_kernel, FLOAT_COMPLEX,
                       "Returns x / y element-wise, or 0 where y is zero.", grad=_div_no_nan_grad)


# ---- logical ops: not differentiable -------------------------------------------------------

logical_and = binary_op("LogicalAnd", np.logical_and, (dtypes.bool_,),
                        "Returns the truth value of x AND y element-wise.",
                        grad=NOT_DIFFERENTIABLE)
logical_or = binary_op("LogicalOr", np.logical_or, (dtypes.bool_,),
                       "Returns the truth value of x OR y element-wise.", grad=NOT_DIFFERENTIABLE)


def logical_xor(x, y, name="LogicalXor") -> Tensor:
    """Logical XOR as ``(x | y) & ~(x & y)`` (TF builds it from those ops)."""
    return logical_and(logical_or(x, y), logical_not(logical_and(x, y)), name=name)


# ---- comparisons (comparison_op marks them not differentiable) -----------------------------

equal = comparison_op("Equal", np.equal, None, {"incompatible_shape_error": True})
not_equal = comparison_op("NotEqual", np.not_equal, None, {"incompatible_shape_error": True})
less = comparison_op("Less", np.less)
less_equal = comparison_op("LessEqual", np.less_equal)
greater = comparison_op("Greater", np.greater)
greater_equal = comparison_op("GreaterEqual", np.greater_equal)
