"""tf.math.special against values recorded from TF 2.21, and their gradients.

Accuracy on a sweep of ~8800 float32 inputs (-1e2..1e5, x and its float64 value given to both
TF kernels; ulp distance of float32 results to TF's float64 result rounded to float32):

    function      tfcompat max / mean ulp    TF float32 kernel max / mean ulp
    bessel_j0     11* / 0.001                14139731 / 3390
    bessel_j1      2  / 0.000                1844087809 / 211959
    bessel_y0      1  / 0.000                8275400 / 3041
    bessel_y1     32* / 0.004                7373840 / 3115
    bessel_k0/k1   0  / 0                    12 / 1.17,  8 / 0.81
    bessel_k0e/k1e 0  / 0                    14 / 1.08,  5 / 0.79
    dawsn          0  / 0                    4 / 0.34
    expint         0  / 0                    1092 / 1.05
    fresnel_cos    0  / 0                    3560 / 39.7
    fresnel_sin    0  / 0                    3123 / 38.9
    spence         0  / 0                    12 / 0.66

(*) at x = 1e10, where TF's float64 kernel itself loses digits reducing x - pi/4; tfcompat
reduces cos(x - c) exactly. Float64 results agree with TF's to a relative 4e-15 (median 2e-16)
below x = 1e4.
"""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tests.ops import special_functions2_oracle as oracle
from tfcompat.testing.gradient_checker import compute_gradient_error

NAMES = sorted(oracle.FLOAT64)


def _evaluate(name, values, dtype):
    with tf.Graph().as_default():
        x = tf.placeholder(dtype, [None])
        y = getattr(tf.math.special, name)(x)
        with tf.Session() as sess:
            return sess.run(y, {x: values})


@pytest.mark.parametrize("name", NAMES)
def test_float64_matches_tf(name):
    got = _evaluate(name, np.array(oracle.POINTS), tf.float64)
    np.testing.assert_allclose(got, oracle.FLOAT64[name], rtol=1e-13, atol=1e-300)


@pytest.mark.parametrize("name", NAMES)
def test_float32_is_the_rounded_float64_value(name):
    got = _evaluate(name, np.array(oracle.POINTS, np.float32), tf.float32)
    assert got.dtype == np.float32
    expected32 = np.array(oracle.FLOAT32[name], np.float32)
    # Non-finite results (NaN at Y1(0), inf where TF's float32 Ei overflows) as TF's float32.
    np.testing.assert_array_equal(np.isnan(got), np.isnan(expected32))
    np.testing.assert_array_equal(got[np.isinf(expected32)], expected32[np.isinf(expected32)])
    finite = np.isfinite(expected32)
    truth = np.array(oracle.FLOAT64[name])[finite].astype(np.float32)
    # 0.001 and -0.1 are not float32 numbers: the float32 input differs by ~1e-8 relative.
    np.testing.assert_allclose(got[finite], truth, rtol=3e-7)


@pytest.mark.parametrize("name", NAMES)
def test_op_types_names_and_dtypes(name):
    with tf.Graph().as_default():
        for dtype in (tf.float16, tf.bfloat16, tf.float32, tf.float64):
            y = getattr(tf.math.special, name)(tf.placeholder(dtype, [2, None]))
            assert y.dtype == dtype and y.shape.as_list() == [2, None]
        assert y.op.name == f"{name}_3/" + y.op.type
        with pytest.raises(TypeError, match="not in list of allowed values"):
            getattr(tf.math.special, name)(tf.placeholder(tf.int32))


@pytest.mark.parametrize("name", NAMES)
def test_gradients_first_and_second_order(name):
    points = np.array([0.3, 1.7, 2.5, 7.0, 26.0])
    if name == "spence":
        points = np.array([0.3, 1.001, 1.7, 5.0, 26.0])
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float64, [5])
        y = getattr(tf.math.special, name)(x)
        dy = tf.gradients(y, x)[0]
        with tf.Session():
            for out in (y, dy):
                scale = 1.0 + np.abs(out.eval({x: points})).max()
                err = compute_gradient_error(x, [5], out, [5], x_init_value=points, delta=1e-6)
                assert err / scale < 1e-7


def test_bessel_i_aliases():
    for name in ("bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e"):
        assert getattr(tf.math.special, name) is getattr(tf.math, name)


def test_sobol_sample_matches_tf_and_names_its_limits():
    with tf.Graph().as_default():
        points = tf.math.sobol_sample(3, 8)
        with tf.Session() as sess:
            out = sess.run(points)
            assert out.tolist()[:4] == [[0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
                                        [0.375, 0.375, 0.625]]
            # the first 2^k points of each dimension are a (0, k)-net: one per 2^-k interval
            first = sess.run(tf.math.sobol_sample(50, 255, dtype=tf.float64))
            cells = np.sort(np.floor(np.vstack([np.zeros((1, 50)), first]) * 256), axis=0)
            assert (cells == np.arange(256)[:, None]).all()
            with pytest.raises(tf.errors.UnimplementedError, match="1111 dimensions"):
                sess.run(tf.math.sobol_sample(1112, 2))
            with pytest.raises(tf.errors.InvalidArgumentError, match="dim must be"):
                sess.run(tf.math.sobol_sample(0, 2))
