# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# A decoder with tf.contrib.seq2seq.BahdanauAttention + AttentionWrapper + TrainingHelper +
# BasicDecoder + dynamic_decode + sequence_loss (twin: conformance/cases/contrib).
s2s = tf.contrib.seq2seq
tf.set_random_seed(8)
batch, steps, source, depth, units, attention_size, vocab = 2, 3, 4, 3, 5, 4, 6
rng = np.random.RandomState(5)
memory = tf.constant(rng.randn(batch, source, depth).astype(np.float32))
memory_lengths = tf.constant([4, 2])
inputs = tf.constant(rng.randn(batch, steps, 2).astype(np.float32))
targets = tf.constant(rng.randint(0, vocab, (batch, steps)).astype(np.int32))
with tf.variable_scope("model", initializer=tf.random_uniform_initializer(-0.5, 0.5, seed=9)):
    mechanism = s2s.BahdanauAttention(units, memory, memory_sequence_length=memory_lengths)
    cell = s2s.AttentionWrapper(tf.nn.rnn_cell.LSTMCell(4), mechanism,
                                attention_layer_size=attention_size)
    helper = s2s.TrainingHelper(inputs, tf.fill([batch], steps))
    decoder = s2s.BasicDecoder(cell, helper, cell.zero_state(batch, tf.float32),
                               output_layer=tf.layers.Dense(vocab))
    outputs, final_state, _ = s2s.dynamic_decode(decoder)
loss = s2s.sequence_loss(outputs.rnn_output, targets, tf.ones([batch, steps]))
train = tf.train.AdamOptimizer(0.05).minimize(loss)
print([(v.name, v.shape.as_list()) for v in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        _, value = sess.run([train, loss])
        print(step, value)
    print(np.round(sess.run(final_state.alignments), 5))
