"""``tf.contrib.layers`` layer functions (TF 1.15): graphs, names and variables as TF-Slim's.

Layers with weights open ``variable_scope(scope, default_name)`` (``fully_connected``,
``Conv``...) and build the core layer inside it, with its ``kernel``/``bias`` renamed
``weights``/``biases`` and made model variables (GLOBAL_VARIABLES + MODEL_VARIABLES), so a
first ``fully_connected`` creates ``fully_connected/weights`` and ``fully_connected/biases``
and its ops read ``fully_connected/MatMul``, ``fully_connected/BiasAdd``,
``fully_connected/Relu``. Every function here takes defaults from ``arg_scope``.
"""

from __future__ import annotations

import numbers

from tfcompat.contrib.framework.arg_scope import add_arg_scope
from tfcompat.contrib.framework.variables import model_variable
from tfcompat.contrib.layers.initializers import xavier_initializer
from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.layers import convolutional as conv_layers
from tfcompat.layers import core as core_layers
from tfcompat.ops import array_ops, conv_ops, math_ops, nn_ops, slicing_ops
from tfcompat.variables import init_ops
from tfcompat.variables import variable_scope as vs

__all__ = ["avg_pool2d", "bias_add", "conv2d", "conv2d_transpose", "convolution2d",
           "convolution2d_transpose", "dropout", "embed_sequence", "flatten", "fully_connected",
           "linear", "max_pool2d", "one_hot_encoding", "relu", "relu6", "repeat", "stack"]


# ---- shared plumbing ---------------------------------------------------------------------

# TF-Slim's default initializers (one instance each, as TF's default arguments are).
_XAVIER = xavier_initializer()
_ZEROS = init_ops.zeros_initializer()


def model_variable_getter(rename: dict[str, str] | None = None):
    """A custom getter making a layer's weights model variables, renamed per ``rename``."""

    def getter(base_getter, name, shape=None, dtype=None, initializer=None, regularizer=None,
               trainable=True, collections=None, **kwargs):
        prefix, _, short = name.rpartition("/")
        short = (rename or {}).get(short, short)
        return model_variable(f"{prefix}/{short}" if prefix else short, shape=shape,
                              dtype=dtype, initializer=initializer, regularizer=regularizer,
                              collections=collections, trainable=trainable,
                              custom_getter=base_getter)

    return getter


def add_variable_to_collections(variable, variables_collections, name: str) -> None:
    """Adds ``variable`` to ``variables_collections`` (a list, or a dict keyed by ``name``)."""
    if isinstance(variables_collections, dict):
        collections = variables_collections.get(name)
    else:
        collections = variables_collections
    if collections:
        if isinstance(collections, str):
            collections = [collections]
        graph = ops.get_default_graph()
        for collection in collections:
            if variable not in graph.get_collection(collection):
                graph.add_to_collection(collection, variable)


def collect_named_outputs(collections, alias: str, outputs):
    """Adds ``outputs`` to ``collections`` (TF-Slim's end points); returns it."""
    if collections:
        ops.get_default_graph().add_to_collections(collections, outputs)
    return outputs


def _finish(outputs, normalizer_fn, normalizer_params, activation_fn):
    if normalizer_fn is not None:
        outputs = normalizer_fn(outputs, **(normalizer_params or {}))
    if activation_fn is not None:
        outputs = activation_fn(outputs)
    return outputs


def _apply_weights_layer(layer, inputs, sc, use_bias, variables_collections,
                         outputs_collections, normalizer_fn, normalizer_params, activation_fn):
    """Runs a core layer the slim way: its weights (and biases) into ``variables_collections``,
    then the normalizer and activation, the result into ``outputs_collections`` as ``sc``."""
    outputs = layer.apply(inputs)
    add_variable_to_collections(layer.kernel, variables_collections, "weights")
    if use_bias:
        add_variable_to_collections(layer.bias, variables_collections, "biases")
    outputs = _finish(outputs, normalizer_fn, normalizer_params, activation_fn)
    return collect_named_outputs(outputs_collections, sc.name, outputs)


# ---- layers with weights -----------------------------------------------------------------


