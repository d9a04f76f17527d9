"""Pooling layers: ``tf.layers.max_pooling2d``, ``average_pooling2d`` and their classes."""

from __future__ import annotations

from tfcompat.framework.ops import Tensor
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.ops import conv_ops


class _Pooling2D(Layer):
    """2-D pooling over ``pool_size`` windows moved by ``strides`` (default: ``pool_size``)."""

    _pool_function = None

    def __init__(self, pool_size, strides=None, padding="valid", data_format="channels_last",
                 name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self.pool_size = utils.normalize_tuple(pool_size, 2, "pool_size")
        self.strides = utils.normalize_tuple(strides if strides is not None else pool_size, 2,
                                             "strides")
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        utils.require_channels_last(self.data_format, type(self).__name__)
        self.input_spec = InputSpec(ndim=4)

    def call(self, inputs):
        return type(self)._pool_function(inputs, ksize=(1,) + self.pool_size + (1,),
                                         strides=(1,) + self.strides + (1,),
                                         padding=self.padding.upper(), data_format="NHWC")


class MaxPooling2D(_Pooling2D):
    """Max pooling layer for 2-D inputs (``tf.layers.MaxPooling2D``)."""

    _pool_function = staticmethod(conv_ops.max_pool)


class AveragePooling2D(_Pooling2D):
    """Average pooling layer for 2-D inputs (``tf.layers.AveragePooling2D``)."""

    _pool_function = staticmethod(conv_ops.avg_pool)


def max_pooling2d(inputs, pool_size, strides, padding="valid", data_format="channels_last",
                  name=None) -> Tensor:
    """Max pooling for 2-D inputs (``tf.layers.max_pooling2d``); ops under ``max_pooling2d``."""
    return MaxPooling2D(pool_size, strides, padding=padding, data_format=data_format,
                        name=name).apply(inputs)


def average_pooling2d(inputs, pool_size, strides, padding="valid", data_format="channels_last",
                      name=None) -> Tensor:
    """Average pooling for 2-D inputs (``tf.layers.average_pooling2d``)."""
    return AveragePooling2D(pool_size, strides, padding=padding, data_format=data_format,
                            name=name).apply(inputs)
