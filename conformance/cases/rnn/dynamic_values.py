# tf.nn.dynamic_rnn outputs and final states for each cell with fixed weights: batch-major and
# time-major inputs, sequence_length (zero outputs, frozen states), initial states.
rnn_cell = tf.nn.rnn_cell


def show(*arrays):
    # Lists of rounded float64 values: column padding cannot depend on the last digits.
    print(*[np.round(np.asarray(a, np.float64), 7).tolist() for a in arrays])
rng = np.random.RandomState(0)
inputs = rng.uniform(-1, 1, [3, 4, 2]).astype(np.float32)
lengths = np.array([4, 2, 0], np.int32)


def leaves(structure):
    if isinstance(structure, tuple):
        return [t for part in structure for t in leaves(part)]
    return [structure]


def run(name, make_cell, **kwargs):
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [3, 4, 2], name="x")
    cell = make_cell()
    feed_x = x
    if kwargs.pop("time_major", False):
        feed_x = tf.transpose(x, [1, 0, 2])
        kwargs["time_major"] = True
    outputs, state = tf.nn.dynamic_rnn(cell, feed_x, dtype=tf.float32, **kwargs)
    values = np.random.RandomState(1)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for v in tf.trainable_variables():
            sess.run(v.assign(values.uniform(-0.5, 0.5, v.shape.as_list())))
        out, st = sess.run([outputs, leaves(state)], {x: inputs})
    print(name, outputs.shape, [s.shape for s in leaves(state)])
    show(out)
    for part in st:
        show(part)


run("basic_rnn", lambda: rnn_cell.BasicRNNCell(3))
run("basic_rnn_relu", lambda: rnn_cell.BasicRNNCell(3, activation=tf.nn.relu))
run("basic_lstm", lambda: rnn_cell.BasicLSTMCell(3))
run("basic_lstm_forget0", lambda: rnn_cell.BasicLSTMCell(2, forget_bias=0.0))
run("basic_lstm_concat", lambda: rnn_cell.BasicLSTMCell(2, state_is_tuple=False))
run("lstm", lambda: rnn_cell.LSTMCell(3))
run("lstm_full", lambda: rnn_cell.LSTMCell(3, use_peepholes=True, cell_clip=0.2, num_proj=2,
                                           proj_clip=0.1))
run("lstm_concat", lambda: rnn_cell.LSTMCell(3, num_proj=2, state_is_tuple=False))
run("gru", lambda: rnn_cell.GRUCell(3))
run("multi", lambda: rnn_cell.MultiRNNCell([rnn_cell.BasicLSTMCell(2), rnn_cell.GRUCell(3)]))
run("multi_concat", lambda: rnn_cell.MultiRNNCell(
    [rnn_cell.BasicRNNCell(2), rnn_cell.GRUCell(3)], state_is_tuple=False))
run("lstm_lengths", lambda: rnn_cell.BasicLSTMCell(3), sequence_length=lengths)
run("gru_lengths_time_major", lambda: rnn_cell.GRUCell(2), sequence_length=lengths,
    time_major=True)
run("multi_lengths", lambda: rnn_cell.MultiRNNCell(
    [rnn_cell.BasicLSTMCell(2), rnn_cell.BasicRNNCell(2)]), sequence_length=[1, 3, 2])

tf.reset_default_graph()
x = tf.placeholder(tf.float32, [3, 4, 2])
cell = rnn_cell.BasicLSTMCell(2)
init = rnn_cell.LSTMStateTuple(tf.fill([3, 2], 0.5), tf.fill([3, 2], -0.25))
lengths_t = tf.placeholder(tf.int64, [None])
outputs, state = tf.nn.dynamic_rnn(cell, x, sequence_length=lengths_t, initial_state=init)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.trainable_variables():
        sess.run(v.assign(np.full(v.shape.as_list(), 0.1, np.float32)))
    out, st = sess.run([outputs, state], {x: inputs, lengths_t: [2, 0, 3]})
print("initial_state", outputs.shape, state.c.shape)
show(out)
show(st.c, st.h)
