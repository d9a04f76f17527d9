"""Float32 transcendental functions: a sweep of inputs per op and TensorFlow 2.21's outputs.

``tests/ops/test_float32_accuracy.py`` compares tfcompat's float32 kernels with these, in ulps
from the correctly rounded result (computed in extended precision). Re-record with::

    /opt/tfvenv/bin/python tests/ops/float32_math_oracle.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

DATA_PATH = Path(__file__).resolve().parent / "data" / "float32_math_oracle.npz"
_PER_OP = 4000

# op name -> (input low, high, log-spaced?): the domain where the function is finite and
# not trivially saturated; a few exact points (0, 1, 2, ...) are added to every sweep.
DOMAINS = {
    "exp": (-87.0, 88.0, False),
    "expm1": (-20.0, 88.0, False),
    "log": (1e-30, 1e30, True),
    "log1p": (-0.999, 1e6, False),
    "sin": (-100.0, 100.0, False),
    "cos": (-100.0, 100.0, False),
    "tanh": (-10.0, 10.0, False),
    "sigmoid": (-30.0, 30.0, False),
    "sqrt": (1e-30, 1e30, True),
    "rsqrt": (1e-30, 1e30, True),
    "softplus": (-30.0, 30.0, False),
}
_EXACT_POINTS = (0.0, 0.5, 1.0, 2.0, 3.0, 10.0, -1.0, -2.0)


def inputs(name: str) -> np.ndarray:
    low, high, log_spaced = DOMAINS[name]
    rng = np.random.RandomState(sum(map(ord, name)))
    if log_spaced:
        x = np.exp(rng.uniform(np.log(low), np.log(high), _PER_OP))
    else:
        x = rng.uniform(low, high, _PER_OP)
    exact = [p for p in _EXACT_POINTS if low <= p <= high]
    return np.concatenate([np.asarray(exact), x]).astype(np.float32)


def pow_inputs() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(7)
    base = np.exp(rng.uniform(np.log(1e-3), np.log(1e3), _PER_OP)).astype(np.float32)
    exponent = rng.uniform(-8.0, 8.0, _PER_OP).astype(np.float32)
    return np.concatenate([[2.0, 3.0, 10.0], base]).astype(np.float32), \
        np.concatenate([[0.5, 2.0, -1.0], exponent]).astype(np.float32)


def _record(tf) -> dict:
    tf.disable_v2_behavior()
    fns = {"exp": tf.exp, "expm1": tf.math.expm1, "log": tf.log, "log1p": tf.math.log1p,
           "sin": tf.sin, "cos": tf.cos, "tanh": tf.tanh, "sigmoid": tf.sigmoid,
           "sqrt": tf.sqrt, "rsqrt": tf.math.rsqrt, "softplus": tf.nn.softplus}
    out = {}
    with tf.Session() as sess:
        for name, fn in fns.items():
            x = inputs(name)
            out[f"{name}_x"] = x
            out[f"{name}_y"] = sess.run(fn(tf.constant(x)))
        base, exponent = pow_inputs()
        out["pow_x"], out["pow_e"] = base, exponent
        out["pow_y"] = sess.run(tf.pow(tf.constant(base), tf.constant(exponent)))
    return out


if __name__ == "__main__":
    import tensorflow.compat.v1 as tf_v1

    np.savez_compressed(DATA_PATH, **_record(tf_v1))
    print(f"wrote {DATA_PATH}", file=sys.stderr)
