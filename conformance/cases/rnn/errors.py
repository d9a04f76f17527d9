# Errors raised by the RNN functions and cells while the graph is built.
rnn_cell = tf.nn.rnn_cell
x = tf.placeholder(tf.float32, [2, 3, 4])
show_error(tf.nn.dynamic_rnn, rnn_cell.BasicRNNCell(2), x)
show_error(tf.nn.static_rnn, rnn_cell.BasicRNNCell(2), tf.unstack(x, axis=1))
show_error(tf.nn.static_rnn, rnn_cell.BasicRNNCell(2), x, dtype=tf.float32)
show_error(tf.nn.static_rnn, rnn_cell.BasicRNNCell(2), [], dtype=tf.float32)
show_error(tf.nn.dynamic_rnn, "not a cell", x, dtype=tf.float32)
show_error(tf.nn.dynamic_rnn, rnn_cell.BasicRNNCell(2), x, dtype=tf.float32,
           sequence_length=[[1, 2]])
show_error(rnn_cell.MultiRNNCell, [])
show_error_contains(lambda: rnn_cell.MultiRNNCell(rnn_cell.BasicRNNCell(2)),
                    "cells must be a list or tuple, but received: <")
show_error(rnn_cell.MultiRNNCell, [rnn_cell.BasicLSTMCell(2)], state_is_tuple=False)
cell = rnn_cell.BasicLSTMCell(2)
show_error(cell, tf.placeholder(tf.float32, [2, None]), cell.zero_state(2, tf.float32))
show_error(cell, x, cell.zero_state(2, tf.float32))
show_error(rnn_cell.GRUCell(2), tf.placeholder(tf.int32, [2, 3]), tf.zeros([2, 2], tf.int32))
show_error(lambda: rnn_cell.RNNCell().state_size)
with tf.variable_scope("twice"):
    tf.nn.dynamic_rnn(rnn_cell.GRUCell(2), x, dtype=tf.float32)
with tf.variable_scope("twice"):
    show_error_contains(lambda: tf.nn.dynamic_rnn(rnn_cell.GRUCell(2), x, dtype=tf.float32),
                        "Variable twice/rnn/gru_cell/gates/kernel already exists, disallowed.")
with tf.variable_scope("twice", reuse=True):
    print(tf.nn.dynamic_rnn(rnn_cell.GRUCell(2), x, dtype=tf.float32)[0].shape)
print(len(tf.global_variables()))
