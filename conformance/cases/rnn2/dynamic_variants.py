# dynamic_rnn variants: time-major, initial_state, tuple state without dtype, int64 lengths,
# a batch known statically, zero-length sequences, errors.
tf.set_random_seed(21)
x = tf.placeholder(tf.float32, [2, None, 3], name="x")
cell = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.BasicLSTMCell(2), tf.nn.rnn_cell.GRUCell(2)])
init = cell.zero_state(2, tf.float32)
out, st = tf.nn.dynamic_rnn(cell, x, initial_state=init,
                            sequence_length=tf.constant([2, 0], tf.int64))
print(out, st)
xt = tf.placeholder(tf.float32, [None, 2, 3], name="xt")
out_t, st_t = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(4), xt, dtype=tf.float32,
                                time_major=True, scope="tm", parallel_iterations=1)
print(out_t, st_t)
show_error(tf.nn.dynamic_rnn, tf.nn.rnn_cell.GRUCell(4), tf.placeholder(tf.float32, [2, 3, None]),
           dtype=tf.float32, scope="bad")
show_error(tf.nn.dynamic_rnn, tf.nn.rnn_cell.GRUCell(4), x, scope="nodtype")
show_error(tf.nn.dynamic_rnn, tf.nn.rnn_cell.GRUCell(4), x, dtype=tf.float32,
           sequence_length=[[1, 2]], scope="badlen")
value = np.random.RandomState(3).uniform(-1, 1, [2, 3, 3]).astype(np.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    o, s = sess.run([out, st], {x: value})
    print(np.round(o, 5))
    print([np.round(v, 5) for part in s for v in (part if isinstance(part, tuple) else [part])])
    print(np.round(sess.run(out_t, {xt: np.swapaxes(value, 0, 1)}), 5))
    print(sess.run(tf.shape(out_t), {xt: np.zeros([0, 2, 3])}))
