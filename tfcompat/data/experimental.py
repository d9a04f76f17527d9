# ruff: noqa: F401
"""``tf.data.experimental``: the transformations TF1 code uses most."""

from tfcompat.data.dataset_ops import AUTOTUNE, INFINITE_CARDINALITY, UNKNOWN_CARDINALITY
from tfcompat.tools.unsupported import make_getattr


def map_and_batch(map_func, batch_size, num_parallel_batches=None, drop_remainder=False,
                  num_parallel_calls=None):
    """``dataset.map(map_func).batch(batch_size, drop_remainder)`` as one transformation."""
    return lambda dataset: dataset.map(map_func).batch(batch_size, drop_remainder)


def shuffle_and_repeat(buffer_size, count=None, seed=None):
    """``dataset.shuffle(buffer_size, seed).repeat(count)`` as one transformation."""
    return lambda dataset: dataset.shuffle(buffer_size, seed=seed).repeat(count)


def unbatch():
    return lambda dataset: dataset.unbatch()


def enumerate_dataset(start=0):
    return lambda dataset: dataset.enumerate(start)


__getattr__ = make_getattr("tf.data.experimental", __name__)
