"""Dense views of categorical columns: indicator_column, embedding_column and
shared_embedding_columns."""

from __future__ import annotations

import collections
import math

import tfcompat as tf
from tfcompat.feature_column.base import CategoricalColumn, DenseColumn
from tfcompat.feature_column.categorical import SequenceCategoricalColumn
from tfcompat.feature_column.embedding_lookup import safe_embedding_lookup_sparse
from tfcompat.framework import dtypes
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape


def _reject_sequence(kind: str, column, categorical) -> None:
    if isinstance(categorical, SequenceCategoricalColumn):
        raise ValueError(
            f"In {kind}: {column.name}. categorical_column must not be of type "
            f"_SequenceCategoricalColumn. Suggested fix A: If you wish to use DenseFeatures, use "
            f"a non-sequence categorical_column_with_*. Suggested fix B: If you wish to create "
            f"sequence input, use SequenceFeatures instead of DenseFeatures. Given (type "
            f"{type(categorical)}): {categorical}")


class IndicatorColumn(DenseColumn, collections.namedtuple(
        "IndicatorColumn", ("categorical_column",))):
    """Multi-hot counts (or summed weights) of a categorical column's ids."""

    @property
    def name(self) -> str:
        return f"{self.categorical_column.name}_indicator"

    @property
    def parse_example_spec(self) -> dict:
        return self.categorical_column.parse_example_spec

    @property
    def variable_shape(self) -> TensorShape:
        return TensorShape([1, self.categorical_column.num_buckets])

    def transform_feature(self, cache):
        ids, weights = self.categorical_column.get_sparse_tensors(cache)
        depth = self.categorical_column.num_buckets
        if weights is not None:
            # Weights of repeated ids add up (scatter_nd sums duplicate indices).
            with tf.name_scope("weighted_indicator"):
                valid = tf.greater_equal(ids.values, 0)
                kept = tf.sparse_retain(
                    SparseTensor(ids.indices, ids.values, ids.dense_shape), valid)
                kept_weights = tf.boolean_mask(weights.values, valid)
                indices = tf.stack([kept.indices[:, 0], kept.values], axis=1)
                shape = tf.stack([ids.dense_shape[0], tf.constant(depth, dtypes.int64)])
                return tf.scatter_nd(indices, kept_weights, shape)
        dense_ids = tf.sparse_tensor_to_dense(ids, default_value=-1)
        one_hot = tf.one_hot(dense_ids, depth=depth, on_value=1.0, off_value=0.0)
        return tf.reduce_sum(one_hot, axis=[-2])

    def get_dense_tensor(self, cache, weight_collections=None, trainable=None):
        _reject_sequence("indicator_column", self, self.categorical_column)
        return cache.get(self)


def indicator_column(categorical_column):
    """Represents ``categorical_column`` as a multi-hot dense vector of ``num_buckets``."""
    return IndicatorColumn(categorical_column)


def _check_embedding_args(dimension, initializer, ckpt_to_load_from, tensor_name_in_ckpt,
                          column_name: str) -> None:
    if dimension is None or dimension < 1:
        raise ValueError(f"Invalid dimension {dimension}.")
    if (ckpt_to_load_from is None) != (tensor_name_in_ckpt is None):
        raise ValueError("Must specify both `ckpt_to_load_from` and `tensor_name_in_ckpt` or "
                         "none of them.")
    if initializer is not None and not callable(initializer):
        raise ValueError(f"initializer must be callable if specified. Embedding of column_name: "
                         f"{column_name}")


def _default_initializer(dimension: int):
    return tf.truncated_normal_initializer(mean=0.0, stddev=1 / math.sqrt(dimension))


def _lookup(column, ids, weights, embedding_weights):
    if column.ckpt_to_load_from is not None:
        tf.train.init_from_checkpoint(column.ckpt_to_load_from,
                                      {column.tensor_name_in_ckpt: embedding_weights})
    name = f"{column.name}_weights"
    if column.use_safe_embedding_lookup:
        return safe_embedding_lookup_sparse(embedding_weights, ids, weights,
                                            combiner=column.combiner, name=name,
                                            max_norm=column.max_norm)
    if column.max_norm is not None:
        embedding_weights = tf.clip_by_norm(embedding_weights, column.max_norm, axes=[1])
    return tf.nn.embedding_lookup_sparse(embedding_weights, ids, weights,
                                         combiner=column.combiner, name=name)


class EmbeddingColumn(DenseColumn, collections.namedtuple(
        "EmbeddingColumn", ("categorical_column", "dimension", "combiner", "initializer",
                            "ckpt_to_load_from", "tensor_name_in_ckpt", "max_norm", "trainable",
                            "use_safe_embedding_lookup"))):
    """A learned ``dimension``-vector per id, combined over each example's ids."""

    @property
    def name(self) -> str:
        return f"{self.categorical_column.name}_embedding"

    @property
    def parse_example_spec(self) -> dict:
        return self.categorical_column.parse_example_spec

    @property
    def variable_shape(self) -> TensorShape:
        return TensorShape([self.dimension])

    def transform_feature(self, cache):
        return cache.get(self.categorical_column)

    def get_dense_tensor(self, cache, weight_collections=None, trainable=True):
        _reject_sequence("embedding_column", self, self.categorical_column)
        ids, weights = self.categorical_column.get_sparse_tensors(cache)
        embedding_weights = tf.get_variable(
            "embedding_weights", shape=(self.categorical_column.num_buckets, self.dimension),
            dtype=dtypes.float32, initializer=self.initializer,
            trainable=self.trainable and trainable, collections=weight_collections)
        return _lookup(self, ids, weights, embedding_weights)


