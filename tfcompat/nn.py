"""``tf.nn``: neural-network ops."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "rnn_cell": "tfcompat.rnn_cell",
    "stop_gradient": "tfcompat.ops.array_ops:stop_gradient",
    "batch_normalization": "tfcompat.ops.batch_norm:batch_normalization",
    "fused_batch_norm": "tfcompat.ops.batch_norm:fused_batch_norm",
    "avg_pool": "tfcompat.ops.conv_ops:avg_pool",
    "avg_pool2d": "tfcompat.ops.conv_ops:avg_pool2d",
    "conv2d": "tfcompat.ops.conv_ops:conv2d",
    "conv2d_backprop_filter": "tfcompat.ops.conv_ops:conv2d_backprop_filter",
    "conv2d_backprop_input": "tfcompat.ops.conv_ops:conv2d_backprop_input",
    "conv2d_transpose": "tfcompat.ops.conv_ops:conv2d_transpose",
    "max_pool": "tfcompat.ops.conv_ops:max_pool",
    "max_pool2d": "tfcompat.ops.conv_ops:max_pool2d",
    "sigmoid": "tfcompat.ops.math_ops:sigmoid",
    "tanh": "tfcompat.ops.math_ops:tanh",
    "bias_add": "tfcompat.ops.nn_bias_add:bias_add",
    "dropout": "tfcompat.ops.nn_ops:dropout",
    "elu": "tfcompat.ops.nn_ops:elu",
    "embedding_lookup": "tfcompat.ops.nn_ops:embedding_lookup",
    "l2_loss": "tfcompat.ops.nn_ops:l2_loss",
    "leaky_relu": "tfcompat.ops.nn_ops:leaky_relu",
    "log_softmax": "tfcompat.ops.nn_ops:log_softmax",
    "moments": "tfcompat.ops.nn_ops:moments",
    "relu": "tfcompat.ops.nn_ops:relu",
    "relu6": "tfcompat.ops.nn_ops:relu6",
    "sigmoid_cross_entropy_with_logits": "tfcompat.ops.nn_ops:sigmoid_cross_entropy_with_logits",
    "softmax": "tfcompat.ops.nn_ops:softmax",
    "softmax_cross_entropy_with_logits": "tfcompat.ops.nn_ops:softmax_cross_entropy_with_logits",
    "softmax_cross_entropy_with_logits_v2":
        "tfcompat.ops.nn_ops:softmax_cross_entropy_with_logits_v2",
    "softplus": "tfcompat.ops.nn_ops:softplus",
    "sparse_softmax_cross_entropy_with_logits":
        "tfcompat.ops.nn_ops:sparse_softmax_cross_entropy_with_logits",
})
_LAZY.update({
    "bidirectional_dynamic_rnn": "tfcompat.rnn.bidirectional:bidirectional_dynamic_rnn",
    "static_bidirectional_rnn": "tfcompat.rnn.bidirectional:static_bidirectional_rnn",
    "dynamic_rnn": "tfcompat.rnn.dynamic:dynamic_rnn",
    "raw_rnn": "tfcompat.rnn.raw:raw_rnn",
    "static_rnn": "tfcompat.rnn.static:static_rnn",
    "static_state_saving_rnn": "tfcompat.rnn.static:static_state_saving_rnn",
})

_LAZY.update({
    "embedding_lookup_sparse": "tfcompat.ops.embedding_sparse_ops:embedding_lookup_sparse",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.nn", __name__))


# ---- numeric (issue 9)
_LAZY.update({
    "all_candidate_sampler": "tfcompat.ops.candidate_sampling_ops:all_candidate_sampler",
    "compute_accidental_hits": "tfcompat.ops.candidate_sampling_ops:compute_accidental_hits",
    "log_uniform_candidate_sampler":
        "tfcompat.ops.candidate_sampling_ops:log_uniform_candidate_sampler",
    "nce_loss": "tfcompat.ops.candidate_sampling_ops:nce_loss",
    "sampled_softmax_loss": "tfcompat.ops.candidate_sampling_ops:sampled_softmax_loss",
    "uniform_candidate_sampler": "tfcompat.ops.candidate_sampling_ops:uniform_candidate_sampler",
    "avg_pool3d": "tfcompat.ops.conv3d_ops:avg_pool3d",
    "conv3d": "tfcompat.ops.conv3d_ops:conv3d",
    "conv3d_backprop_filter_v2": "tfcompat.ops.conv3d_ops:conv3d_backprop_filter_v2",
    "conv3d_transpose": "tfcompat.ops.conv3d_ops:conv3d_transpose",
    "max_pool3d": "tfcompat.ops.conv3d_ops:max_pool3d",
    "atrous_conv2d": "tfcompat.ops.conv_extra_ops:atrous_conv2d",
    "avg_pool1d": "tfcompat.ops.conv_extra_ops:avg_pool1d",
    "avg_pool_v2": "tfcompat.ops.conv_extra_ops:avg_pool_v2",
    "conv1d": "tfcompat.ops.conv_extra_ops:conv1d",
    "conv1d_transpose": "tfcompat.ops.conv_extra_ops:conv1d_transpose",
    "conv_transpose": "tfcompat.ops.conv_extra_ops:conv_transpose",
    "convolution": "tfcompat.ops.conv_extra_ops:convolution",
    "max_pool1d": "tfcompat.ops.conv_extra_ops:max_pool1d",
    "max_pool_v2": "tfcompat.ops.conv_extra_ops:max_pool_v2",
    "pool": "tfcompat.ops.conv_extra_ops:pool",
    "depthwise_conv2d": "tfcompat.ops.depthwise_ops:depthwise_conv2d",
    "depthwise_conv2d_native": "tfcompat.ops.depthwise_ops:depthwise_conv2d_native",
    "depthwise_conv2d_native_backprop_filter":
        "tfcompat.ops.depthwise_ops:depthwise_conv2d_native_backprop_filter",
    "depthwise_conv2d_native_backprop_input":
        "tfcompat.ops.depthwise_ops:depthwise_conv2d_native_backprop_input",
    "max_pool_with_argmax": "tfcompat.ops.depthwise_ops:max_pool_with_argmax",
    "separable_conv2d": "tfcompat.ops.depthwise_ops:separable_conv2d",
    "depthwise_conv2d_backprop_filter":
        "tfcompat.ops.depthwise_ops:depthwise_conv2d_native_backprop_filter",
    "depthwise_conv2d_backprop_input":
        "tfcompat.ops.depthwise_ops:depthwise_conv2d_native_backprop_input",
    "dilation2d": "tfcompat.ops.morphology_ops:dilation2d",
    "erosion2d": "tfcompat.ops.morphology_ops:erosion2d",
    "crelu": "tfcompat.ops.nn_activation_ops:crelu",
    "selu": "tfcompat.ops.nn_activation_ops:selu",
    "silu": "tfcompat.ops.nn_activation_ops:silu",
    "softsign": "tfcompat.ops.nn_activation_ops:softsign",
    "swish": "tfcompat.ops.nn_activation_ops:swish",
    "batch_norm_with_global_normalization":
        "tfcompat.ops.nn_extra_ops:batch_norm_with_global_normalization",
    "compute_average_loss": "tfcompat.ops.nn_extra_ops:compute_average_loss",
    "l2_normalize": "tfcompat.ops.nn_extra_ops:l2_normalize",
    "local_response_normalization": "tfcompat.ops.nn_extra_ops:local_response_normalization",
    "log_poisson_loss": "tfcompat.ops.nn_extra_ops:log_poisson_loss",
    "lrn": "tfcompat.ops.nn_extra_ops:lrn",
    "normalize_moments": "tfcompat.ops.nn_extra_ops:normalize_moments",
    "relu_layer": "tfcompat.ops.nn_extra_ops:relu_layer",
    "scale_regularization_loss": "tfcompat.ops.nn_extra_ops:scale_regularization_loss",
    "sufficient_statistics": "tfcompat.ops.nn_extra_ops:sufficient_statistics",
    "weighted_cross_entropy_with_logits":
        "tfcompat.ops.nn_extra_ops:weighted_cross_entropy_with_logits",
    "weighted_moments": "tfcompat.ops.nn_extra_ops:weighted_moments",
    "xw_plus_b": "tfcompat.ops.nn_extra_ops:xw_plus_b",
    "zero_fraction": "tfcompat.ops.nn_extra_ops:zero_fraction",
    "approx_max_k": "tfcompat.ops.sort_ops:approx_max_k",
    "approx_min_k": "tfcompat.ops.sort_ops:approx_min_k",
    "in_top_k": "tfcompat.ops.sort_ops:in_top_k",
    "top_k": "tfcompat.ops.sort_ops:top_k",
    "depth_to_space": "tfcompat.ops.space_ops:depth_to_space",
    "space_to_batch": "tfcompat.ops.space_ops:space_to_batch",
    "space_to_depth": "tfcompat.ops.space_ops:space_to_depth",
})

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
