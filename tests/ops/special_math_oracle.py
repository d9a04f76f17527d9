"""Sweeps of the numeric element-wise functions and what TensorFlow 2.21 (CPU) returns for them.

Each entry names a function (an expression over ``tf`` applied to the inputs), its input
arrays and TF's float32 and float64 outputs; tests/ops/test_special_math.py compares tfcompat
against them (values, and the float32 ulp distance). Re-record with::

    /opt/tfvenv/bin/python tests/ops/special_math_oracle.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

DATA_PATH = Path(__file__).resolve().parent / "data" / "special_math_oracle.json"


def _grid(low, high, n=41):
    # float32-representable points, so the float64 results are the exact values the float32
    # results should round to.
    return np.linspace(low, high, n).astype(np.float32).astype(np.float64).tolist()


POSITIVE = _grid(0.05, 12.0)
SIGNED = _grid(-6.0, 6.0)
UNIT_OPEN = _grid(-0.99, 0.99)
PROB = _grid(0.001, 0.999)

# name -> (expression taking tf and the input tensors, list of input lists)
CASES = {
    "erf": ("tf.math.erf(a)", [SIGNED]),
    "erfc": ("tf.math.erfc(a)", [SIGNED]),
    "lgamma": ("tf.math.lgamma(a)", [_grid(-4.75, 12.25)]),
    "digamma": ("tf.math.digamma(a)", [_grid(-4.75, 12.25)]),
    "erfinv": ("tf.math.erfinv(a)", [UNIT_OPEN]),
    "ndtri": ("tf.math.ndtri(a)", [PROB]),
    "erfcinv": ("tf.math.erfcinv(a)", [_grid(0.01, 1.99)]),
    "bessel_i0": ("tf.math.bessel_i0(a)", [SIGNED]),
    "bessel_i0e": ("tf.math.bessel_i0e(a)", [_grid(-40.0, 40.0)]),
    "bessel_i1": ("tf.math.bessel_i1(a)", [SIGNED]),
    "bessel_i1e": ("tf.math.bessel_i1e(a)", [_grid(-40.0, 40.0)]),
    "tan": ("tf.tan(a)", [_grid(-1.5, 1.5)]),
    "asin": ("tf.asin(a)", [UNIT_OPEN]),
    "acos": ("tf.acos(a)", [UNIT_OPEN]),
    "atan": ("tf.atan(a)", [SIGNED]),
    "sinh": ("tf.sinh(a)", [SIGNED]),
    "cosh": ("tf.cosh(a)", [SIGNED]),
    "asinh": ("tf.asinh(a)", [SIGNED]),
    "acosh": ("tf.acosh(a)", [_grid(1.0, 20.0)]),
    "atanh": ("tf.atanh(a)", [UNIT_OPEN]),
    "softsign": ("tf.nn.softsign(a)", [SIGNED]),
    "selu": ("tf.nn.selu(a)", [SIGNED]),
    "log_sigmoid": ("tf.math.log_sigmoid(a)", [SIGNED]),
    "polygamma1": ("tf.math.polygamma(tf.ones_like(a), a)", [POSITIVE]),
    "polygamma3": ("tf.math.polygamma(3 * tf.ones_like(a), a)", [POSITIVE]),
    "zeta": ("tf.math.zeta(2.5 * tf.ones_like(a), a)", [POSITIVE]),
    "igamma": ("tf.math.igamma(a, b)", [_grid(0.2, 12.0), _grid(0.1, 15.0)]),
    "igammac": ("tf.math.igammac(a, b)", [_grid(0.2, 12.0), _grid(15.0, 0.1)]),
    "betainc": ("tf.math.betainc(a, b, c)", [_grid(0.3, 6.0), _grid(5.0, 0.5), PROB]),
    "xlogy": ("tf.math.xlogy(a, b)", [SIGNED, POSITIVE]),
    "atan2": ("tf.atan2(a, b)", [SIGNED, _grid(3.0, -3.0)]),
}


def record() -> None:
    import tensorflow.compat.v1 as tf
    tf.disable_v2_behavior()
    out = {}
    for name, (expression, inputs) in CASES.items():
        entry = {"expression": expression, "inputs": inputs}
        for dtype in ("float32", "float64"):
            with tf.Graph().as_default():
                tensors = [tf.constant(np.asarray(x, dtype)) for x in inputs]
                names = dict(zip("abc", tensors))
                result = eval(expression, {"tf": tf}, names)  # noqa: S307 - fixed table above
                with tf.Session() as sess:
                    value = sess.run(result)
            entry[dtype] = np.asarray(value, np.float64).tolist()
        out[name] = entry
    DATA_PATH.write_text(json.dumps(out, indent=0, allow_nan=True))


if __name__ == "__main__":
    record()
