# tf.distributions: seeded samples of the gamma-based distributions (Gamma, Beta, StudentT,
# Dirichlet, DirichletMultinomial) go through RandomGamma, whose stream matches TF's.
# (DirichletMultinomial with a scalar total_count: TF 2.21 fails to sample a batch of counts.)
tf.set_random_seed(5)
d = tf.distributions
dists = [
    d.Gamma(concentration=[0.5, 2.0, 7.5], rate=[1.0, 0.5, 3.0]),
    d.Beta(concentration1=[0.5, 2.0], concentration0=[3.0, 1.5]),
    d.StudentT(df=[1.5, 5.0], loc=1.0, scale=[2.0, 0.5]),
    d.Dirichlet(concentration=[[0.5, 1.0, 2.0], [3.0, 0.2, 1.0]]),
    d.DirichletMultinomial(total_count=6.0, concentration=[[0.5, 1.0, 2.0],
                                                         [3.0, 0.2, 1.0]]),
]
samples = [dist.sample(4, seed=17 + i) for i, dist in enumerate(dists)]
with tf.Session() as sess:
    values = sess.run(samples)
for dist, s, v in zip(dists, samples, values):
    print(type(dist).__name__, s.dtype.name, s.shape)
    print(np.round(v, 4))
