# ruff: noqa: F401
"""``tf.config.optimizer``: graph optimizer and JIT settings (stored; graphs run as built)."""

from tfcompat.config.context import (
    get_experimental_options,
    get_jit,
    set_experimental_options,
    set_jit,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.config.optimizer", __name__)
