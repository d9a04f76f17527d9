"""``Normal``, ``Uniform`` and ``Laplace``: scalar continuous distributions with location-scale
parameters, sampled from TF's Philox ``random_normal`` / ``random_uniform`` streams."""

from __future__ import annotations

import math

import numpy as np

import tfcompat as tf
from tfcompat.distributions import kullback_leibler, util
from tfcompat.distributions.distribution import FULLY_REPARAMETERIZED, Distribution


def _constructor_parameters(local_vars: dict) -> dict:
    return {k: v for k, v in local_vars.items() if k not in ("self", "__class__")}


class _LocScale(Distribution):
    """Shared constructor and shapes of distributions parameterized by ``loc`` and ``scale``."""

    def __init__(self, loc, scale, validate_args, allow_nan_stats, name, parameters):
        with tf.name_scope(name, values=[loc, scale]) as name:
            checks = [tf.assert_positive(scale)] if validate_args else []
            self._loc, self._scale = util.identity_params(
                {"loc": loc, "scale": scale}, checks)
            util.same_float_dtype([self._loc, self._scale])
        super().__init__(dtype=self._scale.dtype, reparameterization_type=FULLY_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters, graph_parents=[self._loc, self._scale],
                         name=name)

    @property
    def loc(self):
        """Distribution parameter for the location."""
        return self._loc

    @property
    def scale(self):
        """Distribution parameter for the scale."""
        return self._scale

    def _batch_shape_tensor(self):
        return tf.broadcast_dynamic_shape(tf.shape(self.loc), tf.shape(self.scale))

    def _batch_shape(self):
        return tf.broadcast_static_shape(self.loc.shape, self.scale.shape)

    def _z(self, x):
        with tf.name_scope("standardize", values=[x]):
            return (x - self.loc) / self.scale

    def _mean(self):
        return self.loc * tf.ones_like(self.scale)

    _mode = _mean


class Normal(_LocScale):
    """The Normal distribution with location ``loc`` and standard deviation ``scale``."""

    _batch_param_names = ("loc", "scale")

    def __init__(self, loc, scale, validate_args=False, allow_nan_stats=True, name="Normal"):
        super().__init__(loc, scale, validate_args, allow_nan_stats, name,
                         _constructor_parameters(locals()))

    def _sample_n(self, n, seed=None):
        shape = tf.concat([[n], self.batch_shape_tensor()], 0)
        sampled = tf.random_normal(shape=shape, mean=0.0, stddev=1.0, dtype=self.loc.dtype,
                                   seed=seed)
        return sampled * self.scale + self.loc

    def _log_prob(self, x):
        return -0.5 * tf.square(self._z(x)) - (0.5 * math.log(2.0 * math.pi) +
                                               tf.log(self.scale))

    def _log_cdf(self, x):
        return util.log_ndtr(self._z(x))

    def _cdf(self, x):
        return util.ndtr(self._z(x))

    def _log_survival_function(self, x):
        return util.log_ndtr(-self._z(x))

    def _survival_function(self, x):
        return util.ndtr(-self._z(x))

    def _entropy(self):
        scale = self.scale * tf.ones_like(self.loc)
        return 0.5 * math.log(2.0 * math.pi * math.e) + tf.log(scale)

    def _quantile(self, p):
        z = tf.math.ndtri(p)
        with tf.name_scope("reconstruct", values=[z]):
            return z * self.scale + self.loc

    def _stddev(self):
        return self.scale * tf.ones_like(self.loc)


