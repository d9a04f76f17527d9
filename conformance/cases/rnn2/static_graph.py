# static_rnn with sequence_length: each step inside TF's tf.cond pair; names, values, gradients.
tf.set_random_seed(4)
graph = tf.get_default_graph()
steps = [tf.placeholder(tf.float32, [2, 3], name=f"s{k}") for k in range(2)]
sl = tf.placeholder(tf.int32, [2], name="sl")
start = len(graph.get_operations())
outs, st = tf.nn.static_rnn(tf.nn.rnn_cell.BasicRNNCell(2), steps, sequence_length=sl,
                            dtype=tf.float32)
for op in graph.get_operations()[start:]:
    if "Initializer" in op.name or op.type in ("VariableV2", "Assign"):
        continue
    print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs])
print(outs, st)
lstm_outs, lstm_st = tf.nn.static_rnn(tf.nn.rnn_cell.LSTMCell(3), steps, sequence_length=sl,
                                      dtype=tf.float32, scope="lstm")
print(lstm_outs, lstm_st)
feed = {steps[0]: np.ones([2, 3]) * 0.5, steps[1]: np.ones([2, 3]) * -0.25}
loss = tf.add_n([tf.reduce_sum(o) for o in outs + lstm_outs]) + tf.reduce_sum(lstm_st.c)
grads = tf.gradients(loss, steps + tf.trainable_variables())
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for lengths in ([2, 1], [0, 0], [2, 2]):
        feed[sl] = lengths
        for value in sess.run(outs + [st, lstm_st.c], feed):
            print(np.round(value, 5))
        for g in sess.run(grads, feed):
            print(np.round(g, 4))
