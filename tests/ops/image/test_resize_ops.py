"""ResizeBilinear / ResizeNearestNeighbor and their gradients against their definitions.

Bit-level agreement with TF is checked by the conformance cases (conformance/cases/image); here
the kernels are compared with float64 references written from the mathematical definition, and
the gradients are checked as exact adjoints of the (linear) forward ops and numerically.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.ops.image.references import (
    area_reference,
    bilinear_reference,
    cubic_weights_sum_to_one_reference,
    nearest_reference,
)
from tfcompat.framework.ops import apply_op
from tfcompat.testing.gradient_checker import compute_gradient_error

MODES = [(False, False), (True, False), (False, True)]


def run(fetches, feeds=None):
    with tf.Session() as sess:
        return sess.run(fetches, feeds)


sizes = st.tuples(st.integers(1, 6), st.integers(1, 6))


@settings(max_examples=25, deadline=None)
@given(in_size=sizes, out_size=sizes, mode=st.sampled_from(MODES), seed=st.integers(0, 999))
def test_bilinear_matches_definition(in_size, out_size, mode, seed):
    x = np.random.RandomState(seed).uniform(-5, 5, (2, *in_size, 3)).astype(np.float32)
    with tf.Graph().as_default():
        y = tf.image.resize_bilinear(x, list(out_size), align_corners=mode[0],
                                     half_pixel_centers=mode[1])
        assert y.dtype == tf.float32 and y.shape.as_list() == [2, *out_size, 3]
        got = run(y)
    np.testing.assert_allclose(got, bilinear_reference(x.astype(np.float64), out_size, *mode),
                               rtol=1e-5, atol=1e-5)


@settings(max_examples=25, deadline=None)
@given(in_size=sizes, out_size=sizes, align_corners=st.booleans(), seed=st.integers(0, 999))
def test_nearest_matches_definition_and_keeps_dtype(in_size, out_size, align_corners, seed):
    x = np.random.RandomState(seed).randint(0, 255, (2, *in_size, 2)).astype(np.uint8)
    with tf.Graph().as_default():
        y = tf.image.resize_nearest_neighbor(x, list(out_size), align_corners=align_corners)
        assert y.dtype == tf.uint8
        got = run(y)
    np.testing.assert_array_equal(got, nearest_reference(x, out_size, align_corners))


@pytest.mark.parametrize("resize", [tf.image.resize_bilinear, tf.image.resize_nearest_neighbor,
                                    tf.image.resize_bicubic])
@pytest.mark.parametrize("mode", MODES)
def test_gradient_is_the_exact_adjoint(resize, mode):
    """<resize(x), g> == <x, resize_grad(g)> for the linear resize ops."""
    rng = np.random.RandomState(1)
    x = rng.uniform(-1, 1, (2, 4, 5, 3))
    g = rng.uniform(-1, 1, (2, 7, 3, 3))
    xt = tf.constant(x, tf.float32)
    y = resize(xt, [7, 3], align_corners=mode[0], half_pixel_centers=mode[1])
    dx, = tf.gradients(y, xt, grad_ys=tf.constant(g, tf.float32))
    y_val, dx_val = run([y, dx])
    assert dx_val.shape == x.shape
    lhs = np.sum(y_val.astype(np.float64) * g)
    rhs = np.sum(dx_val.astype(np.float64) * x.astype(np.float32))
    assert lhs == pytest.approx(rhs, rel=1e-5)


@pytest.mark.parametrize("mode", MODES)
def test_bilinear_gradient_numerically(mode):
    x = tf.constant(np.random.RandomState(2).uniform(-1, 1, (1, 3, 4, 2)), tf.float32)
    y = tf.image.resize_bilinear(x, [5, 3], align_corners=mode[0], half_pixel_centers=mode[1])
    with tf.Session():
        assert compute_gradient_error(x, [1, 3, 4, 2], y, [1, 5, 3, 2], delta=1e-2) < 1e-3


def test_nearest_gradient_float64_and_unknown_shape():
    p = tf.placeholder(tf.float64, [None, None, None, 1])
    y = tf.image.resize_nearest_neighbor(p, [4, 4])
    dx, = tf.gradients(y, p)
    assert dx.dtype == tf.float64 and dx.op.inputs[1].op.type == "StridedSlice"
    got = run(dx, {p: np.ones((1, 2, 2, 1))})
    np.testing.assert_array_equal(got[0, :, :, 0], [[4, 4], [4, 4]])


def test_second_order_as_tf():
    """ResizeBilinearGrad is not differentiable; ResizeNearestNeighborGrad has no gradient."""
    x = tf.constant(np.ones((1, 2, 2, 1), np.float32))
    assert tf.gradients(apply_grad_op(x), x) == [None]
    y = tf.image.resize_nearest_neighbor(x, [3, 3])
    g, = tf.gradients(y * y, x)
    with pytest.raises(LookupError, match="No gradient defined for operation"):
        tf.gradients(g, x, grad_ys=tf.ones_like(g))


def apply_grad_op(x):
    return apply_op("ResizeBilinearGrad", [tf.ones([1, 3, 3, 1]), x])


def test_size_zero_batch_and_integer_bilinear():
    empty = np.zeros((0, 3, 3, 2), np.int16)
    with tf.Graph().as_default():
        a = tf.image.resize_bilinear(empty, [4, 5])
        b = tf.image.resize_nearest_neighbor(empty, [4, 5])
        c = tf.image.resize_bilinear(np.full((1, 2, 2, 1), 7, np.int32), [3, 3])
        got = run([a, b, c])
    assert got[0].shape == (0, 4, 5, 2) and got[0].dtype == np.float32
    assert got[1].shape == (0, 4, 5, 2) and got[1].dtype == np.int16
    np.testing.assert_array_equal(got[2], np.full((1, 3, 3, 1), 7, np.float32))


def test_run_time_errors():
    with tf.Graph().as_default():
        p = tf.placeholder(tf.float32)
        y = tf.image.resize_bilinear(p, [2, 2])
        with pytest.raises(tf.errors.InvalidArgumentError, match="input must be 4-dimensional"):
            run(y, {p: np.zeros((2, 2, 1))})
        with pytest.raises(tf.errors.InvalidArgumentError, match="non-zero size"):
            run(y, {p: np.zeros((1, 0, 2, 1))})
        z = tf.image.resize_nearest_neighbor(np.zeros((1, 2, 2, 1)), [2, 2], align_corners=True,
                                             half_pixel_centers=True)
        with pytest.raises(tf.errors.InvalidArgumentError, match="align_corners must be False"):
            run(z)


@settings(max_examples=20, deadline=None)
@given(in_size=sizes, out_size=sizes, seed=st.integers(0, 999))
def test_area_matches_definition(in_size, out_size, seed):
    x = np.random.RandomState(seed).uniform(-5, 5, (2, *in_size, 2)).astype(np.float32)
    with tf.Graph().as_default():
        y = tf.image.resize_area(x, list(out_size))
        assert y.dtype == tf.float32 and y.shape.as_list() == [2, *out_size, 2]
        got = run(y)
    np.testing.assert_allclose(got, area_reference(x.astype(np.float64), out_size),
                               rtol=1e-4, atol=1e-4)


@settings(max_examples=20, deadline=None)
@given(in_size=sizes, out_size=sizes, mode=st.sampled_from(MODES))
def test_bicubic_keeps_constant_images_and_matches_on_identity(in_size, out_size, mode):
    x = np.full((1, *in_size, 2), 3.5, np.float32)
    ramp = np.arange(np.prod(in_size), dtype=np.float32).reshape(1, *in_size, 1)
    with tf.Graph().as_default():
        y = tf.image.resize_bicubic(x, list(out_size), align_corners=mode[0],
                                    half_pixel_centers=mode[1])
        same = tf.image.resize_bicubic(ramp, list(in_size), half_pixel_centers=mode[1])
        got, identity = run([y, same])
    np.testing.assert_allclose(got, cubic_weights_sum_to_one_reference(x, out_size), rtol=1e-5)
    np.testing.assert_allclose(identity, ramp, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("mode", MODES)
def test_bicubic_gradient_numerically_and_float64(mode):
    x = tf.constant(np.random.RandomState(4).uniform(-1, 1, (1, 4, 3, 2)), tf.float32)
    y = tf.image.resize_bicubic(x, [6, 5], align_corners=mode[0], half_pixel_centers=mode[1])
    with tf.Session():
        assert compute_gradient_error(x, [1, 4, 3, 2], y, [1, 6, 5, 2], delta=1e-2) < 1e-3
    x64 = tf.constant(np.ones((1, 2, 2, 1)))
    g, = tf.gradients(tf.image.resize_bicubic(x64, [3, 3]), x64)
    assert g.dtype == tf.float64 and g.op.type == "ResizeBicubicGrad"


def test_area_and_bicubic_grad_have_no_gradient_as_in_tf():
    x = tf.constant(np.ones((1, 2, 2, 1), np.float32))
    with pytest.raises(LookupError, match="No gradient defined for operation"):
        tf.gradients(tf.image.resize_area(x, [3, 3]), x)
    g, = tf.gradients(tf.image.resize_bicubic(x, [3, 3]) ** 2, x)
    with pytest.raises(LookupError, match="No gradient defined for operation"):
        tf.gradients(g, x, grad_ys=tf.ones_like(g))


@pytest.mark.parametrize("resize", [tf.image.resize_bilinear, tf.image.resize_nearest_neighbor,
                                    tf.image.resize_bicubic])
def test_gradients_of_an_empty_batch(resize):
    x = tf.placeholder(tf.float32, [None, 3, 3, 2])
    dx, = tf.gradients(resize(x, [4, 5]), x)
    got = run(dx, {x: np.zeros((0, 3, 3, 2), np.float32)})
    assert got.shape == (0, 3, 3, 2)
