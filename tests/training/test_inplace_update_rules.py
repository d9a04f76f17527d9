"""The in-place optimizer rules (training_rules_inplace) give the plain formulas' bits exactly,
never write into their arguments, and are used only for values that fit them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.training import training_ops
from tfcompat.training import training_rules_inplace as inplace

_UINT = {2: np.uint16, 4: np.uint32, 8: np.uint64}
_SPECIAL = [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-30, -1e-30, 65504.0, 1e300]


def _values(rng, shape, dtype, positive=False):
    """Normal values mixed with specials and raw bit patterns (NaN payloads, subnormals)."""
    dtype = np.dtype(dtype)
    x = rng.standard_normal(shape).astype(dtype)
    if positive:
        x = np.abs(x)
    flat = x.reshape(-1)
    if flat.size:
        picks = rng.randint(0, 8, flat.size)
        with np.errstate(over="ignore"):
            specials = np.array(_SPECIAL, np.float64).astype(dtype)
        flat[picks == 0] = specials[rng.randint(0, len(specials), (picks == 0).sum())]
        bits = rng.randint(0, 2**16, (flat.size, dtype.itemsize // 2)).astype(np.uint16)
        raw = bits.view(_UINT[dtype.itemsize]).reshape(-1).view(dtype)
        flat[picks == 1] = raw[picks == 1]
    return x


def _scalar(rng, dtype, low=0.0, high=1.0):
    pick = rng.randint(0, 10)
    value = _SPECIAL[rng.randint(0, len(_SPECIAL))] if pick == 0 else rng.uniform(low, high)
    with np.errstate(over="ignore"):
        return np.asarray(value, np.float64).astype(dtype)


def _same_bits(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    uint = _UINT[a.dtype.itemsize]
    return np.array_equal(np.ascontiguousarray(a).view(uint), np.ascontiguousarray(b).view(uint))


# rule name -> (plain formula, in-place rule, ref count, plain input kinds: "s" scalar, "g" grad,
# attr names and their values to try)
_RULES = {
    "gd": (training_ops._gradient_descent, inplace.gradient_descent, 1, "sg", {}),
    "momentum": (training_ops._momentum, inplace.momentum, 2, "sgs",
                 {"use_nesterov": (False, True)}),
    "adam": (training_ops._adam, inplace.adam, 3, "ssssssg", {"use_nesterov": (False, True)}),
    "adagrad": (training_ops._adagrad, inplace.adagrad, 2, "sg", {"update_slots": (True, False)}),
    "rmsprop": (training_ops._rmsprop, inplace.rmsprop, 3, "ssssg", {}),
}


@pytest.mark.parametrize("rule", sorted(_RULES))
@settings(max_examples=60, deadline=None)
@example(seed=11265, dtype=np.float64, shape=(1,), flag=False)  # NaN + NaN of two signs
@given(seed=st.integers(0, 2**31 - 1),
       dtype=st.sampled_from([np.float16, np.float32, np.float64]),
       shape=st.sampled_from([(1,), (7,), (3, 5), (0,), (4, 0), (2, 3, 4), (160, 64)]),
       flag=st.booleans())
def test_inplace_rule_matches_plain_formula(rule, seed, dtype, shape, flag):
    plain_rule, inplace_rule, ref_count, kinds, attrs = _RULES[rule]
    rng = np.random.RandomState(seed)
    # Slots of square sums (Adam's v, Adagrad's accum, RMSProp's ms) are mostly non-negative.
    refs = [_values(rng, shape, dtype, positive=i > 0 and rng.randint(2)) for i in range(ref_count)]
    plain = [_values(rng, shape, dtype) if k == "g" else _scalar(rng, dtype) for k in kinds]
    kwargs = {name: choices[flag] for name, choices in attrs.items()}
    fits = inplace.fits_inplace(refs, plain, kinds.index("g"))
    assert fits == (int(np.prod(shape)) != 1)  # one element: numpy swaps an in-place add
    if not fits:
        return
    before = [a.copy() for a in refs + plain]
    with np.errstate(all="ignore"):
        expected = plain_rule(*refs, *plain, **kwargs)
        got = inplace_rule(*refs, *plain, **kwargs)
    assert len(got) == len(expected) == ref_count
    for e, g in zip(expected, got):
        assert _same_bits(e, g), (rule, e, g)
    for old, now in zip(before, refs + plain):
        assert _same_bits(old, now)  # arguments untouched


def test_values_that_do_not_fit_keep_the_plain_formulas():
    f32 = np.float32
    var = np.ones((3, 4), f32)
    grad = np.ones((3, 4), f32)
    lr = np.asarray(0.5, f32)
    assert inplace.fits_inplace([var], [lr, grad], 1)
    assert not inplace.fits_inplace([var.T.copy().T], [lr, grad], 1)  # not C-contiguous
    assert not inplace.fits_inplace([var], [lr, grad.T.copy().T], 1)
    assert not inplace.fits_inplace([np.asarray(1.0, f32)], [lr, np.asarray(1.0, f32)], 1)  # 0-d
    assert not inplace.fits_inplace([var.astype(np.int32)], [lr, grad], 1)
    assert not inplace.fits_inplace([var], [np.full(4, 0.5, f32), grad], 1)  # vector lr
    assert not inplace.fits_inplace([var], [0.5, grad], 1)  # Python float
    assert not inplace.fits_inplace([var], [np.asarray(0.5), grad], 1)  # other dtype
    assert not inplace.fits_inplace([var, var[:2]], [lr, grad], 1)  # slot of another shape


def _train(optimizer, dtype, shape):
    """Three steps of ``optimizer`` on a variable of ``shape`` through a session: its values."""
    rng = np.random.RandomState(0)
    with tf.Graph().as_default():
        v = tf.Variable(rng.standard_normal(shape).astype(dtype))
        g = tf.constant(rng.standard_normal(shape).astype(dtype))
        train = optimizer().apply_gradients([(g, v)])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(3):
                sess.run(train)
            return sess.run(v)


_OPTIMIZERS = {
    "gd": lambda: tf.train.GradientDescentOptimizer(0.1),
    "momentum": lambda: tf.train.MomentumOptimizer(0.1, 0.9),
    "nesterov": lambda: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
    "adam": lambda: tf.train.AdamOptimizer(0.1),
    "adagrad": lambda: tf.train.AdagradOptimizer(0.1),
    "rmsprop": lambda: tf.train.RMSPropOptimizer(0.1, momentum=0.5),
}


@pytest.mark.parametrize("name", sorted(_OPTIMIZERS))
@pytest.mark.parametrize("dtype,shape", [(np.float32, (5, 3)), (np.float64, (7,)),
                                         (np.float16, (4,)), (np.float32, ())])
def test_optimizer_steps_match_the_plain_formulas(monkeypatch, name, dtype, shape):
    fits = inplace.fits_inplace
    taken = []
    monkeypatch.setattr(inplace, "fits_inplace", lambda *args: taken.append(fits(*args)) or
                        taken[-1])
    fast = _train(_OPTIMIZERS[name], dtype, shape)
    assert any(taken) == (shape != ())  # 0-d variables keep the plain formulas
    calls = []
    monkeypatch.setattr(inplace, "fits_inplace", lambda *args: calls.append(args) and False)
    plain = _train(_OPTIMIZERS[name], dtype, shape)
    assert calls  # the second run did take the plain formulas
    assert _same_bits(fast, plain)
