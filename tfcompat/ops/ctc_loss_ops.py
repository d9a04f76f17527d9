"""CTCLoss (connectionist temporal classification) and ``tf.nn.ctc_loss`` / ``ctc_loss_v2``.

The kernel runs the forward-backward recursion in log space (float64) over the label sequence
with a blank between and around its labels; the blank class is the last one. Besides the loss
(``-log p(labels | inputs)``) the op outputs its gradient with respect to the unnormalized
inputs (``softmax - posterior occupancy``), which the registered gradient scales: the op is
fused, so its second derivative is disabled through PreventGradient as in TF.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.array_extra_ops import sequence_mask
from tfcompat.ops.math.sequences import where
from tfcompat.ops.prevent_gradient_ops import prevent_gradient
from tfcompat.ops.scatter_nd_ops import gather_nd

_NEG_INF = -np.inf
_SECOND_ORDER_MESSAGE = (
    "Currently there is no way to take the second  derivative of ctc_loss due to the fused "
    "implementation's interaction  with tf.gradients()")


# ---- label validation (the op gets indices and values; the batch comes from the inputs) ------

def _labels_by_batch(indices: np.ndarray, values: np.ndarray, batch: int) -> list[list[int]]:
    """Each batch entry's labels, checking the index matrix as TF's SparseTensor does."""
    indices = np.asarray(indices, np.int64)
    if indices.ndim != 2 or indices.shape[1] != 2:
        raise errors.InvalidArgumentError(None, None, "Order length must be SparseTensor rank.")
    width = int(indices[:, 1].max()) + 1 if len(indices) else 0
    bounds = (batch, width)
    for i, index in enumerate(indices.tolist()):
        if not (0 <= index[0] < bounds[0] and 0 <= index[1] < bounds[1]):
            raise errors.InvalidArgumentError(
                None, None, f"label SparseTensor is not valid: indices[{i}] = "
                f"[{index[0]},{index[1]}] is out of bounds: need 0 <= index < "
                f"[{bounds[0]},{bounds[1]}]")
        if i and index <= indices[i - 1].tolist():
            problem = "is repeated" if index == indices[i - 1].tolist() else (
                "is out of order. Many sparse ops require sorted indices.")
            raise errors.InvalidArgumentError(
                None, None, f"label SparseTensor is not valid: indices[{i}] = "
                f"[{index[0]},{index[1]}] {problem}")
    labels: list[list[int]] = [[] for _ in range(batch)]
    for (row, _), value in zip(indices.tolist(), np.asarray(values).tolist()):
        labels[row].append(int(value))
    return labels


def _checked_labels(labels: list[int], b: int, collapse: bool) -> list[int]:
    """One entry's labels after the checks on the raw list and the optional collapse."""
    if not labels:
        raise errors.InvalidArgumentError(None, None, f"Labels length is zero in batch {b}")
    if min(labels) < 0:
        raise errors.InvalidArgumentError(
            None, None, "All labels must be nonnegative integers, batch: "
            f"{b} labels: {','.join(map(str, labels))}")
    if collapse:
        labels = [v for i, v in enumerate(labels) if i == 0 or v != labels[i - 1]]
    return labels


def _scored_labels(labels: list[int], b: int, num_classes: int) -> list[int]:
    """The labels scored: a tail of null labels (>= num_classes - 1) ends the sequence; a real
    label after a null one is an error, as in TF."""
    kept: list[int] = []
    seen_null = False
    for label in labels:
        if label >= num_classes - 1:
            seen_null = True
        elif seen_null:
            raise errors.InvalidArgumentError(
                None, None, "Saw a non-null label (index >= num_classes - 1) following a null "
                f"label, batch: {b} num_classes: {num_classes} labels: "
                f"{','.join(map(str, labels))} labels seen so far: "
                f"{','.join(map(str, kept))}")
        else:
            kept.append(label)
    return kept


# ---- forward-backward ------------------------------------------------------------------------

def _log_softmax(x: np.ndarray) -> np.ndarray:
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _transitions(labels: list[int], blank: int, merge_repeated: bool):
    """The extended label sequence and which states may stay / skip one state back."""
    extended = np.full(2 * len(labels) + 1, blank, np.int64)
    extended[1::2] = labels
    size = extended.size
    stay = np.ones(size, bool) if merge_repeated else extended == blank
    skip = np.zeros(size, bool)
    for s in range(3, size, 2):
        # Unmerged repeats are separate emissions, so no blank is needed between them.
        skip[s] = extended[s] != extended[s - 2] or not merge_repeated
    return extended, stay, skip


