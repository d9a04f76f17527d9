"""``tf.contrib.layers.batch_norm`` and ``layer_norm`` (TF 1.15), with TF-Slim's names.

``batch_norm`` is ``tf.layers`` batch normalization in variable scope ``BatchNorm`` with
TF-Slim's defaults (``decay=0.999``, ``scale=False``, ``epsilon=0.001``) and model variables
``BatchNorm/beta``, ``gamma``, ``moving_mean``, ``moving_variance``. Its moving-average updates
go to ``updates_collections`` (UPDATE_OPS by default); with ``updates_collections=None`` they
run in place, before the output is returned.
"""

from __future__ import annotations

from tfcompat.contrib.framework.arg_scope import add_arg_scope
from tfcompat.contrib.framework.variables import model_variable
from tfcompat.contrib.layers.core import (
    add_variable_to_collections,
    collect_named_outputs,
    model_variable_getter,
)
from tfcompat.framework import ops
from tfcompat.framework.ops import GraphKeys, convert_to_tensor
from tfcompat.layers import normalization as norm_layers
from tfcompat.ops import array_ops, nn_ops
from tfcompat.ops import batch_norm as batch_norm_ops
from tfcompat.variables import init_ops
from tfcompat.variables import variable_scope as vs

__all__ = ["batch_norm", "layer_norm"]


def _unsupported_option(name: str) -> NotImplementedError:
    return NotImplementedError(f"tf.contrib.layers.batch_norm({name}=...) is not supported by "
                               "tfcompat yet")


@add_arg_scope
def batch_norm(inputs, decay=0.999, center=True, scale=False, epsilon=0.001, activation_fn=None,
               param_initializers=None, param_regularizers=None,
               updates_collections=GraphKeys.UPDATE_OPS, is_training=True, reuse=None,
               variables_collections=None, outputs_collections=None, trainable=True,
               batch_weights=None, fused=None, data_format="NHWC",
               zero_debias_moving_mean=False, scope=None, renorm=False, renorm_clipping=None,
               renorm_decay=0.99, adjustment=None):
    """Batch normalization (Ioffe & Szegedy, 2015) over all axes but the channels.

    ``is_training`` (a bool or a bool tensor) picks batch statistics and updates the moving
    averages, else uses the moving averages.
    """
    for name, value in (("batch_weights", batch_weights), ("renorm", renorm),
                        ("zero_debias_moving_mean", zero_debias_moving_mean),
                        ("adjustment", adjustment), ("renorm_clipping", renorm_clipping)):
        if value:
            raise _unsupported_option(name)
    del renorm_decay
    if data_format not in ("NHWC", "NCHW"):
        raise ValueError("data_format has to be either NCHW or NHWC.")
    initializers = dict(param_initializers or {})
    regularizers = dict(param_regularizers or {})
    with vs.variable_scope(scope, "BatchNorm", [inputs], reuse=reuse,
                           custom_getter=model_variable_getter()) as sc:
        inputs = convert_to_tensor(inputs)
        rank = inputs.shape.ndims
        if rank is None:
            raise ValueError(f"Inputs {inputs.name} has undefined rank.")
        axis = 1 if data_format == "NCHW" and rank > 2 else -1
        layer = norm_layers.BatchNormalization(
            axis=axis, momentum=decay, epsilon=epsilon, center=center, scale=scale,
            beta_initializer=initializers.get("beta", init_ops.zeros_initializer()),
            gamma_initializer=initializers.get("gamma", init_ops.ones_initializer()),
            moving_mean_initializer=initializers.get("moving_mean",
                                                     init_ops.zeros_initializer()),
            moving_variance_initializer=initializers.get("moving_variance",
                                                         init_ops.ones_initializer()),
            beta_regularizer=regularizers.get("beta"), gamma_regularizer=regularizers.get("gamma"),
            trainable=trainable, fused=fused if rank == 4 else None, name=sc.name,
            dtype=inputs.dtype.base_dtype, _scope=sc, _reuse=reuse)
        outputs = layer.apply(inputs, training=is_training)
        for name in ("moving_mean", "moving_variance", "beta", "gamma"):
            variable = getattr(layer, name)
            if variable is not None:
                add_variable_to_collections(variable, variables_collections, name)
        updates = layer.updates
        if updates and updates_collections != GraphKeys.UPDATE_OPS:
            graph = ops.get_default_graph()
            pending = graph.get_collection_ref(GraphKeys.UPDATE_OPS)
            pending[:] = [op for op in pending if op not in updates]
            if updates_collections is None:
                with graph.control_dependencies(updates):
                    outputs = array_ops.identity(outputs)
            else:
                collections = [updates_collections] if isinstance(updates_collections, str) \
                    else updates_collections
                for update in updates:
                    graph.add_to_collections(collections, update)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


@add_arg_scope
def layer_norm(inputs, center=True, scale=True, activation_fn=None, reuse=None,
               variables_collections=None, outputs_collections=None, trainable=True,
               begin_norm_axis=1, begin_params_axis=-1, scope=None):
    """Layer normalization (Ba et al., 2016): normalizes over axes ``begin_norm_axis:``, with
    ``beta``/``gamma`` shaped like ``inputs.shape[begin_params_axis:]`` (scope ``LayerNorm``).
    """
    with vs.variable_scope(scope, "LayerNorm", [inputs], reuse=reuse) as sc:
        inputs = convert_to_tensor(inputs)
        shape = inputs.shape
        rank = shape.ndims
        if rank is None:
            raise ValueError(f"Inputs {inputs.name} has undefined rank.")
        dtype = inputs.dtype.base_dtype
        if begin_norm_axis < 0:
            begin_norm_axis += rank
        if begin_params_axis >= rank or begin_norm_axis >= rank:
            raise ValueError(f"begin_params_axis ({begin_params_axis}) and begin_norm_axis "
                             f"({begin_norm_axis}) must be < rank(inputs) ({rank})")
        params_shape = shape[begin_params_axis:]
        if not params_shape.is_fully_defined():
            raise ValueError(f"Inputs {inputs.name}: shape(inputs)[{begin_params_axis}:] is not "
                             f"fully defined: {params_shape}")
        beta = gamma = None
        if center:
            beta = model_variable("beta", shape=params_shape.as_list(), dtype=dtype,
                                  initializer=init_ops.zeros_initializer(), trainable=trainable)
            add_variable_to_collections(beta, variables_collections, "beta")
        if scale:
            gamma = model_variable("gamma", shape=params_shape.as_list(), dtype=dtype,
                                   initializer=init_ops.ones_initializer(), trainable=trainable)
            add_variable_to_collections(gamma, variables_collections, "gamma")
        mean, variance = nn_ops.moments(inputs, list(range(begin_norm_axis, rank)),
                                        keep_dims=True)
        outputs = batch_norm_ops.batch_normalization(inputs, mean, variance, offset=beta,
                                                     scale=gamma, variance_epsilon=1e-12)
        outputs.set_shape(shape)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return collect_named_outputs(outputs_collections, sc.name, outputs)
