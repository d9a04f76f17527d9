"""More activations (Softsign, Selu, swish, crelu) and their fused gradient ops."""

from __future__ import annotations

import contextlib

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops, nn_ops
from tfcompat.ops.custom_gradient import custom_gradient
from tfcompat.ops.op_helpers import FLOATS, rounded_from_float64, unary_op

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


# ---- Softsign --------------------------------------------------------------------------------

def _softsign_grad_kernel(gradients, features):
    g, x = np.asarray(gradients), np.asarray(features)
    return (g / np.square(1 + np.abs(x))).astype(g.dtype, copy=False)


def _softsign_grad_grad(op, grad):
    dy, x = op.inputs
    one = constant_op.constant(1, dtype=x.dtype.base_dtype)
    denom = one + math_ops.abs(x)
    d_dy = grad / math_ops.square(denom)
    d_x = grad * dy * constant_op.constant(-2, dtype=x.dtype.base_dtype) * math_ops.sign(x) / (
        denom * math_ops.square(denom))
    return d_dy, d_x


register_op("SoftsignGrad", inputs=("gradients: T", "features: T"),
            kernel=_softsign_grad_kernel, shape_fn=unchanged_shape, allowed={"T": FLOATS},
            grad=_softsign_grad_grad)


def _softsign_grad(op, grad):
    return apply_op("SoftsignGrad", [grad, op.inputs[0]])


softsign = unary_op("Softsign", rounded_from_float64(lambda x: x / (1 + np.abs(x))), FLOATS,
                    "Computes softsign: features / (abs(features) + 1).", grad=_softsign_grad)


# ---- Selu ------------------------------------------------------------------------------------

def _selu_kernel(x):
    return np.where(x > 0, SELU_SCALE * x, SELU_SCALE * SELU_ALPHA * np.expm1(x))


def _selu_grad_kernel(gradients, outputs):
    g, y = np.asarray(gradients), np.asarray(outputs)
    return np.where(y < 0, g * (y + SELU_SCALE * SELU_ALPHA), g * SELU_SCALE).astype(
        g.dtype, copy=False)


def _selu_grad_grad(op, grad):
    dy, y = op.inputs
    zero = array_ops.zeros_like(y)
    negative = math_ops.less(y, zero)
    scale = constant_op.constant(SELU_SCALE, dtype=y.dtype.base_dtype)
    scale_alpha = constant_op.constant(SELU_SCALE * SELU_ALPHA, dtype=y.dtype.base_dtype)
    d_dy = array_ops.select_v2(negative, grad * (y + scale_alpha), grad * scale)
    d_y = array_ops.select_v2(negative, grad * dy, zero)
    return d_dy, d_y


register_op("SeluGrad", inputs=("gradients: T", "outputs: T"), kernel=_selu_grad_kernel,
            shape_fn=unchanged_shape, allowed={"T": FLOATS}, grad=_selu_grad_grad)


def _selu_grad(op, grad):
    return apply_op("SeluGrad", [grad, op.outputs[0]])


selu = unary_op("Selu", rounded_from_float64(_selu_kernel), FLOATS,
                "Computes scaled exponential linear: scale * (alpha * (exp(x) - 1) if x < 0 "
                "else x).", grad=_selu_grad)


# ---- composites ------------------------------------------------------------------------------

def swish(features, beta=1.0, name=None) -> Tensor:
    """x * sigmoid(beta * x) (``tf.nn.swish`` / ``tf.nn.silu``), with TF's custom gradient,
    which recomputes the sigmoid instead of keeping it alive for the backward pass."""
    with ops.name_scope(name, "swish", [features]) if name else contextlib.nullcontext():
        features = convert_to_tensor(features, name="features")
        beta = convert_to_tensor(beta, dtype=features.dtype.base_dtype, name="beta")
        return _swish_with_gradient(features, beta)


@custom_gradient
def _swish_with_gradient(features, beta):
    def grad(dy):
        sigmoid_features = math_ops.sigmoid(beta * features)
        one = constant_op.constant(1.0, dtype=features.dtype.base_dtype)
        activation_grad = sigmoid_features * (
            one + (beta * features) * (one - sigmoid_features))
        beta_grad = math_ops.reduce_sum(
            dy * math_ops.square(features) * sigmoid_features * (one - sigmoid_features))
        return dy * activation_grad, beta_grad
    return features * math_ops.sigmoid(beta * features), grad


silu = swish


def crelu(features, name=None, axis=-1) -> Tensor:
    """Concatenates relu(x) and relu(-x) along ``axis``."""
    with ops.name_scope(name, "CRelu", [features]) as scope:
        features = convert_to_tensor(features, name="features")
        c = array_ops.concat([features, -features], axis, name=scope)
        return nn_ops.relu(c)
