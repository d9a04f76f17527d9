"""Property tests: sparse ops agree with the same computation on the dense tensor."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf

SETTINGS = settings(max_examples=15, deadline=None)


@st.composite
def sparse_matrices(draw):
    rows = draw(st.integers(1, 5))
    cols = draw(st.integers(1, 5))
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    dense = rng.integers(-3, 4, size=(rows, cols)).astype(np.float64)
    dense[rng.random((rows, cols)) < 0.5] = 0
    return dense


@SETTINGS
@given(sparse_matrices(), st.integers(0, 1))
def test_dense_round_trip_and_reductions(dense, axis):
    tf.reset_default_graph()
    sp = tf.sparse.from_dense(tf.constant(dense))
    with tf.Session() as sess:
        back, total, along, trans = sess.run([
            tf.sparse.to_dense(sp), tf.sparse.reduce_sum(sp),
            tf.sparse.reduce_sum(sp, axis=axis), tf.sparse.to_dense(tf.sparse.transpose(sp))])
    np.testing.assert_array_equal(back, dense)
    np.testing.assert_allclose(total, dense.sum())
    np.testing.assert_allclose(along, dense.sum(axis=axis))
    np.testing.assert_array_equal(trans, dense.T)


@SETTINGS
@given(sparse_matrices(), st.integers(1, 4))
def test_matmul_and_reshape(dense, inner):
    tf.reset_default_graph()
    rng = np.random.default_rng(inner)
    other = rng.normal(size=(dense.shape[1], inner))
    sp = tf.sparse.from_dense(tf.constant(dense))
    with tf.Session() as sess:
        product, flat = sess.run([tf.sparse.sparse_dense_matmul(sp, other),
                                  tf.sparse.to_dense(tf.sparse.reorder(
                                      tf.sparse.reshape(sp, [-1])))])
    np.testing.assert_allclose(product, dense @ other, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(flat, dense.reshape(-1))
