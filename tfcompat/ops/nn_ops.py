"""Neural-network ops (``tf.nn``): activations, softmax, cross-entropy losses, bias_add, l2_loss."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.common_shapes import unchanged_shape
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.eltwise_kernels import register_kernel, writes_into
from tfcompat.ops.gradient_zeros import is_zeros_tensor
from tfcompat.ops.masked_select import multiply_by_mask
from tfcompat.ops.nn_bias_add import bias_add  # noqa: F401  (tf.nn.bias_add's home was here)
from tfcompat.ops.op_helpers import FLOATS, REAL_NUMBERS, unary_op

# ---- activations -----------------------------------------------------------------------------


def _grad_shape(op):
    g = op.inputs[0]
    return [(g.dtype.base_dtype, g.shape.merge_with(op.inputs[1].shape))]


def _piecewise_linear_grad_op(grad_op_type: str, kernel) -> None:
    """Registers ``grad_op_type(gradients, features)``; being linear in ``gradients``, its own
    gradient is itself in the first input and zero in the second."""
    def grad_of_grad(op, grad):
        return apply_op(grad_op_type, [grad, op.inputs[1]]), array_ops.zeros_like(op.inputs[1])

    register_op(grad_op_type, inputs=("gradients: T", "features: T"), **register_kernel(kernel),
                shape_fn=_grad_shape, allowed={"T": REAL_NUMBERS}, grad=grad_of_grad)


# ---- Relu (+ ReluGrad) ---------------------------------------------------------------------

def _relu_kernel(x, out=None):
    x = np.asarray(x)
    zero = np.zeros((), x.dtype)
    zeros = _ZERO_ROWS.get(x.dtype)
    if zeros is None or x.size < 2 * _RELU_ROW or not x.flags.c_contiguous:
        return np.maximum(x, zero, out=out)
    # The same maxima, against a row of zeros instead of a 0-d zero: numpy's loop for an array
    # and a broadcast scalar runs ~2.5x slower than its array-array loop (float32, int32, int8).
    if out is None:
        out = np.empty(x.shape, x.dtype)
    flat, out_flat = x.reshape(-1), out.reshape(-1)
    whole = flat.size - flat.size % _RELU_ROW
    np.maximum(flat[:whole].reshape(-1, _RELU_ROW), zeros,
               out=out_flat[:whole].reshape(-1, _RELU_ROW))
    np.maximum(flat[whole:], zero, out=out_flat[whole:])
    return out


_RELU_ROW = 8192


def _zero_row(dtype) -> np.ndarray:
    row = np.zeros(_RELU_ROW, dtype)
    row.flags.writeable = False
    return row


# Read-only rows of zeros for the dtypes whose array-array maximum is the faster loop (measured
# on 1M elements: float32 0.47 -> 0.21 ms, int32 0.32 -> 0.15, int8 0.44 -> 0.03; float16,
# float64 and int64 gain nothing).
_ZERO_ROWS = {np.dtype(t): _zero_row(t) for t in
              (np.float32, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32)}


def _relu_grad_kernel(gradients, features, out=None):
    # TF multiplies by the mask (not a select): a NaN or inf gradient where the feature is
    # <= 0 gives NaN, a negative one -0.0. (A multiply is also ~10x faster than np.where.)
    gradients = np.asarray(gradients)
    if (out is not None and out is features and features.dtype == gradients.dtype
            and features.dtype.kind == "f" and features.shape == gradients.shape):
        # The mask's 1.0/0.0 factors written over the features, then the products there: no
        # new buffer (0.83x the time of the products into a new buffer of factors).
        np.greater(features, 0, out=features)
        return np.multiply(gradients, features, out=features)
    return multiply_by_mask(gradients, np.greater(features, 0), out)


# (run plans may write Relu into its input and ReluGrad into either input, the features
# preferred: their buffers are read element by element before each element is written,
# client/buffer_reuse.py)
writes_into(_relu_kernel, (0,))
writes_into(_relu_grad_kernel, (1, 0))
relu = unary_op("Relu", _relu_kernel, REAL_NUMBERS, "Computes rectified linear: max(x, 0).",
                grad=lambda op, grad: apply_op("ReluGrad", [grad, op.outputs[0]]))
_piecewise_linear_grad_op("ReluGrad", _relu_grad_kernel)


# ---- Relu6 (+ Relu6Grad) -------------------------------------------------------------------

def _relu6_grad_kernel(gradients, features, out=None):
    features = np.asarray(features)
    # As ReluGrad: TF multiplies by the mask (NaN * 0 is NaN, -1 * 0 is -0.0).
    return multiply_by_mask(np.asarray(gradients), (features > 0) & (features < 6), out)


writes_into(_relu6_grad_kernel, (1, 0))


relu6 = unary_op("Relu6", lambda x: np.clip(x, 0, 6).astype(np.asarray(x).dtype), REAL_NUMBERS,
                 "Computes Rectified Linear 6: min(max(x, 0), 6).",
                 grad=lambda op, grad: apply_op("Relu6Grad", [grad, op.outputs[0]]))
_piecewise_linear_grad_op("Relu6Grad", _relu6_grad_kernel)


# ---- Elu (+ EluGrad) -----------------------------------------------------------------------

def _elu_grad_kernel(gradients, outputs):
    gradients, outputs = np.asarray(gradients), np.asarray(outputs)
    return np.where(outputs > 0, gradients, gradients * (outputs + 1)).astype(gradients.dtype)


def _elu_grad_grad(op, grad):
    elu_x = op.inputs[1]
    return (apply_op("EluGrad", [grad, elu_x]),
            array_ops.select(elu_x < 0, grad * op.inputs[0], array_ops.zeros_like(elu_x)))


elu = unary_op("Elu", lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0))).astype(
    np.asarray(x).dtype), FLOATS, "Computes exponential linear: exp(x) - 1 if x < 0, x otherwise.",
    grad=lambda op, grad: apply_op("EluGrad", [grad, op.outputs[0]]))
register_op("EluGrad", inputs=("gradients: T", "outputs: T"), kernel=_elu_grad_kernel,
            shape_fn=_grad_shape, allowed={"T": FLOATS}, grad=_elu_grad_grad)


# ---- Softplus; sigmoid and tanh are the math family's ----------------------------------------

def _softplus_grad(op, grad):
    return grad * math_ops.sigmoid(op.inputs[0])


softplus = unary_op("Softplus", lambda x: np.logaddexp(0, x).astype(np.asarray(x).dtype), FLOATS,
                    "Computes softplus: log(exp(x) + 1).", grad=_softplus_grad)
sigmoid = math_ops.sigmoid
tanh = math_ops.tanh


# ---- LeakyRelu (+ LeakyReluGrad) -----------------------------------------------------------

def _leaky_relu_kernel(x, alpha):
    x = np.asarray(x)
    return np.where(x > 0, x, x * np.asarray(alpha, x.dtype)).astype(x.dtype, copy=False)


def _leaky_relu_grad_kernel(gradients, features, alpha):
    gradients = np.asarray(gradients)
    return np.where(np.asarray(features) > 0, gradients,
                    gradients * np.asarray(alpha, gradients.dtype))


def _leaky_relu_grad(op, grad):
    return apply_op("LeakyReluGrad", [grad, op.inputs[0]], attrs={"alpha": op._attrs["alpha"]})


register_op("LeakyRelu", inputs=("features: T",), kernel=_leaky_relu_kernel,
            kernel_attrs=("alpha",), shape_fn=unchanged_shape, allowed={"T": FLOATS},
            attr_defaults={"alpha": 0.2},
            grad=_leaky_relu_grad)


def _leaky_relu_grad_grad(op, grad):
    x = op.inputs[1]
    return (apply_op("LeakyReluGrad", [grad, x], attrs={"alpha": op._attrs["alpha"]}),
            array_ops.zeros_like(x))


register_op("LeakyReluGrad", inputs=("gradients: T", "features: T"),
            kernel=_leaky_relu_grad_kernel, kernel_attrs=("alpha",), shape_fn=_grad_shape,
            allowed={"T": FLOATS}, attr_defaults={"alpha": 0.2},
            grad=_leaky_relu_grad_grad)


def leaky_relu(features, alpha=0.2, name=None) -> Tensor:
    """max(alpha * x, x) (``tf.nn.leaky_relu``)."""
    return apply_op("LeakyRelu", [features], name=name, attrs={"alpha": float(alpha)})


# ---- softmax ---------------------------------------------------------------------------------

# The kernels reduce with ndarray methods (the same add/maximum reductions as np.sum/np.max,
# without their Python wrappers) and reuse the buffers they allocated, with the operations of
# the plain formulas in the same order (same bits).

def _shifted(logits: np.ndarray) -> np.ndarray:
    """``logits - max(logits)`` along the last axis, in a new array."""
    return np.subtract(logits, logits.max(axis=-1, keepdims=True))


def _softmax_kernel(logits):
    # e = exp(logits - max); e / sum(e)
    e = _shifted(np.asarray(logits))
    np.exp(e, out=e)
    return np.divide(e, e.sum(axis=-1, keepdims=True), out=e)


def _log_softmax_kernel(logits):
    # shifted - log(sum(exp(shifted)))
    shifted = _shifted(np.asarray(logits))
    e = np.exp(shifted)
    log_sum = np.log(e.sum(axis=-1, keepdims=True))
    return np.subtract(shifted, log_sum, out=e)


def _softmax_shape(op):
    x = op.inputs[0]
    if x.shape.ndims == 0:
        raise ShapeError("Shape must be at least rank 1 but is rank 0")
    return unchanged_shape(op)


def _softmax_grad(op, grad):
    softmax = op.outputs[0]
    sum_channels = math_ops.reduce_sum(grad * softmax, -1, keepdims=True)
    return (grad - sum_channels) * softmax


register_op("Softmax", inputs=("logits: T",), kernel=_softmax_kernel, shape_fn=_softmax_shape,
            allowed={"T": FLOATS},
            grad=_softmax_grad)


def _log_softmax_grad(op, grad):
    softmax = math_ops.exp(op.outputs[0])
    return grad - math_ops.reduce_sum(grad, -1, keepdims=True) * softmax


register_op("LogSoftmax", inputs=("logits: T",), kernel=_log_softmax_kernel,
            shape_fn=_softmax_shape, allowed={"T": FLOATS},
            grad=_log_softmax_grad)


def _softmax_along(op_type, logits, axis, name):
    logits = convert_to_tensor(logits)
    rank = logits.shape.ndims
    if axis is None or axis == -1 or (rank is not None and axis == rank - 1):
        return apply_op(op_type, [logits], name=name)
    if rank is None:
        raise ValueError("softmax along a non-last axis needs a known rank in tfcompat")
    # As TF builds it: the permutation swapping ``axis`` with the last one, from Range and
    # concat ops on the input's rank (a negative axis is added to a first Rank as a tensor).
    ndims = array_ops.rank(logits)
    if axis < 0:
        axis = axis + ndims
    input_rank = array_ops.rank(logits)
    axis %= rank
    swapped = _swap_axis(logits, axis, math_ops.subtract(input_rank, 1))
    result = apply_op(op_type, [swapped])
    return _swap_axis(result, axis, math_ops.subtract(input_rank, 1), name=name)


def _swap_axis(x: Tensor, axis, last: Tensor, name=None) -> Tensor:
    perm = array_ops.concat([math_ops.range(axis), [last], math_ops.range(axis + 1, last),
                             [axis]], 0)
    return array_ops.transpose(x, perm, name=name)


def softmax(logits, axis=None, name=None, dim=None) -> Tensor:
    """Computes softmax activations (``tf.nn.softmax``; ``dim`` is the TF1 alias of axis)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    return _softmax_along("Softmax", logits, axis, name)


