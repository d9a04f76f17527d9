"""Special functions as ops: erf family, gamma family, incomplete gamma/beta, zeta, Bessel I.

Kernels live in tfcompat.ops.special_kernels (numpy only); each gradient is built from these
ops, so second derivatives work (Lgamma -> Digamma -> Polygamma -> Zeta).
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.common_shapes import broadcast_binary_shape
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops, nn_ops
from tfcompat.ops import special_kernels as sk
from tfcompat.ops.math_extra_ops import xlogy
from tfcompat.ops.math_grad_util import binary_op_grads, reduce_to_shape_of
from tfcompat.ops.op_helpers import FLOATS, rounded_from_float64, unary_op

_F32_F64 = (dtypes.float32, dtypes.float64)


def _const(value: float, like: Tensor) -> Tensor:
    return constant_op.constant(value, dtype=like.dtype.base_dtype)


def _scoped(op_fn, scope_name: str):
    """TF's wrappers that open a name scope first (``erfinv/Erfinv``, ``bessel_i0/BesselI0``)."""
    def wrapper(x, name=None):
        with ops.name_scope(name, scope_name, [x]):
            return op_fn(x)
    wrapper.__name__ = scope_name
    wrapper.__doc__ = op_fn.__doc__
    return wrapper


# ---- error function family -------------------------------------------------------------------

def _erf_grad(op, grad):
    x = op.inputs[0]
    two_over_root_pi = _const(2 / math.sqrt(math.pi), x)
    return grad * two_over_root_pi * math_ops.exp(-math_ops.square(x))


def _erfc_grad(op, grad):
    x = op.inputs[0]
    minus_two_over_root_pi = _const(-2 / math.sqrt(math.pi), x)
    return grad * minus_two_over_root_pi * math_ops.exp(-math_ops.square(x))


def _erfinv_grad(op, grad):
    y = op.outputs[0]
    return grad * _const(math.sqrt(math.pi) / 2, y) * math_ops.exp(math_ops.square(y))


def _ndtri_grad(op, grad):
    y = op.outputs[0]
    return grad * _const(math.sqrt(2 * math.pi), y) * math_ops.exp(
        math_ops.square(y) / _const(2, y))


erf = unary_op("Erf", rounded_from_float64(sk.erf), FLOATS,
               "Computes the Gauss error function of x element-wise.", grad=_erf_grad)
erfc = unary_op("Erfc", rounded_from_float64(sk.erfc), FLOATS,
                "Computes the complementary error function of x element-wise.", grad=_erfc_grad)
erfinv = _scoped(unary_op("Erfinv", rounded_from_float64(sk.erfinv), FLOATS,
                          "Computes the inverse error function of x element-wise.",
                          grad=_erfinv_grad), "erfinv")
ndtri = _scoped(unary_op("Ndtri", rounded_from_float64(sk.ndtri), FLOATS,
                         "Computes the inverse of the standard normal CDF element-wise.",
                         grad=_ndtri_grad), "ndtri")


def erfcinv(x, name=None) -> Tensor:
    """Computes the inverse of the complementary error function: ``-ndtri(x / 2) / sqrt(2)``."""
    with ops.name_scope(name, "erfcinv", [x]):
        x = convert_to_tensor(x, name="start")
        return -ndtri(_const(0.5, x) * x) * _const(math.sqrt(0.5), x)


# ---- gamma family ----------------------------------------------------------------------------

def _lgamma_grad(op, grad):
    x = op.inputs[0]
    return grad * digamma(x)


def _digamma_grad(op, grad):
    x = op.inputs[0]
    return grad * polygamma(array_ops.ones_like(x), x)


lgamma = unary_op("Lgamma", rounded_from_float64(sk.lgamma), FLOATS,
                  "Computes the log of the absolute value of Gamma(x) element-wise.",
                  grad=_lgamma_grad)
digamma = unary_op("Digamma", rounded_from_float64(sk.digamma), FLOATS,
                   "Computes Psi, the derivative of Lgamma, element-wise.", grad=_digamma_grad)


def _polygamma_grad(op, grad):
    n, x = op.inputs
    return binary_op_grads(op, grad, None,
                           lambda: grad * polygamma(n + _const(1, n), x))


def _zeta_grad(op, grad):
    s, q = op.inputs
    return binary_op_grads(op, grad, None,
                           lambda: grad * -s * zeta(s + _const(1, s), q))


def _igamma_partial_x(a: Tensor, x: Tensor) -> Tensor:
    return math_ops.exp(-x + xlogy(a - _const(1, a), x) - lgamma(a))


def _igamma_grad(op, grad):
    a, x = op.inputs
    return binary_op_grads(op, grad, lambda: grad * apply_op("IgammaGradA", [a, x]),
                           lambda: grad * _igamma_partial_x(a, x))


def _igammac_grad(op, grad):
    a, x = op.inputs
    return binary_op_grads(op, grad, lambda: -(grad * apply_op("IgammaGradA", [a, x])),
                           lambda: -(grad * _igamma_partial_x(a, x)))


def _binary_special(op_type: str, kernel, names: tuple[str, str], grad) -> None:
    register_op(op_type, inputs=(f"{names[0]}: T", f"{names[1]}: T"),
                kernel=rounded_from_float64(kernel), shape_fn=broadcast_binary_shape,
                allowed={"T": _F32_F64}, grad=grad)


_binary_special("Polygamma", sk.polygamma, ("a", "x"), _polygamma_grad)
_binary_special("Zeta", sk.zeta, ("x", "q"), _zeta_grad)
_binary_special("Igamma", sk.igamma, ("a", "x"), _igamma_grad)
_binary_special("Igammac", sk.igammac, ("a", "x"), _igammac_grad)
_binary_special("IgammaGradA", sk.igamma_grad_a, ("a", "x"), NOT_DIFFERENTIABLE)


