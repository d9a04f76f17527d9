"""FLOP rules of tf.profiler, against the counts recorded from TensorFlow 2.21 (see
conformance/cases/profiler/) and their closed forms."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.profiler import flops


def _flops(build):
    g = tf.Graph()
    with g.as_default():
        t = build()
    return flops.float_ops(t.op)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6), st.booleans(), st.booleans())
def test_matmul_is_two_m_n_k(m, n, k, transpose_a, transpose_b):
    a_shape = [k, m] if transpose_a else [m, k]
    b_shape = [n, k] if transpose_b else [k, n]
    count = _flops(lambda: tf.matmul(tf.ones(a_shape), tf.ones(b_shape),
                                     transpose_a=transpose_a, transpose_b=transpose_b))
    assert count == 2 * m * n * k


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=0, max_size=3))
def test_elementwise_ops_count_output_elements(shape):
    n = int(np.prod(shape))
    u = lambda: tf.ones(shape)  # noqa: E731
    assert _flops(lambda: u() + u()) == n
    assert _flops(lambda: u() * u()) == n
    assert _flops(lambda: tf.square(u())) == n
    assert _flops(lambda: tf.math.rsqrt(u())) == 2 * n
    assert _flops(lambda: tf.squared_difference(u(), u())) == 2 * n
    assert _flops(lambda: tf.nn.relu(u())) == 0
    assert _flops(lambda: tf.exp(u())) == 0


@pytest.mark.parametrize("build, expected", [
    (lambda: tf.reduce_sum(tf.ones([2, 10])), 19),            # n - outputs
    (lambda: tf.reduce_mean(tf.ones([8, 3])), 24),            # n
    (lambda: tf.reduce_mean(tf.ones([3, 4]), axis=0), 12),
    (lambda: tf.argmax(tf.ones([2, 10]), 1), 18),              # (n - 1) * rows
    (lambda: tf.argmin(tf.ones([3, 4]), 0), 8),
    (lambda: tf.nn.softmax(tf.ones([8, 3])), 120),             # 5n
    (lambda: tf.nn.l2_loss(tf.ones([4, 16])), 191),            # 3n - 1
    (lambda: tf.add_n([tf.ones([2, 10])] * 3), 40),            # (N - 1) * n
    (lambda: tf.nn.bias_add(tf.ones([8, 16]), tf.ones([16])), 128),
    (lambda: tf.nn.conv2d(tf.ones([2, 8, 8, 3]), tf.ones([3, 3, 3, 4]), [1, 1, 1, 1], "SAME"),
     27648),                                                   # 2 * out * kh * kw * in
    (lambda: tf.nn.depthwise_conv2d(tf.ones([2, 6, 6, 3]), tf.ones([3, 3, 3, 2]),
                                    [1, 1, 1, 1], "VALID"), 3456),
    (lambda: tf.nn.max_pool(tf.ones([2, 6, 6, 3]), [1, 3, 3, 1], [1, 1, 1, 1], "VALID"), 864),
    (lambda: tf.nn.avg_pool(tf.ones([2, 6, 6, 3]), [1, 3, 3, 1], [1, 2, 2, 1], "VALID"), 216),
])
def test_recorded_counts(build, expected):
    assert _flops(build) == expected


def test_incomplete_shapes_give_none():
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None, 5])
        y = tf.matmul(x, tf.ones([5, 2]))
        r = tf.nn.relu(x)
    assert flops.float_ops(y.op) is None
    assert flops.float_ops(r.op) == 0  # no rule: never incomplete