def log_softmax(logits, axis=None, name=None, dim=None) -> Tensor:
    """Computes log softmax activations."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    return _softmax_along("LogSoftmax", logits, axis, name)


# ---- cross-entropy losses --------------------------------------------------------------------

def _xent_shape(op):
    logits, labels = op.inputs
    merged = logits.shape.merge_with(labels.shape) if logits.shape.is_compatible_with(
        labels.shape) else None
    if merged is None:
        raise ShapeError(f"Dimensions must be equal, but are {logits.shape} and {labels.shape}")
    batch = merged[:1] if merged.ndims is not None else unknown_shape(1)
    dtype = logits.dtype.base_dtype
    return [(dtype, batch), (dtype, merged if merged.ndims is not None else unknown_shape(2))]


def _xent_kernel(logits, labels):
    # loss = -sum(labels * log_probs); backprop = exp(log_probs) - labels
    labels = np.asarray(labels)
    log_probs = _log_softmax_kernel(logits)
    terms = np.multiply(labels, log_probs)
    loss = np.negative(terms.sum(axis=-1))
    backprop = np.exp(log_probs, out=terms)
    return loss, np.subtract(backprop, labels, out=backprop)


def _broadcast_mul(vec, mat):
    return array_ops.expand_dims(vec, -1) * mat


def _has_grad(t) -> bool:
    return t is not None and not is_zeros_tensor(t)


def _backprop_grad(grad_grad, logits):
    """Gradient w.r.t. logits of ``softmax(logits) . grad_grad`` (second-order term)."""
    probs = softmax(logits)
    return (grad_grad - array_ops.squeeze(
        math_ops.matmul(array_ops.expand_dims(grad_grad, 1), array_ops.expand_dims(probs, 2)),
        axis=1)) * probs


def _xent_grad(op, grad_loss, grad_grad):
    softmax_grad = op.outputs[1]
    grad = _broadcast_mul(grad_loss, softmax_grad)
    logits = op.inputs[0]
    labels_grad = _broadcast_mul(grad_loss, -log_softmax(logits))
    if _has_grad(grad_grad):
        grad += _backprop_grad(grad_grad, logits)
        # backprop = softmax(logits) - labels also depends on labels; TF 2.21 omits this term,
        # which makes its second derivatives through labels wrong.
        labels_grad -= grad_grad
    return grad, labels_grad


register_op("SoftmaxCrossEntropyWithLogits", inputs=("features: T", "labels: T"),
            kernel=_xent_kernel, shape_fn=_xent_shape, allowed={"T": FLOATS},
            grad=_xent_grad)


def _sparse_xent_shape(op):
    logits, labels = op.inputs
    dtype = logits.dtype.base_dtype
    if logits.shape.ndims is not None and logits.shape.ndims != 2:
        raise ShapeError(f"Shape must be rank 2 but is rank {logits.shape.ndims}")
    batch = logits.shape[:1] if logits.shape.ndims is not None else unknown_shape(1)
    batch = batch.merge_with(labels.shape) if labels.shape.ndims == 1 else batch
    classes = logits.shape[1:] if logits.shape.ndims is not None else unknown_shape(1)
    return [(dtype, batch), (dtype, batch.concatenate(classes))]


def _sparse_xent_kernel(logits, labels):
    logits = np.asarray(logits)
    labels = np.asarray(labels)
    classes = logits.shape[-1]
    if labels.size and (labels.min() < 0 or labels.max() >= classes):
        bad = labels[(labels < 0) | (labels >= classes)][0]
        raise errors.InvalidArgumentError(
            None, None, f"Received a label value of {bad} which is outside the valid range of "
            f"[0, {classes}).  Label values: {' '.join(str(v) for v in labels.reshape(-1))}")
    # loss = -log_probs[row, label]; backprop = exp(log_probs), 1 less at [row, label]
    log_probs = _log_softmax_kernel(logits)
    picked = (np.arange(logits.shape[0]), labels)
    loss = np.negative(log_probs[picked])
    backprop = np.exp(log_probs, out=log_probs)
    backprop[picked] -= 1
    return loss, backprop


def _sparse_xent_grad(op, grad_loss, grad_grad):
    sparse_grad = op.outputs[1]
    grad = _broadcast_mul(grad_loss, sparse_grad)
    logits = op.inputs[0]
    if _has_grad(grad_grad):
        grad += _backprop_grad(grad_grad, logits)
    return grad, None


register_op("SparseSoftmaxCrossEntropyWithLogits", inputs=("features: T", "labels: Tlabels"),
            kernel=_sparse_xent_kernel, shape_fn=_sparse_xent_shape,
            allowed={"T": FLOATS, "Tlabels": (dtypes.int32, dtypes.int64)},
            type_defaults={"Tlabels": dtypes.int64},
            grad=_sparse_xent_grad)


def _flatten_outer_dims(t: Tensor) -> Tensor:
    """Reshapes [..., classes] to [batch, classes] with the ops TF uses (Rank/Shape/Slice)."""
    from tfcompat.ops import slicing_ops
    rank = array_ops.rank(t)
    last_dim_size = slicing_ops.slice(array_ops.shape(t), [math_ops.subtract(rank, 1)], [1])
    output = array_ops.reshape(t, array_ops.concat([[-1], last_dim_size], 0))
    if t.shape.is_fully_defined():
        dims = t.shape.as_list()
        product = int(np.prod(dims[:-1], dtype=np.int64))
        output.set_shape([product, dims[-1]])
    return output


def _move_axis_last(t: Tensor, axis: int) -> Tensor:
    rank = t.shape.ndims
    if rank is None:
        raise ValueError("softmax cross entropy along a non-last axis needs a known rank")
    perm = list(range(rank))
    perm[axis % rank], perm[-1] = perm[-1], perm[axis % rank]
    return array_ops.transpose(t, perm)


def softmax_cross_entropy_with_logits_v2(labels, logits, axis=None, name=None,
                                         dim=None) -> Tensor:
    """Softmax cross entropy between ``logits`` and ``labels`` (gradients flow to both)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    if axis is None:
        axis = -1
    with ops.name_scope(name, "softmax_cross_entropy_with_logits", [logits, labels]) as scope:
        logits = convert_to_tensor(logits, name="logits")
        labels = convert_to_tensor(labels, name="labels")
        labels = math_ops.cast(labels, logits.dtype)
        static_shape = logits.shape
        rank = static_shape.ndims
        if axis != -1 and not (rank is not None and axis % rank == rank - 1):
            logits = _move_axis_last(logits, axis)
            labels = _move_axis_last(labels, axis)
        input_rank = array_ops.rank(logits)
        input_shape = array_ops.shape(logits)
        flat_logits = _flatten_outer_dims(logits)
        flat_labels = _flatten_outer_dims(labels)
        cost, _ = apply_op("SoftmaxCrossEntropyWithLogits", [flat_logits, flat_labels],
                           name=scope)
        from tfcompat.ops import slicing_ops
        output_shape = slicing_ops.slice(input_shape, [0], [math_ops.subtract(input_rank, 1)])
        cost = array_ops.reshape(cost, output_shape)
        if rank is not None:
            cost.set_shape(logits.shape[:-1])
        return cost


