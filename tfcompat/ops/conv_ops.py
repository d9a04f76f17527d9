# ruff: noqa: F401, F403
"""The convolution family (``tf.nn.conv2d``, ``max_pool``, ``avg_pool``), TF CPU semantics: every
public name of ``tfcompat/ops/conv/`` (window geometry, conv2d, pooling) in one namespace."""

from tfcompat.ops.array.core import shape_n
from tfcompat.ops.conv.conv2d import *
from tfcompat.ops.conv.pooling import *
from tfcompat.ops.conv.window import *
