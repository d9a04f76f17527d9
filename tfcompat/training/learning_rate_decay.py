"""Learning-rate schedules (``tf.train.exponential_decay`` and friends).

Each schedule builds TF's graph for a decayed learning rate at ``global_step``: the ops sit
under TF's scope names (``ExponentialDecay``, ``PolynomialDecay``, ``SGDRDecay``...) and are
built in TF's order, so op names and values match TF at every step.
"""

from __future__ import annotations

import math

from tfcompat.framework import ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.ops import control_flow_case, control_flow_v1, math_ops, random_ops


def _initial_rate(learning_rate):
    rate = convert_to_tensor(learning_rate, name="initial_learning_rate")
    return rate, rate.dtype


def _exponential(learning_rate, global_step, decay_steps, decay_rate, staircase, name):
    with ops.name_scope(name or "ExponentialDecay") as scope:
        rate, dtype = _initial_rate(learning_rate)
        decay_steps = math_ops.cast(decay_steps, dtype)
        decay_rate = math_ops.cast(decay_rate, dtype)
        p = math_ops.cast(global_step, dtype) / decay_steps
        if staircase:
            p = math_ops.floor(p)
        return math_ops.multiply(rate, math_ops.pow(decay_rate, p), name=scope)


def exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                      name=None):
    """``learning_rate * decay_rate ** (global_step / decay_steps)`` (the exponent floored if
    ``staircase``)."""
    return _exponential(learning_rate, global_step, decay_steps, decay_rate, staircase, name)


def natural_exp_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                      name=None):
    """``learning_rate * exp(-decay_rate * global_step / decay_steps)``."""
    natural_rate = math_ops.exp(math_ops.negative(decay_rate))
    return _exponential(learning_rate, global_step, decay_steps, natural_rate, staircase, name)


def inverse_time_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                       name=None):
    """``learning_rate / (1 + decay_rate * global_step / decay_steps)``."""
    with ops.name_scope(name or "InverseTimeDecay") as scope:
        rate, dtype = _initial_rate(learning_rate)
        decay_steps = math_ops.cast(decay_steps, dtype)
        decay_rate = math_ops.cast(decay_rate, dtype)
        p = math_ops.cast(global_step, dtype) / decay_steps
        if staircase:
            p = math_ops.floor(p)
        one = math_ops.cast(convert_to_tensor(1), dtype)
        denominator = math_ops.add(one, math_ops.multiply(decay_rate, p))
        return math_ops.div(rate, denominator, name=scope)


def polynomial_decay(learning_rate, global_step, decay_steps, end_learning_rate=0.0001,
                     power=1.0, cycle=False, name=None):
    """Decays from ``learning_rate`` to ``end_learning_rate`` over ``decay_steps`` along
    ``(1 - step / decay_steps) ** power``; with ``cycle`` the horizon grows by multiples of
    ``decay_steps`` instead of the rate staying at the end value."""
    with ops.name_scope(name or "PolynomialDecay") as scope:
        rate, dtype = _initial_rate(learning_rate)
        end_rate = math_ops.cast(end_learning_rate, dtype)
        power = math_ops.cast(power, dtype)
        step = math_ops.cast(global_step, dtype)
        horizon = math_ops.cast(decay_steps, dtype)
        if cycle:
            # At step 0 the first cycle is used (ceil(0) would make the horizon zero).
            multiplier = math_ops.where_v2(math_ops.equal(step, 0), 1.0,
                                           math_ops.ceil(step / decay_steps))
            horizon = math_ops.multiply(horizon, multiplier)
        else:
            step = math_ops.minimum(step, horizon)
        p = math_ops.divide(step, horizon)
        return math_ops.add(math_ops.multiply(rate - end_rate, math_ops.pow(1 - p, power)),
                            end_rate, name=scope)


def _half_cosine(fraction, dtype):
    """``0.5 * (1 + cos(pi * fraction))``."""
    return 0.5 * (1.0 + math_ops.cos(convert_to_tensor(math.pi, dtype=dtype) * fraction))


def cosine_decay(learning_rate, global_step, decay_steps, alpha=0.0, name=None):
    """Cosine decay to ``alpha * learning_rate`` at ``decay_steps`` (SGDR without restarts)."""
    with ops.name_scope(name or "CosineDecay"):
        rate, dtype = _initial_rate(learning_rate)
        decay_steps = math_ops.cast(decay_steps, dtype)
        step = math_ops.minimum(math_ops.cast(global_step, dtype), decay_steps)
        cosine_decayed = _half_cosine(step / decay_steps, dtype)
        decayed = (1 - alpha) * cosine_decayed + alpha
        return math_ops.multiply(rate, decayed)


