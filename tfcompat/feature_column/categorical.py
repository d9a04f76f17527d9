"""Categorical columns: hash bucket, vocabulary list / file, identity, weighted and their
sequence_* variants."""

from __future__ import annotations

import collections

import numpy as np

import tfcompat as tf
from tfcompat.feature_column.base import (
    CategoricalColumn,
    IdWeightPair,
    check_key,
    is_string_or_int,
    to_sparse_input,
)
from tfcompat.framework import dtypes
from tfcompat.framework.sparse_tensor import SparseTensor


def _check_input_dtype(tensor, key: str) -> None:
    if not is_string_or_int(tensor.dtype):
        raise ValueError(f"column_name: {key} input_tensor dtype must be string or integer. "
                         f"dtype: {tensor.dtype}.")


class HashedCategoricalColumn(CategoricalColumn, collections.namedtuple(
        "HashedCategoricalColumn", ("key", "hash_bucket_size", "dtype"))):
    """Ids from TF's fingerprint hash of the (string form of the) feature values."""

    @property
    def name(self) -> str:
        return self.key

    @property
    def parse_example_spec(self) -> dict:
        return {self.key: tf.VarLenFeature(self.dtype)}

    @property
    def num_buckets(self) -> int:
        return self.hash_bucket_size

    def transform_feature(self, cache):
        sparse = to_sparse_input(cache.get(self.key))
        _check_input_dtype(sparse, self.key)
        if self.dtype.is_integer != sparse.dtype.is_integer:
            raise ValueError(f"Column dtype and SparseTensors dtype must be compatible. "
                             f"key: {self.key}, column dtype: {self.dtype}, "
                             f"tensor dtype: {sparse.dtype}")
        text = sparse.values if sparse.dtype == dtypes.string else tf.as_string(sparse.values)
        ids = tf.string_to_hash_bucket_fast(text, self.hash_bucket_size, name="lookup")
        return SparseTensor(sparse.indices, ids, sparse.dense_shape)


def categorical_column_with_hash_bucket(key, hash_bucket_size, dtype=dtypes.string):
    """Ids ``Fingerprint64(value) % hash_bucket_size`` (integers hash their decimal text)."""
    check_key(key)
    if hash_bucket_size is None:
        raise ValueError(f"hash_bucket_size must be set. key: {key}")
    if hash_bucket_size < 1:
        raise ValueError(f"hash_bucket_size must be at least 1. hash_bucket_size: "
                         f"{hash_bucket_size}, key: {key}")
    dtype = dtypes.as_dtype(dtype)
    if not is_string_or_int(dtype):
        raise ValueError(f"column_name: {key} dtype must be string or integer. dtype: {dtype}.")
    return HashedCategoricalColumn(key, hash_bucket_size, dtype)


def _lookup_ids(key: str, column_dtype, sparse: SparseTensor, make_table) -> SparseTensor:
    _check_input_dtype(sparse, key)
    if column_dtype.is_integer != sparse.dtype.is_integer:
        raise ValueError(f"Column dtype and SparseTensors dtype must be compatible. key: {key}, "
                         f"column dtype: {column_dtype}, tensor dtype: {sparse.dtype}")
    if column_dtype.is_integer and sparse.dtype != dtypes.int64:
        sparse = SparseTensor(sparse.indices, tf.cast(sparse.values, dtypes.int64),
                              sparse.dense_shape)
    with tf.name_scope(f"{key}_lookup"):
        return make_table().lookup(sparse)


class VocabularyListCategoricalColumn(CategoricalColumn, collections.namedtuple(
        "VocabularyListCategoricalColumn",
        ("key", "vocabulary_list", "dtype", "default_value", "num_oov_buckets"))):
    """Ids from positions in an in-memory vocabulary; unknown values hash into
    ``num_oov_buckets`` extra ids or map to ``default_value``."""

    @property
    def name(self) -> str:
        return self.key

    @property
    def parse_example_spec(self) -> dict:
        return {self.key: tf.VarLenFeature(self.dtype)}

    @property
    def num_buckets(self) -> int:
        return len(self.vocabulary_list) + self.num_oov_buckets

    def _make_table(self):
        key_dtype = dtypes.int64 if self.dtype.is_integer else self.dtype
        init = tf.lookup.KeyValueTensorInitializer(
            tf.constant(list(self.vocabulary_list), dtype=key_dtype),
            tf.range(len(self.vocabulary_list), dtype=dtypes.int64))
        if self.num_oov_buckets:
            return tf.lookup.StaticVocabularyTable(init, self.num_oov_buckets)
        return tf.lookup.StaticHashTable(init, self.default_value)

    def transform_feature(self, cache):
        sparse = to_sparse_input(cache.get(self.key))
        return _lookup_ids(self.key, self.dtype, sparse, self._make_table)


