"""Gradients of complex ops follow TF's convention: for a real loss L(z), tf.gradients gives
dL/dRe(z) + i dL/dIm(z) (so grad * conj(f'(z)) through a holomorphic f). Checked against
central differences of L = Re(sum(w * f(z))) in float64, first and (for a few) second order."""

import numpy as np
import pytest

import tfcompat as tf

Z = np.array([0.3 + 0.4j, -1.2 + 0.5j, 0.7 - 0.9j]) * 1.0123
W = np.array([0.5 - 0.25j, -0.3 + 0.8j, 1.1 + 0.1j])
X2 = np.array([[0.3 + 0.4j, -1.2 + 0.5j], [0.7 - 0.9j, 1.1 + 0.2j]])
Y2 = np.array([[1.5 - 0.3j, 0.2 + 0.8j], [-0.6 + 0.1j, 0.9 - 1.4j]])

UNARY = {
    "exp": tf.exp, "expm1": tf.math.expm1, "log": tf.log, "log1p": tf.log1p, "sin": tf.sin,
    "cos": tf.cos, "tan": tf.tan, "sinh": tf.sinh, "cosh": tf.cosh, "tanh": tf.tanh,
    "asin": tf.asin, "acos": tf.acos, "atan": tf.atan, "asinh": tf.asinh, "acosh": tf.acosh,
    "atanh": tf.atanh, "square": tf.square, "sqrt": tf.sqrt, "rsqrt": tf.rsqrt,
    "reciprocal": tf.reciprocal, "sigmoid": tf.sigmoid, "abs": tf.abs,
    "pow": lambda z: z ** (1.5 - 0.5j), "prod": lambda z: tf.reduce_prod(z) * tf.ones_like(z),
}


def _real_loss(out, weights):
    if not out.dtype.is_complex:  # a real output (tf.abs): real weights
        return tf.reduce_sum(tf.constant(np.real(weights)) * out)
    return tf.real(tf.reduce_sum(tf.constant(weights) * out))


def _numeric_gradient(loss_fn, z, eps=1e-6):
    grad = np.zeros_like(z)
    for i in np.ndindex(z.shape):
        for unit in (1, 1j):
            step = np.zeros_like(z)
            step[i] = eps * unit
            slope = (loss_fn(z + step) - loss_fn(z - step)) / (2 * eps)
            grad[i] += slope * unit
    return grad


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_complex_gradient(name):
    fn = UNARY[name]
    z = tf.placeholder(tf.complex128, Z.shape)
    loss = _real_loss(fn(z), W)
    grad = tf.gradients(loss, z)[0]
    with tf.Session() as sess:
        got = sess.run(grad, {z: Z})
        expected = _numeric_gradient(lambda v: sess.run(loss, {z: v}), Z)
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-7)


BINARY = {
    # (SquaredDifference is left out: TF's rule 2 * grad * (x - y) is not the derivative of
    # (x - y) * conj(x - y); conformance/cases/complex/binary_grads records TF's values.)
    "mul": tf.multiply, "div": tf.div, "div_no_nan": tf.div_no_nan, "pow": tf.pow,
    "matmul": tf.matmul,
    "matmul_ta": lambda a, b: tf.matmul(a, b, transpose_a=True),
    "matmul_tb": lambda a, b: tf.matmul(a, b, transpose_b=True),
    "matmul_adj": lambda a, b: tf.matmul(a, b, adjoint_a=True, adjoint_b=True),
    "batch_matmul_ta": lambda a, b: tf.matmul(a[None], b[None], transpose_a=True)[0],
    "broadcast_mul": lambda a, b: a * b[0],
    "z_conj_z": lambda a, b: a * tf.conj(a) + b,
    "einsum": lambda a, b: tf.einsum("ij,jk->ik", a, b),
    "tensordot": lambda a, b: tf.tensordot(a, b, 1),
    "transpose_conjugate": lambda a, b: tf.transpose(a, conjugate=True) * b,
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_complex_gradient(name):
    fn = BINARY[name]
    x = tf.placeholder(tf.complex128, X2.shape)
    y = tf.placeholder(tf.complex128, Y2.shape)
    weights = np.array([[0.5 - 0.25j, 0.2 + 0.4j], [-0.7 + 0.1j, 0.3 - 0.9j]])
    loss = _real_loss(fn(x, y), weights)
    gx, gy = tf.gradients(loss, [x, y])
    with tf.Session() as sess:
        got_x, got_y = sess.run([gx, gy], {x: X2, y: Y2})
        expected_x = _numeric_gradient(lambda v: sess.run(loss, {x: v, y: Y2}), X2)
        expected_y = _numeric_gradient(lambda v: sess.run(loss, {x: X2, y: v}), Y2)
    np.testing.assert_allclose(got_x, expected_x, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(got_y, expected_y, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", ["tanh", "sigmoid", "sqrt", "rsqrt", "reciprocal", "exp"])
def test_second_order_complex_gradient(name):
    """d/dz of Re(sum(v * grad(z))) where grad is the first-order complex gradient."""
    fn = UNARY[name]
    z = tf.placeholder(tf.complex128, Z.shape)
    first = tf.gradients(_real_loss(fn(z), W), z)[0]
    loss2 = _real_loss(first, np.array([0.3 + 0.2j, -0.5 + 0.1j, 0.2 - 0.7j]))
    second = tf.gradients(loss2, z)[0]
    with tf.Session() as sess:
        got = sess.run(second, {z: Z})
        expected = _numeric_gradient(lambda v: sess.run(loss2, {z: v}), Z)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-7)


def test_complex_abs_op():
    z = tf.constant([3 + 4j, 0j], tf.complex64)
    magnitude = tf.abs(z)
    assert magnitude.op.type == "ComplexAbs" and magnitude.dtype == tf.float32
    assert magnitude.op.get_attr("Tout") == tf.float32 and magnitude.op.name == "Abs"
    assert tf.abs(tf.constant([1j], tf.complex128), name="m").dtype == tf.float64
    grad = tf.gradients(magnitude, z)[0]
    with tf.Session() as sess:
        value, grad_value = sess.run([magnitude, grad])
    np.testing.assert_allclose(value, [5.0, 0.0])
    np.testing.assert_allclose(grad_value, [0.6 + 0.8j, 0.0])  # 0 at z = 0, not nan
