# A variable-length-sequence LSTM classifier: [batch, None, features] placeholder,
# sequence_length, dynamic_rnn, Adam; the losses over training steps.
tf.set_random_seed(3)
rng = np.random.RandomState(5)
features, classes, batch = 4, 3, 6
x = tf.placeholder(tf.float32, [None, None, features], name="x")
lengths = tf.placeholder(tf.int32, [None], name="lengths")
labels = tf.placeholder(tf.int32, [None], name="labels")
cell = tf.nn.rnn_cell.LSTMCell(8)
outputs, state = tf.nn.dynamic_rnn(cell, x, sequence_length=lengths, dtype=tf.float32)
logits = tf.layers.dense(state.h, classes, name="logits")
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels,
                                                                     logits=logits))
optimizer = tf.train.AdamOptimizer(0.05)
grads_and_vars = optimizer.compute_gradients(loss)
print([(g.shape.as_list(), v.name) for g, v in grads_and_vars])
train = optimizer.apply_gradients(grads_and_vars)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(12):
        steps = 3 + step % 4
        data = rng.uniform(-1, 1, [batch, steps, features]).astype(np.float32)
        seq = rng.randint(1, steps + 1, size=batch).astype(np.int32)
        target = (data[:, 0, 0] > 0).astype(np.int32) + (data[:, 0, 1] > 0.5)
        value, _ = sess.run([loss, train], {x: data, lengths: seq, labels: target})
        print(step, steps, round(float(value), 5))
