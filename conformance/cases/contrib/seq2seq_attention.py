# Core-op twin of tests/contrib/programs/seq2seq_attention.py: a decoder with Bahdanau attention
# as TF 1.15's tf.contrib.seq2seq documents it (memory_layer keys, query_layer, attention_v,
# alignments = softmax(sum(v * tanh(keys + query))) masked past the memory lengths, attention
# layer over [cell output, context], cell input = [input, previous attention]), teacher-forced
# for every step (the TrainingHelper lengths are all full), trained a few steps.
tf.set_random_seed(8)
batch, steps, source, depth, units, attention_size, vocab = 2, 3, 4, 3, 5, 4, 6
rng = np.random.RandomState(5)
memory = tf.constant(rng.randn(batch, source, depth).astype(np.float32))
memory_lengths = tf.constant([4, 2])
inputs = tf.constant(rng.randn(batch, steps, 2).astype(np.float32))
targets = tf.constant(rng.randint(0, vocab, (batch, steps)).astype(np.int32))
with tf.variable_scope("model", initializer=tf.random_uniform_initializer(-0.5, 0.5, seed=9)):
    memory_mask = tf.less(tf.expand_dims(tf.range(source), 0), tf.expand_dims(memory_lengths, 1))
    values = memory * tf.expand_dims(tf.cast(memory_mask, tf.float32), 2)
    keys = tf.layers.Dense(units, name="memory_layer", use_bias=False)(values)
    cell = tf.nn.rnn_cell.LSTMCell(4)
    query_layer = tf.layers.Dense(units, name="query_layer", use_bias=False)
    attention_layer = tf.layers.Dense(attention_size, name="attention_layer", use_bias=False)
    projection = tf.layers.Dense(vocab)
    state = cell.zero_state(batch, tf.float32)
    attention = tf.zeros([batch, attention_size])
    logits = []
    with tf.variable_scope("decoder", reuse=tf.AUTO_REUSE):
        for t in range(steps):
            with tf.variable_scope("attention_wrapper", reuse=tf.AUTO_REUSE):
                output, state = cell(tf.concat([inputs[:, t], attention], -1), state)
                with tf.variable_scope("bahdanau_attention", reuse=tf.AUTO_REUSE):
                    query = tf.expand_dims(query_layer(output), 1)
                    v = tf.get_variable("attention_v", [units])
                    score = tf.reduce_sum(v * tf.tanh(keys + query), [2])
                    score = tf.where_v2(memory_mask, score, tf.fill(tf.shape(score),
                                                                    float("-inf")))
                    alignments = tf.nn.softmax(score)
                context = tf.squeeze(tf.matmul(tf.expand_dims(alignments, 1), values), [1])
                attention = attention_layer(tf.concat([output, context], 1))
            logits.append(projection(attention))
logits = tf.stack(logits, axis=1)
loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=targets,
                                                                    logits=logits)) / (
    batch * steps + 1e-12)
train = tf.train.AdamOptimizer(0.05).minimize(loss)
print([(v.name, v.shape.as_list()) for v in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        _, value = sess.run([train, loss])
        print(step, value)
    print(np.round(sess.run(alignments), 5))
