"""Batch slicing of LinearOperators: ``operator[1:, 0]`` slices the batch dimensions.

Each operator class names its batch-carrying constructor arguments and how many trailing
non-batch dims each has (``_batch_parameters``); slicing rebuilds the operator from its
``parameters`` with those arguments sliced. Arguments broadcast along a batch dim (size 1, or
absent on the left) keep that dim as it is, so the result broadcasts the same way."""

from __future__ import annotations

import numpy as np

from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops.linalg.linear_operator.base import LinearOperator


def normalize_slices(slices, batch_rank: int) -> tuple:
    """``slices`` as one entry (int or slice) per batch dim, Ellipsis and omissions filled."""
    if not isinstance(slices, tuple):
        slices = (slices,)
    if any(s is None for s in slices):
        raise ValueError("Slicing a LinearOperator cannot add new batch dimensions "
                         "(tf.newaxis).")
    if Ellipsis in slices:
        index = slices.index(Ellipsis)
        fill = batch_rank - (len(slices) - 1)
        slices = slices[:index] + (slice(None),) * max(fill, 0) + slices[index + 1:]
    if len(slices) > batch_rank:
        raise ValueError(f"Too many slices for a LinearOperator with batch rank {batch_rank}: "
                         f"{len(slices)} given.")
    return slices + (slice(None),) * (batch_rank - len(slices))


def _aligned(slices: tuple, batch_dims: list) -> tuple:
    """The slices for an argument whose batch dims are the last ``len(batch_dims)`` of the
    operator's, leaving broadcast (size-1) dims whole."""
    own = slices[len(slices) - len(batch_dims):] if batch_dims else ()
    return tuple((0 if isinstance(s, (int, np.integer)) else slice(None)) if dim == 1 else s
                 for s, dim in zip(own, batch_dims))


def _slice_tensor(value, event_ndims: int, slices: tuple):
    tensor = convert_to_tensor(value)
    rank = tensor.shape.ndims
    if rank is None:
        raise ValueError("Cannot slice a LinearOperator argument of unknown rank.")
    batch_dims = tensor.shape.as_list()[:rank - event_ndims]
    parts = _aligned(slices, batch_dims)
    if not parts:
        return tensor
    return tensor[parts + (Ellipsis,)]


def _slice_operator(operator, slices: tuple):
    batch_dims = operator.batch_shape.as_list()
    parts = _aligned(slices, batch_dims)
    return operator[parts] if parts else operator


def _slice_value(value, event_ndims, slices: tuple):
    if value is None:
        return None
    if isinstance(value, LinearOperator):
        return _slice_operator(value, slices)
    if isinstance(value, (list, tuple)) and (event_ndims == "operators" or isinstance(
            event_ndims, int) and not _is_numeric_nest(value)):
        return type(value)(_slice_value(v, event_ndims, slices) for v in value)
    return _slice_tensor(value, event_ndims, slices)


def _is_numeric_nest(value) -> bool:
    try:
        np.asarray(value, dtype=np.float64)
        return True
    except (TypeError, ValueError):
        return False


def batch_slice(operator, slices):
    """A new operator: ``operator`` with its batch dims sliced by ``slices``."""
    batch_rank = operator.batch_shape.ndims
    if batch_rank is None:
        raise ValueError("Cannot slice a LinearOperator of unknown batch rank.")
    slices = normalize_slices(slices, batch_rank)
    parameters = operator.parameters
    for name, event_ndims in operator._batch_parameters().items():
        parameters[name] = _slice_value(parameters.get(name), event_ndims, slices)
    parameters = operator._sliced_parameters(parameters, slices)
    return type(operator)(**parameters)
