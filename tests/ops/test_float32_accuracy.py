"""Float32 transcendental kernels are at least as close to the correctly rounded result as TF's.

The inputs and TensorFlow's outputs are recorded in tests/ops/data/float32_math_oracle.npz (see
tests/ops/float32_math_oracle.py); the correctly rounded reference is computed in numpy's
extended precision (long double) and rounded once to float32.
"""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tests.ops import float32_math_oracle as oracle

RECORDED = np.load(oracle.DATA_PATH)
L = np.longdouble

REFERENCE = {
    "exp": lambda x: np.exp(L(x)), "expm1": lambda x: np.expm1(L(x)),
    "log": lambda x: np.log(L(x)), "log1p": lambda x: np.log1p(L(x)),
    "sin": lambda x: np.sin(L(x)), "cos": lambda x: np.cos(L(x)),
    "tanh": lambda x: np.tanh(L(x)), "sigmoid": lambda x: 1 / (1 + np.exp(-L(x))),
    "sqrt": lambda x: np.sqrt(L(x)), "rsqrt": lambda x: 1 / np.sqrt(L(x)),
    "softplus": lambda x: np.log1p(np.exp(L(x))),
}
OPS = {
    "exp": tf.exp, "expm1": tf.math.expm1, "log": tf.log, "log1p": tf.math.log1p, "sin": tf.sin,
    "cos": tf.cos, "tanh": tf.tanh, "sigmoid": tf.sigmoid, "sqrt": tf.sqrt,
    "rsqrt": tf.math.rsqrt, "softplus": tf.nn.softplus,
}
# Correctly rounded in tfcompat (numpy's float32 loop is less accurate than TF's for these).
CORRECTLY_ROUNDED = {"exp", "rsqrt", "sqrt"}


def ulps(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance in float32 units in the last place (monotonic integer mapping of the bits)."""
    def ordered(v):
        bits = np.asarray(v, np.float32).view(np.int32).astype(np.int64)
        return np.where(bits < 0, -(bits & 0x7FFFFFFF), bits)
    return np.abs(ordered(a) - ordered(b))


def _run(t):
    with tf.Session() as sess:
        return sess.run(t)


@pytest.mark.parametrize("name", sorted(OPS))
def test_at_least_as_accurate_as_tensorflow(name):
    x, tf_y = RECORDED[f"{name}_x"], RECORDED[f"{name}_y"]
    with tf.Graph().as_default():
        ours = _run(OPS[name](tf.constant(x)))
    assert ours.dtype == np.float32
    exact = REFERENCE[name](x).astype(np.float32)
    ours_err, tf_err = ulps(ours, exact), ulps(tf_y, exact)
    assert ours_err.max() <= tf_err.max()
    assert ours_err.mean() <= tf_err.mean()
    if name in CORRECTLY_ROUNDED:
        assert ours_err.max() == 0


def test_pow_at_least_as_accurate_as_tensorflow():
    x, e, tf_y = RECORDED["pow_x"], RECORDED["pow_e"], RECORDED["pow_y"]
    with tf.Graph().as_default():
        ours = _run(tf.pow(tf.constant(x), tf.constant(e)))
    exact = np.power(L(x), L(e)).astype(np.float32)
    assert ulps(ours, exact).max() <= ulps(tf_y, exact).max()
    assert ulps(ours, exact).mean() <= ulps(tf_y, exact).mean()


def test_exp_of_two_is_exact():
    with tf.Graph().as_default():
        assert _run(tf.exp(tf.constant(2.0))) == np.float32(np.exp(2.0))
