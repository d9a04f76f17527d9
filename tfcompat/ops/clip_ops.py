"""Norm clipping: clip_by_norm, clip_by_average_norm, global_norm, clip_by_global_norm."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, constant_op, math_ops, nn_ops


def clip_by_norm(t, clip_norm, axes=None, name=None) -> Tensor:
    """Scales ``t`` so that its L2 norm (over ``axes``) is at most ``clip_norm``."""
    with ops.name_scope(name, "clip_by_norm", [t, clip_norm]) as scope:
        values = convert_to_tensor(t.values if isinstance(t, IndexedSlices) else t, name="t")
        l2sum = math_ops.reduce_sum(values * values, axes, keepdims=True)
        pred = math_ops.greater(l2sum, constant_op.constant(0, dtype=l2sum.dtype))
        l2sum_safe = math_ops.where(pred, l2sum, array_ops.ones_like(l2sum))
        l2norm = math_ops.where(pred, math_ops.sqrt(l2sum_safe), l2sum)
        clip_norm = math_ops.cast(clip_norm, values.dtype)
        intermediate = values * clip_norm
        clipped = array_ops.identity(
            intermediate / math_ops.maximum(l2norm, clip_norm), name=scope)
        if isinstance(t, IndexedSlices):
            return IndexedSlices(clipped, t.indices, t.dense_shape)
        return clipped


def clip_by_average_norm(t, clip_norm, name=None) -> Tensor:
    """Scales ``t`` so that its L2 norm divided by its size is at most ``clip_norm``."""
    with ops.name_scope(name, "clip_by_average_norm", [t, clip_norm]) as scope:
        t = convert_to_tensor(t, name="t")
        n_element = math_ops.cast(array_ops.size(t), dtypes.float32)
        l2norm_inv = math_ops.rsqrt(math_ops.reduce_sum(t * t, math_ops.range(
            0, array_ops.rank(t), 1)))
        tclip = array_ops.identity(
            t * clip_norm * math_ops.minimum(
                l2norm_inv * n_element,
                constant_op.constant(1.0) / clip_norm), name=scope)
        return tclip


def global_norm(t_list, name=None) -> Tensor:
    """sqrt(sum of the squared L2 norms of every tensor in the list); None entries skipped."""
    if not isinstance(t_list, (list, tuple)) or isinstance(t_list, str):
        raise TypeError("t_list should be a sequence")
    t_list = list(t_list)
    with ops.name_scope(name, "global_norm", t_list) as scope:
        values = [convert_to_tensor(t.values if isinstance(t, IndexedSlices) else t,
                                    name=f"t_{i}")
                  for i, t in enumerate(t_list) if t is not None]
        half_squared_norms = [nn_ops.l2_loss(v) for v in values]
        half_squared_norm = math_ops.reduce_sum(array_ops.stack(half_squared_norms))
        two = constant_op.constant(2.0, dtype=half_squared_norm.dtype)
        del scope
        return math_ops.sqrt(half_squared_norm * two, name="global_norm")


def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
    """Scales every tensor by clip_norm / max(global_norm, clip_norm): ``(clipped, norm)``."""
    if not isinstance(t_list, (list, tuple)) or isinstance(t_list, str):
        raise TypeError("t_list should be a sequence")
    t_list = list(t_list)
    if use_norm is None:
        use_norm = global_norm(t_list, name)
    with ops.name_scope(name, "clip_by_global_norm", t_list + [clip_norm]) as scope:
        one = constant_op.constant(1.0, dtype=use_norm.dtype)
        scale = clip_norm * math_ops.minimum(
            one / use_norm, constant_op.constant(1.0, dtype=use_norm.dtype) / clip_norm)
        scale = math_ops.where(math_ops.is_finite(use_norm), scale,
                                array_ops.fill(array_ops.shape(scale),
                                               constant_op.constant(np.nan, use_norm.dtype)))
        clipped = []
        for i, t in enumerate(t_list):
            if t is None:
                clipped.append(None)
                continue
            values = t.values if isinstance(t, IndexedSlices) else t
            values = convert_to_tensor(values, name=f"t_{i}")
            scaled = array_ops.identity(values * math_ops.cast(scale, values.dtype),
                                        name=f"{scope}_{i}")
            clipped.append(IndexedSlices(scaled, t.indices, t.dense_shape)
                           if isinstance(t, IndexedSlices) else scaled)
    return clipped, use_norm
