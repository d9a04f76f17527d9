# ruff: noqa: F401
"""``tf.autograph.experimental``: AutoGraph options that need no conversion."""

from tfcompat.platform.autograph_api import Feature, do_not_convert, set_loop_options
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.autograph.experimental", __name__)
