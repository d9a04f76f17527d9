"""tf.distributions beyond the recorded conformance cases: float64 central-difference gradients
of log_prob / cdf / entropy / KL, the reparameterized Normal sample's gradients, the missing
``tf.random.gamma`` error, KL lookup by class hierarchy and shape bookkeeping."""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat.testing.gradient_checker import compute_gradient_error

tfd = tf.distributions


def _c(values):
    return tf.constant(np.asarray(values, np.float64))


# (name, builder(params) -> scalar-per-element tensor, parameter values)
GRADIENT_CASES = [
    ("normal_log_prob", lambda p: tfd.Normal(p[0], p[1]).log_prob(_c([0.3, -1.2])),
     [[0.1, -0.5], [1.3, 0.7]]),
    ("normal_log_cdf", lambda p: tfd.Normal(p[0], p[1]).log_cdf(_c([0.3, -1.2])),
     [[0.1, -0.5], [1.3, 0.7]]),
    ("laplace_log_prob", lambda p: tfd.Laplace(p[0], p[1]).log_prob(_c([0.3, -1.2])),
     [[0.1, -0.5], [1.3, 0.7]]),
    ("laplace_cdf", lambda p: tfd.Laplace(p[0], p[1]).cdf(_c([0.3, -1.2])),
     [[0.1, -0.5], [1.3, 0.7]]),
    ("uniform_entropy", lambda p: tfd.Uniform(p[0], p[1]).entropy(),
     [[0.1, -0.5], [1.3, 0.7]]),
    ("gamma_log_prob", lambda p: tfd.Gamma(p[0], p[1]).log_prob(_c([0.3, 2.2])),
     [[0.8, 3.0], [1.3, 0.7]]),
    ("gamma_entropy", lambda p: tfd.Gamma(p[0], p[1]).entropy(), [[0.8, 3.0], [1.3, 0.7]]),
    ("beta_log_prob", lambda p: tfd.Beta(p[0], p[1]).log_prob(_c([0.3, 0.8])),
     [[0.8, 3.0], [1.3, 0.7]]),
    ("student_t_log_prob", lambda p: tfd.StudentT(p[0], p[1], _c(1.5)).log_prob(_c([0.3, -2.0])),
     [[2.5, 6.0], [0.2, -0.1]]),
    ("dirichlet_log_prob", lambda p: tfd.Dirichlet(p[0]).log_prob(_c([0.2, 0.3, 0.5])),
     [[0.8, 3.0, 1.5]]),
    ("categorical_log_prob", lambda p: tfd.Categorical(logits=p[0]).log_prob([0, 2]),
     [[[0.1, 0.5, -1.0], [2.0, 0.0, 0.3]]]),
    ("bernoulli_entropy", lambda p: tfd.Bernoulli(logits=p[0]).entropy(), [[0.1, -2.0]]),
    ("multinomial_log_prob",
     lambda p: tfd.Multinomial(_c(4.0), logits=p[0]).log_prob(_c([1.0, 1.0, 2.0])),
     [[0.1, 0.5, -1.0]]),
    ("kl_normal", lambda p: tfd.kl_divergence(tfd.Normal(p[0], p[1]), tfd.Normal(_c(0.5), _c(2.0))),
     [[0.1, -0.5], [1.3, 0.7]]),
    ("kl_gamma", lambda p: tfd.kl_divergence(tfd.Gamma(p[0], p[1]), tfd.Gamma(_c(2.0), _c(1.0))),
     [[0.8, 3.0], [1.3, 0.7]]),
    ("kl_dirichlet",
     lambda p: tfd.kl_divergence(tfd.Dirichlet(p[0]), tfd.Dirichlet(_c([1.0, 2.0, 1.0]))),
     [[0.8, 3.0, 1.5]]),
]


@pytest.mark.parametrize("name,build,values", GRADIENT_CASES, ids=[c[0] for c in GRADIENT_CASES])
def test_gradients_match_central_differences(name, build, values):
    with tf.Graph().as_default(), tf.Session():
        params = [_c(v) for v in values]
        y = build(params)
        shapes = [np.shape(v) for v in values]
        error = compute_gradient_error(params, shapes, y, y.shape.as_list(),
                                       x_init_value=[np.asarray(v, np.float64) for v in values],
                                       delta=1e-6)
    assert error < 1e-6


