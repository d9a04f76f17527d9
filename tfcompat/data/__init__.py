# ruff: noqa: F401
"""``tf.data`` (TF1 graph mode): datasets, iterators and file datasets."""

from tfcompat.data import experimental
from tfcompat.data.dataset_ops import (
    AUTOTUNE,
    INFINITE_CARDINALITY,
    UNKNOWN_CARDINALITY,
    Dataset,
)
from tfcompat.data.dataset_spec import DatasetSpec, NumpyIterator
from tfcompat.data.iterator_ops import (
    Iterator,
    make_initializable_iterator,
    make_one_shot_iterator,
)
from tfcompat.data.options import Options, ThreadingOptions
from tfcompat.data.readers import FixedLengthRecordDataset, TextLineDataset, TFRecordDataset
from tfcompat.platform.unsupported import make_getattr


def get_output_types(dataset_or_iterator):
    """The element types of a dataset or iterator (``tf.compat.v1.data.get_output_types``)."""
    return dataset_or_iterator.output_types


def get_output_shapes(dataset_or_iterator):
    return dataset_or_iterator.output_shapes


def get_output_classes(dataset_or_iterator):
    return dataset_or_iterator.output_classes


__getattr__ = make_getattr("tf.data", __name__)
