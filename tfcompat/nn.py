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
from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr
from tfcompat.rnn.bidirectional import bidirectional_dynamic_rnn, static_bidirectional_rnn
from tfcompat.rnn.dynamic import dynamic_rnn
from tfcompat.rnn.raw import raw_rnn
from tfcompat.rnn.static import static_rnn, static_state_saving_rnn

# Rarely used parts load on first access (tfcompat/platform/lazy_loader.py).
_LAZY: dict[str, str] = {
    "embedding_lookup_sparse": "tfcompat.ops.embedding_sparse_ops:embedding_lookup_sparse",
}

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.nn", __name__))


# ---- numeric (issue 9)
# isort: split
from tfcompat.ops.candidate_sampling_ops import (  # noqa: E402
    all_candidate_sampler,
    compute_accidental_hits,
    log_uniform_candidate_sampler,
    nce_loss,
    sampled_softmax_loss,
    uniform_candidate_sampler,
)
from tfcompat.ops.conv3d_ops import (  # noqa: E402
    avg_pool3d,
    conv3d,
    conv3d_backprop_filter_v2,
    conv3d_transpose,
    max_pool3d,
)
from tfcompat.ops.conv_extra_ops import (  # noqa: E402
    atrous_conv2d,
    avg_pool1d,
    avg_pool_v2,
    conv1d,
    conv1d_transpose,
    conv_transpose,
    convolution,
    max_pool1d,
    max_pool_v2,
    pool,
)
from tfcompat.ops.depthwise_ops import (  # noqa: E402
    depthwise_conv2d,
    depthwise_conv2d_native,
    depthwise_conv2d_native_backprop_filter,
    depthwise_conv2d_native_backprop_input,
    max_pool_with_argmax,
    separable_conv2d,
)
from tfcompat.ops.depthwise_ops import (  # noqa: E402
    depthwise_conv2d_native_backprop_filter as depthwise_conv2d_backprop_filter,
)
from tfcompat.ops.depthwise_ops import (  # noqa: E402
    depthwise_conv2d_native_backprop_input as depthwise_conv2d_backprop_input,
)
from tfcompat.ops.morphology_ops import dilation2d, erosion2d  # noqa: E402
from tfcompat.ops.nn_activation_ops import crelu, selu, silu, softsign, swish  # noqa: E402
from tfcompat.ops.nn_extra_ops import (  # noqa: E402
    batch_norm_with_global_normalization,
    compute_average_loss,
    l2_normalize,
    local_response_normalization,
    log_poisson_loss,
    lrn,
    normalize_moments,
    relu_layer,
    scale_regularization_loss,
    sufficient_statistics,
    weighted_cross_entropy_with_logits,
    weighted_moments,
    xw_plus_b,
    zero_fraction,
)
from tfcompat.ops.sort_ops import approx_max_k, approx_min_k, in_top_k, top_k  # noqa: E402
from tfcompat.ops.space_ops import depth_to_space, space_to_batch, space_to_depth  # noqa: E402

# ---- nn (issue 9: CTC, samplers, remaining tf.nn names); loaded on first access
_LAZY.update({
    "collapse_repeated": "tfcompat.ops.ctc_label_ops:collapse_repeated",
    "ctc_beam_search_decoder": "tfcompat.ops.ctc_decoder_ops:ctc_beam_search_decoder",
    "ctc_beam_search_decoder_v2": "tfcompat.ops.ctc_decoder_ops:ctc_beam_search_decoder_v2",
    "ctc_greedy_decoder": "tfcompat.ops.ctc_decoder_ops:ctc_greedy_decoder",
    "ctc_loss": "tfcompat.ops.ctc_loss_ops:ctc_loss",
    "ctc_loss_v2": "tfcompat.ops.ctc_loss_ops:ctc_loss_v2",
    "ctc_unique_labels": "tfcompat.ops.ctc_label_ops:ctc_unique_labels",
})
_LAZY.update({
    "fixed_unigram_candidate_sampler":
        "tfcompat.ops.unigram_sampler_ops:fixed_unigram_candidate_sampler",
    "learned_unigram_candidate_sampler":
        "tfcompat.ops.unigram_sampler_ops:learned_unigram_candidate_sampler",
})
# TF 2.21's tf.nn.conv3d_backprop_filter is the V2 op's wrapper under its v1 name.
_LAZY["conv3d_backprop_filter"] = "tfcompat.ops.conv3d_ops:conv3d_backprop_filter_v2"
_LAZY.update({
    "atrous_conv2d_transpose": "tfcompat.ops.dilated_conv_ops:atrous_conv2d_transpose",
    "experimental": "tfcompat.nn_experimental",
    "safe_embedding_lookup_sparse":
        "tfcompat.ops.embedding_safe_ops:safe_embedding_lookup_sparse",
    "with_space_to_batch": "tfcompat.ops.dilated_conv_ops:with_space_to_batch",
})
_LAZY.update({
    "fractional_avg_pool": "tfcompat.ops.fractional_pool_ops:fractional_avg_pool",
    "fractional_max_pool": "tfcompat.ops.fractional_pool_ops:fractional_max_pool",
})
# ---- quant
_LAZY.update({
    "quantized_avg_pool": "tfcompat.ops.quantized_nn_ops:quantized_avg_pool",
    "quantized_conv2d": "tfcompat.ops.quantized_nn_ops:quantized_conv2d",
    "quantized_max_pool": "tfcompat.ops.quantized_nn_ops:quantized_max_pool",
    "quantized_relu_x": "tfcompat.ops.quantized_nn_ops:quantized_relu_x",
})