def _sequence_loss(lp: np.ndarray, labels: list[int], merge_repeated: bool):
    """(loss, d loss / d logits) of one sequence; lp is [time, classes] log-softmax."""
    steps, num_classes = lp.shape
    extended, stay, skip = _transitions(labels, num_classes - 1, merge_repeated)
    size = extended.size
    emit = lp[:, extended]  # [time, states]
    alpha = np.full((steps, size), _NEG_INF)
    alpha[0, :min(2, size)] = emit[0, :min(2, size)]
    for t in range(1, steps):
        prev = alpha[t - 1]
        total = np.where(stay, prev, _NEG_INF)
        total[1:] = np.logaddexp(total[1:], prev[:-1])
        total[2:] = np.logaddexp(total[2:], np.where(skip[2:], prev[:-2], _NEG_INF))
        alpha[t] = total + emit[t]
    beta = np.full((steps, size), _NEG_INF)
    beta[-1, max(0, size - 2):] = emit[-1, max(0, size - 2):]
    for t in range(steps - 2, -1, -1):
        nxt = beta[t + 1]
        total = np.where(stay, nxt, _NEG_INF)
        total[:-1] = np.logaddexp(total[:-1], nxt[1:])
        total[:-2] = np.logaddexp(total[:-2], np.where(skip[2:], nxt[2:], _NEG_INF))
        beta[t] = total + emit[t]
    log_p = np.logaddexp.reduce(alpha[-1, max(0, size - 2):])
    grad = np.exp(lp)
    if np.isfinite(log_p):
        occupancy = np.exp(alpha + beta - emit - log_p)
        posterior = np.zeros_like(grad)
        for s in range(size):
            posterior[:, extended[s]] += occupancy[:, s]
        grad -= posterior
    return -log_p, grad


def _ctc_loss_kernel(inputs, indices, values, sequence_length, preprocess_collapse_repeated,
                     ctc_merge_repeated, ignore_longer_outputs_than_inputs):
    inputs = np.asarray(inputs)
    max_time, batch, num_classes = inputs.shape
    if max_time == 0:
        raise errors.InvalidArgumentError(
            None, None, "Max time or first dimension of input cannot be 0.")
    if batch == 0:
        raise errors.InvalidArgumentError(None, None, "batch_size must not be 0")
    lengths = np.asarray(sequence_length).tolist()
    for b, length in enumerate(lengths):
        if length < 0:
            raise errors.InvalidArgumentError(None, None, f"seq_len({b}) < 0")
        if length > max_time:
            raise errors.InvalidArgumentError(None, None, f"sequence_length({b}) <= {max_time}")
    labels = [_checked_labels(row, b, preprocess_collapse_repeated)
              for b, row in enumerate(_labels_by_batch(indices, values, batch))]
    loss = np.zeros(batch)
    grad = np.zeros(inputs.shape)
    for b, (row, steps) in enumerate(zip(labels, lengths)):
        # TF measures the required time on the labels before null ones are dropped.
        if len(row) > steps:
            if ignore_longer_outputs_than_inputs:
                continue
            raise errors.InvalidArgumentError(
                None, None, "Not enough time for target transition sequence (required: "
                f"{len(row)}, available: {steps}){b}You can turn this error into a "
                "warning by using the flag ignore_longer_outputs_than_inputs")
        scored = _scored_labels(row, b, num_classes)
        lp = _log_softmax(inputs[:steps, b].astype(np.float64))
        loss[b], grad[:steps, b] = _sequence_loss(lp, scored, ctc_merge_repeated)
    return loss.astype(inputs.dtype), grad.astype(inputs.dtype)


def _rank(tensor: Tensor, rank: int) -> TensorShape:
    shape = tensor.shape
    if shape.ndims is not None and shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")
    return shape.with_rank(rank)


def _merge_dim(a, b):
    a, b = Dimension(a), Dimension(b)
    if not a.is_compatible_with(b):
        raise ShapeError(f"Dimensions must be equal, but are {a.value} and {b.value}")
    return a.merge_with(b).value


def _ctc_loss_shape(op):
    inputs, indices, values, lengths = op.inputs
    time, batch, classes = _rank(inputs, 3).as_tuple()
    index_rows, _ = _rank(indices, 2).as_tuple()
    (value_rows,) = _rank(values, 1).as_tuple()
    (length_rows,) = _rank(lengths, 1).as_tuple()
    batch = _merge_dim(batch, length_rows)
    _merge_dim(index_rows, value_rows)
    dtype = inputs.dtype.base_dtype
    return [(dtype, TensorShape._from_tuple((batch,))),
            (dtype, TensorShape._from_tuple((time, batch, classes)))]


def _ctc_loss_grad(op, grad_loss, _):
    # The op's second output is the gradient of the loss; a second derivative through it would
    # be wrong, so TF routes it through PreventGradient.
    grad = prevent_gradient(op.outputs[1], message=_SECOND_ORDER_MESSAGE)
    return [array_ops.expand_dims(grad_loss, -1) * grad, None, None, None]


