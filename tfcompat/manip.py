# ruff: noqa: F401
"""``tf.manip``: TF1's home of a few array manipulation ops."""

from tfcompat.ops.array_extra_ops import roll
from tfcompat.ops.array_ops import reshape
from tfcompat.ops.scatter_nd_ops import gather_nd, scatter_nd
from tfcompat.ops.slicing_ops import reverse, tile
from tfcompat.ops.space_ops import batch_to_space_nd, space_to_batch_nd
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.manip", __name__)