def softmax_cross_entropy_with_logits(labels=None, logits=None, dim=-1, name=None,
                                      axis=None) -> Tensor:
    """TF1 softmax cross entropy: like the v2 op, but no gradient flows into labels."""
    if labels is None or logits is None:
        raise ValueError("Both labels and logits must be provided.")
    if axis is not None:
        dim = axis
    with ops.name_scope(name, "softmax_cross_entropy_with_logits_sg", [logits, labels]) as scope:
        labels = array_ops.stop_gradient(labels, name="labels_stop_gradient")
    return softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits, axis=dim,
                                                name=scope)


def sparse_softmax_cross_entropy_with_logits(labels=None, logits=None, name=None) -> Tensor:
    """Cross entropy between logits and integer class labels."""
    with ops.name_scope(name, "SparseSoftmaxCrossEntropyWithLogits", [labels, logits]) as scope:
        labels = convert_to_tensor(labels)
        logits = convert_to_tensor(logits)
        labels_shape = array_ops.shape(labels)
        if logits.shape.ndims is not None and logits.shape.ndims == 0:
            raise ValueError(f"Logits cannot be scalars - received shape {logits.shape}.")
        if labels.shape.ndims is not None and logits.shape.ndims is not None:
            if labels.shape.ndims != logits.shape.ndims - 1:
                raise ValueError(f"`labels.shape.rank` must equal `logits.shape.rank - 1`. "
                                 f"Received: labels.shape={labels.shape} of rank "
                                 f"{labels.shape.ndims} and logits.shape={logits.shape} of rank "
                                 f"{logits.shape.ndims}")
            if not labels.shape.is_compatible_with(logits.shape[:-1]):
                raise ValueError(f"`labels.shape` must equal `logits.shape` except for the last "
                                 f"dimension. Received: labels.shape={labels.shape} and "
                                 f"logits.shape={logits.shape}")
        if logits.shape.ndims == 2:
            # The op takes the caller's name inside the scope: xentropy/xentropy, as TF.
            loss, _ = apply_op("SparseSoftmaxCrossEntropyWithLogits", [logits, labels],
                               name=name)
            return loss
        num_classes = array_ops.shape(logits)[array_ops.rank(logits) - 1]
        flat_logits = array_ops.reshape(logits, [-1, num_classes])
        flat_labels = array_ops.reshape(labels, [-1])
        loss, _ = apply_op("SparseSoftmaxCrossEntropyWithLogits", [flat_logits, flat_labels],
                           name=scope)
        loss = array_ops.reshape(loss, labels_shape)
        loss.set_shape(labels.shape)
        return loss


