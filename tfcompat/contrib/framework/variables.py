"""``tf.contrib.framework`` variables: model variables, lookups by scope/name, restoring.

As in TF 1.15: ``model_variable`` puts a variable in GLOBAL_VARIABLES and MODEL_VARIABLES (the
ones ``get_model_variables`` and a Saver of a model care about); both it and ``variable`` can
take defaults from ``arg_scope``.
"""

from __future__ import annotations

import functools

from tfcompat.contrib.framework.arg_scope import add_arg_scope
from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import array_ops, control_flow_ops
from tfcompat.platform import tf_logging as logging
from tfcompat.training import training_util
from tfcompat.training.checkpoint.reader import NewCheckpointReader
from tfcompat.training.saver import Saver
from tfcompat.variables import variable_scope as vs
from tfcompat.variables.variables import Variable

__all__ = ["assign_from_checkpoint", "assign_from_checkpoint_fn", "assign_from_values",
           "assign_from_values_fn", "create_global_step", "get_global_step",
           "get_local_variables", "get_model_variables", "get_or_create_global_step",
           "get_trainable_variables", "get_unique_variable", "get_variable_full_name",
           "get_variables", "get_variables_by_name", "get_variables_by_suffix",
           "get_variables_to_restore", "global_variable", "local_variable", "model_variable",
           "variable"]

get_global_step = training_util.get_global_step
create_global_step = training_util.create_global_step
get_or_create_global_step = training_util.get_or_create_global_step


@add_arg_scope
def variable(name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=True,
             collections=None, caching_device=None, device=None, partitioner=None,
             custom_getter=None, use_resource=None, synchronization=None, aggregation=None):
    """Gets or creates a variable with ``tf.get_variable`` (or ``custom_getter``) in
    ``collections`` (default GLOBAL_VARIABLES), on ``device``."""
    del caching_device, use_resource, synchronization, aggregation
    collections = list(dict.fromkeys(
        collections if collections is not None else [GraphKeys.GLOBAL_VARIABLES]))
    getter = vs.get_variable
    if custom_getter is not None:  # a getter (name, shape=...), as layers pass the store's
        getter = functools.partial(custom_getter, reuse=vs.get_variable_scope().reuse)
    with ops.get_default_graph().device(device or ""):
        return getter(name, shape=shape, dtype=dtype, initializer=initializer,
                      regularizer=regularizer, trainable=trainable, collections=collections,
                      partitioner=partitioner)


@add_arg_scope
def model_variable(name, shape=None, dtype=dtypes.float32, initializer=None, regularizer=None,
                   trainable=True, collections=None, caching_device=None, device=None,
                   partitioner=None, custom_getter=None, use_resource=None,
                   synchronization=None, aggregation=None):
    """Gets or creates a model variable: in GLOBAL_VARIABLES and MODEL_VARIABLES."""
    collections = list(collections or []) + [GraphKeys.GLOBAL_VARIABLES,
                                             GraphKeys.MODEL_VARIABLES]
    return variable(name, shape=shape, dtype=dtype, initializer=initializer,
                    regularizer=regularizer, trainable=trainable, collections=collections,
                    caching_device=caching_device, device=device, partitioner=partitioner,
                    custom_getter=custom_getter, use_resource=use_resource)


def local_variable(initial_value, validate_shape=True, name=None, use_resource=None):
    """A non-trainable variable in LOCAL_VARIABLES."""
    del use_resource
    return Variable(initial_value, trainable=False, collections=[GraphKeys.LOCAL_VARIABLES],
                    validate_shape=validate_shape, name=name)


def global_variable(initial_value, validate_shape=True, name=None, use_resource=None):
    """A non-trainable variable in GLOBAL_VARIABLES."""
    del use_resource
    return Variable(initial_value, trainable=False, collections=[GraphKeys.GLOBAL_VARIABLES],
                    validate_shape=validate_shape, name=name)


def get_variables(scope=None, suffix=None, collection=GraphKeys.GLOBAL_VARIABLES) -> list:
    """Variables of ``collection`` whose names start with ``scope`` (a regex) and end with
    ``suffix``."""
    if isinstance(scope, vs.VariableScope):
        scope = scope.name
    if suffix is not None:
        if ":" not in suffix:
            suffix += ":"
        scope = (scope or "") + ".*" + suffix
    return ops.get_default_graph().get_collection(collection, scope)


def get_model_variables(scope=None, suffix=None) -> list:
    return get_variables(scope, suffix, GraphKeys.MODEL_VARIABLES)


def get_local_variables(scope=None, suffix=None) -> list:
    return get_variables(scope, suffix, GraphKeys.LOCAL_VARIABLES)


