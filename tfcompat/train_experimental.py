# ruff: noqa: F401
"""``tf.train.experimental``: loss scaling for mixed precision."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.training.loss_scale import (
    DynamicLossScale,
    FixedLossScale,
    LossScale,
    MixedPrecisionLossScaleOptimizer,
)

# ---- training
# isort: split
from tfcompat.training.mixed_precision import (
    disable_mixed_precision_graph_rewrite,
    enable_mixed_precision_graph_rewrite,
)
from tfcompat.training.tracking.python_state import PythonState

__getattr__ = make_getattr("tf.train.experimental", __name__)
