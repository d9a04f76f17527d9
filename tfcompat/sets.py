# ruff: noqa: F401
"""``tf.sets``: set operations along the last dimension of dense tensors and SparseTensors."""

from tfcompat.ops.sets_ops import set_difference, set_intersection, set_size, set_union
from tfcompat.platform.unsupported import make_getattr as _make_getattr

difference = set_difference
intersection = set_intersection
size = set_size
union = set_union

__getattr__ = _make_getattr("tf.sets", __name__)
