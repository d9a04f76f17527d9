"""``tf.layers`` Conv1D, Conv2DTranspose and 1-D pooling, built from the 2-D ops as Keras
builds them (Conv1D and pooling expand a unit spatial axis, run the 2-D op, squeeze it)."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.ops import array_ops, conv_ops, nn_ops, slicing_ops


def _channels(layer_name, input_shape, axis_text="-1"):
    channels = input_shape[-1].value if input_shape.ndims is not None else None
    if channels is None:
        raise ValueError("The channel dimension of the inputs should be defined. The "
                         f"input_shape received is {input_shape}, where axis {axis_text} "
                         "(0-based) is the channel dimension, which found to be `None`.")
    return channels


def _add_kernel_and_bias(layer, kernel_shape, filters):
    layer.kernel = layer.add_weight("kernel", kernel_shape,
                                    initializer=layer.kernel_initializer,
                                    regularizer=layer.kernel_regularizer,
                                    constraint=layer.kernel_constraint)
    if layer.use_bias:
        layer.bias = layer.add_weight("bias", [filters], initializer=layer.bias_initializer,
                                      regularizer=layer.bias_regularizer,
                                      constraint=layer.bias_constraint)


def _finish(layer, outputs):
    if layer.use_bias:
        outputs = nn_ops.bias_add(outputs, layer.bias)
    if layer.activation is not None:
        outputs = layer.activation(outputs)
    return outputs


class Conv1D(Layer):
    """1-D convolution layer over ``[batch, width, channels]`` inputs; ``padding`` may also
    be "causal" (left padding only, for autoregressive models)."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid",
                 data_format="channels_last", dilation_rate=1, activation=None,
                 use_bias=True, kernel_initializer=None, bias_initializer=utils.ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.filters = int(filters)
        self.kernel_size = utils.normalize_tuple(kernel_size, 1, "kernel_size")
        self.strides = utils.normalize_tuple(strides, 1, "strides")
        self.padding = "causal" if str(padding).lower() == "causal" \
            else utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, "Conv1D")
        self.dilation_rate = utils.normalize_tuple(dilation_rate, 1, "dilation_rate")
        utils.set_weight_config(self, activation, use_bias, kernel_initializer,
                                bias_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint)
        self.input_spec = InputSpec(min_ndim=3)

    def build(self, input_shape) -> None:
        channels = _channels("Conv1D", input_shape)
        self.input_spec = InputSpec(min_ndim=3, axes={-1: channels})
        _add_kernel_and_bias(self, [self.kernel_size[0], channels, self.filters], self.filters)
        self.built = True

    def call(self, inputs):
        padding = self.padding
        if padding == "causal":
            left = self.dilation_rate[0] * (self.kernel_size[0] - 1)
            inputs = slicing_ops.pad(inputs, [[0, 0], [left, 0], [0, 0]])
            padding = "valid"
        with ops.name_scope("Conv1D") as scope:
            expanded = array_ops.expand_dims(inputs, 1)
            kernel = array_ops.expand_dims(_dilated_kernel(self.kernel, self.dilation_rate[0]),
                                           0)
            outputs = conv_ops.conv2d(expanded, kernel, strides=[1, 1, self.strides[0], 1],
                                      padding=padding.upper(), name=scope)
            outputs = array_ops.squeeze(outputs, [1])
        return _finish(self, outputs)


def _dilated_kernel(kernel, rate: int):
    """``kernel`` [taps, in, out] with ``rate - 1`` zero taps between its taps.

    TF runs a dilated conv1d through SpaceToBatchND; a dense kernel with holes gives the
    same values and keeps the kernel gradient (tfcompat's Conv2DBackpropFilter, like TF's CPU
    kernel, rejects dilations).
    """
    if rate == 1:
        return kernel
    taps, channels, filters = kernel.shape.as_list()
    holes = array_ops.zeros([taps, rate - 1, channels, filters], kernel.dtype.base_dtype)
    spread = array_ops.concat([array_ops.expand_dims(kernel, 1), holes], 1)
    spread = array_ops.reshape(spread, [taps * rate, channels, filters])
    return spread[:(taps - 1) * rate + 1]


def _deconv_output_length(input_length, filter_size, padding, stride):
    if input_length is None:
        return None
    if padding == "valid":
        return input_length * stride + max(filter_size - stride, 0)
    return input_length * stride


