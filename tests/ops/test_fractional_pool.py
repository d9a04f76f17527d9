"""Fractional max/avg pooling: TF's seeded pooling sequences (recorded from TF 2.21), the
documented invariants of the regions, values against a direct reference, gradient checks."""

import json
from pathlib import Path

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error

_CASES = json.loads((Path(__file__).parent / "data" /
                     "fractional_pool_sequences_tf.json").read_text())


def test_sequences_match_tf():
    value = tf.placeholder(tf.float32, [1, None, None, 1])
    with tf.Session() as sess:
        for case in _CASES:
            pool = tf.nn.fractional_max_pool(value, [1.0, case["rh"], case["rw"], 1.0],
                                             pseudo_random=case["pr"], seed=case["seed"],
                                             seed2=case["seed2"], deterministic=True)
            _, rows, cols = sess.run(pool, {value: np.zeros((1, case["h"], case["w"], 1))})
            assert rows.tolist() == case["rows"] and cols.tolist() == case["cols"]


@pytest.mark.parametrize("pseudo_random", [False, True])
def test_regions_have_sizes_k_and_k_plus_1(pseudo_random):
    value = tf.zeros([1, 40, 33, 1])
    pool = tf.nn.fractional_max_pool(value, [1.0, 1.33, 1.7, 1.0], pseudo_random=pseudo_random)
    assert pool.output.shape.as_list() == [1, 30, 19, 1]
    with tf.Session() as sess:
        _, rows, cols = sess.run(pool)
    for seq, size in ((rows, 40), (cols, 33)):
        k = size // (len(seq) - 1)
        assert seq[0] == 0 and seq[-1] == size
        assert set(np.diff(seq)) <= {k, k + 1}


@pytest.mark.parametrize("overlapping", [False, True])
def test_values_are_the_region_max_and_mean(overlapping):
    x = np.random.RandomState(1).randn(2, 9, 11, 3)
    pools = [fn(tf.constant(x), [1.0, 1.4, 1.6, 1.0], overlapping=overlapping,
                deterministic=True, seed=2, seed2=3)
             for fn in (tf.nn.fractional_max_pool, tf.nn.fractional_avg_pool)]
    with tf.Session() as sess:
        (mx, rows, cols), (avg, rows2, cols2) = sess.run(pools)
    assert rows.tolist() == rows2.tolist() and cols.tolist() == cols2.tolist()
    extra = 1 if overlapping else 0
    for i in range(len(rows) - 1):
        for j in range(len(cols) - 1):
            window = x[:, rows[i]:rows[i + 1] + extra, cols[j]:cols[j + 1] + extra]
            np.testing.assert_allclose(mx[:, i, j], window.max(axis=(1, 2)))
            np.testing.assert_allclose(avg[:, i, j], window.mean(axis=(1, 2)))


@pytest.mark.parametrize("fn", [tf.nn.fractional_max_pool, tf.nn.fractional_avg_pool])
@pytest.mark.parametrize("overlapping", [False, True])
def test_gradients_are_numerically_right(fn, overlapping):
    # Distinct values 0.1 apart: the finite-difference step never changes a window's maximum.
    values = np.random.RandomState(2).permutation(112).reshape(1, 7, 8, 2) * 0.1
    x = tf.constant(values)
    out = fn(x, [1.0, 1.5, 1.5, 1.0], overlapping=overlapping, deterministic=True, seed=1,
             seed2=1).output
    with tf.Session():
        assert compute_gradient_error(x, [1, 7, 8, 2], out, out.shape.as_list(),
                                      x_init_value=values) < 1e-6
    if fn is tf.nn.fractional_max_pool:  # FractionalMaxPoolGrad reads x; TF has no gradient
        with pytest.raises(LookupError, match="No gradient defined"):
            tf.gradients(tf.gradients(out, x)[0], x)


def test_seeds_without_deterministic_are_an_error():
    pool = tf.nn.fractional_avg_pool(tf.zeros([1, 4, 4, 1]), [1.0, 1.5, 1.5, 1.0], seed=1)
    with tf.Session() as sess, pytest.raises(tf.errors.InvalidArgumentError,
                                             match="Both seed and seed2 should be 0"):
        sess.run(pool)
