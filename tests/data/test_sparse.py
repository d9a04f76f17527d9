"""SparseTensor ops: values against dense numpy, gradients against central differences.

Op names, static shapes and TF's values are checked by conformance/cases/sparse.
"""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error


@pytest.fixture(autouse=True)
def _fresh_graph():
    tf.reset_default_graph()


def _dense(value):
    out = np.zeros(value.dense_shape, dtype=value.values.dtype)
    out[tuple(np.asarray(value.indices).T)] = value.values
    return out


def test_ops_agree_with_dense_numpy():
    rng = np.random.default_rng(0)
    dense = rng.normal(size=(4, 5)) * (rng.random((4, 5)) < 0.4)
    sp = tf.sparse.from_dense(tf.constant(dense))
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(tf.sparse.to_dense(sp)), dense)
        np.testing.assert_allclose(sess.run(tf.sparse.reduce_sum(sp, 1)), dense.sum(1))
        np.testing.assert_allclose(_dense(sess.run(tf.sparse.transpose(sp))), dense.T)
        np.testing.assert_allclose(_dense(sess.run(tf.sparse.reshape(sp, [5, 4]))),
                                   dense.reshape(5, 4))
        np.testing.assert_allclose(_dense(sess.run(tf.sparse.add(sp, sp))), 2 * dense)
        np.testing.assert_allclose(_dense(sess.run(tf.sparse.concat(0, [sp, sp]))),
                                   np.concatenate([dense, dense]))
        b = rng.normal(size=(5, 3))
        np.testing.assert_allclose(sess.run(tf.sparse.sparse_dense_matmul(sp, b)), dense @ b)
        np.testing.assert_allclose(_dense(sess.run(tf.sparse.slice(sp, [1, 1], [2, 3]))),
                                   dense[1:3, 1:4])


@pytest.mark.parametrize("build", [
    lambda v, b: tf.sparse.sparse_dense_matmul(tf.SparseTensor([[0, 1], [1, 2]], v, [2, 3]),
                                               b),
    lambda v, b: tf.sparse.sparse_dense_matmul(tf.SparseTensor([[1, 0], [2, 1]], v, [3, 2]),
                                               b, adjoint_a=True),
    lambda v, b: tf.sparse.to_dense(tf.SparseTensor([[0, 1], [1, 2]], v, [2, 3])) * tf.transpose(b),
    lambda v, b: tf.sparse.reduce_sum(tf.SparseTensor([[0, 1], [1, 2]], v, [2, 3]), 1),
    lambda v, b: tf.sparse.add(tf.SparseTensor([[0, 1], [2, 0]], v, [3, 2]), b),
    lambda v, b: tf.sparse.reorder(tf.SparseTensor([[1, 1], [0, 0]], v, [3, 2])).values * 3,
    lambda v, b: tf.sparse.add(
        tf.SparseTensor([[0, 1], [1, 1]], v, [3, 2]),
        tf.SparseTensor([[0, 1]], tf.constant([2.], tf.float64), [3, 2])).values,
    lambda v, b: tf.sparse.fill_empty_rows(tf.SparseTensor([[0, 1], [2, 1]], v, [3, 2]),
                                           0.5)[0].values,
])
def test_gradients_match_central_differences(build):
    v = tf.constant([1.5, -2.0], tf.float64)
    b = tf.constant(np.arange(6.0).reshape(3, 2) - 2, tf.float64)
    y = build(v, b)
    with tf.Session() as sess:
        y_shape = list(sess.run(y).shape)
        assert compute_gradient_error(v, [2], y, y_shape) < 1e-6
        if tf.gradients(y, b)[0] is not None:
            assert compute_gradient_error(b, [3, 2], y, y_shape) < 1e-6


@pytest.mark.parametrize("fn", [tf.sparse.segment_sum, tf.sparse.segment_mean,
                                tf.sparse.segment_sqrt_n])
def test_segment_reductions_gradients(fn):
    data = tf.constant(np.arange(8.0).reshape(4, 2) - 3, tf.float64)
    y = fn(data, [0, 1, 3, 3], [0, 0, 1, 2])
    with tf.Session():
        assert compute_gradient_error(data, [4, 2], y, [3, 2]) < 1e-6
        grad = tf.gradients(tf.reduce_sum(y * y), data)[0]
        assert compute_gradient_error(data, [4, 2], grad, [4, 2]) < 1e-6


def test_serialize_many_round_trip():
    st = tf.SparseTensor([[0, 1], [2, 0]], [1.5, -2.0], [3, 4])
    back = tf.deserialize_many_sparse(tf.serialize_many_sparse(st), tf.float32)
    with tf.Session() as sess:
        value = sess.run(back)
    assert value.indices.tolist() == [[0, 1], [2, 0]]
    assert value.values.tolist() == [1.5, -2.0]
    assert value.dense_shape.tolist() == [3, 4]
