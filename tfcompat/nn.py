"""``tf.nn``: neural-network ops."""

from tfcompat import rnn_cell
from tfcompat.ops.array_ops import stop_gradient  # noqa: F401 - re-export
from tfcompat.ops.batch_norm import batch_normalization, fused_batch_norm
from tfcompat.ops.conv_ops import (  # noqa: F401
    avg_pool,
    avg_pool2d,
    conv2d,
    conv2d_backprop_filter,
    conv2d_backprop_input,
    conv2d_transpose,
    max_pool,
    max_pool2d,
)
from tfcompat.ops.embedding_sparse_ops import embedding_lookup_sparse  # noqa: F401
from tfcompat.ops.math_ops import sigmoid, tanh  # noqa: F401
from tfcompat.ops.nn_ops import (  # noqa: F401
    bias_add,
    dropout,
    elu,
    embedding_lookup,
    l2_loss,
    leaky_relu,
    log_softmax,
    moments,
    relu,
    relu6,
    sigmoid_cross_entropy_with_logits,
    softmax,
    softmax_cross_entropy_with_logits,
    softmax_cross_entropy_with_logits_v2,
    softplus,
    sparse_softmax_cross_entropy_with_logits,
)
from tfcompat.ops.rnn import dynamic_rnn, static_rnn
from tfcompat.tools.unsupported import make_getattr

__getattr__ = make_getattr("tf.nn", __name__)
