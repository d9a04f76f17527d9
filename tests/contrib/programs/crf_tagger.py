# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# A CRF tagger with tf.contrib.crf (twin: conformance/cases/contrib/crf_tagger.py).
tf.set_random_seed(2)
batch, steps, depth, tags = 4, 5, 3, 3
rng = np.random.RandomState(6)
features = tf.constant(rng.randn(batch, steps, depth).astype(np.float32))
gold = tf.constant(rng.randint(0, tags, (batch, steps)).astype(np.int32))
lengths = tf.constant(np.array([5, 3, 1, 4], np.int32))
w = tf.get_variable("w", [depth, tags], initializer=tf.glorot_uniform_initializer(seed=1))
unary = tf.reshape(tf.matmul(tf.reshape(features, [-1, depth]), w), [batch, steps, tags])
log_likelihood, transitions = tf.contrib.crf.crf_log_likelihood(unary, gold, lengths)
loss = -tf.reduce_mean(log_likelihood)
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
decoded, best_score = tf.contrib.crf.crf_decode(unary, transitions, lengths)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        _, value = sess.run([train, loss])
        print(step, value)
    print(sess.run(log_likelihood))
    unary_value, transition_value, length_value, tags_value, scores = sess.run(
        [unary, transitions, lengths, decoded, best_score])
for b in range(batch):
    best, best_value = tf.contrib.crf.viterbi_decode(unary_value[b, :length_value[b]],
                                                     transition_value)
    assert list(tags_value[b, :length_value[b]]) == list(best)
    assert abs(scores[b] - best_value) < 1e-4 * max(1.0, abs(best_value))
    print([int(t) for t in tags_value[b]], best_value)
