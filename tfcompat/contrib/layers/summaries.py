"""``tf.contrib.layers.summarize_*``: summaries of tensors, collections and activations.

A scalar gets a scalar summary, anything else a histogram, tagged with the op's name.
``summarize_activation`` adds ``<op>/activation`` (histogram) and, for Relu, Relu6 and Softplus
outputs, ``<op>/zero_fraction`` (scalar: the share of zeros).
"""

from __future__ import annotations

import functools
import re

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import math_ops
from tfcompat.summary import summary_ops

__all__ = ["summarize_activation", "summarize_activations", "summarize_biases",
           "summarize_collection", "summarize_tensor", "summarize_tensors",
           "summarize_variables", "summarize_weights"]


def _as_tensor(value):
    ref = getattr(value, "_ref", None)
    return ref() if ref is not None and not isinstance(value, ops.Tensor) else value


def summarize_tensor(tensor, tag=None):
    """A scalar summary for a scalar, a histogram otherwise; ``tag`` defaults to the op name."""
    tensor = _as_tensor(tensor)
    tag = tag or tensor.op.name
    if tensor.get_shape().ndims == 0:
        return summary_ops.scalar(tag, tensor)
    return summary_ops.histogram(tag, tensor)


def summarize_tensors(tensors, summarizer=summarize_tensor) -> list:
    return [summarizer(tensor) for tensor in tensors]


def summarize_collection(collection, name_filter=None, summarizer=summarize_tensor) -> list:
    """Summaries of the collection's tensors whose op names match ``name_filter`` (a regex)."""
    tensors = [t for t in ops.get_default_graph().get_collection(collection)
               if name_filter is None or re.match(name_filter, t.op.name)]
    return summarize_tensors(tensors, summarizer)


summarize_variables = functools.partial(summarize_collection, GraphKeys.GLOBAL_VARIABLES)
summarize_weights = functools.partial(summarize_collection, GraphKeys.WEIGHTS)
summarize_biases = functools.partial(summarize_collection, GraphKeys.BIASES)


def _zero_fraction(value):
    with ops.name_scope("zero_fraction", values=[value]):
        zero = math_ops.equal(value, math_ops.cast(0, value.dtype.base_dtype))
        return math_ops.reduce_mean(math_ops.cast(zero, dtypes.float32))


def summarize_activation(op):
    """A histogram of ``op`` (a tensor), plus its zero fraction for ReLU-like ops."""
    name = op.op.name
    if op.op.type in ("Relu", "Relu6", "Softplus"):
        summary_ops.scalar(f"{name}/zero_fraction", _zero_fraction(op))
    return summary_ops.histogram(f"{name}/activation", op)


def summarize_activations(name_filter=None, summarizer=summarize_activation) -> list:
    """``summarize_activation`` over the ACTIVATIONS collection."""
    return summarize_collection(GraphKeys.ACTIVATIONS, name_filter, summarizer)
