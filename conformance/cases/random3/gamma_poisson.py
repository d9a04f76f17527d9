# tf.random.gamma / poisson and their stateless forms: sample streams, shapes, op structure,
# gradients of gamma samples w.r.t. alpha.
np.set_printoptions(precision=10)
tf.set_random_seed(11)
g1 = tf.random.gamma([40], alpha=1.0, dtype=tf.float64, seed=3)
g2 = tf.random.gamma([6, 3], alpha=[0.2, 2.5, 17.0], dtype=tf.float64, seed=3)
g3 = tf.random_gamma([3], alpha=[[1.5, 4.0]], beta=[[2.0], [0.5], [4.0]], seed=6)
g4 = tf.random.gamma([2, 0], alpha=[2.5, 0.3], seed=5)
g5 = tf.random.gamma([], alpha=2.0, seed=5, dtype=tf.float16)
g6 = tf.random.gamma([4], alpha=[0.0, -1.0, np.inf, 1e-3], dtype=tf.float64, seed=4)
p1 = tf.random.poisson(lam=[0.5, 1.0, 5.0, 9.9, 10.0, 30.0, 250.0], shape=[5], seed=2,
                       dtype=tf.float64)
p2 = tf.random_poisson([[2.0], [40.0]], [3], seed=9, dtype=tf.int32)
p3 = tf.random.poisson(3.0, [2, 2], seed=9, dtype=tf.int64)
s1 = tf.random.stateless_gamma([3, 2], seed=[1, 2], alpha=[0.5, 2.5], dtype=tf.float64)
s2 = tf.random.stateless_gamma([4, 2], seed=[7, 8], alpha=[0.5, 2.5], beta=[2.0, 1.0])
s3 = tf.random.stateless_poisson([3, 2], seed=[1, 2], lam=[1.5, 25.0], dtype=tf.float64)
s4 = tf.random.stateless_poisson([5], seed=[3, 4], lam=12.0)
for t in (g1, g2, g3, g4, g5, g6, p1, p2, p3, s1, s2, s3, s4):
    print(t.op.type, t.op.name, t.dtype.name, t.shape)
print([op.type for op in tf.get_default_graph().get_operations()
       if op.name.startswith("random_gamma_2/")])
alpha = tf.placeholder(tf.float64, [2])
samples = tf.random.gamma([4], alpha=alpha, seed=8, dtype=tf.float64)
d_alpha = tf.gradients(samples, alpha)[0]
s_alpha = tf.random.stateless_gamma([3, 2], seed=[5, 6], alpha=alpha, dtype=tf.float64)
ds_alpha = tf.gradients(s_alpha, alpha)[0]
print(d_alpha.shape, ds_alpha.shape)
with tf.Session() as sess:
    for t in (g1, g2, g3, g4, g5, g6, p1, p2, p3, s1, s2, s3, s4):
        print(sess.run(t))
    print(sess.run(g1)[:6])  # a second run draws new samples
    print(sess.run(p3))
    v, dv, sv, dsv = sess.run([samples, d_alpha, s_alpha, ds_alpha], {alpha: [0.7, 3.0]})
    print(v)
    print(np.round(dv, 6), np.round(dsv, 6))
    print(sv)
