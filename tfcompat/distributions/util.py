"""Helpers shared by the distributions: parameter conversion and TF's special functions."""

from __future__ import annotations

import numpy as np

import tfcompat as tf


def identity_params(names_values: dict, validate_checks=()) -> list:
    """The parameters as named identities under the control of the run-time checks."""
    with tf.control_dependencies(list(validate_checks)):
        return [tf.identity(value, name=name) for name, value in names_values.items()]


def same_float_dtype(tensors) -> None:
    tf.debugging.assert_same_float_dtype(tensors)


def get_logits_and_probs(logits=None, probs=None, multidimensional=False, validate_args=False,
                         name="get_logits_and_probs", dtype=None):
    """(logits, probs) from exactly one of them: probs by sigmoid/softmax, logits by log-odds."""
    with tf.name_scope(name, values=[probs, logits]):
        if (probs is None) == (logits is None):
            raise ValueError("Must pass probs or logits, but not both.")
        if probs is None:
            logits = tf.convert_to_tensor(logits, name="logits", dtype=dtype)
            if not logits.dtype.is_floating:
                raise TypeError("logits must having floating type.")
            if multidimensional:
                return logits, tf.nn.softmax(logits, name="probs")
            return logits, tf.sigmoid(logits, name="probs")
        probs = tf.convert_to_tensor(probs, name="probs", dtype=dtype)
        if not probs.dtype.is_floating:
            raise TypeError("probs must having floating type.")
        if validate_args:
            with tf.name_scope("validate_probs"):
                checks = [tf.assert_non_negative(probs)]
                if multidimensional:
                    checks.append(tf.assert_near(
                        tf.reduce_sum(probs, -1), tf.ones([], probs.dtype),
                        message="probs does not sum to 1."))
                else:
                    checks.append(tf.assert_less_equal(
                        probs, tf.ones([], probs.dtype), message="probs has components "
                        "greater than 1."))
                with tf.control_dependencies(checks):
                    probs = tf.identity(probs)
        with tf.name_scope("logits"):
            if multidimensional:
                return tf.log(probs), probs
            return tf.log(probs) - tf.log1p(-probs), probs


def ndtr(x):
    """Normal CDF ``0.5 * erfc(-x / sqrt(2))``, accurate in both tails."""
    with tf.name_scope("ndtr"):
        half_sqrt_2 = tf.constant(0.5 * np.sqrt(2.0), dtype=x.dtype)
        w = x * half_sqrt_2
        z = tf.abs(w)
        y = tf.where_v2(z < half_sqrt_2, 1.0 + tf.math.erf(w),
                        tf.where_v2(w > 0.0, 2.0 - tf.math.erfc(z), tf.math.erfc(z)))
        return 0.5 * y


def log_ndtr(x):
    """Log of the normal CDF: ``log(ndtr(x))`` in the middle, ``log1p(-ndtr(-x))`` in the
    upper tail and an asymptotic series in the far lower tail (TF's limits per dtype)."""
    if x.dtype == tf.float64:
        lower, upper = -20.0, 8.0
    else:
        lower, upper = -10.0, 5.0
    with tf.name_scope("log_ndtr"):
        safe_upper = tf.where_v2(x > upper, -x, tf.zeros_like(x) - upper)
        safe_middle = tf.clip_by_value(x, lower, upper)
        safe_lower = tf.where_v2(x < lower, x, tf.zeros_like(x) + lower)
        return tf.where_v2(
            x > upper, -ndtr(safe_upper),
            tf.where_v2(x > lower, tf.log(ndtr(safe_middle)), _log_ndtr_lower(safe_lower)))


def _log_ndtr_lower(x, series_order=3):
    """Asymptotic expansion of log(ndtr(x)) for very negative x."""
    x_2 = tf.square(x)
    log_scale = -0.5 * x_2 - tf.log(-x) - 0.5 * np.log(2.0 * np.pi)
    even_sum, odd_sum = tf.zeros_like(x), tf.zeros_like(x)
    x_2n = x_2
    for n in range(1, series_order + 1):
        y = _double_factorial(2 * n - 1) / x_2n
        if n % 2:
            odd_sum += y
        else:
            even_sum += y
        x_2n *= x_2
    return log_scale + tf.log(1.0 + even_sum - odd_sum)


def _double_factorial(n: int) -> float:
    return float(np.prod(np.arange(n, 1, -2))) if n > 1 else 1.0


def log_cdf_laplace(x):
    """Log of the standard Laplace CDF, stable on both sides."""
    with tf.name_scope("log_cdf_laplace"):
        lower = np.log(0.5) + x
        safe_exp_neg_x = tf.exp(-tf.abs(x))
        upper = tf.log1p(-0.5 * safe_exp_neg_x)
        return tf.where_v2(x < 0.0, lower, upper)