def categorical_column_with_vocabulary_list(key, vocabulary_list, dtype=None, default_value=-1,
                                            num_oov_buckets=0):
    """Ids of ``vocabulary_list`` entries by position (strings or integers)."""
    check_key(key)
    if vocabulary_list is None or len(vocabulary_list) < 1:
        raise ValueError(f"vocabulary_list {vocabulary_list} must be non-empty, column_name: "
                         f"{key}")
    if len(set(vocabulary_list)) != len(vocabulary_list):
        raise ValueError(f"Duplicate keys in vocabulary_list {vocabulary_list}, column_name: "
                         f"{key}")
    vocabulary_dtype = dtypes.as_dtype(np.array(vocabulary_list).dtype) \
        if not isinstance(vocabulary_list[0], (str, bytes)) else dtypes.string
    if not is_string_or_int(vocabulary_dtype):
        raise ValueError(f"column_name: {key} vocabulary dtype must be string or integer. "
                         f"dtype: {vocabulary_dtype}.")
    if num_oov_buckets:
        if default_value != -1:
            raise ValueError(f"Can't specify both num_oov_buckets and default_value in {key}.")
        if num_oov_buckets < 0:
            raise ValueError(f"Invalid num_oov_buckets {num_oov_buckets} in {key}.")
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
        if dtype.is_integer != vocabulary_dtype.is_integer:
            raise ValueError(f"dtype {dtype} and vocabulary dtype {vocabulary_dtype} do not "
                             f"match, column_name: {key}")
    else:
        dtype = vocabulary_dtype
    if not is_string_or_int(dtype):
        raise ValueError(f"column_name: {key} dtype must be string or integer. dtype: {dtype}.")
    return VocabularyListCategoricalColumn(key, tuple(vocabulary_list), dtype, default_value,
                                           num_oov_buckets)


class VocabularyFileCategoricalColumn(CategoricalColumn, collections.namedtuple(
        "VocabularyFileCategoricalColumn",
        ("key", "vocabulary_file", "vocabulary_size", "num_oov_buckets", "dtype",
         "default_value", "file_format"))):
    """Ids from line numbers of a vocabulary file (one entry per line)."""

    @property
    def name(self) -> str:
        return self.key

    @property
    def parse_example_spec(self) -> dict:
        return {self.key: tf.VarLenFeature(self.dtype)}

    @property
    def num_buckets(self) -> int:
        return self.vocabulary_size + self.num_oov_buckets

    def _make_table(self):
        key_dtype = dtypes.int64 if self.dtype.is_integer else self.dtype
        init = tf.lookup.TextFileInitializer(
            self.vocabulary_file, key_dtype, tf.lookup.TextFileIndex.WHOLE_LINE, dtypes.int64,
            tf.lookup.TextFileIndex.LINE_NUMBER, vocab_size=self.vocabulary_size)
        if self.num_oov_buckets:
            return tf.lookup.StaticVocabularyTable(init, self.num_oov_buckets)
        return tf.lookup.StaticHashTable(init, self.default_value)

    def transform_feature(self, cache):
        sparse = to_sparse_input(cache.get(self.key))
        return _lookup_ids(self.key, self.dtype, sparse, self._make_table)


def categorical_column_with_vocabulary_file(key, vocabulary_file, vocabulary_size=None,
                                            num_oov_buckets=0, default_value=None,
                                            dtype=dtypes.string):
    """Ids of the lines of ``vocabulary_file`` (the first ``vocabulary_size`` lines)."""
    check_key(key)
    if not vocabulary_file:
        raise ValueError(f"Missing vocabulary_file in {key}.")
    if vocabulary_size is None:
        with open(vocabulary_file, "rb") as handle:
            vocabulary_size = sum(1 for _ in handle)
    if vocabulary_size < 1:
        raise ValueError(f"Invalid vocabulary_size in {key}.")
    if num_oov_buckets:
        if default_value is not None:
            raise ValueError(f"Can't specify both num_oov_buckets and default_value in {key}.")
        if num_oov_buckets < 0:
            raise ValueError(f"Invalid num_oov_buckets {num_oov_buckets} in {key}.")
    dtype = dtypes.as_dtype(dtype)
    if not is_string_or_int(dtype):
        raise ValueError(f"column_name: {key} dtype must be string or integer. dtype: {dtype}.")
    return VocabularyFileCategoricalColumn(
        key, vocabulary_file, vocabulary_size, 0 if num_oov_buckets is None else num_oov_buckets,
        dtype, -1 if default_value is None else default_value, None)


class IdentityCategoricalColumn(CategoricalColumn, collections.namedtuple(
        "IdentityCategoricalColumn", ("key", "number_buckets", "default_value"))):
    """Integer feature values used directly as ids."""

    @property
    def name(self) -> str:
        return self.key

    @property
    def parse_example_spec(self) -> dict:
        return {self.key: tf.VarLenFeature(dtypes.int64)}

    @property
    def num_buckets(self) -> int:
        return self.number_buckets

    def transform_feature(self, cache):
        sparse = to_sparse_input(cache.get(self.key))
        if not sparse.dtype.is_integer:
            raise ValueError(f"Invalid input, not integer. key: {self.key} dtype: {sparse.dtype}")
        values = tf.cast(sparse.values, dtypes.int64, name="values")
        if self.default_value is not None:
            out_of_range = tf.logical_or(tf.less(values, 0),
                                         tf.greater_equal(values, self.number_buckets))
            values = tf.where(out_of_range,
                              tf.fill(tf.shape(values), tf.constant(self.default_value,
                                                                    dtypes.int64)), values)
        return SparseTensor(sparse.indices, values, sparse.dense_shape)


