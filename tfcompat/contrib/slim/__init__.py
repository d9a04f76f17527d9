"""``tf.contrib.slim``: TF-Slim's namespace over ``tf.contrib.layers``, ``tf.contrib.framework``
and ``tf.contrib.losses`` (``slim.losses``). ``slim.learning``, ``slim.evaluation``,
``slim.nets`` and the data readers are not provided.
"""

# ruff: noqa: F401
from tfcompat.contrib import losses
from tfcompat.contrib._aliases import make_getattr
from tfcompat.contrib.framework import (
    add_arg_scope,
    arg_scope,
    arg_scoped_arguments,
    assign_from_checkpoint,
    assign_from_checkpoint_fn,
    assign_from_values,
    assign_from_values_fn,
    create_global_step,
    get_global_step,
    get_local_variables,
    get_model_variables,
    get_or_create_global_step,
    get_trainable_variables,
    get_unique_variable,
    get_variable_full_name,
    get_variables,
    get_variables_by_name,
    get_variables_by_suffix,
    get_variables_to_restore,
    has_arg_scope,
    local_variable,
    model_variable,
    variable,
)
from tfcompat.contrib.layers import (
    apply_regularization,
    avg_pool2d,
    batch_norm,
    bias_add,
    conv2d,
    conv2d_transpose,
    convolution2d,
    convolution2d_transpose,
    dropout,
    flatten,
    fully_connected,
    l1_l2_regularizer,
    l1_regularizer,
    l2_regularizer,
    layer_norm,
    linear,
    max_pool2d,
    one_hot_encoding,
    repeat,
    stack,
    sum_regularizer,
    summarize_activation,
    summarize_collection,
    summarize_tensor,
    summarize_tensors,
    variance_scaling_initializer,
    xavier_initializer,
    xavier_initializer_conv2d,
)

__getattr__ = make_getattr("tf.contrib.slim", __name__)
