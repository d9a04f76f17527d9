"""LinearOperatorCirculant / 2D / 3D against dense matrices built with numpy's FFT."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.linalg.linop_checks import check_operator

L = tf.linalg
SEEDS = st.integers(0, 2**16)
SETTINGS = settings(max_examples=8, deadline=None)
CLASSES = {1: L.LinearOperatorCirculant, 2: L.LinearOperatorCirculant2D,
           3: L.LinearOperatorCirculant3D}


def dense_from_spectrum(spectrum: np.ndarray, depth: int) -> np.ndarray:
    """The matrix whose column j is IFFT(spectrum * FFT(e_j)) over the block dims."""
    block = spectrum.shape[-depth:]
    n = int(np.prod(block))
    axes = tuple(range(-depth, 0))
    eye = np.eye(n).reshape((n,) + block)
    columns = np.fft.ifftn(np.expand_dims(spectrum, -depth - 1) * np.fft.fftn(eye, axes=axes),
                           axes=axes)
    columns = columns.reshape(spectrum.shape[:-depth] + (n, n))
    return np.swapaxes(columns, -1, -2)


@SETTINGS
@given(depth=st.sampled_from([1, 2, 3]), n=st.integers(1, 3), batch=st.sampled_from([(), (2,)]),
       seed=SEEDS)
def test_complex_spectrum(depth, n, batch, seed):
    rng = np.random.RandomState(seed)
    shape = batch + (n,) * depth
    spectrum = rng.uniform(1, 2, shape) * np.exp(1j * rng.uniform(-3, 3, shape))
    operator = CLASSES[depth](spectrum.astype(np.complex128),
                              input_output_dtype=tf.complex128)
    check_operator(operator, dense_from_spectrum(spectrum, depth), rng, rtol=1e-6,
                   atol=1e-8)


@SETTINGS
@given(n=st.integers(1, 4), seed=SEEDS)
def test_real_kernel_gives_real_operator(n, seed):
    rng = np.random.RandomState(seed)
    kernel = rng.randn(n)
    kernel[0] += 3 * n
    spectrum = np.fft.fft(kernel)
    operator = L.LinearOperatorCirculant(spectrum, input_output_dtype=tf.float64)
    dense = dense_from_spectrum(spectrum, 1).real
    values = check_operator(operator, dense, rng, rtol=1e-6, atol=1e-8)
    assert values["to_dense"].dtype == np.float64
    with tf.Session() as sess:
        kernel_value = sess.run(operator.convolution_kernel())
    np.testing.assert_allclose(kernel_value, kernel, atol=1e-9)


def test_real_spectrum_is_self_adjoint_and_shapes():
    operator = L.LinearOperatorCirculant2D(np.ones((2, 3, 4)), input_output_dtype=tf.float64)
    assert operator.is_self_adjoint is True
    assert operator.shape.as_list() == [2, 12, 12]
    assert operator.block_depth == 2
    assert operator.block_shape.as_list() == [3, 4]
    assert operator.dtype == tf.float64


def test_assert_hermitian_spectrum():
    hermitian = L.LinearOperatorCirculant(np.fft.fft([4.0, 1.0, 2.0]))
    not_hermitian = L.LinearOperatorCirculant(np.array([1.0, 2.0j, 3.0]))
    with tf.Session() as sess:
        sess.run(hermitian.assert_hermitian_spectrum())
        with pytest.raises(tf.errors.InvalidArgumentError, match="Spectrum was not Hermitian"):
            sess.run(not_hermitian.assert_hermitian_spectrum())