def categorical_column_with_identity(key, num_buckets, default_value=None):
    """Ids equal to the integer feature values, in ``[0, num_buckets)``; values outside map to
    ``default_value`` when it is given."""
    check_key(key)
    if num_buckets < 1:
        raise ValueError(f"num_buckets {num_buckets} < 1, column_name {key}")
    if default_value is not None and (default_value < 0 or default_value >= num_buckets):
        raise ValueError(f"default_value {default_value} not in range [0, {num_buckets}), "
                         f"column_name {key}")
    return IdentityCategoricalColumn(key, num_buckets, default_value)


class WeightedCategoricalColumn(CategoricalColumn, collections.namedtuple(
        "WeightedCategoricalColumn", ("categorical_column", "weight_feature_key", "dtype"))):
    """A categorical column whose ids carry weights from another feature."""

    @property
    def name(self) -> str:
        return f"{self.categorical_column.name}_weighted_by_{self.weight_feature_key}"

    @property
    def parse_example_spec(self) -> dict:
        config = dict(self.categorical_column.parse_example_spec)
        if self.weight_feature_key in config:
            raise ValueError(f"Parse config {config[self.weight_feature_key]} already exists "
                             f"for {self.weight_feature_key}.")
        config[self.weight_feature_key] = tf.VarLenFeature(self.dtype)
        return config

    @property
    def num_buckets(self) -> int:
        return self.categorical_column.num_buckets

    def transform_feature(self, cache):
        weights = cache.get(self.weight_feature_key)
        if weights.dtype.base_dtype != self.dtype:
            raise ValueError(f"Bad dtype, expected {self.dtype}, but got {weights.dtype}.")
        if not isinstance(weights, SparseTensor):
            weights = to_sparse_input(weights, ignore_value=0.0)
        if not weights.dtype.is_floating:
            weights = SparseTensor(weights.indices, tf.cast(weights.values, dtypes.float32),
                                   weights.dense_shape)
        return IdWeightPair(cache.get(self.categorical_column), weights)

    def get_sparse_tensors(self, cache, weight_collections=None, trainable=None):
        return cache.get(self)


def weighted_categorical_column(categorical_column, weight_feature_key, dtype=dtypes.float32):
    """Pairs each id of ``categorical_column`` with the value at the same position of feature
    ``weight_feature_key``."""
    dtype = dtypes.as_dtype(dtype)
    if dtype is None or not (dtype.is_integer or dtype.is_floating):
        raise ValueError(f"dtype {dtype} is not convertible to float.")
    return WeightedCategoricalColumn(categorical_column, weight_feature_key, dtype)


class SequenceCategoricalColumn(CategoricalColumn, collections.namedtuple(
        "SequenceCategoricalColumn", ("categorical_column",))):
    """A categorical column over a sequence (for TF2's SequenceFeatures)."""

    @property
    def name(self) -> str:
        return self.categorical_column.name

    @property
    def parse_example_spec(self) -> dict:
        return self.categorical_column.parse_example_spec

    @property
    def num_buckets(self) -> int:
        return self.categorical_column.num_buckets

    def transform_feature(self, cache):
        return self.categorical_column.transform_feature(cache)


def sequence_categorical_column_with_identity(key, num_buckets, default_value=None):
    """A sequence of integer ids (see categorical_column_with_identity)."""
    return SequenceCategoricalColumn(
        categorical_column_with_identity(key, num_buckets, default_value))


def sequence_categorical_column_with_hash_bucket(key, hash_bucket_size, dtype=dtypes.string):
    """A sequence of hashed ids (see categorical_column_with_hash_bucket)."""
    return SequenceCategoricalColumn(
        categorical_column_with_hash_bucket(key, hash_bucket_size, dtype))


def sequence_categorical_column_with_vocabulary_list(key, vocabulary_list, dtype=None,
                                                     default_value=-1, num_oov_buckets=0):
    """A sequence of vocabulary ids (see categorical_column_with_vocabulary_list)."""
    return SequenceCategoricalColumn(categorical_column_with_vocabulary_list(
        key, vocabulary_list, dtype, default_value, num_oov_buckets))


def sequence_categorical_column_with_vocabulary_file(key, vocabulary_file, vocabulary_size=None,
                                                     num_oov_buckets=0, default_value=None,
                                                     dtype=dtypes.string):
    """A sequence of vocabulary-file ids (see categorical_column_with_vocabulary_file)."""
    return SequenceCategoricalColumn(categorical_column_with_vocabulary_file(
        key, vocabulary_file, vocabulary_size, num_oov_buckets, default_value, dtype))
