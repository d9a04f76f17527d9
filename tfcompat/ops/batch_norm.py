"""Batch normalization in ``tf.nn``: ``batch_normalization`` (built from elementwise ops) and
``fused_batch_norm`` (one FusedBatchNormV3 op, with FusedBatchNormGradV3 as its gradient)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, constant_op, math_ops

_HALF_AND_FLOAT = (dtypes.float16, dtypes.bfloat16, dtypes.float32)


def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None) -> Tensor:
    """``scale * (x - mean) / sqrt(variance + variance_epsilon) + offset``.

    ``offset`` and ``scale`` may be None. Built as TF builds it: ``inv = rsqrt(variance + eps)
    * scale``, then ``x * inv + (offset - mean * inv)``.
    """
    with ops.name_scope(name, "batchnorm", [x, mean, variance, scale, offset]):
        inv = math_ops.rsqrt(variance + variance_epsilon)
        if scale is not None:
            inv *= scale
        x = convert_to_tensor(x)
        scaled = x * math_ops.cast(inv, x.dtype)
        shift = offset - mean * inv if offset is not None else -mean * inv
        return scaled + math_ops.cast(shift, x.dtype)


# ---- FusedBatchNormV3 ------------------------------------------------------------------------

def _channel_axis(data_format) -> int:
    return 1 if data_format in ("NCHW", b"NCHW") else 3


def _reduce_axes(channel_axis: int) -> tuple[int, ...]:
    return tuple(i for i in range(4) if i != channel_axis)


def _per_channel(v: np.ndarray, channel_axis: int) -> np.ndarray:
    """A [C] vector shaped to broadcast against NHWC or NCHW."""
    return v.reshape((1, -1, 1, 1) if channel_axis == 1 else (1, 1, 1, -1))


def _fused_batch_norm_kernel(x, scale, offset, mean, variance, epsilon, exponential_avg_factor,
                             data_format, is_training):
    x = np.asarray(x)
    axis = _channel_axis(data_format)
    u = np.asarray(scale).dtype
    xf = x.astype(u)
    if is_training:
        batch_mean = xf.mean(axis=_reduce_axes(axis))
        batch_var = xf.var(axis=_reduce_axes(axis))
        n = x.size // x.shape[axis]
        # The variance output is the unbiased estimate; normalizing uses the biased one.
        corrected = batch_var * (n / max(n - 1, 1))
        factor = np.asarray(exponential_avg_factor, u)
        if factor != 1:
            out_mean = (1 - factor) * np.asarray(mean, u) + factor * batch_mean
            out_var = (1 - factor) * np.asarray(variance, u) + factor * corrected
        else:
            out_mean, out_var = batch_mean, corrected
        use_mean, use_var = batch_mean, batch_var
    else:
        use_mean, use_var = np.asarray(mean, u), np.asarray(variance, u)
        out_mean, out_var = use_mean, use_var
    inv = 1 / np.sqrt(use_var + np.asarray(epsilon, u))
    y = ((xf - _per_channel(use_mean, axis)) * _per_channel(inv * np.asarray(scale), axis)
         + _per_channel(np.asarray(offset), axis))
    # The reserve spaces carry what the gradient needs: the mean and biased variance used.
    return (y.astype(x.dtype), out_mean.astype(u), out_var.astype(u), use_mean.astype(u),
            use_var.astype(u), np.zeros((0,), u))


def _channels(op, x_shape: TensorShape):
    channel = (x_shape[_channel_axis(op._attrs["data_format"])] if x_shape.ndims is not None
               else None)
    merged = TensorShape([channel.value if channel is not None else None])
    for vector in op.inputs[1:3]:
        if vector.shape.ndims not in (None, 1):
            raise ShapeError(f"Shape must be rank 1 but is rank {vector.shape.ndims}")
        merged = merged.merge_with(vector.shape if vector.shape.ndims is not None
                                   else TensorShape([None]))
    return merged


def _fused_batch_norm_shape(op):
    x = op.inputs[0]
    if x.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank {x.shape.ndims}")
    x_shape = x.shape if x.shape.ndims is not None else TensorShape([None] * 4)
    channels = _channels(op, x_shape)
    axis = _channel_axis(op._attrs["data_format"])
    dims = x_shape.as_list()
    dims[axis] = channels[0].value
    u = op.inputs[1].dtype.base_dtype
    return ([(x.dtype.base_dtype, TensorShape(dims))] + [(u, channels)] * 4
            + [(u, TensorShape([None]))])


def _fused_batch_norm_grad_kernel(y_backprop, x, scale, reserve_space_1, reserve_space_2,
                                  reserve_space_3, epsilon, data_format, is_training):
    del reserve_space_3
    x = np.asarray(x)
    axis = _channel_axis(data_format)
    axes = _reduce_axes(axis)
    u = np.asarray(scale).dtype
    dy = np.asarray(y_backprop).astype(u)
    mean, var = np.asarray(reserve_space_1, u), np.asarray(reserve_space_2, u)
    inv = 1 / np.sqrt(var + np.asarray(epsilon, u))
    x_hat = (x.astype(u) - _per_channel(mean, axis)) * _per_channel(inv, axis)
    offset_backprop = dy.sum(axis=axes)
    scale_backprop = (dy * x_hat).sum(axis=axes)
    g = _per_channel(np.asarray(scale, u) * inv, axis)
    if is_training:
        n = x.size // x.shape[axis]
        dx = g * (dy - _per_channel(offset_backprop / n, axis)
                  - x_hat * _per_channel(scale_backprop / n, axis))
    else:
        dx = g * dy
    empty = np.zeros((0,), u)
    return dx.astype(x.dtype), scale_backprop, offset_backprop, empty, empty


def _fused_batch_norm_grad_shape(op):
    dy, x = op.inputs[:2]
    shape = dy.shape.merge_with(x.shape)
    channels = (shape[_channel_axis(op._attrs["data_format"])] if shape.ndims is not None
                else None)
    channel_shape = TensorShape([channels.value if channels is not None else None])
    u = op.inputs[2].dtype.base_dtype
    return [(x.dtype.base_dtype, shape), (u, channel_shape), (u, channel_shape),
            (u, TensorShape([0])), (u, TensorShape([0]))]


def _batch_norm_grad_graph(grad_y, x, scale, pop_mean, pop_var, epsilon, data_format,
                           is_training):
    """FusedBatchNormGradV3's outputs built from ordinary ops, so they can be differentiated."""
    x = math_ops.cast(x, dtypes.float32)
    grad_y = math_ops.cast(grad_y, dtypes.float32)
    nchw = data_format in ("NCHW", b"NCHW")
    axes = [0, 2, 3] if nchw else [0, 1, 2]
    if nchw:
        scale = array_ops.reshape(scale, [1, -1, 1, 1])
    if is_training:
        mean_grad_y = math_ops.reduce_mean(grad_y, axes, keepdims=nchw)
        mean_x = math_ops.reduce_mean(x, axes, keepdims=nchw)
        var_x = math_ops.reduce_mean(math_ops.squared_difference(
            x, array_ops.stop_gradient(mean_x)), axes, keepdims=nchw)
        x_offset = x - mean_x
        mean = math_ops.reduce_mean(grad_y * x_offset, axes, keepdims=nchw)
        rstd = math_ops.rsqrt(var_x + epsilon)
        grad_x = scale * rstd * (grad_y - mean_grad_y
                                 - math_ops.reciprocal(var_x + epsilon) * mean * x_offset)
        grad_scale = rstd * math_ops.reduce_sum(grad_y * x_offset, axes, keepdims=nchw)
    else:
        if nchw:
            pop_mean = array_ops.reshape(pop_mean, [1, -1, 1, 1])
            pop_var = array_ops.reshape(pop_var, [1, -1, 1, 1])
        rstd = math_ops.rsqrt(pop_var + epsilon)
        grad_x = grad_y * scale * rstd
        grad_scale = math_ops.reduce_sum(grad_y * (x - pop_mean) * rstd, axes, keepdims=nchw)
    grad_offset = math_ops.reduce_sum(grad_y, axes, keepdims=nchw)
    if nchw:
        grad_scale = array_ops.reshape(grad_scale, [-1])
        grad_offset = array_ops.reshape(grad_offset, [-1])
    return grad_x, grad_scale, grad_offset


