# The variable-length LSTM classifier with gradients clipped by their global norm before Adam:
# the clipping graph's names, the norms and the losses over training steps.
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
params = tf.trainable_variables()
grads = tf.gradients(loss, params)
clipped, norm = tf.clip_by_global_norm(grads, 0.5)
print(norm, [c.name for c in clipped])
train = tf.train.AdamOptimizer(0.05).apply_gradients(zip(clipped, params))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(12):
        steps = 3 + step % 4
        data = rng.uniform(-1, 1, [batch, steps, features]).astype(np.float32)
        seq = rng.randint(1, steps + 1, size=batch).astype(np.int32)
        target = (data[:, 0, 0] > 0).astype(np.int32) + (data[:, 0, 1] > 0.5)
        value, global_norm, _ = sess.run([loss, norm, train],
                                         {x: data, lengths: seq, labels: target})
        print(step, steps, round(float(value), 5), round(float(global_norm), 4))
