"""numeric_column, bucketized_column and sequence_numeric_column."""

from __future__ import annotations

import collections

import numpy as np

import tfcompat as tf
from tfcompat.feature_column.base import (
    CategoricalColumn,
    DenseColumn,
    IdWeightPair,
    check_key,
)
from tfcompat.framework import dtypes
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.bucketize_ops import bucketize


def _check_shape(shape, key: str) -> tuple:
    shape = tuple(shape) if isinstance(shape, (list, tuple)) else (shape,)
    for dim in shape:
        if not isinstance(dim, (int, np.integer)):
            raise TypeError(f"shape dimensions must be integer. shape: {shape}, key: {key}")
        if dim < 1:
            raise ValueError(f"shape dimensions must be greater than 0. shape: {shape}, "
                             f"key: {key}")
    return tuple(int(d) for d in shape)


def _is_compatible(value, dtype) -> bool:
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (int, float, np.integer, np.floating)):
        return False
    return not (dtype.is_integer and isinstance(value, (float, np.floating)))


def _nested_tuple(value):
    return tuple(_nested_tuple(v) for v in value) if isinstance(value, (list, tuple)) else value


def _check_default_value(shape: tuple, default_value, dtype, key: str):
    """default_value as a nested tuple of ``shape`` (a scalar fills the whole shape); values
    keep their Python type, as TF's."""
    if default_value is None:
        return None

    def incompatible(value):
        return TypeError(f"default_value must be compatible with dtype. default_value: {value}, "
                         f"dtype: {dtype}, key: {key}")

    if not isinstance(default_value, (list, tuple, np.ndarray)):
        if not _is_compatible(default_value, dtype):
            raise incompatible(default_value)
        return _nested_tuple(np.full(shape, default_value, dtype=object).tolist())
    nested = default_value.tolist() if isinstance(default_value, np.ndarray) else default_value
    if np.array(nested, dtype=object).shape != shape:
        raise ValueError(f"The shape of default_value must be equal to given shape. "
                         f"default_value: {default_value}, shape: {shape}, key: {key}")
    for value in np.array(nested, dtype=object).ravel():
        if not _is_compatible(value, dtype):
            raise incompatible(default_value)
    return _nested_tuple(nested)


class NumericColumn(DenseColumn, collections.namedtuple(
        "NumericColumn", ("key", "shape", "default_value", "dtype", "normalizer_fn"))):
    """A dense float feature of fixed ``shape`` per example."""

    @property
    def name(self) -> str:
        return self.key

    @property
    def parse_example_spec(self) -> dict:
        return {self.key: tf.FixedLenFeature(self.shape, self.dtype, self.default_value)}

    def transform_feature(self, cache):
        value = cache.get(self.key)
        if isinstance(value, SparseTensor):
            raise ValueError(f"The corresponding Tensor of numerical column must be a Tensor. "
                             f"SparseTensor is not supported. key: {self.key}")
        if self.normalizer_fn is not None:
            value = self.normalizer_fn(value)
        return tf.cast(value, dtypes.float32)

    @property
    def variable_shape(self) -> TensorShape:
        return TensorShape(self.shape)

    def get_dense_tensor(self, cache, weight_collections=None, trainable=None):
        return cache.get(self)


def numeric_column(key, shape=(1,), default_value=None, dtype=dtypes.float32,
                   normalizer_fn=None):
    """A column for a dense numeric feature of ``shape`` per example; ``normalizer_fn`` is
    applied to the parsed value before it is cast to float32."""
    check_key(key)
    shape = _check_shape(shape, key)
    dtype = dtypes.as_dtype(dtype)
    if not (dtype.is_integer or dtype.is_floating):
        raise ValueError(f"dtype must be convertible to float. dtype: {dtype}, key: {key}")
    default_value = _check_default_value(shape, default_value, dtype, key)
    if normalizer_fn is not None and not callable(normalizer_fn):
        raise TypeError(f"normalizer_fn must be a callable. Given: {normalizer_fn}")
    return NumericColumn(key, shape, default_value, dtype, normalizer_fn)


