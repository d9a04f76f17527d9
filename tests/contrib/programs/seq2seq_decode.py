# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# A tf.contrib.seq2seq encoder-decoder: TrainingHelper + BasicDecoder + dynamic_decode +
# sequence_loss, then GreedyEmbeddingHelper (twin: conformance/cases/contrib/seq2seq_decode.py).
s2s = tf.contrib.seq2seq
tf.set_random_seed(4)
batch, steps, vocab, embed, units = 3, 4, 6, 3, 5
embedding = tf.get_variable("embedding", [vocab, embed],
                            initializer=tf.random_uniform_initializer(-1.0, 1.0, seed=1))
encoder_ids = tf.placeholder(tf.int32, [batch, steps], name="encoder_ids")
decoder_ids = tf.placeholder(tf.int32, [batch, steps], name="decoder_ids")
targets = tf.placeholder(tf.int32, [batch, steps], name="targets")
lengths = tf.placeholder(tf.int32, [batch], name="lengths")
with tf.variable_scope("encoder"):
    _, encoder_state = tf.contrib.rnn.static_rnn(
        tf.contrib.rnn.GRUCell(units), tf.unstack(tf.nn.embedding_lookup(embedding, encoder_ids),
                                                  axis=1), dtype=tf.float32)
cell = tf.contrib.rnn.GRUCell(units)
projection = tf.layers.Dense(vocab, use_bias=False)
helper = s2s.TrainingHelper(tf.nn.embedding_lookup(embedding, decoder_ids), lengths)
decoder = s2s.BasicDecoder(cell, helper, encoder_state, output_layer=projection)
outputs, _, _ = s2s.dynamic_decode(decoder)
logits = outputs.rnn_output
mask = tf.cast(tf.less(tf.expand_dims(tf.range(steps), 0), tf.expand_dims(lengths, 1)),
               tf.float32)
loss = s2s.sequence_loss(logits, targets, mask)
train = tf.train.AdamOptimizer(0.05).minimize(loss)
greedy_helper = s2s.GreedyEmbeddingHelper(embedding, tf.constant([0, 3, 4]), 5)
greedy_decoder = s2s.BasicDecoder(cell, greedy_helper, encoder_state, output_layer=projection)
greedy, _, greedy_lengths = s2s.dynamic_decode(greedy_decoder, maximum_iterations=5)
print([(v.name, v.shape.as_list()) for v in tf.trainable_variables()])
rng = np.random.RandomState(3)
feed = {encoder_ids: rng.randint(0, vocab, (batch, steps)),
        decoder_ids: rng.randint(0, vocab, (batch, steps)),
        targets: rng.randint(0, vocab, (batch, steps)), lengths: [4, 2, 3]}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sample_ids, sample_lengths = sess.run([greedy.sample_id, greedy_lengths], feed)
    for step in range(5):
        _, value = sess.run([train, loss], feed)
        print(step, value)
    print(np.round(sess.run(logits, feed)[0], 4))
print(sample_ids)
print([int(n) for n in sample_lengths])
