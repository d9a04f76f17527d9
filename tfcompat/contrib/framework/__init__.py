"""``tf.contrib.framework``: arg_scope, model variables, restoring from checkpoints, nest."""

# ruff: noqa: F401
from tfcompat.contrib._aliases import make_getattr
from tfcompat.contrib.framework import nest
from tfcompat.contrib.framework.arg_scope import (
    add_arg_scope,
    arg_scope,
    arg_scoped_arguments,
    current_arg_scope,
    has_arg_scope,
)
from tfcompat.contrib.framework.variables import (
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
    global_variable,
    local_variable,
    model_variable,
    variable,
)

__getattr__ = make_getattr("tf.contrib.framework", __name__)
