"""``tf.reverse_sequence``: the ReverseSequence op (reverses each row's first ``seq_lengths``
entries along an axis, as bidirectional RNNs need)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.tensor_shape import Dimension, TensorShape


def _reverse_sequence_kernel(value, seq_lengths, seq_dim, batch_dim):
    value = np.asarray(value)
    lengths = np.asarray(seq_lengths).reshape(-1)
    if lengths.size != value.shape[batch_dim]:
        raise errors.InvalidArgumentError(
            None, None, f"Length of seq_lengths != input.dims({batch_dim}), "
            f"({lengths.size} vs. {value.shape[batch_dim]})")
    out = value.copy()
    for b, length in enumerate(lengths):
        if length < 0 or length > value.shape[seq_dim]:
            raise errors.InvalidArgumentError(
                None, None, f"seq_lens({b}) > input.dims({seq_dim})")
        row = [slice(None)] * value.ndim
        row[batch_dim] = b
        row[seq_dim] = slice(0, int(length))
        source = [slice(None)] * value.ndim
        source[batch_dim] = b
        source[seq_dim] = slice(int(length) - 1, None, -1) if length else slice(0, 0)
        out[tuple(row)] = value[tuple(source)]
    return out


def _reverse_sequence_shape(op):
    value, lengths = op.inputs
    shape = value.shape
    batch_dim = op._attrs["batch_dim"]
    if shape.ndims is not None and lengths.shape.ndims == 1:
        dims = shape.as_list()
        dims[batch_dim] = Dimension(dims[batch_dim]).merge_with(lengths.shape[0]).value
        shape = TensorShape(dims)
    return [(value.dtype.base_dtype, shape)]


def _reverse_sequence_grad(op, grad):
    return [reverse_sequence(grad, op.inputs[1], seq_axis=op.get_attr("seq_dim"),
                             batch_axis=op.get_attr("batch_dim")), None]


register_op("ReverseSequence", inputs=("input: T", "seq_lengths: Tlen"),
            kernel=_reverse_sequence_kernel, kernel_attrs=("seq_dim", "batch_dim"),
            shape_fn=_reverse_sequence_shape, allowed={"Tlen": (dtypes.int32, dtypes.int64)},
            attr_defaults={"batch_dim": 0}, grad=_reverse_sequence_grad)


def reverse_sequence(input, seq_lengths, seq_axis=None, batch_axis=None, name=None,  # noqa: A002
                     seq_dim=None, batch_dim=None):
    """Reverses the first ``seq_lengths[b]`` entries along ``seq_axis`` of each slice ``b``
    along ``batch_axis`` (``tf.reverse_sequence``)."""
    seq_axis = seq_dim if seq_axis is None else seq_axis
    batch_axis = (0 if batch_dim is None else batch_dim) if batch_axis is None else batch_axis
    return apply_op("ReverseSequence", [input, seq_lengths], name=name,
                    attrs={"seq_dim": int(seq_axis), "batch_dim": int(batch_axis)})
