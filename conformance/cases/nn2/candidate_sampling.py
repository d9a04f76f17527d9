# Candidate samplers (seeded: TF's Philox streams), accidental hits, nce_loss and
# sampled_softmax_loss with given sampled values.
true = tf.constant([[1], [2]], tf.int64)
uniform = tf.random.uniform_candidate_sampler(true, 1, 8, False, 100, seed=5)
unique = tf.nn.uniform_candidate_sampler(true, 1, 8, True, 10, seed=5)
log_u = tf.random.log_uniform_candidate_sampler(true, 1, 5, True, 20, seed=5)
log_3 = tf.nn.log_uniform_candidate_sampler(true, 1, 3, False, 50, seed=9)
all_c = tf.random.all_candidate_sampler(true, 1, 4, True)
hits = tf.nn.compute_accidental_hits(true, tf.constant([2, 5, 1, 2], tf.int64), 1)
for t in list(uniform) + list(log_3) + list(all_c) + list(hits):
    print(t.name, t.op.type, t.dtype.name, t.shape)
rng = np.random.RandomState(4)
weights = tf.constant(rng.normal(size=(10, 3)).astype(np.float32))
biases = tf.constant(rng.normal(size=(10,)).astype(np.float32))
inputs = tf.constant(rng.normal(size=(2, 3)).astype(np.float32))
labels = tf.constant([[1], [7]], tf.int64)
sampled = (tf.constant([0, 7, 3], tf.int64), tf.constant([[0.5], [0.25]]),
           tf.constant([0.2, 0.3, 0.4]))
nce = tf.nn.nce_loss(weights, biases, labels, inputs, 3, 10, sampled_values=sampled)
ssm = tf.nn.sampled_softmax_loss(weights, biases, labels, inputs, 3, 10,
                                 sampled_values=sampled)
tf.set_random_seed(3)
nce_seeded = tf.nn.nce_loss(weights, biases, labels, inputs, 4, 10)
print(nce.shape, ssm.shape)
g = [tf.convert_to_tensor(v) for v in tf.gradients(nce + ssm, [weights, biases, inputs])]
with tf.Session() as sess:
    for _ in range(2):
        print([v.tolist() for v in sess.run(uniform)])
        print([np.round(v, 5).tolist() for v in sess.run(unique)])
        print([np.round(v, 5).tolist() for v in sess.run(log_u)])
        print([np.round(v, 5).tolist() for v in sess.run(log_3)])
    print([v.tolist() for v in sess.run(all_c)], [v.tolist() for v in sess.run(hits)])
    print(np.round(sess.run(nce), 5), np.round(sess.run(ssm), 5), np.round(sess.run(nce_seeded), 5))
    for v in sess.run(g):
        print(np.array2string(v, precision=4))