def _fused_batch_norm_grad_grad(op, grad_grad_x, grad_grad_scale, grad_grad_offset, *unused):
    """Differentiates the composite form of the backward pass (as TF does)."""
    del unused
    from tfcompat.ops import gradients_impl
    grad_y, x, scale, pop_mean, pop_var = op.inputs[:5]
    outputs = _batch_norm_grad_graph(grad_y, x, scale, pop_mean, pop_var, op._attrs["epsilon"],
                                     op._attrs["data_format"], op._attrs["is_training"])
    pairs = [(out, g) for out, g in zip(outputs, (grad_grad_x, grad_grad_scale, grad_grad_offset))
             if g is not None]
    # Only the composite's own paths count: grad_y, x and scale are leaves here (paths through
    # the graph that made them are the outer gradient's business).
    leaves = [grad_y, x, scale]
    grads = gradients_impl.gradients([out for out, _ in pairs], leaves,
                                     grad_ys=[g for _, g in pairs], stop_gradients=leaves)
    return grads[0], grads[1], grads[2], None, None, None


register_op("FusedBatchNormGradV3",
            inputs=("y_backprop: T", "x: T", "scale: float", "reserve_space_1: U",
                    "reserve_space_2: U", "reserve_space_3: U"),
            kernel=_fused_batch_norm_grad_kernel,
            kernel_attrs=("epsilon", "data_format", "is_training"),
            shape_fn=_fused_batch_norm_grad_shape,
            allowed={"T": _HALF_AND_FLOAT, "U": (dtypes.float32,)},
            attr_defaults={"epsilon": 1e-4, "data_format": "NHWC", "is_training": True},
            grad=_fused_batch_norm_grad_grad)


