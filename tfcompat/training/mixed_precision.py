"""``tf.train.experimental.enable/disable_mixed_precision_graph_rewrite``.

TF's rewrite is a Grappler pass that casts eligible ops to float16 on GPUs; on a CPU-only
machine (TF 2.21 logs that no suitable GPU was found) it changes nothing, which is what tfcompat
— numpy on the CPU — reproduces: ops keep their dtypes. What remains is the documented part of
the API that does change numbers: the optimizer comes back wrapped in a
``MixedPrecisionLossScaleOptimizer`` (dynamic loss scale by default)."""

from __future__ import annotations

from tfcompat.training.loss_scale import MixedPrecisionLossScaleOptimizer
from tfcompat.training.optimizer import Optimizer

_rewrite_enabled = False


def enable_mixed_precision_graph_rewrite(opt, loss_scale="dynamic"):
    """Returns ``opt`` wrapped for loss scaling and marks the mixed-precision rewrite enabled
    (a no-op on CPU, as in TF)."""
    global _rewrite_enabled
    if isinstance(opt, MixedPrecisionLossScaleOptimizer):
        raise ValueError('"opt" must not already be an instance of a '
                         "MixedPrecisionLossScaleOptimizer. "
                         "`enable_mixed_precision_graph_rewrite` will automatically wrap the "
                         "optimizer with a MixedPrecisionLossScaleOptimizer.")
    if not isinstance(opt, Optimizer):
        raise ValueError('"opt" must be an instance of a tf.train.Optimizer or a '
                         f"tf.keras.optimizers.Optimizer, but got: {opt}")
    _rewrite_enabled = True
    return MixedPrecisionLossScaleOptimizer(opt, loss_scale)


def disable_mixed_precision_graph_rewrite() -> None:
    """Marks the mixed-precision rewrite disabled (it is never applied on CPU)."""
    global _rewrite_enabled
    _rewrite_enabled = False


def mixed_precision_graph_rewrite_enabled() -> bool:
    return _rewrite_enabled
