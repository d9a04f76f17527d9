"""``Dirichlet``, ``Multinomial`` and ``DirichletMultinomial``: distributions over vectors
(event shape ``[K]``, the last dimension of the parameters). Dirichlet and DirichletMultinomial
samples need ``tf.random.gamma`` and fail naming it while tfcompat lacks that op."""

from __future__ import annotations

import tfcompat as tf
from tfcompat.distributions import kullback_leibler, util
from tfcompat.distributions.distribution import (
    FULLY_REPARAMETERIZED,
    NOT_REPARAMETERIZED,
    Distribution,
)
from tfcompat.distributions.gamma import _nan_where_undefined
from tfcompat.framework.random_seed import derived_seed


def _log_combinations(n, counts):
    """Log of the multinomial coefficient ``n! / prod(counts!)``."""
    with tf.name_scope("log_combinations", values=[n, counts]):
        return tf.lgamma(n + 1.0) - tf.reduce_sum(tf.lgamma(counts + 1.0), axis=-1)


class _VectorEvent(Distribution):
    """Batch and event shapes of distributions whose parameter's last axis is the event."""

    _event_param: str

    def _param(self):
        return getattr(self, self._event_param)

    def _batch_shape_tensor(self):
        return tf.shape(self._broadcast_param())[:-1]

    def _batch_shape(self):
        return self._broadcast_param().shape.with_rank_at_least(1)[:-1]

    def _event_shape_tensor(self):
        return tf.shape(self._param())[-1:]

    def _event_shape(self):
        return self._param().shape.with_rank_at_least(1)[-1:]

    def _broadcast_param(self):
        return self._param()


class Dirichlet(_VectorEvent):
    """Dirichlet distribution over the probability simplex, with ``concentration`` [..., K]."""

    _event_param = "concentration"

    def __init__(self, concentration, validate_args=False, allow_nan_stats=True,
                 name="Dirichlet"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[concentration]) as name:
            concentration = tf.convert_to_tensor(concentration, name="concentration")
            checks = [tf.assert_positive(concentration)] if validate_args else []
            (self._concentration,) = util.identity_params(
                {"concentration": concentration}, checks)
            self._total_concentration = tf.reduce_sum(self._concentration, -1)
        super().__init__(dtype=self._concentration.dtype,
                         reparameterization_type=FULLY_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters, graph_parents=[self._concentration],
                         name=name)

    @property
    def concentration(self):
        """Concentration parameter; expected counts for that coordinate."""
        return self._concentration

    @property
    def total_concentration(self):
        """Sum of the last dimension of the concentration parameter."""
        return self._total_concentration

    def _sample_n(self, n, seed=None):
        gamma = tf.random.gamma(shape=[n], alpha=self.concentration, dtype=self.dtype,
                                seed=seed)
        return gamma / tf.reduce_sum(gamma, -1, keepdims=True)

    def _log_normalization(self):
        return tf.lbeta(self.concentration)

    def _log_prob(self, x):
        return (tf.reduce_sum(tf.math.xlogy(self.concentration - 1.0, x), -1) -
                self._log_normalization())

    def _entropy(self):
        k = tf.cast(self.event_shape_tensor()[0], self.dtype)
        return (self._log_normalization() +
                (self.total_concentration - k) * tf.digamma(self.total_concentration) -
                tf.reduce_sum((self.concentration - 1.0) * tf.digamma(self.concentration), -1))

    def _mean(self):
        return self.concentration / self.total_concentration[..., tf.newaxis]

    def _covariance(self):
        mean = self._mean()
        scale = 1.0 / (1.0 + self.total_concentration[..., tf.newaxis, tf.newaxis])
        outer = -tf.matmul(mean[..., tf.newaxis], mean[..., tf.newaxis, :])
        return scale * (outer + tf.linalg.diag(mean))

    def _variance(self):
        mean = self._mean()
        return mean * (1.0 - mean) / (1.0 + self.total_concentration[..., tf.newaxis])

    def _mode(self):
        k = tf.cast(self.event_shape_tensor()[0], self.dtype)
        mode = (self.concentration - 1.0) / (self.total_concentration[..., tf.newaxis] - k)
        # As in TF, the condition has the batch shape and broadcasts against the [..., K]
        # mode from the right: fine without a batch, a shape error (TF's) with most batches.
        defined = tf.reduce_all(self.concentration > 1.0, axis=-1)
        return _nan_where_undefined(self, mode, defined,
                                    "Mode undefined when any concentration <= 1")


