"""safe_embedding_lookup_sparse as feature columns use it: invalid ids (< 0) and non-positive
weights are dropped, and examples left without ids get zero vectors."""

from __future__ import annotations

import tfcompat as tf
from tfcompat.framework import dtypes
from tfcompat.framework.ops import apply_op
from tfcompat.framework.sparse_tensor import SparseTensor


def _static_rank(sparse: SparseTensor):
    """The rank of ``sparse`` as a Python int when known (TF then builds constant slices)."""
    dim = sparse.dense_shape.shape[0] if sparse.dense_shape.shape.rank == 1 else None
    dim = getattr(dim, "value", dim)
    return dim if dim is not None else tf.size(sparse.dense_shape)


def _flatten_to_2d(sparse: SparseTensor, original_shape, rank) -> SparseTensor:
    rows = tf.reduce_prod(tf.slice(original_shape, [0], [rank - 1]))
    shape = tf.cast([rows, tf.gather(original_shape, rank - 1)], dtypes.int64)
    return tf.sparse_reshape(sparse, shape)


def safe_embedding_lookup_sparse(params, sparse_ids: SparseTensor, sparse_weights=None,
                                 combiner="mean", name=None, max_norm=None):
    """[*leading dims of sparse_ids, dim] combinations of the rows of ``params`` named by each
    example's ids."""
    with tf.name_scope(name, "embedding_lookup") as scope:
        original_shape = sparse_ids.dense_shape
        rank = _static_rank(sparse_ids)
        sparse_ids = _flatten_to_2d(sparse_ids, original_shape, rank)
        valid = tf.greater_equal(sparse_ids.values, 0)
        if sparse_weights is not None:
            sparse_weights = _flatten_to_2d(sparse_weights, original_shape, rank)
            valid = tf.logical_and(valid, tf.greater(sparse_weights.values, 0))
            sparse_weights = tf.sparse_retain(sparse_weights, valid)
            sparse_weights, _ = tf.sparse_fill_empty_rows(sparse_weights, 1.0)
        sparse_ids = tf.sparse_retain(sparse_ids, valid)
        sparse_ids, is_row_empty = tf.sparse_fill_empty_rows(sparse_ids, 0)
        if max_norm is not None:
            # Clipping every row first equals clipping each looked-up row.
            params = tf.clip_by_norm(params, max_norm, axes=[1])
        result = tf.nn.embedding_lookup_sparse(params, sparse_ids, sparse_weights,
                                               combiner=combiner)
        empty = tf.tile(tf.reshape(is_row_empty, [-1, 1]), tf.stack([1, tf.shape(result)[1]]))
        # TF names this Select after the whole lookup scope.
        result = apply_op("Select", [empty, tf.zeros_like(result), result], name=scope)
        leading = tf.slice(tf.cast(original_shape, dtypes.int32), [0], [rank - 1])
        final_shape = tf.concat([leading, tf.slice(tf.shape(result), [1], [-1])], 0)
        return tf.reshape(result, final_shape)
