"""``tf.layers`` Conv3D, Conv3DTranspose and 3-D pooling over ``[batch, depth, height, width,
channels]`` inputs, building the graphs TF's legacy Keras layers build."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.layers.convolutional_more import _add_kernel_and_bias, _channels, _finish
from tfcompat.ops import array_ops, conv3d_ops
from tfcompat.ops.conv_extra_ops import with_space_to_batch_dilated


class Conv3D(Layer):
    """3-D convolution layer: ``activation(conv3d(inputs, kernel) + bias)``; the kernel is
    ``kernel_size + (input_channels, filters)``. A dilated convolution runs through
    SpaceToBatchND / BatchToSpaceND as TF's does."""

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1, 1), activation=None,
                 use_bias=True, kernel_initializer=None, bias_initializer=utils.ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.filters = int(filters)
        self.kernel_size = utils.normalize_tuple(kernel_size, 3, "kernel_size")
        self.strides = utils.normalize_tuple(strides, 3, "strides")
        self.padding = utils.normalize_padding(padding)
        if self.padding == "causal":
            raise ValueError("Causal padding is only supported for `Conv1D`and "
                             "`SeparableConv1D`.")
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, "Conv3D")
        self.dilation_rate = utils.normalize_tuple(dilation_rate, 3, "dilation_rate")
        utils.set_weight_config(self, activation, use_bias, kernel_initializer,
                                bias_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint)
        self.input_spec = InputSpec(min_ndim=5)

    def build(self, input_shape) -> None:
        channels = _channels("Conv3D", input_shape)
        self.input_spec = InputSpec(min_ndim=5, axes={-1: channels})
        _add_kernel_and_bias(self, list(self.kernel_size) + [channels, self.filters],
                             self.filters)
        self.built = True

    def call(self, inputs):
        padding = self.padding.upper()
        if any(rate > 1 for rate in self.dilation_rate):
            if any(stride > 1 for stride in self.strides):
                raise ValueError("strides > window_shape not supported due to inconsistency "
                                 "between CPU and GPU implementations")
            with ops.name_scope("Conv3D") as scope:
                outputs = with_space_to_batch_dilated(
                    lambda blocks, name: conv3d_ops.conv3d(blocks, self.kernel, [1] * 5,
                                                           "VALID", name=name),
                    inputs, self.kernel_size, self.dilation_rate, padding, scope)
        else:
            outputs = conv3d_ops.conv3d(inputs, self.kernel, [1, *self.strides, 1], padding,
                                        name="Conv3D")
        return _finish(self, outputs)


def _output_length(length, kernel: int, padding: str, stride: int):
    """Keras' deconv output length; ``length`` may be a tensor (then so is the result)."""
    if length is None:
        return None
    if padding == "valid":
        return length * stride + max(kernel - stride, 0)
    return length * stride


class Conv3DTranspose(Layer):
    """Transposed 3-D convolution: the gradient of a conv3d with respect to its input; the
    kernel is ``kernel_size + (filters, input_channels)``."""

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format="channels_last", activation=None, use_bias=True,
                 kernel_initializer=None, bias_initializer=utils.ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.filters = int(filters)
        self.kernel_size = utils.normalize_tuple(kernel_size, 3, "kernel_size")
        self.strides = utils.normalize_tuple(strides, 3, "strides")
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, "Conv3DTranspose")
        utils.set_weight_config(self, activation, use_bias, kernel_initializer,
                                bias_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint)
        self.input_spec = InputSpec(min_ndim=5)

    def build(self, input_shape) -> None:
        if input_shape.ndims is not None and input_shape.ndims != 5:
            raise ValueError(f"Inputs should have rank 5, received input shape: "
                             f"{input_shape}")
        channels = _channels("Conv3DTranspose", input_shape)
        self.input_spec = InputSpec(ndim=5, axes={-1: channels})
        _add_kernel_and_bias(self, list(self.kernel_size) + [self.filters, channels],
                             self.filters)
        self.built = True

    def call(self, inputs):
        # Keras computes the output size from the dynamic shape (Mul/AddV2 ops), then sets the
        # static shape it knows.
        shape = array_ops.shape(inputs)
        batch_size = shape[0]
        spatial = [shape[axis] for axis in (1, 2, 3)]
        lengths = [_output_length(length, k, self.padding, stride)
                   for length, k, stride in zip(spatial, self.kernel_size, self.strides)]
        output_shape = array_ops.stack([batch_size, *lengths, self.filters])
        outputs = conv3d_ops.conv3d_transpose(inputs, self.kernel, output_shape,
                                              strides=(1, *self.strides, 1),
                                              padding=self.padding.upper(),
                                              data_format="NDHWC")
        dims = inputs.shape.as_list() if inputs.shape.ndims is not None else [None] * 5
        outputs.set_shape([dims[0]] + [
            _output_length(dims[axis], self.kernel_size[axis - 1], self.padding,
                           self.strides[axis - 1]) for axis in (1, 2, 3)] + [self.filters])
        return _finish(self, outputs)


