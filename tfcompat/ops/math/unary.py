"""Elementwise unary math ops, one section per op: kernel, registration, gradient, fused grad op.

Each op is ``unary_op(type, kernel, dtypes, doc, grad=rule)``; ops whose gradient TF builds from a
fused op (SqrtGrad, TanhGrad...) register that op and its own gradient right after them.
Gradients build ops through ``apply_op`` (or Tensor operators) so this module needs nothing from
the binary family.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, ops
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.intra_op_pool import run_split
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.eltwise_kernels import (
    REAL_FLOATS,
    BlockBody,
    same_layout,
    split_binder,
    splittable,
    writes_into,
)
from tfcompat.ops.op_helpers import (
    FLOAT_COMPLEX,
    FLOATS,
    NUMBERS,
    REAL_NUMBERS,
    rounded_from_float64,
    unary_op,
)

# Measured: from about this many elements a fused gradient computed into one new buffer (``body``)
# beats the formula with temporaries (1M float32 TanhGrad: 0.59x); below it, the formula's fewer
# Python steps win (4096 elements: the buffer 1.1-1.2x slower).
_ONE_BUFFER_SIZE = 1 << 14


def _grad_op(op_type: str, fn, grad, body=None, in_place: int | None = None) -> None:
    """Registers a fused gradient op ``z = fn(y, dy)`` (TF's SqrtGrad, TanhGrad...).

    ``body(out, y, dy)`` computes ``fn``'s float operations in order into the one new buffer
    ``out``; it runs for large real y and dy of one shape and dtype, over the intra-op pool.
    Smaller real inputs run ``fn``, the same operations with temporaries (same bits), so the
    body is the op's block body for every real float dtype (fused plans). ``in_place``: the
    input the body reads only in its first operation (which writes ``out``), so a run plan may
    give that input's buffer as ``out`` (used where the body runs).
    """
    def kernel(y, dy, threads=0, out=None):
        if type(y) is np.ndarray and y.dtype.kind == "f":
            if body is not None and y.size >= _ONE_BUFFER_SIZE and same_layout(y, dy):
                return run_split(body, np.empty_like(y) if out is None else out, (y, dy),
                                 threads)
            return fn(y, dy)
        y = np.asarray(y)
        # TF's fused gradients of complex ops use conj(y): dy * conj(f'(x)).
        z = fn(np.conj(y) if y.dtype.kind == "c" else y, np.asarray(dy))
        return np.asarray(z).astype(y.dtype, copy=False)

    block_body = BlockBody(body) if body is not None else None
    if in_place is not None:
        writes_into(kernel, (in_place,), REAL_FLOATS)
    register_op(op_type, inputs=("y: T", "dy: T"), bind=split_binder(kernel, block_body=block_body),
                shape_fn=unchanged_shape, allowed={"T": FLOAT_COMPLEX}, grad=grad)


def _mul(x, y):
    return apply_op("Mul", [x, y])


def _conj(x):
    """TF's math_ops.conj in gradients: a Conj op for a complex tensor, else the tensor itself.
    Gradients of complex ops are grad * conj(f'(x)), as TF defines them."""
    return apply_op("Conj", [x]) if x.dtype.is_complex else x


# ---- Neg -----------------------------------------------------------------------------------

def _neg_grad(op, grad):
    return -grad


negative = unary_op("Neg", np.negative, NUMBERS, "Computes numerical negative value element-wise.",
                    grad=_neg_grad)


# ---- Abs, Sign -----------------------------------------------------------------------------

def _abs_grad(op, grad):
    return grad * sign(op.inputs[0])


_real_abs = unary_op("Abs", np.abs, REAL_NUMBERS, "Computes the absolute value of a tensor.",
                     grad=_abs_grad)


def _complex_abs_shape(op):
    return [(op._attrs["Tout"], op.inputs[0].shape)]


def _complex_abs_grad(op, grad):
    # d|z| is z / |z| (0 where z = 0), as a complex gradient.
    z, magnitude = op.inputs[0], op.outputs[0]
    dtype = z.dtype.base_dtype
    complex_grad = apply_op("Complex", [grad, array_ops.zeros_like(grad)], attrs={"Tout": dtype})
    complex_magnitude = apply_op("Complex", [magnitude, array_ops.zeros_like(magnitude)],
                                 attrs={"Tout": dtype})
    return apply_op("DivNoNan", [complex_grad * z, complex_magnitude], name="div_no_nan")


register_op("ComplexAbs", inputs=("x: T",),
            kernel=lambda x, Tout: np.abs(x).astype(Tout.as_numpy_dtype), kernel_attrs=("Tout",),
            shape_fn=_complex_abs_shape, allowed={"T": (dtypes.complex64, dtypes.complex128)},
            type_defaults={"T": dtypes.complex64}, attr_defaults={"Tout": dtypes.float32},
            grad=_complex_abs_grad)


def abs(x, name=None):  # noqa: A001 - TF's name
    """Computes the absolute value of a tensor; for a complex tensor, its magnitude (a
    ComplexAbs op with the matching real dtype)."""
    if type(x) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("unary", abs, x, name=name)
    x_tensor = x if isinstance(x, Tensor) else None
    if x_tensor is not None and not x_tensor.dtype.is_complex:
        return _real_abs(x_tensor, name=name)
    with ops.name_scope(name, "Abs", [x]) as scope:
        x_tensor = ops.convert_to_tensor(x, name="x")
        if x_tensor.dtype.is_complex:
            real = dtypes.float64 if x_tensor.dtype.base_dtype == dtypes.complex128 else (
                dtypes.float32)
            return apply_op("ComplexAbs", [x_tensor], name=scope, attrs={"Tout": real})
        return _real_abs(x_tensor, name=scope)


def _sign_grad(op, grad):
    return array_ops.zeros_like(op.inputs[0])


sign = unary_op("Sign", np.sign, NUMBERS, "Returns an element-wise indication of the sign.",
                grad=_sign_grad)


# ---- Square --------------------------------------------------------------------------------

def _square_grad(op, grad):
    x = _conj(op.inputs[0])
    return _mul(grad, _mul(x, constant_op.constant(2.0, dtype=x.dtype)))


square = unary_op("Square", np.square, NUMBERS, "Computes square of x element-wise.",
                  grad=_square_grad)


# ---- Sqrt (+ SqrtGrad) ---------------------------------------------------------------------

def _sqrt_grad(op, grad):
    return apply_op("SqrtGrad", [op.outputs[0], grad])


sqrt = unary_op("Sqrt", np.sqrt, FLOAT_COMPLEX, "Computes square root of x element-wise.",
                grad=_sqrt_grad)


def _sqrt_grad_grad(op, grad):
    y, dy = op.inputs
    z = op.outputs[0]
    ga = grad / y
    return -_conj(ga) * z, 0.5 * ga


def _sqrt_grad_body(out, y, dy):
    np.multiply(dy, 0.5, out=out)
    np.true_divide(out, y, out=out)


_grad_op("SqrtGrad", lambda y, dy: dy * 0.5 / y, _sqrt_grad_grad, _sqrt_grad_body, 1)


# ---- Rsqrt (+ RsqrtGrad) -------------------------------------------------------------------

def _rsqrt(x):
    x = np.asarray(x)
    if x.dtype == np.float32:  # 1 / sqrt in float32 rounds twice (mean 0.27 ulp; TF 0.23)
        return (1 / np.sqrt(x, dtype=np.float64)).astype(np.float32)
    return (1 / np.sqrt(x)).astype(x.dtype, copy=False)


def _rsqrt_grad(op, grad):
    return apply_op("RsqrtGrad", [op.outputs[0], grad])


rsqrt = unary_op("Rsqrt", _rsqrt, FLOAT_COMPLEX, "Computes reciprocal of square root of x.",
                 grad=_rsqrt_grad)


def _rsqrt_grad_grad(op, grad):
    y, dy = op.inputs
    y = _conj(y)
    return -1.5 * _conj(grad) * dy * square(y), apply_op("RsqrtGrad", [y, grad])


def _rsqrt_grad_body(out, y, dy):
    np.multiply(dy, -0.5, out=out)
    np.multiply(out, y, out=out)
    np.multiply(out, y, out=out)
    np.multiply(out, y, out=out)


_grad_op("RsqrtGrad", lambda y, dy: dy * -0.5 * y * y * y, _rsqrt_grad_grad,
         _rsqrt_grad_body, 1)


# ---- Exp, Expm1 ----------------------------------------------------------------------------

def _exp_grad(op, grad):
    return grad * _conj(op.outputs[0])


# numpy's float32 exp is up to 2 ulp off (TF: 1); the other unary float32 loops already beat TF's
# error (tests/ops/test_float32_accuracy.py), where float64 evaluation would cost 4-40x.
exp = unary_op("Exp", rounded_from_float64(np.exp), FLOAT_COMPLEX,
               "Computes exponential of x element-wise.", grad=_exp_grad)


def _expm1_grad(op, grad):
    return grad * exp(_conj(op.inputs[0]))


expm1 = unary_op("Expm1", np.expm1, FLOAT_COMPLEX, "Computes exp(x) - 1 element-wise.",
                 grad=_expm1_grad)


# ---- Log, Log1p ----------------------------------------------------------------------------

def _log_grad(op, grad):
    return grad * reciprocal(_conj(op.inputs[0]))


log = unary_op("Log", np.log, FLOAT_COMPLEX, "Computes natural logarithm of x element-wise.",
               grad=_log_grad)


def _log1p_grad(op, grad):
    x = _conj(op.inputs[0])
    return grad * reciprocal(1 + x)


log1p = unary_op("Log1p", np.log1p, FLOAT_COMPLEX, "Computes natural logarithm of (1 + x).",
                 grad=_log1p_grad)


# ---- Sin, Cos ------------------------------------------------------------------------------

def _sin_grad(op, grad):
    return grad * cos(_conj(op.inputs[0]))


sin = unary_op("Sin", np.sin, FLOAT_COMPLEX, "Computes sine of x element-wise.", grad=_sin_grad)


def _cos_grad(op, grad):
    return -grad * sin(_conj(op.inputs[0]))


cos = unary_op("Cos", np.cos, FLOAT_COMPLEX, "Computes cos of x element-wise.", grad=_cos_grad)


# ---- Tanh (+ TanhGrad) ---------------------------------------------------------------------

def _tanh_grad(op, grad):
    return apply_op("TanhGrad", [op.outputs[0], grad])


tanh = unary_op("Tanh", np.tanh, FLOAT_COMPLEX, "Computes hyperbolic tangent of x element-wise.",
                grad=_tanh_grad)


def _tanh_grad_grad(op, grad):
    # TanhGrad is dy * (1 - conj(y)**2): holomorphic in dy, anti-holomorphic in y.
    y, dy = op.inputs
    y = _conj(y)
    return _conj(grad) * -2.0 * dy * y, apply_op("TanhGrad", [y, grad])


def _tanh_grad_body(out, y, dy):
    np.multiply(y, y, out=out)
    np.subtract(1, out, out=out)
    np.multiply(dy, out, out=out)


_grad_op("TanhGrad", lambda y, dy: dy * (1 - y * y), _tanh_grad_grad, _tanh_grad_body, 0)


# ---- Sigmoid (+ SigmoidGrad) ---------------------------------------------------------------

def _sigmoid_body(out, x):
    np.negative(x, out=out)
    np.exp(out, out=out)
    np.add(1, out, out=out)
    np.true_divide(1, out, out=out)


def _sigmoid(x, threads=0, out=None):
    """1 / (1 + exp(-x)) in one new buffer (exp overflows to inf for large -x: sigmoid 0), or in
    ``out`` (which may be ``x``: the body reads it in its first operation only)."""
    x = np.asarray(x)
    return run_split(_sigmoid_body, np.empty_like(x) if out is None else out, (x,), threads)


splittable(_sigmoid, BlockBody(_sigmoid_body))
writes_into(_sigmoid, (0,), REAL_FLOATS)


def _sigmoid_grad(op, grad):
    return apply_op("SigmoidGrad", [op.outputs[0], grad])


sigmoid = unary_op("Sigmoid", _sigmoid, FLOAT_COMPLEX, "Computes sigmoid of x element-wise.",
                   grad=_sigmoid_grad)


def _sigmoid_grad_grad(op, grad):
    # SigmoidGrad is dy * conj(y * (1 - y)): holomorphic in dy, anti-holomorphic in y.
    y, dy = op.inputs
    y = _conj(y)
    return dy * _conj(grad) * (1.0 - 2.0 * y), apply_op("SigmoidGrad", [y, grad])


def _sigmoid_grad_body(out, y, dy):
    np.multiply(dy, y, out=out)
    np.multiply(out, np.subtract(1, y), out=out)


_grad_op("SigmoidGrad", lambda y, dy: dy * y * (1 - y), _sigmoid_grad_grad,
         _sigmoid_grad_body, 1)


# ---- Reciprocal (+ ReciprocalGrad) ---------------------------------------------------------

def _reciprocal(x):
    x = np.asarray(x)
    return (1 / x).astype(x.dtype, copy=False) if x.dtype.kind != "i" else np.floor_divide(1, x)


def _reciprocal_grad(op, grad):
    return apply_op("ReciprocalGrad", [op.outputs[0], grad])


reciprocal = unary_op("Reciprocal", _reciprocal, NUMBERS, "Computes the reciprocal of x.",
                      grad=_reciprocal_grad)


def _reciprocal_grad_grad(op, grad):
    y, dy = op.inputs
    y = _conj(y)
    return -2.0 * _conj(grad) * dy * y, apply_op("ReciprocalGrad", [y, grad])


def _reciprocal_grad_body(out, y, dy):
    np.negative(dy, out=out)
    np.multiply(out, y, out=out)
    np.multiply(out, y, out=out)


_grad_op("ReciprocalGrad", lambda y, dy: -dy * y * y, _reciprocal_grad_grad,
         _reciprocal_grad_body, 1)


# ---- rounding and logical not: not differentiable ------------------------------------------

floor = unary_op("Floor", np.floor, FLOATS, "Returns element-wise largest integer <= x.",
                 grad=NOT_DIFFERENTIABLE)
ceil = unary_op("Ceil", np.ceil, FLOATS, "Returns element-wise smallest integer >= x.",
                grad=NOT_DIFFERENTIABLE)
round = unary_op("Round", np.round, NUMBERS, "Rounds half to even, element-wise.",  # noqa: A001
                 grad=NOT_DIFFERENTIABLE)
logical_not = unary_op("LogicalNot", np.logical_not, (dtypes.bool_,),
                       "Returns the truth value of NOT x element-wise.", grad=NOT_DIFFERENTIABLE)


# ---- IsFinite, IsNan, IsInf: bool results, not differentiable ------------------------------

def _bool_unary_shape(op):
    return [(dtypes.bool_, op.inputs[0].shape)]


def _bool_unary(op_type: str, kernel, doc: str):
    register_op(op_type, inputs=("x: T",), kernel=kernel, shape_fn=_bool_unary_shape,
                allowed={"T": FLOATS}, grad=NOT_DIFFERENTIABLE)

    def wrapper(x, name=None):
        return apply_op(op_type, [x], name=name)
    wrapper.__doc__ = doc
    return wrapper


is_finite = _bool_unary("IsFinite", np.isfinite, "Returns which elements of x are finite.")
is_nan = _bool_unary("IsNan", np.isnan, "Returns which elements of x are NaN.")
is_inf = _bool_unary("IsInf", np.isinf, "Returns which elements of x are Inf.")