@add_arg_scope
def fully_connected(inputs, num_outputs, activation_fn=nn_ops.relu, normalizer_fn=None,
                    normalizer_params=None, weights_initializer=_XAVIER,
                    weights_regularizer=None, biases_initializer=_ZEROS,
                    biases_regularizer=None, reuse=None, variables_collections=None,
                    outputs_collections=None, trainable=True, scope=None):
    """``activation_fn(normalizer_fn(inputs @ weights [+ biases]))`` in scope
    ``fully_connected``; biases are skipped when a normalizer is given."""
    if not isinstance(num_outputs, numbers.Integral) or isinstance(num_outputs, bool):
        raise ValueError(f"num_outputs type should be one of [<class 'int'>], got "
                         f"{type(num_outputs)}.")
    with vs.variable_scope(scope, "fully_connected", [inputs], reuse=reuse,
                           custom_getter=model_variable_getter({"bias": "biases",
                                                                "kernel": "weights"})) as sc:
        inputs = convert_to_tensor(inputs)
        use_bias = bool(not normalizer_fn and biases_initializer)
        layer = core_layers.Dense(num_outputs, use_bias=use_bias,
                                  kernel_initializer=weights_initializer,
                                  bias_initializer=biases_initializer,
                                  kernel_regularizer=weights_regularizer,
                                  bias_regularizer=biases_regularizer, trainable=trainable,
                                  name=sc.name, dtype=inputs.dtype.base_dtype, _scope=sc,
                                  _reuse=reuse)
        return _apply_weights_layer(layer, inputs, sc, use_bias, variables_collections,
                                    outputs_collections, normalizer_fn, normalizer_params,
                                    activation_fn)


def _pair(value, name: str) -> list[int]:
    if isinstance(value, numbers.Integral):
        return [int(value)] * 2
    value = list(value)
    if len(value) != 2:
        raise ValueError(f"{name} must be an int or a list of 2 ints, got {value}")
    return [int(v) for v in value]


def _check_nhwc(data_format) -> None:
    if data_format not in (None, "NHWC"):
        raise ValueError(f"data_format {data_format!r} is not supported by tfcompat's "
                         "contrib layers: only NHWC")


@add_arg_scope
def convolution2d(inputs, num_outputs, kernel_size, stride=1, padding="SAME", data_format=None,
                  rate=1, activation_fn=nn_ops.relu, normalizer_fn=None, normalizer_params=None,
                  weights_initializer=_XAVIER, weights_regularizer=None,
                  biases_initializer=_ZEROS, biases_regularizer=None,
                  reuse=None, variables_collections=None, outputs_collections=None,
                  trainable=True, scope=None):
    """A 2-D convolution (NHWC) with ``weights`` ``kernel_size + [in, num_outputs]`` in scope
    ``Conv``; ``rate`` > 1 is an atrous (dilated) convolution."""
    _check_nhwc(data_format)
    with vs.variable_scope(scope, "Conv", [inputs], reuse=reuse,
                           custom_getter=model_variable_getter({"bias": "biases",
                                                                "kernel": "weights"})) as sc:
        inputs = convert_to_tensor(inputs)
        if inputs.shape.ndims is not None and inputs.shape.ndims != 4:
            raise ValueError(f"Convolution not supported for input with rank "
                             f"{inputs.shape.ndims}")
        use_bias = bool(not normalizer_fn and biases_initializer)
        layer = conv_layers.Conv2D(num_outputs, _pair(kernel_size, "kernel_size"),
                                   strides=_pair(stride, "stride"), padding=padding,
                                   dilation_rate=_pair(rate, "rate"), use_bias=use_bias,
                                   kernel_initializer=weights_initializer,
                                   bias_initializer=biases_initializer,
                                   kernel_regularizer=weights_regularizer,
                                   bias_regularizer=biases_regularizer, trainable=trainable,
                                   name=sc.name, dtype=inputs.dtype.base_dtype, _scope=sc,
                                   _reuse=reuse)
        return _apply_weights_layer(layer, inputs, sc, use_bias, variables_collections,
                                    outputs_collections, normalizer_fn, normalizer_params,
                                    activation_fn)


conv2d = convolution2d


def _deconv_length(size, stride: int, kernel: int, padding: str):
    if size is None:
        return None
    return size * stride + max(kernel - stride, 0) if padding == "VALID" else size * stride


