"""Small top-level ops (tfcompat/ops/misc_ops.py, edit_distance_ops.py) against mathematical
truth: SparseMatMul's gradients for every transpose and sparsity flag, Fingerprint against the
farmhash reference, EditDistance against a brute-force Levenshtein (TF's recorded values:
conformance/cases/toplevel)."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tfcompat.ops.string_hash import fingerprint64


@pytest.mark.parametrize("ta,tb,sa,sb", list(itertools.product([False, True], repeat=4)))
def test_sparse_matmul_values_and_gradients(ta, tb, sa, sb):
    rng = np.random.RandomState(0)
    a = rng.uniform(-1, 1, (3, 2) if ta else (2, 3)).astype(np.float32)
    b = rng.uniform(-1, 1, (4, 3) if tb else (3, 4)).astype(np.float32)
    with tf.Graph().as_default():
        at, bt = tf.constant(a), tf.constant(b)
        y = tf.sparse_matmul(at, bt, transpose_a=ta, transpose_b=tb, a_is_sparse=sa,
                             b_is_sparse=sb)
        with tf.Session():
            np.testing.assert_allclose(y.eval(), (a.T if ta else a) @ (b.T if tb else b),
                                       rtol=1e-6)
            error = tf.test.compute_gradient_error([at, bt], [a.shape, b.shape], y, [2, 4],
                                                   x_init_value=[a, b])
    assert error < 2e-3


@settings(max_examples=25, deadline=None)
@given(rows=st.lists(st.binary(max_size=80), min_size=1, max_size=5))
def test_fingerprint_of_strings_is_farmhash64_little_endian(rows):
    with tf.Graph().as_default():
        got = tf.Session().run(tf.fingerprint(tf.constant(np.array(rows, dtype=object))))
    expected = np.array([fingerprint64(r) for r in rows], "<u8").view(np.uint8).reshape(-1, 8)
    np.testing.assert_array_equal(got, expected)


def _levenshtein(a, b):
    if not a or not b:
        return len(a) + len(b)
    return min(_levenshtein(a[1:], b) + 1, _levenshtein(a, b[1:]) + 1,
               _levenshtein(a[1:], b[1:]) + (a[0] != b[0]))


def _sparse(sequences):
    indices = [[i, j] for i, s in enumerate(sequences) for j in range(len(s))]
    values = [v for s in sequences for v in s]
    width = max([len(s) for s in sequences] + [1])
    return tf.SparseTensor(np.array(indices, np.int64).reshape(-1, 2),
                           np.array(values, np.int32), [len(sequences), width])


@settings(max_examples=25, deadline=None)
@given(pairs=st.lists(st.tuples(st.lists(st.integers(0, 3), max_size=5),
                                st.lists(st.integers(0, 3), max_size=5)), min_size=1,
                      max_size=4))
def test_edit_distance_is_levenshtein(pairs):
    hyps, truths = zip(*pairs)
    with tf.Graph().as_default():
        raw = tf.edit_distance(_sparse(hyps), _sparse(truths), normalize=False)
        normalized = tf.edit_distance(_sparse(hyps), _sparse(truths))
        raw_v, norm_v = tf.Session().run([raw, normalized])
    for i, (h, t) in enumerate(pairs):
        assert raw_v[i] == _levenshtein(list(h), list(t))
        if t:
            assert norm_v[i] == pytest.approx(raw_v[i] / len(t))
        else:
            assert norm_v[i] == (np.inf if h else 0.0)


def test_parallel_stack_and_guarantee_const_values():
    with tf.Graph().as_default():
        x = tf.constant([[1., 2.]])
        stacked = tf.parallel_stack([x, x + 1, x + 2])
        assert stacked.shape.as_list() == [3, 1, 2]
        np.testing.assert_array_equal(tf.Session().run(stacked)[:, 0, 0], [1, 2, 3])
        np.testing.assert_array_equal(tf.Session().run(tf.guarantee_const(x)), [[1, 2]])