def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None) -> Tensor:
    """Numerically stable ``max(x, 0) - x * z + log(1 + exp(-abs(x)))``."""
    with ops.name_scope(name, "logistic_loss", [logits, labels]) as scope:
        logits = convert_to_tensor(logits, name="logits")
        labels = convert_to_tensor(labels, name="labels", dtype=logits.dtype.base_dtype)
        if not logits.shape.is_compatible_with(labels.shape):
            raise ValueError(f"logits and labels must have the same shape ({logits.shape} vs "
                             f"{labels.shape})")
        zeros = array_ops.zeros_like(logits, dtype=logits.dtype)
        cond = logits >= zeros
        relu_logits = array_ops.select(cond, logits, zeros)
        neg_abs_logits = array_ops.select(cond, -logits, logits)
        return math_ops.add(relu_logits - logits * labels,
                            math_ops.log1p(math_ops.exp(neg_abs_logits)), name=scope)


# ---- l2_loss -----------------------------------------------------------------------------------

def _l2_loss_grad(op, grad):
    return op.inputs[0] * grad


register_op("L2Loss", inputs=("t: T",),
            kernel=lambda t: np.asarray(np.sum(np.square(t)) / 2, dtype=np.asarray(t).dtype),
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, TensorShape([]))],
            allowed={"T": FLOATS},
            grad=_l2_loss_grad)


