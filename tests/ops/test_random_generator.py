"""Seeds, stateless extras and tf.random.Generator against sample streams recorded from TF 2.21
(conformance/cases/random3 holds more)."""

from __future__ import annotations

import numpy as np
import pytest

import tfcompat as tf


def _run(t):
    with tf.Session() as sess:
        return sess.run(t)


@pytest.fixture(autouse=True)
def _graph():
    with tf.Graph().as_default():
        yield


def test_split_and_fold_in_match_tf():
    np.testing.assert_array_equal(_run(tf.random.split([1, 2])),
                                  [[1105988140, 1738052849], [-335576002, 370444179]])
    np.testing.assert_array_equal(_run(tf.random.fold_in([1, 2], 7)), [1105988140, 7])
    out = _run(tf.random.experimental.stateless_split(tf.constant([1, 2], tf.int64), 3))
    assert out.dtype == np.int64
    assert out[0].tolist() == [7464880146280614444, 1591045637757961278]


def test_full_range_integers_and_shuffle_match_tf():
    out = _run(tf.random.stateless_uniform([5], [1, 2], minval=None, maxval=None,
                                           dtype=tf.uint32))
    assert out.tolist() == [1105988140, 1738052849, 3959391294, 370444179, 10670227]
    assert _run(tf.random.experimental.stateless_shuffle(tf.range(6), [1, 2])).tolist() == \
        [4, 5, 0, 3, 1, 2]


def test_stateless_ops_are_not_differentiable():
    x = tf.constant([1.0, 2.0])
    y = tf.random.experimental.stateless_shuffle(x, [1, 2])
    assert tf.gradients(y, x) == [None]


@pytest.mark.parametrize("seed, alg, expected", [
    (5, "philox", [5, 0, 0]), (2**70 + 3, "philox", [3, 64, 0]), (-1, 1, [-1, -1, -1]),
    (5, "threefry", [5, 0]), ([7], "auto_select", [0, 0, 7]), ([1, 2, 3, 4], "philox", [1, 2, 3]),
])
def test_create_rng_state(seed, alg, expected):
    assert _run(tf.random.create_rng_state(seed, alg)).tolist() == expected


def test_create_rng_state_rejects_unknown_algorithms():
    with pytest.raises(ValueError, match="unsupported value foo"):
        tf.random.create_rng_state(1, "foo")