class Multinomial(_VectorEvent):
    """Multinomial distribution: counts of ``total_count`` draws over K classes."""

    _event_param = "logits"

    def __init__(self, total_count, logits=None, probs=None, validate_args=False,
                 allow_nan_stats=True, name="Multinomial"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[total_count, logits, probs]) as name:
            self._total_count = tf.convert_to_tensor(total_count, name="total_count")
            if validate_args:
                self._total_count = tf.identity(self._total_count)
            self._logits, self._probs = util.get_logits_and_probs(
                logits=logits, probs=probs, multidimensional=True,
                validate_args=validate_args, name=name)
            self._mean_val = self._total_count[..., tf.newaxis] * self._probs
        super().__init__(dtype=self._probs.dtype, reparameterization_type=NOT_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters,
                         graph_parents=[self._total_count, self._logits, self._probs],
                         name=name)

    @property
    def total_count(self):
        """Number of trials used to construct a sample."""
        return self._total_count

    @property
    def logits(self):
        """Vector of coordinatewise logits."""
        return self._logits

    @property
    def probs(self):
        """Probability of drawing a 1 in that coordinate."""
        return self._probs

    def _broadcast_param(self):
        return self._mean_val

    def _sample_n(self, n, seed=None):
        k = self.event_shape_tensor()[0]
        n_draws = tf.cast(self.total_count, dtype=tf.int32)
        flat_logits = tf.reshape(self.logits * tf.ones_like(self._mean_val), [-1, k])
        flat_draws = tf.reshape(n_draws * tf.ones_like(self._mean_val[..., 0], tf.int32), [-1])

        def draw_one(args):
            logits, draws = args
            classes = tf.multinomial(logits[tf.newaxis, ...], n * draws, seed=seed)
            classes = tf.reshape(classes, [n, -1])
            return tf.reduce_sum(tf.one_hot(classes, depth=k), axis=-2)

        x = tf.map_fn(draw_one, [flat_logits, flat_draws], dtype=self.dtype)
        x = tf.transpose(x, perm=[1, 0, 2])
        final_shape = tf.concat([[n], self.batch_shape_tensor(), [k]], 0)
        return tf.reshape(x, final_shape)

    def _log_prob(self, counts):
        counts = tf.cast(counts, self.dtype)
        log_unnormalized = tf.reduce_sum(counts * tf.nn.log_softmax(self.logits), -1)
        return log_unnormalized + _log_combinations(self.total_count, counts)

    def _mean(self):
        return tf.identity(self._mean_val)

    def _covariance(self):
        p = self.probs * tf.ones_like(self.total_count)[..., tf.newaxis]
        return (tf.linalg.diag(self._mean_val) -
                tf.matmul(self._mean_val[..., tf.newaxis], p[..., tf.newaxis, :]))

    def _variance(self):
        p = self.probs * tf.ones_like(self.total_count)[..., tf.newaxis]
        return self._mean_val - self._mean_val * p


class DirichletMultinomial(_VectorEvent):
    """Dirichlet-Multinomial compound distribution: counts of ``total_count`` draws whose class
    probabilities are Dirichlet(``concentration``)."""

    _event_param = "concentration"

    def __init__(self, total_count, concentration, validate_args=False, allow_nan_stats=True,
                 name="DirichletMultinomial"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[total_count, concentration]) as name:
            self._total_count = tf.convert_to_tensor(total_count, name="total_count")
            concentration = tf.convert_to_tensor(concentration, name="concentration")
            checks = [tf.assert_positive(concentration)] if validate_args else []
            (self._concentration,) = util.identity_params(
                {"concentration": concentration}, checks)
            self._total_concentration = tf.reduce_sum(self._concentration, -1)
        super().__init__(dtype=self._concentration.dtype,
                         reparameterization_type=NOT_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters,
                         graph_parents=[self._total_count, self._concentration], name=name)

    @property
    def total_count(self):
        """Number of trials used to construct a sample."""
        return self._total_count

    @property
    def concentration(self):
        """Concentration parameter; expected prior counts for that coordinate."""
        return self._concentration

    @property
    def total_concentration(self):
        """Sum of the last dimension of the concentration parameter."""
        return self._total_concentration

    def _broadcast_param(self):
        return self.concentration * tf.ones_like(self.total_count)[..., tf.newaxis]

    def _sample_n(self, n, seed=None):
        # As TF's: one multinomial draw of total_count classes per gamma sample's log.
        n_draws = tf.cast(self.total_count, dtype=tf.int32)
        k = self.event_shape_tensor()[0]
        gamma = tf.random.gamma(shape=[n], alpha=self.concentration, dtype=self.dtype,
                                seed=seed)
        unnormalized_logits = tf.reshape(tf.log(gamma), shape=[-1, k])
        draws = tf.multinomial(logits=unnormalized_logits, num_samples=n_draws,
                               seed=derived_seed(seed, "dirichlet_multinomial"))
        x = tf.reduce_sum(tf.one_hot(draws, depth=k), -2)
        final_shape = tf.concat([[n], self.batch_shape_tensor(), [k]], 0)
        return tf.reshape(x, final_shape)

    def _log_prob(self, counts):
        counts = tf.cast(counts, self.dtype)
        ordered = (tf.lbeta(self.concentration + counts) - tf.lbeta(self.concentration))
        return ordered + _log_combinations(self.total_count, counts)

    def _mean(self):
        return (self.total_count[..., tf.newaxis] * self.concentration /
                self.total_concentration[..., tf.newaxis])

    def _variance_scale(self):
        n, total = self.total_count, self.total_concentration
        return ((n * (n + total) / (1.0 + total))[..., tf.newaxis])

    def _covariance(self):
        p = self.concentration / self.total_concentration[..., tf.newaxis]
        outer = -tf.matmul(p[..., tf.newaxis], p[..., tf.newaxis, :])
        return self._variance_scale()[..., tf.newaxis] * (outer + tf.linalg.diag(p))

    def _variance(self):
        p = self.concentration / self.total_concentration[..., tf.newaxis]
        return self._variance_scale() * p * (1.0 - p)


@kullback_leibler.RegisterKL(Dirichlet, Dirichlet)
def _kl_dirichlet_dirichlet(d1, d2, name=None):
    """KL divergence of two Dirichlets."""
    with tf.name_scope(name, "kl_dirichlet_dirichlet",
                       values=[d1.concentration, d2.concentration]):
        digamma_sum = tf.digamma(d1.total_concentration)[..., tf.newaxis]
        digamma_diff = tf.digamma(d1.concentration) - digamma_sum
        concentration_diff = d1.concentration - d2.concentration
        return (tf.reduce_sum(concentration_diff * digamma_diff, -1) -
                tf.lbeta(d1.concentration) + tf.lbeta(d2.concentration))
