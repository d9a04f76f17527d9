"""Argument normalisation shared by the ``tf.layers`` classes, worded as TF's Keras layers."""

from __future__ import annotations

from tfcompat.framework import tensor_util
from tfcompat.framework.ops import Tensor
from tfcompat.ops import control_flow_v1, math_ops, nn_ops
from tfcompat.variables import init_ops

_ACTIVATIONS = {
    "linear": None, "relu": nn_ops.relu, "relu6": nn_ops.relu6, "elu": nn_ops.elu,
    "sigmoid": math_ops.sigmoid, "tanh": math_ops.tanh, "softmax": nn_ops.softmax,
    "softplus": nn_ops.softplus,
}

# The default bias initializer, one shared instance as in TF's signatures.
ZEROS = init_ops.zeros_initializer()

_INITIALIZERS = {
    "zeros": init_ops.Zeros, "ones": init_ops.Ones, "glorot_uniform": init_ops.GlorotUniform,
    "glorot_normal": init_ops.GlorotNormal, "orthogonal": init_ops.Orthogonal,
}


def get_activation(activation):
    """A callable activation (or None) from a callable, None or a Keras name such as "relu"."""
    if activation is None or callable(activation):
        return activation
    try:
        return _ACTIVATIONS[activation]
    except KeyError:
        raise ValueError(f"Unknown activation function: '{activation}'. Please ensure you are "
                         "using a `keras.utils.custom_object_scope` and that this object is "
                         "included in the scope.") from None


def get_initializer(initializer):
    """An initializer (or None) from an initializer, a class, None or a name such as "zeros"."""
    if not isinstance(initializer, str):
        return initializer
    try:
        return _INITIALIZERS[initializer]()
    except KeyError:
        raise ValueError(f"Unknown initializer: '{initializer}'. Please ensure you are using a "
                         "`keras.utils.custom_object_scope` and that this object is included "
                         "in the scope.") from None


def normalize_tuple(value, n: int, name: str) -> tuple[int, ...]:
    """An int or an n-sequence of ints (kernel_size, strides, pool_size...) as an n-tuple."""
    if isinstance(value, int):
        return (value,) * n
    try:
        values = tuple(value)
    except TypeError:
        raise ValueError(f"The `{name}` argument must be a tuple of {n} integers. Received: "
                         f"{value}") from None
    if len(values) != n or not all(isinstance(v, int) for v in values):
        raise ValueError(f"The `{name}` argument must be a tuple of {n} integers. Received: "
                         f"{value}")
    return values


def normalize_padding(padding) -> str:
    """"valid" or "same" (any case), as the lower-case name Keras layers keep."""
    padding = padding.lower() if isinstance(padding, str) else padding
    if padding not in ("valid", "same", "causal"):
        raise ValueError('The `padding` argument must be a list/tuple or one of "valid", "same" '
                         f'(or "causal", only for `Conv1D). Received: {padding}')
    return padding


def normalize_data_format(data_format) -> str:
    """tfcompat's kernels are channels-last only, as TF's CPU kernels are."""
    value = "channels_last" if data_format is None else data_format.lower()
    if value not in ("channels_first", "channels_last"):
        raise ValueError('The `data_format` argument must be one of "channels_first", '
                         f'"channels_last". Received: {data_format}')
    return value


def require_channels_last(data_format: str, layer: str) -> None:
    if data_format != "channels_last":
        raise ValueError(f"tfcompat's {layer} supports data_format='channels_last' only: TF's "
                         "CPU kernels reject channels-first inputs too")


def set_weight_config(layer, activation, use_bias, kernel_initializer, bias_initializer,
                      kernel_regularizer, bias_regularizer, kernel_constraint,
                      bias_constraint) -> None:
    """Stores the kernel/bias settings shared by Dense and the convolution layers."""
    layer.activation = get_activation(activation)
    layer.use_bias = use_bias
    layer.kernel_initializer = get_initializer(kernel_initializer)
    layer.bias_initializer = get_initializer(bias_initializer)
    layer.kernel_regularizer = kernel_regularizer
    layer.bias_regularizer = bias_regularizer
    layer.kernel_constraint = kernel_constraint
    layer.bias_constraint = bias_constraint
    layer.kernel = None
    layer.bias = None


def smart_cond(pred, true_fn, false_fn, name=None):
    """``true_fn()`` or ``false_fn()`` when ``pred`` is a Python bool or a tensor of known
    value, else ``tf.cond(pred, true_fn, false_fn)`` — how TF's layers apply a ``training``
    flag."""
    if isinstance(pred, Tensor):
        value = tensor_util.constant_value(pred)
    elif hasattr(pred, "_as_graph_element"):  # a variable: its value is known only when run
        value = None
    elif isinstance(pred, (bool, int)) and pred in (0, 1):
        value = bool(pred)
    else:
        raise TypeError("`pred` must be a Tensor, or a Python bool, or 1 or 0. Found instead: "
                        f"{type(pred)}")
    if value is None:
        return control_flow_v1.cond(pred, true_fn, false_fn, name=name)
    return true_fn() if value else false_fn()
