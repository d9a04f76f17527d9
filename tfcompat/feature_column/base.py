"""Feature-column foundations: column base classes, the per-call transformation cache and the
helpers that turn raw feature values into (sparse) tensors."""

from __future__ import annotations

# feature columns sit at the public-namespace level: they compose public ops only.
import tfcompat as tf
from tfcompat.framework import dtypes, ops
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_shape import TensorShape


class FeatureColumn:
    """A TF1 ``_FeatureColumn``: names a feature, says how to parse it
    (``parse_example_spec``) and how to transform the raw value (``transform_feature``)."""

    @property
    def name(self) -> str:
        raise NotImplementedError

    @property
    def _var_scope_name(self) -> str:
        return self.name

    @property
    def parse_example_spec(self) -> dict:
        raise NotImplementedError

    @property
    def _parse_example_spec(self) -> dict:
        return self.parse_example_spec

    def transform_feature(self, cache: TransformationCache):
        raise NotImplementedError

    def _transform_feature(self, cache: TransformationCache):
        return self.transform_feature(cache)


class DenseColumn(FeatureColumn):
    """A column producing a dense float tensor ``[batch, *variable_shape]``."""

    @property
    def variable_shape(self) -> TensorShape:
        raise NotImplementedError

    def get_dense_tensor(self, cache: TransformationCache, weight_collections=None,
                         trainable=True):
        raise NotImplementedError

    @property
    def _variable_shape(self) -> TensorShape:
        return self.variable_shape

    def _get_dense_tensor(self, cache: TransformationCache, weight_collections=None,
                          trainable=True):
        return self.get_dense_tensor(cache, weight_collections, trainable)


class IdWeightPair(tuple):
    """(id_tensor, weight_tensor) of a categorical column; weight_tensor may be None."""

    def __new__(cls, id_tensor, weight_tensor):
        return super().__new__(cls, (id_tensor, weight_tensor))

    @property
    def id_tensor(self):
        return self[0]

    @property
    def weight_tensor(self):
        return self[1]


class CategoricalColumn(FeatureColumn):
    """A column producing sparse int64 ids in ``[0, num_buckets)``."""

    @property
    def num_buckets(self) -> int:
        raise NotImplementedError

    @property
    def _num_buckets(self) -> int:
        return self.num_buckets

    def _get_sparse_tensors(self, cache: TransformationCache, weight_collections=None,
                            trainable=None) -> IdWeightPair:
        return self.get_sparse_tensors(cache, weight_collections, trainable)

    def get_sparse_tensors(self, cache: TransformationCache, weight_collections=None,
                           trainable=None) -> IdWeightPair:
        return IdWeightPair(cache.get(self), None)


def check_key(key) -> None:
    if not isinstance(key, str):
        raise ValueError(f"key must be a string. Got: type {type(key)}. Given key: {key}.")


def _raw_feature(features: dict, key: str):
    """features[key] as a Tensor or SparseTensor of rank >= 2 (rank 1 gains a last dim)."""
    if key not in features:
        raise ValueError(f"Feature {key} is not in features dictionary.")
    value = features[key]
    if isinstance(value, SparseTensor):
        rank = value.dense_shape.shape[0] if value.dense_shape.shape.rank else None
        rank = getattr(rank, "value", rank)
        if rank == 1:
            return tf.sparse_reshape(value, [-1, 1])
        return value
    tensor = ops.convert_to_tensor(value)
    rank = tensor.shape.rank
    if rank == 0:
        raise ValueError(f"Feature (key: {key}) cannot have rank 0. Given: {tensor}")
    if rank == 1:
        return tf.expand_dims(tensor, -1)
    return tensor


class TransformationCache:
    """Caches, per call of input_layer / linear_model, the transformed tensor of each raw key
    and each column, so shared sub-columns (and their lookup tables) are built once."""

    def __init__(self, features: dict):
        self._features = dict(features)
        self._cache: dict = {}

    def get(self, key):
        if key in self._cache:
            return self._cache[key]
        if isinstance(key, str):
            value = _raw_feature(self._features, key)
        elif isinstance(key, FeatureColumn):
            value = key.transform_feature(self)
        else:
            raise TypeError(f"Feature column key must be a string or FeatureColumn, got {key}")
        self._cache[key] = value
        return value


def to_sparse_input(value, ignore_value=None) -> SparseTensor:
    """A SparseTensor of ``value`` without its ``ignore_value`` entries ('' for strings, -1 for
    integers by default); SparseTensors pass through."""
    if isinstance(value, SparseTensor):
        return value
    with ops.name_scope(None, "to_sparse_input", [value]):
        tensor = ops.convert_to_tensor(value)
        if ignore_value is None:
            if tensor.dtype == dtypes.string:
                ignore_value = ""
            elif tensor.dtype.is_integer:
                ignore_value = -1
            else:
                ignore_value = tensor.dtype.as_numpy_dtype()
        ignore = tf.cast(ignore_value, tensor.dtype, name="ignore_value")
        indices = tf.where(tf.not_equal(tensor, ignore), name="indices")
        return SparseTensor(indices, tf.gather_nd(tensor, indices, name="values"),
                            tf.shape(tensor, out_type=dtypes.int64, name="dense_shape"))


def is_string_or_int(dtype) -> bool:
    return dtype == dtypes.string or dtype.is_integer
