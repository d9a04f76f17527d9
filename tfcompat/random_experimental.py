# ruff: noqa: F401
"""``tf.random.experimental``: seed splitting, stateless shuffles and RNG states."""

from tfcompat.ops.stateless_random_extra_ops import Algorithm, create_rng_state, stateless_shuffle
from tfcompat.ops.stateless_random_extra_ops import fold_in as stateless_fold_in
from tfcompat.ops.stateless_random_extra_ops import split as stateless_split
from tfcompat.platform.unsupported import make_getattr
from tfcompat.variables.random_generator import (
    Generator,
    get_global_generator,
    set_global_generator,
)

__getattr__ = make_getattr("tf.random.experimental", __name__)
