"""Convolution layers: ``tf.layers.conv2d`` / ``tf.layers.Conv2D`` (NHWC, as TF's CPU kernels)."""

from __future__ import annotations

from tfcompat.framework.ops import Tensor
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.ops import conv_ops, nn_ops


class Conv2D(Layer):
    """2-D convolution layer: ``activation(conv2d(inputs, kernel) + bias)``.

    The kernel is ``kernel_size + (input_channels, filters)``, glorot-uniform by default; an
    input whose channels are a multiple of the kernel's runs as a grouped convolution.
    """

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1), activation=None,
                 use_bias=True, kernel_initializer=None,
                 bias_initializer=utils.ZEROS, kernel_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.filters = int(filters)
        self.kernel_size = utils.normalize_tuple(kernel_size, 2, "kernel_size")
        self.strides = utils.normalize_tuple(strides, 2, "strides")
        self.padding = utils.normalize_padding(padding)
        if self.padding == "causal":
            raise ValueError("Causal padding is only supported for `Conv1D`and "
                             "`SeparableConv1D`.")
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, "Conv2D")
        self.dilation_rate = utils.normalize_tuple(dilation_rate, 2, "dilation_rate")
        utils.set_weight_config(self, activation, use_bias, kernel_initializer,
                                bias_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint)
        self.input_spec = InputSpec(min_ndim=4)

    def build(self, input_shape) -> None:
        channels = input_shape[-1].value if input_shape.ndims is not None else None
        if channels is None:
            raise ValueError("The channel dimension of the inputs should be defined. The "
                             f"input_shape received is {input_shape}, where axis -1 (0-based) is "
                             "the channel dimension, which found to be `None`.")
        self.input_spec = InputSpec(min_ndim=4, axes={-1: channels})
        self.kernel = self.add_weight("kernel", list(self.kernel_size) + [channels, self.filters],
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        if self.use_bias:
            self.bias = self.add_weight("bias", [self.filters], initializer=self.bias_initializer,
                                        regularizer=self.bias_regularizer,
                                        constraint=self.bias_constraint)
        self.built = True

    def call(self, inputs):
        outputs = conv_ops.conv2d(inputs, self.kernel, strides=list(self.strides),
                                  padding=self.padding.upper(),
                                  dilations=list(self.dilation_rate), name="Conv2D")
        if self.use_bias:
            outputs = nn_ops.bias_add(outputs, self.bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs


def conv2d(inputs, filters, kernel_size, strides=(1, 1), padding="valid",
           data_format="channels_last", dilation_rate=(1, 1), activation=None, use_bias=True,
           kernel_initializer=None, bias_initializer=utils.ZEROS,
           kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
           bias_constraint=None, trainable=True, name=None, reuse=None) -> Tensor:
    """Functional interface for the 2-D convolution layer (``tf.layers.conv2d``).

    Creates ``<name>/kernel`` and ``<name>/bias`` in the variable scope ``name`` (default
    ``conv2d``, ``conv2d_1``...); ``padding`` is "valid" or "same" in any case.
    """
    layer = Conv2D(filters, kernel_size, strides=strides, padding=padding,
                   data_format=data_format, dilation_rate=dilation_rate, activation=activation,
                   use_bias=use_bias, kernel_initializer=kernel_initializer,
                   bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                   bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                   bias_constraint=bias_constraint, trainable=trainable, name=name, _scope=name,
                   _reuse=reuse)
    return layer.apply(inputs)
