"""TF1's input_layer, linear_model and make_parse_example_spec."""

from __future__ import annotations

import weakref
from collections import Counter

import tfcompat as tf
from tfcompat.feature_column.base import (
    CategoricalColumn,
    DenseColumn,
    FeatureColumn,
    TransformationCache,
)
from tfcompat.feature_column.embedding_lookup import safe_embedding_lookup_sparse
from tfcompat.framework import ops


def make_parse_example_spec(feature_columns) -> dict:
    """The tf.io.parse_example spec (key -> FixedLenFeature / VarLenFeature) of the columns."""
    result: dict = {}
    for column in feature_columns:
        if not isinstance(column, FeatureColumn):
            raise ValueError(f"All feature_columns must be _FeatureColumn instances. Given: "
                             f"{column}")
        for key, value in column.parse_example_spec.items():
            if key in result and value != result[key]:
                raise ValueError(f"feature_columns contain different parse_spec for key {key}. "
                                 f"Given {value} and {result[key]}")
        result.update(column.parse_example_spec)
    return result


def _normalize_feature_columns(feature_columns) -> list:
    if isinstance(feature_columns, FeatureColumn):
        feature_columns = [feature_columns]
    feature_columns = list(feature_columns)
    if not feature_columns:
        raise ValueError("feature_columns must not be empty.")
    by_name: dict = {}
    for column in feature_columns:
        if not isinstance(column, FeatureColumn):
            raise ValueError(f"Items of feature_columns must be a _FeatureColumn. Given (type "
                             f"{type(column)}): {column}.")
        if column.name in by_name:
            raise ValueError(
                f"Duplicate feature column name found for columns: {by_name[column.name]} and "
                f"{column}. This usually means that these columns refer to same base feature. "
                f"Either one must be discarded or a duplicated but renamed item must be "
                f"inserted in features dict.")
        by_name[column.name] = column
    return feature_columns


def _verify_static_batch_size_equality(tensors, columns) -> None:
    expected = None
    for tensor, column in zip(tensors, columns):
        size = tensor.shape[0] if tensor.shape.rank else None
        size = getattr(size, "value", size)
        if size is None:
            continue
        if expected is None:
            expected = (size, column)
        elif size != expected[0]:
            raise ValueError(f"Batch size (first dimension) of each feature must be same. Batch "
                             f"size of columns ({expected[1].name}, {column.name}): "
                             f"({expected[0]}, {size})")


def _concat(tensors, axis: int):
    if len(tensors) == 1:
        # TF's concat of a single tensor is an Identity named "concat" in scope "concat".
        with tf.name_scope("concat") as scope:
            tf.constant(axis, dtype="int32", name="concat_dim")
            return tf.identity(tensors[0], name=scope.rstrip("/").split("/")[-1])
    return tf.concat(tensors, axis)


def _weight_collections(weight_collections) -> list:
    collections = list(weight_collections or [])
    for key in (ops.GraphKeys.GLOBAL_VARIABLES, ops.GraphKeys.MODEL_VARIABLES):
        if key not in collections:
            collections.append(key)
    return collections


def input_layer(features, feature_columns, weight_collections=None, trainable=True,
                cols_to_vars=None, cols_to_output_tensors=None):
    """A dense [batch, sum of column widths] tensor: each dense column's value flattened per
    example, columns in order of their names, concatenated along axis 1."""
    feature_columns = _normalize_feature_columns(feature_columns)
    for column in feature_columns:
        if not isinstance(column, DenseColumn):
            raise ValueError(f"Items of feature_columns must be a _DenseColumn. You can wrap a "
                             f"categorical column with an embedding_column or indicator_column. "
                             f"Given: {column}")
    weight_collections = _weight_collections(weight_collections)
    with tf.variable_scope(None, default_name="input_layer", values=list(features.values())):
        cache = TransformationCache(features)
        outputs, ordered = [], []
        for column in sorted(feature_columns, key=lambda c: c.name):
            ordered.append(column)
            with tf.variable_scope(None, default_name=column._var_scope_name):
                tensor = column.get_dense_tensor(cache, weight_collections, trainable)
                width = column.variable_shape.num_elements()
                batch_size = tf.shape(tensor)[0]
                output = tf.reshape(tensor, shape=(batch_size, width))
                outputs.append(output)
                if cols_to_vars is not None:
                    cols_to_vars[column] = tf.get_collection(
                        ops.GraphKeys.GLOBAL_VARIABLES, scope=tf.get_variable_scope().name)
                if cols_to_output_tensors is not None:
                    cols_to_output_tensors[column] = output
        _verify_static_batch_size_equality(outputs, ordered)
        return _concat(outputs, 1)


