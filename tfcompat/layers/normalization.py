"""``tf.layers.BatchNormalization`` and ``tf.layers.batch_normalization``.

The layer owns ``gamma``, ``beta`` (trainable) and ``moving_mean``, ``moving_variance``
(non-trainable). Called with ``training=True`` it normalizes with the batch statistics and adds
the moving-average updates (``AssignMovingAvg``, ``AssignMovingAvg_1``) to
``GraphKeys.UPDATE_OPS``; with ``training=False`` it uses the moving statistics. As in TF, a
4-D input normalized along axis 1 or 3 goes through one FusedBatchNormV3 op; other inputs use
``tf.nn.moments`` and ``tf.nn.batch_normalization``.

A ``training`` flag known only at run time (a bool tensor) makes TF build ``tf.cond``s;
tfcompat has no v1 cond, so it builds both branches and picks with SelectV2. Values match TF's:
when not training the moving averages are updated with decay 0, i.e. left unchanged (the update
ops run either way).
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import GraphKeys, Tensor, convert_to_tensor
from tfcompat.layers import utils
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.layers.core import _static_truth
from tfcompat.ops import array_ops, batch_norm, constant_op, math_ops, nn_ops, state_ops
from tfcompat.variables import init_ops

ONES = init_ops.ones_initializer()


class BatchNormalization(Layer):
    """Batch normalization layer (``tf.layers.BatchNormalization``, Ioffe and Szegedy, 2015).

    ``momentum`` is the moving averages' decay; ``epsilon`` is added to the variance. The
    renorm, virtual-batch and adjustment options are not supported by tfcompat.
    """

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer=utils.ZEROS, gamma_initializer=ONES,
                 moving_mean_initializer=utils.ZEROS, moving_variance_initializer=ONES,
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, renorm=False, renorm_clipping=None,
                 renorm_momentum=0.99, fused=None, trainable=True, virtual_batch_size=None,
                 adjustment=None, name=None, **kwargs):
        del renorm_clipping, renorm_momentum
        for option, value in (("renorm", renorm), ("virtual_batch_size", virtual_batch_size),
                              ("adjustment", adjustment)):
            if value:
                raise NotImplementedError(f"tf.layers.BatchNormalization({option}=...) is not "
                                          "supported by tfcompat yet")
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.beta_initializer = utils.get_initializer(beta_initializer)
        self.gamma_initializer = utils.get_initializer(gamma_initializer)
        self.moving_mean_initializer = utils.get_initializer(moving_mean_initializer)
        self.moving_variance_initializer = utils.get_initializer(moving_variance_initializer)
        self.beta_regularizer = beta_regularizer
        self.gamma_regularizer = gamma_regularizer
        self.beta_constraint = beta_constraint
        self.gamma_constraint = gamma_constraint
        self.fused = fused
        self.gamma = self.beta = self.moving_mean = self.moving_variance = None
        self._gamma_const = self._beta_const = None
        self._updates: list = []

    @property
    def updates(self) -> list:
        return list(self._updates)

    def build(self, input_shape) -> None:
        ndims = input_shape.ndims
        if ndims is None:
            raise ValueError(f"Input has undefined rank. Received: input_shape={input_shape}.")
        axes = tuple(a + ndims if a < 0 else a
                     for a in (self.axis if isinstance(self.axis, list) else [self.axis]))
        for a in axes:
            if not 0 <= a < ndims:
                raise ValueError(f"Invalid value for `axis` argument. Expected 0 <= axis < "
                                 f"inputs.rank (with inputs.rank={ndims}). Received: "
                                 f"axis={axes}")
        dims = input_shape.as_list()
        for a in axes:
            if dims[a] is None:
                raise ValueError(f"Input has undefined `axis` dimension. Received input with "
                                 f"shape {tuple(input_shape.dims)} and axis={axes}")
        self.axis = sorted(set(axes))
        self.input_spec = InputSpec(ndim=ndims, axes={a: dims[a] for a in self.axis})
        can_fuse = ndims == 4 and self.axis in ([1], [3])
        if self.fused is None:
            self.fused = can_fuse
        elif self.fused and not can_fuse:
            raise ValueError("tfcompat fuses batch normalization only for 4-D inputs "
                             "normalized along axis 1 or 3")
        param_shape = ([dims[self.axis[0]]] if len(self.axis) == 1
                       else [dims[a] if a in self.axis else 1 for a in range(ndims)])
        param_dtype = dtypes.float32 if self._dtype in (dtypes.float16, dtypes.bfloat16) \
            else self._dtype
        if self.scale:
            self.gamma = self.add_weight("gamma", param_shape, param_dtype,
                                         self.gamma_initializer, self.gamma_regularizer,
                                         constraint=self.gamma_constraint)
        if self.center:
            self.beta = self.add_weight("beta", param_shape, param_dtype, self.beta_initializer,
                                        self.beta_regularizer, constraint=self.beta_constraint)
        self.moving_mean = self.add_weight("moving_mean", param_shape, param_dtype,
                                           self.moving_mean_initializer, trainable=False)
        self.moving_variance = self.add_weight("moving_variance", param_shape, param_dtype,
                                               self.moving_variance_initializer, trainable=False)
        # The fused op needs a scale and an offset: constants stand in for absent ones.
        if self.fused and not self.scale:
            self._gamma_const = constant_op.constant(1.0, param_dtype, param_shape)
        if self.fused and not self.center:
            self._beta_const = constant_op.constant(0.0, param_dtype, param_shape)
        self.built = True

    # -- moving averages

    def _assign_moving_average(self, variable, value, momentum, training) -> Tensor:
        """``variable -= (variable - value) * (1 - momentum)``, named AssignMovingAvg."""
        graph = ops.get_default_graph()
        with graph.name_scope("AssignMovingAvg") as scope, graph.colocate_with(variable):
            decay = convert_to_tensor(1.0 - momentum, name="decay")
            if decay.dtype.base_dtype != variable.dtype.base_dtype:
                decay = math_ops.cast(decay, variable.dtype.base_dtype)
            if training is not None:
                decay = array_ops.select_v2(training, decay, array_ops.zeros_like(decay))
            update_delta = (variable - value) * decay
            update = state_ops.assign_sub(variable, update_delta, name=scope)
        self._updates.append(update.op)
        graph.add_to_collection(GraphKeys.UPDATE_OPS, update.op)
        return update

    # -- calling

    def call(self, inputs, training=False):
        truth = _static_truth(training)
        flag = convert_to_tensor(training, dtypes.bool_) if truth is None else None
        if self.fused:
            return self._fused_call(inputs, truth, flag)
        ndims = inputs.shape.ndims
        reduction_axes = [i for i in range(ndims) if i not in self.axis]
        broadcast_shape = [1] * ndims
        for a in self.axis:
            broadcast_shape[a] = inputs.shape.as_list()[a]
        # Per-channel vectors broadcast as they are unless the channels are not the last axis.
        needs_reshape = reduction_axes != list(range(ndims - 1))

        def broadcast(v):
            if v is not None and needs_reshape and v.shape.ndims != ndims:
                return array_ops.reshape(v, broadcast_shape)
            return v

        scale, offset = broadcast(self.gamma), broadcast(self.beta)
        if truth is False:
            mean, variance = self.moving_mean, self.moving_variance
        else:
            mean, variance = nn_ops.moments(inputs, reduction_axes, keep_dims=len(self.axis) > 1)
            if flag is not None:
                mean = array_ops.select_v2(flag, mean, self.moving_mean)
                variance = array_ops.select_v2(flag, variance, self.moving_variance)
            self._assign_moving_average(self.moving_mean, mean, self.momentum, flag)
            self._assign_moving_average(self.moving_variance, variance, self.momentum, flag)
        return batch_norm.batch_normalization(inputs, broadcast(mean), broadcast(variance),
                                              offset, scale, self.epsilon)

    def _fused_call(self, inputs, truth, flag):
        gamma = self.gamma if self.scale else self._gamma_const
        beta = self.beta if self.center else self._beta_const
        data_format = "NCHW" if self.axis == [1] else "NHWC"

        def fused(is_training):
            return batch_norm.fused_batch_norm(inputs, gamma, beta, mean=self.moving_mean,
                                               variance=self.moving_variance,
                                               epsilon=self.epsilon, is_training=is_training,
                                               data_format=data_format)

        if truth is False:
            return fused(False)[0]
        output, mean, variance = fused(True)
        if flag is None:
            momentum = convert_to_tensor(self.momentum)
        else:
            inference = fused(False)
            output = array_ops.select_v2(flag, output, inference[0])
            mean = array_ops.select_v2(flag, mean, inference[1])
            variance = array_ops.select_v2(flag, variance, inference[2])
            momentum = array_ops.select_v2(flag, convert_to_tensor(self.momentum),
                                           convert_to_tensor(1.0))
        self._assign_moving_average(self.moving_mean, mean, momentum, None)
        self._assign_moving_average(self.moving_variance, variance, momentum, None)
        return output


def batch_normalization(inputs, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                        beta_initializer=utils.ZEROS, gamma_initializer=ONES,
                        moving_mean_initializer=utils.ZEROS, moving_variance_initializer=ONES,
                        beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                        gamma_constraint=None, training=False, trainable=True, name=None,
                        reuse=None, renorm=False, renorm_clipping=None, renorm_momentum=0.99,
                        fused=None, virtual_batch_size=None, adjustment=None) -> Tensor:
    """Functional interface for batch normalization (``tf.layers.batch_normalization``).

    With ``training=True`` the moving-average updates land in ``tf.GraphKeys.UPDATE_OPS``; run
    them with the train op, e.g. ``with tf.control_dependencies(tf.get_collection(
    tf.GraphKeys.UPDATE_OPS)): train_op = optimizer.minimize(loss)``.
    """
    layer = BatchNormalization(
        axis=axis, momentum=momentum, epsilon=epsilon, center=center, scale=scale,
        beta_initializer=beta_initializer, gamma_initializer=gamma_initializer,
        moving_mean_initializer=moving_mean_initializer,
        moving_variance_initializer=moving_variance_initializer,
        beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
        beta_constraint=beta_constraint, gamma_constraint=gamma_constraint, renorm=renorm,
        renorm_clipping=renorm_clipping, renorm_momentum=renorm_momentum, fused=fused,
        trainable=trainable, virtual_batch_size=virtual_batch_size, adjustment=adjustment,
        name=name, _scope=name, _reuse=reuse)
    return layer.apply(inputs, training=training)
