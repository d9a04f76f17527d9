"""tf.nn.quantized_avg_pool / quantized_max_pool / quantized_relu_x / quantized_conv2d against
loop-based numpy references and values recorded from TF 2.21 (Eigen CPU kernels)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf


def _run(fetches, feeds=None):
    with tf.Session() as sess:
        return sess.run(fetches, feeds)


def _windows(n_in: int, window: int, stride: int, padding: str):
    """(start, stop) of each output's window along one axis, clipped to the input."""
    if padding == "VALID":
        n_out = (n_in - window) // stride + 1
        before = 0
    else:
        n_out = -(-n_in // stride)
        before = max(0, (n_out - 1) * stride + window - n_in) // 2
    return [(max(0, o * stride - before), min(n_in, o * stride - before + window))
            for o in range(n_out)]


def _pool_reference(x, ksize, stride, padding, reduce):
    rows = _windows(x.shape[1], ksize[0], stride[0], padding)
    cols = _windows(x.shape[2], ksize[1], stride[1], padding)
    out = np.zeros((x.shape[0], len(rows), len(cols), x.shape[3]), x.dtype)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            out[:, i, j] = reduce(x[:, r0:r1, c0:c1].astype(np.int64))
    return out


def _truncated_mean(block):
    total = block.sum(axis=(1, 2))
    count = block.shape[1] * block.shape[2]
    return np.sign(total) * (np.abs(total) // count)  # C++ integer division


_POOL_CASES = dict(
    n=st.integers(1, 2), h=st.integers(1, 7), w=st.integers(1, 7), c=st.integers(1, 3),
    kh=st.integers(1, 4), kw=st.integers(1, 4), sh=st.integers(1, 3), sw=st.integers(1, 3),
    padding=st.sampled_from(["SAME", "VALID"]), signed=st.booleans(), seed=st.integers(0, 999))


@settings(max_examples=40, deadline=None)
@given(**_POOL_CASES)
def test_pools_match_window_references(n, h, w, c, kh, kw, sh, sw, padding, signed, seed):
    if padding == "VALID" and (kh > h or kw > w):
        return
    np_type, tf_type = (np.int8, tf.qint8) if signed else (np.uint8, tf.quint8)
    info = np.iinfo(np_type)
    x = np.random.RandomState(seed).randint(info.min, info.max + 1, [n, h, w, c]).astype(np_type)
    with tf.Graph().as_default():
        xq = tf.constant(x, tf_type)
        avg = tf.nn.quantized_avg_pool(xq, -1.5, 2.5, [1, kh, kw, 1], [1, sh, sw, 1], padding)
        mx = tf.nn.quantized_max_pool(xq, -1.5, 2.5, [1, kh, kw, 1], [1, sh, sw, 1], padding)
        assert avg.output.shape.as_list() == mx.output.shape.as_list()
        (a, a_lo, a_hi), (m, m_lo, m_hi) = _run([avg, mx])
    expected_max = _pool_reference(x, (kh, kw), (sh, sw), padding,
                                   lambda b: b.max(axis=(1, 2)))
    expected_avg = _pool_reference(x, (kh, kw), (sh, sw), padding, _truncated_mean)
    assert a.dtype == np_type and m.dtype == np_type
    np.testing.assert_array_equal(m, expected_max)
    np.testing.assert_array_equal(a, expected_avg)
    assert a.shape == tuple(avg.output.shape.as_list())
    assert (a_lo, a_hi, m_lo, m_hi) == (np.float32(-1.5), np.float32(2.5), np.float32(-1.5),
                                        np.float32(2.5))


def test_avg_pool_truncates_toward_zero_as_recorded():
    # Recorded from TF 2.21 (oneDNN off): 3/4 -> 0, 514/4 -> 128, -15/4 -> -3.
    v = np.array([0, 1, 0, 0, 1, 1, 0, 0, 2, 3, 0, 0, 254, 255, 0, 0], np.uint8).reshape(
        1, 4, 4, 1)
    v8 = np.array([-3, -2, 1, 2, -1, -2, 0, 0, 5, 6, -7, -8, 127, -128, 3, -3],
                  np.int8).reshape(1, 4, 4, 1)
    with tf.Graph().as_default():
        a = tf.nn.quantized_avg_pool(tf.constant(v, tf.quint8), -1.0, 1.0, [1, 2, 2, 1],
                                     [1, 2, 2, 1], "VALID").output
        b = tf.nn.quantized_avg_pool(tf.constant(v8, tf.qint8), -1.0, 1.0, [1, 2, 2, 1],
                                     [1, 2, 2, 1], "VALID").output
        out_a, out_b = _run([a, b])
    assert out_a[..., 0].tolist() == [[[0, 0], [128, 0]]]
    assert out_b[..., 0].tolist() == [[[-2, 0], [2, -3]]]


def test_pool_static_shapes_and_types():
    p = tf.placeholder(tf.quint8, [None, None, 5, 3])
    r = tf.nn.quantized_avg_pool(p, 0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    assert r.output.shape.as_list() == [None, None, 3, 3]
    assert (r.output.dtype, r.min_output.dtype, r.max_output.shape.as_list()) == (
        tf.quint8, tf.float32, [])
    assert r.output.op.type == "QuantizedAvgPool" and r.output.op.name == "QuantizedAvgPool"
    r = tf.nn.quantized_max_pool(tf.placeholder(tf.qint8), 0.0, 1.0, [1, 2, 2, 1],
                                 [1, 2, 2, 1], "VALID", name="mp")
    assert r.output.shape.ndims == 4 and r.output.op.name == "mp"
    with pytest.raises(ValueError, match="^Shape must be rank 4 but is rank 3"):
        tf.nn.quantized_max_pool(tf.placeholder(tf.quint8, [2, 2, 2]), 0.0, 1.0, [1, 2, 2, 1],
                                 [1, 2, 2, 1], "SAME")
    with pytest.raises(ValueError, match="^AvgPool requires the ksize attribute to contain 4"):
        tf.nn.quantized_avg_pool(p, 0.0, 1.0, [1, 2, 2], [1, 2, 2, 1], "SAME")


def test_pool_kernels_exist_only_for_8_bit_types():
    with tf.Graph().as_default():
        r = tf.nn.quantized_max_pool(tf.constant(np.zeros([1, 2, 2, 1], np.int32), tf.qint32),
                                     0.0, 1.0, [1, 2, 2, 1], [1, 1, 1, 1], "VALID")
        with pytest.raises(tf.errors.InvalidArgumentError,
                           match="No OpKernel was registered to support Op 'QuantizedMaxPool'"):
            _run(r)


def test_empty_pool_input_gives_empty_output():
    with tf.Graph().as_default():
        r = tf.nn.quantized_avg_pool(tf.constant(np.zeros([0, 4, 4, 1], np.uint8), tf.quint8),
                                     0.0, 1.0, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
        out, lo, hi = _run(r)
    assert out.shape == (0, 2, 2, 1) and (lo, hi) == (0.0, 1.0)


def _zero_level(low, high):
    """quint8 level of 0.0 in [low, high], as recorded from TF: 128 for (-1, 1) and (-2, 2)."""
    if low == high:
        return 0
    scale = 256.0 / ((high - low) * 256.0 / 255.0)
    return -int(np.sign(low * scale) * np.floor(abs(low * scale) + 0.5))


def _conv_reference(x, f, x_zero, f_zero, stride, padding):
    rows = _windows(x.shape[1], f.shape[0], stride, padding)
    cols = _windows(x.shape[2], f.shape[1], stride, padding)
    pad_top = 0 if padding == "VALID" else max(
        0, (len(rows) - 1) * stride + f.shape[0] - x.shape[1]) // 2
    pad_left = 0 if padding == "VALID" else max(
        0, (len(cols) - 1) * stride + f.shape[1] - x.shape[2]) // 2
    out = np.zeros((x.shape[0], len(rows), len(cols), f.shape[3]), np.int64)
    xc, fc = x.astype(np.int64) - x_zero, f.astype(np.int64) - f_zero
    for i in range(len(rows)):
        for j in range(len(cols)):
            for di in range(f.shape[0]):
                for dj in range(f.shape[1]):
                    r, c = i * stride - pad_top + di, j * stride - pad_left + dj
                    if 0 <= r < x.shape[1] and 0 <= c < x.shape[2]:
                        out[:, i, j] += xc[:, r, c] @ fc[di, dj]
    return out.astype(np.int32)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 2), h=st.integers(1, 6), w=st.integers(1, 6), c=st.integers(1, 3),
       kh=st.integers(1, 3), kw=st.integers(1, 3), out_c=st.integers(1, 3),
       stride=st.integers(1, 3), padding=st.sampled_from(["SAME", "VALID"]),
       ranges=st.sampled_from([(0.0, 1.0, 0.0, 1.0), (-1.0, 1.0, -2.0, 2.0),
                               (-0.3, 7.1, -0.01, 0.02), (0.5, 4.0, 1.0, 3.0)]),
       seed=st.integers(0, 999))
def test_conv2d_matches_offset_reference(n, h, w, c, kh, kw, out_c, stride, padding, ranges,
                                         seed):
    if padding == "VALID" and (kh > h or kw > w):
        return
    rng = np.random.RandomState(seed)
    x = rng.randint(0, 256, [n, h, w, c]).astype(np.uint8)
    f = rng.randint(0, 256, [kh, kw, c, out_c]).astype(np.uint8)
    with tf.Graph().as_default():
        r = tf.nn.quantized_conv2d(tf.constant(x, tf.quint8), tf.constant(f, tf.quint8),
                                   *ranges, [1, stride, stride, 1], padding)
        out, lo, hi = _run(r)
        assert list(out.shape) == r.output.shape.as_list()
    expected = _conv_reference(x, f, _zero_level(*ranges[:2]), _zero_level(*ranges[2:]), stride,
                               padding)
    np.testing.assert_array_equal(out, expected)
    step = np.float32(np.float32(ranges[1] - ranges[0]) / 255) * np.float32(
        np.float32(ranges[3] - ranges[2]) / 255)
    assert lo == pytest.approx(-(2.0**31) * step, rel=1e-6)
    assert hi == pytest.approx((2.0**31 - 1) * step, rel=1e-6)


def test_conv2d_recorded_values():
    # Recorded from TF 2.21: full ranges give offsets 0 and 128, and the product range.
    x = np.array([[[[3], [250]], [[7], [9]]]], np.uint8)
    f = np.array([[[[2]], [[255]]], [[[0]], [[128]]]], np.uint8)
    with tf.Graph().as_default():
        r = tf.nn.quantized_conv2d(tf.constant(x, tf.quint8), tf.constant(f, tf.quint8), 0.0,
                                   1.0, 0.0, 1.0, [1, 1, 1, 1], "VALID")
        out, lo, hi = _run(r)
    assert out.tolist() == [[[[3 * 2 + 250 * 255 + 7 * 0 + 9 * 128]]]]
    assert (lo, hi) == (np.float32(-33025.51), np.float32(33025.51))


def test_conv2d_runtime_limits_as_tf():
    x = np.ones([1, 4, 4, 1], np.uint8)
    f = np.ones([2, 2, 1, 1], np.uint8)
    cases = [([1, 2, 1, 1], {}, "equal length strides"),
             ([1, 1, 1, 1], {"dilations": [1, 2, 2, 1]}, "dilated rate as 1"),
             ([1, 1, 1, 1], {"out_type": tf.quint8}, "No OpKernel was registered")]
    for strides, kwargs, message in cases:
        with tf.Graph().as_default():
            r = tf.nn.quantized_conv2d(tf.constant(x, tf.quint8), tf.constant(f, tf.quint8), 0.0,
                                       1.0, 0.0, 1.0, strides, "SAME", **kwargs)
            with pytest.raises(tf.errors.InvalidArgumentError, match=message):
                _run(r)


def test_relu_x_builds_but_has_no_cpu_kernel():
    with tf.Graph().as_default():
        r = tf.nn.quantized_relu_x(tf.placeholder(tf.quint8, [None, 3]), 6.0, 0.0, 10.0,
                                   out_type=tf.qint32)
        assert r.activations.op.type == "QuantizedReluX"
        assert (r.activations.dtype, r.activations.shape.as_list()) == (tf.qint32, [None, 3])
        assert r.min_activations.shape.as_list() == []
        with pytest.raises(tf.errors.InvalidArgumentError,
                           match="No OpKernel was registered to support Op 'QuantizedReluX'"):
            _run(r, {"Placeholder:0": np.zeros([1, 3], np.uint8)})


@pytest.mark.parametrize("build", [
    lambda x, m: tf.nn.quantized_avg_pool(x, m, 1.0, [1, 1, 1, 1], [1, 1, 1, 1], "VALID"),
    lambda x, m: tf.nn.quantized_max_pool(x, m, 1.0, [1, 1, 1, 1], [1, 1, 1, 1], "VALID"),
    lambda x, m: tf.nn.quantized_relu_x(x, 6.0, m, 1.0),
    lambda x, m: tf.nn.quantized_conv2d(x, tf.constant(np.ones([1, 1, 1, 1], np.uint8),
                                                       tf.quint8),
                                        m, 1.0, 0.0, 1.0, [1, 1, 1, 1], "VALID"),
])
def test_no_gradient_is_defined(build):
    with tf.Graph().as_default():
        m = tf.placeholder(tf.float32, [])
        out = build(tf.constant(np.ones([1, 2, 2, 1], np.uint8), tf.quint8), m)
        with pytest.raises(LookupError, match="^No gradient defined for operation"):
            tf.gradients(out[1], m)
