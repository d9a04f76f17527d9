"""``tf.layers`` SeparableConv1D / SeparableConv2D: a depthwise convolution (one filter bank of
``depth_multiplier`` filters per input channel) followed by a 1x1 pointwise convolution, through
``tf.nn.separable_conv2d`` as TF's legacy Keras layers do (the 1-D layer on a unit height axis).
"""

from __future__ import annotations

from tfcompat.framework.ops import Tensor
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.layers.convolutional_more import _channels
from tfcompat.ops import array_ops, depthwise_ops, nn_ops, slicing_ops


class _SeparableConv(Layer):
    """Shared configuration and weights of the separable convolution layers."""

    _rank = 2

    def __init__(self, filters, kernel_size, strides=1, padding="valid",
                 data_format="channels_last", dilation_rate=1, depth_multiplier=1,
                 activation=None, use_bias=True, depthwise_initializer=None,
                 pointwise_initializer=None, bias_initializer=utils.ZEROS,
                 depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        rank = self._rank
        self.filters = int(filters)
        self.kernel_size = utils.normalize_tuple(kernel_size, rank, "kernel_size")
        self.strides = utils.normalize_tuple(strides, rank, "strides")
        self.padding = utils.normalize_padding(padding)
        if self.padding == "causal" and rank != 1:
            raise ValueError("Causal padding is only supported for `Conv1D`and "
                             "`SeparableConv1D`.")
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, type(self).__name__)
        self.dilation_rate = utils.normalize_tuple(dilation_rate, rank, "dilation_rate")
        self.depth_multiplier = int(depth_multiplier)
        self.activation = utils.get_activation(activation)
        self.use_bias = use_bias
        self.depthwise_initializer = utils.get_initializer(depthwise_initializer)
        self.pointwise_initializer = utils.get_initializer(pointwise_initializer)
        self.bias_initializer = utils.get_initializer(bias_initializer)
        self.depthwise_regularizer = depthwise_regularizer
        self.pointwise_regularizer = pointwise_regularizer
        self.bias_regularizer = bias_regularizer
        self.depthwise_constraint = depthwise_constraint
        self.pointwise_constraint = pointwise_constraint
        self.bias_constraint = bias_constraint
        self.depthwise_kernel = self.pointwise_kernel = self.bias = None
        self.input_spec = InputSpec(min_ndim=rank + 2)

    def build(self, input_shape) -> None:
        channels = _channels(type(self).__name__, input_shape)
        self.input_spec = InputSpec(ndim=self._rank + 2, axes={-1: channels})
        self.depthwise_kernel = self.add_weight(
            "depthwise_kernel", list(self.kernel_size) + [channels, self.depth_multiplier],
            initializer=self.depthwise_initializer, regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint)
        self.pointwise_kernel = self.add_weight(
            "pointwise_kernel", [1] * self._rank + [self.depth_multiplier * channels,
                                                    self.filters],
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer,
            constraint=self.pointwise_constraint)
        if self.use_bias:
            self.bias = self.add_weight("bias", [self.filters],
                                        initializer=self.bias_initializer,
                                        regularizer=self.bias_regularizer,
                                        constraint=self.bias_constraint)
        self.built = True


