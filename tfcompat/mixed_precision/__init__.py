# ruff: noqa: F401
"""``tf.mixed_precision``: loss scaling and the graph rewrite switch. In TF these are the very
objects of ``tf.train.experimental`` (identity holds), so they are re-exported from there."""

from tfcompat.mixed_precision import experimental
from tfcompat.platform.unsupported import make_getattr
from tfcompat.train_experimental import (
    DynamicLossScale,
    FixedLossScale,
    LossScale,
    MixedPrecisionLossScaleOptimizer,
    disable_mixed_precision_graph_rewrite,
    enable_mixed_precision_graph_rewrite,
)

__getattr__ = make_getattr("tf.mixed_precision", __name__)
