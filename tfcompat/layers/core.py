"""Core TF1 layers: ``tf.layers.dense``, ``dropout``, ``flatten`` and their classes."""

from __future__ import annotations

import numbers

import numpy as np

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor, name_scope
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.ops import array_ops, constant_op, math_ops, nn_ops, slicing_ops


def _tensordot_last_axis(a: Tensor, b: Tensor) -> Tensor:
    """``tf.tensordot(a, b, [[rank - 1], [0]])`` for a 2-D ``b``, built with TF's ops and names:
    a static reshape when ``a``'s shape is known, Shape/GatherV2/Prod arithmetic otherwise."""
    rank = a.shape.ndims
    units = b.shape.as_list()[1]
    with name_scope(None, "Tensordot", [a, b]) as scope:
        if a.shape.is_fully_defined():
            free = a.shape.as_list()[:-1]
            flat = array_ops.reshape(a, [int(np.prod(free)), a.shape.as_list()[-1]])
            product = math_ops.matmul(flat, b)
            return array_ops.reshape(product, free + [units], name=scope)
        axes = convert_to_tensor([rank - 1], dtypes.int32, name="axes")
        free = convert_to_tensor(list(range(rank - 1)), dtypes.int32, name="free")
        shape_a = array_ops.shape(a)
        free_dims = slicing_ops.gather(shape_a, free, axis=0)
        axes_dims = slicing_ops.gather(shape_a, axes, axis=0)
        prod_free = math_ops.reduce_prod(free_dims)
        prod_axes = math_ops.reduce_prod(axes_dims)
        perm = array_ops.concat([free, axes], 0)
        new_shape = array_ops.stack([prod_free, prod_axes])
        flat = array_ops.reshape(array_ops.transpose(a, perm), new_shape)
        product = math_ops.matmul(flat, b)
        b_free = constant_op.constant([units], dtypes.int32)
        out_shape = array_ops.concat([free_dims, b_free], 0)
        return array_ops.reshape(product, out_shape, name=scope)