class SeparableConv2D(_SeparableConv):
    """Depthwise separable 2-D convolution layer (``tf.layers.SeparableConv2D``)."""

    _rank = 2

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1), depth_multiplier=1,
                 **kwargs):
        super().__init__(filters, kernel_size, strides=strides, padding=padding,
                         data_format=data_format, dilation_rate=dilation_rate,
                         depth_multiplier=depth_multiplier, **kwargs)

    def call(self, inputs):
        outputs = depthwise_ops.separable_conv2d(
            inputs, self.depthwise_kernel, self.pointwise_kernel,
            strides=[1, *self.strides, 1], padding=self.padding.upper(),
            rate=list(self.dilation_rate), data_format="NHWC")
        if self.use_bias:
            outputs = nn_ops.bias_add(outputs, self.bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs


class SeparableConv1D(_SeparableConv):
    """Depthwise separable 1-D convolution layer (``tf.layers.SeparableConv1D``); ``padding``
    may be "causal"."""

    _rank = 1

    def call(self, inputs):
        padding = self.padding
        if padding == "causal":
            left = self.dilation_rate[0] * (self.kernel_size[0] - 1)
            inputs = slicing_ops.pad(inputs, [[0, 0], [left, 0], [0, 0]])
            padding = "valid"
        inputs = array_ops.expand_dims(inputs, 1)
        depthwise = array_ops.expand_dims(self.depthwise_kernel, 0)
        pointwise = array_ops.expand_dims(self.pointwise_kernel, 0)
        # Keras repeats the stride on the unit height axis: (1, s, s, 1).
        outputs = depthwise_ops.separable_conv2d(
            inputs, depthwise, pointwise, strides=[1, self.strides[0], self.strides[0], 1],
            padding=padding.upper(), rate=[1, self.dilation_rate[0]], data_format="NHWC")
        if self.use_bias:
            outputs = nn_ops.bias_add(outputs, self.bias)
        outputs = array_ops.squeeze(outputs, [1])
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs


def _separable(layer_class, inputs, activity_regularizer, name, reuse, **config) -> Tensor:
    if activity_regularizer is not None:
        raise ValueError(f"tfcompat's tf.layers.{layer_class.__name__} does not support "
                         "activity_regularizer")
    layer = layer_class(name=name, _scope=name, _reuse=reuse, **config)
    return layer.apply(inputs)


def separable_conv1d(inputs, filters, kernel_size, strides=1, padding="valid",
                     data_format="channels_last", dilation_rate=1, depth_multiplier=1,
                     activation=None, use_bias=True, depthwise_initializer=None,
                     pointwise_initializer=None, bias_initializer=utils.ZEROS,
                     depthwise_regularizer=None, pointwise_regularizer=None,
                     bias_regularizer=None, activity_regularizer=None,
                     depthwise_constraint=None, pointwise_constraint=None,
                     bias_constraint=None, trainable=True, name=None, reuse=None) -> Tensor:
    """Functional interface for the depthwise separable 1-D convolution layer."""
    return _separable(SeparableConv1D, inputs, activity_regularizer, name, reuse,
                      filters=filters, kernel_size=kernel_size, strides=strides,
                      padding=padding, data_format=data_format, dilation_rate=dilation_rate,
                      depth_multiplier=depth_multiplier, activation=activation,
                      use_bias=use_bias, depthwise_initializer=depthwise_initializer,
                      pointwise_initializer=pointwise_initializer,
                      bias_initializer=bias_initializer,
                      depthwise_regularizer=depthwise_regularizer,
                      pointwise_regularizer=pointwise_regularizer,
                      bias_regularizer=bias_regularizer,
                      depthwise_constraint=depthwise_constraint,
                      pointwise_constraint=pointwise_constraint,
                      bias_constraint=bias_constraint, trainable=trainable)


def separable_conv2d(inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                     data_format="channels_last", dilation_rate=(1, 1), depth_multiplier=1,
                     activation=None, use_bias=True, depthwise_initializer=None,
                     pointwise_initializer=None, bias_initializer=utils.ZEROS,
                     depthwise_regularizer=None, pointwise_regularizer=None,
                     bias_regularizer=None, activity_regularizer=None,
                     depthwise_constraint=None, pointwise_constraint=None,
                     bias_constraint=None, trainable=True, name=None, reuse=None) -> Tensor:
    """Functional interface for the depthwise separable 2-D convolution layer."""
    return _separable(SeparableConv2D, inputs, activity_regularizer, name, reuse,
                      filters=filters, kernel_size=kernel_size, strides=strides,
                      padding=padding, data_format=data_format, dilation_rate=dilation_rate,
                      depth_multiplier=depth_multiplier, activation=activation,
                      use_bias=use_bias, depthwise_initializer=depthwise_initializer,
                      pointwise_initializer=pointwise_initializer,
                      bias_initializer=bias_initializer,
                      depthwise_regularizer=depthwise_regularizer,
                      pointwise_regularizer=pointwise_regularizer,
                      bias_regularizer=bias_regularizer,
                      depthwise_constraint=depthwise_constraint,
                      pointwise_constraint=pointwise_constraint,
                      bias_constraint=bias_constraint, trainable=trainable)
