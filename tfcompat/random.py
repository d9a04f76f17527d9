"""``tf.random``: random tensors and seeds."""

from tfcompat.framework.random_seed import get_seed, set_random_seed
from tfcompat.ops.random_ops import categorical, multinomial, random_shuffle, truncated_normal
from tfcompat.ops.random_ops import random_normal as normal
from tfcompat.ops.random_ops import random_shuffle as shuffle
from tfcompat.ops.random_ops import random_uniform as uniform
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.random", __name__)
