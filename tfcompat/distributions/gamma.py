"""``Gamma``, ``Exponential`` and ``Beta``. Exponential samples come from TF's Philox uniform
stream; Gamma and Beta samples need ``tf.random.gamma`` (op ``RandomGamma``), and fail naming
it while tfcompat lacks that op."""

from __future__ import annotations

import numpy as np

import tfcompat as tf
from tfcompat.distributions import kullback_leibler, util
from tfcompat.distributions.distribution import FULLY_REPARAMETERIZED, Distribution
from tfcompat.framework.random_seed import derived_seed


def _nan_where_undefined(dist, value, defined, message):
    """``value`` where ``defined``, else NaN (``allow_nan_stats``) or a run-time assertion."""
    if dist.allow_nan_stats:
        nan = tf.fill(tf.shape(value), tf.constant(np.nan, dtype=value.dtype), name="nan")
        return tf.where_v2(defined, value, nan)
    with tf.control_dependencies([tf.Assert(tf.reduce_all(defined), [message])]):
        return tf.identity(value)


def _checked_positive(concentration, validate_args: bool):
    if not validate_args:
        return concentration
    with tf.control_dependencies([tf.assert_positive(
            concentration, message="Concentration parameter must be positive.")]):
        return tf.identity(concentration)


class Gamma(Distribution):
    """Gamma distribution with ``concentration`` (shape) and ``rate`` (inverse scale)."""

    _batch_param_names = ("concentration", "rate")

    def __init__(self, concentration, rate, validate_args=False, allow_nan_stats=True,
                 name="Gamma"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[concentration, rate]) as name:
            checks = ([tf.assert_positive(concentration), tf.assert_positive(rate)]
                      if validate_args else [])
            self._concentration, self._rate = util.identity_params(
                {"concentration": concentration, "rate": rate}, checks)
            util.same_float_dtype([self._concentration, self._rate])
        super().__init__(dtype=self._concentration.dtype,
                         reparameterization_type=FULLY_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters,
                         graph_parents=[self._concentration, self._rate], name=name)

    @property
    def concentration(self):
        """Concentration (shape) parameter."""
        return self._concentration

    @property
    def rate(self):
        """Rate (inverse scale) parameter."""
        return self._rate

    def _batch_shape_tensor(self):
        return tf.broadcast_dynamic_shape(tf.shape(self.concentration), tf.shape(self.rate))

    def _batch_shape(self):
        return tf.broadcast_static_shape(self.concentration.shape, self.rate.shape)

    def _sample_n(self, n, seed=None):
        return tf.random.gamma(shape=[n], alpha=self.concentration, beta=self.rate,
                               dtype=self.dtype, seed=seed)

    def _log_prob(self, x):
        log_unnormalized = tf.math.xlogy(self.concentration - 1.0, x) - self.rate * x
        log_normalization = (tf.lgamma(self.concentration) -
                             self.concentration * tf.log(self.rate))
        return log_unnormalized - log_normalization

    def _cdf(self, x):
        return tf.igamma(self.concentration, self.rate * x)

    def _entropy(self):
        c = self.concentration
        return c - tf.log(self.rate) + tf.lgamma(c) + (1.0 - c) * tf.digamma(c)

    def _mean(self):
        return self.concentration / self.rate

    def _variance(self):
        return self.concentration / tf.square(self.rate)

    def _stddev(self):
        return tf.sqrt(self.concentration) / self.rate

    def _mode(self):
        mode = (self.concentration - 1.0) / self.rate
        return _nan_where_undefined(self, mode, self.concentration > 1.0,
                                    "mode not defined when any concentration <= 1")


class Exponential(Gamma):
    """Exponential distribution with ``rate``: a Gamma with concentration 1."""

    _batch_param_names = ("rate",)

    def __init__(self, rate, validate_args=False, allow_nan_stats=True, name="Exponential"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[rate]) as name:
            rate = tf.convert_to_tensor(rate, name="rate")
            super().__init__(concentration=tf.ones([], dtype=rate.dtype), rate=rate,
                             allow_nan_stats=allow_nan_stats, validate_args=validate_args,
                             name=name)
        self._parameters = parameters
        self._graph_parents.append(rate)

    def _log_survival_function(self, x):
        return -self.rate * x

    def _sample_n(self, n, seed=None):
        shape = tf.concat([[n], tf.shape(self.rate)], 0)
        # The smallest positive float as lower bound: log(0) would give inf.
        uniform = tf.random_uniform(shape, minval=np.finfo(self.dtype.as_numpy_dtype).tiny,
                                    maxval=1.0, seed=seed, dtype=self.dtype)
        return -tf.log(uniform) / self.rate


