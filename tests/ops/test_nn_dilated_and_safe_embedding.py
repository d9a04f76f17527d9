"""with_space_to_batch, atrous_conv2d_transpose, safe_embedding_lookup_sparse and the
tf.nn.experimental dropouts: values against TF 2.21 and mathematical identities."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error

RNG = np.random.RandomState(0)
X = RNG.randn(1, 11, 10, 2)
FILTER = RNG.randn(3, 3, 2, 4)


@pytest.mark.parametrize("rate, padding", [([2, 2], "SAME"), ([2, 3], "VALID"),
                                           ([3, 1], "SAME")])
def test_with_space_to_batch_is_the_dilated_convolution(rate, padding):
    x, f = tf.constant(X), tf.constant(FILTER)
    seen = []

    def op(inp, num_spatial_dims, op_padding):
        seen.append((num_spatial_dims, op_padding))
        return tf.nn.conv2d(inp, f, [1, 1, 1, 1], op_padding)

    result = tf.nn.with_space_to_batch(x, rate, padding, op, filter_shape=[3, 3])
    dilated = tf.nn.convolution(x, f, padding, dilation_rate=rate)
    assert seen == [(2, "VALID")] and result.op.type == "BatchToSpaceND"
    with tf.Session() as sess:
        got, expected = sess.run([result, dilated])
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def test_with_space_to_batch_errors():
    x = tf.constant(X)
    with pytest.raises(ValueError, match="`filter_shape` must be specified"):
        tf.nn.with_space_to_batch(x, [2, 2], "SAME", lambda *a: a[0])
    with pytest.raises(ValueError, match="`padding` must be one of 'SAME' or 'VALID'"):
        tf.nn.with_space_to_batch(x, [2, 2], "FOO", lambda *a: a[0], filter_shape=[3, 3])


@pytest.mark.parametrize("shape, rate, padding", [([2, 5, 5, 2], 2, "SAME"),
                                                  ([2, 9, 9, 2], 2, "VALID"),
                                                  ([2, 4, 3, 2], 3, "SAME")])
def test_atrous_conv2d_transpose_is_the_adjoint_of_atrous_conv2d(shape, rate, padding):
    """<atrous_conv2d(u), v> == <u, atrous_conv2d_transpose(v)> for all u, v."""
    f = tf.constant(RNG.randn(3, 3, 2, 4))
    u = tf.constant(RNG.randn(*shape))
    forward = tf.nn.atrous_conv2d(u, f, rate, padding)
    v = tf.constant(RNG.randn(*forward.shape.as_list()))
    transposed = tf.nn.atrous_conv2d_transpose(v, f, shape, rate, padding)
    assert transposed.shape.as_list() == shape
    with tf.Session() as sess:
        uv, vt = sess.run([tf.reduce_sum(forward * v), tf.reduce_sum(u * transposed)])
        assert compute_gradient_error(v, v.shape.as_list(), transposed, shape) < 1e-8
    np.testing.assert_allclose(uv, vt, rtol=1e-10)


def test_atrous_conv2d_transpose_matches_tf():
    rng = np.random.RandomState(0)
    rng.randn(5, 3), rng.randn(1, 11, 10, 2), rng.randn(3, 3, 2, 4)  # the recorded draws
    value = tf.constant(rng.randn(2, 5, 5, 4).astype(np.float32))
    filters = tf.constant(rng.randn(3, 3, 2, 4).astype(np.float32))
    same = tf.nn.atrous_conv2d_transpose(value, filters, [2, 5, 5, 2], 2, "SAME")
    assert same.name == "atrous_conv2d_transpose/BatchToSpaceND:0"
    with tf.Session() as sess:
        got = sess.run(same)
    np.testing.assert_allclose(got.sum(), 33.8195, rtol=1e-4)
    np.testing.assert_allclose(got[0, :2, :2, 0], [[2.9719, -2.1486], [-7.7894, 4.3009]],
                               atol=2e-4)


def test_safe_embedding_lookup_sparse_matches_tf():
    rng = np.random.RandomState(0)
    emb = tf.constant(rng.randn(5, 3).astype(np.float32))
    ids = tf.SparseTensor([[0, 0], [0, 1], [2, 0], [3, 1]], tf.constant([1, 3, -1, 4], tf.int64),
                          [4, 2])
    weights = tf.SparseTensor([[0, 0], [0, 1], [2, 0], [3, 1]], [1.0, 2.0, 0.5, 0.0], [4, 2])
    ids3 = tf.SparseTensor([[0, 0, 0], [0, 1, 1], [1, 1, 0]], tf.constant([1, 3, 2], tf.int64),
                           [2, 2, 2])
    results = [tf.nn.safe_embedding_lookup_sparse(emb, ids),
               tf.nn.safe_embedding_lookup_sparse(emb, ids, weights, combiner="sum"),
               tf.nn.safe_embedding_lookup_sparse([emb], ids, default_id=2, combiner="sqrtn"),
               tf.nn.safe_embedding_lookup_sparse(emb, ids3, max_norm=1.0)]
    assert [r.shape.as_list() for r in results] == [[4, 3], [4, 3], [4, 3], [2, 2, 3]]
    with tf.Session() as sess:
        mean, weighted, default, clipped = sess.run(results)
    np.testing.assert_allclose(mean, [[1.32575, 1.0058, 0.2385], [0, 0, 0], [0, 0, 0],
                                      [0.76104, 0.12168, 0.44386]], atol=1e-5)
    np.testing.assert_allclose(weighted[0], [3.06209, 2.15565, 1.93127], atol=1e-5)
    assert not weighted[1:].any()  # id -1 and weight 0 are dropped, leaving empty rows
    np.testing.assert_allclose(default[1:3], [[0.95009, -0.15136, -0.10322]] * 2, atol=1e-5)
    np.testing.assert_allclose(clipped[0, 1], [0.27049, 0.09489, 0.95803], atol=1e-5)
    with pytest.raises(ValueError, match="combiner must be one of"):
        tf.nn.safe_embedding_lookup_sparse(emb, ids, combiner="max")


def test_experimental_dropouts_match_tf():
    ones = tf.ones([3, 4])
    stateless = tf.nn.experimental.stateless_dropout(ones, 0.5, seed=[1, 2])
    general = tf.nn.experimental.general_dropout(
        ones, 0.5, lambda shape, dtype: tf.random.stateless_uniform(shape, seed=[1, 2],
                                                                    dtype=dtype))
    assert stateless.name == "stateless_dropout/SelectV2:0"
    assert general.name == "general_dropout/SelectV2:0"
    expected = [[2, 0, 2, 0], [0, 2, 0, 0], [0, 0, 0, 0]]
    with tf.Session() as sess:
        assert sess.run(stateless).tolist() == expected
        assert sess.run(general).tolist() == expected


def test_with_space_to_batch_channels_first():
    """NCHW: the channel dim before the spatial ones gets a block of 1."""
    x, f = tf.constant(X), tf.constant(FILTER)

    def op(inp, num_spatial_dims, padding):
        nhwc = tf.nn.conv2d(tf.transpose(inp, [0, 2, 3, 1]), f, [1, 1, 1, 1], padding)
        return tf.transpose(nhwc, [0, 3, 1, 2])

    result = tf.nn.with_space_to_batch(tf.transpose(x, [0, 3, 1, 2]), [2, 3], "SAME", op,
                                       filter_shape=[3, 3], data_format="NCHW")
    dilated = tf.nn.convolution(x, f, "SAME", dilation_rate=[2, 3])
    with tf.Session() as sess:
        got, expected = sess.run([result, dilated])
    np.testing.assert_allclose(got, expected.transpose(0, 3, 1, 2), rtol=1e-10)
