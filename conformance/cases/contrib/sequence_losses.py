# Core-op twin of tests/contrib/programs/sequence_losses.py: legacy_seq2seq.sequence_loss(_by_
# example) over per-step lists and seq2seq.sequence_loss over [batch, time, classes], as TF 1.15
# documents them (weighted sparse softmax cross-entropy, divided by summed weights + 1e-12).
rng = np.random.RandomState(4)
batch, steps, classes = 3, 4, 5
logits = tf.constant(rng.randn(batch, steps, classes).astype(np.float32))
targets = tf.constant(rng.randint(0, classes, (batch, steps)).astype(np.int32))
weights = tf.constant(np.array([[1, 1, 1, 0], [1, 1, 0, 0], [1, 1, 1, 1]], np.float32))
xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=targets, logits=logits)
by_example = tf.reduce_sum(xent * weights, 1) / (tf.reduce_sum(weights, 1) + 1e-12)
legacy = tf.reduce_sum(by_example) / tf.cast(batch, tf.float32)
legacy_sum = tf.reduce_sum(tf.reduce_sum(xent * weights, 1))
averaged = tf.reduce_sum(xent * weights) / (tf.reduce_sum(weights) + 1e-12)
per_step = tf.reduce_sum(xent * weights, 0) / (tf.reduce_sum(weights, 0) + 1e-12)
with tf.Session() as sess:
    for value in sess.run([by_example, legacy, legacy_sum, averaged, per_step]):
        print(value)
