"""``tf.losses``: loss functions that add their result to ``GraphKeys.LOSSES``."""

from tfcompat.ops.losses_impl import (  # noqa: F401 - re-exports
    Reduction,
    absolute_difference,
    add_loss,
    compute_weighted_loss,
    cosine_distance,
    get_losses,
    get_regularization_loss,
    get_regularization_losses,
    get_total_loss,
    hinge_loss,
    huber_loss,
    log_loss,
    mean_squared_error,
    sigmoid_cross_entropy,
    softmax_cross_entropy,
    sparse_softmax_cross_entropy,
)

# ---- training
# isort: split
from tfcompat.ops.losses_pairwise import mean_pairwise_squared_error  # noqa: F401

# isort: split
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.losses", __name__)
