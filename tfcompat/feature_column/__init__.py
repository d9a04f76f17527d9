# ruff: noqa: F401
"""``tf.feature_column`` (TF1 API): feature columns, input_layer and linear_model."""

from tfcompat.feature_column.categorical import (
    categorical_column_with_hash_bucket,
    categorical_column_with_identity,
    categorical_column_with_vocabulary_file,
    categorical_column_with_vocabulary_list,
    sequence_categorical_column_with_hash_bucket,
    sequence_categorical_column_with_identity,
    sequence_categorical_column_with_vocabulary_file,
    sequence_categorical_column_with_vocabulary_list,
    weighted_categorical_column,
)
from tfcompat.feature_column.crossed import crossed_column
from tfcompat.feature_column.dense import (
    embedding_column,
    indicator_column,
    shared_embedding_columns,
)
from tfcompat.feature_column.layers import input_layer, linear_model, make_parse_example_spec
from tfcompat.feature_column.numeric import (
    bucketized_column,
    numeric_column,
    sequence_numeric_column,
)
from tfcompat.platform.unsupported import make_getattr as _make_getattr

__getattr__ = _make_getattr("tf.feature_column", __name__)