@add_arg_scope
def convolution2d_transpose(inputs, num_outputs, kernel_size, stride=1, padding="SAME",
                            data_format="NHWC", activation_fn=nn_ops.relu, normalizer_fn=None,
                            normalizer_params=None, weights_initializer=_XAVIER,
                            weights_regularizer=None,
                            biases_initializer=_ZEROS,
                            biases_regularizer=None, reuse=None, variables_collections=None,
                            outputs_collections=None, trainable=True, scope=None):
    """A transposed 2-D convolution (NHWC) with ``weights`` ``kernel_size + [num_outputs, in]``
    in scope ``Conv2d_transpose``."""
    _check_nhwc(data_format)
    padding = padding.upper()
    kernel_h, kernel_w = _pair(kernel_size, "kernel_size")
    stride_h, stride_w = _pair(stride, "stride")
    with vs.variable_scope(scope, "Conv2d_transpose", [inputs], reuse=reuse) as sc:
        inputs = convert_to_tensor(inputs)
        dtype = inputs.dtype.base_dtype
        channels = inputs.shape[-1].value if inputs.shape.ndims is not None else None
        if channels is None:
            raise ValueError("The channel dimension of the inputs should be defined.")
        weights = model_variable("weights", shape=[kernel_h, kernel_w, num_outputs, channels],
                                 dtype=dtype, initializer=weights_initializer,
                                 regularizer=weights_regularizer, trainable=trainable)
        add_variable_to_collections(weights, variables_collections, "weights")
        shape = array_ops.shape(inputs)
        static = inputs.shape.as_list()
        height = _deconv_length(static[1], stride_h, kernel_h, padding)
        width = _deconv_length(static[2], stride_w, kernel_w, padding)
        out_h = height if height is not None else _deconv_length(shape[1], stride_h, kernel_h,
                                                                   padding)
        out_w = width if width is not None else _deconv_length(shape[2], stride_w, kernel_w,
                                                                 padding)
        output_shape = array_ops.stack([shape[0], out_h, out_w, num_outputs])
        outputs = conv_ops.conv2d_transpose(inputs, weights, output_shape,
                                            strides=[1, stride_h, stride_w, 1],
                                            padding=padding, name="conv2d_transpose")
        outputs.set_shape([static[0], height, width, num_outputs])
        if not normalizer_fn and biases_initializer:
            biases = model_variable("biases", shape=[num_outputs], dtype=dtype,
                                    initializer=biases_initializer,
                                    regularizer=biases_regularizer, trainable=trainable)
            add_variable_to_collections(biases, variables_collections, "biases")
            outputs = nn_ops.bias_add(outputs, biases)
        outputs = _finish(outputs, normalizer_fn, normalizer_params, activation_fn)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


conv2d_transpose = convolution2d_transpose


@add_arg_scope
def bias_add(inputs, activation_fn=None, initializer=_ZEROS,
             regularizer=None, reuse=None, variables_collections=None,
             outputs_collections=None, trainable=True, data_format="NHWC", scope=None):
    """Adds a ``biases`` model variable over the last dimension, in scope ``BiasAdd``."""
    _check_nhwc(data_format)
    with vs.variable_scope(scope, "BiasAdd", [inputs], reuse=reuse) as sc:
        inputs = convert_to_tensor(inputs)
        biases = model_variable("biases", shape=[inputs.shape[-1].value],
                                dtype=inputs.dtype.base_dtype, initializer=initializer,
                                regularizer=regularizer, trainable=trainable)
        add_variable_to_collections(biases, variables_collections, "biases")
        outputs = nn_ops.bias_add(inputs, biases)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


@add_arg_scope
def embed_sequence(ids, vocab_size=None, embed_dim=None, unique=False, initializer=None,
                   regularizer=None, trainable=True, scope=None, reuse=None):
    """Looks ``ids`` up in an ``embeddings`` model variable ``[vocab_size, embed_dim]`` (scope
    ``EmbedSequence``)."""
    if not (reuse or (vocab_size and embed_dim)):
        raise ValueError("Must specify vocab size and embedding dimension when not reusing. "
                         f"Got vocab_size={vocab_size} and embed_dim={embed_dim}")
    with vs.variable_scope(scope, "EmbedSequence", [ids], reuse=reuse):
        shape = [vocab_size, embed_dim] if not reuse else None
        embeddings = model_variable("embeddings", shape=shape, initializer=initializer,
                                    regularizer=regularizer, trainable=trainable)
        return nn_ops.embedding_lookup(embeddings, ids)


# ---- layers without weights --------------------------------------------------------------


def _pool(inputs, kernel_size, stride, padding, data_format, scope, default_name, pool, op):
    _check_nhwc(data_format)
    with ops.name_scope(scope, default_name, [inputs]):
        inputs = convert_to_tensor(inputs)
        kernel_h, kernel_w = _pair(kernel_size, "kernel_size")
        stride_h, stride_w = _pair(stride, "stride")
        return pool(inputs, ksize=[1, kernel_h, kernel_w, 1], strides=[1, stride_h, stride_w, 1],
                    padding=padding.upper(), name=op)


@add_arg_scope
def max_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format="NHWC",
               outputs_collections=None, scope=None):
    """Max pooling (NHWC) in name scope ``MaxPool2D``."""
    outputs = _pool(inputs, kernel_size, stride, padding, data_format, scope, "MaxPool2D",
                    conv_ops.max_pool, "MaxPool")
    return collect_named_outputs(outputs_collections, scope or "MaxPool2D", outputs)