class Conv2DTranspose(Layer):
    """Transposed 2-D convolution ("deconvolution"): the gradient of a conv2d with respect
    to its input; the kernel is ``kernel_size + (filters, input_channels)``."""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", activation=None, use_bias=True,
                 kernel_initializer=None, bias_initializer=utils.ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.filters = int(filters)
        self.kernel_size = utils.normalize_tuple(kernel_size, 2, "kernel_size")
        self.strides = utils.normalize_tuple(strides, 2, "strides")
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, "Conv2DTranspose")
        utils.set_weight_config(self, activation, use_bias, kernel_initializer,
                                bias_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint)
        self.input_spec = InputSpec(min_ndim=4)

    def build(self, input_shape) -> None:
        if input_shape.ndims is not None and input_shape.ndims != 4:
            raise ValueError(f"Inputs should have rank 4. Received input shape: "
                             f"{input_shape}")
        channels = _channels("Conv2DTranspose", input_shape)
        self.input_spec = InputSpec(ndim=4, axes={-1: channels})
        _add_kernel_and_bias(self, list(self.kernel_size) + [self.filters, channels],
                             self.filters)
        self.built = True

    def call(self, inputs):
        inputs_shape = array_ops.shape(inputs)
        batch_size = inputs_shape[0]
        dims = inputs.shape.as_list() if inputs.shape.ndims is not None else [None] * 4
        height = dims[1] if dims[1] is not None else inputs_shape[1]
        width = dims[2] if dims[2] is not None else inputs_shape[2]
        out_height = _deconv_output_length(height, self.kernel_size[0], self.padding,
                                           self.strides[0])
        out_width = _deconv_output_length(width, self.kernel_size[1], self.padding,
                                          self.strides[1])
        output_shape = array_ops.stack((batch_size, out_height, out_width, self.filters))
        output_shape[0]  # noqa: B018 - Keras indexes the shape here (a strided_slice in TF)
        outputs = conv_ops.conv2d_transpose(inputs, self.kernel, output_shape,
                                            strides=(1,) + self.strides + (1,),
                                            padding=self.padding.upper(), data_format="NHWC")
        static = [dims[0],
                  _deconv_output_length(dims[1], self.kernel_size[0], self.padding,
                                        self.strides[0]),
                  _deconv_output_length(dims[2], self.kernel_size[1], self.padding,
                                        self.strides[1]), self.filters]
        outputs.set_shape(static)
        return _finish(self, outputs)


class _Pooling1D(Layer):
    """1-D pooling over ``[batch, steps, channels]``: a 2-D pool of a unit-width axis."""

    _pool_function = None

    def __init__(self, pool_size, strides, padding="valid", data_format="channels_last",
                 name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self.pool_size = utils.normalize_tuple(pool_size, 1, "pool_size")
        self.strides = utils.normalize_tuple(strides if strides is not None else pool_size,
                                             1, "strides")
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, type(self).__name__)
        self.input_spec = InputSpec(ndim=3)

    def call(self, inputs):
        expanded = array_ops.expand_dims(inputs, 2)
        outputs = type(self)._pool_function(
            expanded, ksize=(1,) + self.pool_size + (1, 1),
            strides=(1,) + self.strides + (1, 1), padding=self.padding.upper(),
            data_format="NHWC")
        return array_ops.squeeze(outputs, [2])


class MaxPooling1D(_Pooling1D):
    """Max pooling layer for 1-D inputs (``tf.layers.MaxPooling1D``)."""

    _pool_function = staticmethod(conv_ops.max_pool)


class AveragePooling1D(_Pooling1D):
    """Average pooling layer for 1-D inputs (``tf.layers.AveragePooling1D``)."""

    _pool_function = staticmethod(conv_ops.avg_pool)


def conv1d(inputs, filters, kernel_size, strides=1, padding="valid",
           data_format="channels_last", dilation_rate=1, activation=None, use_bias=True,
           kernel_initializer=None, bias_initializer=utils.ZEROS, kernel_regularizer=None,
           bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
           bias_constraint=None, trainable=True, name=None, reuse=None) -> Tensor:
    """Functional interface for the 1-D convolution layer (``tf.layers.conv1d``)."""
    if activity_regularizer is not None:
        raise ValueError("tfcompat's tf.layers.conv1d does not support activity_regularizer")
    layer = Conv1D(filters, kernel_size, strides=strides, padding=padding,
                   data_format=data_format, dilation_rate=dilation_rate, activation=activation,
                   use_bias=use_bias, kernel_initializer=kernel_initializer,
                   bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                   bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                   bias_constraint=bias_constraint, trainable=trainable, name=name, _scope=name,
                   _reuse=reuse)
    return layer.apply(inputs)


def conv2d_transpose(inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                     data_format="channels_last", activation=None, use_bias=True,
                     kernel_initializer=None, bias_initializer=utils.ZEROS,
                     kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                     kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
                     reuse=None) -> Tensor:
    """Functional interface for the transposed 2-D convolution layer."""
    if activity_regularizer is not None:
        raise ValueError("tfcompat's tf.layers.conv2d_transpose does not support "
                         "activity_regularizer")
    layer = Conv2DTranspose(filters, kernel_size, strides=strides, padding=padding,
                            data_format=data_format, activation=activation, use_bias=use_bias,
                            kernel_initializer=kernel_initializer,
                            bias_initializer=bias_initializer,
                            kernel_regularizer=kernel_regularizer,
                            bias_regularizer=bias_regularizer,
                            kernel_constraint=kernel_constraint,
                            bias_constraint=bias_constraint, trainable=trainable, name=name,
                            _scope=name, _reuse=reuse)
    return layer.apply(inputs)


def max_pooling1d(inputs, pool_size, strides, padding="valid", data_format="channels_last",
                  name=None) -> Tensor:
    """Max pooling for 1-D inputs (``tf.layers.max_pooling1d``)."""
    return MaxPooling1D(pool_size, strides, padding=padding, data_format=data_format,
                        name=name).apply(inputs)


def average_pooling1d(inputs, pool_size, strides, padding="valid",
                      data_format="channels_last", name=None) -> Tensor:
    """Average pooling for 1-D inputs (``tf.layers.average_pooling1d``)."""
    return AveragePooling1D(pool_size, strides, padding=padding, data_format=data_format,
                            name=name).apply(inputs)