def cosine_decay_restarts(learning_rate, global_step, first_decay_steps, t_mul=2.0, m_mul=1.0,
                          alpha=0.0, name=None):
    """Cosine decay with warm restarts (SGDR): the i-th period lasts ``first_decay_steps *
    t_mul**i`` steps and starts from ``learning_rate * m_mul**i``."""
    with ops.name_scope(name or "SGDRDecay") as scope:
        rate, dtype = _initial_rate(learning_rate)
        first_decay_steps = math_ops.cast(first_decay_steps, dtype)
        alpha = math_ops.cast(alpha, dtype)
        t_mul = math_ops.cast(t_mul, dtype)
        m_mul = math_ops.cast(m_mul, dtype)
        fraction = math_ops.cast(global_step, dtype) / first_decay_steps

        def constant_periods():
            i_restart = math_ops.floor(fraction)
            return i_restart, fraction - i_restart

        def growing_periods():
            i_restart = math_ops.floor(
                math_ops.log(1.0 - fraction * (1.0 - t_mul)) / math_ops.log(t_mul))
            elapsed = (1.0 - t_mul ** i_restart) / (1.0 - t_mul)
            return i_restart, (fraction - elapsed) / t_mul ** i_restart

        i_restart, fraction = control_flow_v1.cond(math_ops.equal(t_mul, 1.0),
                                                   constant_periods, growing_periods)
        m_fac = m_mul ** i_restart
        cosine_decayed = 0.5 * m_fac * (
            1.0 + math_ops.cos(convert_to_tensor(math.pi, dtype=dtype) * fraction))
        decayed = (1 - alpha) * cosine_decayed + alpha
        return math_ops.multiply(rate, decayed, name=scope)


def linear_cosine_decay(learning_rate, global_step, decay_steps, num_periods=0.5, alpha=0.0,
                        beta=0.001, name=None):
    """``learning_rate * ((alpha + linear) * cosine + beta)`` with a linear ramp to zero and
    ``num_periods`` cosine periods over ``decay_steps``."""
    with ops.name_scope(name or "LinearCosineDecay") as scope:
        rate, dtype = _initial_rate(learning_rate)
        decay_steps = math_ops.cast(decay_steps, dtype)
        num_periods = math_ops.cast(num_periods, dtype)
        alpha = math_ops.cast(alpha, dtype)
        beta = math_ops.cast(beta, dtype)
        step = math_ops.minimum(math_ops.cast(global_step, dtype), decay_steps)
        linear_decayed = (decay_steps - step) / decay_steps
        completed_fraction = step / decay_steps
        fraction = 2.0 * num_periods * completed_fraction
        cosine_decayed = _half_cosine(fraction, dtype)
        decayed = (alpha + linear_decayed) * cosine_decayed + beta
        return math_ops.multiply(rate, decayed, name=scope)


def noisy_linear_cosine_decay(learning_rate, global_step, decay_steps, initial_variance=1.0,
                              variance_decay=0.55, num_periods=0.5, alpha=0.0, beta=0.001,
                              name=None):
    """linear_cosine_decay with Gaussian noise of variance ``initial_variance / (1 + step) **
    variance_decay`` added to the linear part (seeded by the graph seed)."""
    with ops.name_scope(name or "NoisyLinearCosineDecay") as scope:
        rate, dtype = _initial_rate(learning_rate)
        decay_steps = math_ops.cast(decay_steps, dtype)
        initial_variance = math_ops.cast(initial_variance, dtype)
        variance_decay = math_ops.cast(variance_decay, dtype)
        num_periods = math_ops.cast(num_periods, dtype)
        alpha = math_ops.cast(alpha, dtype)
        beta = math_ops.cast(beta, dtype)
        step = math_ops.minimum(math_ops.cast(global_step, dtype), decay_steps)
        linear_decayed = (decay_steps - step) / decay_steps
        variance = initial_variance / math_ops.pow(1.0 + step, variance_decay)
        std = math_ops.sqrt(variance)
        noisy_linear = linear_decayed + random_ops.random_normal(
            linear_decayed.shape.as_list(), stddev=std)
        completed_fraction = step / decay_steps
        fraction = 2.0 * num_periods * completed_fraction
        cosine_decayed = _half_cosine(fraction, dtype)
        decayed = (alpha + noisy_linear) * cosine_decayed + beta
        return math_ops.multiply(rate, decayed, name=scope)


def piecewise_constant(x, boundaries, values, name=None):
    """``values[i]`` while ``boundaries[i-1] < x <= boundaries[i]`` (``values[0]`` up to and
    including ``boundaries[0]``, ``values[-1]`` beyond the last boundary)."""
    boundaries = [convert_to_tensor(b) for b in boundaries]
    values = [convert_to_tensor(v) for v in values]
    x = convert_to_tensor(x)
    # Integer boundaries are cast to the step's dtype: comparing in float could be wrong.
    boundaries = [b if b.dtype.base_dtype is x.dtype.base_dtype
                  else math_ops.cast(b, x.dtype.base_dtype) for b in boundaries]
    if len(boundaries) != len(values) - 1:
        raise ValueError("The length of boundaries should be 1 less than the length of values")
    value_dtype = values[0].dtype.base_dtype
    for v in values[1:]:
        if v.dtype.base_dtype is not value_dtype:
            other = v.dtype.base_dtype.name
            raise ValueError(f"Values must have elements all with the same dtype "
                             f"(<dtype: '{value_dtype.name}'> vs <dtype: '{other}'>).")
    with ops.name_scope(name or "PiecewiseConstant"):
        cases = [(math_ops.less_equal(x, boundaries[0]), values[0]),
                 (math_ops.greater(x, boundaries[-1]), values[-1])]
        for low, high, v in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
            cases.append((math_ops.logical_and(math_ops.greater(x, low),
                                               math_ops.less_equal(x, high), name="and"), v))
        # TF's tf.case with exclusive=True: a run-time Assert that at most one predicate
        # holds, then the chain of conds (each branch returns its value tensor itself).
        return control_flow_case.case([(pred, lambda v=v: v) for pred, v in cases],
                                      default=lambda: values[0], exclusive=True)


piecewise_constant_decay = piecewise_constant