@add_arg_scope
def avg_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format="NHWC",
               outputs_collections=None, scope=None):
    """Average pooling (NHWC) in name scope ``AvgPool2D``."""
    outputs = _pool(inputs, kernel_size, stride, padding, data_format, scope, "AvgPool2D",
                    conv_ops.avg_pool, "AvgPool")
    return collect_named_outputs(outputs_collections, scope or "AvgPool2D", outputs)


@add_arg_scope
def flatten(inputs, outputs_collections=None, scope=None):
    """``[batch, ...]`` to ``[batch, k]``, in name scope ``Flatten``."""
    with ops.name_scope(scope, "Flatten", [inputs]) as sc:
        inputs = convert_to_tensor(inputs)
        if inputs.shape.ndims is not None and inputs.shape.ndims < 2:
            raise ValueError(f"Inputs must have a least 2 dimensions. {inputs.shape}")
        outputs = core_layers.flatten(inputs)
        return collect_named_outputs(outputs_collections, sc, outputs)


@add_arg_scope
def dropout(inputs, keep_prob=0.5, noise_shape=None, is_training=True,
            outputs_collections=None, scope=None, seed=None):
    """Keeps each value with probability ``keep_prob`` (scaled by ``1 / keep_prob``) when
    ``is_training``; identity otherwise. Scope ``Dropout``."""
    with vs.variable_scope(scope, "Dropout", [inputs]) as sc:
        inputs = convert_to_tensor(inputs)
        layer = core_layers.Dropout(rate=1 - keep_prob, noise_shape=noise_shape, seed=seed,
                                    name=sc.name, _scope=sc)
        outputs = layer.apply(inputs, training=is_training)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


@add_arg_scope
def one_hot_encoding(labels, num_classes, on_value=1.0, off_value=0.0,
                     outputs_collections=None, scope=None):
    """One-hot ``labels`` (int64) into ``num_classes`` columns, in name scope
    ``OneHotEncoding``."""
    with ops.name_scope(scope, "OneHotEncoding", [labels]) as sc:
        labels = convert_to_tensor(labels)
        if labels.dtype.base_dtype == dtypes.int32:
            labels = math_ops.cast(labels, dtypes.int64)
        outputs = slicing_ops.one_hot(labels, num_classes, on_value=on_value,
                                      off_value=off_value)
        return collect_named_outputs(outputs_collections, sc, outputs)


def _layer_name(layer, default: str) -> str:
    if hasattr(layer, "__name__"):
        return layer.__name__
    if hasattr(layer, "func") and hasattr(layer.func, "__name__"):
        return layer.func.__name__
    return default


def repeat(inputs, repetitions, layer, *args, **kwargs):
    """Applies ``layer`` ``repetitions`` times, in scopes ``<scope>/<scope>_1``,
    ``<scope>/<scope>_2``... (scope defaults to the layer's name)."""
    scope = kwargs.pop("scope", None)
    with vs.variable_scope(scope, "Repeat", [inputs]):
        inputs = convert_to_tensor(inputs)
        scope = scope or _layer_name(layer, "repeat")
        outputs = inputs
        for i in range(repetitions):
            kwargs["scope"] = f"{scope}_{i + 1}"
            outputs = layer(outputs, *args, **kwargs)
        return outputs


def stack(inputs, layer, stack_args, **kwargs):
    """Applies ``layer`` once per entry of ``stack_args`` (its positional arguments), in
    scopes ``<scope>/<scope>_1``, ``<scope>/<scope>_2``..."""
    scope = kwargs.pop("scope", None)
    if not isinstance(stack_args, (list, tuple)):
        raise ValueError("stack_args need to be a list or tuple")
    with vs.variable_scope(scope, "Stack", [inputs]):
        inputs = convert_to_tensor(inputs)
        scope = scope or _layer_name(layer, "stack")
        outputs = inputs
        for i, layer_args in enumerate(stack_args):
            kwargs["scope"] = f"{scope}_{i + 1}"
            if not isinstance(layer_args, (list, tuple)):
                layer_args = [layer_args]
            outputs = layer(outputs, *layer_args, **kwargs)
        return outputs


def linear(inputs, num_outputs, **kwargs):
    """``fully_connected`` with no activation."""
    return fully_connected(inputs, num_outputs, activation_fn=None, **kwargs)


def relu(inputs, num_outputs, **kwargs):
    return fully_connected(inputs, num_outputs, activation_fn=nn_ops.relu, **kwargs)


def relu6(inputs, num_outputs, **kwargs):
    return fully_connected(inputs, num_outputs, activation_fn=nn_ops.relu6, **kwargs)
