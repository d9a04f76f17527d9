"""safe_embedding_lookup_sparse as feature columns use it: invalid ids (< 0) and non-positive
weights are dropped, and examples left without ids get zero vectors."""

from __future__ import annotations

import tfcompat as tf
from tfcompat.framework import dtypes
from tfcompat.framework.sparse_tensor import SparseTensor


def _flatten_to_2d(sparse: SparseTensor) -> SparseTensor:
    shape = sparse.dense_shape
    rows = tf.reduce_prod(tf.slice(shape, [0], [tf.size(shape) - 1]))
    return tf.sparse_reshape(sparse, tf.stack([rows, tf.gather(shape, tf.size(shape) - 1)]))


def safe_embedding_lookup_sparse(params, sparse_ids: SparseTensor, sparse_weights=None,
                                 combiner="mean", name=None, max_norm=None):
    """[batch, dim] combinations of the rows of ``params`` named by each example's ids."""
    with tf.name_scope(name, "embedding_lookup"):
        original_shape = sparse_ids.dense_shape
        leading = tf.slice(original_shape, [0], [tf.size(original_shape) - 1])
        sparse_ids = _flatten_to_2d(sparse_ids)
        valid = tf.greater_equal(sparse_ids.values, 0)
        if sparse_weights is not None:
            sparse_weights = _flatten_to_2d(sparse_weights)
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
        result = tf.where(empty, tf.zeros_like(result), result)
        final_shape = tf.concat([tf.cast(leading, dtypes.int32), tf.shape(result)[1:]], 0)
        return tf.reshape(result, final_shape)