_LAYER_NAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _unique_layer_name(name: str) -> str:
    """Keras-style per-graph unique names ("a", "a_1", ...) used for linear_model's column
    scopes."""
    counts = _LAYER_NAMES.setdefault(ops.get_default_graph(), Counter())
    count = counts[name]
    counts[name] += 1
    return name if count == 0 else f"{name}_{count}"


def _categorical_weighted_sum(column, cache, weight, sparse_combiner: str):
    ids, weights = column.get_sparse_tensors(cache)
    ids = tf.sparse_reshape(ids, tf.stack([ids.dense_shape[0], -1]))
    if weights is not None:
        weights = tf.sparse_reshape(weights, tf.stack([weights.dense_shape[0], -1]))
    return safe_embedding_lookup_sparse(weight, ids, weights, combiner=sparse_combiner,
                                        name="weighted_sum")


def linear_model(features, feature_columns, units=1, sparse_combiner="sum",
                 weight_collections=None, trainable=True, cols_to_vars=None):
    """A [batch, units] linear prediction: one zero-initialised ``<scope>/<column>/weights``
    per column ([width or num_buckets, units]) plus ``<scope>/bias_weights`` [units].
    Categorical columns' weights are combined per example by ``sparse_combiner``."""
    feature_columns = _normalize_feature_columns(feature_columns)
    for column in feature_columns:
        if not isinstance(column, (DenseColumn, CategoricalColumn)):
            raise ValueError(f"Items of feature_columns must be either a _DenseColumn or "
                             f"_CategoricalColumn. Given: {column}")
    with tf.variable_scope(None, default_name="linear_model") as scope:
        model_name = scope.name
    collections = _weight_collections(weight_collections)
    variables: dict = {}
    with tf.name_scope(model_name), tf.name_scope(model_name.split("/")[-1]):
        cache = TransformationCache(features)
        sums, ordered = [], []
        for column in sorted(feature_columns, key=lambda c: c.name):
            ordered.append(column)
            scope_name = _unique_layer_name(column.name)
            categorical = isinstance(column, CategoricalColumn)
            if categorical:
                rows = column.num_buckets
            else:
                rows = column.variable_shape.num_elements()
            known = set(tf.get_collection(ops.GraphKeys.GLOBAL_VARIABLES))
            with tf.variable_scope(model_name, auxiliary_name_scope=False), \
                    tf.variable_scope(scope_name, auxiliary_name_scope=False), \
                    tf.name_scope(scope_name):
                weight = tf.get_variable("weights", shape=[rows, units],
                                         initializer=tf.zeros_initializer(),
                                         trainable=trainable, collections=collections)
                if categorical:
                    sums.append(_categorical_weighted_sum(column, cache, weight, sparse_combiner))
                else:
                    tensor = column.get_dense_tensor(cache, collections, trainable)
                    batch_size = tf.shape(tensor)[0]
                    tensor = tf.reshape(tensor, shape=(batch_size, rows))
                    sums.append(tf.matmul(tensor, weight, name="weighted_sum"))
            variables[column] = [v for v in tf.get_collection(ops.GraphKeys.GLOBAL_VARIABLES)
                                 if v not in known]
        _verify_static_batch_size_equality(sums, ordered)
        no_bias = tf.add_n(sums, name="weighted_sum_no_bias")
        with tf.variable_scope(model_name, auxiliary_name_scope=False):
            bias = tf.get_variable("bias_weights", shape=[units],
                                   initializer=tf.zeros_initializer(), trainable=trainable,
                                   collections=collections)
        variables["bias"] = [bias]
        result = tf.nn.bias_add(no_bias, bias, name="weighted_sum")
    if cols_to_vars is not None:
        cols_to_vars.update(variables)
    return result
