"""``tf.metrics``: streaming metrics."""

from tfcompat.ops.metrics_impl import accuracy, mean
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.metrics", __name__)
