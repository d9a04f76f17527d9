# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# contrib sequence losses (twin: conformance/cases/contrib/sequence_losses.py).
rng = np.random.RandomState(4)
batch, steps, classes = 3, 4, 5
logits = tf.constant(rng.randn(batch, steps, classes).astype(np.float32))
targets = tf.constant(rng.randint(0, classes, (batch, steps)).astype(np.int32))
weights = tf.constant(np.array([[1, 1, 1, 0], [1, 1, 0, 0], [1, 1, 1, 1]], np.float32))
logit_list = tf.unstack(logits, axis=1)
target_list = tf.unstack(targets, axis=1)
weight_list = tf.unstack(weights, axis=1)
legacy = tf.contrib.legacy_seq2seq
by_example = legacy.sequence_loss_by_example(logit_list, target_list, weight_list)
legacy_mean = legacy.sequence_loss(logit_list, target_list, weight_list)
legacy_sum = legacy.sequence_loss(logit_list, target_list, weight_list,
                                  average_across_timesteps=False, average_across_batch=False)
averaged = tf.contrib.seq2seq.sequence_loss(logits, targets, weights)
per_step = tf.contrib.seq2seq.sequence_loss(logits, targets, weights,
                                            average_across_timesteps=False)
with tf.Session() as sess:
    for value in sess.run([by_example, legacy_mean, legacy_sum, averaged, per_step]):
        print(value)