def _fused_batch_norm_grad(op, grad_y, *unused_grads):
    """Gradients for x, scale and offset; none for the population mean and variance."""
    del unused_grads
    x, scale = op.inputs[0], op.inputs[1]
    attrs = {key: op._attrs[key] for key in ("epsilon", "data_format", "is_training")}
    dx, dscale, doffset, _, _ = apply_op(
        "FusedBatchNormGradV3", [grad_y, x, scale, op.outputs[3], op.outputs[4], op.outputs[5]],
        attrs=attrs)
    return dx, dscale, doffset, None, None


register_op("FusedBatchNormV3",
            inputs=("x: T", "scale: U", "offset: U", "mean: U", "variance: U"),
            kernel=_fused_batch_norm_kernel,
            kernel_attrs=("epsilon", "exponential_avg_factor", "data_format", "is_training"),
            shape_fn=_fused_batch_norm_shape,
            allowed={"T": _HALF_AND_FLOAT, "U": (dtypes.float32,)},
            attr_defaults={"epsilon": 1e-4, "exponential_avg_factor": 1.0,
                           "data_format": "NHWC", "is_training": True},
            grad=_fused_batch_norm_grad)


def fused_batch_norm(x, scale, offset, mean=None, variance=None, epsilon=0.001,
                     data_format="NHWC", is_training=True, name=None,
                     exponential_avg_factor=1.0):
    """Batch normalization of a 4-D ``x`` in one op (``tf.nn.fused_batch_norm``).

    Returns ``(y, mean, variance)``. In training the statistics are the batch's (the returned
    variance is the unbiased estimate, blended with the given ``mean``/``variance`` when
    ``exponential_avg_factor != 1``); otherwise the given ``mean`` and ``variance`` are used.
    """
    if (not is_training or exponential_avg_factor != 1.0) and (mean is None or variance is None):
        raise ValueError("Both `mean` and `variance` must be a 1D tensor when `is_training` is "
                         "False or `exponential_avg_factor` != 1.0. Received: "
                         f"`mean` {mean!r} and `variance` {variance!r}")
    x = convert_to_tensor(x, name="input")
    scale = convert_to_tensor(scale, name="scale")
    offset = convert_to_tensor(offset, name="offset")
    if mean is None:
        mean = constant_op.constant([])
    if variance is None:
        variance = constant_op.constant([])
    y, running_mean, running_var, _, _, _ = apply_op(
        "FusedBatchNormV3", [x, scale, offset, mean, variance], name=name,
        # Float attrs are float32 in TF's NodeDef.
        attrs={"epsilon": float(np.float32(epsilon)),
               "exponential_avg_factor": float(np.float32(exponential_avg_factor)),
               "data_format": data_format, "is_training": bool(is_training)})
    return y, running_mean, running_var
