"""``Bernoulli`` and ``Categorical``: parameterized by ``logits`` or ``probs``; samples from
TF's Philox ``random_uniform`` and ``multinomial`` streams."""

from __future__ import annotations

import tfcompat as tf
from tfcompat.distributions import kullback_leibler, util
from tfcompat.distributions.distribution import NOT_REPARAMETERIZED, Distribution
from tfcompat.framework.tensor_shape import TensorShape


class Bernoulli(Distribution):
    """Bernoulli distribution: 1 with probability ``probs = sigmoid(logits)``, else 0."""

    _batch_param_names = ("logits",)

    def __init__(self, logits=None, probs=None, dtype=tf.int32, validate_args=False,
                 allow_nan_stats=True, name="Bernoulli"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name) as name:
            self._logits, self._probs = util.get_logits_and_probs(
                logits=logits, probs=probs, validate_args=validate_args, name=name)
        super().__init__(dtype=dtype, reparameterization_type=NOT_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters, graph_parents=[self._logits, self._probs],
                         name=name)

    @property
    def logits(self):
        """Log-odds of a 1 outcome."""
        return self._logits

    @property
    def probs(self):
        """Probability of a 1 outcome."""
        return self._probs

    def _batch_shape_tensor(self):
        return tf.shape(self._logits)

    def _batch_shape(self):
        return self._logits.shape

    def _sample_n(self, n, seed=None):
        shape = tf.concat([[n], self.batch_shape_tensor()], 0)
        uniform = tf.random_uniform(shape, seed=seed, dtype=self.probs.dtype)
        return tf.cast(tf.less(uniform, self.probs), self.dtype)

    def _log_prob(self, event):
        event = tf.cast(event, self.logits.dtype)
        logits = self.logits
        if not (event.shape.is_fully_defined() and logits.shape.is_fully_defined()
                and event.shape == logits.shape):
            logits, event = tf.ones_like(event) * logits, tf.ones_like(logits) * event
        return -tf.nn.sigmoid_cross_entropy_with_logits(labels=event, logits=logits)

    def _entropy(self):
        return (-self.logits * (tf.sigmoid(self.logits) - 1.0) +
                tf.nn.softplus(-self.logits))

    def _mean(self):
        return tf.identity(self.probs)

    def _variance(self):
        return self._mean() * (1.0 - self.probs)

    def _mode(self):
        return tf.cast(self.probs > 0.5, self.dtype)


