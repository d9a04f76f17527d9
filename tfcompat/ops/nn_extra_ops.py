"""tf.nn helpers built from graph ops: l2_normalize, zero_fraction, xw_plus_b, relu_layer,
weighted_cross_entropy_with_logits, log_poisson_loss, the moments helpers, the distributed loss
scalers, and the LRN op (``local_response_normalization``).
"""

from __future__ import annotations

import math

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops, nn_ops
from tfcompat.ops.reduction_extra_ops import count_nonzero

_LRN_TYPES = (dtypes.float16, dtypes.bfloat16, dtypes.float32)


def _const(value, like: Tensor) -> Tensor:
    return constant_op.constant(value, dtype=like.dtype.base_dtype)


def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None) -> Tensor:
    """x / sqrt(max(sum(x**2, axis), epsilon))."""
    if dim is not None:
        axis = dim
    with ops.name_scope(name, "l2_normalize", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        square_sum = math_ops.reduce_sum(math_ops.square(x), axis, keepdims=True)
        x_inv_norm = math_ops.rsqrt(math_ops.maximum(square_sum, epsilon))
        return math_ops.multiply(x, x_inv_norm, name=scope)


def zero_fraction(value, name=None) -> Tensor:
    """The fraction of zeros in ``value`` (a float32 scalar)."""
    with ops.name_scope(name, "zero_fraction", [value]):
        value = convert_to_tensor(value, name="value")
        size = math_ops.cast(array_ops.size(value), dtypes.float32)
        nonzero = math_ops.cast(count_nonzero(value), dtypes.float32)
        one = constant_op.constant(1.0)
        return array_ops.identity(one - nonzero / size, name="fraction")


def xw_plus_b(x, weights, biases, name=None) -> Tensor:
    """matmul(x, weights) + biases."""
    with ops.name_scope(name, "xw_plus_b", [x, weights, biases]) as scope:
        x = convert_to_tensor(x, name="x")
        weights = convert_to_tensor(weights, name="weights")
        biases = convert_to_tensor(biases, name="biases")
        mm = math_ops.matmul(x, weights)
        return nn_ops.bias_add(mm, biases, name=scope)


def relu_layer(x, weights, biases, name=None) -> Tensor:
    """relu(matmul(x, weights) + biases)."""
    with ops.name_scope(name, "relu_layer", [x, weights, biases]) as scope:
        x = convert_to_tensor(x, name="x")
        weights = convert_to_tensor(weights, name="weights")
        biases = convert_to_tensor(biases, name="biases")
        xw_plus_b_ = nn_ops.bias_add(math_ops.matmul(x, weights), biases)
        return nn_ops.relu(xw_plus_b_, name=scope)


def weighted_cross_entropy_with_logits(labels=None, logits=None, pos_weight=None, name=None,
                                       targets=None) -> Tensor:
    """Sigmoid cross entropy with the positive term weighted by ``pos_weight``."""
    if targets is not None:
        labels = targets
    with ops.name_scope(name, "logistic_loss", [logits, labels]) as scope:
        logits = convert_to_tensor(logits, name="logits")
        labels = convert_to_tensor(labels, name="labels")
        if not logits.shape.is_compatible_with(labels.shape):
            raise ValueError(f"logits and labels must have the same shape "
                             f"({logits.shape} vs {labels.shape})")
        log_weight = 1 + (pos_weight - 1) * labels
        return math_ops.add(
            (1 - labels) * logits,
            log_weight * (math_ops.log1p(math_ops.exp(-math_ops.abs(logits)))
                          + nn_ops.relu(-logits)),
            name=scope)


def log_poisson_loss(targets, log_input, compute_full_loss=False, name=None) -> Tensor:
    """exp(log_input) - targets * log_input (+ Stirling's term when compute_full_loss)."""
    with ops.name_scope(name, "log_poisson_loss", [targets, log_input]):
        log_input = convert_to_tensor(log_input, name="log_input")
        targets = convert_to_tensor(targets, name="targets")
        if not log_input.shape.is_compatible_with(targets.shape):
            raise ValueError(f"log_input and targets must have the same shape "
                             f"({log_input.shape} vs {targets.shape})")
        result = math_ops.exp(log_input) - log_input * targets
        if compute_full_loss:
            point_five = _const(0.5, targets)
            two_pi = _const(2 * math.pi, targets)
            stirling = (targets * math_ops.log(targets) - targets
                        + point_five * math_ops.log(two_pi * targets))
            zeros = array_ops.zeros_like(targets)
            ones = array_ops.ones_like(targets)
            cond = math_ops.logical_and(math_ops.greater_equal(targets, zeros),
                                        math_ops.less_equal(targets, ones))
            result += array_ops.select_v2(cond, zeros, stirling)
        return result


# ---- moments helpers -------------------------------------------------------------------------

def sufficient_statistics(x, axes, shift=None, keep_dims=None, name=None, keepdims=None):
    """(count, sum of x - shift, sum of squares of x - shift, shift) over ``axes``."""
    if keep_dims is not None:
        keepdims = keep_dims
    keepdims = bool(keepdims)
    axes = list(set(int(a) for a in axes))
    with ops.name_scope(name, "sufficient_statistics", [x, shift]):
        x = convert_to_tensor(x, name="x")
        dims = x.shape.as_list() if x.shape.ndims is not None else None
        if dims is not None and all(dims[a] is not None for a in axes):
            counts = 1
            for a in axes:
                counts *= dims[a]
            counts = constant_op.constant(counts, dtype=x.dtype)
        else:
            shape = array_ops.shape(x, out_type=dtypes.int32)
            counts = math_ops.cast(math_ops.reduce_prod(
                array_ops.stack([shape[a] for a in axes])), x.dtype)
        if shift is not None:
            shift = convert_to_tensor(shift, name="shift")
            m_ss = math_ops.subtract(x, shift)
            v_ss = math_ops.squared_difference(x, shift)
        else:
            m_ss, v_ss = x, math_ops.square(x)
        m_ss = math_ops.reduce_sum(m_ss, axes, keepdims=keepdims, name="mean_ss")
        v_ss = math_ops.reduce_sum(v_ss, axes, keepdims=keepdims, name="var_ss")
        return counts, m_ss, v_ss, shift


def normalize_moments(counts, mean_ss, variance_ss, shift, name=None):
    """(mean, variance) from sufficient statistics."""
    with ops.name_scope(name, "normalize", [counts, mean_ss, variance_ss, shift]):
        counts = convert_to_tensor(counts)
        divisor = math_ops.reciprocal(counts, name="divisor")
        if shift is not None:
            shifted_mean = math_ops.multiply(mean_ss, divisor, name="shifted_mean")
            mean = math_ops.add(shifted_mean, shift, name="mean")
        else:
            shifted_mean = math_ops.multiply(mean_ss, divisor, name="mean")
            mean = shifted_mean
        variance = math_ops.subtract(math_ops.multiply(variance_ss, divisor),
                                     math_ops.square(shifted_mean), name="variance")
        return mean, variance


def weighted_moments(x, axes, frequency_weights, name=None, keep_dims=None, keepdims=None):
    """Frequency-weighted mean and variance of ``x`` over ``axes``."""
    if keep_dims is not None:
        keepdims = keep_dims
    keepdims = bool(keepdims)
    with ops.name_scope(name, "weighted_moments", [x, frequency_weights, axes]):
        x = convert_to_tensor(x, name="x")
        frequency_weights = math_ops.cast(convert_to_tensor(frequency_weights,
                                                            name="frequency_weights"), x.dtype)
        weighted_input_sum = math_ops.reduce_sum(frequency_weights * x, axes,
                                                 name="weighted_input_sum", keepdims=True)
        broadcasted_weights = frequency_weights + array_ops.zeros_like(x)
        sum_of_weights = math_ops.reduce_sum(broadcasted_weights, axes, name="sum_of_weights",
                                             keepdims=True)
        weighted_mean = math_ops.div_no_nan(weighted_input_sum, sum_of_weights)
        weighted_distsq = math_ops.reduce_sum(
            frequency_weights * math_ops.squared_difference(x, weighted_mean), axes,
            name="weighted_distsq", keepdims=True)
        weighted_variance = math_ops.div_no_nan(weighted_distsq, sum_of_weights)
        if not keepdims:
            weighted_mean = array_ops.squeeze(weighted_mean, axis=axes)
            weighted_variance = array_ops.squeeze(weighted_variance, axis=axes)
        return weighted_mean, weighted_variance


# ---- distributed loss scaling (single replica) -----------------------------------------------

def scale_regularization_loss(regularization_loss) -> Tensor:
    """The summed regularization loss divided by the number of replicas (1 here)."""
    loss = math_ops.reduce_sum(convert_to_tensor(regularization_loss))
    return math_ops.truediv(loss, constant_op.constant(1.0, dtype=loss.dtype))


def compute_average_loss(per_example_loss, sample_weight=None, global_batch_size=None) -> Tensor:
    """sum(per_example_loss * sample_weight) / global_batch_size (the local batch by default)."""
    per_example_loss = convert_to_tensor(per_example_loss)
    if sample_weight is not None:
        per_example_loss = per_example_loss * math_ops.cast(sample_weight,
                                                            per_example_loss.dtype)
    if global_batch_size is None:
        batch = array_ops.shape(per_example_loss)[0]
        global_batch_size = math_ops.cast(batch, per_example_loss.dtype)
    else:
        global_batch_size = math_ops.cast(global_batch_size, per_example_loss.dtype)
    return math_ops.div_no_nan(math_ops.reduce_sum(per_example_loss), global_batch_size)


# ---- LRN -------------------------------------------------------------------------------------

def _lrn_shape(op):
    x = op.inputs[0]
    if x.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank {x.shape.ndims}")
    return [(x.dtype.base_dtype, x.shape)]


def _window_sums(values: np.ndarray, radius: int) -> np.ndarray:
    depth = values.shape[-1]
    padded = np.concatenate([np.zeros(values.shape[:-1] + (1,)), np.cumsum(values, -1)], -1)
    hi = np.minimum(np.arange(depth) + radius + 1, depth)
    lo = np.maximum(np.arange(depth) - radius, 0)
    return padded[..., hi] - padded[..., lo]


def _lrn_kernel(x, depth_radius, bias, alpha, beta):
    x = np.asarray(x)
    wide = x.astype(np.float64)
    norm = bias + alpha * _window_sums(wide * wide, depth_radius)
    return (wide / norm ** beta).astype(x.dtype)


def _lrn_grad_kernel(dy, x, y, depth_radius, bias, alpha, beta):
    dy, x = np.asarray(dy, np.float64), np.asarray(x)
    wide = x.astype(np.float64)
    norm = bias + alpha * _window_sums(wide * wide, depth_radius)
    direct = dy * norm ** -beta
    # d y_i / d x_j for j in i's window: -2 alpha beta x_i x_j norm_i^(-beta-1).
    weighted = dy * wide * norm ** (-beta - 1)
    cross = -2 * alpha * beta * wide * _window_sums(weighted, depth_radius)
    return (direct + cross).astype(x.dtype)


_LRN_ATTRS = ("depth_radius", "bias", "alpha", "beta")
_LRN_DEFAULTS = {"depth_radius": 5, "bias": 1.0, "alpha": 1.0, "beta": 0.5}


def _lrn_grad(op, grad):
    attrs = {k: op._attrs[k] for k in _LRN_ATTRS}
    return apply_op("LRNGrad", [grad, op.inputs[0], op.outputs[0]], attrs=attrs)


register_op("LRN", inputs=("input: T",), kernel=_lrn_kernel, kernel_attrs=_LRN_ATTRS,
            shape_fn=_lrn_shape, allowed={"T": _LRN_TYPES}, attr_defaults=_LRN_DEFAULTS,
            grad=_lrn_grad)
register_op("LRNGrad", inputs=("input_grads: T", "input_image: T", "output_image: T"),
            kernel=_lrn_grad_kernel, kernel_attrs=_LRN_ATTRS, shape_fn=_lrn_shape,
            allowed={"T": _LRN_TYPES}, attr_defaults=_LRN_DEFAULTS, grad=NOT_DIFFERENTIABLE)


def local_response_normalization(input, depth_radius=5, bias=1, alpha=1, beta=0.5,  # noqa: A002
                                 name=None) -> Tensor:
    """input / (bias + alpha * sum of squares over a depth window) ** beta (the LRN op)."""
    return apply_op("LRN", [input], name=name,
                    attrs={"depth_radius": int(depth_radius), "bias": float(bias),
                           "alpha": float(alpha), "beta": float(beta)})


lrn = local_response_normalization


def batch_norm_with_global_normalization(t=None, m=None, v=None, beta=None, gamma=None,
                                         variance_epsilon=None, scale_after_normalization=None,
                                         name=None, input=None, mean=None,  # noqa: A002
                                         variance=None) -> Tensor:
    """TF1's batch normalization with given moments (``gamma`` used only when
    ``scale_after_normalization``)."""
    from tfcompat.ops.batch_norm import batch_normalization
    t = input if t is None else t
    m = mean if m is None else m
    v = variance if v is None else v
    with ops.name_scope(name, "BatchNormWithGlobalNormalization", [t, m, v, beta, gamma]):
        return batch_normalization(t, m, v, beta, gamma if scale_after_normalization else None,
                                   variance_epsilon)
