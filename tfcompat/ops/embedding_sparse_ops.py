"""``tf.nn.embedding_lookup_sparse``: embeddings of sparse ids, combined per row."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.ops import array_ops, math_ops, slicing_ops
from tfcompat.ops.nn_ops import embedding_lookup
from tfcompat.ops.sparse_extra_ops import (
    sparse_segment_mean,
    sparse_segment_sqrt_n,
    sparse_segment_sum,
)


def embedding_lookup_sparse(params, sp_ids, sp_weights, partition_strategy="mod", name=None,
                            combiner=None, max_norm=None, allow_fast_lookup=False):
    """For each row of ``sp_ids`` (a SparseTensor of ids), the combination ("sum", "mean"
    (default) or "sqrtn") of the embeddings of its ids, weighted by ``sp_weights`` if given."""
    combiner = combiner or "mean"
    if combiner not in ("mean", "sqrtn", "sum"):
        raise ValueError(f"combiner must be one of 'mean', 'sqrtn' or 'sum', got {combiner}")
    if not isinstance(params, (list, tuple)):
        params = [params]
    if not isinstance(sp_ids, SparseTensor):
        raise TypeError(f"sp_ids must be SparseTensor, got {type(sp_ids)}")
    if sp_weights is not None and not isinstance(sp_weights, SparseTensor):
        raise TypeError(f"sp_weights must be either None or SparseTensor, got "
                        f"{type(sp_weights)}")
    with ops.name_scope(name, "embedding_lookup_sparse", params + [sp_ids]) as name:
        segment_ids = sp_ids.indices[:, 0]
        ids = sp_ids.values
        unique_ids, idx = array_ops.unique(ids)
        embeddings = embedding_lookup(params, unique_ids, partition_strategy=partition_strategy,
                                      max_norm=max_norm)
        if segment_ids.dtype != dtypes.int32:
            segment_ids = math_ops.cast(segment_ids, dtypes.int32)
        if sp_weights is None:
            reduce = {"sum": sparse_segment_sum, "mean": sparse_segment_mean,
                      "sqrtn": sparse_segment_sqrt_n}[combiner]
            return reduce(embeddings, idx, segment_ids, name=name)
        weights = sp_weights.values
        embeddings = slicing_ops.gather(embeddings, idx)
        rank = embeddings.shape.ndims
        weights = array_ops.reshape(weights, [-1] + [1] * (rank - 1)) if rank else weights
        embeddings = embeddings * math_ops.cast(weights, embeddings.dtype)
        positions = math_ops.range(array_ops.shape(segment_ids)[0])
        total = sparse_segment_sum(embeddings, positions, segment_ids)
        if combiner == "sum":
            return array_ops.identity(total, name=name)
        weight_sum = sparse_segment_sum(math_ops.cast(weights, embeddings.dtype), positions,
                                        segment_ids)
        if combiner == "sqrtn":
            weight_sum = math_ops.sqrt(sparse_segment_sum(
                math_ops.cast(weights, embeddings.dtype) ** 2, positions, segment_ids))
        return math_ops.div_no_nan(total, weight_sum, name=name)