class BucketizedColumn(DenseColumn, CategoricalColumn, collections.namedtuple(
        "BucketizedColumn", ("source_column", "boundaries"))):
    """A numeric column discretised by ``boundaries``: dense as one-hot, sparse as ids."""

    @property
    def name(self) -> str:
        return f"{self.source_column.name}_bucketized"

    @property
    def parse_example_spec(self) -> dict:
        return self.source_column.parse_example_spec

    def transform_feature(self, cache):
        """Bucket index per value: how many boundaries are <= it (int32)."""
        return bucketize(cache.get(self.source_column), self.boundaries)

    @property
    def variable_shape(self) -> TensorShape:
        return TensorShape(tuple(self.source_column.shape) + (len(self.boundaries) + 1,))

    @property
    def num_buckets(self) -> int:
        return int(np.prod(self.source_column.shape)) * (len(self.boundaries) + 1)

    def get_dense_tensor(self, cache, weight_collections=None, trainable=None):
        return tf.one_hot(tf.cast(cache.get(self), dtypes.int64),
                          depth=len(self.boundaries) + 1, on_value=1.0, off_value=0.0)

    def get_sparse_tensors(self, cache, weight_collections=None, trainable=None):
        """Id of element j of an example: its bucket + j * (len(boundaries) + 1)."""
        buckets = cache.get(self)
        batch_size = tf.shape(buckets)[0]
        width = int(np.prod(self.source_column.shape))
        flat = tf.reshape(buckets, [-1, width])
        rows = tf.reshape(tf.tile(tf.expand_dims(tf.range(0, batch_size), 1), [1, width]), [-1])
        cols = tf.tile(tf.range(0, width), [batch_size])
        ids = tf.reshape(flat, [-1]) + (len(self.boundaries) + 1) * cols
        indices = tf.cast(tf.transpose(tf.stack([rows, cols])), dtypes.int64)
        dense_shape = tf.cast(tf.stack([batch_size, width]), dtypes.int64)
        return IdWeightPair(SparseTensor(indices, tf.cast(ids, dtypes.int64), dense_shape), None)


def bucketized_column(source_column, boundaries):
    """Discretises ``source_column`` (a numeric_column) by sorted ``boundaries``: bucket i holds
    values in [boundaries[i-1], boundaries[i])."""
    if not isinstance(source_column, NumericColumn):
        raise ValueError(f"source_column must be a column generated with numeric_column(). "
                         f"Given: {source_column}")
    if len(source_column.shape) > 1:
        raise ValueError(f"source_column must be one-dimensional column. Given: {source_column}")
    if not boundaries:
        raise ValueError("boundaries must not be empty.")
    if not isinstance(boundaries, (list, tuple)):
        raise ValueError("boundaries must be a sorted list.")
    if any(boundaries[i] >= boundaries[i + 1] for i in range(len(boundaries) - 1)):
        raise ValueError("boundaries must be a sorted list.")
    return BucketizedColumn(source_column, tuple(float(b) for b in boundaries))


class SequenceNumericColumn(collections.namedtuple(
        "SequenceNumericColumn", ("key", "shape", "default_value", "dtype", "normalizer_fn"))):
    """A numeric sequence feature (for TF2's SequenceFeatures; not a TF1 _FeatureColumn)."""

    @property
    def name(self) -> str:
        return self.key

    @property
    def parse_example_spec(self) -> dict:
        return {self.key: tf.VarLenFeature(self.dtype)}


def sequence_numeric_column(key, shape=(1,), default_value=0.0, dtype=dtypes.float32,
                            normalizer_fn=None):
    """A column for a variable-length sequence of numeric values of ``shape`` each."""
    shape = _check_shape(shape, key)
    dtype = dtypes.as_dtype(dtype)
    if not (dtype.is_integer or dtype.is_floating):
        raise ValueError(f"dtype must be convertible to float. dtype: {dtype}, key: {key}")
    if normalizer_fn is not None and not callable(normalizer_fn):
        raise TypeError(f"normalizer_fn must be a callable. Given: {normalizer_fn}")
    return SequenceNumericColumn(key, shape, default_value, dtype, normalizer_fn)