def test_generator_continues_tf_stream_and_advances_state():
    gen = tf.random.Generator.from_seed(1)
    first = gen.normal([3])
    ints = gen.uniform([4], minval=0, maxval=10, dtype=tf.int32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        np.testing.assert_allclose(sess.run(first), [0.4384227395057678, -0.5343984365463257,
                                                     -0.07710261642932892], rtol=0)
        assert sess.run(gen.state).tolist() == [769, 0, 0]
        sess.run(ints)
        assert sess.run(gen.state).tolist() == [1793, 0, 0]
        # a new session starts from the initial state again
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert sess.run(gen.state).tolist() == [1, 0, 0]


def test_generator_split_keys_children_by_draws():
    parent = tf.random.Generator.from_seed(7)
    children = parent.split(2)
    expected_keys = tf.random.Generator.from_seed(7).uniform_full_int([2], dtype=tf.int64)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        keys = sess.run(expected_keys)
        states = sess.run([c.state for c in children])
    assert [s.tolist() for s in states] == [[0, 0, int(keys[0])], [0, 0, int(keys[1])]]


def test_generator_reset_and_skip():
    gen = tf.random.Generator.from_seed(3)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(gen.reset([10, 0, 3]))
        assert sess.run(gen.skip(5)).tolist() == [10, 0, 3]
        assert sess.run(gen.state).tolist() == [10 + 5 * 256, 0, 3]
        sess.run(gen.reset_from_key_counter(4, [100, 1]))
        assert sess.run(gen.state).tolist() == [100, 1, 4]


def test_counter_carries_into_the_high_word():
    gen = tf.random.Generator.from_state([-256, 0, 9], "philox")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(gen.normal([2]))
        assert sess.run(gen.state).tolist() == [256, 1, 9]


def test_generator_rejects_threefry_and_uninitialized_state():
    with pytest.raises(NotImplementedError, match="ThreeFry"):
        tf.random.Generator.from_seed(1, "threefry")
    gen = tf.random.Generator.from_seed(1)
    with tf.Session() as sess, pytest.raises(tf.errors.FailedPreconditionError):
        sess.run(gen.normal([1]))


def test_global_generator_is_per_graph():
    first = tf.random.get_global_generator()
    assert tf.random.get_global_generator() is first
    mine = tf.random.Generator.from_seed(5)
    tf.random.set_global_generator(mine)
    assert tf.random.experimental.get_global_generator() is mine
    with tf.Graph().as_default():
        assert tf.random.get_global_generator() is not mine


# ---- gamma and poisson ---------------------------------------------------------------------

def test_gamma_and_poisson_streams_match_tf():
    g = tf.random.gamma([3], alpha=[2.5, 0.5], dtype=tf.float64, seed=3)
    p = tf.random.poisson(lam=[1.0, 5.0, 30.0], shape=[4], seed=2, dtype=tf.float64)
    s = tf.random.stateless_gamma([3, 2], seed=[1, 2], alpha=[0.5, 2.5], dtype=tf.float64)
    g_out, p_out, s_out = _run([g, p, s])
    # Recorded from TF 2.21 (graph seed unset, op seeds 3 / 2).
    # outputs j * 3 + i: alpha 2.5 draws outputs 0-2, alpha 0.5 outputs 3-5
    assert g_out[:, 0].tolist() == [3.697889312391849, 2.085344735469168, 3.2941807082016723]
    assert g_out[:, 1].tolist() == [2.231412361766849, 1.8113876042891752,
                                    1.1178184672154194e-06]
    assert p_out.tolist() == [[1, 3, 29], [0, 6, 36], [4, 2, 35], [1, 5, 28]]
    np.testing.assert_allclose(s_out, [[0.06695361, 2.78815723], [0.62823545, 2.83685289],
                                       [0.18136732, 1.97014874]], rtol=1e-7)


def test_gamma_samples_follow_the_distribution():
    alpha = np.array([0.3, 1.0, 4.5])
    out = _run(tf.random.gamma([20000], alpha=alpha, dtype=tf.float64, seed=7))
    np.testing.assert_allclose(out.mean(axis=0), alpha, rtol=0.03)
    np.testing.assert_allclose(out.var(axis=0), alpha, rtol=0.06)
    # Kolmogorov-Smirnov distance to the exact CDF (the regularized lower incomplete gamma).
    from tfcompat.ops.special_kernels import igamma
    for j, a in enumerate(alpha):
        x = np.sort(out[:, j])
        cdf = igamma(np.full_like(x, a), x)
        ks = np.max(np.abs(cdf - np.arange(1, x.size + 1) / x.size))
        assert ks < 1.63 / np.sqrt(x.size)  # the 1% critical value


def test_poisson_samples_follow_the_distribution():
    lam = np.array([0.7, 9.5, 10.0, 60.0])
    out = _run(tf.random.poisson(lam, [20000], seed=5, dtype=tf.float64))
    np.testing.assert_allclose(out.mean(axis=0), lam, rtol=0.03)
    np.testing.assert_allclose(out.var(axis=0), lam, rtol=0.06)
    assert out.dtype == np.float64 and (out == np.round(out)).all()


def test_random_gamma_grad_is_the_implicit_derivative():
    """F(alpha, x(alpha)) stays constant along a sample: dx/dalpha = -F_alpha / F_x."""
    from tfcompat.framework.ops import apply_op
    from tfcompat.ops.special_kernels import igamma
    alpha = tf.placeholder(tf.float64, [3])
    x = tf.random.gamma([5], alpha=alpha, dtype=tf.float64, seed=4)
    grad = tf.gradients(tf.reduce_sum(x, axis=0), alpha)[0]
    per_sample = apply_op("RandomGammaGrad", [tf.reshape(alpha, [1, 3]), x])
    a_val = np.array([0.6, 2.0, 7.5])
    with tf.Session() as sess:
        xs, g, ps = sess.run([x, grad, per_sample], {alpha: a_val})
    np.testing.assert_allclose(g, ps.sum(axis=0), rtol=1e-12)
    h = 1e-6
    a = np.broadcast_to(a_val, xs.shape)
    drift = igamma(a + h, xs + h * ps) - igamma(a - h, xs - h * ps)
    assert np.abs(drift).max() < 1e-8


def test_second_order_gamma_gradient_raises_like_tf():
    alpha = tf.placeholder(tf.float64, [2])
    grad = tf.gradients(tf.random.gamma([3], alpha=alpha, seed=1, dtype=tf.float64), alpha)[0]
    with pytest.raises(LookupError, match="RandomGammaGrad"):
        tf.gradients(grad, alpha)


def test_stateless_binomial_matches_tf_and_the_distribution():
    out = _run(tf.random.stateless_binomial([4, 3], seed=[1, 2], counts=[5., 40., 100.],
                                            probs=[0.3, 0.5, 0.9], output_dtype=tf.float64))
    assert out.tolist() == [[3, 17, 94], [2, 23, 88], [2, 20, 90], [2, 20, 92]]
    counts = np.array([4.0, 30.0, 500.0])
    probs = np.array([0.2, 0.6, 0.03])
    many = _run(tf.random.stateless_binomial([20000, 3], seed=[4, 2], counts=counts,
                                             probs=probs, output_dtype=tf.float64))
    np.testing.assert_allclose(many.mean(axis=0), counts * probs, rtol=0.03)
    np.testing.assert_allclose(many.var(axis=0), counts * probs * (1 - probs), rtol=0.06)
    assert ((many >= 0) & (many <= counts)).all()


def test_parameterized_truncated_normal_matches_tf_and_stays_in_bounds():
    out = _run(tf.random.stateless_parameterized_truncated_normal(
        [4], seed=[1, 2], means=tf.constant(0., tf.float64), stddevs=tf.constant(1., tf.float64),
        minvals=tf.constant(0.5, tf.float64), maxvals=tf.constant(0.9, tf.float64)))
    assert out.tolist() == [0.800993501538072, 0.7059247486924888, 0.7430980199122491,
                            0.8358992221404893]
    low = np.array([-1.0, 1.2, -20.0, 14.0])
    high = np.array([1.0, 1.4, -5.0, 30.0])
    many = _run(tf.random.stateless_parameterized_truncated_normal(
        [5000, 4], seed=[3, 4], means=[0., 1., -2., 5.], stddevs=[1., 0.5, 2., 3.],
        minvals=low, maxvals=high))
    assert ((many >= low) & (many <= high)).all()
    # the mean of N(0, 1) truncated to [-1, 1] is 0; to [3, 10] (exponential method) ~3.28
    assert abs(many[:, 0].mean()) < 0.03
    assert abs((many[:, 3].mean() - 5.0) / 3.0 - 3.2831) < 0.02