register_op("CTCLoss", inputs=("inputs: T", "labels_indices: int64", "labels_values: int32",
                               "sequence_length: int32"),
            allowed={"T": (dtypes.float32, dtypes.float64)}, kernel=_ctc_loss_kernel,
            kernel_attrs=("preprocess_collapse_repeated", "ctc_merge_repeated",
                          "ignore_longer_outputs_than_inputs"),
            shape_fn=_ctc_loss_shape,
            attr_defaults={"preprocess_collapse_repeated": False, "ctc_merge_repeated": True,
                           "ignore_longer_outputs_than_inputs": False},
            grad=_ctc_loss_grad)


def ctc_loss(labels, inputs=None, sequence_length=None, preprocess_collapse_repeated=False,
             ctc_merge_repeated=True, ignore_longer_outputs_than_inputs=False, time_major=True,
             logits=None):
    """The CTC loss (negative log probability) of each batch entry's label sequence.

    ``labels`` is an int32 SparseTensor (``indices[i] = [batch, position]``); ``inputs`` are
    unnormalized log probabilities ``[max_time, batch, num_classes]`` (``[batch, max_time,
    num_classes]`` unless ``time_major``); class ``num_classes - 1`` is the blank.
    """
    if not isinstance(labels, SparseTensor):
        raise TypeError("Expected argument `labels` to be a SparseTensor. Received "
                        f"labels={labels} of type: {type(labels).__name__}")
    inputs = deprecated_argument_lookup("logits", logits, "inputs", inputs)
    if not time_major:
        inputs = array_ops.transpose(inputs, [1, 0, 2])
    loss, _ = apply_op("CTCLoss", [inputs, labels.indices, labels.values, sequence_length],
                       attrs={"preprocess_collapse_repeated": bool(preprocess_collapse_repeated),
                              "ctc_merge_repeated": bool(ctc_merge_repeated),
                              "ignore_longer_outputs_than_inputs":
                                  bool(ignore_longer_outputs_than_inputs)})
    return loss


def _num_classes(logits: Tensor) -> int | Tensor:
    static = logits.shape.as_tuple()[2] if logits.shape.ndims == 3 else None
    return static if static is not None else array_ops.shape(logits)[2]


def _move_blank_last(logits: Tensor, labels: SparseTensor, blank_index: int) -> tuple:
    """Logits with class ``blank_index`` moved last and the labels renumbered to match."""
    logits = array_ops.concat([logits[:, :, :blank_index], logits[:, :, blank_index + 1:],
                               logits[:, :, blank_index:blank_index + 1]], axis=2)
    values = where(labels.values < blank_index, labels.values, labels.values - 1)
    return logits, SparseTensor(labels.indices, values, labels.dense_shape)


def _dense_to_sparse_labels(labels, label_length) -> SparseTensor:
    labels = ops.convert_to_tensor(labels)
    label_length = ops.convert_to_tensor(label_length)
    mask = sequence_mask(label_length, array_ops.shape(labels)[1])
    indices = where(mask)
    values = math_ops.cast(gather_nd(labels, indices), dtypes.int32)
    return SparseTensor(indices, values, math_ops.cast(array_ops.shape(labels), dtypes.int64))


def ctc_loss_v2(labels, logits, label_length, logit_length, logits_time_major=True, unique=None,
                blank_index=None, name=None):
    """CTC loss with dense (``[batch, max_label_length]`` + ``label_length``) or sparse labels
    and a choosable blank class (default 0 for dense labels; required for sparse ones).

    ``unique`` (from ctc_unique_labels) only speeds TF's dense path up; it does not change the
    value and is accepted and ignored. Dense labels run through the same CTCLoss op as sparse
    ones (TF builds a graph of its own for them): values and gradients agree, op types differ.
    """
    del unique  # an optimization hint of TF's dense implementation; the value is the same
    if isinstance(labels, SparseTensor):
        if blank_index is None:
            raise ValueError(
                "Argument `blank_index` must be provided when labels is a SparseTensor.")
        return _ctc_loss_blank(labels, logits, logit_length, logits_time_major, blank_index)
    with ops.name_scope(name, "ctc_loss_dense", [logits, labels, label_length, logit_length]):
        labels = _dense_to_sparse_labels(labels, label_length)
        return _ctc_loss_blank(labels, logits, logit_length, logits_time_major,
                               0 if blank_index is None else blank_index)


def _ctc_loss_blank(labels, logits, logit_length, time_major, blank_index):
    logits = ops.convert_to_tensor(logits, name="logits")
    num_classes = _num_classes(logits)
    if blank_index < 0:
        if not isinstance(num_classes, int):
            raise ValueError("A negative `blank_index` needs a static number of classes.")
        blank_index += num_classes
    if not isinstance(num_classes, int) or blank_index != num_classes - 1:
        logits, labels = _move_blank_last(logits, labels, blank_index)
    return ctc_loss(labels=labels, inputs=logits, sequence_length=logit_length,
                    time_major=time_major)