def test_normal_sample_is_reparameterized():
    with tf.Graph().as_default(), tf.Session() as sess:
        loc, scale = _c([0.5, -1.0]), _c([2.0, 0.3])
        samples = tfd.Normal(loc, scale).sample([4], seed=3)
        g_loc, g_scale = tf.gradients(tf.reduce_sum(samples), [loc, scale])
        s, gl, gs = sess.run([samples, g_loc, g_scale])
    np.testing.assert_allclose(gl, [4.0, 4.0])
    # d(loc + scale * eps) / d scale = eps = (sample - loc) / scale
    np.testing.assert_allclose(gs, ((s - [0.5, -1.0]) / [2.0, 0.3]).sum(0), rtol=1e-10)


@pytest.mark.parametrize("dist", [
    lambda: tfd.Gamma(1.5, 2.0), lambda: tfd.Beta(1.0, 2.0),
    lambda: tfd.StudentT(5.0, 0.5, 1.0), lambda: tfd.Dirichlet([1.0, 2.0]),
    lambda: tfd.DirichletMultinomial(3.0, [1.0, 2.0])])
def test_gamma_based_sample_means_approach_the_distribution_mean(dist):
    # Exact seeded values are TF's (conformance distributions/gamma_samples); here the law of
    # large numbers: 20k draws' mean within 5 standard errors of the mean.
    with tf.Graph().as_default(), tf.Session() as sess:
        d = dist()
        samples = d.sample(20000, seed=7)
        s, mean, stddev = sess.run([samples, d.mean(), d.stddev()])
    np.testing.assert_allclose(s.mean(0), mean, atol=5 * np.max(stddev) / np.sqrt(20000))


def test_kl_lookup_prefers_the_nearest_registered_pair():
    class Child(tfd.Normal):
        pass

    @tfd.RegisterKL(Child, tfd.Normal)
    def _child_kl(a, b, name=None):
        return tf.constant(7.0)

    with tf.Graph().as_default(), tf.Session() as sess:
        near = tfd.kl_divergence(Child(0.0, 1.0), Child(0.0, 1.0))
        base = tfd.kl_divergence(tfd.Normal(0.0, 1.0), Child(1.0, 1.0))
        assert sess.run([near, base]) == [7.0, 0.5]
    with pytest.raises(ValueError, match="already been registered"):
        tfd.RegisterKL(Child, tfd.Normal)(_child_kl)


def test_unknown_shapes_flow_through_methods():
    with tf.Graph().as_default(), tf.Session() as sess:
        loc = tf.placeholder(tf.float32, [None])
        n = tfd.Normal(loc, 1.0)
        assert n.batch_shape.as_list() == [None]
        s = n.sample([2, 3], seed=1)
        assert s.shape.as_list() == [2, 3, None]
        c = tfd.Categorical(logits=tf.placeholder(tf.float32, [None, 4]))
        assert c.sample(5, seed=2).shape.as_list() == [5, None]
        shape, batch = sess.run([tf.shape(s), n.batch_shape_tensor()], {loc: [1.0, 2.0]})
        assert shape.tolist() == [2, 3, 2] and batch.tolist() == [2]


def test_validate_args_checks_at_run_time():
    with tf.Graph().as_default(), tf.Session() as sess:
        scale = tf.placeholder(tf.float32)
        n = tfd.Normal(0.0, scale, validate_args=True)
        assert sess.run(n.stddev(), {scale: 2.0}) == 2.0
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(n.mean(), {scale: -1.0})


def test_allow_nan_stats_false_fails_at_run_time():
    with tf.Graph().as_default(), tf.Session() as sess:
        st = tfd.StudentT([0.5], 0.0, 1.0, allow_nan_stats=False)
        with pytest.raises(tf.errors.InvalidArgumentError, match="mean not defined"):
            sess.run(st.mean())