class Dense(Layer):
    """Densely-connected layer: ``activation(inputs @ kernel + bias)`` (``tf.layers.Dense``)."""

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer=None,
                 bias_initializer=utils.ZEROS, kernel_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.units = int(units)
        if self.units < 0:
            raise ValueError("Received an invalid value for `units`, expected a positive "
                             f"integer. Received: units={units}")
        utils.set_weight_config(self, activation, use_bias, kernel_initializer,
                                bias_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint)
        self.input_spec = InputSpec(min_ndim=2)

    def build(self, input_shape) -> None:
        dtype = dtypes.as_dtype(self._dtype)
        if not (dtype.is_floating or dtype.is_complex):
            raise TypeError(f"A Dense layer can only be built with a floating-point dtype. "
                            f"Received: dtype={dtype}")
        last = input_shape[-1] if input_shape.ndims is not None else None
        last = last.value if last is not None else None
        if last is None:
            shape_text = input_shape if input_shape.ndims is not None else "<unknown>"
            raise ValueError("The last dimension of the inputs to a Dense layer should be "
                             f"defined. Found None. Full input shape received: {shape_text}")
        self.input_spec = InputSpec(min_ndim=2, axes={-1: last})
        self.kernel = self.add_weight("kernel", [last, self.units],
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        if self.use_bias:
            self.bias = self.add_weight("bias", [self.units], initializer=self.bias_initializer,
                                        regularizer=self.bias_regularizer,
                                        constraint=self.bias_constraint)
        self.built = True

    def call(self, inputs):
        if inputs.dtype.base_dtype != self._dtype:
            inputs = math_ops.cast(inputs, self._dtype)
        rank = inputs.shape.ndims
        if rank == 2 or rank is None:
            outputs = math_ops.matmul(inputs, self.kernel)
        else:
            outputs = _tensordot_last_axis(inputs, self.kernel)
            outputs.set_shape(inputs.shape[:-1].concatenate([self.units]))
        if self.use_bias:
            outputs = nn_ops.bias_add(outputs, self.bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs


def dense(inputs, units, activation=None, use_bias=True, kernel_initializer=None,
          bias_initializer=utils.ZEROS, kernel_regularizer=None,
          bias_regularizer=None, kernel_constraint=None, bias_constraint=None, trainable=True,
          name=None, reuse=None) -> Tensor:
    """Functional interface for the densely-connected layer (``tf.layers.dense``).

    Creates ``<name>/kernel`` (glorot-uniform by default) and ``<name>/bias`` (zeros) in the
    variable scope ``name`` (default ``dense``, ``dense_1``...); ``reuse=True`` shares them.
    """
    layer = Dense(units, activation=activation, use_bias=use_bias,
                  kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                  kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                  kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                  trainable=trainable, name=name, _scope=name, _reuse=reuse)
    return layer.apply(inputs)


def _static_truth(value):
    """True/False when ``value`` is a Python bool or a constant tensor, else None."""
    if isinstance(value, Tensor):
        constant = tensor_util.constant_value(value)
        return None if constant is None else bool(constant)
    return bool(value)


class Dropout(Layer):
    """Applies dropout when called with ``training=True`` (``tf.layers.Dropout``).

    Kept values are scaled by ``1 / (1 - rate)``. A ``seed`` grows by one per call, as TF's
    legacy layers do, so two calls draw different masks.
    """

    def __init__(self, rate=0.5, noise_shape=None, seed=None, name=None, **kwargs):
        if isinstance(rate, (int, float)) and not 0 <= rate <= 1:
            raise ValueError(f"Invalid value {rate} received for `rate`, expected a value "
                             "between 0 and 1.")
        super().__init__(name=name, **kwargs)
        self.rate = rate
        self.noise_shape = noise_shape
        self.seed = seed
        self._call_seed = seed

    def _next_seed(self):
        if self._call_seed is None:
            return None
        self._call_seed += 1
        return self._call_seed - 1

    def _get_noise_shape(self, inputs: Tensor):
        if self.noise_shape is None:
            return None
        runtime_shape = array_ops.shape(inputs)
        dims = [runtime_shape[i] if value is None else value
                for i, value in enumerate(self.noise_shape)]
        return convert_to_tensor(dims)

    def call(self, inputs, training=False):
        if isinstance(self.rate, numbers.Real) and self.rate == 0:
            return array_ops.identity(inputs)

        def dropped():
            return nn_ops.dropout(inputs, rate=self.rate,
                                  noise_shape=self._get_noise_shape(inputs),
                                  seed=self._next_seed())

        # A flag known only at run time builds TF's tf.cond (``dropout/cond/...``), so only
        # training runs draw a mask and the output keeps the static shape of ``inputs``.
        return utils.smart_cond(training, dropped, lambda: array_ops.identity(inputs))


def dropout(inputs, rate=0.5, noise_shape=None, seed=None, training=False, name=None) -> Tensor:
    """Functional interface for dropout (``tf.layers.dropout``): identity unless ``training``."""
    layer = Dropout(rate, noise_shape=noise_shape, seed=seed, name=name)
    return layer.apply(inputs, training=training)


class Flatten(Layer):
    """Flattens every dimension but the first (``tf.layers.Flatten``)."""

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = utils.normalize_data_format(data_format)
        self.input_spec = InputSpec(min_ndim=1)

    def call(self, inputs):
        shape = inputs.shape
        rank = shape.ndims
        if self.data_format == "channels_first" and rank is not None and rank > 1:
            inputs = array_ops.transpose(inputs, [0] + list(range(2, rank)) + [1])
            shape = inputs.shape
        if rank == 1:
            return array_ops.expand_dims(inputs, axis=1)
        batch = shape[0].value if rank is not None else None
        rest = shape[1:] if rank is not None else None
        if rest is not None and rest.is_fully_defined():
            flat_shape = constant_op.constant([-1, int(np.prod(rest.as_list(), dtype=np.int64))])
        elif batch is not None:
            flat_shape = constant_op.constant([int(batch), -1])
        else:
            flat_shape = [array_ops.shape(inputs)[0], -1]
        outputs = array_ops.reshape(inputs, flat_shape)
        if rank is not None:
            last = (int(np.prod(rest.as_list(), dtype=np.int64))
                    if rest.is_fully_defined() else None)
            outputs.set_shape([batch, last])
        return outputs


def flatten(inputs, name=None, data_format="channels_last") -> Tensor:
    """Flattens an input tensor while preserving the batch axis (``tf.layers.flatten``)."""
    return Flatten(name=name, data_format=data_format).apply(inputs)
