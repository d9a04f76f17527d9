# ruff: noqa: F401
"""``tf.data.experimental``: the transformations TF1 code uses most."""

import numpy as np

from tfcompat.data.csv_dataset import make_csv_dataset
from tfcompat.data.dataset_ops import (
    AUTOTUNE,
    INFINITE_CARDINALITY,
    UNKNOWN_CARDINALITY,
    Dataset,
    choose_from_datasets,
)
from tfcompat.data.element_specs import (
    DatasetStructure,
    OptionalStructure,
    SparseTensorStructure,
    Structure,
    TensorArrayStructure,
    TensorStructure,
    from_variant,
    get_structure,
)
from tfcompat.data.experimental_ops import (
    RandomDataset,
    assert_cardinality,
    cardinality,
    copy_to_device,
    dense_to_sparse_batch,
    enable_debug_mode,
    from_list,
    make_batched_features_dataset,
    pad_to_cardinality,
    parse_example_dataset,
    prefetch_to_device,
    sample_from_datasets,
    snapshot,
    to_variant,
)
from tfcompat.data.grouping import (
    Reducer,
    bucket_by_sequence_length,
    group_by_reducer,
    group_by_window,
)
from tfcompat.data.iterator_ops import get_single_element
from tfcompat.data.lookup_datasets import (
    DatasetInitializer,
    index_table_from_dataset,
    table_from_dataset,
)
from tfcompat.data.optional import Optional, get_next_as_optional
from tfcompat.data.options import (
    AutoShardPolicy,
    AutotuneAlgorithm,
    AutotuneOptions,
    DistributeOptions,
    ExternalStatePolicy,
    OptimizationOptions,
    ThreadingOptions,
)
from tfcompat.data.readers import CsvDataset
from tfcompat.data.readers import DatasetTFRecordWriter as TFRecordWriter
from tfcompat.data.sql import SqlDataset
from tfcompat.framework import dtypes
from tfcompat.platform.unsupported import make_getattr

SHARD_HINT = -1  # a placeholder shard count the auto-sharding rewrite would fill in


def map_and_batch(map_func, batch_size, num_parallel_batches=None, drop_remainder=False,
                  num_parallel_calls=None):
    """``dataset.map(map_func).batch(batch_size, drop_remainder)`` as one transformation."""
    return lambda dataset: dataset.map(map_func).batch(batch_size, drop_remainder)


def map_and_batch_with_legacy_function(map_func, batch_size, num_parallel_batches=None,
                                       drop_remainder=False, num_parallel_calls=None):
    """``map_and_batch`` (TF1 functions are always traced the legacy way here)."""
    return map_and_batch(map_func, batch_size, num_parallel_batches, drop_remainder,
                         num_parallel_calls)


def shuffle_and_repeat(buffer_size, count=None, seed=None):
    """``dataset.shuffle(buffer_size, seed).repeat(count)`` as one transformation."""
    return lambda dataset: dataset.shuffle(buffer_size, seed=seed).repeat(count)


def parallel_interleave(map_func, cycle_length, block_length=1, sloppy=False,
                        buffer_output_elements=None, prefetch_input_elements=None):
    """``dataset.interleave(map_func, cycle_length, block_length)`` (elements in TF's
    deterministic order; ``sloppy`` is accepted)."""
    return lambda dataset: dataset.interleave(map_func, cycle_length, block_length)


def ignore_errors(log_warning=False):
    return lambda dataset: dataset.ignore_errors(log_warning)


def take_while(predicate):
    return lambda dataset: dataset.take_while(predicate)


def unique():
    return lambda dataset: dataset.unique()


def scan(initial_state, scan_func):
    return lambda dataset: dataset.scan(initial_state, scan_func)


def Counter(start=0, step=1, dtype=None):  # noqa: N802 - TF's name
    """The integers ``start, start + step, ...`` without end."""
    dtype = dtypes.int64 if dtype is None else dtype
    end = np.iinfo(np.int64).max if step > 0 else np.iinfo(np.int64).min
    return Dataset.range(start, end, step, output_type=dtype)


def dense_to_ragged_batch(batch_size, drop_remainder=False, row_splits_dtype=dtypes.int64):
    """``dataset.ragged_batch(batch_size, drop_remainder, row_splits_dtype)`` as a
    transformation."""
    return lambda dataset: dataset.ragged_batch(batch_size, drop_remainder, row_splits_dtype)


def unbatch():
    return lambda dataset: dataset.unbatch()


def enumerate_dataset(start=0):
    return lambda dataset: dataset.enumerate(start)


__getattr__ = make_getattr("tf.data.experimental", __name__)


# ---- ragged
def RaggedTensorStructure(dtype, shape, ragged_rank):  # noqa: N802 - TF's name
    """The structure of a RaggedTensor element: a ``tf.RaggedTensorSpec`` (TF1's deprecated
    alias)."""
    from tfcompat.ops.ragged.ragged_tensor_spec import RaggedTensorSpec
    return RaggedTensorSpec(shape, dtype, ragged_rank)

# ---- train2
from tfcompat.data.iterator_ops import make_saveable_from_iterator  # noqa: E402