def get_trainable_variables(scope=None, suffix=None) -> list:
    return get_variables(scope, suffix, GraphKeys.TRAINABLE_VARIABLES)


def get_variables_to_restore(include=None, exclude=None) -> list:
    """The global variables under the ``include`` scopes (all if None) minus ``exclude``'s."""
    if include is None:
        included = get_variables()
    else:
        if not isinstance(include, (list, tuple)):
            raise TypeError("include is provided but is not a list or a tuple.")
        included = [v for scope in include for v in get_variables(scope)]
    if exclude is not None and not isinstance(exclude, (list, tuple)):
        raise TypeError("exclude is provided but is not a list or a tuple.")
    excluded = {id(v) for scope in exclude or [] for v in get_variables(scope)}
    return [v for v in included if id(v) not in excluded]


def get_variables_by_suffix(suffix, scope=None) -> list:
    return get_variables(scope=scope, suffix=suffix)


def get_variables_by_name(given_name, scope=None) -> list:
    """Variables named ``given_name`` (the last component of their name)."""
    return get_variables(scope=scope, suffix=f"/{given_name}:|^{given_name}:")


def get_unique_variable(var_op_name):
    """The variable whose op is named ``var_op_name``; ValueError if none or several match."""
    candidates = get_variables(scope=var_op_name)
    if not candidates:
        raise ValueError(f"Couldn't find variable {var_op_name}")
    for candidate in candidates:
        if candidate.op.name == var_op_name:
            return candidate
    raise ValueError(f"Variable {var_op_name} does not uniquely identify a variable")


def get_variable_full_name(var) -> str:
    return var.op.name


def _named_variables(var_list) -> list[tuple[str, object]]:
    if isinstance(var_list, dict):
        return list(var_list.items())
    return [(v.op.name, v) for v in var_list]


def assign_from_checkpoint(model_path, var_list, ignore_missing_vars=False):
    """An op assigning checkpoint values to ``var_list``, and the feed_dict it needs.

    ``var_list``: variables (looked up by their op names) or ``{checkpoint name: variable}``.
    """
    reader = NewCheckpointReader(model_path)
    assign_ops, feed_dict = [], {}
    for ckpt_name, var in _named_variables(var_list):
        if not reader.has_tensor(ckpt_name):
            if ignore_missing_vars:
                logging.warning("Variable %s missing in checkpoint %s", ckpt_name, model_path)
                continue
            raise ValueError(f"Checkpoint is missing variable [{ckpt_name}]")
        value = reader.get_tensor(ckpt_name)
        if not var.get_shape().is_compatible_with(value.shape):
            raise ValueError(f"Total size of new array must be unchanged for {ckpt_name} "
                             f"lh_shape: [{value.shape}], rh_shape: [{var.get_shape()}]")
        placeholder = array_ops.placeholder(dtypes.as_dtype(value.dtype), value.shape,
                                            name="placeholder/" + var.op.name)
        assign_ops.append(var.assign(placeholder))
        feed_dict[placeholder] = value
    return control_flow_ops.group(*assign_ops), feed_dict


def assign_from_checkpoint_fn(model_path, var_list, ignore_missing_vars=False,
                              reshape_variables=False):
    """A function ``fn(session)`` restoring ``var_list`` from ``model_path`` (via a Saver)."""
    if not var_list:
        raise ValueError("var_list cannot be empty")
    if ignore_missing_vars:
        reader = NewCheckpointReader(model_path)
        named = [(name, v) for name, v in _named_variables(var_list) if reader.has_tensor(name)]
        for name, _ in _named_variables(var_list):
            if not reader.has_tensor(name):
                logging.warning("Variable %s missing in checkpoint %s", name, model_path)
        var_list = dict(named) if isinstance(var_list, dict) else [v for _, v in named]
    if not var_list:
        logging.warning("No Variables to restore")
        return None
    saver = Saver(var_list, reshape=reshape_variables)

    def callback(session):
        saver.restore(session, model_path)

    return callback


def assign_from_values(var_names_to_values):
    """An op assigning ``{variable op name: value}``, and the feed_dict it needs."""
    assign_ops, feed_dict = [], {}
    for name in sorted(var_names_to_values):
        var = get_unique_variable(name)
        value = var_names_to_values[name]
        placeholder = array_ops.placeholder(var.dtype.base_dtype, var.get_shape(),
                                            name="placeholder/" + var.op.name)
        assign_ops.append(var.assign(placeholder))
        feed_dict[placeholder] = value
    return control_flow_ops.group(*assign_ops), feed_dict


def assign_from_values_fn(var_names_to_values):
    """A function ``fn(session)`` running ``assign_from_values``."""
    assign_op, feed_dict = assign_from_values(var_names_to_values)

    def callback(session):
        return session.run(assign_op, feed_dict)

    return callback
