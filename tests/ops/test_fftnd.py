"""tf.signal.fftnd family: values against numpy (TF 2.21 has no CPU kernel to record), axes,
fft_length cropping/padding, norms, and gradients by central differences."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error

RNG = np.random.RandomState(0)
XC = (RNG.randn(2, 3, 4) + 1j * RNG.randn(2, 3, 4)).astype(np.complex128)
XR = RNG.randn(2, 3, 4)


def _run(build, value):
    with tf.Graph().as_default():
        p = tf.placeholder(tf.as_dtype(value.dtype), value.shape)
        y = build(p)
        with tf.Session() as sess:
            out = sess.run(y, {p: value})
        assert tuple(y.shape.as_list()) == out.shape
        return out


@pytest.mark.parametrize("kwargs, ref", [
    ({}, lambda z: np.fft.fftn(z)),
    ({"axes": [0, -1]}, lambda z: np.fft.fftn(z, axes=(0, 2))),
    ({"fft_length": [5, 2]}, lambda z: np.fft.fftn(z, s=(5, 2), axes=(1, 2))),
    ({"fft_length": [1, 6], "axes": [2, 0]}, lambda z: np.fft.fftn(z, s=(1, 6), axes=(2, 0))),
    ({"norm": "ortho"}, lambda z: np.fft.fftn(z, norm="ortho")),
    ({"norm": "forward"}, lambda z: np.fft.fftn(z, norm="forward")),
])
def test_fftnd_values(kwargs, ref):
    np.testing.assert_allclose(_run(lambda p: tf.signal.fftnd(p, **kwargs), XC), ref(XC),
                               atol=1e-12)


def test_inverse_transforms_round_trip():
    np.testing.assert_allclose(_run(lambda p: tf.signal.ifftnd(tf.signal.fftnd(p)), XC), XC,
                               atol=1e-12)
    np.testing.assert_allclose(
        _run(lambda p: tf.signal.ifftnd(p, norm="ortho"), XC), np.fft.ifftn(XC, norm="ortho"),
        atol=1e-12)
    out = _run(lambda p: tf.signal.irfftnd(tf.signal.rfftnd(p), fft_length=[2, 3, 4]), XR)
    np.testing.assert_allclose(out, XR, atol=1e-12)


@pytest.mark.parametrize("kwargs, ref", [
    ({}, lambda z: np.fft.rfftn(z)),
    ({"axes": [1, 2]}, lambda z: np.fft.rfftn(z, axes=(1, 2))),
    ({"fft_length": [2, 5]}, lambda z: np.fft.rfftn(z, s=(2, 5), axes=(1, 2))),
])
def test_rfftnd_values(kwargs, ref):
    out = _run(lambda p: tf.signal.rfftnd(p, **kwargs), XR)
    assert out.dtype == np.complex128
    np.testing.assert_allclose(out, ref(XR), atol=1e-12)


@pytest.mark.parametrize("kwargs, ref", [
    ({}, lambda z: np.fft.irfftn(z)),
    ({"fft_length": [3, 7], "axes": [0, 2]}, lambda z: np.fft.irfftn(z, s=(3, 7), axes=(0, 2))),
])
def test_irfftnd_values(kwargs, ref):
    out = _run(lambda p: tf.signal.irfftnd(p, **kwargs), XC)
    assert out.dtype == np.float64
    np.testing.assert_allclose(out, ref(XC), atol=1e-12)


def test_top_level_names_are_the_raw_ops():
    out = _run(lambda p: tf.fftnd(p, [3, 3], [0, 2]), XC)
    np.testing.assert_allclose(out, np.fft.fftn(XC, s=(3, 3), axes=(0, 2)), atol=1e-12)
    with tf.Graph().as_default():
        y = tf.irfftnd(tf.zeros([2, 3], tf.complex64), [3, 4], [0, 1])
        assert (y.op.type, y.dtype, y.shape.as_list()) == ("IRFFTND", tf.float32, [3, 4])


def test_mismatched_lengths_and_axes_fail_at_run_time():
    with tf.Graph().as_default():
        p = tf.placeholder(tf.complex64, [2, 3])
        lengths = tf.placeholder(tf.int32, [None])
        y = tf.fftnd(p, lengths, [0, 1])
        assert y.shape.as_list() == [None, None]
        with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(y, {p: np.zeros((2, 3)), lengths: [2]})


@pytest.mark.parametrize("fn, complex_input", [
    (tf.signal.fftnd, True), (tf.signal.ifftnd, True), (tf.signal.rfftnd, False),
    (tf.signal.irfftnd, True)])
@pytest.mark.parametrize("kwargs", [{}, {"fft_length": [3, 5], "axes": [0, 2]},
                                    {"fft_length": [1, 2], "axes": [2, 1]}])
def test_gradients(fn, complex_input, kwargs):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float64, [2, 3, 4])
        signal = tf.complex(x, 0.5 * x * x) if complex_input else x
        z = fn(signal, **kwargs)
        loss = tf.math.real(z) * 0.7 + tf.math.imag(z) if z.dtype.is_complex else z
        with tf.Session():
            err = compute_gradient_error(x, [2, 3, 4], loss, loss.shape.as_list(),
                                         x_init_value=XR)
    assert err < 1e-9
