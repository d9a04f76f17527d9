# Core-op twin of tests/contrib/programs/seq2seq_decode.py: an encoder-decoder trained with
# teacher forcing (what TrainingHelper + BasicDecoder + dynamic_decode compute: the decoder cell
# and output projection under variable scope "decoder") and greedy decoding (what
# GreedyEmbeddingHelper computes: argmax fed back through the embedding, stopping once every
# sequence has emitted the end token 5, or after maximum_iterations).
tf.set_random_seed(4)
batch, steps, vocab, embed, units = 3, 4, 6, 3, 5
embedding = tf.get_variable("embedding", [vocab, embed],
                            initializer=tf.random_uniform_initializer(-1.0, 1.0, seed=1))
encoder_ids = tf.placeholder(tf.int32, [batch, steps], name="encoder_ids")
decoder_ids = tf.placeholder(tf.int32, [batch, steps], name="decoder_ids")
targets = tf.placeholder(tf.int32, [batch, steps], name="targets")
lengths = tf.placeholder(tf.int32, [batch], name="lengths")
with tf.variable_scope("encoder"):
    _, encoder_state = tf.nn.static_rnn(
        tf.nn.rnn_cell.GRUCell(units), tf.unstack(tf.nn.embedding_lookup(embedding, encoder_ids),
                                                  axis=1), dtype=tf.float32)
cell = tf.nn.rnn_cell.GRUCell(units)
projection = tf.layers.Dense(vocab, use_bias=False)
with tf.variable_scope("decoder"):
    state = encoder_state
    outputs = []
    for x in tf.unstack(tf.nn.embedding_lookup(embedding, decoder_ids), axis=1):
        output, state = cell(x, state)
        outputs.append(projection(output))
logits = tf.stack(outputs, axis=1)
mask = tf.cast(tf.less(tf.expand_dims(tf.range(steps), 0), tf.expand_dims(lengths, 1)),
               tf.float32)
xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=targets, logits=logits)
loss = tf.reduce_sum(xent * mask) / (tf.reduce_sum(mask) + 1e-12)
train = tf.train.AdamOptimizer(0.05).minimize(loss)
with tf.variable_scope("greedy"):
    state = encoder_state
    ids = tf.constant([0, 3, 4])
    greedy = []
    for _ in range(5):
        output, state = cell(tf.nn.embedding_lookup(embedding, ids), state)
        ids = tf.argmax(projection(output), axis=-1, output_type=tf.int32)
        greedy.append(ids)
greedy = tf.stack(greedy, axis=1)
print([(v.name, v.shape.as_list()) for v in tf.trainable_variables()])
rng = np.random.RandomState(3)
feed = {encoder_ids: rng.randint(0, vocab, (batch, steps)),
        decoder_ids: rng.randint(0, vocab, (batch, steps)),
        targets: rng.randint(0, vocab, (batch, steps)), lengths: [4, 2, 3]}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sample_ids = sess.run(greedy, feed)  # before training: more varied than after
    for step in range(5):
        _, value = sess.run([train, loss], feed)
        print(step, value)
    print(np.round(sess.run(logits, feed)[0], 4))
ended = np.cumsum(sample_ids == 5, axis=1) > 0  # as dynamic_decode stops the loop
all_done = np.nonzero(ended.all(axis=0))[0]
run = all_done[0] + 1 if all_done.size else 5
print(sample_ids[:, :run])
print([int(np.argmax(row)) + 1 if row.any() else 5 for row in ended])