class _Pooling3D(Layer):
    """3-D pooling over ``pool_size`` windows moved by ``strides``."""

    _pool_function = None

    def __init__(self, pool_size, strides, padding="valid", data_format="channels_last",
                 name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self.pool_size = utils.normalize_tuple(pool_size, 3, "pool_size")
        self.strides = utils.normalize_tuple(strides if strides is not None else pool_size,
                                             3, "strides")
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, type(self).__name__)
        self.input_spec = InputSpec(ndim=5)

    def call(self, inputs):
        return type(self)._pool_function(inputs, ksize=(1, *self.pool_size, 1),
                                         strides=(1, *self.strides, 1),
                                         padding=self.padding.upper(), data_format="NDHWC")


class MaxPooling3D(_Pooling3D):
    """Max pooling layer for 3-D inputs (``tf.layers.MaxPooling3D``)."""

    _pool_function = staticmethod(conv3d_ops.max_pool3d)


class AveragePooling3D(_Pooling3D):
    """Average pooling layer for 3-D inputs (``tf.layers.AveragePooling3D``)."""

    _pool_function = staticmethod(conv3d_ops.avg_pool3d)


def _no_activity_regularizer(activity_regularizer, name: str) -> None:
    if activity_regularizer is not None:
        raise ValueError(f"tfcompat's tf.layers.{name} does not support activity_regularizer")


def conv3d(inputs, filters, kernel_size, strides=(1, 1, 1), padding="valid",
           data_format="channels_last", dilation_rate=(1, 1, 1), activation=None,
           use_bias=True, kernel_initializer=None, bias_initializer=utils.ZEROS,
           kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
           kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
           reuse=None) -> Tensor:
    """Functional interface for the 3-D convolution layer (``tf.layers.conv3d``)."""
    _no_activity_regularizer(activity_regularizer, "conv3d")
    layer = Conv3D(filters, kernel_size, strides=strides, padding=padding,
                   data_format=data_format, dilation_rate=dilation_rate, activation=activation,
                   use_bias=use_bias, kernel_initializer=kernel_initializer,
                   bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                   bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                   bias_constraint=bias_constraint, trainable=trainable, name=name, _scope=name,
                   _reuse=reuse)
    return layer.apply(inputs)


def conv3d_transpose(inputs, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                     data_format="channels_last", activation=None, use_bias=True,
                     kernel_initializer=None, bias_initializer=utils.ZEROS,
                     kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                     kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
                     reuse=None) -> Tensor:
    """Functional interface for the transposed 3-D convolution layer."""
    _no_activity_regularizer(activity_regularizer, "conv3d_transpose")
    layer = Conv3DTranspose(filters, kernel_size, strides=strides, padding=padding,
                            data_format=data_format, activation=activation, use_bias=use_bias,
                            kernel_initializer=kernel_initializer,
                            bias_initializer=bias_initializer,
                            kernel_regularizer=kernel_regularizer,
                            bias_regularizer=bias_regularizer,
                            kernel_constraint=kernel_constraint,
                            bias_constraint=bias_constraint, trainable=trainable, name=name,
                            _scope=name, _reuse=reuse)
    return layer.apply(inputs)


def max_pooling3d(inputs, pool_size, strides, padding="valid", data_format="channels_last",
                  name=None) -> Tensor:
    """Max pooling for 3-D inputs (``tf.layers.max_pooling3d``)."""
    return MaxPooling3D(pool_size, strides, padding=padding, data_format=data_format,
                        name=name).apply(inputs)


def average_pooling3d(inputs, pool_size, strides, padding="valid",
                      data_format="channels_last", name=None) -> Tensor:
    """Average pooling for 3-D inputs (``tf.layers.average_pooling3d``)."""
    return AveragePooling3D(pool_size, strides, padding=padding, data_format=data_format,
                            name=name).apply(inputs)
