"""Nested RNN states (tuples, lists, namedtuples of tensors) and zero states of a state size."""

from __future__ import annotations

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.nest import (  # noqa: F401 - the rnn package's import point for nest
    flatten,
    is_nested,
    map_structure,
    pack_sequence_as,
)
from tfcompat.framework.ops import Tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, constant_op

# ---- zero states ------------------------------------------------------------------------------


def _as_shape_tensor(value):
    """A 1-D int32 shape tensor and its static value for a batch size or a state size."""
    if isinstance(value, Tensor):
        static = tensor_util.constant_value(value)
        if value.shape.ndims == 0:
            value = array_ops.expand_dims(value, 0)
        elif value.shape.ndims != 1:
            raise ValueError(f"prefix tensor must be either a scalar or vector, but saw tensor: "
                             f"{value}")
        return value, None if static is None else TensorShape(static.reshape(-1).tolist())
    shape = TensorShape(value)
    tensor = (constant_op.constant(shape.as_list(), dtype=dtypes.int32)
              if shape.is_fully_defined() else None)
    return tensor, shape


def concat_shape(prefix, suffix, static: bool = False):
    """``[prefix..., suffix...]``: a shape tensor, or with ``static`` the partial static shape.

    Like TF's helper it builds the int32 constants in both modes, which keeps op names in step.
    """
    prefix_tensor, prefix_static = _as_shape_tensor(prefix)
    suffix_tensor, suffix_static = _as_shape_tensor(suffix)
    if static:
        if prefix_static is None:
            prefix_static = TensorShape([None])
        return prefix_static.concatenate(suffix_static)
    if prefix_tensor is None or suffix_tensor is None:
        raise ValueError(f"Provided a prefix or suffix of None: {prefix} and {suffix}")
    return array_ops.concat((prefix_tensor, suffix_tensor), 0)


def zero_state_tensors(state_size, batch_size, dtype):
    """Zeros of shape ``[batch_size, s]`` for every size ``s`` in ``state_size``."""
    def zeros_for(size):
        zeros = array_ops.zeros(concat_shape(batch_size, size), dtype=dtype)
        zeros.set_shape(concat_shape(batch_size, size, static=True))
        return zeros
    return map_structure(zeros_for, state_size)
