"""``tf.contrib.layers`` (TF 1.15): TF-Slim layers, initializers, regularizers, summaries and
``optimize_loss``."""

# ruff: noqa: F401
from tfcompat.contrib._aliases import make_getattr
from tfcompat.contrib.layers.core import (
    avg_pool2d,
    bias_add,
    conv2d,
    conv2d_transpose,
    convolution2d,
    convolution2d_transpose,
    dropout,
    embed_sequence,
    flatten,
    fully_connected,
    linear,
    max_pool2d,
    one_hot_encoding,
    relu,
    relu6,
    repeat,
    stack,
)
from tfcompat.contrib.layers.initializers import (
    variance_scaling_initializer,
    xavier_initializer,
    xavier_initializer_conv2d,
)
from tfcompat.contrib.layers.normalization import batch_norm, layer_norm
from tfcompat.contrib.layers.optimizers import (
    OPTIMIZER_CLS_NAMES,
    OPTIMIZER_SUMMARIES,
    optimize_loss,
)
from tfcompat.contrib.layers.regularizers import (
    apply_regularization,
    l1_l2_regularizer,
    l1_regularizer,
    l2_regularizer,
    sum_regularizer,
)
from tfcompat.contrib.layers.summaries import (
    summarize_activation,
    summarize_activations,
    summarize_biases,
    summarize_collection,
    summarize_tensor,
    summarize_tensors,
    summarize_variables,
    summarize_weights,
)

__getattr__ = make_getattr("tf.contrib.layers", __name__)
