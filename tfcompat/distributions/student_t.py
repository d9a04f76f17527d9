"""``StudentT``: Student's t with degrees of freedom ``df``, location and scale. Samples need
``tf.random.gamma`` (a Normal over the square root of a Gamma), which fails naming that op
while tfcompat lacks it."""

from __future__ import annotations

import math

import numpy as np

import tfcompat as tf
from tfcompat.distributions import util
from tfcompat.distributions.distribution import FULLY_REPARAMETERIZED, Distribution
from tfcompat.distributions.gamma import _nan_where_undefined
from tfcompat.framework.random_seed import derived_seed


class StudentT(Distribution):
    """Student's t-distribution: ``loc + scale * T`` with ``T`` standard t with ``df``."""

    _batch_param_names = ("df", "loc", "scale")

    def __init__(self, df, loc, scale, validate_args=False, allow_nan_stats=True,
                 name="StudentT"):
        parameters = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        with tf.name_scope(name, values=[df, loc, scale]) as name:
            checks = [tf.assert_positive(df)] if validate_args else []
            self._df, self._loc, self._scale = util.identity_params(
                {"df": df, "loc": loc, "scale": scale}, checks)
            util.same_float_dtype((self._df, self._loc, self._scale))
        super().__init__(dtype=self._scale.dtype, reparameterization_type=FULLY_REPARAMETERIZED,
                         validate_args=validate_args, allow_nan_stats=allow_nan_stats,
                         parameters=parameters,
                         graph_parents=[self._df, self._loc, self._scale], name=name)

    @property
    def df(self):
        """Degrees of freedom."""
        return self._df

    @property
    def loc(self):
        """Locations."""
        return self._loc

    @property
    def scale(self):
        """Scaling factors."""
        return self._scale

    def _batch_shape_tensor(self):
        return tf.broadcast_dynamic_shape(
            tf.shape(self.df), tf.broadcast_dynamic_shape(tf.shape(self.loc),
                                                          tf.shape(self.scale)))

    def _batch_shape(self):
        return tf.broadcast_static_shape(
            self.df.shape, tf.broadcast_static_shape(self.loc.shape, self.scale.shape))

    def _sample_n(self, n, seed=None):
        shape = tf.concat([[n], self.batch_shape_tensor()], 0)
        normal = tf.random_normal(shape, dtype=self.dtype, seed=seed)
        df = self.df * tf.ones(self.batch_shape_tensor(), dtype=self.dtype)
        gamma = tf.random.gamma([n], 0.5 * df, beta=0.5, dtype=self.dtype,
                                 seed=derived_seed(seed, "student_t"))
        return self.loc + self.scale * normal * tf.rsqrt(gamma / df)

    def _log_prob(self, x):
        y = (x - self.loc) / self.scale
        log_unnormalized = -0.5 * (self.df + 1.0) * tf.log1p(tf.square(y) / self.df)
        log_normalization = (tf.log(tf.abs(self.scale)) + 0.5 * tf.log(self.df) +
                             0.5 * math.log(math.pi) + tf.lgamma(0.5 * self.df) -
                             tf.lgamma(0.5 * (self.df + 1.0)))
        return log_unnormalized - log_normalization

    def _cdf(self, x):
        y = (x - self.loc) / self.scale
        x_t = self.df / (tf.square(y) + self.df)
        neg_cdf = 0.5 * tf.math.betainc(0.5 * self.df, 0.5, x_t)
        return tf.where_v2(y < 0.0, neg_cdf, 1.0 - neg_cdf)

    def _entropy(self):
        ones = tf.ones(self.batch_shape_tensor(), dtype=self.dtype)
        df = self.df * ones
        half_df_plus_1 = 0.5 * (df + 1.0)
        half_df = 0.5 * df
        return (half_df_plus_1 * (tf.digamma(half_df_plus_1) - tf.digamma(half_df)) +
                0.5 * tf.log(df) + tf.lbeta(tf.stack([half_df, 0.5 * ones], axis=-1)) +
                tf.log(tf.abs(self.scale)))

    def _mean(self):
        mean = self.loc * tf.ones(self.batch_shape_tensor(), dtype=self.dtype)
        return _nan_where_undefined(self, mean, self.df > 1.0,
                                    "mean not defined for components of df <= 1")

    def _variance(self):
        ones = tf.ones(self.batch_shape_tensor(), dtype=self.dtype)
        df = self.df * ones
        finite = tf.square(self.scale) * ones * df / (df - 2.0)
        infinite = tf.fill(tf.shape(finite), tf.constant(np.inf, dtype=self.dtype))
        variance = tf.where_v2(df > 2.0, finite, infinite)
        return _nan_where_undefined(self, variance, df > 1.0,
                                    "variance not defined for components of df <= 1")

    def _mode(self):
        return tf.identity(self.loc)
