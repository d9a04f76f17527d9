"""``tf.losses``: loss functions that add their result to ``GraphKeys.LOSSES``."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "Reduction": "tfcompat.ops.losses_impl:Reduction",
    "absolute_difference": "tfcompat.ops.losses_impl:absolute_difference",
    "add_loss": "tfcompat.ops.losses_impl:add_loss",
    "compute_weighted_loss": "tfcompat.ops.losses_impl:compute_weighted_loss",
    "cosine_distance": "tfcompat.ops.losses_impl:cosine_distance",
    "get_losses": "tfcompat.ops.losses_impl:get_losses",
    "get_regularization_loss": "tfcompat.ops.losses_impl:get_regularization_loss",
    "get_regularization_losses": "tfcompat.ops.losses_impl:get_regularization_losses",
    "get_total_loss": "tfcompat.ops.losses_impl:get_total_loss",
    "hinge_loss": "tfcompat.ops.losses_impl:hinge_loss",
    "huber_loss": "tfcompat.ops.losses_impl:huber_loss",
    "log_loss": "tfcompat.ops.losses_impl:log_loss",
    "mean_squared_error": "tfcompat.ops.losses_impl:mean_squared_error",
    "sigmoid_cross_entropy": "tfcompat.ops.losses_impl:sigmoid_cross_entropy",
    "softmax_cross_entropy": "tfcompat.ops.losses_impl:softmax_cross_entropy",
    "sparse_softmax_cross_entropy": "tfcompat.ops.losses_impl:sparse_softmax_cross_entropy",
    "mean_pairwise_squared_error": "tfcompat.ops.losses_pairwise:mean_pairwise_squared_error",
})


__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.losses", __name__))
