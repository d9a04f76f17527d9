# tf.nn.static_rnn: outputs and states (with and without sequence_length, unknown batch,
# nested cells) with fixed weights; the variables it creates.
rnn_cell = tf.nn.rnn_cell


def show(*arrays):
    # Lists of rounded float64 values: column padding cannot depend on the last digits.
    print(*[np.round(np.asarray(a, np.float64), 7).tolist() for a in arrays])
rng = np.random.RandomState(2)
inputs = rng.uniform(-1, 1, [3, 3, 2]).astype(np.float32)


def leaves(structure):
    if isinstance(structure, tuple):
        return [t for part in structure for t in leaves(part)]
    return [structure]


def run(name, make_cell, batch=3, **kwargs):
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [batch, 3, 2], name="x")
    cell = make_cell()
    steps = tf.unstack(x, axis=1)
    outputs, state = tf.nn.static_rnn(cell, steps, dtype=tf.float32, **kwargs)
    print(name, [v.name for v in tf.global_variables()])
    print([o.shape for o in outputs], [s.shape for s in leaves(state)])
    values = np.random.RandomState(3)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for v in tf.trainable_variables():
            sess.run(v.assign(values.uniform(-0.7, 0.7, v.shape.as_list())))
        out, st = sess.run([outputs, leaves(state)], {x: inputs})
    show(np.stack(out))
    for part in st:
        show(part)


run("lstm", lambda: rnn_cell.BasicLSTMCell(2))
run("lstm_lengths", lambda: rnn_cell.BasicLSTMCell(2), sequence_length=[3, 1, 0])
run("gru_unknown_batch", lambda: rnn_cell.GRUCell(2), batch=None, sequence_length=[2, 3, 1])
run("multi_scope", lambda: rnn_cell.MultiRNNCell([rnn_cell.LSTMCell(2, use_peepholes=True),
                                                  rnn_cell.BasicRNNCell(3)]), scope="net")