class Laplace(_LocScale):
    """The Laplace distribution with location ``loc`` and scale ``scale`` (> 0)."""

    _batch_param_names = ("loc", "scale")

    def __init__(self, loc, scale, validate_args=False, allow_nan_stats=True, name="Laplace"):
        super().__init__(loc, scale, validate_args, allow_nan_stats, name,
                         _constructor_parameters(locals()))

    def _sample_n(self, n, seed=None):
        shape = tf.concat([[n], self.batch_shape_tensor()], 0)
        # Open interval (-1, 1): u = -1 would give log1p(-1) = -inf.
        minval = np.nextafter(self.dtype.as_numpy_dtype(-1.0), self.dtype.as_numpy_dtype(0.0))
        uniform = tf.random_uniform(shape=shape, minval=minval, maxval=1.0, dtype=self.dtype,
                                    seed=seed)
        return self.loc - self.scale * tf.sign(uniform) * tf.log1p(-tf.abs(uniform))

    def _log_prob(self, x):
        return -tf.abs(self._z(x)) - (math.log(2.0) + tf.log(self.scale))

    def _cdf(self, x):
        z = self._z(x)
        return 0.5 - 0.5 * tf.sign(z) * tf.math.expm1(-tf.abs(z))

    def _log_cdf(self, x):
        return util.log_cdf_laplace(self._z(x))

    def _log_survival_function(self, x):
        return util.log_cdf_laplace(-self._z(x))

    def _survival_function(self, x):
        z = self._z(x)
        return 0.5 - 0.5 * tf.sign(-z) * tf.math.expm1(-tf.abs(z))

    def _entropy(self):
        scale = self.scale + tf.zeros_like(self.loc)
        return math.log(2.0) + 1.0 + tf.log(scale)

    def _stddev(self):
        return math.sqrt(2.0) * self.scale * tf.ones_like(self.loc)


class Uniform(Distribution):
    """The Uniform distribution on ``[low, high)``."""

    _batch_param_names = ("low", "high")

    def __init__(self, low=0.0, high=1.0, validate_args=False, allow_nan_stats=True,
                 name="Uniform"):
        parameters = _constructor_parameters(locals())
        with tf.name_scope(name, values=[low, high]) as name:
            checks = [tf.assert_less(low, high, message="uniform not well-defined when "
                                     "low >= high.")] if validate_args else []
            self._low, self._high = util.identity_params({"low": low, "high": high}, checks)
            util.same_float_dtype([self._low, self._high])
        super().__init__(dtype=self._low.dtype, reparameterization_type=FULLY_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters, graph_parents=[self._low, self._high],
                         name=name)

    @property
    def low(self):
        """Lower boundary of the output interval."""
        return self._low

    @property
    def high(self):
        """Upper boundary of the output interval."""
        return self._high

    def range(self, name="range"):
        """``high - low``."""
        with self._name_scope(name):
            return self.high - self.low

    def _batch_shape_tensor(self):
        return tf.broadcast_dynamic_shape(tf.shape(self.low), tf.shape(self.high))

    def _batch_shape(self):
        return tf.broadcast_static_shape(self.low.shape, self.high.shape)

    def _sample_n(self, n, seed=None):
        shape = tf.concat([[n], self.batch_shape_tensor()], 0)
        samples = tf.random_uniform(shape=shape, dtype=self.dtype, seed=seed)
        return self.low + self.range() * samples

    def _prob(self, x):
        x = x * tf.ones(self.batch_shape_tensor(), dtype=self.dtype)
        outside = tf.logical_or(x < self.low, x >= self.high)
        density = tf.where_v2(outside, tf.zeros_like(x), tf.ones_like(x) / self.range())
        return tf.where_v2(tf.is_nan(x), x, density)

    def _cdf(self, x):
        ones = tf.ones(tf.broadcast_dynamic_shape(tf.shape(x), self.batch_shape_tensor()),
                       dtype=self.dtype)
        x = x * ones
        below_or_inside = tf.where_v2(x < self.low, tf.zeros_like(ones),
                                      (x - self.low) / self.range())
        return tf.where_v2(x >= self.high, ones, below_or_inside)

    def _entropy(self):
        return tf.log(self.range())

    def _mean(self):
        return (self.low + self.high) / 2.0

    def _variance(self):
        return tf.square(self.range()) / 12.0

    def _stddev(self):
        return self.range() / math.sqrt(12.0)


@kullback_leibler.RegisterKL(Normal, Normal)
def _kl_normal_normal(n_a, n_b, name=None):
    """KL divergence of two Normals."""
    with tf.name_scope(name, "kl_normal_normal", [n_a.loc, n_b.loc]):
        s_a_squared = tf.square(n_a.scale)
        s_b_squared = tf.square(n_b.scale)
        ratio = s_a_squared / s_b_squared
        return (tf.square(n_a.loc - n_b.loc) / (2.0 * s_b_squared) +
                0.5 * (ratio - 1.0 - tf.log(ratio)))