class Categorical(Distribution):
    """Categorical distribution over ``{0, ..., K-1}`` (``K`` = the last dimension of logits)."""

    def __init__(self, logits=None, probs=None, dtype=tf.int32, validate_args=False,
                 allow_nan_stats=True, name="Categorical"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[logits, probs]) as name:
            self._logits, self._probs = util.get_logits_and_probs(
                logits=logits, probs=probs, validate_args=validate_args,
                multidimensional=True, name=name)
            static = self._logits.shape.with_rank_at_least(1)
            if static.ndims is not None:
                self._batch_rank = tf.convert_to_tensor(static.ndims - 1, dtype=tf.int32,
                                                        name="batch_rank")
            else:
                with tf.name_scope("batch_rank"):
                    self._batch_rank = tf.rank(self._logits) - 1
            logits_shape = tf.shape(self._logits, name="logits_shape")
            last = static.dims[-1] if static.ndims is not None else None
            last = getattr(last, "value", last)
            if last is not None:
                self._event_size = tf.convert_to_tensor(last, dtype=tf.int32,
                                                        name="event_size")
            else:
                with tf.name_scope("event_size"):
                    self._event_size = tf.gather(logits_shape, self._batch_rank)
            if static.ndims is not None and static[:-1].is_fully_defined():
                self._batch_shape_val = tf.constant(static[:-1].as_list(), dtype=tf.int32,
                                                    name="batch_shape")
            else:
                with tf.name_scope("batch_shape"):
                    self._batch_shape_val = tf.slice(logits_shape, [0],
                                                     tf.reshape(self._batch_rank, [1]))
        super().__init__(dtype=dtype, reparameterization_type=NOT_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters, graph_parents=[self._logits, self._probs],
                         name=name)

    @property
    def event_size(self):
        """Scalar int32 tensor: the number of classes."""
        return self._event_size

    @property
    def logits(self):
        """Vector of coordinatewise logits."""
        return self._logits

    @property
    def probs(self):
        """Vector of coordinatewise probabilities."""
        return self._probs

    def _batch_shape_tensor(self):
        return tf.identity(self._batch_shape_val)

    def _batch_shape(self):
        return self._logits.shape[:-1]

    def _sample_n(self, n, seed=None):
        if self.logits.shape.ndims == 2:
            logits_2d = self.logits
        else:
            logits_2d = tf.reshape(self.logits, [-1, self.event_size])
        sample_dtype = tf.int64 if self.dtype.size > 4 else tf.int32
        draws = tf.multinomial(logits_2d, n, seed=seed, output_dtype=sample_dtype)
        draws = tf.reshape(tf.transpose(draws), tf.concat([[n], self.batch_shape_tensor()], 0))
        return tf.cast(draws, self.dtype)

    def _broadcast_event(self, k, params):
        """``k`` and ``params`` broadcast against each other (params keeping the class axis)."""
        if k.dtype.is_floating:
            k = tf.cast(k, self.dtype)
        if (k.shape.is_fully_defined() and params.shape.is_fully_defined()
                and k.shape == params.shape[:-1]):
            return k, params
        params = params * tf.ones_like(tf.expand_dims(k, -1), dtype=params.dtype)
        k = k * tf.ones(tf.shape(params)[:-1], dtype=k.dtype)
        if k.shape.ndims is not None:
            params.set_shape(TensorShape(k.shape.dims + [params.shape[-1]]))
        return k, params

    def _log_prob(self, k):
        k, logits = self._broadcast_event(tf.convert_to_tensor(k, name="k"), self.logits)
        return -tf.nn.sparse_softmax_cross_entropy_with_logits(labels=k, logits=logits)

    def _cdf(self, k):
        k, probs = self._broadcast_event(tf.convert_to_tensor(k, name="k"), self.probs)
        flat_probs = tf.reshape(probs, (-1, self._event_size))
        flat_k = tf.reshape(k, [-1])
        below_k = tf.where_v2(tf.sequence_mask(flat_k, self._event_size), flat_probs,
                              tf.zeros_like(flat_probs))
        return tf.reshape(tf.reduce_sum(below_k, axis=-1), tf.shape(k))

    def _entropy(self):
        return -tf.reduce_sum(tf.nn.log_softmax(self.logits) * self.probs, axis=-1)

    def _mode(self):
        mode = tf.cast(tf.argmax(self.logits, axis=self.logits.shape.ndims - 1), self.dtype)
        mode.set_shape(self.batch_shape)
        return mode


@kullback_leibler.RegisterKL(Bernoulli, Bernoulli)
def _kl_bernoulli_bernoulli(a, b, name=None):
    """KL divergence of two Bernoullis."""
    with tf.name_scope(name, "kl_bernoulli_bernoulli", values=[a.logits, b.logits]):
        delta_probs0 = tf.nn.softplus(-b.logits) - tf.nn.softplus(-a.logits)
        delta_probs1 = tf.nn.softplus(b.logits) - tf.nn.softplus(a.logits)
        return tf.sigmoid(a.logits) * delta_probs0 + tf.sigmoid(-a.logits) * delta_probs1


@kullback_leibler.RegisterKL(Categorical, Categorical)
def _kl_categorical_categorical(a, b, name=None):
    """KL divergence of two Categoricals."""
    with tf.name_scope(name, "kl_categorical_categorical", values=[a.logits, b.logits]):
        delta_log_probs = tf.nn.log_softmax(a.logits) - tf.nn.log_softmax(b.logits)
        return tf.reduce_sum(tf.nn.softmax(a.logits) * delta_log_probs, axis=-1)