def embedding_column(categorical_column, dimension, combiner="mean", initializer=None,
                     ckpt_to_load_from=None, tensor_name_in_ckpt=None, max_norm=None,
                     trainable=True, use_safe_embedding_lookup=True):
    """Embeds ``categorical_column`` ids into ``dimension`` floats; the variable is
    ``<scope>/<column>_embedding/embedding_weights`` of shape [num_buckets, dimension]."""
    _check_embedding_args(dimension, initializer, ckpt_to_load_from, tensor_name_in_ckpt,
                          categorical_column.name)
    return EmbeddingColumn(categorical_column, dimension, combiner,
                           initializer or _default_initializer(dimension), ckpt_to_load_from,
                           tensor_name_in_ckpt, max_norm, trainable, use_safe_embedding_lookup)


class SharedEmbeddingColumn(DenseColumn, collections.namedtuple(
        "_SharedEmbeddingColumn", ("categorical_column", "dimension", "combiner", "initializer",
                                   "shared_embedding_collection_name", "ckpt_to_load_from",
                                   "tensor_name_in_ckpt", "max_norm", "trainable",
                                   "use_safe_embedding_lookup"))):
    """An embedding column whose weights are shared through a graph collection."""

    def __repr__(self) -> str:
        return "_" + super().__repr__()

    @property
    def name(self) -> str:
        return f"{self.categorical_column.name}_shared_embedding"

    @property
    def _var_scope_name(self) -> str:
        return self.shared_embedding_collection_name

    @property
    def parse_example_spec(self) -> dict:
        return self.categorical_column.parse_example_spec

    @property
    def variable_shape(self) -> TensorShape:
        return TensorShape([self.dimension])

    def transform_feature(self, cache):
        return cache.get(self.categorical_column)

    def get_dense_tensor(self, cache, weight_collections=None, trainable=True):
        _reject_sequence("embedding_column", self, self.categorical_column)
        ids, weights = self.categorical_column.get_sparse_tensors(cache)
        shape = (self.categorical_column.num_buckets, self.dimension)
        shared = tf.get_collection(self.shared_embedding_collection_name)
        if shared:
            if len(shared) > 1:
                raise ValueError(f"Collection {self.shared_embedding_collection_name} can only "
                                 f"contain one variable. Suggested fix A: Choose a unique name "
                                 f"for this collection. Suggested fix B: Do not add any "
                                 f"variables to this collection. The feature_column library "
                                 f"already adds a variable under the hood.")
            embedding_weights = shared[0]
            if embedding_weights.shape.as_list() != list(shape):
                raise ValueError(f"Shared embedding collection "
                                 f"{self.shared_embedding_collection_name} contains variable "
                                 f"{embedding_weights.name} of unexpected shape "
                                 f"{embedding_weights.shape}. Expected shape {shape}. Suggested "
                                 f"fix A: Choose a unique name for this collection. Suggested "
                                 f"fix B: Do not add any variables to this collection. The "
                                 f"feature_column library already adds a variable under the "
                                 f"hood.")
        else:
            embedding_weights = tf.get_variable(
                "embedding_weights", shape=shape, dtype=dtypes.float32,
                initializer=self.initializer, trainable=self.trainable and trainable,
                collections=weight_collections)
            tf.add_to_collection(self.shared_embedding_collection_name, embedding_weights)
        return _lookup(self, ids, weights, embedding_weights)


def shared_embedding_columns(categorical_columns, dimension, combiner="mean", initializer=None,
                             shared_embedding_collection_name=None, ckpt_to_load_from=None,
                             tensor_name_in_ckpt=None, max_norm=None, trainable=True,
                             use_safe_embedding_lookup=True):
    """Embedding columns (one per categorical column, same num_buckets) sharing one variable,
    ``<scope>/<a>_<b>_shared_embedding/embedding_weights`` by default."""
    _check_embedding_args(dimension, initializer, ckpt_to_load_from, tensor_name_in_ckpt,
                          "shared_embedding")
    categorical_columns = list(categorical_columns)
    for column in categorical_columns:
        if not isinstance(column, CategoricalColumn):
            raise ValueError(f"All categorical_columns must be subclasses of "
                             f"_CategoricalColumn. Given: {column}, of type: {type(column)}")
    sorted_columns = sorted(categorical_columns, key=lambda c: c.name)
    first = sorted_columns[0]
    for column in sorted_columns[1:]:
        if column.num_buckets != first.num_buckets:
            raise ValueError(
                f"To use shared_embedding_column, all categorical_columns must have the same "
                f"number of buckets. ven column: {first} with buckets: {first.num_buckets} does "
                f" not match column: {column} with buckets: {column.num_buckets}")
    if not shared_embedding_collection_name:
        shared_embedding_collection_name = "_".join(c.name for c in sorted_columns)
        shared_embedding_collection_name += "_shared_embedding"
    initializer = initializer or _default_initializer(dimension)
    return [SharedEmbeddingColumn(column, dimension, combiner, initializer,
                                  shared_embedding_collection_name, ckpt_to_load_from,
                                  tensor_name_in_ckpt, max_norm, trainable,
                                  use_safe_embedding_lookup)
            for column in categorical_columns]
