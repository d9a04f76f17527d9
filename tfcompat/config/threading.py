# ruff: noqa: F401
"""``tf.config.threading``: thread-pool sizes (stored process-wide; steps run inline)."""

from tfcompat.config.context import (
    get_inter_op_parallelism_threads,
    get_intra_op_parallelism_threads,
    set_inter_op_parallelism_threads,
    set_intra_op_parallelism_threads,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.config.threading", __name__)