class Beta(Distribution):
    """Beta distribution on (0, 1) with ``concentration1`` (alpha) and ``concentration0``."""

    _batch_param_names = ("concentration1", "concentration0")

    def __init__(self, concentration1=None, concentration0=None, validate_args=False,
                 allow_nan_stats=True, name="Beta"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[concentration1, concentration0]) as name:
            self._concentration1, self._concentration0 = (
                _checked_positive(tf.convert_to_tensor(value, name=name), validate_args)
                for value, name in ((concentration1, "concentration1"),
                                    (concentration0, "concentration0")))
            util.same_float_dtype([self._concentration1, self._concentration0])
            self._total_concentration = self._concentration1 + self._concentration0
        super().__init__(dtype=self._total_concentration.dtype,
                         reparameterization_type=FULLY_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters,
                         graph_parents=[self._concentration1, self._concentration0], name=name)

    @property
    def concentration1(self):
        """Concentration parameter associated with a 1 outcome."""
        return self._concentration1

    @property
    def concentration0(self):
        """Concentration parameter associated with a 0 outcome."""
        return self._concentration0

    @property
    def total_concentration(self):
        """Sum of the concentration parameters."""
        return self._total_concentration

    def _batch_shape_tensor(self):
        return tf.shape(self.total_concentration)

    def _batch_shape(self):
        return self.total_concentration.shape

    def _sample_n(self, n, seed=None):
        ones = tf.ones_like(self.total_concentration, dtype=self.dtype)
        gamma1 = tf.random.gamma(shape=[n], alpha=self.concentration1 * ones,
                                 dtype=self.dtype, seed=seed)
        gamma2 = tf.random.gamma(shape=[n], alpha=self.concentration0 * ones,
                                 dtype=self.dtype, seed=derived_seed(seed, "beta"))
        return gamma1 / (gamma1 + gamma2)

    def _log_normalization(self):
        return (tf.lgamma(self.concentration1) + tf.lgamma(self.concentration0) -
                tf.lgamma(self.total_concentration))

    def _log_prob(self, x):
        log_unnormalized = (tf.math.xlogy(self.concentration1 - 1.0, x) +
                            (self.concentration0 - 1.0) * tf.log1p(-x))
        return log_unnormalized - self._log_normalization()

    def _cdf(self, x):
        return tf.math.betainc(self.concentration1, self.concentration0, x)

    def _entropy(self):
        c1, c0, total = self.concentration1, self.concentration0, self.total_concentration
        return (self._log_normalization() - (c1 - 1.0) * tf.digamma(c1) -
                (c0 - 1.0) * tf.digamma(c0) + (total - 2.0) * tf.digamma(total))

    def _mean(self):
        return self.concentration1 / self.total_concentration

    def _variance(self):
        mean = self._mean()
        return mean * (1.0 - mean) / (1.0 + self.total_concentration)

    def _mode(self):
        mode = (self.concentration1 - 1.0) / (self.total_concentration - 2.0)
        defined = tf.logical_and(self.concentration1 > 1.0, self.concentration0 > 1.0)
        return _nan_where_undefined(self, mode, defined,
                                    "Mode undefined for concentration1 <= 1 or "
                                    "concentration0 <= 1.")


@kullback_leibler.RegisterKL(Gamma, Gamma)
def _kl_gamma_gamma(g0, g1, name=None):
    """KL divergence of two Gammas."""
    with tf.name_scope(name, "kl_gamma_gamma", values=[g0.concentration, g0.rate,
                                                       g1.concentration, g1.rate]):
        return ((g0.concentration - g1.concentration) * tf.digamma(g0.concentration) +
                tf.lgamma(g1.concentration) - tf.lgamma(g0.concentration) +
                g1.concentration * tf.log(g0.rate) - g1.concentration * tf.log(g1.rate) +
                g0.concentration * (g1.rate / g0.rate - 1.0))


@kullback_leibler.RegisterKL(Beta, Beta)
def _kl_beta_beta(d1, d2, name=None):
    """KL divergence of two Betas."""
    with tf.name_scope(name, "kl_beta_beta", values=[d1.concentration1, d1.concentration0,
                                                     d2.concentration1, d2.concentration0]):
        return (d2._log_normalization() - d1._log_normalization() +
                (d1.concentration1 - d2.concentration1) * tf.digamma(d1.concentration1) +
                (d1.concentration0 - d2.concentration0) * tf.digamma(d1.concentration0) +
                (d2.total_concentration - d1.total_concentration) *
                tf.digamma(d1.total_concentration))
