# DropoutWrapper: seeded masks on inputs, outputs and states (LSTM memory c is kept) in
# tf.nn.static_rnn, where every step has its own dropout ops; keep probabilities of 1 leave the
# cell alone; the wrapper adds no variable scope and lists no variables of its own.
rnn_cell = tf.nn.rnn_cell


def show(*arrays):
    # Lists of rounded float64 values: column padding cannot depend on the last digits.
    print(*[np.round(np.asarray(a, np.float64), 7).tolist() for a in arrays])
tf.set_random_seed(7)
x = tf.placeholder(tf.float32, [4, 3, 5], name="x")
inputs = np.linspace(-1, 1, 60, dtype=np.float32).reshape(4, 3, 5)
cell = rnn_cell.DropoutWrapper(rnn_cell.BasicLSTMCell(3), input_keep_prob=0.5,
                               output_keep_prob=0.75, state_keep_prob=0.5, seed=11)
print(cell.state_size, cell.output_size, type(cell.wrapped_cell).__name__)
outputs, state = tf.nn.static_rnn(cell, tf.unstack(x, axis=1), dtype=tf.float32)
plain = rnn_cell.DropoutWrapper(rnn_cell.GRUCell(2))
with tf.variable_scope("plain"):
    plain_out, _ = tf.nn.dynamic_rnn(plain, x, dtype=tf.float32)
multi = rnn_cell.MultiRNNCell([rnn_cell.DropoutWrapper(rnn_cell.BasicRNNCell(2),
                                                       state_keep_prob=0.5, seed=3),
                               rnn_cell.DropoutWrapper(rnn_cell.BasicLSTMCell(2),
                                                       state_keep_prob=0.5, seed=4)])
with tf.variable_scope("multi"):
    multi_out, multi_state = tf.nn.static_rnn(multi, tf.unstack(x, axis=1), dtype=tf.float32)
print([v.name for v in tf.global_variables()])
print([v.name for v in cell.variables], [v.name for v in multi.variables])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.trainable_variables():
        sess.run(v.assign(np.full(v.shape.as_list(), 0.3, np.float32)))
    out, st, p, m_out, m_state = sess.run([outputs, state, plain_out, multi_out, multi_state],
                                          {x: inputs})
    again = sess.run(outputs, {x: inputs})
show(np.stack(out))
show(st.c)
show(st.h)
show(np.stack(again))
show(p)
show(np.stack(m_out))
show(m_state[0], m_state[1].c, m_state[1].h)
show_error(rnn_cell.DropoutWrapper, rnn_cell.GRUCell(2), input_keep_prob=1.5)
