"""``tf.nn.safe_embedding_lookup_sparse``: embedding_lookup_sparse that tolerates invalid ids,
non-positive weights, empty rows and ids of rank > 2."""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.clip_ops import clip_by_norm
from tfcompat.ops.embedding_sparse_ops import embedding_lookup_sparse
from tfcompat.ops.math.sequences import where
from tfcompat.ops.sparse_math_ops import sparse_fill_empty_rows
from tfcompat.ops.sparse_ops import sparse_reshape, sparse_retain


def safe_embedding_lookup_sparse(embedding_weights, sparse_ids, sparse_weights=None,
                                 combiner="mean", default_id=None, name=None,
                                 partition_strategy="div", max_norm=None,
                                 allow_fast_lookup=False):
    """Per row of ``sparse_ids`` (``[d_0, ..., d_n-1, max_ids]``), the ``combiner`` ("sum",
    "mean", "sqrtn") of the embeddings of its ids, weighted by ``sparse_weights``.

    Ids < 0 and entries whose weight is <= 0 are dropped first. A row left empty gets the
    embedding of ``default_id``, or zeros when ``default_id`` is None. The result has shape
    ``[d_0, ..., d_n-1, embedding_dim]``. With ``max_norm``, embeddings are clipped to that L2
    norm (tfcompat clips the table's rows, then looks up: the same values).
    """
    del allow_fast_lookup
    if embedding_weights is None:
        raise ValueError(f"Missing embedding_weights {embedding_weights}.")
    if isinstance(embedding_weights, (list, tuple)):
        embedding_weights = list(embedding_weights)
    else:
        embedding_weights = [embedding_weights]
    if not embedding_weights:
        raise ValueError(f"Missing embedding_weights {embedding_weights}.")
    if combiner not in ("mean", "sqrtn", "sum"):
        raise ValueError(f"combiner must be one of 'mean', 'sqrtn' or 'sum', got {combiner}")
    dtype = sparse_weights.dtype if sparse_weights is not None else None
    embedding_weights = [ops.convert_to_tensor(w, dtype=dtype) for w in embedding_weights]
    with ops.name_scope(name, "embedding_lookup",
                        embedding_weights + [sparse_ids, sparse_weights]):
        original_shape = sparse_ids.dense_shape
        # Rows are all the leading dims: flatten them into one.
        flat_shape = array_ops.stack([math_ops.reduce_prod(original_shape[:-1]),
                                      original_shape[-1]])
        sparse_ids = sparse_reshape(sparse_ids, flat_shape)
        if sparse_weights is not None:
            sparse_weights = SparseTensor(sparse_ids.indices, sparse_weights.values,
                                          sparse_ids.dense_shape)
        sparse_ids, sparse_weights = _prune_invalid(sparse_ids, sparse_weights)
        sparse_ids, is_row_empty = sparse_fill_empty_rows(sparse_ids, default_id or 0)
        if sparse_weights is not None:
            sparse_weights, _ = sparse_fill_empty_rows(sparse_weights, 1.0)
        if max_norm is not None:
            # Clipping every row of the table equals clipping each looked-up row.
            embedding_weights = [clip_by_norm(w, max_norm, axes=list(range(1, w.shape.ndims)))
                                 for w in embedding_weights]
        result = embedding_lookup_sparse(
            embedding_weights, sparse_ids, sparse_weights, combiner=combiner,
            partition_strategy=partition_strategy)
        if default_id is None:
            # Empty rows got id 0 to keep the lookup dense; their result is zeros.
            is_row_empty = array_ops.tile(array_ops.reshape(is_row_empty, [-1, 1]),
                                          array_ops.stack([1, array_ops.shape(result)[1]]))
            result = where(is_row_empty, array_ops.zeros_like(result), result)
        final_shape = array_ops.concat(
            [math_ops.cast(original_shape[:-1], dtypes.int32),
             array_ops.slice(array_ops.shape(result), [1], [-1])], 0)
        final = array_ops.reshape(result, final_shape)
        # The embedding dims are the table's, whatever the combiner's static shape kept.
        leading = original_shape.shape.as_tuple()[0] if original_shape.shape.ndims else None
        if leading is not None and embedding_weights[0].shape.ndims is not None:
            final.set_shape(final.shape.merge_with(
                TensorShape([None] * (leading - 1)).concatenate(
                    embedding_weights[0].shape.as_tuple()[1:])))
        return final


def _prune_invalid(sparse_ids: SparseTensor, sparse_weights: SparseTensor | None):
    """Drops ids < 0 and, with weights, entries whose weight is <= 0."""
    keep = math_ops.greater_equal(sparse_ids.values, 0)
    if sparse_weights is not None:
        keep = math_ops.logical_and(keep, math_ops.greater(sparse_weights.values, 0))
        sparse_weights = sparse_retain(sparse_weights, keep)
    return sparse_retain(sparse_ids, keep), sparse_weights
