# tf.distributions: Gamma, Exponential, Beta, StudentT, Dirichlet, Multinomial,
# DirichletMultinomial — method values, shapes, NaN statistics, KL pairs (including
# Exponential via its Gamma registration), RegisterKL, and seeded Multinomial samples.
tf.set_random_seed(11)
d = tf.distributions


def show(t):
    parts = t.name.split("/")
    where = parts[-1] if "shape_tensor" in t.name else "/".join(parts[:2])
    print(where, t.dtype.name, t.shape)


x = tf.constant([[0.3, 1.5], [2.0, 0.7]], tf.float64)
p = tf.constant([0.2, 0.9], tf.float64)
g = d.Gamma(concentration=tf.constant([0.5, 3.0], tf.float64),
            rate=tf.constant([1.0, 2.0], tf.float64))
be = d.Beta(concentration1=tf.constant([0.5, 2.0], tf.float64),
            concentration0=tf.constant([3.0, 1.5], tf.float64))
# float32: TF's float64 StudentT.variance raises a TypeError (a float32 constant in Greater).
st = d.StudentT(df=[0.8, 1.5, 5.0], loc=1.0, scale=[2.0, 1.0, 0.5])
xs = tf.constant([-1.0, 0.5, 3.0])
groups = []
for dist, v in [(g, x), (be, p), (st, xs)]:
    print(dist, sorted(dist.parameters), dist.reparameterization_type)
    ts = [dist.log_prob(v), dist.prob(v), dist.cdf(v), dist.log_cdf(v),
          dist.survival_function(v), dist.entropy(), dist.mean(), dist.mode(),
          dist.variance(), dist.stddev(), dist.batch_shape_tensor(), dist.event_shape_tensor()]
    for t in ts:
        show(t)
    groups.append(ts)
print(be.total_concentration, be.concentration1, be.concentration0, st.df, st.loc, st.scale)
e = d.Exponential(rate=tf.constant([0.5, 2.0], tf.float64))
print(e.concentration, e.rate, e.batch_shape)
di = d.Dirichlet(concentration=tf.constant([[1.0, 2.0, 3.0], [0.5, 4.0, 1.5]], tf.float64))
pv = tf.constant([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]], tf.float64)
mu = d.Multinomial(total_count=tf.constant([4.0, 6.0], tf.float64),
                   logits=tf.constant([[0.0, 1.0, -1.0], [2.0, 0.5, 0.5]], tf.float64))
mu2 = d.Multinomial(total_count=3.0, probs=[0.2, 0.3, 0.5])
dm = d.DirichletMultinomial(total_count=tf.constant(5.0, tf.float64),
                            concentration=tf.constant([[1.0, 2.0, 3.0], [0.5, 4.0, 1.5]],
                                                      tf.float64))
counts = tf.constant([[1.0, 1.0, 2.0], [3.0, 2.0, 1.0]], tf.float64)
counts2 = tf.constant([[1.0, 0.0, 1.0], [0.0, 2.0, 0.0]], tf.float64)
for dist in (di, mu, mu2, dm):
    print(dist, dist.batch_shape, dist.event_shape, sorted(dist.parameters))
ts = [di.log_prob(pv), di.prob(pv), di.entropy(), di.mean(), di.variance(),
      di.covariance(), di.total_concentration, di.event_shape_tensor(),
      mu.log_prob(counts2 * 2.0), mu.mean(), mu.variance(), mu.covariance(), mu2.log_prob(
          [1.0, 1.0, 1.0]), mu2.mean(), mu2.sample(seed=4), mu2.sample([2], seed=5),
      dm.log_prob(tf.constant([[1.0, 1.0, 3.0], [0.0, 2.0, 3.0]], tf.float64)), dm.mean(),
      dm.variance(), dm.covariance(), mu.batch_shape_tensor(), dm.event_shape_tensor()]
for t in ts:
    show(t)
gb = d.Gamma(tf.constant([2.0, 1.0], tf.float64), tf.constant(3.0, tf.float64))
kl = [d.kl_divergence(g, gb), d.kl_divergence(e, g), d.kl_divergence(e, e),
      d.kl_divergence(be, d.Beta(tf.constant(1.0, tf.float64), tf.constant(2.0, tf.float64))),
      d.kl_divergence(di, d.Dirichlet(tf.constant([1.0, 1.0, 1.0], tf.float64))),
      g.cross_entropy(gb)]
for t in kl:
    show(t)
show_error(d.kl_divergence, st, st)
show_error(st.quantile, 0.5)
show_error(di.mode)  # TF's batch-shaped condition does not broadcast against [2, 3]
ts.append(d.Dirichlet(tf.constant([0.5, 3.0, 1.5], tf.float64)).mode())
ts.append(d.Dirichlet(tf.constant([2.0, 3.0, 4.5], tf.float64)).mode())
with tf.Session() as sess:
    for group in groups + [ts, kl]:
        for v in sess.run(group):
            print(np.array2string(np.asarray(v), precision=6))
show_error(d.Dirichlet(tf.constant([1.0, 2.0])).cdf, [0.5, 0.5])


class MyNormal(d.Normal):
    pass


@d.RegisterKL(MyNormal, d.Normal)
def _kl_mine(a, b, name=None):
    return tf.constant(42.0, name="mine")


print(d.kl_divergence(MyNormal(0.0, 1.0), MyNormal(1.0, 1.0)).name,
      d.kl_divergence(d.Normal(0.0, 1.0), MyNormal(1.0, 1.0)).name)
show_error_contains(lambda: d.RegisterKL(MyNormal, d.Normal)(_kl_mine),
                    "KL(MyNormal || Normal) has already been registered to: <function _kl_mine")
gn = d.Gamma(tf.constant([0.5]), tf.constant([1.0]), allow_nan_stats=False)
show_error_contains(lambda: tf.Session().run(gn.mode()), "mode not defined")
