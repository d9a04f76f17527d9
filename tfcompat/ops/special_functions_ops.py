"""``tf.math.special``: Bessel J/Y/K of orders 0 and 1 (and the scaled K), Dawson's integral,
the exponential integral, the Fresnel integrals and Spence's function as ops, with TF's
gradients built from these ops (so second order works). Bessel I lives in special_math_ops.

Kernels (special_kernels2) compute in float64 and round once, so float32 results are the
correctly rounded value of the float64 function; TF's float32 kernels are up to millions of
ulps off near the zeros of J and Y (see the report in tests/ops/test_special_functions2.py).
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops import special_kernels2 as sk2
from tfcompat.ops.op_helpers import FLOATS, unary_op


def _const(value: float, like: Tensor) -> Tensor:
    return constant_op.constant(value, dtype=like.dtype.base_dtype)


def _scoped(op_fn, scope_name: str):
    """TF's wrappers open a name scope first: ``bessel_j0/BesselJ0``."""
    def wrapper(x, name=None):
        with ops.name_scope(name, scope_name, [x]):
            return op_fn(x)
    wrapper.__name__ = scope_name
    wrapper.__doc__ = op_fn.__doc__
    return wrapper


def _kernel(fn, narrow_fix=None):
    """Computes ``fn`` in float64 and rounds to the input dtype; ``narrow_fix(x, out)`` adjusts
    results where TF's float32 (and half) kernels differ from the float64 function."""
    def kernel(x):
        x = np.asarray(x)
        with np.errstate(all="ignore"):
            out = fn(x.astype(np.float64))
        if narrow_fix is not None and x.dtype != np.float64:
            out = narrow_fix(x, out)
        return out.astype(x.dtype, copy=False)
    return kernel


def _y1_narrow(x, out):
    # TF's float32 Y1 gives NaN at 0 (its float64 kernel gives -inf).
    return np.where(x == 0, np.nan, out)


def _expint_narrow(x, out):
    # TF's float32 Ei computes e^x first: inf once e^x overflows float32, NaN at +inf.
    with np.errstate(over="ignore"):
        out = np.where(np.isinf(np.exp(x.astype(np.float32))) & (x > 0), np.inf, out)
    return np.where(x == np.inf, np.nan, out)


# ---- Bessel functions of the first and second kind ------------------------------------------

def _bessel_j0_grad(op, grad):
    return grad * -bessel_j1(op.inputs[0])


def _bessel_j1_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    dy_dx = array_ops.select_v2(math_ops.equal(x, _const(0, x)), _const(0.5, x),
                                bessel_j0(x) - math_ops.div_no_nan(y, x))
    return grad * dy_dx


def _bessel_y0_grad(op, grad):
    return grad * -bessel_y1(op.inputs[0])


def _bessel_y1_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    return grad * (bessel_y0(x) - y / x)


bessel_j0 = _scoped(unary_op("BesselJ0", _kernel(sk2.bessel_j0), FLOATS,
                             "Computes the Bessel function of the first kind of order 0.",
                             grad=_bessel_j0_grad), "bessel_j0")
bessel_j1 = _scoped(unary_op("BesselJ1", _kernel(sk2.bessel_j1), FLOATS,
                             "Computes the Bessel function of the first kind of order 1.",
                             grad=_bessel_j1_grad), "bessel_j1")
bessel_y0 = _scoped(unary_op("BesselY0", _kernel(sk2.bessel_y0), FLOATS,
                             "Computes the Bessel function of the second kind of order 0.",
                             grad=_bessel_y0_grad), "bessel_y0")
bessel_y1 = _scoped(unary_op("BesselY1", _kernel(sk2.bessel_y1, _y1_narrow), FLOATS,
                             "Computes the Bessel function of the second kind of order 1.",
                             grad=_bessel_y1_grad), "bessel_y1")


# ---- modified Bessel functions of the second kind -------------------------------------------

def _bessel_k0_grad(op, grad):
    return grad * -bessel_k1(op.inputs[0])


def _bessel_k0e_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    return grad * (y - bessel_k1e(x))


def _bessel_k1_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    return grad * (-bessel_k0(x) - y / x)


def _bessel_k1e_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    return grad * (-bessel_k0e(x) + y - y / x)


bessel_k0 = _scoped(unary_op("BesselK0", _kernel(sk2.bessel_k0), FLOATS,
                             "Computes the modified Bessel function of the second kind of "
                             "order 0.", grad=_bessel_k0_grad), "bessel_k0")
bessel_k0e = _scoped(unary_op("BesselK0e", _kernel(sk2.bessel_k0e), FLOATS,
                              "Computes exp(x) * K0(x) element-wise.", grad=_bessel_k0e_grad),
                     "bessel_k0e")
bessel_k1 = _scoped(unary_op("BesselK1", _kernel(sk2.bessel_k1), FLOATS,
                             "Computes the modified Bessel function of the second kind of "
                             "order 1.", grad=_bessel_k1_grad), "bessel_k1")
bessel_k1e = _scoped(unary_op("BesselK1e", _kernel(sk2.bessel_k1e), FLOATS,
                              "Computes exp(x) * K1(x) element-wise.", grad=_bessel_k1e_grad),
                     "bessel_k1e")


# ---- Dawson, Ei, Fresnel, Spence -------------------------------------------------------------

def _dawsn_grad(op, grad):
    x, y = op.inputs[0], op.outputs[0]
    return grad * (_const(1.0, x) - _const(2.0, x) * x * y)


def _expint_grad(op, grad):
    x = op.inputs[0]
    return grad * math_ops.exp(x) / x


def _fresnel_grad(trig):
    def grad_fn(op, grad):
        x = op.inputs[0]
        return grad * trig(_const(math.pi / 2, x) * math_ops.square(x))
    return grad_fn


def _spence_grad(op, grad):
    x = op.inputs[0]
    partial = math_ops.log(x) / (_const(1.0, x) - x)
    partial = array_ops.select_v2(math_ops.equal(x, _const(1.0, x)), -array_ops.ones_like(x),
                                  partial)
    return grad * partial


dawsn = _scoped(unary_op("Dawsn", _kernel(sk2.dawsn), FLOATS,
                         "Computes Dawson's integral exp(-x^2) * integral_0^x exp(t^2) dt.",
                         grad=_dawsn_grad), "dawsn")
expint = _scoped(unary_op("Expint", _kernel(sk2.expint, _expint_narrow), FLOATS,
                          "Computes the exponential integral Ei(x) (NaN for x < 0).",
                          grad=_expint_grad), "expint")
fresnel_cos = _scoped(unary_op("FresnelCos", _kernel(sk2.fresnel_cos), FLOATS,
                               "Computes the Fresnel integral integral_0^x cos(pi t^2 / 2) dt.",
                               grad=_fresnel_grad(math_ops.cos)), "fresnel_cos")
fresnel_sin = _scoped(unary_op("FresnelSin", _kernel(sk2.fresnel_sin), FLOATS,
                               "Computes the Fresnel integral integral_0^x sin(pi t^2 / 2) dt.",
                               grad=_fresnel_grad(math_ops.sin)), "fresnel_sin")
spence = _scoped(unary_op("Spence", _kernel(sk2.spence), FLOATS,
                          "Computes Spence's function integral_1^x log(t) / (1 - t) dt.",
                          grad=_spence_grad), "spence")