def l2_loss(t, name=None) -> Tensor:
    """sum(t ** 2) / 2 (``tf.nn.l2_loss``)."""
    return apply_op("L2Loss", [t], name=name)


def dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None) -> Tensor:
    """Zeroes elements with probability ``rate`` (= 1 - keep_prob) and scales the rest by
    1 / (1 - rate) (``tf.nn.dropout``)."""
    from tfcompat.ops import random_ops
    if rate is None:
        if keep_prob is None:
            raise ValueError("You must provide a rate to dropout.")
        rate = 1 - keep_prob
    elif keep_prob is not None:
        raise ValueError("You cannot provide both keep_prob and rate.")
    with ops.name_scope(name, "dropout", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        if not x.dtype.is_floating:
            raise ValueError(f"x has to be a floating point tensor since it's going to be "
                             f"scaled. Got a {x.dtype} tensor instead.")
        if isinstance(rate, (int, float)):
            if not 0 <= rate < 1:
                raise ValueError(f"`rate` must be a scalar tensor or a float in the range "
                                 f"[0, 1). Received: rate={rate}")
            scale = constant_op.constant(1 / (1 - rate), dtype=x.dtype)
        else:
            rate = convert_to_tensor(rate, dtype=x.dtype, name="rate")
            scale = 1 / (1 - rate)
        ret = math_ops.multiply(x, scale, name="Mul")
        shape = noise_shape if noise_shape is not None else array_ops.shape(x)
        random_tensor = random_ops.random_uniform(shape, seed=seed, dtype=x.dtype)
        keep_mask = math_ops.greater_equal(random_tensor, rate)
        zero = constant_op.constant(0, dtype=x.dtype)
        ret = array_ops.select_v2(keep_mask, ret, zero)
        ret.set_shape(x.shape)
        del scope
        return ret


# ---- embedding lookup and moments ------------------------------------------------------------

def embedding_lookup(params, ids, partition_strategy="mod", name=None, validate_indices=True,
                     max_norm=None) -> Tensor:
    """Looks up ``ids`` in ``params`` (``tf.nn.embedding_lookup``).

    A list of several params tensors (a partitioned embedding) is not supported yet.
    """
    del partition_strategy, validate_indices
    from tfcompat.ops import slicing_ops
    if isinstance(params, (list, tuple)):
        if len(params) != 1:
            raise NotImplementedError("tf.nn.embedding_lookup over several partitions is not "
                                      "supported by tfcompat yet")
        params = params[0]
    if max_norm is not None:
        raise NotImplementedError("tf.nn.embedding_lookup(max_norm=...) is not supported by "
                                  "tfcompat yet")
    with ops.name_scope(name, "embedding_lookup", [params, ids]) as scope:
        ids = convert_to_tensor(ids, name="ids")
        result = slicing_ops.gather(params, ids, name=scope)
        return array_ops.identity(result)


def moments(x, axes, shift=None, name=None, keep_dims=None, keepdims=None):
    """Mean and variance of ``x`` over ``axes`` (``tf.nn.moments``)."""
    del shift
    keepdims = bool(deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims))
    with ops.name_scope(name, "moments", [x, axes]):
        x = convert_to_tensor(x, name="x")
        mean = math_ops.reduce_mean(x, axes, keepdims=True, name="mean")
        variance = math_ops.reduce_mean(
            math_ops.squared_difference(x, array_ops.stop_gradient(mean)), axes, keepdims=True,
            name="variance")
        if not keepdims:
            mean = array_ops.squeeze(mean, axes)
            variance = array_ops.squeeze(variance, axes)
        return mean, variance