def polygamma(a, x, name=None) -> Tensor:
    """The a-th derivative of the digamma function, element-wise (a a non-negative integer)."""
    return apply_op("Polygamma", [a, x], name=name)


def zeta(x, q, name=None) -> Tensor:
    """The Hurwitz zeta function sum_k (q + k)^-x, element-wise."""
    return apply_op("Zeta", [x, q], name=name)


def igamma(a, x, name=None) -> Tensor:
    """The regularized lower incomplete gamma function P(a, x), element-wise."""
    return apply_op("Igamma", [a, x], name=name)


def igammac(a, x, name=None) -> Tensor:
    """The regularized upper incomplete gamma function Q(a, x), element-wise."""
    return apply_op("Igammac", [a, x], name=name)


def lbeta(x, name=None) -> Tensor:
    """log(|Beta(x)|) reduced along the last dimension: sum(lgamma(x)) - lgamma(sum(x))."""
    with ops.name_scope(name, "lbeta", [x]):
        x = convert_to_tensor(x, name="x")
        log_prod_gamma_x = math_ops.reduce_sum(lgamma(x), axis=[-1])
        sum_x = math_ops.reduce_sum(x, axis=[-1])
        log_gamma_sum_x = lgamma(sum_x)
        return log_prod_gamma_x - log_gamma_sum_x


def log_sigmoid(x, name=None) -> Tensor:
    """log(1 / (1 + exp(-x))), computed stably as -softplus(-x)."""
    with ops.name_scope(name, "LogSigmoid", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        return math_ops.negative(nn_ops.softplus(-x), name=scope)


# ---- incomplete beta -------------------------------------------------------------------------

def _betainc_shape(op):
    merged = None
    for t in op.inputs:
        if t.shape.ndims == 0:
            continue
        if merged is None:
            merged = t.shape
        elif not merged.is_compatible_with(t.shape):
            raise ShapeError(f"Shapes must be equal rank, but are {merged.ndims} and "
                             f"{t.shape.ndims}" if merged.ndims != t.shape.ndims else
                             f"Dimension mismatch: {merged} vs {t.shape}")
        else:
            merged = merged.merge_with(t.shape)
    shape = op.inputs[0].shape if merged is None else merged
    return [(op.inputs[0].dtype.base_dtype, shape if shape is not None else unknown_shape())]


def _betainc_kernel(a, b, x):
    a, b, x = np.asarray(a), np.asarray(b), np.asarray(x)
    shapes = {arr.shape for arr in (a, b, x) if arr.ndim}
    if len(shapes) > 1:
        from tfcompat.framework import errors
        raise errors.InvalidArgumentError(
            None, None, "Shapes of a, b and x are inconsistent: "
            f"{list(a.shape)} vs. {list(b.shape)} vs. {list(x.shape)}")
    return sk.betainc(a, b, x)


def _betainc_grad(op, grad):
    a, b, x = op.inputs
    log_beta = lgamma(a) + lgamma(b) - lgamma(a + b)
    partial_x = math_ops.exp(math_ops.log1p(-x) * (b - _const(1, b))
                             + xlogy(a - _const(1, a), x) - log_beta)
    return None, None, reduce_to_shape_of(partial_x * grad, x)


register_op("Betainc", inputs=("a: T", "b: T", "x: T"),
            kernel=rounded_from_float64(_betainc_kernel), shape_fn=_betainc_shape,
            allowed={"T": _F32_F64}, grad=_betainc_grad)


def betainc(a, b, x, name=None) -> Tensor:
    """The regularized incomplete beta function I_x(a, b), element-wise."""
    return apply_op("Betainc", [a, b, x], name=name)


# ---- modified Bessel functions of the first kind ---------------------------------------------

def _bessel_i0_grad(op, grad):
    return grad * bessel_i1(op.inputs[0])


def _bessel_i0e_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    return grad * (bessel_i1e(x) - math_ops.sign(x) * y)


def _bessel_i1_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    dy_dx = array_ops.select_v2(math_ops.equal(x, _const(0, x)), _const(0.5, x),
                                bessel_i0(x) - math_ops.div_no_nan(y, x))
    return grad * dy_dx


def _bessel_i1e_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    eps = _const(np.finfo(x.dtype.as_numpy_dtype).tiny, x)
    safe_x = array_ops.select_v2(math_ops.equal(x, _const(0, x)), eps, x)
    dy_dx = array_ops.select_v2(
        math_ops.equal(x, _const(0, x)), _const(0.5, x),
        bessel_i0e(safe_x) - y * (math_ops.sign(safe_x) + math_ops.reciprocal(safe_x)))
    return grad * dy_dx


bessel_i0 = _scoped(unary_op("BesselI0", rounded_from_float64(sk.bessel_i0), FLOATS,
                             "Computes the modified Bessel function of order 0.",
                             grad=_bessel_i0_grad), "bessel_i0")
bessel_i0e = _scoped(unary_op("BesselI0e", rounded_from_float64(sk.bessel_i0e), FLOATS,
                              "Computes exp(-|x|) * I0(x) element-wise.",
                              grad=_bessel_i0e_grad), "bessel_i0e")
bessel_i1 = _scoped(unary_op("BesselI1", rounded_from_float64(sk.bessel_i1), FLOATS,
                             "Computes the modified Bessel function of order 1.",
                             grad=_bessel_i1_grad), "bessel_i1")
bessel_i1e = _scoped(unary_op("BesselI1e", rounded_from_float64(sk.bessel_i1e), FLOATS,
                              "Computes exp(-|x|) * I1(x) element-wise.",
                              grad=_bessel_i1e_grad), "bessel_i1e")
