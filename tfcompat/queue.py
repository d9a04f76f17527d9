# ruff: noqa: F401
"""``tf.queue``: the TF1 queues."""

from tfcompat.ops.queue_ops import (
    FIFOQueue,
    PaddingFIFOQueue,
    PriorityQueue,
    QueueBase,
    RandomShuffleQueue,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.queue", __name__)
