"""The optimizer update rules (ApplyGradientDescent, ApplyMomentum, ApplyAdam, ApplyAdagrad,
ApplyRMSProp) give, bit for bit, the plain numpy expressions of TF's formulas, and never write
into their inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfcompat.training import training_ops

# ---- the plain numpy formulas, in TF's order ----------------------------------------------------


def gradient_descent(var, alpha, delta):
    return (var - alpha * delta,)


def momentum(var, accum, lr, grad, momentum, use_nesterov):
    accum = accum * momentum + grad
    if use_nesterov:
        return var - (grad * lr + accum * momentum * lr), accum
    return var - lr * accum, accum


def adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad, use_nesterov):
    lr_t = lr * np.sqrt(1 - beta2_power) / (1 - beta1_power)
    m = m + (grad - m) * (1 - beta1)
    v = v + (grad * grad - v) * (1 - beta2)
    if use_nesterov:
        step = (m * beta1 + (1 - beta1) * grad) * lr_t / (np.sqrt(v) + epsilon)
    else:
        step = m * lr_t / (np.sqrt(v) + epsilon)
    return var - step, m, v


def adagrad(var, accum, lr, grad, update_slots):
    if update_slots:
        accum = accum + grad * grad
    return var - lr * grad / np.sqrt(accum), accum


def rmsprop(var, ms, mom, lr, rho, momentum, epsilon, grad):
    ms = ms + (grad * grad - ms) * (1 - rho)
    mom = mom * momentum + lr * grad / np.sqrt(ms + epsilon)
    return var - mom, ms, mom


# rule, reference, number of array inputs (variable, slots, then the gradient last or among the
# scalars as the op orders them), the op's inputs as "a" (array) / "s" (scalar), attrs to try
CASES = {
    "gd": (training_ops._gradient_descent, gradient_descent, "asa", [{}]),
    "momentum": (training_ops._momentum, momentum, "aasas",
                 [{"use_nesterov": False}, {"use_nesterov": True}]),
    "adam": (training_ops._adam, adam, "aaassssssa",
             [{"use_nesterov": False}, {"use_nesterov": True}]),
    "adagrad": (training_ops._adagrad, adagrad, "aasa",
                [{"update_slots": True}, {"update_slots": False}]),
    "rmsprop": (training_ops._rmsprop, rmsprop, "aaassssa", [{}]),
}

SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-30, 1e30])


def _inputs(kinds, dtype, shape, seed, specials, transposed):
    rng = np.random.RandomState(seed)
    values = []
    for kind in kinds:
        if kind == "s":
            values.append(np.asarray(rng.uniform(0.01, 0.99), dtype))
            continue
        array = np.asarray(rng.randn(*shape) * 3)
        if specials and array.size:
            picks = rng.randint(0, array.size, max(1, array.size // 4))
            array.reshape(-1)[picks] = rng.choice(SPECIALS, picks.size)
        with np.errstate(over="ignore"):  # 1e30 in float16: inf, as a special value too
            array = array.astype(dtype)
        values.append(array.T if transposed else array)
    return values


def _bits(value):
    value = np.asarray(value)
    return value.dtype, value.shape, value.tobytes()


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@settings(max_examples=25, deadline=None)
@given(shape=st.lists(st.integers(0, 7), min_size=0, max_size=3), seed=st.integers(0, 2**16),
       specials=st.booleans(), transposed=st.booleans())
def test_rule_matches_the_numpy_formula_bit_for_bit(name, dtype, shape, seed, specials,
                                                    transposed):
    rule, reference, kinds, attr_sets = CASES[name]
    inputs = _inputs(kinds, dtype, shape, seed, specials, transposed)
    before = [x.copy() for x in inputs]
    for attrs in attr_sets:
        with np.errstate(all="ignore"):
            want = [np.asarray(w).astype(dtype, copy=False) for w in reference(*inputs, **attrs)]
            got = rule(*inputs, **attrs)
        assert [_bits(g) for g in got] == [_bits(w) for w in want]
    for x, original in zip(inputs, before):
        assert x.tobytes() == original.tobytes()  # inputs untouched
