# Core-op twin of tests/contrib/programs/crf_tagger.py: a linear-chain CRF tagger as TF 1.15's
# tf.contrib.crf defines it -- sequence score (unary + transitions within each length), log
# partition by the forward algorithm, Viterbi decoding -- built from core ops, trained a few
# steps on the transitions variable and a dense layer.
tf.set_random_seed(2)
batch, steps, depth, tags = 4, 5, 3, 3
rng = np.random.RandomState(6)
features = tf.constant(rng.randn(batch, steps, depth).astype(np.float32))
gold = tf.constant(rng.randint(0, tags, (batch, steps)).astype(np.int32))
lengths = tf.constant(np.array([5, 3, 1, 4], np.int32))
w = tf.get_variable("w", [depth, tags], initializer=tf.glorot_uniform_initializer(seed=1))
unary = tf.reshape(tf.matmul(tf.reshape(features, [-1, depth]), w), [batch, steps, tags])
transitions = tf.get_variable("transitions", [tags, tags])
mask = tf.cast(tf.less(tf.expand_dims(tf.range(steps), 0), tf.expand_dims(lengths, 1)),
               tf.float32)
unary_score = tf.reduce_sum(tf.reduce_sum(unary * tf.one_hot(gold, tags), 2) * mask, 1)
start = tf.reshape(tf.one_hot(gold[:, :-1], tags), [-1, tags])
end = tf.reshape(tf.one_hot(gold[:, 1:], tags), [-1, tags])
binary = tf.reshape(tf.reduce_sum(tf.matmul(start, transitions) * end, 1), [batch, steps - 1])
score = unary_score + tf.reduce_sum(binary * mask[:, 1:], 1)
alphas = unary[:, 0, :]
for t in range(1, steps):
    updated = tf.reduce_logsumexp(tf.expand_dims(alphas, 2) + tf.expand_dims(transitions, 0),
                                  axis=1) + unary[:, t, :]
    alphas = tf.where_v2(tf.cast(mask[:, t:t + 1], tf.bool), updated, alphas)
log_norm = tf.reduce_logsumexp(alphas, axis=1)
log_likelihood = score - log_norm
loss = -tf.reduce_mean(log_likelihood)
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        _, value = sess.run([train, loss])
        print(step, value)
    print(sess.run(log_likelihood))
    unary_value, transition_value, length_value = sess.run([unary, transitions, lengths])
for b in range(batch):  # Viterbi, as tf.contrib.crf.viterbi_decode computes it
    score_b = unary_value[b, :length_value[b]]
    trellis = np.zeros_like(score_b)
    pointers = np.zeros_like(score_b, dtype=np.int32)
    trellis[0] = score_b[0]
    for t in range(1, score_b.shape[0]):
        v = np.expand_dims(trellis[t - 1], 1) + transition_value
        trellis[t] = score_b[t] + np.max(v, 0)
        pointers[t] = np.argmax(v, 0)
    best = [int(np.argmax(trellis[-1]))]
    for p in reversed(pointers[1:]):
        best.append(int(p[best[-1]]))
    best.reverse()
    print(best + [0] * (steps - len(best)), np.max(trellis[-1]))
