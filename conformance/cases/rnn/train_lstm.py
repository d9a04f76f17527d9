# Training an LSTM classifier through tf.nn.dynamic_rnn with gradient descent: the losses per
# step and the final weights (gradients flow through every unrolled step and sequence_length).
rnn_cell = tf.nn.rnn_cell


def show(*arrays):
    # Lists of rounded float64 values: column padding cannot depend on the last digits.
    print(*[np.round(np.asarray(a, np.float64), 7).tolist() for a in arrays])
rng = np.random.RandomState(5)
data = rng.uniform(-1, 1, [6, 5, 3]).astype(np.float32)
labels = (data.sum(axis=(1, 2)) > 0).astype(np.int32)
lengths = np.array([5, 4, 3, 5, 2, 1], np.int32)
x = tf.placeholder(tf.float32, [None, 5, 3], name="x")
y = tf.placeholder(tf.int32, [None], name="y")
seq = tf.placeholder(tf.int32, [None], name="seq")
cell = rnn_cell.MultiRNNCell([
    rnn_cell.LSTMCell(4, initializer=tf.constant_initializer(0.1)),
    rnn_cell.GRUCell(3, kernel_initializer=tf.constant_initializer(-0.2))])
outputs, state = tf.nn.dynamic_rnn(cell, x, sequence_length=seq, dtype=tf.float32)
w = tf.get_variable("w", [3, 2], initializer=tf.constant_initializer([[0.5, -0.5], [0.3, 0.1],
                                                                      [-0.2, 0.4]]))
logits = tf.matmul(state[1], w)
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
grads = tf.gradients(loss, tf.trainable_variables())
print([g.shape for g in grads])
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    feed = {x: data, y: labels, seq: lengths}
    for step in range(5):
        l, _ = sess.run([loss, train], feed)
        show(step, l)
    for v in tf.trainable_variables():
        print(v.name)
        show(sess.run(v).ravel()[:6])
