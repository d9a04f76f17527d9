"""crossed_column: hashed conjunctions of features (TF's SparseCrossHashed fingerprints)."""

from __future__ import annotations

import collections

import tfcompat as tf
from tfcompat.feature_column.base import CategoricalColumn, IdWeightPair
from tfcompat.feature_column.categorical import HashedCategoricalColumn
from tfcompat.framework import dtypes
from tfcompat.ops.sparse_cross_ops import sparse_cross_hashed


def _leaf_keys(column) -> list:
    keys = []
    for key in column.keys:
        keys.extend(_leaf_keys(key) if isinstance(key, CrossedColumn) else [key])
    return keys


class CrossedColumn(CategoricalColumn, collections.namedtuple(
        "CrossedColumn", ("keys", "hash_bucket_size", "hash_key"))):
    """Ids from hashing every combination of one value of each key, per example."""

    @property
    def name(self) -> str:
        names = [key if isinstance(key, str) else key.name for key in self.keys]
        return "_X_".join(sorted(names))

    @property
    def parse_example_spec(self) -> dict:
        config = {}
        for key in self.keys:
            if isinstance(key, str):
                config[key] = tf.VarLenFeature(dtypes.string)
            else:
                config.update(key.parse_example_spec)
        return config

    @property
    def num_buckets(self) -> int:
        return self.hash_bucket_size

    def transform_feature(self, cache):
        inputs = []
        for key in _leaf_keys(self):
            if isinstance(key, str):
                inputs.append(cache.get(key))
                continue
            ids, weights = key.get_sparse_tensors(cache)
            if weights is not None:
                raise ValueError(f"crossed_column does not support weight_tensor, but the given "
                                 f"column populates weight_tensor. Given column: {key.name}")
            inputs.append(ids)
        return sparse_cross_hashed(inputs, num_buckets=self.hash_bucket_size,
                                   hash_key=self.hash_key)

    def get_sparse_tensors(self, cache, weight_collections=None, trainable=None):
        return IdWeightPair(cache.get(self), None)


def crossed_column(keys, hash_bucket_size, hash_key=None):
    """Crosses ``keys`` (feature names or categorical columns other than hash-bucket ones) into
    ``hash_bucket_size`` buckets with TF's fingerprint-based SparseCrossHashed."""
    if not hash_bucket_size or hash_bucket_size < 1:
        raise ValueError(f"hash_bucket_size must be > 1. hash_bucket_size: {hash_bucket_size}")
    if not keys or len(keys) < 2:
        raise ValueError(f"keys must be a list with length > 1. Given: {keys}")
    for key in keys:
        if not isinstance(key, (str, CategoricalColumn)):
            raise ValueError(f"Unsupported key type. All keys must be either string, or "
                             f"categorical column except HashedCategoricalColumn. Given: {key}")
        if isinstance(key, HashedCategoricalColumn):
            raise ValueError(f"categorical_column_with_hash_bucket is not supported for "
                             f"crossing. Hashing before crossing will increase probability of "
                             f"collision. Instead, use the feature name as a string. Given: "
                             f"{key}")
    return CrossedColumn(tuple(keys), hash_bucket_size, hash_key)
