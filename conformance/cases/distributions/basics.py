# tf.distributions: Normal, Uniform, Laplace, Exponential, Bernoulli, Categorical — properties,
# method values, static shapes, the name scopes of the results, and seeded samples.
# (Only the scope of each result is printed: ops inside a method are named differently.)
tf.set_random_seed(7)


def show(t):
    parts = t.name.split("/")
    where = parts[-1] if "shape_tensor" in t.name else "/".join(parts[:2])
    print(where, t.dtype.name, t.shape)


d = tf.distributions
print(d.FULLY_REPARAMETERIZED, d.NOT_REPARAMETERIZED, d.ReparameterizationType.__name__)
print(d.FULLY_REPARAMETERIZED == d.FULLY_REPARAMETERIZED,
      d.FULLY_REPARAMETERIZED == d.NOT_REPARAMETERIZED)
n = d.Normal(loc=[0.0, 1.0], scale=[1.0, 2.0])
print(n)
print(n.name, n.dtype, n.batch_shape, n.event_shape, n.reparameterization_type,
      n.validate_args, n.allow_nan_stats, sorted(n.parameters))
print(n.loc, n.scale)
x = tf.constant([[0.5, -1.0], [2.0, 3.0]])
dists = [
    n,
    d.Uniform(low=[0.0, -1.0], high=[1.0, 3.0]),
    d.Laplace(loc=[0.0, 1.0], scale=[1.0, 0.5]),
    d.Exponential(rate=[1.0, 2.5]),
]
outs = []
for dist in dists:
    print(type(dist).__name__, dist.name, dist.batch_shape, dist.event_shape,
          dist.reparameterization_type, sorted(dist.parameters))
    ts = [dist.log_prob(x), dist.prob(x), dist.cdf(x), dist.log_cdf(x),
          dist.survival_function(x), dist.log_survival_function(x), dist.entropy(),
          dist.mean(), dist.stddev(), dist.variance(), dist.batch_shape_tensor(),
          dist.event_shape_tensor()]
    if not isinstance(dist, d.Uniform):
        ts.append(dist.mode())
    if isinstance(dist, d.Normal):
        ts.append(dist.quantile([0.1, 0.7]))
    s = dist.sample(seed=3)
    s2 = dist.sample([3], seed=4)
    ts += [s, s2]
    for t in ts:
        show(t)
    outs.append(ts)
b = d.Bernoulli(logits=[-1.0, 0.0, 2.0])
b2 = d.Bernoulli(probs=[[0.2, 0.9]], dtype=tf.float32)
print(b, b.dtype, b.logits, b.probs, b.reparameterization_type, b2.dtype, b2.batch_shape)
c = d.Categorical(logits=[[1.0, 2.0, 0.5], [0.0, 0.0, -1.0]])
c2 = d.Categorical(probs=[0.1, 0.6, 0.3], dtype=tf.int64)
print(c, c.event_size, c.dtype, c2.dtype, c2.batch_shape, c.logits, c.probs)
ts = [b.log_prob([1, 0, 1]), b.prob([0, 0, 1]), b.entropy(), b.mean(), b.variance(), b.mode(),
      b.stddev(), b.sample(seed=1), b.sample([4, 2], seed=2),
      b2.log_prob([[1.0, 0.0]]), b2.sample(2, seed=5),
      c.log_prob([2, 0]), c.prob([1, 1]), c.entropy(), c.mode(), c.cdf([1, 2]),
      c.sample(seed=6), c.sample([5], seed=8), c2.log_prob([[0], [2]]), c2.sample(4, seed=9),
      c.batch_shape_tensor(), c.event_shape_tensor()]
for t in ts:
    show(t)
kl = [d.kl_divergence(n, d.Normal(1.0, [3.0, 0.5])), d.kl_divergence(b, d.Bernoulli(probs=0.3)),
      d.kl_divergence(c, d.Categorical(logits=[0.5, 0.5, 0.0])), n.kl_divergence(n),
      n.cross_entropy(d.Normal(0.0, 2.0))]
for t in kl:
    show(t)
with tf.Session() as sess:
    for group in outs + [ts, kl]:
        for v in sess.run(group):
            print(np.array2string(np.asarray(v), precision=5))
show_error(d.kl_divergence, n, b)
show_error(d.Normal, [1.0], [1], name="bad")
show_error(d.Bernoulli, logits=[1.0], probs=[0.5])
show_error(d.Categorical)
for cls in [d.Normal, d.Laplace, d.Bernoulli, d.Gamma, d.Exponential, d.StudentT, d.Beta,
            d.Uniform, d.Categorical, d.Dirichlet, d.Multinomial, d.DirichletMultinomial]:
    show_error(lambda cls=cls: print(cls.__name__, sorted(cls.param_shapes([2, 3]).items()),
                                   sorted(cls.param_static_shapes([2, 3]).items())))
show_error(d.Normal.param_static_shapes, tf.placeholder(tf.int32, [2]))
show_error(d.Normal.param_static_shapes, [2, -1])
print(d.Normal.param_static_shapes(tf.TensorShape([4])))
print(d.Normal.param_shapes(tf.placeholder(tf.int32, [2], name="ps")))
